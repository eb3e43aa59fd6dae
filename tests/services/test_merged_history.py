"""Taking in the history of the other communes merged into a 2025 commune (issue 18,
item 4): their reports are kept under their old names with their dates and never count in
the new commune's months; a foreign, tampered or own package is refused, nothing changed."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.periods import month_period
from quynhnhai_desktop.services import (
    activities,
    identity,
    merged_history,
    package_export,
    report,
    unit_history,
)
from quynhnhai_desktop.store.database import Database
from tests.support import activity_data
from tests.support.db_snapshot import snapshot
from tests.support.package_helpers import make_package

REFORM = dt.date(2025, 7, 1)


def _write(folder: Path, made: tuple[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / made[0]
    path.write_bytes(made[1])
    return path


@pytest.fixture
def quynh_nhai(commune_db: Database) -> Database:
    """Mường Giàng moved to Xã Quỳnh Nhai, with one activity of its own in October 2025."""
    unit_history.move(commune_db, "03703", REFORM)
    activity_data.add_villages(commune_db, ("Bản Nà",))
    drafted = activity_data.draft(commune_db, "14/10/2025")
    with commune_db.session() as session:
        activities.record(session, "03703", drafted, first_campaign())
    return commune_db


@pytest.fixture
def chieng_bang(tmp_path: Path) -> identity.Identity:
    return identity.load_or_create(tmp_path / "keys-chieng-bang")


def test_the_merged_communes_reports_are_kept_under_their_old_names(
    quynh_nhai: Database, chieng_bang: identity.Identity, tmp_path: Path
) -> None:
    files = [
        _write(tmp_path / "usb", make_package(chieng_bang, commune="03706", version=2)),
        _write(
            tmp_path / "usb",
            make_package(chieng_bang, commune="03706", name="Chiềng Bằng", month=10),
        ),  # format 1: the name without its kind
    ]
    own_before = report.prepare(quynh_nhai, month_period(2025, 10)).data.totals
    result = merged_history.take(quynh_nhai, files)
    assert [(t.unit_label, t.period_label) for t in result.taken] == [
        ("03706 Xã Chiềng Bằng (đến 30/06/2025)", "09/2021"),
        ("03706 Xã Chiềng Bằng (đến 30/06/2025)", "10/2021"),
    ]
    assert result.taken[0].activities > 0
    with quynh_nhai.read_session() as session:
        assert [t.period_label for t in merged_history.listing(session)] == ["09/2021", "10/2021"]
    own = report.prepare(quynh_nhai, month_period(2025, 10)).data
    assert own.totals == own_before and own.totals.activities == 1  # not counted
    again = merged_history.take(quynh_nhai, files[:1])
    assert (again.taken, len(again.already)) == ([], 1)
    quynh_nhai.close()


def _tampered(blob: bytes) -> bytes:
    """The same package with one figure changed after it was signed."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "data.json":
                data = json.loads(content)
                data["activities_count"] += 0
                data["narrative"]["results"] = "Sửa sau khi ký."
                content = json.dumps(data, ensure_ascii=False).encode()
            target.writestr(info, content)
    return out.getvalue()


@pytest.mark.parametrize(
    ("commune", "tamper", "expected"),
    [
        ("03709", False, "03709 Xã Mường Sại (đến 30/06/2025), which was not merged into 03703"),
        ("03703", False, "this installation's own report as 03703 Xã Mường Giàng"),
        ("03706", True, ""),
    ],
)
def test_a_foreign_own_or_tampered_package_is_refused_and_changes_nothing(
    quynh_nhai: Database,
    chieng_bang: identity.Identity,
    paths: AppPaths,
    tmp_path: Path,
    commune: str,
    tamper: bool,
    expected: str,
) -> None:
    name, blob = make_package(chieng_bang, commune=commune, version=2)
    good = _write(tmp_path / "usb", make_package(chieng_bang, commune="03706", version=2))
    bad = _write(tmp_path / "bad", (name, _tampered(blob) if tamper else blob))
    untouched = snapshot(paths.database)
    with pytest.raises(UserError) as refused:
        merged_history.take(quynh_nhai, [good, bad])  # all or nothing
    assert expected in refused.value.english()
    if tamper:
        assert "signature" in refused.value.english() or "changed" in refused.value.english()
    assert snapshot(paths.database) == untouched
    quynh_nhai.close()


def test_a_commune_not_yet_moved_takes_no_history(
    commune_db: Database, chieng_bang: identity.Identity, paths: AppPaths, tmp_path: Path
) -> None:
    path = _write(tmp_path / "usb", make_package(chieng_bang, commune="03706", version=2))
    untouched = snapshot(paths.database)
    with pytest.raises(UserError) as refused:
        merged_history.take(commune_db, [path])
    assert "only a commune formed by a merger" in refused.value.english()
    assert snapshot(paths.database) == untouched
    commune_db.close()


def test_the_cli_takes_history_and_profile_show_lists_it(
    tmp_path: Path, chieng_bang: identity.Identity, capsys: pytest.CaptureFixture[str]
) -> None:
    from quynhnhai_desktop.cli import main

    data = ["--lang", "en", "--data-dir", str(tmp_path / "data")]
    signer = ["--signer-name", "Lò Văn Thành", "--signer-title", "CHỦ TỊCH"]
    assert main([*data, "init", "--commune", "03703", *signer]) == 0
    assert main([*data, "profile", "move", "--to", "03703", "--on", "01/07/2025", "--yes"]) == 0
    path = _write(tmp_path / "usb", make_package(chieng_bang, commune="03706", version=2))
    foreign = _write(tmp_path / "other", make_package(chieng_bang, commune="03709", version=2))
    capsys.readouterr()
    database = AppPaths(tmp_path / "data").database
    untouched = snapshot(database)
    assert main([*data, "profile", "take-history", str(foreign)]) == 1
    err = capsys.readouterr().err
    assert "Xã Mường Sại" in err and "Xã Quỳnh Nhai" in err and "Traceback" not in err
    assert snapshot(database) == untouched
    assert main([*data, "profile", "take-history", str(path)]) == 0
    assert "Taken in: 03706 Xã Chiềng Bằng (đến 30/06/2025), 09/2021 r1" in capsys.readouterr().out
    assert main([*data, "profile", "show"]) == 0
    out = capsys.readouterr().out
    assert "History taken in: 03706 Xã Chiềng Bằng (đến 30/06/2025), 09/2021 r1" in out


def test_an_exported_package_of_this_commune_is_not_taken_as_history(
    quynh_nhai: Database, paths: AppPaths, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    sent = package_export.export(quynh_nhai, paths, month_period(2025, 10), usb)
    with pytest.raises(UserError) as refused:
        merged_history.take(quynh_nhai, [sent.path])
    assert "own report as 03703 Xã Quỳnh Nhai (từ 01/07/2025)" in refused.value.english()
    quynh_nhai.close()
