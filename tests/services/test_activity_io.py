"""Spreadsheet import and export of activities, with real files."""

from __future__ import annotations

import datetime as dt
import gc
import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.services import activities, activity_io
from quynhnhai_desktop.services import activity_queries as queries
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.services.activity_queries import ActivityFilter
from quynhnhai_desktop.services.tabular import ImportRefused
from quynhnhai_desktop.store import month_sums, search
from quynhnhai_desktop.store.database import Database, open_database
from tests.conftest import MUONG_GIANG
from tests.support.activity_data import COMMUNE, add, add_villages

CATALOG = first_campaign()

VIETNAMESE_CSV = (
    "Ngày;Bản;Lực lượng;Hình thức;Nội dung;Số buổi/lượt;Lượt người được tuyên truyền;"
    "Số hộ;Ghi chú\r\n"
    "15/09/2021;Bản Nà;Đoàn Thanh niên;Tuyên truyền trực tiếp, đến hộ gia đình;"
    '"Ứng dụng Bluezone; Sổ sức khỏe điện tử";2;1.250;300;Kết hợp họp bản\r\n'
    "16/09/2021;;Hội Phụ nữ;Họp dân, hội nghị;vaccination_benefit;1;60;;\r\n"
)


def rows(db: Database, **kwargs: object) -> list[queries.ActivityRow]:
    with db.session() as session:
        flt = ActivityFilter(COMMUNE, **kwargs)  # type: ignore[arg-type]
        return queries.fetch_rows(session, queries.ordered_ids(session, flt, CATALOG))


def write(path: Path, text: str, *, bom: bool = False) -> Path:
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


@pytest.fixture
def log_db(commune_db: Database) -> Database:
    add_villages(commune_db)
    return commune_db


@pytest.fixture
def other_db(tmp_path: Path) -> Database:
    """A second commune installation, empty (the round trip's destination)."""
    db = open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    profile_service.set_up(db, MUONG_GIANG)
    yield db  # type: ignore[misc]
    db.close()


def test_vietnamese_headers_semicolons_and_a_bom(log_db: Database, tmp_path: Path) -> None:
    path = write(tmp_path / "hoat-dong.csv", VIETNAMESE_CSV, bom=True)
    result = activity_io.import_file(log_db, path)
    assert (result.added, result.skipped) == (2, 0)
    second, first = rows(log_db)
    assert (first.date, first.village, first.team, first.form_code) == (
        dt.date(2021, 9, 15),
        "Bản Nà",
        "Đoàn Thanh niên",
        "direct",
    )
    assert set(first.topics) == {"bluezone", "health_book"}
    assert first.values == {"sessions": 2, "people": 1250, "households": 300}
    assert first.note == "Kết hợp họp bản"
    assert (second.village, second.values) == (None, {"sessions": 1, "people": 60})


