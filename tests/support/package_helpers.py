"""Building sound report packages for the tests (the export service builds the real ones)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from pathlib import Path

from quynhnhai_desktop import __version__
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.package import (
    DATA,
    FORMAT,
    PDF,
    ActivityRow,
    CampaignRef,
    ConsolidatedData,
    GroupTotals,
    ManifestV1,
    Narrative,
    Payload,
    ReportData,
    UnitRef,
    UnitTotals,
    VenueSummary,
)
from quynhnhai_desktop.domain.units import default_units
from quynhnhai_desktop.services import package, signed_zip
from quynhnhai_desktop.services.identity import Identity, fingerprint
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import CommuneKey


def sample_data(people: int = 120, sessions: int = 3) -> ReportData:
    rows = [
        ActivityRow(
            uuid=str(uuid.UUID(int=1)),
            date=dt.date(2021, 9, 6),
            village="Bản Nà",
            team="Đoàn Thanh niên",
            form="direct",
            topics=["bluezone", "health_book"],
            values={"people": people, "sessions": sessions},
            note="Họp bản",
        ),
        ActivityRow(
            uuid=str(uuid.UUID(int=2)),
            date=dt.date(2021, 9, 20),
            village=None,
            team="Đài truyền thanh xã",
            form="loudspeaker",
            topics=["vaccination_benefit"],
            values={"minutes": 240, "sessions": 12},
            note="",
        ),
    ]
    totals = {"people": people, "sessions": sessions + 12, "minutes": 240}
    by_form = [
        GroupTotals(
            key="direct",
            label="Tuyên truyền trực tiếp",
            activities=1,
            values={"people": people, "sessions": sessions},
        ),
        GroupTotals(
            key="loudspeaker",
            label="Truyền thanh cơ sở",
            activities=1,
            values={"minutes": 240, "sessions": 12},
        ),
    ]
    by_village = [
        GroupTotals(
            key="Bản Nà",
            label="Bản Nà",
            activities=1,
            values={"people": people, "sessions": sessions},
        ),
        GroupTotals(
            key="*", label="Toàn xã", activities=1, values={"minutes": 240, "sessions": 12}
        ),
    ]
    return ReportData(
        catalog_id="covid-2021",
        activities_count=2,
        totals=totals,
        by_form=by_form,
        by_topic=[],
        by_village=by_village,
        by_team=by_form,
        venues=VenueSummary(
            total=32,
            active=31,
            registered=22,
            with_official_qr=18,
            registered_in_period=3,
            posters_printed=10,
        ),
        narrative=Narrative(
            number="05/BC-UBND",
            issued_on=dt.date(2021, 10, 5),
            results="Kết quả tốt.",
            difficulties="Sóng yếu ở bản xa.",
            proposals="Hỗ trợ điện thoại.",
        ),
        activities=rows,
    )


def make_package(
    identity: Identity,
    *,
    commune: str = "03703",
    name: str | None = None,
    month: int = 9,
    revision: int = 1,
    data: Payload | None = None,
    created: dt.datetime | None = None,
    pdf: bytes = b"%PDF-1.4 test report\n%%EOF\n",
    year: int = 2021,
    upper: str = "118",  # the unit it reports to (the province "14" from 1/7/2025)
    version: int = 1,
    level: str = "commune",
) -> tuple[str, bytes]:
    """A sound package. Format 1 (as the first exports wrote them) names the commune without
    its kind (default "Mường Giàng"); format 2 (what the app writes now) names the unit with
    its kind, by default as the unit list has it on the period's first day."""
    start = dt.date(year, month, 1)
    end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    created_at = created or dt.datetime(
        year, month + 1 if month < 12 else 12, 3, 9, 0, tzinfo=dt.UTC
    )
    payload = data or sample_data()
    if version == 2:
        if name is None:
            unit = default_units().get(commune, start)
            name = unit.full_name if unit is not None else f"Xã {commune}"
        manifest2, blob = package.build(
            unit=UnitRef(
                code=commune,
                level=level,
                name=name,
                parent_code=upper,
                valid_on=start,  # type: ignore[arg-type]
            ),
            period_start=start,
            period_end=end,
            period_rule="calendar",
            revision=revision,
            data=payload,
            pdf=pdf,
            identity=identity,
            campaign=CampaignRef(id="covid-2021", version=1, title=first_campaign().title["vi"]),
            created_at=created_at,
        )
        return package.file_name(manifest2), blob
    assert isinstance(payload, ReportData)
    return build_v1(
        identity,
        commune_code=commune,
        commune_name=name or "Mường Giàng",
        district_code=upper,
        period_start=start,
        period_end=end,
        period_rule="calendar",
        revision=revision,
        data=payload,
        pdf=pdf,
        created_at=created_at,
    )


