"""domain.activity.check: its one-step path for the usual counts and topics says what the
look-ups say."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quynhnhai_desktop.domain.activity import ActivityDraft, check
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.limits import MAX_COUNT

CATALOG = first_campaign()
CODES = [i.code for i in CATALOG.indicators] + ["unknown", "People", "so nguoi"]
TOPICS = [t.code for t in CATALOG.topics] + ["nope", CATALOG.topics[0].vi]
VALUES = st.one_of(st.integers(0, 200), st.sampled_from([-1, MAX_COUNT, MAX_COUNT + 1, -(10**9)]))


def _messages(draft: ActivityDraft) -> list[tuple[str, str]]:
    today = dt.date(2026, 12, 1)
    return [(p.field, str(p.error)) for p in check(draft, CATALOG, today=today)]


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from([f.code for f in CATALOG.forms] + ["no_such_form"]),
    st.lists(st.sampled_from(TOPICS), max_size=4),
    st.dictionaries(st.sampled_from(CODES), VALUES, max_size=8),
)
def test_the_one_step_path_says_what_the_look_ups_say(
    form: str, topics: list[str], values: dict[str, int]
) -> None:
    draft = ActivityDraft(dt.date(2021, 9, 15), 1, form, tuple(topics), values)
    fast = _messages(draft)
    with pytest.MonkeyPatch.context() as patched:  # every code through its look-up
        patched.setattr(Catalog, "plain_codes", lambda *_args: frozenset())
        assert _messages(draft) == fast


def test_a_code_that_is_another_entrys_label_is_looked_up() -> None:
    topic = CATALOG.topics[1]
    assert topic.code in CATALOG.plain_codes("topics")
    data = CATALOG.model_dump()
    data["topics"][0]["en"] = topic.code  # a code that is also another topic's label
    catalog = type(CATALOG).model_validate(data)
    assert topic.code not in catalog.plain_codes("topics")
    assert catalog.find_topic(topic.code) is None  # ambiguous: the look-up decides
    found = check(ActivityDraft(dt.date(2021, 9, 15), 1, "direct", (topic.code,)), catalog)
    assert [p.field for p in found] == ["topics"]
