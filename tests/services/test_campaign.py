"""The campaign as data: the 2021 campaign's file, its checks, and no indicator code in code."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlmodel import select

from quynhnhai_desktop.domain.activity import ActivityDraft
from quynhnhai_desktop.domain.campaign import first_campaign, parse_campaign, shipped_path
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.services import activities, campaigns
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Activity, CampaignRecord, Team

PACKAGE = Path(__file__).resolve().parents[2] / "quynhnhai_desktop"
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


DIGITAL = Path(__file__).resolve().parents[1] / "data" / "digital-2026.json"


def test_activities_carry_their_campaign_and_the_file_is_kept_verbatim(
    commune_db: Database,
) -> None:
    source = DIGITAL.read_bytes()
    with commune_db.session() as session:
        digital = campaigns.store(session, source)
        team = session.exec(select(Team)).first()
        assert team is not None and team.id is not None
        draft = ActivityDraft(
            date=dt.date(2026, 2, 3),
            team_id=team.id,
            form_code="class",
            topics=("vneid",),
            values={"classes": 1, "learners": 25},
        )
        activities.record(session, "03703", draft, digital, today=dt.date(2026, 2, 3))
    with commune_db.read_session() as session:
        row = session.exec(select(Activity)).one()
        assert (row.campaign_id, row.campaign_version) == ("digital-2026", 1)
        record = session.get(CampaignRecord, ("digital-2026", 1))
        assert record is not None and record.source == source
        assert [c.id for c in campaigns.known(session)] == ["covid-2021", "digital-2026"]
        assert [c.id for c in campaigns.running(session, dt.date(2025, 1, 1))] == ["covid-2021"]
    with pytest.raises(UserError, match="digital-2026") as refused:
        campaigns.campaign_for(commune_db, on=dt.date(2026, 3, 1))
    assert "--campaign" in str(refused.value)
    assert campaigns.campaign_for(commune_db, on=dt.date(2025, 3, 1)).id == "covid-2021"
    assert campaigns.campaign_for(commune_db, "digital-2026").title["vi"].startswith("Tuyên")
