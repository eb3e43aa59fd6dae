"""The overview's figures: where the commune (or the district) stands this period.

Every number comes from the report's own services: the report's :func:`aggregate` for the
period's figures (so the overview and the monthly report can never disagree), the report's
period totals for the 12-month trend, and the district's completeness grid and latest
imported reports in district mode. Nothing here aggregates on its own. The figures and the
trend are read separately: the numbers are the first screen's data, the trend only feeds a
chart that is drawn after them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass

from quynhnhai_desktop.domain.campaign import Campaign
from quynhnhai_desktop.domain.periods import Period, month_period
from quynhnhai_desktop.domain.report import ReportData
from quynhnhai_desktop.services import campaigns, report
from quynhnhai_desktop.services.campaigns import campaign_for
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.services.report_data import aggregate, period_totals
from quynhnhai_desktop.store.database import Database

log = logging.getLogger(__name__)

TREND_MONTHS = 12


@dataclass(frozen=True)
class TrendPoint:
    year: int
    month: int
    people: int
    installs: int


@dataclass(frozen=True)
class ReportStatus:
    revision: int | None  # None: not exported yet (a draft)
    exported_on: dt.date | None


@dataclass(frozen=True)
class CommuneOverview:
    data: ReportData  # the report's own figures for the period and the previous one
    status: ReportStatus


@dataclass(frozen=True)
class DistrictOverview:
    period: Period
    expected: int  # communes that should report
    received: Counter[str]  # district.Status value -> communes
    activities: int  # the district totals, from each commune's latest revision
    values: dict[str, int]


def trend(
    db: Database, period: Period, months: int = TREND_MONTHS, campaign: Campaign | None = None
) -> tuple[TrendPoint, ...]:
    """People reached and installs per calendar month, *months* months up to *period* (the
    campaign's ``overview.reach`` and ``overview.installs``)."""
    chosen = campaign or campaign_for(db)
    shown = chosen.overview
    year = period.year or period.end.year
    month = period.month or period.end.month
    points = []
    with db.read_session() as session:  # never waits for a writer
        code = require_profile(session).unit_code
        for back in range(months - 1, -1, -1):
            index = year * 12 + (month - 1) - back
            one = month_period(
                index // 12, index % 12 + 1, period.rule if period.is_monthly else "calendar"
            )
            _count, sums = period_totals(session, code, one, campaigns.scope(session, chosen))
            installs = sum(sums.get(c, 0) for c in shown.installs)
            reach = sums.get(shown.reach, 0) if shown.reach else 0
            points.append(TrendPoint(index // 12, index % 12 + 1, reach, installs))
    return tuple(points)


def commune(db: Database, period: Period, campaign_id: str | None = None) -> CommuneOverview:
    """The period's figures as the monthly report sums them, and whether it was exported
    (the latest report package for the period, or a draft), for the campaign named."""
    with db.read_session() as session:  # never waits for a writer
        profile = require_profile(session)
        report.require_commune(profile)
        chosen = campaigns.choose(session, campaign_id, period.end)
        data = aggregate(session, profile, period, catalog=chosen)
        row = report.latest_submission(session, profile.unit_code, period, chosen.id)
    if row is None:
        return CommuneOverview(data, ReportStatus(None, None))
    return CommuneOverview(data, ReportStatus(row.revision, row.exported_at.date()))


def district_overview(
    db: Database, period: Period, campaign_id: str | None = None
) -> DistrictOverview:
    """The completeness of the period's month and the district totals reported so far, of
    the campaign *campaign_id* (default: the one the screens open in)."""
    from quynhnhai_desktop.services import district  # package schemas: district mode only

    campaign_id = campaign_id or campaigns.preferred(db, period.end).id
    grid = district.completeness(db, [district.month_of(period.end)], campaign_id=campaign_id)
    received = Counter(  # a withdrawn report counts as not received
        line[0].status.value if line[0].status in district.COUNTED else "missing" for line in grid
    )
    totals: Counter[str] = Counter()
    activities = 0
    for data in district.latest_data(db, period.start, period.end, campaign_id).values():
        activities += data.activities_count
        totals.update(data.totals)
    return DistrictOverview(period, len(grid), received, activities, dict(totals))
