"""The commune's side of the USB stick: make, write and check the report package.

The package carries the same figures and texts as the printed report (services/report.py)
plus the activity rows behind them. A re-export with nothing changed gives back the same
file and revision; any change to the figures or texts makes the next revision (r2, r3…).
Every file is written atomically, read back and verified before the clerk is told the stick
can be pulled, and a copy stays in the data folder.

Crash-safe order: the data folder's copy, then the whole file on the stick under a hidden
temporary name, then the revision's record, then the file's real name. A crash (or a full
stick) at any point leaves either no named file and no record, or a record whose kept copy
the next export writes again, the same bytes under the same name: the district never sees
two different files for one revision.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import cast

from pydantic import ValidationError
from sqlmodel import Session, col, select

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain import package as wire
from quynhnhai_desktop.domain.campaign import FIRST_CAMPAIGN, Campaign
from quynhnhai_desktop.domain.district_report import Received
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.periods import Period
from quynhnhai_desktop.domain.profile import ProfileFields
from quynhnhai_desktop.domain.report import Breakdown, Issuer, to_jsonable
from quynhnhai_desktop.services import (
    campaigns,
    district,
    district_report,
    identity,
    package,
    report,
)
from quynhnhai_desktop.services.profile import consolidates, require_profile
from quynhnhai_desktop.services.unit_history import printed_as
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.files import (
    atomic_write_bytes,
    commit_staged,
    remove_leftovers,
    write_staged,
)
from quynhnhai_desktop.store.models import (
    Activity,
    ActivityTopic,
    ActivityValue,
    ReportSubmission,
    Team,
    Village,
)

log = logging.getLogger(__name__)
WHOLE_COMMUNE_KEY = "*"  # the wire format's key for "no particular village"
SUFFIX = ".qnbc"
LEFTOVER_AGE_S = 600  # a half-written package on the stick older than this is a crash's


@dataclass(frozen=True)
class ExportResult:
    path: Path  # the checked file at the destination
    revision: int
    reused: bool  # nothing had changed: the same file as the last export
    fingerprint: str


def activity_rows(
    session: Session, commune_code: str, period: Period, campaign: Campaign | None = None
) -> list[wire.ActivityRow]:
    """The activities behind the report's figures (of *campaign*), with names instead of ids."""
    scope = campaigns.scope(session, campaign) if campaign is not None else None
    in_campaign = [] if scope is None else [Activity.campaign_id == scope]
    activities = session.exec(
        select(Activity, Team.name, Village.name)
        .join(Team, col(Team.id) == Activity.team_id)
        .join(Village, col(Village.id) == Activity.village_id, isouter=True)
        .where(
            Activity.commune_code == commune_code,
            col(Activity.deleted_at).is_(None),
            Activity.date >= period.start,
            Activity.date <= period.end,
            *in_campaign,
        )
        .order_by(col(Activity.date), col(Activity.id))
    ).all()
    ids = [a.id for a, _team, _village in activities]
    topics: dict[int, list[str]] = {}
    values: dict[int, dict[str, int]] = {}
    for chunk in (ids[i : i + 900] for i in range(0, len(ids), 900)):  # SQLite's variable limit
        for topic in session.exec(
            select(ActivityTopic).where(col(ActivityTopic.activity_id).in_(chunk))
        ):
            topics.setdefault(topic.activity_id, []).append(topic.topic_code)
        for value in session.exec(
            select(ActivityValue).where(col(ActivityValue.activity_id).in_(chunk))
        ):
            values.setdefault(value.activity_id, {})[value.indicator_code] = value.value
    return [_row(activity, team, village, topics, values) for activity, team, village in activities]


def _row(
    activity: Activity,
    team: str,
    village: str | None,
    topics: dict[int, list[str]],
    values: dict[int, dict[str, int]],
) -> wire.ActivityRow:
    try:
        return wire.ActivityRow(
            uuid=activity.uuid,
            date=activity.date,
            village=village,
            team=team,
            form=activity.form_code,
            topics=sorted(topics.get(activity.id or 0, [])),
            values=values.get(activity.id or 0, {}),
            note=activity.note,
        )
    except ValidationError as error:  # recorded before the limits were checked at entry
        first = error.errors()[0]
        raise UserError(
            "package_export",
            QT_TRANSLATE_NOOP(
                "package_export",
                "The activity of {date} ({team}) holds what a report file cannot carry "
                "({field}: {value}). Correct it under Activities and export again.",
            ),
            date=activity.date.strftime("%d/%m/%Y"),
            team=team,
            field=".".join(str(part) for part in first.get("loc", ())),
            value=repr(first.get("input"))[:60],
        ) from None


