"""Eleven communes of 2021 export their real packages; a district imports all but one.

Xã Mường Giàng (03703) sends September twice: r1, then r2 after one more activity and
its difficulties; Xã Nậm Ét (03712) never sends September. August is sent by everyone, so
the comparison column has data. What each commune's own report said at its last export is
kept, to check the district's sums against it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.periods import month_period
from quynhnhai_desktop.domain.units import default_units
from quynhnhai_desktop.services import (
    activities,
    demo,
    district,
    package_export,
    profile,
    reference,
    report,
)
from quynhnhai_desktop.store.database import Database, open_database
from tests.support.package_helpers import enrol_files

SEPTEMBER = month_period(2021, 9)
AUGUST = month_period(2021, 8)
REVISED = "03703"  # Mường Giàng: r1 then r2
MISSING = "03712"  # Nậm Ét: no September report
TEXTS = {
    "03703": (
        "Bản Huổi Ngùa, Co Phường sóng điện thoại yếu, khó hướng dẫn cài đặt Sổ sức khỏe điện tử.",
        "Đề nghị cấp thêm tờ rơi song ngữ Việt - Thái.",
    ),
    "03682": (
        "Một số bản vùng lòng hồ đi lại khó khăn vào mùa mưa.",
        "Đề nghị hỗ trợ loa cầm tay cho các tổ COVID cộng đồng.",
    ),
    "03709": ("Đài truyền thanh xã hỏng cụm loa bản Lọng Mương từ ngày 12/9/2021.", ""),
}
DISTRICT_SIGNER = profile.SetupRequest("district", "118", "Lương Văn Thảo", "TRƯỞNG PHÒNG")


@dataclass
class Communes:
    usb: Path
    september: dict[str, report.ReportBundle] = field(default_factory=dict)  # as last exported
    august: dict[str, report.ReportBundle] = field(default_factory=dict)
    first_revision: report.ReportBundle | None = None  # Mường Giàng's r1
    names: dict[str, str] = field(default_factory=dict)  # code → "Xã Mường Giàng"


def _texts(db: Database, code: str, number: str, day: dt.date, extra: str = "") -> None:
    difficulties, proposals = TEXTS.get(code, ("", ""))
    report.save_texts(
        db,
        SEPTEMBER,
        number=number,
        report_date=day,
        results=None,
        difficulties=difficulties + extra,
        proposals=proposals,
    )


def _one_more_activity(db: Database, code: str) -> None:
    with db.session() as session:
        team = reference.list_teams(session, code)[0]
        draft = activities.ActivityDraft(
            date=dt.date(2021, 9, 29),
            team_id=team.id or 0,
            form_code="direct",
            topics=("vaccination_registration",),
            values={"people": 777, "households": 55, "vaccination_registrations": 301},
        )
        activities.record_many(session, code, [(draft, "")])


def build_communes(root: Path) -> Communes:
    """Every commune of 2021 set up, filled with demo data and exported to root/usb."""
    made = Communes(root / "usb")
    made.usb.mkdir(parents=True)
    for unit in district.expected_communes(default_units(), "118", SEPTEMBER.end):
        made.names[unit.code] = unit.full_name
        paths = AppPaths(root / unit.code).ensure()
        db = open_database(paths.database_url)
        request = profile.SetupRequest(
            "commune", unit.code, "Lò Văn Thành", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
        )
        profile.set_up(db, request, keys_dir=paths.keys_dir)
        demo.fill(db, months=2, until=dt.date(2021, 9, 30))
        package_export.export(db, paths, AUGUST, made.usb)
        made.august[unit.code] = report.prepare(db, AUGUST)
        if unit.code != MISSING:
            _texts(db, unit.code, unit.code[-2:], dt.date(2021, 10, 4))
            package_export.export(db, paths, SEPTEMBER, made.usb)
            made.september[unit.code] = report.prepare(db, SEPTEMBER)
        if unit.code == REVISED:
            made.first_revision = made.september[unit.code]
            _one_more_activity(db, unit.code)
            _texts(
                db, unit.code, "41", dt.date(2021, 10, 6), "\nMột số hộ chưa biết khai báo y tế."
            )
            assert package_export.export(db, paths, SEPTEMBER, made.usb).revision == 2
            made.september[unit.code] = report.prepare(db, SEPTEMBER)
        db.close()
    return made


def district_db(paths: AppPaths, usb: Path) -> Database:
    """A district installation that imported every file on the stick (r2 before r1)."""
    db = open_database(paths.database_url)
    profile.set_up(db, DISTRICT_SIGNER)
    files = sorted(usb.glob("*.qnbc"), key=lambda f: (f.name.endswith("-r1.qnbc"), f.name))
    enrol_files(db, files)  # the district confirmed each commune's fingerprint
    results = district.import_files(db, files)
    assert district.Outcome.REFUSED not in {r.outcome for r in results}, results
    return db
