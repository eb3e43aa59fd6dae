"""Trust by enrolment, as an attacker and as the district would meet it.

The forged-commune story of issue 13 end to end: a forger's file for a commune that has not
reported yet waits un-enrolled and counts nowhere; the genuine commune's key is enrolled
after the fingerprint is compared and its report counts alone; a key already enrolled for
one commune is refused for another; replacing a key withdraws what the old key signed and
the genuine file of the same revision then imports. Each refusal of the command line is
checked with tests/support/hostile.py: exit code, the app's own message, the database unchanged.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlmodel import select

from quynhnhai_desktop.cli import main
from quynhnhai_desktop.services import district, overview, trust
from quynhnhai_desktop.services import identity as identity_service
from quynhnhai_desktop.store.database import Database, open_database
from quynhnhai_desktop.store.models import HeldPackage, ImportedReport
from tests.services.test_district import write
from tests.support.hostile import assert_refused, database_dump, run_cli
from tests.support.hostile_files import signed_package
from tests.support.package_helpers import make_package, sample_data

SEPTEMBER = (dt.date(2021, 9, 1), dt.date(2021, 9, 30))
INIT = ["init", "--district", "118", "--signer-name", "Lương Văn Thảo", "--signer-title", "TP"]


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, identity_service.Identity]:
    return {
        who: identity_service.load_or_create(tmp_path / "keys" / who)
        for who in ("forger", "sai", "giang", "et", "et-reinstalled")
    }


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "huyen"
    assert main(["--data-dir", str(folder), *INIT]) == 0
    return folder


def cli(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def opened(data_dir: Path) -> Database:
    return open_database(f"sqlite:///{data_dir / 'quynhnhai.sqlite3'}")


def sai(
    key: identity_service.Identity, people: int, month: int = 9, revision: int = 1
) -> tuple[str, bytes]:
    """A report of Mường Sại (03709) for *month*, with *people* reached."""
    return make_package(
        key,
        commune="03709",
        name="Mường Sại",
        data=sample_data(people=people),
        month=month,
        revision=revision,
    )


def test_the_forged_commune_waits_and_the_genuine_one_counts(
    data_dir: Path, keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    forged = write(tmp_path / "forger", sai(keys["forger"], people=99_999))
    assert cli(data_dir, "package", "import", str(forged)) == 1
    out = capsys.readouterr().out
    assert f"Mường Sại r1: CHỜ XÁC NHẬN KHÓA {keys['forger'].fingerprint}" in out
    assert "quynhnhai district enrol" in out
    # Counted nowhere: not in status, not in the totals, not in the report.
    assert cli(data_dir, "district", "status", "--month", "2021-09") == 0
    out = capsys.readouterr().out
    assert "03709 Xã Mường Sại: CHƯA NỘP — 1 tệp chờ xác nhận khóa (chưa được tính)" in out
    assert "Đã báo cáo: 0/11" in out
    assert cli(data_dir, "district", "report", "--month", "2021-09") == 1
    db = opened(data_dir)
    assert district.latest_data(db, *SEPTEMBER) == {}
    assert overview.district_overview(db, _period()).values == {}

    # The genuine commune sends its report; it waits too, until its key is enrolled.
    genuine = write(tmp_path / "sai", sai(keys["sai"], people=120))
    assert cli(data_dir, "package", "import", str(genuine)) == 1
    assert len(trust.held_packages(db)) == 2
    # The clerk of Mường Sại reads out their fingerprint; the district compares and enrols.
    assert cli(data_dir, "district", "enrol", "--yes", str(genuine)) == 0
    out = capsys.readouterr().out
    assert f"Mã nhận dạng khóa: {keys['sai'].fingerprint}" in out
    assert "Xã: 03709 Xã Mường Sại" in out
    assert "Mường Sại r1: đã nhập" in out
    [counted] = district.latest_data(db, *SEPTEMBER).values()
    assert counted.totals == sample_data(people=120).totals  # the genuine figures, alone
    assert overview.district_overview(db, _period()).values["people"] == 120
    # The forger's file stays out; offered again it is refused (another key is enrolled).
    [held] = trust.held_packages(db)
    assert held.fingerprint == keys["forger"].fingerprint
    assert held.enrolled == keys["sai"].fingerprint
    [again] = district.import_files(db, [forged])
    assert again.outcome is district.Outcome.REFUSED
    assert keys["forger"].fingerprint in again.error.english()  # type: ignore[union-attr]
    db.close()


def test_enrolling_a_waiting_file_imports_every_file_that_waited_for_that_key(
    data_dir: Path, keys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    db = opened(data_dir)
    r1 = write(tmp_path, sai(keys["sai"], people=100))
    r2 = write(tmp_path, sai(keys["sai"], people=130, revision=2))
    august = write(tmp_path, sai(keys["sai"], people=80, month=8))
    forged = write(tmp_path / "f", sai(keys["forger"], people=9_000))
    results = district.import_files(db, [r2, august, forged])
    assert {r.outcome for r in results} == {district.Outcome.HELD}
    waiting = {h.file_name: h for h in trust.held_packages(db)}
    claim = trust.examine_held(db, waiting[r2.name].id)
    done = trust.enrol(db, claim)
    assert sorted(r.outcome.value for r in done.imported) == ["imported", "imported"]
    assert [h.file_name for h in trust.held_packages(db)] == [forged.name]
    assert district.latest_data(db, *SEPTEMBER)["03709"].totals["people"] == 130
    # r1 arriving later is an older revision, kept in the history.
    assert district.import_files(db, [r1])[0].outcome is district.Outcome.OLDER
    db.close()


def test_one_key_is_never_trusted_for_two_units(data_dir: Path, keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    giang = write(tmp_path / "g", make_package(keys["giang"]))
    assert cli(data_dir, "district", "enrol", "--yes", str(giang)) == 0
    # The key enrolled for 03703 signs a report "from" 03709.
    borrowed = write(tmp_path / "b", sai(keys["giang"], people=5))
    before = database_dump(data_dir)
    result = run_cli(data_dir, "package", "import", str(borrowed))
    assert_refused(result, data_dir, before, "03703", keys["giang"].fingerprint, "Mường Sại")
    result = run_cli(data_dir, "district", "enrol", "--yes", str(borrowed))
    assert_refused(result, data_dir, before, "đã được xác nhận cho xã 03703")


def test_replace_key_withdraws_the_old_keys_reports_and_the_genuine_revision_imports(
    data_dir: Path, keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    def et(key: identity_service.Identity, people: int, month: int = 9, revision: int = 1) -> Path:
        data = sample_data(people=people)
        blob = make_package(
            key, commune="03712", name="Nậm Ét", data=data, month=month, revision=revision
        )
        return write(tmp_path / f"et-{people}", blob)

    # A forger's key was enrolled for Nậm Ét by mistake; two forged revisions count.
    forged_r1, forged_r2 = et(keys["forger"], 7_000), et(keys["forger"], 8_000, revision=2)
    assert cli(data_dir, "district", "enrol", "--yes", str(forged_r1)) == 0
    assert cli(data_dir, "package", "import", str(forged_r2)) == 0
    august = et(keys["forger"], 6_000, month=8)
    assert cli(data_dir, "package", "import", str(august)) == 0
    # The genuine commune's revision 1 is refused: a different key is enrolled.
    genuine = et(keys["et"], 140)
    assert cli(data_dir, "package", "import", str(genuine)) == 1
    capsys.readouterr()
    assert cli(data_dir, "district", "replace-key", "--yes", str(genuine)) == 0
    out = capsys.readouterr().out
    assert f"Khóa đã xác nhận: {keys['forger'].fingerprint}" in out
    assert keys["et"].fingerprint in out
    assert "3 báo cáo đang được tính" in out and "Đã rút: 3 báo cáo ký bằng khóa cũ." in out
    assert "Nậm Ét r1: đã nhập" in out
    db = opened(data_dir)
    assert district.latest_data(db, *SEPTEMBER)["03712"].totals["people"] == 140
    assert district.latest_data(db, dt.date(2021, 8, 1), dt.date(2021, 8, 31)) == {}
    with db.session() as session:
        kept = session.exec(select(ImportedReport).where(ImportedReport.commune_code == "03712"))
        assert sorted((r.revision, r.withdrawn_at is not None) for r in kept) == [
            (1, False),
            (1, True),
            (1, True),
            (2, True),
        ]
    db.close()
    assert cli(data_dir, "district", "status", "--month", "2021-08") == 0
    out = capsys.readouterr().out
    assert f"03712 Xã Nậm Ét: ĐÃ RÚT r1 (ký bằng khóa đã thay {keys['forger'].fingerprint})" in out
    assert cli(data_dir, "district", "status", "--month", "2021-09") == 0
    assert "03712 Xã Nậm Ét: đúng hạn r1" in capsys.readouterr().out
    # The forged file offered again is this very file, withdrawn: it does not count.
    assert cli(data_dir, "package", "import", str(forged_r2)) == 1
    assert "đã bị rút" in capsys.readouterr().out


def test_withdraw_takes_a_report_out_of_the_totals_and_keeps_it(
    data_dir: Path, keys, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    r1 = write(tmp_path, sai(keys["sai"], people=100))
    assert cli(data_dir, "district", "enrol", "--yes", str(r1)) == 0
    reason = "Số liệu sai, xã sẽ gửi lại"
    withdraw = ["district", "withdraw", "--unit", "03709", "--month", "2021-09"]
    assert cli(data_dir, *withdraw, "--reason", reason) == 0
    assert "Đã rút: Xã Mường Sại, tháng 09/2021, lần gửi r1." in capsys.readouterr().out
    db = opened(data_dir)
    assert district.latest_data(db, *SEPTEMBER) == {}
    assert trust.withdrawn_reports(db, dt.date(2021, 9, 1)) == [("03709", 1, reason)]
    assert [u.code for u in district.missing(db, dt.date(2021, 9, 1))].count("03709") == 1
    # The corrected revision 2 counts again.
    r2 = write(tmp_path, sai(keys["sai"], people=90, revision=2))
    assert district.import_files(db, [r2])[0].outcome is district.Outcome.IMPORTED
    assert district.latest_data(db, *SEPTEMBER)["03709"].totals["people"] == 90
    db.close()


def test_a_one_day_range_is_not_the_months_report(db: Database, keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from quynhnhai_desktop.services import profile
    from tests.services.test_district import DISTRICT
    from tests.support.package_helpers import build_v1, enrol

    profile.set_up(db, DISTRICT)
    enrol(db, keys["sai"], "03709")
    name, blob = build_v1(
        keys["sai"],
        commune_code="03709",
        commune_name="Mường Sại",
        district_code="118",
        period_start=dt.date(2021, 9, 6),
        period_end=dt.date(2021, 9, 6),
        period_rule="custom",
        revision=1,
        data=sample_data(),
        pdf=b"%PDF-1.4\n%%EOF\n",
        created_at=dt.datetime(2021, 9, 7, tzinfo=dt.UTC),
    )
    path = write(tmp_path, (name, blob))
    assert district.import_files(db, [path])[0].outcome is district.Outcome.IMPORTED
    [line] = [
        g for g in district.completeness(db, [dt.date(2021, 9, 1)]) if g[0].commune.code == "03709"
    ]
    assert line[0].status is district.Status.MISSING
    assert district.whole_month(dt.date(2021, 8, 15), dt.date(2021, 9, 14))  # statistical
    assert not district.whole_month(dt.date(2021, 9, 1), dt.date(2021, 9, 29))


def test_upper_case_report_files_are_found_in_a_folder(db: Database, keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from quynhnhai_desktop.services import profile
    from tests.services.test_district import DISTRICT

    profile.set_up(db, DISTRICT)
    name, blob = sai(keys["sai"], people=10)
    (tmp_path / "usb").mkdir()
    (tmp_path / "usb" / name.upper()).write_bytes(blob)
    (tmp_path / "usb" / "ghi-chu.txt").write_text("không phải báo cáo")
    [result] = district.import_files(db, [tmp_path / "usb"])
    assert result.outcome is district.Outcome.HELD
    with db.session() as session:
        assert len(session.exec(select(HeldPackage)).all()) == 1


def _period():  # type: ignore[no-untyped-def]
    from quynhnhai_desktop.domain.periods import month_period

    return month_period(2021, 9)


# -- hostile: every refusal of the trust commands ---------------------------------------


@pytest.fixture
def enrolled(data_dir: Path, keys, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """The district with Mường Sại's key enrolled and its September report counted."""
    assert (
        cli(data_dir, "district", "enrol", "--yes", str(write(tmp_path, sai(keys["sai"], 100))))
        == 0
    )
    return data_dir


