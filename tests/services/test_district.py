"""District mode: import communes' packages, count revisions, track who reported.

Keys are enrolled here directly (tests/services/test_enrolment.py tests enrolment itself)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.units import default_units
from quynhnhai_desktop.services import district, profile, trust
from quynhnhai_desktop.services import identity as identity_service
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.engine import DEFERRED
from tests.support.package_helpers import enrol, make_package, sample_data

DISTRICT = profile.SetupRequest(
    mode="district",
    unit_code="118",
    signer_name="Lương Văn Thảo",
    signer_title="KT. TRƯỞNG PHÒNG / PHÓ TRƯỞNG PHÒNG",
)


@pytest.fixture
def district_db(db: Database) -> Database:
    profile.set_up(db, DISTRICT)
    return db


@pytest.fixture
def keys(tmp_path: Path) -> dict[str, identity_service.Identity]:
    return {
        code: identity_service.load_or_create(tmp_path / "keys" / code)
        for code in ("03703", "03682", "other")
    }


def write(folder: Path, name_and_blob: tuple[str, bytes]) -> Path:
    name, blob = name_and_blob
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(blob)
    return path


def snapshot(db: Database, paths: AppPaths) -> bytes:
    """The database file's bytes after a full checkpoint: 'byte for byte unchanged'."""
    with db.engine.connect().execution_options(**DEFERRED) as conn:  # not in a write
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    return paths.database.read_bytes()


def test_first_import_of_an_enrolled_key_then_same_file_changes_nothing(
    district_db: Database,
    keys,
    tmp_path: Path,
    paths: AppPaths,  # type: ignore[no-untyped-def]
) -> None:
    enrol(district_db, keys["03703"])
    path = write(tmp_path / "usb", make_package(keys["03703"]))
    [first] = district.import_files(district_db, [path])
    assert (first.outcome, first.commune, first.revision) == (
        district.Outcome.IMPORTED,
        "Mường Giàng",
        1,
    )
    before = snapshot(district_db, paths)
    [again] = district.import_files(district_db, [path])
    assert again.outcome is district.Outcome.ALREADY
    assert snapshot(district_db, paths) == before


