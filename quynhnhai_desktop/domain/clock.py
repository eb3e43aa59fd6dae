"""The app's one clock: every "today" and "now" the clerk sees comes from here.

Set ``QUYNHNHAI_TODAY`` to pin it, for tests, screenshots and demonstrations:

* ``QUYNHNHAI_TODAY=2021-09-20`` - today is 20/09/2021; ``now()`` is that day at the
  real time of day (so times still advance and stay in order);
* ``QUYNHNHAI_TODAY=2021-09-20T14:30`` - the clock stands still at 14:30 local time.

The variable is read on each call and only when set; unset, the clock is the computer's.
Deliberately not routed through here: file ages (``store.files``, pruning half-written
backups) and row/lock-file timestamps, which must be real - see tests/domain/test_clock.py.
"""

from __future__ import annotations

import datetime as dt
import os

ENV = "QUYNHNHAI_TODAY"


def _pinned() -> dt.datetime | dt.date | None:
    text = os.environ.get(ENV, "").strip()
    if not text:
        return None
    try:
        if "T" in text or " " in text:
            return dt.datetime.fromisoformat(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{ENV}={text!r}: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None


def today() -> dt.date:
    """Today's date, local time (or the pinned day)."""
    pinned = _pinned()
    if pinned is None:
        return dt.date.today()
    return pinned.date() if isinstance(pinned, dt.datetime) else pinned


def now(tz: dt.tzinfo | None = None) -> dt.datetime:
    """The current moment: naive local time, or aware in *tz* when given (like datetime.now)."""
    pinned = _pinned()
    if pinned is None:
        return dt.datetime.now(tz)
    if isinstance(pinned, dt.datetime):
        moment = pinned
    else:
        moment = dt.datetime.combine(pinned, dt.datetime.now().time())
    if tz is None:
        return moment if moment.tzinfo is None else moment.astimezone().replace(tzinfo=None)
    return moment.astimezone(tz)