def test_hostile_enrol_and_replace_key_without_a_terminal_and_without_yes(
    data_dir: Path, keys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = write(tmp_path / "a", sai(keys["sai"], people=100))
    before = database_dump(data_dir)
    result = run_cli(data_dir, "district", "enrol", str(path))
    assert_refused(result, data_dir, before, keys["sai"].fingerprint, "--yes")
    result = run_cli(data_dir, "district", "replace-key", str(path))
    assert_refused(result, data_dir, before, "chưa có khóa nào được xác nhận")


def test_hostile_key_refusals_once_enrolled(enrolled: Path, keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = database_dump(enrolled)
    other = write(tmp_path / "o", sai(keys["forger"], people=5, month=10))
    result = run_cli(enrolled, "package", "import", str(other))
    assert_refused(result, enrolled, before, keys["forger"].fingerprint, keys["sai"].fingerprint)
    result = run_cli(enrolled, "district", "enrol", "--yes", str(other))
    assert_refused(result, enrolled, before, "Thay khóa", keys["forger"].fingerprint)
    result = run_cli(enrolled, "district", "replace-key", str(other))  # no --yes, no terminal
    assert_refused(result, enrolled, before, keys["forger"].fingerprint, "--yes")
    same = write(tmp_path / "s", sai(keys["sai"], people=6, month=10))
    result = run_cli(enrolled, "district", "replace-key", "--yes", str(same))
    assert_refused(result, enrolled, before, "không có gì để thay")


def test_hostile_withdraw_refusals(enrolled: Path) -> None:
    before = database_dump(enrolled)
    withdraw = ["district", "withdraw", "--month", "2021-09"]
    result = run_cli(enrolled, *withdraw, "--unit", "03709", "--reason", " \t ")
    assert_refused(result, enrolled, before, "lý do")
    result = run_cli(enrolled, *withdraw, "--unit", "04000", "--reason", "x")
    assert_refused(result, enrolled, before, "04000")
    result = run_cli(enrolled, "district", "withdraw", "--month", "2021-10", "--unit", "03709",
                     "--reason", "nhầm")  # fmt: skip
    assert_refused(result, enrolled, before, "không rút gì")
    result = run_cli(enrolled, *withdraw, "--unit", "03709", "--reason", "x" * 501)
    assert_refused(result, enrolled, before, "500")


@pytest.mark.parametrize(
    "claimed",
    [
        "Mường Giàng",  # another commune's name
        "Mường Sại\x1b[2J\x1b[31m",  # terminal escapes
        "Mường \u202eiạS",  # a right-to-left override
        "Mường\u200b Sại",  # a zero-width space
    ],
)
def test_hostile_commune_name_that_is_not_the_unit_lists(
    data_dir: Path, keys, tmp_path: Path, claimed: str
) -> None:  # type: ignore[no-untyped-def]
    # Signed as the forger would: the package schema's own text rules are not asked first.
    blob = signed_package(
        keys["sai"], commune="03709", manifest=lambda fields: fields.update(commune_name=claimed)
    )
    path = tmp_path / "BC-2021-09-03709-r1.qnbc"
    path.write_bytes(blob)
    # A name with control characters is refused by the schema, any other by the unit list.
    expected = () if any(ord(ch) < 32 for ch in claimed) else ("Xã Mường Sại",)
    before = database_dump(data_dir)
    result = run_cli(data_dir, "package", "import", str(path))
    assert_refused(result, data_dir, before, *expected)
    assert not any(ch in result.text for ch in "\x1b\u202e\u200b"), repr(result.text)
    result = run_cli(data_dir, "district", "enrol", "--yes", str(path))
    assert_refused(result, data_dir, before, *expected)


def test_a_file_name_with_control_characters_is_shown_cleaned(
    data_dir: Path, keys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _name, blob = sai(keys["sai"], people=1)
    path = tmp_path / "BC\x1b]0;pwned\x07-\u202eabc.qnbc"
    path.write_bytes(blob)
    result = run_cli(data_dir, "package", "import", str(tmp_path))
    assert result.code == 1 and "Traceback" not in result.text
    assert "CHỜ XÁC NHẬN KHÓA" in result.text
    assert not any(ch in result.text for ch in "\x1b\x07\u202e"), repr(result.text)


# -- the commune side: where the clerk reads the fingerprint out --------------------------


def test_the_commune_reads_its_fingerprint_on_page_1_and_in_profile_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pypdf import PdfReader

    from quynhnhai_desktop.output.decree30 import MARGIN_BOTTOM
    from tests.output.test_report_files import _chars

    xa = tmp_path / "xa"
    signer = ["--signer-name", "Lò Văn Thành", "--signer-title", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"]
    assert cli(xa, "init", "--commune", "03703", *signer) == 0
    assert cli(xa, "demo", "--months", "1", "--until", "2021-09") == 0
    fingerprint = identity_service.load_or_create(xa / "keys").fingerprint
    capsys.readouterr()
    assert cli(xa, "profile", "show") == 0
    out = capsys.readouterr().out
    assert f"Mã nhận dạng khóa ký: {fingerprint}" in out
    assert "03703 Xã Mường Giàng (đến 30/06/2025)" in out
    pdf = tmp_path / "bc.pdf"
    assert cli(xa, "report", "monthly", "--month", "2021-09", "--pdf", str(pdf)) == 0
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert fingerprint in pages[0].replace("\n", " ")
    assert not any(fingerprint in page for page in pages[1:])
    # Below the text block, in the bottom margin: the Decree 30 layout is untouched.
    first = "".join(c[0] for c in _chars(pdf.read_bytes())[0] if c[4] < MARGIN_BOTTOM)
    assert fingerprint.replace(" ", "") in first
    # The file on the stick carries the same page.
    assert cli(xa, "package", "export", "--month", "2021-09", "--out", str(tmp_path)) == 0
    from quynhnhai_desktop.services import package

    verified = package.read((tmp_path / "BC-2021-09-03703-r1.qnbc").read_bytes())
    assert verified.fingerprint == fingerprint
    import io

    assert fingerprint in PdfReader(io.BytesIO(verified.pdf)).pages[0].extract_text()


def test_a_refusal_quoting_the_files_own_words_prints_them_cleaned(
    data_dir: Path, keys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    import io
    import zipfile

    _name, blob = sai(keys["sai"], people=1)
    buffer = io.BytesIO(blob)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("\x1b[2J\x1b]0;owned\x07\u202eevil", b"x")
    path = tmp_path / "BC-2021-09-03709-r1.qnbc"
    path.write_bytes(buffer.getvalue())
    before = database_dump(data_dir)
    for command in (["package", "import"], ["district", "enrol", "--yes"]):
        result = run_cli(data_dir, *command, str(path))
        assert_refused(result, data_dir, before, "evil")
        assert not any(ch in result.text for ch in "\x1b\x07\u202e"), repr(result.text)


def test_upgrading_a_district_that_trusted_one_key_for_two_communes(tmp_path: Path) -> None:
    """Migration 0007: trust on first use could trust one key for two communes; the key
    stays enrolled for the first only, and the reports imported so far keep counting."""
    import sqlite3

    from quynhnhai_desktop.store import migrate
    from tests.store.test_upgrades import build_at

    database = tmp_path / "old.sqlite3"
    build_at("0006", database)
    conn = sqlite3.connect(database)
    for code, seen in (("03703", "2021-10-01 08:00:00"), ("03709", "2021-10-02 08:00:00")):
        conn.execute(
            "INSERT INTO commune_key VALUES (?, ?, ?, ?, NULL)", (code, "K" * 43 + "=", "F", seen)
        )
    conn.execute(
        "INSERT INTO imported_report (id, package_sha256, commune_code, commune_name,"
        " period_start, period_end, period_rule, revision, key_fingerprint, created_at,"
        " imported_at, file_name, data_json, pdf) VALUES (1, 'ab', '03703', 'Mường Giàng',"
        " '2021-09-01', '2021-09-30', 'calendar', 1, 'F', '2021-10-01 08:00:00',"
        " '2021-10-01 08:00:00', 'f.qnbc', '{}', x'00')"
    )
    conn.commit()
    conn.close()
    db = open_database(f"sqlite:///{database}")
    assert migrate.current_revision(db.engine) == migrate.HEAD
    with db.engine.connect() as c:
        assert c.exec_driver_sql("SELECT commune_code FROM commune_key").all() == [("03703",)]
        assert c.exec_driver_sql(
            "SELECT revision, withdrawn_at, withdrawn_reason FROM imported_report"
        ).all() == [(1, None, "")]
    db.close()
