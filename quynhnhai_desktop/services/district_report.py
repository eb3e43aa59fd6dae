"""The consolidated district report, as the GUI and the CLI use it: figures, texts, files.

:func:`prepare` reads what the district holds for a period (each commune's highest
revision, the previous period's for the comparison, who sent the month under another period
rule) and sums it with the pure :func:`domain.district_report.consolidate`; the renderers
(output/district_pdf.py, output/district_xlsx.py) make the files without the database, so
they can run on a worker thread.

The report is issued by the district's Culture and Information Office under the district
People's Committee (Decree 30: managing body above the office's name; the head of the office
signs in person, no "TM."), to the provincial Department of Information and Communications
(the profile's recipient) and the district People's Committee.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from sqlmodel import col, select

from quynhnhai_desktop.domain.district_report import DistrictReport, consolidate
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.periods import Period, PeriodRule
from quynhnhai_desktop.domain.report import Issuer, Narrative
from quynhnhai_desktop.domain.report_text import draft_district_results
from quynhnhai_desktop.domain.units import UnitRegistry, default_units
from quynhnhai_desktop.services import district
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.services.campaigns import campaign_for
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.services.report import default_report_date
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.files import atomic_write_bytes
from quynhnhai_desktop.store.models import ImportedReport, Profile

log = logging.getLogger(__name__)

SYMBOL = "BC-VHTT"  # its reports: "Số: …/BC-VHTT"


@dataclass(frozen=True)
class DistrictBundle:
    """Everything the consolidated report prints."""

    report: DistrictReport
    narrative: Narrative
    issuer: Issuer
    office: str  # "Phòng Văn hóa và Thông tin", as named in the sentences


def issuer_from_profile(profile: Profile) -> Issuer:
    """'UBND HUYỆN QUỲNH NHAI / PHÒNG VĂN HÓA VÀ THÔNG TIN', signed by the head in person."""
    unit = f"{profile.unit_kind.lower()} {profile.unit_name}"
    return Issuer(
        authority=profile_service.issuing_body(profile).upper(),
        unit_kind=profile.unit_kind,
        unit_name=profile.unit_name,
        place=profile.unit_name,
        recipient=profile.recipient,
        also_to=(f"Ủy ban nhân dân {unit}",),
        signer_name=profile.signer_name,
        signer_title=tuple(line for line in profile.signer_title.split("\n") if line.strip()),
        copies_to=profile_service.copies_to(profile),
        filed_as="",  # the last line of copies_to
        acting_line=profile_service.signature_line(profile),
        parent_body=f"UBND {unit}".upper(),
        collective=False,
    )


def _require_district(profile: Profile) -> None:
    if not profile_service.consolidates(profile):
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district", "The consolidated report is made by the district installation."
            ),
        )


def _other_periods(
    db: Database, period: Period, codes: set[str], campaign_id: str
) -> dict[str, Period]:
    """Communes that sent this month under another period rule (not summed, but named)."""
    if not codes:
        return {}
    first = district.month_of(period.end)
    after = (first + dt.timedelta(days=31)).replace(day=1)
    with db.session() as session:
        rows = session.exec(
            select(
                col(ImportedReport.commune_code),
                col(ImportedReport.period_start),
                col(ImportedReport.period_end),
                col(ImportedReport.period_rule),
            ).where(
                col(ImportedReport.commune_code).in_(codes),
                ImportedReport.campaign_id == campaign_id,
                ImportedReport.period_end >= first,
                ImportedReport.period_end < after,
                col(ImportedReport.withdrawn_at).is_(None),
            )
        ).all()
    return {
        code: Period(start, end, cast(PeriodRule, rule))
        for code, start, end, rule in rows
        if (start, end) != (period.start, period.end) and district.whole_month(start, end)
    }


def prepare(
    db: Database,
    period: Period,
    *,
    units: UnitRegistry | None = None,
    today: dt.date | None = None,
    campaign_id: str | None = None,
) -> DistrictBundle:
    """Sum the communes' latest revisions for *period* in the campaign *campaign_id*
    (default: the only one running at the period's end); refused when none has reported."""
    units = units or default_units()
    with db.session() as session:
        profile = require_profile(session)
        _require_district(profile)
        issuer = issuer_from_profile(profile)
        office = profile_service.issuing_body(profile)
        unit_code, unit_kind, unit_name = profile.unit_code, profile.unit_kind, profile.unit_name
    campaign = campaign_for(db, campaign_id, period.end)
    expected = district.expected_communes(units, unit_code, period.end)
    received = district.latest_reports(db, period.start, period.end, campaign.id)
    if not received:
        raise UserError(
            "district",
            QT_TRANSLATE_NOOP(
                "district",
                "No commune has sent its report for {period} yet. Import the communes' "
                "files first.",
            ),
            period=f"{period.month or period.end.month:02d}/{period.year or period.end.year}",
        )
    previous = period.previous()
    silent = {u.code for u in expected} - set(received)
    report = consolidate(
        unit_code=unit_code,
        unit_kind=unit_kind,
        unit_name=unit_name,
        communes=[(u.code, u.full_name) for u in expected],
        received=received,
        previous=district.latest_data(db, previous.start, previous.end, campaign.id),
        period=period,
        catalog=campaign,
        other_periods=_other_periods(db, period, silent, campaign.id),
        member="huyện" if expected and all(u.level == "district" for u in expected) else "xã",
    )
    narrative = Narrative(
        number="",  # written by hand at the registry, as for the communes' reports
        report_date=default_report_date(period, today),
        results=draft_district_results(report, office),
        difficulties="",
        proposals="",
        symbol=SYMBOL,
    )
    log.info("district report %s: %d of %d communes", period.key(), len(received), len(expected))
    return DistrictBundle(report, narrative, issuer, office)


def pdf_bytes(bundle: DistrictBundle) -> bytes:
    from quynhnhai_desktop.output.district_pdf import build_district_pdf

    return build_district_pdf(bundle.report, bundle.narrative, bundle.issuer, bundle.office)


def write_pdf(bundle: DistrictBundle, path: Path) -> Path:
    """The printed report, written atomically."""
    atomic_write_bytes(Path(path), pdf_bytes(bundle))
    return Path(path)


def xlsx_bytes(bundle: DistrictBundle) -> bytes:
    from quynhnhai_desktop.output.district_xlsx import build_district_xlsx

    return build_district_xlsx(bundle.report, bundle.narrative, bundle.issuer, bundle.office)


def write_xlsx(bundle: DistrictBundle, path: Path) -> Path:
    atomic_write_bytes(Path(path), xlsx_bytes(bundle))
    return Path(path)


def default_stem(period: Period, unit_code: str) -> str:
    """A default file name: 'BC-TH-2021-09-118' (TH: tổng hợp; the district's code)."""
    return f"BC-TH-{period.key().replace('..', '_')}-{unit_code}"


def file_stem(bundle: DistrictBundle) -> str:
    return default_stem(bundle.report.data.period, bundle.report.data.commune_code)
