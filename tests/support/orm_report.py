"""The monthly report as it was read through the ORM before plain SQL replaced it (the
services of commit d88c838, kept verbatim but for the campaign lookup's error messages):
the reference the shared reader is compared with on varied databases."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping

from sqlalchemy import ColumnElement, and_, func, select
from sqlmodel import Session, col
from sqlmodel import select as orm_select

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.campaign import Campaign
from quynhnhai_desktop.domain.catalog import Catalog, venue_categories
from quynhnhai_desktop.domain.periods import Period
from quynhnhai_desktop.domain.report import (
    WHOLE_COMMUNE,
    Breakdown,
    Column,
    Issuer,
    Line,
    Narrative,
    ReportData,
    VenueLine,
    VenueSituation,
)
from quynhnhai_desktop.domain.report_text import draft_results
from quynhnhai_desktop.services import campaigns, report_read
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.services.report import (
    ReportBundle,
    _find_text,
    default_report_date,
    latest_submission,
    require_commune,
)
from quynhnhai_desktop.services.unit_history import printed_as
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import (
    Activity,
    ActivityTopic,
    ActivityValue,
    CampaignRecord,
    Profile,
    Team,
    Venue,
    Village,
)
from quynhnhai_desktop.store.sql import not_by_index


def known(session: Session) -> list[Campaign]:
    """The newest version of every campaign this installation has, oldest first."""
    rows = session.exec(
        orm_select(CampaignRecord).order_by(
            col(CampaignRecord.runs_from), col(CampaignRecord.campaign_id)
        )
    ).all()
    newest: dict[str, CampaignRecord] = {}
    for row in rows:
        if row.campaign_id not in newest or row.version > newest[row.campaign_id].version:
            newest[row.campaign_id] = row
    return [
        campaigns.stored(
            report_read.StoredCampaign(r.campaign_id, r.version, r.source_sha256, r.source)
        )
        for r in newest.values()
    ]


def _scope(session: Session, campaign: Campaign) -> str | None:
    ids = session.exec(orm_select(CampaignRecord.campaign_id).distinct()).all()
    return None if list(ids) in ([], [campaign.id]) else campaign.id


def _choose(session: Session, campaign_id: str | None, on: dt.date) -> Campaign:
    for campaign in known(session):
        if campaign_id and campaign.id == campaign_id:
            return campaign
    assert not campaign_id, "the reference reads known campaigns only"
    now = [c for c in known(session) if c.runs_on(on)]
    if len(now) == 1:
        return now[0]
    everything = known(session)
    if not now and len(everything) == 1:
        return everything[0]
    assert everything, "the reference needs a stored campaign"
    raise AssertionError("several campaigns: name one")


_A = Activity.__table__.c  # type: ignore[attr-defined]
_V = ActivityValue.__table__.c  # type: ignore[attr-defined]
_T = ActivityTopic.__table__.c  # type: ignore[attr-defined]

Counts = dict[str, int]


class _Tally:
    """Activities and indicator sums accumulated under one key."""

    __slots__ = ("activities", "values")

    def __init__(self) -> None:
        self.activities = 0
        self.values: Counts = defaultdict(int)

    def line(
        self, key: str, label: str, codes: Iterable[str], applies: tuple[str, ...] | None = None
    ) -> Line:
        return Line(key, label, self.activities, {c: self.values.get(c, 0) for c in codes}, applies)


def _in_period(
    commune_code: str, period: Period, campaign_id: str | None = None
) -> ColumnElement[bool]:
    where = and_(
        _A.commune_code == commune_code,
        _A.date >= period.start,
        _A.date <= period.end,
        _A.deleted_at.is_(None),
    )
    return where if campaign_id is None else and_(where, _A.campaign_id == campaign_id)


def _totals(
    session: Session, commune_code: str, period: Period, campaign_id: str | None = None
) -> tuple[int, Counts]:
    where = _in_period(commune_code, period, campaign_id)
    count = session.execute(select(func.count()).select_from(Activity).where(where)).scalar_one()
    sums = session.execute(
        select(_V.indicator_code, func.sum(_V.value))
        .select_from(Activity.__table__.join(ActivityValue.__table__, _V.activity_id == _A.id))  # type: ignore[attr-defined]
        .where(where)
        .group_by(_V.indicator_code)
    ).all()
    return count, {code: int(total) for code, total in sums}


def period_totals(
    session: Session, commune_code: str, period: Period, campaign_id: str | None = None
) -> tuple[int, Counts]:
    """The activity count and indicator sums of one period (the report's "previous" line),
    of one campaign's activities when *campaign_id* is given."""
    return _totals(session, commune_code, period, campaign_id)


def aggregate(
    session: Session,
    profile: Profile,
    period: Period,
    *,
    catalog: Catalog | None = None,
    made_at: dt.datetime | None = None,
) -> ReportData:
    """Every figure of *profile*'s commune for *period*, with the previous period's totals."""
    assert catalog is not None
    campaign_id = _scope(session, catalog) if isinstance(catalog, Campaign) else None
    code = profile.unit_code
    columns = tuple(Column(i.code, i.vi) for i in catalog.indicators)
    codes = [c.code for c in columns]
    where = _in_period(code, period, campaign_id)
    activity = Activity.__table__  # type: ignore[attr-defined]
    values = ActivityValue.__table__  # type: ignore[attr-defined]
    topics = ActivityTopic.__table__  # type: ignore[attr-defined]

    by_form: dict[str, _Tally] = defaultdict(_Tally)
    by_village: dict[int | None, _Tally] = defaultdict(_Tally)
    by_team: dict[int, _Tally] = defaultdict(_Tally)
    by_topic: dict[str, _Tally] = defaultdict(_Tally)
    total = _Tally()

    keys = (_A.form_code, _A.village_id, _A.team_id)
    # Grouped by the bare (form, village, team) columns, SQLite read the period's activities
    # through an index that starts with those columns (ix_activity_by_form): every live row
    # of the commune, so the report of one month grew with the whole table (0.34 s at
    # 100,000 activities against 0.02 s). Grouped by +column it finds them by date.
    groups = tuple(not_by_index(key) for key in keys)
    for form, village, team, count in session.execute(
        select(*keys, func.count()).where(where).group_by(*groups)
    ):
        for tally in (by_form[form], by_village[village], by_team[team], total):
            tally.activities += count
    for form, village, team, indicator, amount in session.execute(
        select(*keys, _V.indicator_code, func.sum(_V.value))
        .select_from(activity.join(values, _V.activity_id == _A.id))
        .where(where)
        .group_by(*groups, _V.indicator_code)
    ):
        for tally in (by_form[form], by_village[village], by_team[team], total):
            tally.values[indicator] += amount
    for topic, count in session.execute(
        select(_T.topic_code, func.count())
        .select_from(activity.join(topics, _T.activity_id == _A.id))
        .where(where)
        .group_by(_T.topic_code)
    ):
        by_topic[topic].activities += count
    for topic, indicator, amount in session.execute(
        select(_T.topic_code, _V.indicator_code, func.sum(_V.value))
        .select_from(
            activity.join(topics, _T.activity_id == _A.id).join(values, _V.activity_id == _A.id)
        )
        .where(where)
        .group_by(_T.topic_code, _V.indicator_code)
    ):
        by_topic[topic].values[indicator] += amount

    total_line = total.line("", "Tổng cộng", codes)
    form_lines = [by_form[f.code].line(f.code, f.vi, codes, f.indicators) for f in catalog.forms]
    known_forms = {f.code for f in catalog.forms}
    form_lines += [  # activities recorded under a form a newer catalog dropped
        tally.line(key, key, codes) for key, tally in by_form.items() if key not in known_forms
    ]
    topic_lines = [by_topic[t.code].line(t.code, t.vi, codes) for t in catalog.topics]
    known_topics = {t.code for t in catalog.topics}
    topic_lines += [
        tally.line(key, key, codes) for key, tally in by_topic.items() if key not in known_topics
    ]

    village_rows = session.scalars(
        select(Village).where(col(Village.commune_code) == code).order_by(col(Village.sort_key))
    ).all()
    village_lines = [
        by_village[v.id].line(str(v.id), v.name, codes)
        for v in village_rows
        if v.active or by_village.get(v.id)
    ]
    unit = profile.unit_kind.lower()
    village_lines.append(by_village[None].line(WHOLE_COMMUNE, f"Toàn {unit}", codes))
    team_rows = session.scalars(
        select(Team).where(col(Team.commune_code) == code).order_by(col(Team.sort_key))
    ).all()
    team_lines = [
        by_team[t.id].line(str(t.id), t.name, codes)
        for t in team_rows
        if t.id is not None and (t.active or by_team.get(t.id))
    ]

    previous = period.previous()
    prev_count, prev_sums = _totals(session, code, previous, campaign_id)
    return ReportData(
        commune_code=code,
        unit_kind=profile.unit_kind,
        unit_name=profile.unit_name,
        catalog_id=catalog.id,
        catalog_title=catalog.title["vi"],
        catalog_source=catalog.source,
        period=period,
        previous_period=previous,
        columns=columns,
        totals=total_line,
        previous_totals=Line("", "Kỳ trước", prev_count, {c: prev_sums.get(c, 0) for c in codes}),
        by_form=Breakdown(tuple(form_lines), total_line),
        by_topic=Breakdown(tuple(topic_lines), total_line),
        by_village=Breakdown(tuple(village_lines), total_line),
        by_team=Breakdown(tuple(team_lines), total_line),
        venues=venue_situation(session, code, period),
        villages_total=sum(1 for v in village_rows if v.active),
        made_at=made_at or clock.now(dt.UTC),
    )


def venue_situation(session: Session, commune_code: str, period: Period) -> VenueSituation:
    """The QR-code situation of the commune's active venues at the end of *period*.

    The register keeps each venue's registration date; a venue registered with no date
    counts as registered before any period. Posters are the running total printed.
    """
    rows = session.execute(
        select(
            col(Venue.category),
            col(Venue.registered),
            col(Venue.registered_on),
            col(Venue.qr_content),
            col(Venue.posters_printed),
        ).where(col(Venue.commune_code) == commune_code, col(Venue.status) == "active")
    ).all()
    previous_end = period.previous().end
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    previous_registered = 0
    for category, registered, registered_on, qr_content, posters in rows:
        tally = tallies[category]
        registered_by_end = bool(registered) and (
            registered_on is None or registered_on <= period.end
        )
        tally[0] += 1
        tally[1] += registered_by_end
        tally[2] += (
            bool(registered) and registered_on is not None and period.contains(registered_on)
        )
        tally[3] += registered_by_end and bool(qr_content)
        tally[4] += posters
        previous_registered += bool(registered) and (
            registered_on is None or registered_on <= previous_end
        )
    labels: Mapping[str, str] = {c.code: c.vi for c in venue_categories()}
    order = [c.code for c in venue_categories() if c.code in tallies]
    order += sorted(k for k in tallies if k not in labels)
    lines = tuple(VenueLine(k, labels.get(k, k), *tallies[k]) for k in order)
    total = VenueLine("", "Tổng cộng", *(sum(t[i] for t in tallies.values()) for i in range(5)))
    return VenueSituation(lines, total, previous_registered)


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


def prepare_by_orm(
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
        campaign = _choose(session, campaign_id, period.end)
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
