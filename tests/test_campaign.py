"""The campaign as data: the 2021 campaign's file, its checks, and no indicator code in code."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from quynhnhai_desktop.domain.campaign import first_campaign, parse_campaign, shipped_path

PACKAGE = Path(__file__).resolve().parent.parent / "quynhnhai_desktop"
CAMPAIGN_CODE = {"domain/campaign.py", "domain/catalog.py"}


def test_the_first_campaign_is_the_2021_letter() -> None:
    campaign = first_campaign()
    assert campaign.id == "covid-2021"
    assert campaign.directive.sentence() == campaign.source
    assert campaign.directive.date == dt.date(2021, 8, 31)
    assert campaign.runs_to is None and campaign.runs_on(dt.date(2030, 1, 1))
    assert not campaign.runs_on(dt.date(2021, 8, 30))
    assert [c.code for c in campaign.list_columns][:2] == ["sessions", "people"]
    assert len(campaign.indicators) == 12 and len(campaign.forms) == 9


def test_no_module_names_an_indicator_code() -> None:
    codes = first_campaign().indicator_codes()
    found = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative in CAMPAIGN_CODE or relative.startswith("gui/forms/"):
            continue
        text = path.read_text(encoding="utf-8")
        for code in codes:
            if re.search(rf"[\"']{code}[\"']", text):
                found.append(f"{relative}: {code}")
    # "posters" is also the translation context of the poster screens.
    assert [f for f in found if not f.endswith(": posters")] == []


def _data() -> dict[str, object]:
    data: dict[str, object] = json.loads(shipped_path("covid-2021").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "change",
    [
        {"overview": {"cards": ["nonexistent"]}},
        {"plausibility": {"maximum": {"nonexistent": 3}}},
        {"runs_to": "2020-01-01"},
        {"directive": {"kind": "thu", "number": "1", "symbol": "X", "date": "2021-01-01",
                       "issuer": "UBND"}},
        {"surprise": 1},
    ],
)  # fmt: skip
def test_a_campaign_that_does_not_hold_together_is_refused(change: dict[str, object]) -> None:
    data = _data() | change
    with pytest.raises(ValidationError):
        parse_campaign(data)
