"""A district with two campaigns (issue 17, what was left): its page picks the campaign the
grid, the withdrawal and the consolidated report are of; ``district withdraw --campaign``;
a spreadsheet mixing campaigns imports per row; the Excel copy names its campaign; the
editor fixes the codes reports used, retires forms and topics, and previews the entry
dialog and a blank report as the communes will see them."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot
from sqlmodel import select

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.gui.activities.dialog import ActivityDialog
from quynhnhai_desktop.gui.activities.page import ActivitiesPage
from quynhnhai_desktop.gui.campaigns.editor import CampaignEditor, RowsEditor
from quynhnhai_desktop.gui.campaigns.page import CampaignsPage
from quynhnhai_desktop.gui.campaigns.preview import CampaignPreview
from quynhnhai_desktop.gui.district.page import DistrictPage
from quynhnhai_desktop.gui.state import AppState
from quynhnhai_desktop.services import (
    campaign_editing,
    campaign_preview,
    campaigns,
    district,
    profile,
)
from quynhnhai_desktop.store.database import Database, open_database
from quynhnhai_desktop.store.models import Activity, CampaignRecord
from tests.services.test_campaign_reports import (  # noqa: F401 - the module's world, made once here
    COMMUNE,
    MONTH,
    PLAN,
    World,
    _pdf_text,
    run,
    world,
)
from tests.services.test_district import DISTRICT
from tests.support.hostile import database_dump

SHOTS = Path("/work/wt/shots/i17")
DIGITAL_TITLE = "Tuyên truyền, hướng dẫn kỹ năng số cho người dân"


def _copy(source: Path, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copytree(source, target)
    return target


def _counted(db: Database, campaign_id: str) -> list[str]:
    grid = district.completeness(db, [MONTH.start], campaign_id=campaign_id)
    return [line[0].commune.code for line in grid if line[0].status in district.COUNTED]


@pytest.fixture
def district_dir(world: World, tmp_path: Path) -> Path:  # noqa: F811 - the fixture
    return _copy(world.district, tmp_path, "district")


@pytest.fixture
def commune_dir(world: World, tmp_path: Path) -> Path:  # noqa: F811 - the fixture
    return _copy(world.commune, tmp_path, "commune")


# -- district withdraw --campaign ---------------------------------------------------------


def test_withdraw_needs_the_campaign_when_two_run_and_touches_only_it(
    district_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    withdraw = ["district", "withdraw", "--unit", COMMUNE, "--month", "2021-10"]
    before = database_dump(district_dir)
    capsys.readouterr()
    assert run(district_dir, *withdraw, "--reason", "Số liệu sai") == 1
    err = capsys.readouterr().err
    assert "covid-2021" in err and "digital-2026" in err and "--campaign" in err
    assert "Traceback" not in err
    assert run(district_dir, *withdraw, "--reason", "Số liệu sai", "--campaign", "nope") == 1
    err = capsys.readouterr().err
    assert "Không có đợt tuyên truyền “nope”" in err and "digital-2026" in err, err
    assert database_dump(district_dir) == before
    assert (
        run(district_dir, *withdraw, "--reason", "Số liệu sai", "--campaign", "digital-2026") == 0
    )
    out = capsys.readouterr().out
    assert f"“{DIGITAL_TITLE}”" in out and "r1" in out
    db = open_database(AppPaths(district_dir).database_url)
    try:
        assert _counted(db, "digital-2026") == []
        assert _counted(db, "covid-2021") == [COMMUNE]  # the other campaign's report stays
    finally:
        db.close()
    # withdrawn already: nothing left to withdraw in that campaign, and nothing changes
    before = database_dump(district_dir)
    assert run(district_dir, *withdraw, "--reason", "Lần nữa", "--campaign", "digital-2026") == 1
    err = capsys.readouterr().err
    assert f"trong đợt “{DIGITAL_TITLE}”" in err and "Traceback" not in err
    assert database_dump(district_dir) == before


# -- the district page's picker -----------------------------------------------------------


@pytest.fixture
def two_campaigns(district_dir: Path) -> Iterator[AppState]:
    paths = AppPaths.resolve(district_dir).ensure()
    db = open_database(paths.database_url)
    found = profile.get_profile(db)
    assert found is not None
    yield AppState(paths=paths, db=db, profile=found)
    db.close()


def _page(qtbot: QtBot, state: AppState) -> DistrictPage:
    page = DistrictPage(state)
    page.year.setValue(2021)
    qtbot.addWidget(page)
    page.resize(1024, 700)
    page.show()
    return page


def _cell(page: DistrictPage, commune_name: str, month: str) -> tuple[int, int]:
    model = page.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.headerData(r, Qt.Orientation.Vertical) == commune_name
    )
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == month
    )
    return row, column


@pytest.fixture
def _vietnamese_after() -> Iterator[None]:
    yield
    i18n.install("vi")


@pytest.mark.usefixtures("_vietnamese_after")
def test_the_district_page_follows_the_campaign_chosen(
    qtbot: QtBot, two_campaigns: AppState, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    i18n.install("vi")
    page = _page(qtbot, two_campaigns)
    combo = page.campaign
    assert combo.isVisible() and page.campaign_label.isVisible()
    assert [combo.itemData(i) for i in range(combo.count())] == ["covid-2021", "digital-2026"]
    assert combo.itemText(1) == DIGITAL_TITLE
    combo.setCurrentIndex(combo.findData("digital-2026"))
    assert page.campaign_id() == "digital-2026" and page.report_box.campaign_id == "digital-2026"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "district-two-campaigns.vi.png"))
    row, column = _cell(page, "Xã Mường Giàng", "10/2021")
    index = page.model.index(row, column)
    assert page.model.cell(index).status in district.COUNTED

    # the consolidated report is the chosen campaign's
    pdf = tmp_path / "digital.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    page.report_box.month.setDate(page.report_box.month.date().fromString("10/2021", "MM/yyyy"))
    with qtbot.waitSignal(page.report_box.saved, timeout=120_000):
        page.report_box.save_pdf_button.click()
    text = _pdf_text(pdf)
    assert PLAN in text and "2158" not in text

    # the withdrawal acts on the campaign shown: the COVID report of the month stays
    page.grid.setCurrentIndex(index)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Số liệu sai", True))
    page.withdraw_button.click()
    assert _counted(two_campaigns.db, "digital-2026") == []
    assert _counted(two_campaigns.db, "covid-2021") == [COMMUNE]
    assert page.model.cell(page.model.index(row, column)).status not in district.COUNTED
    combo.setCurrentIndex(combo.findData("covid-2021"))
    assert page.model.cell(page.model.index(row, column)).status in district.COUNTED

    i18n.install("en")
    english = _page(qtbot, two_campaigns)
    english.campaign.setCurrentIndex(english.campaign.findData("digital-2026"))
    assert english.campaign.currentText() == "Outreach and coaching in digital skills for residents"
    assert english.campaign_label.text() == "&Campaign:"
    english.grab().save(str(SHOTS / "district-two-campaigns.en.png"))


def test_a_district_with_one_campaign_sees_no_picker(
    qtbot: QtBot, db: Database, paths: AppPaths
) -> None:
    i18n.install("vi")
    created = profile.set_up(db, DISTRICT)
    page = _page(qtbot, AppState(paths=paths, db=db, profile=created))
    assert page.campaign.isHidden() and page.campaign_label.isHidden()
    assert page.campaign_id() == "covid-2021" and page.report_box.campaign_id == "covid-2021"


# -- a spreadsheet mixing campaigns ---------------------------------------------------------

HEADER = "Ngày,Bản,Lực lượng,Hình thức,Nội dung,people,households,Lượt người học,Ghi chú,Đợt"


def _sheet(tmp_path: Path, *rows: str) -> Path:
    sheet = tmp_path / "mixed.csv"
    sheet.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return sheet


def _counts(commune: Path) -> dict[str, int]:
    with sqlite3.connect(AppPaths(commune).database) as conn:
        rows = conn.execute(
            "SELECT campaign_id, COUNT(*) FROM activity WHERE deleted_at IS NULL "
            "GROUP BY campaign_id"
        ).fetchall()
    return dict(rows)


TEAM = "Tổ truyền thông bản Mường"


def test_a_file_mixing_campaigns_is_imported_row_by_row(
    commune_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _counts(commune_dir)
    sheet = _sheet(
        tmp_path,
        f"20/10/2021,,{TEAM},direct,vaccination_registration,12,5,,,covid-2021",
        f'21/10/2021,,{TEAM},Lớp hướng dẫn tại nhà văn hóa,Ứng dụng VNeID,,,15,,"{DIGITAL_TITLE}"',
        f"22/10/2021,,{TEAM},Hỗ trợ tại hộ gia đình,Dịch vụ công trực tuyến,,,3,,digital-2026",
    )
    capsys.readouterr()
    assert run(commune_dir, "activities", "import", str(sheet)) == 0, capsys.readouterr().err
    after = _counts(commune_dir)
    assert after["covid-2021"] == before["covid-2021"] + 1
    assert after["digital-2026"] == before["digital-2026"] + 2
    with sqlite3.connect(AppPaths(commune_dir).database) as conn:
        learners = conn.execute(
            "SELECT a.date, a.form_code, v.value FROM activity a JOIN activity_value v "
            "ON v.activity_id = a.id WHERE v.indicator_code = 'learners' "
            "AND a.date >= '2021-10-21' ORDER BY a.date"
        ).fetchall()
    assert learners == [("2021-10-21", "class", 15), ("2021-10-22", "home_help", 3)]
    assert run(commune_dir, "activities", "import", str(sheet)) == 0  # again: nothing added
    assert _counts(commune_dir) == after


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (  # a campaign nobody knows, on row 3
            [
                f"20/10/2021,,{TEAM},direct,vaccination_registration,12,5,,,covid-2021",
                f"21/10/2021,,{TEAM},Lớp hướng dẫn tại nhà văn hóa,Ứng dụng VNeID,,,15,,tet-2027",
            ],
            ["Dòng 3:", "“tet-2027”", "digital-2026"],
        ),
        (  # two campaigns run: a row must say which
            [f"20/10/2021,,{TEAM},direct,vaccination_registration,12,5,,,"],
            ["Dòng 2:", "cột “Đợt”"],
        ),
        (  # another campaign's figure on a COVID row
            [f"20/10/2021,,{TEAM},direct,vaccination_registration,12,5,9,,covid-2021"],
            ["Dòng 2:", "learners"],
        ),
        (  # a COVID form on a row of the digital campaign
            [f"20/10/2021,,{TEAM},direct,Ứng dụng VNeID,,,4,,digital-2026"],
            ["Dòng 2:", "“direct”"],
        ),
    ],
)
def test_a_bad_campaign_row_is_refused_by_its_number_and_nothing_changes(
    commune_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    rows: list[str],
    expected: list[str],
) -> None:
    sheet = _sheet(tmp_path, *rows)
    before = database_dump(commune_dir)
    capsys.readouterr()
    assert run(commune_dir, "activities", "import", str(sheet)) == 1
    err = capsys.readouterr().err
    assert all(part in err for part in expected), err
    assert "Traceback" not in err
    assert database_dump(commune_dir) == before


def test_without_the_column_the_file_needs_the_campaign_option(
    commune_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = tmp_path / "plain.csv"
    sheet.write_text(
        "Ngày,Bản,Lực lượng,Hình thức,Nội dung,Lượt người học\n"
        f"23/10/2021,,{TEAM},Hỗ trợ tại hộ gia đình,Dịch vụ công trực tuyến,4\n",
        encoding="utf-8",
    )
    before = database_dump(commune_dir)
    counts = _counts(commune_dir)
    capsys.readouterr()
    assert run(commune_dir, "activities", "import", str(sheet)) == 1
    err = capsys.readouterr().err
    assert "--campaign" in err and "digital-2026" in err and "Traceback" not in err
    assert database_dump(commune_dir) == before
    assert run(commune_dir, "activities", "import", str(sheet), "--campaign", "digital-2026") == 0
    assert _counts(commune_dir)["digital-2026"] == counts["digital-2026"] + 1


# -- the Excel copy names its campaign ------------------------------------------------------


def test_the_excel_copy_names_its_campaign(
    commune_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "digital.xlsx"
    month = ["--month", "2021-10", "--campaign", "digital-2026"]
    assert run(commune_dir, "report", "monthly", *month, "--xlsx", str(workbook)) == 0, (
        capsys.readouterr().err
    )
    book = load_workbook(workbook)
    info = dict(
        (row[0].value, row[1].value) for row in book.worksheets[0].iter_rows() if row[0].value
    )
    assert info["Đợt tuyên truyền"] == DIGITAL_TITLE
    assert info["Căn cứ"] == PLAN
    for sheet in book.worksheets[1:]:
        assert sheet["A3"].value == f"Đợt tuyên truyền: {DIGITAL_TITLE} (thực hiện {PLAN})"


# -- the editor: frozen codes, retiring, the preview ----------------------------------------


def _rows(rows: RowsEditor) -> dict[str, int]:
    return {rows.table.item(r, 0).text(): r for r in range(rows.table.rowCount())}


def _tick(rows: RowsEditor, code: str) -> None:
    rows.table.item(_rows(rows)[code], rows.texts).setCheckState(Qt.CheckState.Checked)


def _offered(dialog: ActivityDialog) -> tuple[list[str], list[str]]:
    combo, topics = dialog.ui.formCombo, dialog.ui.topicsList
    return (
        [combo.itemData(i) for i in range(combo.count())],
        [topics.item(i).data(Qt.ItemDataRole.UserRole) for i in range(topics.count())],
    )


@pytest.mark.usefixtures("_vietnamese_after")
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_used_codes_are_fixed_and_a_retired_form_leaves_new_entries_only(
    qtbot: QtBot,
    two_campaigns: AppState,
    district_dir: Path,
    commune_dir: Path,
    tmp_path: Path,
    lang: str,
) -> None:
    i18n.install(lang)
    page = CampaignsPage(two_campaigns)
    qtbot.addWidget(page)
    page.refresh(select="digital-2026")
    editor = page.open_editor(page.selected())
    assert isinstance(editor, CampaignEditor)
    qtbot.waitExposed(editor)
    forms = editor.forms
    # every code of the imported package is fixed: not editable, and the note says why
    for rows, code in ((forms, "home_help"), (editor.indicators, "learners")):
        item = rows.table.item(_rows(rows)[code], 0)
        assert not item.flags() & Qt.ItemFlag.ItemIsEditable
        assert item.toolTip()
    assert not forms.note.isHidden() and "(2)" in forms.note.text()
    forms.table.setCurrentCell(_rows(forms)["home_help"], 1)
    qtbot.mouseClick(forms.removeButton, Qt.MouseButton.LeftButton)
    assert "home_help" in _rows(forms) and "“home_help”" in forms.note.text()
    # a new, unused topic stays editable; a used one is retired
    editor.topics.add_row(["ai_basics", "Kiến thức AI cơ bản", "AI basics"])
    assert editor.topics.table.item(_rows(editor.topics)["ai_basics"], 0).flags() & (
        Qt.ItemFlag.ItemIsEditable
    )
    _tick(forms, "home_help")
    _tick(editor.topics, "online_safety")
    editor.tabs.setCurrentWidget(forms)
    SHOTS.mkdir(parents=True, exist_ok=True)
    editor.grab().save(str(SHOTS / f"editor-retired-frozen.{lang}.png"))

    # the preview: the entry dialog without the retired form and topic, a blank report
    preview = editor.show_preview()
    assert isinstance(preview, CampaignPreview)
    qtbot.waitExposed(preview)
    forms_offered, topics_offered = _offered(preview.entry)
    assert forms_offered == ["class"]
    assert topics_offered == ["vneid", "public_services", "ai_basics"]
    assert not preview.entry.ui.saveButton.isVisibleTo(preview) and preview.pages
    assert not preview.pages[0].pixmap().isNull()
    preview.entry.ui.formCombo.setCurrentIndex(0)  # the class: its counts show
    assert preview.entry._count_edits["learners"].isVisibleTo(preview.entry)
    assert not preview.entry._count_edits["online_services"].isVisibleTo(preview.entry)
    preview.grab().save(str(SHOTS / f"preview-entry.{lang}.png"))
    preview.tabs.setCurrentIndex(1)
    preview.grab().save(str(SHOTS / f"preview-report.{lang}.png"))
    preview.reject()

    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(editor.saveButton, Qt.MouseButton.LeftButton)
    with two_campaigns.db.read_session() as session:
        saved = campaigns.choose(session, "digital-2026")
    assert saved.version == 2 and saved.form("home_help").retired
    assert saved.topic("online_safety").retired and not saved.topic("vneid").retired
    assert ("(ngừng sử dụng)" if lang == "vi" else "(retired)") in page.describe(saved)

    # the commune receives version 2: a new entry no longer offers the retired form; an
    # activity recorded under it keeps it, and the old report still counts it
    signed = tmp_path / "digital-v2.qncampaign"
    assert run(district_dir, "campaign", "export", "digital-2026", "--out", str(signed)) == 0
    assert run(commune_dir, "campaign", "import", str(signed), "--yes") == 0
    db = open_database(AppPaths(commune_dir).database_url)
    try:
        with db.read_session() as session:
            newest = campaigns.choose(session, "digital-2026")
            old = session.exec(select(Activity.id).where(Activity.form_code == "home_help")).first()
        assert newest.version == 2 and old is not None
        fresh = ActivityDialog(db, COMMUNE, newest)
        qtbot.addWidget(fresh)
        assert fresh.campaign_asked()  # both campaigns run today: the clerk picks
        fresh.campaignCombo.setCurrentIndex(fresh.campaignCombo.findData("digital-2026"))
        assert fresh.catalog.id == "digital-2026" and fresh.catalog.version == 2
        assert _offered(fresh)[0] == ["class"]
        assert "online_safety" not in _offered(fresh)[1]
        edited = ActivityDialog(db, COMMUNE, newest, activity_id=old)
        qtbot.addWidget(edited)
        assert "home_help" in _offered(edited)[0]
        assert edited.ui.formCombo.currentData() == "home_help"
        for dialog in (fresh, edited):
            dialog.reject()
        QApplication.processEvents()  # their pending checks run while the database is open
    finally:
        db.close()
    pdf = tmp_path / "october.pdf"
    month = ["--month", "2021-10", "--campaign", "digital-2026"]
    assert run(commune_dir, "report", "monthly", *month, "--pdf", str(pdf)) == 0
    assert "Hỗ trợ tại hộ gia đình" in _pdf_text(pdf)


def test_the_blank_report_is_the_campaigns_own(two_campaigns: AppState, tmp_path: Path) -> None:
    with two_campaigns.db.read_session() as session:
        digital = campaigns.choose(session, "digital-2026")
    pdf = tmp_path / "blank.pdf"
    pdf.write_bytes(campaign_preview.blank_report_pdf(two_campaigns.db, digital))
    text = _pdf_text(pdf)
    assert f"Thực hiện {PLAN}" in text and "kỹ năng số cho người dân" in text
    assert "Lớp hướng dẫn tại nhà văn hóa" in text and "Lượt người học" in text
    assert "2158" not in text and "COVID" not in text and "xã Cà Nàng" in text


def _renamed(source: bytes) -> dict[str, object]:
    """Version 2 with the used indicator "learners" renamed to "learner_count"."""
    text = source.decode("utf-8").replace('"learners"', '"learner_count"')
    data = json.loads(text)
    data["version"] = 2
    return data


def test_a_version_that_drops_a_used_code_is_refused_when_added_or_exported(
    district_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(AppPaths(district_dir).database_url)
    try:
        with db.read_session() as session:
            row = session.get(CampaignRecord, ("digital-2026", 1))
            assert row is not None
            source = row.source
    finally:
        db.close()
    changed = tmp_path / "digital-v2.json"
    changed.write_text(json.dumps(_renamed(source), ensure_ascii=False), encoding="utf-8")
    before = database_dump(district_dir)
    capsys.readouterr()
    assert run(district_dir, "campaign", "add", str(changed)) == 1
    err = capsys.readouterr().err
    assert "learners" in err and "Traceback" not in err
    assert database_dump(district_dir) == before
    # a version saved before a report used the code is kept, but never sent
    db = open_database(AppPaths(district_dir).database_url)
    try:
        with db.session() as session:
            campaigns.store(session, changed.read_bytes())
        with pytest.raises(UserError):
            campaign_editing.save(db, _renamed(source) | {"version": 3})
    finally:
        db.close()
    out = tmp_path / "digital-v2.qncampaign"
    assert run(district_dir, "campaign", "export", "digital-2026", "--out", str(out)) == 1
    err = capsys.readouterr().err
    assert "learners" in err and "Traceback" not in err
    assert not out.exists()


def test_the_list_under_all_campaigns_imports_a_mixed_file_row_by_row(
    qtbot: QtBot, commune_dir: Path, tmp_path: Path
) -> None:
    i18n.install("vi")
    paths = AppPaths.resolve(commune_dir).ensure()
    db = open_database(paths.database_url)
    try:
        found = profile.get_profile(db)
        assert found is not None
        page = ActivitiesPage(AppState(paths=paths, db=db, profile=found))
        qtbot.addWidget(page)
        with qtbot.waitSignal(page.totals_shown, timeout=10_000):
            page.show()
        combo = page.campaignFilter
        with qtbot.waitSignal(page.totals_shown, timeout=10_000):
            combo.setCurrentIndex(combo.findData(campaigns.ALL_CAMPAIGNS))
        before = _counts(commune_dir)
        sheet = _sheet(
            tmp_path,
            f"24/10/2021,,{TEAM},direct,vaccination_registration,7,3,,,covid-2021",
            f"25/10/2021,,{TEAM},class,vneid,,,11,,digital-2026",
        )
        with qtbot.waitSignal(page.import_finished, timeout=30_000) as done:
            page.import_file(sheet)
        assert done.args[0].added == 2, done.args
        after = _counts(commune_dir)
        assert after["covid-2021"] == before["covid-2021"] + 1
        assert after["digital-2026"] == before["digital-2026"] + 1
        page.close()
    finally:
        db.close()
