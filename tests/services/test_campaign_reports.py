"""Two campaigns side by side, end to end: the district authors a digital-skills campaign,
a commune records in both in one month and sends both reports, the district consolidates
each with only its own numbers (issue 17)."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.activity import ActivityDraft
from quynhnhai_desktop.domain.periods import month_period
from quynhnhai_desktop.services import activities, campaigns, district, reference
from quynhnhai_desktop.store.database import open_database
from tests.support.hostile import database_dump

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]
DIGITAL = Path(__file__).resolve().parents[1] / "data" / "digital-2026.json"
# The district of 2021 (Quỳnh Nhai, 118) still existed: the digital campaign is planned
# for its autumn, so both campaigns run in October 2021.
PLAN = "Kế hoạch số 45/KH-UBND ngày 01/9/2021 của UBND tỉnh Sơn La"
MONTH = month_period(2021, 10)
COMMUNE = "03703"

# (day, form, topics, values) of each campaign's March activities
COVID_ROWS = [
    (3, "direct", ("vaccination_registration",), {"people": 41, "households": 17}),
    (11, "direct", ("vaccination_registration",), {"people": 58, "households": 23}),
]
DIGITAL_ROWS = [
    (5, "class", ("vneid",), {"classes": 2, "learners": 37, "vneid_accounts": 19}),
    (12, "home_help", ("public_services",), {"learners": 6, "online_services": 9}),
    (20, "class", ("online_safety", "vneid"), {"classes": 1, "learners": 24, "vneid_accounts": 8}),
]


def run(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


@dataclass
class World:
    district: Path
    commune: Path
    usb: Path
    pdfs: dict[str, str]  # campaign id → the district's consolidated PDF text


def _record(commune: Path) -> None:
    db = open_database(AppPaths(commune).database_url)
    try:
        with db.session() as session:
            team = reference.add_team(session, COMMUNE, "Tổ truyền thông bản Mường")
            team_id = team.id or 0
            for campaign_id, rows in (("covid-2021", COVID_ROWS), ("digital-2026", DIGITAL_ROWS)):
                campaign = campaigns.choose(session, campaign_id)
                drafts = [
                    (ActivityDraft(dt.date(2021, 10, day), team_id, form, topics, values), "")
                    for day, form, topics, values in rows
                ]
                activities.record_many(session, COMMUNE, drafts, campaign=campaign)
    finally:
        db.close()


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    root = tmp_path_factory.mktemp("campaigns")
    district_dir, commune, usb = root / "district", root / "commune", root / "usb"
    usb.mkdir()
    assert run(district_dir, "init", "--district", "118", *SIGNER) == 0
    assert run(commune, "init", "--commune", COMMUNE, *SIGNER) == 0
    autumn = json.loads(DIGITAL.read_text(encoding="utf-8"))
    autumn["runs_from"] = autumn["directive"]["date"] = "2021-09-01"
    autumn["source"] = PLAN
    plan = root / "digital.json"
    plan.write_text(json.dumps(autumn, ensure_ascii=False), encoding="utf-8")
    assert run(district_dir, "campaign", "add", str(plan)) == 0
    signed = root / "digital.qncampaign"
    assert run(district_dir, "campaign", "export", "digital-2026", "--out", str(signed)) == 0
    assert run(commune, "campaign", "import", str(signed), "--yes") == 0
    _record(commune)
    for campaign_id in ("covid-2021", "digital-2026"):
        assert (
            run(commune, "package", "export", "--month", "2021-10", "--out", str(usb),
                "--campaign", campaign_id)
            == 0
        )  # fmt: skip
    files = sorted(usb.glob("*.qnbc"))
    for file in files:
        assert run(district_dir, "district", "enrol", str(file), "--yes") == 0
    assert run(district_dir, "package", "import", str(usb)) == 0
    pdfs = {}
    for campaign_id in ("covid-2021", "digital-2026"):
        out = root / f"{campaign_id}.pdf"
        assert (
            run(district_dir, "district", "report", "--month", "2021-10",
                "--campaign", campaign_id, "--pdf", str(out))
            == 0
        )  # fmt: skip
        pdfs[campaign_id] = _pdf_text(out)
    return World(district_dir, commune, usb, pdfs)


def _sql_sums(commune: Path, campaign_id: str) -> Counter[str]:
    with sqlite3.connect(AppPaths(commune).database) as conn:
        rows = conn.execute(
            "SELECT v.indicator_code, SUM(v.value) FROM activity_value v "
            "JOIN activity a ON a.id = v.activity_id "
            "WHERE a.campaign_id = ? AND a.deleted_at IS NULL "
            "AND a.date BETWEEN '2021-10-01' AND '2021-10-31' GROUP BY v.indicator_code",
            (campaign_id,),
        ).fetchall()
    return Counter(dict(rows))


def test_each_campaign_has_its_own_package_numbered_on_its_own(world: World) -> None:
    names = sorted(f.name for f in world.usb.glob("*.qnbc"))
    assert names == ["BC-2021-10-03703-digital-2026-r1.qnbc", "BC-2021-10-03703-r1.qnbc"]
    with zipfile.ZipFile(world.usb / names[0]) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        data = json.loads(archive.read("data.json"))
        pdf = archive.read("report.pdf")
    commune_pdf = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    assert f"Thực hiện {PLAN} về việc tuyên truyền, hướng dẫn kỹ năng số" in commune_pdf
    assert "2158" not in commune_pdf and "Lượt người học" in commune_pdf
    assert manifest["campaign"] == {
        "id": "digital-2026",
        "version": 1,
        "title": "Tuyên truyền, hướng dẫn kỹ năng số cho người dân",
    }
    assert data["totals"] == dict(_sql_sums(world.commune, "digital-2026"))
    assert {row["form"] for row in data["activities"]} == {"class", "home_help"}


def test_the_district_keeps_each_campaign_apart(world: World) -> None:
    db = open_database(AppPaths(world.district).database_url)
    try:
        for campaign_id in ("covid-2021", "digital-2026"):
            [received] = district.latest_data(db, MONTH.start, MONTH.end, campaign_id).values()
            assert received.totals == dict(_sql_sums(world.commune, campaign_id))
            grid = district.completeness(db, [MONTH.start], campaign_id=campaign_id)
            sent = [line[0].commune.code for line in grid if line[0].status in district.COUNTED]
            assert sent == [COMMUNE]
    finally:
        db.close()


def test_the_consolidated_reports_hold_only_their_own_campaign(world: World) -> None:
    digital, covid = world.pdfs["digital-2026"], world.pdfs["covid-2021"]
    assert PLAN in digital
    assert "kỹ năng số cho người dân" in digital
    assert "Lớp hướng dẫn tại nhà văn hóa" in digital and "Lượt người học" in digital
    assert "2158" not in digital and "COVID" not in digital
    assert "2158/UBND-VHTT" in covid and "kỹ năng số" not in covid
    digital_sums = _sql_sums(world.commune, "digital-2026")
    covid_sums = _sql_sums(world.commune, "covid-2021")
    assert digital_sums["learners"] == 67 and covid_sums["people"] == 99
    assert f" {digital_sums['learners']} " in f" {digital} "
    assert f" {covid_sums['people']} " in f" {covid} "
    assert f" {digital_sums['learners']} " not in f" {covid} "


def test_without_a_campaign_the_commands_name_the_running_ones(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    before = database_dump(world.commune)
    assert (
        run(world.commune, "package", "export", "--month", "2021-10", "--out", str(tmp_path)) == 1
    )
    err = capsys.readouterr().err
    assert "covid-2021" in err and "digital-2026" in err and "--campaign" in err
    assert "Traceback" not in err
    assert list(tmp_path.iterdir()) == [] and database_dump(world.commune) == before
    assert run(world.district, "district", "status", "--month", "2021-10") == 1
    assert "digital-2026" in capsys.readouterr().err
    assert (
        run(world.district, "district", "status", "--month", "2021-10",
            "--campaign", "digital-2026")
        == 0
    )  # fmt: skip
    out = capsys.readouterr().out
    assert "Đợt: Tuyên truyền, hướng dẫn kỹ năng số cho người dân (digital-2026)" in out
    # sent years after the month (the packages were made today): late, but counted
    assert f"{COMMUNE} Xã Mường Giàng: muộn r1" in out and "Đã báo cáo: 1/11" in out


def test_a_package_of_an_unknown_campaign_is_refused_by_its_name(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other-district"
    assert run(other, "init", "--district", "118", *SIGNER) == 0
    [digital] = world.usb.glob("*digital-2026*.qnbc")
    before = database_dump(other)
    capsys.readouterr()
    assert run(other, "package", "import", str(digital)) != 0
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert "Tuyên truyền, hướng dẫn kỹ năng số cho người dân" in text and "digital-2026" in text
    assert "Traceback" not in text
    assert database_dump(other) == before


def test_a_package_without_a_campaign_is_the_2021_campaign(tmp_path: Path) -> None:
    """Format 1 as the first exports wrote it (no campaign in the manifest) still reads."""
    from quynhnhai_desktop.services import package
    from quynhnhai_desktop.services.identity import load_or_create
    from tests.support.package_helpers import make_package

    _name, blob = make_package(load_or_create(tmp_path))
    verified = package.read(blob)
    assert verified.manifest.campaign is None and verified.manifest.campaign_id == "covid-2021"
    with zipfile.ZipFile(io.BytesIO(blob)) as archive:
        assert "campaign" not in json.loads(archive.read("manifest.json"))


def test_a_spreadsheet_names_its_campaign_and_is_not_misfiled(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "digital.csv"
    month = ["--month", "2021-10"]
    assert (
        run(world.commune, "activities", "export", str(sheet), *month, "--campaign", "digital-2026")
        == 0
    )
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(",")[-1] == "Đợt" and len(lines) == 1 + len(DIGITAL_ROWS)
    assert all(line.endswith(",digital-2026") for line in lines[1:])
    before = database_dump(world.commune)
    capsys.readouterr()
    assert run(world.commune, "activities", "import", str(sheet), "--campaign", "covid-2021") == 1
    err = capsys.readouterr().err
    assert "không thuộc đợt “covid-2021”" in err and "Traceback" not in err
    assert database_dump(world.commune) == before
    assert run(world.commune, "activities", "import", str(sheet), "--campaign", "digital-2026") == 0
    assert database_dump(world.commune) == before  # the same rows: nothing added