def build_v1(
    identity: Identity,
    *,
    commune_code: str,
    commune_name: str,
    district_code: str,
    period_start: dt.date,
    period_end: dt.date,
    period_rule: str,
    revision: int,
    data: ReportData,
    pdf: bytes,
    created_at: dt.datetime,
) -> tuple[str, bytes]:
    """A format-1 package, byte for byte as the app wrote them before format 2 (no campaign
    in the manifest: the 2021 campaign)."""
    import hashlib

    data_bytes = data.model_dump_json(indent=1).encode("utf-8")
    manifest = ManifestV1.model_validate(
        {
            "format": FORMAT,
            "format_version": 1,
            "app_version": __version__,
            "commune_code": commune_code,
            "commune_name": commune_name,
            "district_code": district_code,
            "period_start": period_start,
            "period_end": period_end,
            "period_rule": period_rule,
            "revision": revision,
            "created_at": created_at,
            "members": {
                DATA: hashlib.sha256(data_bytes).hexdigest(),
                PDF: hashlib.sha256(pdf).hexdigest(),
            },
            "public_key": identity.public_key_b64,
        },
        strict=False,
    )
    manifest_bytes = manifest.model_dump_json(indent=1, exclude_none=True).encode("utf-8")
    blob = signed_zip.build(manifest_bytes, ((DATA, data_bytes), (PDF, pdf)), identity)
    return package.file_name(manifest), blob


def consolidated_data(*communes: tuple[str, str, ReportData]) -> ConsolidatedData:
    """A district's package data: each (code, full name, data) as the district counted it."""
    return ConsolidatedData(
        catalog_id="covid-2021",
        units=[
            UnitTotals(
                code=code,
                name=name,
                revision=1,
                package_sha256=f"{index:064x}",
                activities_count=data.activities_count,
                totals=data.totals,
                by_form=data.by_form,
                by_topic=data.by_topic,
                by_team=data.by_team,
                venues=data.venues,
            )
            for index, (code, name, data) in enumerate(communes, start=1)
        ],
        narrative=sample_data().narrative,
    )


def many_rows_data(count: int, seed: int = 0) -> ReportData:
    """A commune-month of *count* activities whose tables add up (for benchmarks)."""
    import random

    rng = random.Random(seed)
    villages = ["Bản Nà", "Bản Hé", "Bản Tom", "Bản Xe"]
    rows = []
    for i in range(count):
        values = {"people": rng.randint(20, 150), "sessions": rng.randint(1, 3)}
        rows.append(
            ActivityRow(
                uuid=str(uuid.UUID(int=seed * 100_000 + i + 1)),
                date=dt.date(2021, 9, 1 + i % 28),
                village=villages[i % 4],
                team="Đoàn Thanh niên",
                form="direct",
                topics=["bluezone"],
                values=values,
                note="",
            )
        )

    def group(key_of) -> list[GroupTotals]:  # type: ignore[no-untyped-def]
        groups: dict[str, GroupTotals] = {}
        for row in rows:
            key = key_of(row)
            old = groups.get(key)
            values = dict(old.values) if old else {}
            for code, value in row.values.items():
                values[code] = values.get(code, 0) + value
            groups[key] = GroupTotals(
                key=key, label=key, activities=(old.activities if old else 0) + 1, values=values
            )
        return list(groups.values())

    totals: dict[str, int] = {}
    for row in rows:
        for code, value in row.values.items():
            totals[code] = totals.get(code, 0) + value
    base = sample_data()
    return ReportData(
        catalog_id="covid-2021",
        activities_count=count,
        totals=totals,
        by_form=group(lambda r: r.form),
        by_topic=group(lambda r: r.topics[0]),
        by_village=group(lambda r: r.village or "*"),
        by_team=group(lambda r: r.team),
        venues=base.venues,
        narrative=base.narrative,
        activities=rows,
    )


def enrol(db: Database, identity: Identity, commune: str = "03703") -> None:
    """Enrol *identity* for *commune* at the district, as a confirmed enrolment leaves it
    (tests of what comes after; tests/services/test_enrolment.py tests the enrolment itself)."""
    _enrol_key(db, commune, identity.public_key_b64)


def enrol_files(db: Database, files: Iterable[Path]) -> None:
    """Enrol the key of every file's commune (folders: their .qnbc files), importing nothing."""
    for path in files:
        for one in sorted(path.glob("*.qnbc")) if path.is_dir() else [path]:
            manifest = package.read(one.read_bytes()).manifest
            _enrol_key(db, manifest.commune_code, manifest.public_key)


def _enrol_key(db: Database, commune: str, public_key: str) -> None:
    with db.session() as session:
        if session.get(CommuneKey, commune) is None:
            session.add(
                CommuneKey(
                    commune_code=commune, public_key=public_key, fingerprint=fingerprint(public_key)
                )
            )
