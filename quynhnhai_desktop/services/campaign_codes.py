"""Codes a report used: from then on they are frozen (issue 17).

A report carries the campaign's codes (its form, topic and indicator codes are the keys of
the package's figures, and the district sums by them). Once a report used a code — a
package this installation imported, or a report it sent itself — a later version of the
campaign may rename it in words or retire it, never change or remove the code: else the
next month's figures would no longer add up with the earlier ones. The editor shows these
codes as fixed and refuses to drop one; a file that drops one is refused when it is added
or exported.
"""

from __future__ import annotations

import json
from typing import Any

from sqlmodel import Session, and_, col, select

from quynhnhai_desktop.domain.catalog import Catalog
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.store.models import (
    Activity,
    ActivityTopic,
    ActivityValue,
    ImportedReport,
    ReportSubmission,
)

KINDS = ("forms", "topics", "indicators")
Codes = dict[str, set[str]]


def _empty() -> Codes:
    return {kind: set() for kind in KINDS}


def _from_package(used: Codes, data: dict[str, Any]) -> None:
    for row in data.get("activities", []):
        used["forms"].add(str(row.get("form", "")))
        used["topics"].update(str(code) for code in row.get("topics", []))
        used["indicators"].update(str(code) for code, n in row.get("values", {}).items() if n)
    used["indicators"].update(str(code) for code, n in data.get("totals", {}).items() if n)


def used_codes(session: Session, campaign_id: str) -> Codes:
    """The form, topic and indicator codes of *campaign_id* that a report used."""
    used = _empty()
    imported = session.exec(
        select(ImportedReport.data_json).where(ImportedReport.campaign_id == campaign_id)
    )
    for data_json in imported:
        _from_package(used, json.loads(data_json))
    sent = and_(
        col(ReportSubmission.commune_code) == col(Activity.commune_code),
        col(ReportSubmission.campaign_id) == col(Activity.campaign_id),
        col(Activity.date) >= col(ReportSubmission.period_start),
        col(Activity.date) <= col(ReportSubmission.period_end),
    )
    reported = (
        select(col(Activity.id))
        .join(ReportSubmission, sent)
        .where(col(Activity.campaign_id) == campaign_id, col(Activity.deleted_at).is_(None))
    )
    used["forms"].update(
        session.exec(
            select(col(Activity.form_code)).where(col(Activity.id).in_(reported)).distinct()
        )
    )
    used["topics"].update(
        session.exec(
            select(col(ActivityTopic.topic_code))
            .where(col(ActivityTopic.activity_id).in_(reported))
            .distinct()
        )
    )
    used["indicators"].update(
        session.exec(
            select(col(ActivityValue.indicator_code))
            .where(col(ActivityValue.activity_id).in_(reported), col(ActivityValue.value) > 0)
            .distinct()
        )
    )
    for kind in KINDS:
        used[kind].discard("")
    return used


def dropped(session: Session, catalog: Catalog) -> list[str]:
    """The codes a report used that *catalog* (a campaign's new version) no longer has."""
    used = used_codes(session, catalog.id)
    have = catalog.codes()
    return sorted(code for kind in KINDS for code in used[kind] - have[kind])


def check_kept(session: Session, catalog: Catalog) -> None:
    """Refuse a campaign version that renames or removes a code a report used."""
    missing = dropped(session, catalog)
    if missing:
        raise UserError(
            "campaigns",
            QT_TRANSLATE_NOOP(
                "campaigns",
                "Campaign “{id}” no longer has the code(s) {codes}, which reports have "
                "already used. A used code can be renamed in words or retired, never changed "
                "or removed: keep it, and tick “Retired” if it is no longer wanted.",
            ),
            id=catalog.id,
            codes=", ".join(missing),
        )
