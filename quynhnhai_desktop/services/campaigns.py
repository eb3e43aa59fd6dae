"""Which campaign a screen, a command or an import works in.

Every installation has the 2021 COVID campaign (migration 0011 stores its file). The
lookup is the one place that decides: with one campaign running it is the answer, so a
commune with one campaign never sees a campaign question; with several, the caller names
one (``--campaign ID``, the dialog's choice) or is told which there are.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import lru_cache
from typing import Any

from sqlmodel import Session

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign import Campaign, first_campaign, parse_campaign
from quynhnhai_desktop.domain.campaign_choice import names, pick
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.services import report_read, settings
from quynhnhai_desktop.store import sort_keys
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import CampaignRecord
from quynhnhai_desktop.store.plain import session_connection


@lru_cache(maxsize=64)
def _parsed(sha256: str, source: bytes) -> Campaign:
    return parse_campaign(json.loads(source.decode("utf-8")))


def _campaign(row: CampaignRecord) -> Campaign:
    return _parsed(row.source_sha256, row.source)


def stored(found: report_read.StoredCampaign) -> Campaign:
    """A stored campaign file, validated (once per file: the parse is cached)."""
    return _parsed(found.sha256, found.source)


def known(session: Session) -> list[Campaign]:
    """The newest version of every campaign this installation has, oldest first."""
    return [stored(s) for s in report_read.stored_campaigns(session_connection(session))]


def installed(db: Database) -> list[Campaign]:
    """:func:`known` in its own read transaction (a screen's or a command's campaign list)."""
    with db.read_session() as session:
        return known(session)


def running(session: Session, on: dt.date | None = None) -> list[Campaign]:
    """The campaigns running on *on* (today)."""
    day = on or clock.today()
    return [c for c in known(session) if c.runs_on(day)]


def running_on(db: Database, day: dt.date) -> list[Campaign]:
    """:func:`running` in its own read transaction (the entry dialog's campaign question)."""
    with db.read_session() as session:
        return running(session, day)


def version(session: Session, campaign_id: str, number: int) -> Campaign | None:
    """A campaign as it was at *number* (what its older activities were recorded under)."""
    row = session.get(CampaignRecord, (campaign_id, number))
    return _campaign(row) if row is not None else None


def scope(session: Session, campaign: Campaign) -> str | None:
    """The campaign id to filter activities by, or None when the installation has only
    this campaign (every activity is in it: the queries stay as fast as before)."""
    return report_read.scope(session_connection(session), campaign.id)


def scope_for(db: Database, campaign: Campaign) -> str | None:
    """:func:`scope` in its own read transaction."""
    with db.read_session() as session:
        return scope(session, campaign)


def choose(session: Session, campaign_id: str | None = None, on: dt.date | None = None) -> Campaign:
    """The campaign *campaign_id* (newest version), or the only one running on *on*
    (:func:`campaign_choice.pick`, the rule a command's report reads by too)."""
    return pick(known(session), campaign_id, on or clock.today(), first_campaign)


def campaign_for(
    db: Database | None = None, campaign_id: str | None = None, on: dt.date | None = None
) -> Campaign:
    """:func:`choose` in its own read transaction (the 2021 campaign without a database)."""
    if db is None:
        if campaign_id and campaign_id != first_campaign().id:
            raise UserError(
                "campaigns",
                QT_TRANSLATE_NOOP(
                    "campaigns", "There is no campaign “{id}”. Known campaigns: {known}."
                ),
                id=campaign_id,
                known=names([first_campaign()]),
            )
        return first_campaign()
    with db.read_session() as session:
        return choose(session, campaign_id, on)


LAST_USED = "last_campaign"


def preferred(db: Database, on: dt.date | None = None) -> Campaign:
    """The campaign a screen opens in, never a question: the last used if it still runs,
    else the first running (the 2021 campaign for a commune that has only it)."""
    with db.read_session() as session:
        last = settings.get(session, LAST_USED, "")
        now = running(session, on) or known(session)
    for campaign in now:
        if campaign.id == last:
            return campaign
    return now[0] if now else first_campaign()


def remember(db: Database, campaign_id: str) -> None:
    """The campaign the clerk chose last (the next dialog's default)."""
    with db.session() as session:
        settings.put(session, LAST_USED, campaign_id)


def store(session: Session, source: bytes, *, signed_by: str = "") -> Campaign:
    """Keep a campaign file verbatim (validated first); a known version is left as it is."""
    campaign = parse_campaign(json.loads(source.decode("utf-8")))
    if session.get(CampaignRecord, (campaign.id, campaign.version)) is None:
        session.add(
            CampaignRecord(
                campaign_id=campaign.id,
                version=campaign.version,
                title_vi=campaign.title["vi"],
                runs_from=campaign.runs_from,
                runs_to=campaign.runs_to,
                source=source,
                source_sha256=hashlib.sha256(source).hexdigest(),
                signed_by=signed_by,
            )
        )
        session.flush()
        # the list's count columns sort by keys the triggers keep (store/sort_keys.py)
        sort_keys.sync_columns(session.connection())
    return campaign


def of_activity(db: Database, activity_id: int) -> Campaign:
    """The campaign (at its version) an activity was recorded under (what its edit asks)."""
    from quynhnhai_desktop.store.models import Activity

    with db.read_session() as session:
        activity = session.get(Activity, activity_id)
        if activity is None:
            return first_campaign()
        found = version(session, activity.campaign_id, activity.campaign_version)
        if found is None:
            found = next((c for c in known(session) if c.id == activity.campaign_id), None)
        return found or first_campaign()


ALL_CAMPAIGNS = "*"


def combined(campaigns: list[Campaign]) -> Campaign:
    """Every campaign at once (the list's "all campaigns"): their forms, topics and
    indicators (a code two campaigns share reads as the first's), none of the columns that
    belong to one campaign, and each campaign's people reached on the totals line."""

    def union(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        seen: dict[object, dict[str, Any]] = {}
        for item in items:
            seen.setdefault(item["code"], item)
        return list(seen.values())

    if not campaigns:
        campaigns = [first_campaign()]
    dumped = [c.model_dump(mode="json") for c in campaigns]
    indicators = union([i for d in dumped for i in d["indicators"]])
    codes = {i["code"] for i in indicators}
    forms = []
    for form in union([f for d in dumped for f in d["forms"]]):
        forms.append(form | {"indicators": [c for c in form["indicators"] if c in codes]})
    reach = [c.overview.reach or c.totals_indicators()[0] for c in campaigns]
    first = dumped[0]
    return parse_campaign(
        {
            "id": ALL_CAMPAIGNS,
            "version": 1,
            "title": {"vi": "Tất cả các đợt tuyên truyền", "en": "All campaigns"},
            "source": first["source"],
            "directive": first["directive"],
            "runs_from": min(c.runs_from for c in campaigns).isoformat(),
            "indicators": indicators,
            "forms": forms,
            "topics": union([t for d in dumped for t in d["topics"]]),
            "totals": list(dict.fromkeys(reach)),
        }
    )
