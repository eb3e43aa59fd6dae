"""domain.activity.content_key: its remembered parts (days, topic sets, counts) make the key
the plain formula makes: SHA-256 of date, village, team, form, topics as a set, the non-zero
counts and the note."""

from __future__ import annotations

import datetime as dt
import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from quynhnhai_desktop.domain.activity import ActivityDraft, content_key
from quynhnhai_desktop.domain.text import clean

CODES = ["people", "sessions", "households", "a=b", ""]


def _plain(draft: ActivityDraft) -> str:
    parts = [
        draft.date.isoformat(),
        str(draft.village_id or ""),
        str(draft.team_id),
        draft.form_code,
        ",".join(sorted(set(draft.topics))),
        ",".join(f"{code}={value}" for code, value in sorted(draft.values.items()) if value),
        clean(draft.note),
    ]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@settings(max_examples=300, deadline=None)
@given(
    st.dates(dt.date(2019, 1, 1), dt.date(2027, 1, 1)),
    st.one_of(st.none(), st.integers(0, 40)),
    st.integers(0, 40),
    st.lists(st.sampled_from(["covid", "vaccine", "qr", "x,y"]), max_size=4),
    st.dictionaries(st.sampled_from(CODES), st.integers(-3, 200), max_size=5),
    st.sampled_from(["", " Buổi  tối ", "Họp bản"]),
)
def test_the_key_is_the_plain_formula(
    day: dt.date,
    village_id: int | None,
    team_id: int,
    topics: list[str],
    values: dict[str, int],
    note: str,
) -> None:
    draft = ActivityDraft(day, team_id, "direct", tuple(topics), values, village_id, note)
    assert content_key(draft) == _plain(draft)


def test_a_datetime_or_a_flag_is_keyed_as_itself() -> None:
    """The remembered parts tell a day from a datetime of that day and True from 1."""
    day = dt.date(2024, 5, 6)
    moment = dt.datetime(2024, 5, 6)
    for draft in (
        ActivityDraft(day, 1, "direct", ("covid",), {"people": 1}),
        ActivityDraft(moment, 1, "direct", ("covid",), {"people": True}),
        ActivityDraft(day, 1, "direct", ("covid",), {"people": True}),
    ):
        assert content_key(draft) == _plain(draft)