def _groups(breakdown: Breakdown) -> list[wire.GroupTotals]:
    return [
        wire.GroupTotals(
            key=line.key or WHOLE_COMMUNE_KEY,
            label=line.label,
            activities=line.activities,
            values={code: value for code, value in line.values.items() if value},
        )
        for line in breakdown.lines
    ]


def to_wire(bundle: report.ReportBundle, rows: list[wire.ActivityRow]) -> wire.ReportData:
    """The report's figures and texts in the strictly validated form that travels."""
    data, text = bundle.data, bundle.narrative
    venues = data.venues.total
    return wire.ReportData(
        catalog_id=data.catalog_id,
        activities_count=data.totals.activities,
        totals={code: value for code, value in data.totals.values.items() if value},
        by_form=_groups(data.by_form),
        by_topic=_groups(data.by_topic),
        by_village=_groups(data.by_village),
        by_team=_groups(data.by_team),
        venues=wire.VenueSummary(
            total=venues.venues,
            active=venues.venues,
            registered=venues.registered,
            with_official_qr=venues.official_qr,
            registered_in_period=venues.new,
            posters_printed=venues.posters,
        ),
        narrative=wire.Narrative(
            number=text.number,
            issued_on=text.report_date,
            results=text.results,
            difficulties=text.difficulties,
            proposals=text.proposals,
        ),
        activities=rows,
    )


@dataclass(frozen=True)
class PlannedExport:
    """What :func:`export` would write now: the file's name and its revision."""

    file_name: str
    revision: int
    reused: bool  # nothing changed since the last export: the same file again


@dataclass(frozen=True)
class _Prepared:
    """What the next package of a period holds, before any file is written."""

    unit: wire.UnitRef
    campaign: Campaign
    data: wire.Payload
    pdf: Callable[[], bytes]  # rendered only when a new revision is made
    signed_by: str  # issuer_json of who signs and to whom
    last: ReportSubmission | None  # the period's latest exported revision


def reporting_unit(profile: ProfileFields, period_start: dt.date) -> wire.UnitRef:
    """The manifest's unit block: the profile's unit as its record is on *period_start*
    (the report period's first day), and the unit it reports to then.

    The one place the block is made. A profile with a history (a 2021 commune moved to its
    2025 successor) is passed as it printed in that period
    (:func:`services.unit_history.printed_as`): the old name and parent for its old months."""
    level = cast(wire.Level, profile.mode)
    parent = profile.district_code if level == "commune" else None
    if level != "province":
        parent = parent or profile.province_code  # a 2025 commune, or a 2021 district
    return wire.UnitRef(
        code=profile.unit_code,
        level=level,
        name=f"{profile.unit_kind} {profile.unit_name}",
        parent_code=parent,
        valid_on=period_start,
    )


def _prepare(db: Database, period: Period, fingerprint: str, campaign_id: str | None) -> _Prepared:
    """The commune's report with its activity rows, or a district's consolidated report
    with the communes' totals behind it, as the installation's level says."""
    with db.read_session() as session:
        # The unit as it was in the period (a commune moved across the 2025 reform sends
        # its earlier months under the old name and parent).
        profile = printed_as(session, require_profile(session), period.start)
        unit = reporting_unit(profile, period.start)
    if consolidates(profile):
        return _prepare_consolidated(db, period, unit, campaign_id)
    bundle = report.prepare(db, period, fingerprint=fingerprint, campaign_id=campaign_id)
    campaign = bundle.campaign
    with db.read_session() as session:
        rows = activity_rows(session, unit.code, period, campaign)
        last = report.latest_submission(session, unit.code, period, campaign.id)
    return _Prepared(
        unit,
        campaign,
        to_wire(bundle, rows),
        partial(report.pdf_bytes, bundle),
        issuer_json(bundle.issuer),
        last,
    )