def test_codes_as_headers_commas_iso_dates_and_nfd_text(log_db: Database, tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Bản Đán")
    text = (
        "date,village,team,form,topics,sessions,minutes,note\n"
        f"2021-09-20,{nfd},{unicodedata.normalize('NFD', 'Hội Phụ nữ')},loudspeaker,"
        f"bluezone;venue_qr,3,90,{unicodedata.normalize('NFD', 'Phát thanh buổi sáng')}\n"
    )
    activity_io.import_file(log_db, write(tmp_path / "a.csv", text))
    (row,) = rows(log_db)
    assert row.village == "Bản Đán" and unicodedata.is_normalized("NFC", row.village)
    assert row.note == "Phát thanh buổi sáng" and unicodedata.is_normalized("NFC", row.note)
    assert row.values == {"sessions": 3, "minutes": 90}
    assert [r.id for r in rows(log_db, search="phat thanh buoi")] == [row.id]


def test_every_bad_row_is_reported_and_nothing_is_imported(
    log_db: Database, tmp_path: Path
) -> None:
    text = (
        "Ngày,Bản,Lực lượng,Hình thức,Nội dung,Số buổi/lượt,Số hộ\n"
        "15/09/2021,Bản Nà,Đoàn Thanh niên,direct,bluezone,1,10\n"
        "31/02/2021,Bản Nà,Đoàn Thanh niên,direct,bluezone,1,10\n"  # row 3: no such date
        "15/09/2021,Bản Nà,Đoàn Thanh niên,hát then,bluezone,1,10\n"  # row 4: unknown form
        "15/09/2021,Bản Nà,Đoàn Thanh niên,direct,bluezone,1,10\n"
        "15/09/2021,Bản Nà,Đoàn Thanh niên,meeting,bluezone,-2,10\n"  # row 6: two problems
    )
    with pytest.raises(ImportRefused) as refused:
        activity_io.import_file(log_db, write(tmp_path / "bad.csv", text))
    problems = refused.value.problems
    assert sorted({p.row for p in problems}) == [3, 4, 6]
    messages = {p.row: p.error.english() for p in problems}
    assert "31/02/2021" in messages[3]
    assert "hát then" in messages[4]
    six = [p.error.english() for p in problems if p.row == 6]
    assert any("-2" in m for m in six) and any("does not record" in m for m in six)
    assert rows(log_db) == []


def test_unknown_names_are_errors_unless_creation_is_allowed(
    log_db: Database, tmp_path: Path
) -> None:
    text = (
        "date,village,team,form,topics,people\n"
        "15/09/2021,Bản Mới,Tổ tuyên truyền bản Mới,meeting,bluezone,20\n"
        "16/09/2021,bản mới,Đoàn Thanh niên,meeting,bluezone,20\n"
    )
    path = write(tmp_path / "new.csv", text)
    with pytest.raises(ImportRefused) as refused:
        activity_io.import_file(log_db, path)
    assert [p.row for p in refused.value.problems] == [2, 2, 3]
    assert "--create-missing" in refused.value.problems[0].error.english()
    with log_db.session() as session:
        found = activity_io.preview(session, COMMUNE, path, CATALOG)
    assert found.missing_villages == {"Bản Mới": [2, 3]}  # one village, spelt two ways
    assert found.missing_teams == {"Tổ tuyên truyền bản Mới": [2]}
    result = activity_io.import_file(log_db, path, create_missing=True)
    assert (result.added, result.created_villages) == (2, ("Bản Mới",))
    assert result.created_teams == ("Tổ tuyên truyền bản Mới",)
    assert {r.village for r in rows(log_db)} == {"Bản Mới"}


def test_importing_the_same_file_twice_adds_nothing(log_db: Database, tmp_path: Path) -> None:
    twins = "16/09/2021;;Hội Phụ nữ;Họp dân, hội nghị;vaccination_benefit;1;60;;\r\n"
    path = write(tmp_path / "twice.csv", VIETNAMESE_CSV + twins, bom=True)
    first = activity_io.import_file(log_db, path)
    assert (first.added, first.skipped) == (3, 0)  # two identical rows: both imported
    again = activity_io.import_file(log_db, path)
    assert (again.added, again.skipped) == (0, 3)
    assert len(rows(log_db)) == 3


def test_a_row_like_a_recorded_one_is_imported_and_counted_as_similar(
    log_db: Database, tmp_path: Path
) -> None:
    add(log_db, "15/09/2021", village="Bản Nà", people=10, sessions=1, households=3)
    result = activity_io.import_file(log_db, write(tmp_path / "a.csv", VIETNAMESE_CSV))
    assert (result.added, result.similar) == (2, 1)


def test_xlsx_written_by_openpyxl(log_db: Database, tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Ngày", "Bản", "Lực lượng", "Hình thức", "Nội dung", "Tờ rơi", "Số hộ"])
    sheet.append([dt.datetime(2021, 9, 18), "Bản Co Phường", "Hội Nông dân", "Phát tờ rơi",
                  "Khai báo y tế điện tử", 250, 80.0])  # fmt: skip
    sheet.append(["19/09/2021", None, "Hội Nông dân", "leaflets", "medical_declaration", 100, None])
    path = tmp_path / "to-roi.xlsx"
    workbook.save(path)
    result = activity_io.import_file(log_db, path)
    assert result.added == 2
    second, first = rows(log_db)
    assert (first.date, first.village, first.values) == (
        dt.date(2021, 9, 18),
        "Bản Co Phường",
        {"leaflets": 250, "households": 80},
    )
    assert (second.village, second.values) == (None, {"leaflets": 100})


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_round_trips_through_import(
    log_db: Database, other_db: Database, tmp_path: Path, suffix: str
) -> None:
    add(log_db, "15/09/2021", village="Bản Nà", note="Buổi tối, tại nhà văn hóa")
    add(log_db, "16/09/2021", village=None, form="loudspeaker", topics=("venue_qr", "bluezone"),
        sessions=2, minutes=90)  # fmt: skip
    add(log_db, "17/09/2021", village="Bản Đán", team="Hội Phụ nữ", form="meeting", people=45)
    add(log_db, "02/10/2021", village="Bản Nà")
    september = ActivityFilter(
        COMMUNE, start=dt.date(2021, 9, 1), end=dt.date(2021, 9, 30), search=""
    )
    exported = tmp_path / f"thang-9{suffix}"
    assert activity_io.export_file(log_db, exported, september) == 3
    # Into this database again: everything is already there.
    again = activity_io.import_file(log_db, exported)
    assert (again.added, again.skipped) == (0, 3)
    # Into another installation: the same activities, and the same file out again.
    result = activity_io.import_file(other_db, exported, create_missing=True)
    assert result.added == 3 and set(result.created_villages) == {"Bản Nà", "Bản Đán"}
    copy = tmp_path / f"copy{suffix}"
    activity_io.export_file(other_db, copy)

    def content(path: Path) -> list[list[object]]:
        if suffix == ".csv":
            return [line.split(",") for line in path.read_text("utf-8-sig").splitlines()]
        sheet = load_workbook(path).worksheets[0]
        return [[cell.value for cell in row] for row in sheet.iter_rows()]

    assert content(copy) == content(exported)
    if suffix == ".csv":
        assert copy.read_bytes() == exported.read_bytes()
    header = content(exported)[0]
    assert header[:5] == ["Ngày", "Bản", "Lực lượng", "Hình thức", "Nội dung"]
    if suffix == ".xlsx":
        cell = load_workbook(exported).worksheets[0]["A2"]
        assert cell.value == dt.datetime(2021, 9, 15) and cell.number_format == "DD/MM/YYYY"


def _many_rows(count: int) -> str:
    """*count* distinct rows (each its own day or note), past the bulk index threshold."""
    lines = [VIETNAMESE_CSV.splitlines()[0]]
    for n in range(count):
        day = dt.date(2021, 9, 1) + dt.timedelta(days=n % 28)
        lines.append(
            f"{day:%d/%m/%Y};Bản Nà;Đoàn Thanh niên;Họp dân, hội nghị;vaccination_benefit;"
            f"1;{n + 1};;lượt {n}"
        )
    return "\r\n".join(lines) + "\r\n"


def _index_state(db: Database) -> tuple[int, int, list[str]]:
    """(sums that differ from the rows, index rows that differ, the insert triggers)."""
    with db.session() as session:
        connection = session.connection()
        wrong_sums = month_sums.mismatches(connection)
        wrong_index = connection.exec_driver_sql(
            f"SELECT count(*) FROM (SELECT rowid, search_text FROM {search.FTS_TABLE} "
            "EXCEPT SELECT id, search_text FROM activity)"
        ).scalar()
        triggers = [
            name
            for (name,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%insert' "
                "ORDER BY name"
            )
        ]
    return wrong_sums, int(wrong_index or 0), triggers


def test_a_large_import_updates_the_sums_and_the_search_index_in_bulk(
    log_db: Database, tmp_path: Path
) -> None:
    """A batch past BULK_INDEX_FROM adds its monthly sums and its search text in one
    statement each: the sums equal the rows, the search finds the new rows, the insert
    triggers are back for the next single entry, and a cancelled import leaves all three
    as they were."""
    count = activities.BULK_INDEX_FROM + 50
    before = _index_state(log_db)
    path = write(tmp_path / "nhieu.csv", _many_rows(count))

    def cancel(done: int, total: int) -> None:
        if done == total:
            raise KeyboardInterrupt  # the window's Cancel, after the rows are written

    with pytest.raises(KeyboardInterrupt):
        activity_io.import_file(log_db, path, progress=cancel)
    assert _index_state(log_db) == before and rows(log_db) == []
    result = activity_io.import_file(log_db, path)
    assert result.added == count
    assert _index_state(log_db) == before  # no differences, the same triggers
    with log_db.session() as session:  # FTS5's own check: raises when the index disagrees
        session.connection().exec_driver_sql(
            f"INSERT INTO {search.FTS_TABLE}({search.FTS_TABLE}, rank) "
            "VALUES ('integrity-check', 1)"
        )
    assert len(rows(log_db, search="luot 12")) == 1 + 10  # lượt 12 and lượt 120…129
    with log_db.session() as session:
        assert queries.totals(session, ActivityFilter(COMMUNE)).values["people"] == sum(
            range(1, count + 1)
        )
    add(log_db, "20/09/2021", village="Bản Nà", people=7, sessions=1)  # the triggers again
    assert _index_state(log_db)[:2] == (0, 0)
    assert len(rows(log_db)) == count + 1


@pytest.mark.parametrize("collector_on", [True, False])
def test_an_import_leaves_the_garbage_collector_as_it_found_it(
    log_db: Database, tmp_path: Path, collector_on: bool
) -> None:
    """The import pauses the cyclic collector while it reads and records (its objects hold
    no cycles) and gives it back as it was: on, or off (app.run's start-up), after a
    refused file too."""
    good = write(tmp_path / "good.csv", VIETNAMESE_CSV)
    bad = write(tmp_path / "bad.csv", VIETNAMESE_CSV.replace("15/09/2021", "31/02/2021"))
    was_on = gc.isenabled()
    (gc.enable if collector_on else gc.disable)()
    try:
        paused = []
        activity_io.import_file(log_db, good, progress=lambda *_: paused.append(gc.isenabled()))
        assert paused == [False, False] and gc.isenabled() is collector_on
        with pytest.raises(ImportRefused):
            activity_io.import_file(log_db, bad)
        assert gc.isenabled() is collector_on
        activity_io.preview_file(log_db, good)
        assert gc.isenabled() is collector_on
    finally:
        (gc.enable if was_on else gc.disable)()


def test_recorded_rows_are_found_by_their_keys_a_chunk_at_a_time(
    log_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing again skips what is recorded, looked up by content key a few at a time;
    deleted rows do not count (their rows are imported again), identical rows in the
    file are counted."""
    monkeypatch.setattr(activity_io, "_KEYS_PER_QUERY", 7)
    lines = _many_rows(40).splitlines()
    path = write(tmp_path / "hai-lan.csv", "\r\n".join([*lines, lines[5]]) + "\r\n")
    first = activity_io.import_file(log_db, path)
    assert (first.added, first.skipped) == (41, 0)
    with log_db.session() as session:
        ids = list(queries.ordered_ids(session, ActivityFilter(COMMUNE), CATALOG))
        activities.soft_delete(session, ids[:3])
    again = activity_io.import_file(log_db, path)
    assert (again.added, again.skipped) == (3, 38)
    assert len(rows(log_db)) == 41
