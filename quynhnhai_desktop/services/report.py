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
from pathlib import Path

from sqlmodel import Session, col, select

from quynhnhai_desktop.domain import clock, limits
from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN, Campaign, first_campaign
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.periods import Period
from quynhnhai_desktop.domain.report import Issuer, Narrative, ReportData
from quynhnhai_desktop.domain.report_text import draft_results
from quynhnhai_desktop.domain.text import nfc
from quynhnhai_desktop.services import campaigns
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.services.report_data import aggregate
from quynhnhai_desktop.services.unit_history import printed_as
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.files import atomic_write_bytes
from quynhnhai_desktop.store.models import Profile, ReportSubmission, ReportText, utcnow

log = logging.getLogger(__name__)

MAX_TEXT = 20000
REPORT_DATE_GRACE_DAYS = 5  # the default date: a few days after the period closes


@dataclass(frozen=True)
class ReportBundle:
    """Everything one report prints: figures, texts, issuer; and what the clerk should know."""

    data: ReportData
    narrative: Narrative
    issuer: Issuer
    results_drafted: bool  # the results text is the draft from the numbers, not yet edited
    exported_revision: int | None  # the latest report package exported for this period
    campaign: Campaign = field(default_factory=first_campaign)  # what the report is for


def issuer_from_profile(profile: Profile, fingerprint: str = "") -> Issuer:
    """The header and signature lines of a commune report, from the set-up profile (and
    the fingerprint of the installation's signing key, printed at the foot of page 1)."""
    return Issuer(
        key_fingerprint=fingerprint,
        authority="ỦY BAN NHÂN DÂN",
        unit_kind=profile.unit_kind,
        unit_name=profile.unit_name,
        place=profile.unit_name,
        recipient=profile.recipient,
        signer_name=profile.signer_name,
        signer_title=tuple(line for line in profile.signer_title.split("\n") if line.strip()),
        copies_to=profile_service.copies_to(profile),
        filed_as="",  # the last line of copies_to
        acting_line=profile_service.signature_line(profile),
    )


def default_report_date(period: Period, today: dt.date | None = None) -> dt.date:
    """Today when the period has just closed; otherwise a few days after its end."""
    today = today or clock.today()
    latest = period.end + dt.timedelta(days=REPORT_DATE_GRACE_DAYS)
    return max(period.end, min(today, latest))


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

    *fingerprint* (of the signing key, :mod:`services.identity`) is printed on page 1."""
    with db.read_session() as session:  # a read: never waits for another program's write
        # The unit as it was in the period: a commune moved across the 2025 reform prints
        # its earlier months under the old name and recipient (the code is the same).
        profile = printed_as(session, require_profile(session), period.start)
        require_commune(profile)
        campaign = campaigns.choose(session, campaign_id, period.end)
        data = aggregate(session, profile, period, catalog=campaign)
        saved = _find_text(session, profile.unit_code, period, campaign.id)
        last = latest_submission(session, profile.unit_code, period, campaign.id)
        revision = last.revision if last is not None else None
        issuer = issuer_from_profile(profile, fingerprint)
    if saved is None:
        narrative = Narrative("", default_report_date(period, today), draft_results(data), "", "")
        return ReportBundle(data, narrative, issuer, True, revision, campaign)
    drafted = saved.results is None
    narrative = Narrative(
        number=saved.number,
        report_date=saved.report_date,
        results=draft_results(data) if saved.results is None else saved.results,
        difficulties=saved.difficulties,
        proposals=saved.proposals,
    )
    return ReportBundle(data, narrative, issuer, drafted, revision, campaign)


def require_commune(profile: Profile) -> None:
    if not profile_service.records_activities(profile):
        raise UserError(
            "report",
            QT_TRANSLATE_NOOP("report", "The monthly report is made by a commune installation."),
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


def pdf_bytes(bundle: ReportBundle) -> bytes:
    from quynhnhai_desktop.output.report_pdf import build_report_pdf

    return build_report_pdf(bundle.data, bundle.narrative, bundle.issuer)


def write_pdf(bundle: ReportBundle, path: Path) -> Path:
    """The printed report, written atomically (a pulled USB stick never holds half a file)."""
    atomic_write_bytes(Path(path), pdf_bytes(bundle))
    return Path(path)


def xlsx_bytes(bundle: ReportBundle) -> bytes:
    from quynhnhai_desktop.output.report_xlsx import build_report_xlsx

    return build_report_xlsx(bundle.data, bundle.narrative, bundle.issuer)


def write_xlsx(bundle: ReportBundle, path: Path) -> Path:
    atomic_write_bytes(Path(path), xlsx_bytes(bundle))
    return Path(path)


def file_stem(bundle: ReportBundle) -> str:
    """A default file name: 'BC-2021-09-03703' (statistical 'BC-2021-09s-…', ranges by day;
    a campaign other than the 2021 one after the commune: 'BC-2026-03-03703-kns-2026')."""
    key = bundle.data.period.key().replace("..", "_")
    campaign = "" if bundle.campaign.id == FIRST_CAMPAIGN else f"-{bundle.campaign.id}"
    return f"BC-{key}-{bundle.data.commune_code}{campaign}"