def _prepare_consolidated(
    db: Database, period: Period, unit: wire.UnitRef, campaign_id: str | None
) -> _Prepared:
    if unit.parent_code is None:
        raise UserError(
            "export",
            QT_TRANSLATE_NOOP(
                "export",
                "{unit} reports to no unit above it: its consolidated report is printed, "
                "not sent as a file.",
            ),
            unit=unit.name,
        )
    campaign = campaigns.campaign_for(db, campaign_id, period.end)
    bundle = district_report.prepare(db, period, campaign_id=campaign.id)
    received = district.latest_reports(db, period.start, period.end, campaign.id)
    with db.read_session() as session:
        last = report.latest_submission(session, unit.code, period, campaign.id)
    return _Prepared(
        unit,
        campaign,
        consolidated_data(bundle, received),
        partial(district_report.pdf_bytes, bundle),
        issuer_json(bundle.issuer),
        last,
    )


def consolidated_data(
    bundle: district_report.DistrictBundle, received: Mapping[str, Received]
) -> wire.ConsolidatedData:
    """The district's package data: each reporting commune's totals as they were counted,
    with the revision and file they came from, and the report's texts."""
    units = []
    for commune in bundle.report.reported:
        got = received[commune.code]
        data = got.data
        units.append(
            wire.UnitTotals(
                code=commune.code,
                name=commune.name,
                revision=got.revision,
                package_sha256=got.package_sha256,
                activities_count=data.activities_count,
                totals={code: value for code, value in data.totals.items() if value},
                by_form=list(data.by_form),
                by_topic=list(data.by_topic),
                by_team=list(data.by_team),
                venues=data.venues,
            )
        )
    text = bundle.narrative
    return wire.ConsolidatedData(
        catalog_id=bundle.report.data.catalog_id,
        units=units,
        narrative=wire.Narrative(
            number=text.number,
            issued_on=text.report_date,
            results=text.results,
            difficulties=text.difficulties,
            proposals=text.proposals,
        ),
    )


def plan(
    db: Database, paths: AppPaths, period: Period, campaign_id: str | None = None
) -> PlannedExport:
    """The file and revision the next export of *period* writes for the campaign
    *campaign_id* (default: the only one running at the period's end); nothing is written."""
    fingerprint = identity.installed_fingerprint(paths.keys_dir)
    ready = _prepare(db, period, fingerprint, campaign_id)
    previous = _previous_package(paths, ready.last)
    if previous is not None and _unchanged(ready, previous[1]):
        return PlannedExport(
            package.file_name(previous[1].manifest), previous[1].manifest.revision, True
        )
    revision = (ready.last.revision + 1) if ready.last is not None else 1
    name = package.name_for(
        period.start, period.end, period.rule, ready.unit.code, revision, ready.campaign.id
    )
    return PlannedExport(name, revision, False)


def _unchanged(ready: _Prepared, previous: package.VerifiedPackage) -> bool:
    """The last exported file says what a new one would: hand it out again (a format-1 file
    too: the district reads it, and nothing changed that a new revision would carry)."""
    same_signer = ready.last is None or ready.last.issuer_json in (None, ready.signed_by)
    manifest = previous.manifest
    same_unit = (
        manifest.unit == ready.unit
        if isinstance(manifest, wire.Manifest)
        else manifest.commune_code == ready.unit.code
    )
    return previous.data == ready.data and same_signer and same_unit


def campaign_ref(campaign: Campaign) -> wire.CampaignRef:
    """What the manifest says of the report's campaign."""
    return wire.CampaignRef(id=campaign.id, version=campaign.version, title=campaign.title["vi"])


