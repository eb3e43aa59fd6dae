"""The app's one clock: pinned by QUYNHNHAI_TODAY, and the only reader of today in the code."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from quynhnhai_desktop.domain import clock

PACKAGE = Path(__file__).resolve().parents[2] / "quynhnhai_desktop"
READS_OF_NOW = re.compile(
    r"\bdate\.today\(\)|\bdatetime\.(?:now|today|utcnow)\(|QDate\.currentDate\(|"
    r"QDateTime\.currentDateTime\("
)
# Reads of the real computer clock that must stay real, with the reason.
ALLOWED = {
    "domain/clock.py": "the clock itself",
    "store/models.py": "rows' created/updated stamps: the real moment a row was written",
    "store/migrations/versions/0011_campaigns.py": "a migration is frozen history",
    "services/run_markers.py": "the run marker's start stamp, compared across processes",
    "services/backup.py": "pruning half-written files by their real age (file mtimes)",
}


def test_no_code_reads_today_except_through_the_clock() -> None:
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        hits = [line.strip() for line in path.read_text("utf-8").splitlines()]
        hits = [line for line in hits if READS_OF_NOW.search(line)]
        if hits:
            found[relative] = hits
    strays = {name: lines for name, lines in found.items() if name not in ALLOWED}
    assert strays == {}, "read today/now through quynhnhai_desktop.domain.clock"
    assert found["services/backup.py"] == [
        "day_ago = dt.datetime.now().timestamp() - 86_400"
    ]  # only the file-age cutoff stays real there
    assert set(found) <= set(ALLOWED)


def test_unpinned_the_clock_is_the_computers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(clock.ENV, raising=False)
    before = dt.datetime.now()
    moment = clock.now()
    after = dt.datetime.now()
    assert before <= moment <= after
    assert clock.today() in {before.date(), after.date()}
    assert clock.now(dt.UTC).tzinfo is dt.UTC


def test_a_pinned_day_keeps_the_real_time_of_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.ENV, "2021-09-20")
    assert clock.today() == dt.date(2021, 9, 20)
    first, second = clock.now(), clock.now()
    assert first.date() == dt.date(2021, 9, 20) and first.tzinfo is None
    assert first <= second  # times still run forward within the day
    aware = clock.now(dt.UTC)
    assert aware.tzinfo is dt.UTC
    assert aware.astimezone().replace(tzinfo=None).date() == dt.date(2021, 9, 20)


def test_a_pinned_moment_stands_still(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(clock.ENV, "2021-09-20T14:30")
    assert clock.now() == dt.datetime(2021, 9, 20, 14, 30)
    assert clock.now() == clock.now()
    assert clock.today() == dt.date(2021, 9, 20)
    monkeypatch.setenv(clock.ENV, "2021-09-20T07:30:00+00:00")
    assert clock.now(dt.UTC) == dt.datetime(2021, 9, 20, 7, 30, tzinfo=dt.UTC)


def test_the_pinned_fixture_pins_the_clock(pinned_today: dt.date) -> None:
    assert pinned_today == dt.date(2021, 9, 20) == clock.today() == clock.now().date()


@pytest.mark.parametrize("text", ["20/09/2021", "yesterday", "2021-13-01"])
def test_a_mistyped_pin_says_what_it_wants(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setenv(clock.ENV, text)
    with pytest.raises(ValueError, match=r"QUYNHNHAI_TODAY=.*expected YYYY-MM-DD"):
        clock.today()
