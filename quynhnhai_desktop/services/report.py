"""The monthly report, as the GUI and the CLI use it: figures, texts, PDF and Excel files.

:func:`prepare` reads everything a report needs in one session and returns plain data; the
renderers (output/) turn that into files without touching the database, so building a PDF
can run on a worker thread while the clerk keeps typing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from dataclasses import dataclass, field

from sqlmodel import Session, col, select

from quynhnhai_desktop.domain import limits
from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN, Campaign, first_campaign
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.periods import Period
from quynhnhai_desktop.domain.report import Issuer, Narrative, ReportData
from quynhnhai_desktop.domain.text import nfc
from quynhnhai_desktop.services import campaigns
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.services.report_read import (  # noqa: F401 (named here by callers)
    REPORT_DATE_GRACE_DAYS,
    default_report_date,
    issuer_from_profile,
    pdf_bytes,
    read_report,
    require_commune,
    write_pdf,
    write_xlsx,
    xlsx_bytes,
)
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import ReportSubmission, ReportText, utcnow
from quynhnhai_desktop.store.plain import session_connection

log = logging.getLogger(__name__)

MAX_TEXT = 20000


@dataclass(frozen=True)
class ReportBundle:
    """Everything one report prints: figures, texts, issuer; and what the clerk should know."""

    data: ReportData
    narrative: Narrative
    issuer: Issuer
    results_drafted: bool  # the results text is the draft from the numbers, not yet edited
    exported_revision: int | None  # the latest report package exported for this period
    campaign: Campaign = field(default_factory=first_campaign)  # what the report is for


def _find_text(
    session: Session, commune_code: str, period: Period, campaign_id: str = FIRST_CAMPAIGN
) -> ReportText | None:
    return session.exec(
        select(ReportText).where(
            ReportText.commune_code == commune_code,
            ReportText.campaign_id == campaign_id,
            ReportText.period_start == period.start,
            ReportText.period_end == period.end,
            ReportText.period_rule == period.rule,
        )
    ).first()


def latest_submission(
    session: Session, commune_code: str, period: Period, campaign_id: str = FIRST_CAMPAIGN
) -> ReportSubmission | None:
    """The newest report package of *campaign_id* exported for *period* (its revision,
    when, its hash): each campaign's report is numbered and revised on its own."""
    return session.exec(
        select(ReportSubmission)
        .where(
            ReportSubmission.commune_code == commune_code,
            ReportSubmission.campaign_id == campaign_id,
            ReportSubmission.period_start == period.start,
            ReportSubmission.period_end == period.end,
        )
        .order_by(col(ReportSubmission.revision).desc())
    ).first()


def prepare(
    db: Database,
    period: Period,
    *,
    today: dt.date | None = None,
    fingerprint: str = "",
    campaign_id: str | None = None,
) -> ReportBundle:
    """The figures and the saved (or drafted) texts of *period*, read in one session, for
    the campaign *campaign_id* (default: the only one running at the period's end).

    *fingerprint* (of the signing key, :mod:`services.identity`) is printed on page 1.
    The reading is :func:`report_read.read_report`, the one ``report monthly`` runs."""
    with db.read_session() as session:  # a read: never waits for another program's write
        parts = read_report(
            session_connection(session),
            period,
            campaign_of=campaigns.stored,
            first=first_campaign,
            today=today,
            fingerprint=fingerprint,
            campaign_id=campaign_id,
        )
    return ReportBundle(
        parts.data,
        parts.narrative,
        parts.issuer,
        parts.results_drafted,
        parts.exported_revision,
        parts.campaign,
    )


def _clean_block(text: str) -> str:
    """NFC, trailing blanks removed per line, no blank lines at either end."""
    lines = [line.rstrip() for line in nfc(text).replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _checked_number(number: str) -> str:
    cleaned = " ".join(nfc(number).split())
    if len(cleaned) > 16 or "/" in cleaned:
        raise UserError(
            "report",
            QT_TRANSLATE_NOOP(
                "report", "The report number is the part before the slash, e.g. 05 (got “{text}”)."
            ),
            text=number,
        )
    return cleaned


def save_texts(
    db: Database,
    period: Period,
    *,
    number: str,
    report_date: dt.date,
    results: str | None,
    difficulties: str,
    proposals: str,
    campaign_id: str | None = None,
) -> Narrative:
    """Keep the texts of *period*'s report for the campaign *campaign_id* (default: the only
    one running at the period's end), in one transaction. ``results=None`` keeps the draft
    live."""
    cleaned = {
        "results": None if results is None else _clean_block(results),
        "difficulties": _clean_block(difficulties),
        "proposals": _clean_block(proposals),
    }
    for label, text in (
        ("Kết quả", cleaned["results"]),
        ("Khó khăn, vướng mắc", cleaned["difficulties"]),
        ("Đề xuất, kiến nghị", cleaned["proposals"]),
    ):
        control = limits.first_control(text or "")
        if control is not None:
            raise limits.control_error(label, control)
        if text is not None and len(text) > MAX_TEXT:
            raise UserError(
                "report",
                QT_TRANSLATE_NOOP("report", "A text of the report is longer than {max} letters."),
                max=MAX_TEXT,
            )
    number = _checked_number(number)
    with db.session() as session:
        profile = require_profile(session)
        campaign = campaigns.choose(session, campaign_id, period.end)
        row = _find_text(session, profile.unit_code, period, campaign.id)
        if row is None:
            row = ReportText(
                commune_code=profile.unit_code,
                campaign_id=campaign.id,
                period_start=period.start,
                period_end=period.end,
                period_rule=period.rule,
                report_date=report_date,
            )
        row.number = number
        row.report_date = report_date
        row.results = cleaned["results"]
        row.difficulties = cleaned["difficulties"] or ""
        row.proposals = cleaned["proposals"] or ""
        row.updated_at = utcnow()
        session.add(row)
        log.info("report texts saved for %s %s", profile.unit_code, period.key())
    return Narrative(
        number=number,
        report_date=report_date,
        results=cleaned["results"] or "",
        difficulties=row.difficulties,
        proposals=row.proposals,
    )


def with_narrative(bundle: ReportBundle, narrative: Narrative) -> ReportBundle:
    return dataclasses.replace(bundle, narrative=narrative)


def file_stem(bundle: ReportBundle) -> str:
    """A default file name: 'BC-2021-09-03703' (statistical 'BC-2021-09s-…', ranges by day;
    a campaign other than the 2021 one after the commune: 'BC-2026-03-03703-kns-2026')."""
    key = bundle.data.period.key().replace("..", "_")
    campaign = "" if bundle.campaign.id == FIRST_CAMPAIGN else f"-{bundle.campaign.id}"
    return f"BC-{key}-{bundle.data.commune_code}{campaign}"
