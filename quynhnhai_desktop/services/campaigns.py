"""Which campaign a screen, a command or an import works in.

Every installation has the 2021 COVID campaign (shipped with the app). The lookup is the
one place that decides: with one campaign running it is the answer, and a commune never
sees a campaign question.
"""

from __future__ import annotations

from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN, Campaign, shipped_campaign
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.store.database import Database


def campaign_for(db: Database | None = None, campaign_id: str | None = None) -> Campaign:
    """The campaign *campaign_id*, or the installation's only one."""
    wanted = campaign_id or FIRST_CAMPAIGN
    try:
        return shipped_campaign(wanted)
    except KeyError:
        raise UserError(
            "campaigns",
            QT_TRANSLATE_NOOP("campaigns", "There is no campaign “{id}”. Known: {known}."),
            id=wanted,
            known=FIRST_CAMPAIGN,
        ) from None
