"""Names a clerk writes are understood: a part of a label, the code, the English label, with
or without accents, in any case; an ambiguous name names its candidates; a refused sheet says
each distinct problem once with the rows it affects, and counts rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.catalog import lookup, venue_categories
from quynhnhai_desktop.domain.names import choices, proper_case
from quynhnhai_desktop.services import activity_io, reference, venue_files, venues
from quynhnhai_desktop.services.tabular import ImportRefused, group_problems, row_ranges
from quynhnhai_desktop.store.database import Database
from tests.support.activity_data import COMMUNE, add_villages
from tests.support.hostile import assert_refused, database_dump, run_cli

CATALOG = first_campaign()


@pytest.mark.parametrize(
    ("written", "category"),
    [
        ("cửa hàng", "Cửa hàng, tạp hóa"),
        ("CUA HANG", "Cửa hàng, tạp hóa"),
        ("tạp hóa", "Cửa hàng, tạp hóa"),
        ("shop", "Cửa hàng, tạp hóa"),  # the code
        ("Chợ", "Chợ"),
        ("ben pha", "Bến thuyền, bến phà"),
    ],
)
def test_a_category_by_any_part_of_its_label(written: str, category: str) -> None:
    found = lookup(venue_categories(), written)
    assert found.item is not None and found.item.vi == category


def test_an_ambiguous_name_names_its_candidates() -> None:
    found = lookup(venue_categories(), "nhà")
    assert found.item is None and found.ambiguous
    assert choices(c.vi for c in found.candidates) == ("“Nhà hàng, quán ăn”; “Nhà nghỉ, khách sạn”")


def test_forms_topics_and_indicators_by_part_code_or_english() -> None:
    assert CATALOG.find_form("hop dan").code == "meeting"  # type: ignore[union-attr]
    assert CATALOG.find_form("MEETING").code == "meeting"  # type: ignore[union-attr]
    assert CATALOG.find_topic("Bluezone") is not None
    assert CATALOG.find_indicator("households") is not None


def test_lower_case_names_are_offered_in_proper_case() -> None:
    assert proper_case("bản pá uôn") == "Bản Pá Uôn"
    assert proper_case("Đoàn Thanh niên") == "Đoàn Thanh niên"  # the clerk's own capitals
    assert row_ranges([2, 3, 4, 9, 11, 12]) == "2–4, 9, 11–12"


def test_a_venue_sheet_written_as_people_say_it_imports(
    commune_db: Database, tmp_path: Path
) -> None:
    add_villages(commune_db, ("Bản Pá Uôn", "Bản Nà"))
    sheet = tmp_path / "venues.csv"
    sheet.write_text(
        "name,category,village\nTạp hóa Lan,cửa hàng,pá uôn\nChợ phiên,CHO,ban na\n",
        encoding="utf-8",
    )
    summary = venue_files.import_file(commune_db, sheet)
    assert summary.created == 2
    with commune_db.session() as session:
        listed = {(v.name, v.category, v.village_name) for v in venues.page(session, COMMUNE)}
    assert ("Tạp hóa Lan", "shop", "Bản Pá Uôn") in listed
    assert ("Chợ phiên", "market", "Bản Nà") in listed


def test_a_new_village_typed_in_lower_case_is_created_in_proper_case(
    commune_db: Database, tmp_path: Path
) -> None:
    sheet = tmp_path / "activities.csv"
    sheet.write_text(
        "date,village,team,form,topics,people\n15/09/2021,bản pá uôn,đoàn thanh niên,"
        "hop dan,bluezone,20\n",
        encoding="utf-8",
    )
    result = activity_io.import_file(commune_db, sheet, create_missing=True)
    assert result.created_villages == ("Bản Pá Uôn",)
    assert result.created_teams == ()  # "đoàn thanh niên" is the team Đoàn Thanh niên
    with commune_db.session() as session:
        assert reference.find_village(session, COMMUNE, "Bản Pá Uôn") is not None


def _sheet_with_one_unknown_team(path: Path, rows: int = 600) -> Path:
    lines = ["date,village,team,form,topics,people"]
    lines += [f"15/09/2021,,Tổ Bản Mới,meeting,bluezone,{n + 1}" for n in range(rows)]
    lines[300] = "15/09/2021,,Hội,meeting,vaccin xyz,5"  # ambiguous team, unknown topic
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_refused_sheet_counts_rows_and_says_each_problem_once(
    commune_db: Database, tmp_path: Path
) -> None:
    sheet = _sheet_with_one_unknown_team(tmp_path / "big.csv")
    with pytest.raises(ImportRefused) as refused:
        activity_io.import_file(commune_db, sheet)
    assert refused.value.params["count"] == 600  # rows, not problems
    groups = group_problems(refused.value.problems)
    assert [
        (g.ranges, g.error.params.get("name") or g.error.params.get("text")) for g in groups
    ] == [
        ("2–300, 302–601", "Tổ Bản Mới"),  # in the order of each problem's first row
        ("301", "Hội"),
        ("301", "vaccin xyz"),
    ]
    ambiguous = groups[1].error.english()
    assert "“Hội Cựu chiến binh”; “Hội Nông dân”; “Hội Phụ nữ”" in ambiguous


def test_the_cli_prints_one_line_per_problem(commune_db: Database, tmp_path: Path, paths) -> None:  # type: ignore[no-untyped-def]
    sheet = _sheet_with_one_unknown_team(tmp_path / "big.csv")
    before = database_dump(paths.data_dir)
    result = run_cli(paths.data_dir, "activities", "import", str(sheet))
    assert_refused(result, paths.data_dir, before, "Có 600 dòng bị lỗi")
    lines = [line for line in result.err.splitlines() if line.startswith(("Dòng", "Các dòng"))]
    assert len(lines) == 3, result.err
    assert lines[0].startswith("Các dòng 2–300, 302–601 (599 dòng): Lực lượng “Tổ Bản Mới”")
    assert lines[1].startswith("Dòng 301: “Hội” có thể là “Hội Cựu chiến binh”; “Hội Nông dân”")


def test_the_window_lists_each_problem_once(
    qtbot: QtBot, commune_db: Database, tmp_path: Path
) -> None:
    from quynhnhai_desktop.gui.activities.transfer import ProblemsDialog

    sheet = _sheet_with_one_unknown_team(tmp_path / "big.csv")
    with pytest.raises(ImportRefused) as refused:
        activity_io.import_file(commune_db, sheet)
    dialog = ProblemsDialog(refused.value.problems)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    assert model.rowCount() == 3
    assert model.data(model.index(0, 0)) == "2–300, 302–601"
    intro = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "600 dòng" in intro
    dialog.grab().save(str(tmp_path / "problems.png"))


def test_lists_count_live_activities_only(commune_db: Database) -> None:
    """Danh mục's "Số hoạt động": a deleted activity no longer counts (it still keeps its
    village from being deleted: it can be restored)."""
    from quynhnhai_desktop.services import activities
    from quynhnhai_desktop.store.models import Village
    from tests.support.activity_data import add

    ids = add_villages(commune_db, ("Bản Nà",))
    first = add(commune_db, "15/09/2021", village="Bản Nà")
    add(commune_db, "16/09/2021", village="Bản Nà")
    with commune_db.session() as session:
        activities.soft_delete(session, [first])
    with commune_db.session() as session:
        assert reference.usage(session, Village, COMMUNE) == {ids["Bản Nà"]: 1}
