"""The figures of a commune's report for a period, for the services that hold a session.

The SQL is :mod:`services.report_read` (the one ``report monthly`` runs without the ORM);
these run it on the connection under *session*, in its transaction.
"""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session

from quynhnhai_desktop.domain.campaign import Campaign
from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.periods import Period
from quynhnhai_desktop.domain.profile import ProfileFields
from quynhnhai_desktop.domain.report import ReportData
from quynhnhai_desktop.services import campaigns, report_read
from quynhnhai_desktop.store.plain import session_connection

Counts = dict[str, int]


def period_totals(
    session: Session, commune_code: str, period: Period, campaign_id: str | None = None
) -> tuple[int, Counts]:
    """The activity count and indicator sums of one period (the report's "previous" line),
    of one campaign's activities when *campaign_id* is given."""
    return report_read.period_totals(session_connection(session), commune_code, period, campaign_id)


def aggregate(
    session: Session,
    profile: ProfileFields,
    period: Period,
    *,
    catalog: Catalog | None = None,
    made_at: dt.datetime | None = None,
) -> ReportData:
    """Every figure of *profile*'s commune for *period*, with the previous period's totals."""
    catalog = catalog or campaigns.choose(session)
    campaign_id = campaigns.scope(session, catalog) if isinstance(catalog, Campaign) else None
    conn = session_connection(session)
    return report_read.figures(conn, profile, period, catalog, campaign_id, made_at)
