"""Shared fixtures: offscreen Qt, a temporary data folder per test, modal dialogs stubbed."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from quynhnhai_desktop import i18n
from quynhnhai_desktop.config import DATA_DIR_ENV, AppPaths
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.store import database as store_database
from quynhnhai_desktop.store import migrate
from quynhnhai_desktop.store.database import Database, open_database
from tests.support.frozen import Bundle, build_bundle, existing_bundle

MUONG_GIANG = profile_service.SetupRequest(
    mode="commune",
    unit_code="03703",
    signer_name="Lò Văn Thành",
    signer_title="KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--run-slow",
        action="store_true",
        help="also run the tests marked slow (they build and run the frozen bundle)",
    )


SLOW_TIMEOUT = 1800  # seconds: a slow test builds the frozen bundle (minutes on a busy machine)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        for item in items:
            if "slow" in item.keywords and item.get_closest_marker("timeout") is None:
                item.add_marker(pytest.mark.timeout(SLOW_TIMEOUT))
        return
    skip = pytest.mark.skip(reason="builds the frozen bundle: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def frozen_bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    """The PyInstaller bundle, built once per session (or $QUYNHNHAI_FROZEN_BUNDLE)."""
    return existing_bundle() or build_bundle(tmp_path_factory.mktemp("frozen"))


PINNED_TODAY = dt.date(2021, 9, 20)  # a Monday in the demo data's last month


@pytest.fixture
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> dt.date:
    """The app's clock stands on PINNED_TODAY (time of day real): expectations are fixed days.

    Ask for it before the widgets/state fixtures, so they are built under the pinned clock.
    """
    monkeypatch.setenv(clock.ENV, PINNED_TODAY.isoformat())
    return PINNED_TODAY


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test ever touches the real app-data folder."""
    data_dir = tmp_path / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(data_dir))
    return data_dir


@pytest.fixture(scope="session")
def _new_database_image(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new database as the app makes it (every migration), once a test process."""
    image = tmp_path_factory.mktemp("new-database") / "quynhnhai.sqlite3"
    store_database.build_schema(image)
    return image


@pytest.fixture(autouse=True)
def _new_databases_copied(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A new database is a copy of that image: alembic's ~0.6 s a database was about a
    quarter of the tests' CPU (22.4 -> 16.2 min). A test that changes the migrations (their
    folder, the head, the upgrade itself) gets them run as the app runs them."""
    image: Path = request.getfixturevalue("_new_database_image")
    build_schema, upgrade = store_database.build_schema, migrate.upgrade
    folder, head = migrate.MIGRATIONS_DIR, migrate.HEAD

    def copied(new_file: Path) -> None:
        if (migrate.upgrade, migrate.MIGRATIONS_DIR, migrate.HEAD) != (upgrade, folder, head):
            build_schema(new_file)
        else:
            shutil.copyfile(image, new_file)

    monkeypatch.setattr(store_database, "build_schema", copied)


@pytest.fixture(autouse=True)
def _list_answers_in_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The activity list waits a minute for its first chunk: on a busy CI machine
    a test's small query may take longer than the window's wait, and a test that types then
    reads the list on the next line would see it still reading. The tests of the late answer
    set the wait to nothing (tests/gui/test_activities_gui.py, HeldList)."""
    from quynhnhai_desktop.gui.activities import model

    monkeypatch.setattr(model, "ANSWER_WAIT_S", 60.0)


@pytest.fixture(autouse=True)
def _vietnamese() -> Iterator[None]:
    """Every test starts in the default language, whatever the previous one switched to.

    Background work of a finished test may still translate a message: let it end before the
    translators are swapped (swapping under a translating thread crashed Qt once).
    """
    from PySide6.QtCore import QThreadPool

    from quynhnhai_desktop.gui import ops

    QThreadPool.globalInstance().waitForDone()
    i18n.install("vi")
    yield
    QThreadPool.globalInstance().waitForDone()
    finished = ops.install(None)  # each test starts with fresh lanes and no listeners
    if finished is not None:
        finished.wait()
    i18n.install("vi")


@pytest.fixture
def sync_writes() -> Iterator[None]:
    """Writes land at once, on the calling thread (Picard's FakeThreadPool as the writer
    lane): a page's unit test clicks Save and looks at the result on the next line; the
    queries keep the real pool. The end-to-end tests of the lanes leave this out."""
    from quynhnhai_desktop.gui import ops
    from quynhnhai_desktop.gui.ops import FakeThreadPool, Ops

    previous = ops.install(Ops(writer=FakeThreadPool()))
    yield
    replaced = ops.install(previous)
    if replaced is not None:
        replaced.wait()


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.resolve(tmp_path / "data").ensure()


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    """A new, migrated, empty database."""
    database = open_database(paths.database_url)
    yield database
    database.close()


@pytest.fixture
def commune_db(db: Database) -> Database:
    """A database set up as Xã Mường Giàng (03703), no activities yet."""
    profile_service.set_up(db, MUONG_GIANG)
    return db


@pytest.fixture
def filled_db(commune_db: Database) -> Database:
    """Xã Mường Giàng with three months of demo data (Sep–Nov 2021: fixed, repeatable)."""
    import datetime as dt

    from quynhnhai_desktop.services import demo

    demo.fill(commune_db, months=3, until=dt.date(2021, 11, 30))
    return commune_db
