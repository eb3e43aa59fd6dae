"""The venue register: codes, phone numbers, search and filters, import and export, the CLI."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.domain import venues as rules
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.services import demo, reference, venue_files, venues
from quynhnhai_desktop.services.tabular import ImportRefused, write_table
from quynhnhai_desktop.store.database import Database

COMMUNE = "03703"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("84-386-123-456", "0386123456"),
        ("(0212) 3851 234", "02123851234"),
        ("024 3825 1234", "02438251234"),
        ("", ""),
    ],
)
def test_phone_numbers_as_clerks_write_them(typed: str, stored: str) -> None:
    assert rules.normalise_phone(typed) == stored


@pytest.mark.parametrize("bad", ["091234567", "09123456789", "0123456789", "0612345678", "abc"])
def test_phone_numbers_that_are_not_vietnamese_are_refused(bad: str) -> None:
    with pytest.raises(UserError, match="not a Vietnamese phone number"):
        rules.normalise_phone(bad)


def test_phone_display_groups_digits() -> None:
    assert rules.format_phone("0912345678") == "0912 345 678"
    assert rules.format_phone("02123851234") == "0212 3851 234"


def test_local_payload_is_documented_and_round_trips() -> None:
    assert rules.local_payload("03703-0007") == "QNVENUE:1:03703-0007"
    assert rules.parse_local_payload("QNVENUE:1:03703-0007") == "03703-0007"
    assert rules.parse_local_payload("https://qr.tokhaiyte.vn/x") is None
    assert rules.qr_payload("03703-0007", "") == ("QNVENUE:1:03703-0007", True)
    assert rules.qr_payload("03703-0007", "https://x.vn/1") == ("https://x.vn/1", False)


def test_codes_are_generated_per_commune_and_given_codes_are_kept(commune_db: Database) -> None:
    with commune_db.session() as session:
        first = venues.create(
            session, COMMUNE, venues.VenueDraft(name="Chợ trung tâm xã", category="market")
        )
        given = venues.create(
            session,
            COMMUNE,
            venues.VenueDraft(name="Bến thuyền bản Nà", category="boat_landing", code="bt-01"),
        )
        second = venues.create(
            session, COMMUNE, venues.VenueDraft(name="Trạm Y tế xã", category="health_station")
        )
    assert (first.code, given.code, second.code) == ("03703-0001", "BT-01", "03703-0002")
    with commune_db.session() as session, pytest.raises(UserError, match="already used"):
        venues.create(
            session, COMMUNE, venues.VenueDraft(name="X", category="other", code="03703-0001")
        )


def test_a_venue_code_never_changes(commune_db: Database) -> None:
    with commune_db.session() as session:
        venue = venues.create(session, COMMUNE, venues.VenueDraft(name="Đền", category="worship"))
        draft = venues.draft_of(venue)
    with commune_db.session() as session:
        assert venue.id is not None
        venues.update_venue(session, venue.id, venues.VenueDraft(name="Đền bản Xe", **_same(draft)))
        with pytest.raises(UserError, match="cannot change"):
            venues.update_venue(
                session,
                venue.id,
                venues.VenueDraft(name="Đền", category="worship", code="03703-0099"),
            )
    with commune_db.session() as session:
        assert venues.get(session, venue.id).name == "Đền bản Xe"


def _same(draft: venues.VenueDraft) -> dict[str, object]:
    return {"category": draft.category, "code": draft.code}


def test_drafts_are_cleaned_and_checked() -> None:
    nfd = unicodedata.normalize("NFD", "  Quán   phở  Hặc ")
    cleaned = venues.validate(
        venues.VenueDraft(
            name=nfd, category="restaurant", phone="098 765 4321", qr_content=" https://a.vn/1 "
        ),
        today=dt.date(2021, 9, 30),
    )
    assert cleaned.name == "Quán phở Hặc" and unicodedata.is_normalized("NFC", cleaned.name)
    assert cleaned.phone == "0987654321"
    assert cleaned.qr_content == "https://a.vn/1"
    assert cleaned.registered  # official content means the venue registered
    with pytest.raises(UserError, match="name"):
        venues.validate(venues.VenueDraft(name="  ", category="market"))
    with pytest.raises(UserError, match="category"):
        venues.validate(venues.VenueDraft(name="A", category="casino"))
    with pytest.raises(UserError, match="registration date"):
        venues.validate(
            venues.VenueDraft(name="A", category="market", registered_on=dt.date(2021, 10, 1)),
            today=dt.date(2021, 9, 30),
        )


@pytest.fixture
def demo_db(commune_db: Database) -> Database:
    demo.fill(commune_db, months=1, until=dt.date(2021, 9, 30))
    return commune_db


def test_search_ignores_accents_and_case_and_finds_codes_and_phones(demo_db: Database) -> None:
    with demo_db.session() as session:
        by_name = venues.page(session, COMMUNE, venues.VenueFilter(search="TRAM Y TE"))
        assert [r.name for r in by_name] == ["Trạm Y tế xã"]
        shrines = venues.page(session, COMMUNE, venues.VenueFilter(search="den ban"))
        assert shrines and all(r.name.startswith("Đền bản") for r in shrines)
        assert venues.page(session, COMMUNE, venues.VenueFilter(search="ĐỀN BẢN")) == shrines
        code = by_name[0].code
        assert [r.code for r in venues.page(session, COMMUNE, venues.VenueFilter(search=code))] == [
            code
        ]
        phone = by_name[0].phone
        found = venues.page(session, COMMUNE, venues.VenueFilter(search=phone[-6:]))
        assert by_name[0].id in {r.id for r in found}
        nothing = venues.page(session, COMMUNE, venues.VenueFilter(search="100%_"))
        assert nothing == []


def test_filters_and_counts_agree(demo_db: Database) -> None:
    with demo_db.session() as session:
        village = reference.list_villages(session, COMMUNE)[0]
        every = venues.page(session, COMMUNE)
        for flt, keep in [
            (venues.VenueFilter(village_id=village.id), lambda r: r.village_id == village.id),
            (venues.VenueFilter(category="school"), lambda r: r.category == "school"),
            (venues.VenueFilter(registered=False), lambda r: not r.registered),
            (
                venues.VenueFilter(registered=True, category="shop"),
                lambda r: r.registered and r.category == "shop",
            ),
        ]:
            rows = venues.page(session, COMMUNE, flt)
            assert [r.id for r in rows] == [r.id for r in every if keep(r)]
            assert venues.count(session, COMMUNE, flt) == len(rows)
        assert venues.count(session, COMMUNE, venues.VenueFilter(category="school")) == 4


def test_list_sorts_the_vietnamese_way_and_pages(demo_db: Database) -> None:
    from quynhnhai_desktop.domain.text import sort_key

    with demo_db.session() as session:
        names = [r.name for r in venues.page(session, COMMUNE)]
        assert names == sorted(names, key=sort_key)
        pages = [
            r.name
            for offset in range(0, 40, 10)
            for r in venues.page(session, COMMUNE, offset=offset, limit=10)
        ]
        assert pages == names
        codes = [r.code for r in venues.page(session, COMMUNE, order="code", descending=True)]
        assert codes == sorted(codes, reverse=True)


def test_summary_counts_what_the_strip_shows(demo_db: Database) -> None:
    with demo_db.session() as session:
        rows = venues.page(session, COMMUNE)
        venues.record_printed(session, [rows[0].id, rows[0].id, rows[1].id])
        closed = venues.get(session, rows[2].id)
        closed.status = "closed"
        session.add(closed)
    with demo_db.session() as session:
        summary = venues.summary(session, COMMUNE)
        rows = venues.page(session, COMMUNE)
    open_rows = [r for r in rows if r.status == "active"]
    assert summary.total == len(open_rows) == len(rows) - 1
    assert summary.closed == 1
    assert summary.registered == sum(r.registered for r in open_rows)
    assert summary.official_qr == sum(bool(r.qr_content) for r in open_rows)
    assert (summary.posters_printed, summary.venues_with_posters) == (3, 2)
    assert rows[0].posters_printed == 2 and rows[0].last_printed_at is not None


# -- import / export ---------------------------------------------------------------------

HEADER = ["Mã", "Tên", "Loại", "Bản", "Điện thoại", "Đã đăng ký", "Ngày đăng ký", "qr_content"]


def test_export_then_import_round_trips(demo_db: Database, tmp_path: Path) -> None:
    for suffix in (".csv", ".xlsx"):
        path = tmp_path / f"venues{suffix}"
        assert venue_files.export_file(demo_db, path) == 32
        summary = venue_files.import_file(demo_db, path)
        assert (summary.created, summary.updated) == (0, 32)
    with demo_db.session() as session:
        before = venues.page(session, COMMUNE)
    venue_files.import_file(demo_db, tmp_path / "venues.csv")
    with demo_db.session() as session:
        assert venues.page(session, COMMUNE) == before


def test_import_adds_and_updates_with_labels_as_headers(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "new.xlsx"
    write_table(
        path,
        HEADER,
        [
            [
                "",
                "Quán nướng Bó Ban",
                "Nhà hàng, quán ăn",
                "Bản Nà",
                "0912 345 678",
                "có",
                dt.date(2021, 8, 2),
                "",
            ],
            ["03703-0001", "Chợ trung tâm xã Mường Giàng", "market", "", "", "không", "", ""],
            [
                "",
                "Đảo chè",
                "Điểm du lịch",
                "Bản Nà",
                "",
                "x",
                "2021-08-03",
                "https://qr.tokhaiyte.vn/c/ABC",
            ],
        ],
    )
    summary = venue_files.import_file(demo_db, path)
    assert (summary.created, summary.updated) == (2, 1)
    with demo_db.session() as session:
        grill = venues.page(session, COMMUNE, venues.VenueFilter(search="quan nuong"))[0]
        assert grill.code == "03703-0033" and grill.phone == "0912345678"
        assert grill.registered_on == dt.date(2021, 8, 2) and grill.village_name == "Bản Nà"
        market = venues.find_by_code(session, "03703-0001")
        assert market is not None and market.name == "Chợ trung tâm xã Mường Giàng"
        assert market.village_id is None and not market.registered
        island = venues.page(session, COMMUNE, venues.VenueFilter(search="dao che"))[0]
        assert island.qr_content == "https://qr.tokhaiyte.vn/c/ABC" and island.code == "03703-0034"


def test_import_is_all_or_nothing_with_every_bad_row_named(
    demo_db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "bad.csv"
    write_table(
        path,
        HEADER,
        [
            ["", "Quán mới", "restaurant", "Bản Nà", "", "", "", ""],  # fine
            ["", "Tạp hóa", "shop", "", "01234", "", "", ""],  # bad phone
            ["", "Chợ", "casino", "", "", "", "", ""],  # bad category
            ["", "Nhà nghỉ", "lodging", "Bản Không Có", "", "", "", ""],  # unknown village
            ["03703-0001", "A", "market", "", "", "", "", ""],
            ["03703-0001", "B", "market", "", "", "", "", ""],  # duplicate code
            ["", "Đền", "worship", "", "", "có", "31/02/2021", ""],  # bad date
        ],
    )
    with demo_db.session() as session:
        before = venues.page(session, COMMUNE)
    with pytest.raises(ImportRefused) as refused:
        venue_files.import_file(demo_db, path)
    assert [p.row for p in refused.value.problems] == [3, 4, 5, 7, 8]
    messages = [p.error.english() for p in refused.value.problems]
    assert "phone" in messages[0] and "category" in messages[1]
    assert "Bản Không Có" in messages[2] and "row 6" in messages[3] and "date" in messages[4]
    with demo_db.session() as session:
        assert venues.page(session, COMMUNE) == before


def test_import_creates_missing_villages_only_when_asked(demo_db: Database, tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    write_table(path, ["name", "category", "village"], [["Nhà nghỉ Suối", "lodging", "Bản Mới"]])
    with pytest.raises(ImportRefused):
        venue_files.import_file(demo_db, path)
    summary = venue_files.import_file(demo_db, path, create_missing=True)
    assert summary.villages_created == ["Bản Mới"] and summary.created == 1


# -- command line ------------------------------------------------------------------------

SIGNER = ["--signer-name", "Lò Văn Thành", "--signer-title", "CHỦ TỊCH"]


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def test_cli_list_export_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d"
    assert run(data, "init", "--commune", COMMUNE, *SIGNER) == 0
    assert run(data, "demo", "--months", "1", "--until", "2021-09") == 0
    capsys.readouterr()
    assert run(data, "venues", "list", "--search", "tram y te") == 0
    out = capsys.readouterr().out
    assert "Trạm Y tế xã | Trạm y tế" in out
    assert "32 địa điểm đang hoạt động" in out
    assert run(data, "venues", "export", str(tmp_path / "v.xlsx")) == 0
    assert run(data, "venues", "import", str(tmp_path / "v.xlsx")) == 0
    assert "0 mới, 32 cập nhật" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    write_table(bad, ["name", "category", "phone"], [["Quán", "restaurant", "12345"]])
    assert run(data, "venues", "import", str(bad)) == 1
    captured = capsys.readouterr()
    assert "Dòng 2:" in captured.out and "không phải số điện thoại" in captured.out
    assert "chưa nhập dòng nào" in captured.err
