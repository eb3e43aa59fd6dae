"""Vietnamese text rules on real names."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quynhnhai_desktop.domain.activity import ActivityDraft, SearchTexts, search_text
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.catalog import Form, Topic
from quynhnhai_desktop.domain.text import clean, fold, nfc, sort_key, sorted_vi


def test_dao_sorts_after_dung_because_d_stroke_is_its_own_letter() -> None:
    assert sorted_vi(["Đào", "Dũng", "Bình", "Ánh"]) == ["Ánh", "Bình", "Dũng", "Đào"]


def test_letters_with_marks_follow_their_base_letter() -> None:
    names = ["Ơn", "Ông", "Oanh", "Ưng", "Uyên", "Ân", "Ăn", "An"]
    assert sorted_vi(names) == ["An", "Ăn", "Ân", "Oanh", "Ông", "Ơn", "Uyên", "Ưng"]


def test_tones_sort_after_letters_in_dictionary_order() -> None:
    # ngang, huyền, hỏi, ngã, sắc, nặng
    assert sorted_vi(["bạ", "bá", "bã", "bả", "bà", "ba"]) == ["ba", "bà", "bả", "bã", "bá", "bạ"]
    # letters decide before tones: "bàn" (b-a-n) after "bác" (b-a-c)
    assert sorted_vi(["bàn", "bác"]) == ["bác", "bàn"]


def test_shorter_name_first_and_spaces_before_letters() -> None:
    assert sorted_vi(["Bản Nàng", "Bản Nà", "Bản"]) == ["Bản", "Bản Nà", "Bản Nàng"]


def test_sort_key_of_nfd_equals_sort_key_of_nfc() -> None:
    name = "Mường Giàng"
    assert sort_key(unicodedata.normalize("NFD", name)) == sort_key(name)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("muong giang", "Mường Giàng"),
        ("MUONG GIANG", "Mường Giàng"),
        ("dinh", "Đình"),
        ("ban na", "Bản Nà"),
        ("chieng on", "Chiềng Ơn"),
        ("nam et", "Nậm Ét"),
    ],
)
def test_fold_matches_without_accents_or_case(typed: str, stored: str) -> None:
    assert fold(typed) == fold(stored)
    assert fold(typed) in fold(f"UBND xã {stored}, huyện Quỳnh Nhai")


def test_an_nfd_typed_name_equals_its_nfc_form() -> None:
    nfd = unicodedata.normalize("NFD", "Quàng Thị Hoa")
    assert nfd != "Quàng Thị Hoa"
    assert nfc(nfd) == "Quàng Thị Hoa"
    assert clean(f"  {nfd}   \t") == "Quàng Thị Hoa"


def test_clean_collapses_inner_blanks_and_handles_none() -> None:
    assert clean("Bản   Nà") == "Bản Nà"
    assert clean(None) == ""


CATALOG = first_campaign()
SHARED = SearchTexts(CATALOG)  # one for every example, as an import uses it


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=12),
    st.text(max_size=12),
    st.one_of(st.just(""), st.text(max_size=20)),
    st.sampled_from(CATALOG.forms),
    st.lists(st.sampled_from(CATALOG.topics), min_size=1, max_size=3, unique=True),
)
def test_a_search_text_folded_a_part_at_a_time_is_the_whole_text_folded(
    village: str, team: str, note: str, form: Form, topics: list[Topic]
) -> None:
    """search_text folds each part (the labels once per import) and joins them: the same
    text as folding the joined parts, whatever the names and the note hold (a combining
    mark first, blanks only, letters whose case folding grows)."""
    draft = ActivityDraft(dt.date(2021, 9, 1), 1, form.code, tuple(t.code for t in topics))
    for text, name in ((note, village), (f"{note} \u0301x ΣΑΣ Đình ß İ", " \u0301 ")):
        draft = replace(draft, note=text)  # " \u0301 ": a name that folds to nothing
        parts = [name, team, form.vi, form.en, clean(draft.note)]
        parts += [label for t in topics for label in (t.vi, t.en)]
        expected = fold(" | ".join(part for part in parts if part))
        assert search_text(draft, CATALOG, name, team) == expected
        assert SHARED(draft, name, team) == expected