def test_higher_revision_replaces_lower_which_stays_in_history(
    district_db: Database,
    keys,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    enrol(district_db, keys["03703"])
    r1 = write(tmp_path, make_package(keys["03703"], revision=1))
    r2 = write(tmp_path, make_package(keys["03703"], revision=2, data=sample_data(people=300)))
    outcomes = [r.outcome for r in district.import_files(district_db, [r2, r1])]
    assert outcomes == [district.Outcome.IMPORTED, district.Outcome.OLDER]
    with district_db.session() as session:
        assert (
            district.current_revision(session, "03703", dt.date(2021, 9, 1), dt.date(2021, 9, 30))
            == 2
        )


def test_a_different_key_is_refused_naming_the_commune_and_both_fingerprints(
    district_db: Database,
    keys,
    tmp_path: Path,
    paths: AppPaths,  # type: ignore[no-untyped-def]
) -> None:
    enrol(district_db, keys["03703"])
    district.import_files(district_db, [write(tmp_path / "a", make_package(keys["03703"]))])
    impostor = write(tmp_path / "b", make_package(keys["other"], month=10))
    before = snapshot(district_db, paths)
    [result] = district.import_files(district_db, [impostor])
    assert result.outcome is district.Outcome.REFUSED
    message = result.error.english()  # type: ignore[union-attr]
    assert "Mường Giàng" in message
    assert keys["03703"].fingerprint in message and keys["other"].fingerprint in message
    assert snapshot(district_db, paths) == before
    # After a phone call: replace the key explicitly; the file imports with it.
    done = trust.replace_key(district_db, trust.examine_file(district_db, impostor))
    assert (done.commune.name, done.fingerprint) == ("Mường Giàng", keys["other"].fingerprint)
    assert [r.outcome for r in done.imported] == [district.Outcome.IMPORTED]


def test_a_commune_of_another_district_is_refused(
    district_db: Database,
    keys,
    tmp_path: Path,
    paths: AppPaths,  # type: ignore[no-untyped-def]
) -> None:
    stranger = write(tmp_path, make_package(keys["other"], commune="04000", name="Chiềng Cơi"))
    before = snapshot(district_db, paths)
    [result] = district.import_files(district_db, [stranger])
    assert result.outcome is district.Outcome.REFUSED
    assert "does not report to Huyện Quỳnh Nhai" in result.error.english()  # type: ignore[union-attr]
    assert snapshot(district_db, paths) == before


def test_one_bad_file_does_not_stop_the_batch(
    district_db: Database,
    keys,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    enrol(district_db, keys["03703"])
    enrol(district_db, keys["03682"], "03682")
    folder = tmp_path / "usb"
    write(folder, make_package(keys["03703"]))
    (folder / "BC-broken.qnbc").write_bytes(b"not a zip at all")
    write(folder, make_package(keys["03682"], commune="03682", name="Mường Chiên"))
    results = district.import_files(district_db, [folder])
    assert sorted(r.outcome.value for r in results) == ["imported", "imported", "refused"]


def test_commune_installation_cannot_import(commune_db: Database, keys, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    [result] = district.import_files(commune_db, [write(tmp_path, make_package(keys["03703"]))])
    assert result.outcome is district.Outcome.REFUSED


def test_expected_communes_come_from_dated_unit_data() -> None:
    units = default_units()
    assert len(district.expected_communes(units, "118", dt.date(2021, 9, 30))) == 11
    province = district.expected_communes(units, "14", dt.date(2021, 9, 30))
    assert [u.code for u in province] == ["118"]  # a 2021 province: its district reports
    assert district.expected_communes(units, "118", dt.date(2025, 9, 30)) == []


def test_completeness_grid_on_time_late_missing_revised(
    district_db: Database,
    keys,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    enrol(district_db, keys["03703"])
    enrol(district_db, keys["03682"], "03682")
    on_time = make_package(keys["03703"], created=dt.datetime(2021, 10, 3, tzinfo=dt.UTC))
    late = make_package(
        keys["03682"],
        commune="03682",
        name="Mường Chiên",
        created=dt.datetime(2021, 10, 20, tzinfo=dt.UTC),
    )
    district.import_files(district_db, [write(tmp_path, on_time), write(tmp_path, late)])
    september, october = dt.date(2021, 9, 1), dt.date(2021, 10, 1)
    grid = district.completeness(district_db, [september, october])
    status = {line[0].commune.code: [cell.status for cell in line] for line in grid}
    assert len(status) == 11
    assert status["03703"] == [district.Status.ON_TIME, district.Status.MISSING]
    assert status["03682"] == [district.Status.LATE, district.Status.MISSING]
    assert status["03712"] == [district.Status.MISSING, district.Status.MISSING]
    missing = {u.code for u in district.missing(district_db, september)}
    assert len(missing) == 9 and "03703" not in missing
    revised = make_package(keys["03703"], revision=2, data=sample_data(people=10))
    district.import_files(district_db, [write(tmp_path, revised)])
    grid = district.completeness(district_db, [september])
    cell = next(line[0] for line in grid if line[0].commune.code == "03703")
    assert (cell.status, cell.revision) == (district.Status.REVISED, 2)


def test_cli_import_and_status(
    keys,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    from quynhnhai_desktop.cli import main

    data = str(tmp_path / "district")
    assert (
        main(
            [
                "--data-dir",
                data,
                "init",
                "--district",
                "118",
                "--signer-name",
                "Lương Văn Thảo",
                "--signer-title",
                "TRƯỞNG PHÒNG",
            ]
        )
        == 0
    )
    usb = tmp_path / "usb"
    r1 = write(usb, make_package(keys["03703"]))
    assert main(["--data-dir", data, "package", "import", str(usb)]) == 1
    out = capsys.readouterr().out
    assert f"Mường Giàng r1: CHỜ XÁC NHẬN KHÓA {keys['03703'].fingerprint}" in out
    assert "quynhnhai district enrol" in out
    assert main(["--data-dir", data, "district", "enrol", "--yes", str(r1)]) == 0
    assert "Mường Giàng r1: đã nhập" in capsys.readouterr().out
    assert main(["--data-dir", data, "package", "import", str(usb)]) == 0
    assert "đã nhập trước đó" in capsys.readouterr().out
    (usb / "broken.qnbc").write_bytes(b"junk")
    assert main(["--data-dir", data, "package", "import", str(usb)]) == 1
    assert "BỊ TỪ CHỐI" in capsys.readouterr().out
    assert main(["--data-dir", data, "district", "status", "--month", "2021-09"]) == 0
    out = capsys.readouterr().out
    assert "03703 Xã Mường Giàng: đúng hạn" in out
    assert "03712 Xã Nậm Ét: CHƯA NỘP" in out
    assert "Đã báo cáo: 1/11" in out


def test_the_grid_reads_only_its_covering_index(district_db: Database) -> None:
    """Every query of the grid over imported_report is answered from ix_imported_grid
    alone: SQLite never reads a report's row, where the PDF and JSON sit before the
    columns the grid shows (401 ms at 2,400 packages when it did)."""
    from sqlalchemy import event

    seen: list[tuple[str, object]] = []

    def record(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if "imported_report" in statement:
            seen.append((statement, parameters))

    event.listen(district_db.engine, "before_cursor_execute", record)
    try:
        district.completeness(district_db, [dt.date(2021, 9, 1), dt.date(2021, 10, 1)])
    finally:
        event.remove(district_db.engine, "before_cursor_execute", record)
    assert len(seen) == 2  # the lowest live revision, the highest live and withdrawn
    with district_db.engine.connect() as conn:
        for statement, parameters in seen:
            plan = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            steps = " | ".join(str(row[-1]) for row in plan)
            assert "USING COVERING INDEX ix_imported_grid" in steps, steps


def test_the_deadline_through_the_database_refuses_out_of_range_unchanged(
    district_db: Database,
) -> None:
    from quynhnhai_desktop.domain.errors import UserError
    from quynhnhai_desktop.i18n import message
    from quynhnhai_desktop.services import settings

    assert settings.deadline(district_db) == settings.DEFAULT_DEADLINE_DAYS
    settings.set_deadline(district_db, 12)
    with pytest.raises(UserError) as refused:
        settings.set_deadline(district_db, 61)
    assert message(refused.value) == "Hạn nộp phải từ 0 đến 60 ngày."
    assert settings.deadline(district_db) == 12