def export(
    db: Database,
    paths: AppPaths,
    period: Period,
    destination: Path,
    campaign_id: str | None = None,
) -> ExportResult:
    """Write the package for *period* and the campaign *campaign_id* (default: the only one
    running at the period's end) into the folder *destination* and verify it there: a
    commune's report, or a district's consolidated report for the province."""
    destination = Path(destination)
    if not destination.is_dir():
        raise UserError(
            "export",
            QT_TRANSLATE_NOOP(
                "export", "The folder {folder} does not exist (is the USB stick in?)."
            ),
            folder=destination,
        )
    # The key first: its fingerprint is printed on page 1 and is part of who signed, so a
    # first export that made the key must print the same as every later one.
    key = identity.load_or_create(paths.keys_dir)
    ready = _prepare(db, period, key.fingerprint, campaign_id)
    campaign, last, signed_by = ready.campaign, ready.last, ready.signed_by
    previous = _previous_package(paths, last)
    if previous is not None and _unchanged(ready, previous[1]):
        blob, revision, reused = previous[0], previous[1].manifest.revision, True
    else:
        revision = (last.revision + 1) if last is not None else 1
        _manifest, blob = package.build(
            unit=ready.unit,
            period_start=period.start,
            period_end=period.end,
            period_rule=period.rule,
            revision=revision,
            data=ready.data,
            pdf=ready.pdf(),
            identity=key,
            campaign=campaign_ref(campaign),
        )
        reused = False
    verified = package.read(blob)  # never hand out a file the district would refuse
    name = package.file_name(verified.manifest)
    target = destination / name
    remove_leftovers([destination], older_than_s=LEFTOVER_AGE_S, pattern=f".BC-*{SUFFIX}.*")
    kept = paths.exports_dir / name
    if not reused:  # what a re-export reuses, so it must exist before the record does
        atomic_write_bytes(kept, blob)
    try:
        staged = write_staged(target, blob)  # a full or pulled stick fails here: nothing kept
    except BaseException:
        if not reused:
            kept.unlink(missing_ok=True)  # never recorded: it is not a revision
        raise
    try:
        if not reused:
            _record(db, ready.unit.code, campaign.id, period, revision, verified.sha256, signed_by)
        # Recorded first, named second: a crash between the two leaves a hidden ".part" on
        # the stick and a recorded revision whose kept copy the next export hands out again,
        # byte for byte. Never a named file the database does not know.
        commit_staged(staged, target)
    except BaseException:
        staged.unlink(missing_ok=True)
        raise
    try:
        written = target.read_bytes()
    except OSError as error:
        raise UserError(
            "export",
            QT_TRANSLATE_NOOP(
                "export",
                "Could not write to {folder}: {reason}. Check the USB stick and try again.",
            ),
            folder=destination,
            reason=error.strerror or str(error),
        ) from None
    if written != blob:
        raise UserError(
            "export",
            QT_TRANSLATE_NOOP(
                "export",
                "The copy on {folder} does not read back correctly. Use another USB stick.",
            ),
            folder=destination,
        )
    log.info("exported %s (r%d, reused=%s) to %s", name, revision, reused, destination)
    return ExportResult(target, revision, reused, key.fingerprint)


def _record(
    db: Database,
    commune_code: str,
    campaign_id: str,
    period: Period,
    revision: int,
    sha256: str,
    signed_by: str,
) -> None:
    """Record *revision* of *period* as exported with *sha256* (and who signed it, as
    :func:`issuer_json`): once, whatever happens.

    Idempotent: the same revision with the same hash is already there after a crash between
    the record and the file's name. Another export that recorded this revision first (the
    window and a command at once) wins; this one is refused and its file never named.
    """
    with db.session() as session:  # BEGIN IMMEDIATE: two exports record one after the other
        last = report.latest_submission(session, commune_code, period, campaign_id)
        if last is not None and last.revision >= revision:
            if last.revision == revision and last.package_sha256 == sha256:
                return
            raise UserError(
                "export",
                QT_TRANSLATE_NOOP(
                    "export",
                    "Another export of this report was made at the same time. Export "
                    "again: the file will be checked and written anew.",
                ),
            )
        session.add(
            ReportSubmission(
                commune_code=commune_code,
                campaign_id=campaign_id,
                period_start=period.start,
                period_end=period.end,
                period_rule=period.rule,
                revision=revision,
                package_sha256=sha256,
                issuer_json=signed_by,
            )
        )


def issuer_json(issuer: Issuer) -> str:
    """Who signs and to whom, as kept with each revision (a change makes the next one)."""
    return json.dumps(to_jsonable(issuer), ensure_ascii=False, sort_keys=True)


def _previous_package(
    paths: AppPaths, last: ReportSubmission | None
) -> tuple[bytes, package.VerifiedPackage] | None:
    """The last exported package of the period, as kept in the data folder (if still sound)."""
    if last is None:
        return None
    campaign = "" if last.campaign_id == FIRST_CAMPAIGN else f"-{last.campaign_id}"
    pattern = f"BC-*-{last.commune_code}{campaign}-r{last.revision}.qnbc"
    for candidate in paths.exports_dir.glob(pattern):
        blob = candidate.read_bytes()
        try:
            verified = package.read(blob)
        except UserError:
            continue
        if verified.sha256 == last.package_sha256:
            return blob, verified
    return None
