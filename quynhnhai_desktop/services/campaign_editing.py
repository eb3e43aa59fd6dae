"""The upper level writes a campaign on screen: the editor's fields become a campaign file.

The editor hands over plain data (what :meth:`Campaign.model_dump` gives); it is checked by
the same strict model as a campaign file from elsewhere and kept verbatim as its source, so
exporting it later signs exactly these bytes. A version already stored is never changed: a
change is a new version (a report made under the old one can always be made again).
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from quynhnhai_desktop.domain.campaign import Campaign, parse_campaign
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.services import campaign_codes, campaigns
from quynhnhai_desktop.services.campaign_files import CAMPAIGN, MEMBER_CAPS, _first_error
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import CampaignRecord

ID_PATTERN = r"[a-z][a-z0-9_-]{0,63}"  # what a campaign file's manifest accepts


def source_of(data: dict[str, Any]) -> bytes:
    """The campaign file's bytes (UTF-8 JSON, readable in a text editor)."""
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def check(data: dict[str, Any]) -> Campaign:
    """The campaign *data* describes, or the first thing wrong with it (a UserError)."""
    if not re.fullmatch(ID_PATTERN, str(data.get("id", ""))):
        raise UserError(
            "campaigns",
            QT_TRANSLATE_NOOP(
                "campaigns",
                "The campaign's code is written in small Latin letters, digits and “-”, "
                "starting with a letter (e.g. digital-2026).",
            ),
        )
    try:
        return parse_campaign(data)
    except (ValidationError, ValueError) as error:
        raise UserError(
            "campaigns",
            QT_TRANSLATE_NOOP("campaigns", "The campaign is not valid: {detail}"),
            detail=_first_error(error),
        ) from None


def next_version(db: Database, campaign_id: str) -> int:
    """The version a new edit of *campaign_id* gets (1 for a new campaign)."""
    with db.read_session() as session:
        found = [c for c in campaigns.known(session) if c.id == campaign_id]
    return found[0].version + 1 if found else 1


def used_codes(db: Database, campaign_id: str) -> campaign_codes.Codes:
    """The codes of *campaign_id* reports used (the editor fixes them)."""
    with db.read_session() as session:
        return campaign_codes.used_codes(session, campaign_id)


def save(db: Database, data: dict[str, Any]) -> Campaign:
    """Store a campaign made in the editor; an existing version is refused, not changed."""
    campaign = check(data)
    source = source_of(campaign.model_dump(mode="json"))
    if len(source) > MEMBER_CAPS[CAMPAIGN]:
        raise UserError(
            "campaigns", QT_TRANSLATE_NOOP("campaigns", "The campaign is too large to send.")
        )
    with db.session() as session:
        if session.get(CampaignRecord, (campaign.id, campaign.version)) is not None:
            raise UserError(
                "campaigns",
                QT_TRANSLATE_NOOP(
                    "campaigns",
                    "Campaign “{id}” already has version {version}: save the change as "
                    "version {next}.",
                ),
                id=campaign.id,
                version=campaign.version,
                next=next_version(db, campaign.id),
            )
        campaign_codes.check_kept(session, campaign)  # a used code stays
        return campaigns.store(session, source)
