"""What a commune will see of a campaign, before the upper level sends it (issue 17).

The editor previews the entry dialog (the GUI builds it from the campaign) and a blank
monthly report: the commune report of the campaign for the current month with nothing
recorded yet, as the first commune under this office would print it — its title, opening
sentence ("Thực hiện Kế hoạch số …") and tables come from the campaign. Nothing is stored.
"""

from __future__ import annotations

import datetime as dt

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign import Campaign
from quynhnhai_desktop.domain.periods import month_period
from quynhnhai_desktop.domain.report import Narrative
from quynhnhai_desktop.domain.report_text import draft_results
from quynhnhai_desktop.domain.units import default_units
from quynhnhai_desktop.output.report_pdf import build_report_pdf
from quynhnhai_desktop.services import district
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.services.report import issuer_from_profile
from quynhnhai_desktop.services.report_data import aggregate
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Profile

SIGNER_BLANK = "……………………"  # the commune's chairperson signs; not known here


def _sample_commune(db: Database, on: dt.date, since: dt.date | None = None) -> Profile:
    """A commune profile (never stored) for the first commune under this office on *on*
    (or on *since*, when the office's communes were merged away by then)."""
    with db.read_session() as session:
        office = require_profile(session)
    units = default_units()
    communes = district.expected_communes(units, office.unit_code, on)
    if not communes and since is not None:
        communes = district.expected_communes(units, office.unit_code, since)
    first = communes[0] if communes else None
    return Profile(
        mode="commune",
        unit_code=first.code if first else office.unit_code,
        unit_kind=first.kind if first else "Xã",
        unit_name=first.name if first else "……………",
        district_code=office.unit_code,
        district_name=office.unit_name,
        province_code=office.province_code,
        province_name=office.province_name,
        recipient=f"UBND {office.unit_kind.lower()} {office.unit_name}",
        signer_name=SIGNER_BLANK,
        signer_title="CHỦ TỊCH",
    )


def sample_unit_code(db: Database, campaign: Campaign) -> str:
    """The code of the commune the preview's entry dialog is of (its villages and teams)."""
    return _sample_commune(db, clock.today(), campaign.runs_from).unit_code


def blank_report_pdf(db: Database, campaign: Campaign, today: dt.date | None = None) -> bytes:
    """The commune's monthly report of *campaign* with no activity recorded (PDF bytes)."""
    day = max(today or clock.today(), campaign.runs_from)
    period = month_period(day.year, day.month, campaign.reporting.rule)
    commune = _sample_commune(db, day, campaign.runs_from)
    with db.read_session() as session:
        data = aggregate(session, commune, period, catalog=campaign)
    narrative = Narrative("", period.end, draft_results(data), "", "")
    return build_report_pdf(data, narrative, issuer_from_profile(commune))
