"""The venue register: create and edit venues, list them from SQL, count what matters.

The list pages straight from SQL (filters, accent-insensitive search and the Vietnamese sort
all run in the database), so the GUI never holds more than a screenful of rows.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import and_, case, func, or_, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from quynhnhai_desktop.domain import clock, limits
from quynhnhai_desktop.domain import venues as rules
from quynhnhai_desktop.domain.catalog import venue_categories
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.text import clean, fold, sort_key
from quynhnhai_desktop.store.models import Venue, Village, utcnow

if TYPE_CHECKING:
    from quynhnhai_desktop.services.reference import ListEntry
    from quynhnhai_desktop.store.database import Database

log = logging.getLogger(__name__)

EARLIEST_REGISTRATION = dt.date(2020, 1, 1)  # the national QR platform opened in 2020
Order = Literal["name", "code", "village", "registered_on", "posters_printed"]


@dataclass(frozen=True)
class VenueDraft:
    """What the form or an import row holds before it is saved."""

    name: str
    category: str
    village_id: int | None = None
    address: str = ""
    contact_name: str = ""
    phone: str = ""
    registered: bool = False
    registered_on: dt.date | None = None
    qr_content: str = ""
    status: str = "active"
    code: str = ""  # "" on a new venue: "<commune code>-<next 4-digit number>"


@dataclass(frozen=True)
class VenueFilter:
    """What the list shows; None means "any"."""

    search: str = ""
    village_id: int | None = None
    category: str | None = None
    registered: bool | None = None
    status: str | None = None


@dataclass(frozen=True)
class VenueRow:
    """One line of the list (the village's name joined in)."""

    id: int
    code: str
    name: str
    category: str
    village_id: int | None
    village_name: str
    address: str
    contact_name: str
    phone: str
    registered: bool
    registered_on: dt.date | None
    qr_content: str
    status: str
    posters_printed: int
    last_printed_at: dt.datetime | None


@dataclass(frozen=True)
class VenueSummary:
    """The strip above the list (closed venues are counted apart)."""

    total: int
    registered: int
    official_qr: int
    posters_printed: int
    venues_with_posters: int
    closed: int


def _error(template: str, **params: object) -> UserError:
    return UserError("venues", template, **params)


def validate(draft: VenueDraft, *, today: dt.date | None = None) -> VenueDraft:
    """Return *draft* cleaned (NFC, trimmed, phone and code normalised) or raise UserError."""
    today = today or clock.today()
    name = clean(draft.name)
    if not name:
        raise _error(QT_TRANSLATE_NOOP("venues", "Enter the venue's name."))
    if draft.category not in {c.code for c in venue_categories()}:
        raise _error(
            QT_TRANSLATE_NOOP("venues", "Unknown venue category “{category}”."),
            category=draft.category,
        )
    if draft.status not in rules.STATUSES:
        raise _error(
            QT_TRANSLATE_NOOP("venues", "Unknown status “{status}”: use active or closed."),
            status=draft.status,
        )
    code = rules.check_code(draft.code) if draft.code.strip() else ""
    phone = rules.normalise_phone(draft.phone)
    # The official content is printed exactly as issued: only surrounding blanks go.
    qr_content = draft.qr_content.strip()
    if len(qr_content) > rules.MAX_QR_CONTENT:
        raise _error(
            QT_TRANSLATE_NOOP("venues", "The official QR content is longer than {max} characters."),
            max=rules.MAX_QR_CONTENT,
        )
    # An official code exists only for a registered venue.
    registered = draft.registered or bool(qr_content) or draft.registered_on is not None
    registered_on = draft.registered_on
    if registered_on is not None and not EARLIEST_REGISTRATION <= registered_on <= today:
        raise _error(
            QT_TRANSLATE_NOOP("venues", "The registration date must be between {first} and today."),
            first=EARLIEST_REGISTRATION.strftime("%d/%m/%Y"),
        )
    for label, text in (  # as they will be stored
        ("Tên địa điểm", name),
        ("Địa chỉ", clean(draft.address)),
        ("Người liên hệ", clean(draft.contact_name)),
        ("Nội dung mã QR", qr_content),
    ):
        control = limits.first_control(text)
        if control is not None:
            raise limits.control_error(label, control)
    for text, limit in ((name, 256), (draft.address, 512), (draft.contact_name, 128)):
        if len(clean(text)) > limit:
            raise _error(
                QT_TRANSLATE_NOOP("venues", "“{text}…” is too long (at most {max} characters)."),
                text=clean(text)[:30],
                max=limit,
            )
    return replace(
        draft,
        name=name,
        code=code,
        address=clean(draft.address),
        contact_name=clean(draft.contact_name),
        phone=phone,
        registered=registered,
        qr_content=qr_content,
    )


def next_code(session: Session, commune_code: str) -> str:
    """The next generated code: one more than the highest ``<commune>-NNNN`` in use."""
    codes = session.exec(
        select(Venue.code).where(col(Venue.code).startswith(f"{commune_code}-", autoescape=True))
    ).all()
    numbers = [n for n in (rules.sequence_of(commune_code, c) for c in codes) if n is not None]
    return rules.generated_code(commune_code, max(numbers, default=0) + 1)


def _check_village(session: Session, commune_code: str, village_id: int | None) -> None:
    if village_id is None:
        return
    village = session.get(Village, village_id)
    if village is None or village.commune_code != commune_code:
        raise _error(QT_TRANSLATE_NOOP("venues", "Choose a village of this commune."))


def _apply(venue: Venue, draft: VenueDraft) -> None:
    venue.name = draft.name
    venue.name_folded = fold(draft.name)
    venue.sort_key = sort_key(draft.name)
    venue.category = draft.category
    venue.village_id = draft.village_id
    venue.address = draft.address
    venue.contact_name = draft.contact_name
    venue.phone = draft.phone
    venue.registered = draft.registered
    venue.registered_on = draft.registered_on
    venue.qr_content = draft.qr_content
    venue.status = draft.status


def create(
    session: Session, commune_code: str, draft: VenueDraft, *, today: dt.date | None = None
) -> Venue:
    """Add a venue; the code is generated unless the draft gives one (which must be free)."""
    draft = validate(draft, today=today)
    _check_village(session, commune_code, draft.village_id)
    code = draft.code or next_code(session, commune_code)
    if find_by_code(session, code) is not None:
        raise _error(
            QT_TRANSLATE_NOOP("venues", "The code {code} is already used by another venue."),
            code=code,
        )
    venue = Venue(
        commune_code=commune_code,
        code=code,
        name="",
        name_folded="",
        sort_key=b"",
        category=draft.category,
    )
    _apply(venue, draft)
    session.add(venue)
    session.flush()
    log.info("venue %s created", code)
    return venue


def update_venue(
    session: Session, venue_id: int, draft: VenueDraft, *, today: dt.date | None = None
) -> Venue:
    """Save changes to a venue. Its code stays: posters on walls already carry it."""
    venue = get(session, venue_id)
    draft = validate(draft, today=today)
    if draft.code and draft.code != venue.code:
        raise _error(
            QT_TRANSLATE_NOOP(
                "venues", "A venue's code cannot change ({old}): printed posters carry it."
            ),
            old=venue.code,
        )
    _check_village(session, venue.commune_code, draft.village_id)
    _apply(venue, draft)
    venue.updated_at = utcnow()
    session.add(venue)
    session.flush()
    return venue


def get(session: Session, venue_id: int) -> Venue:
    venue = session.get(Venue, venue_id)
    if venue is None:
        raise _error(QT_TRANSLATE_NOOP("venues", "This venue no longer exists."))
    return venue


def find_by_code(session: Session, code: str) -> Venue | None:
    return session.exec(select(Venue).where(Venue.code == rules.normalise_code(code))).first()


def draft_of(venue: Venue) -> VenueDraft:
    """The draft that reproduces *venue* (the form starts from it)."""
    return VenueDraft(
        name=venue.name,
        category=venue.category,
        village_id=venue.village_id,
        address=venue.address,
        contact_name=venue.contact_name,
        phone=venue.phone,
        registered=venue.registered,
        registered_on=venue.registered_on,
        qr_content=venue.qr_content,
        status=venue.status,
        code=venue.code,
    )


# -- listing -----------------------------------------------------------------------------


def _conditions(commune_code: str, flt: VenueFilter) -> list[Any]:
    conditions: list[Any] = [Venue.commune_code == commune_code]
    for word in fold(clean(flt.search)).split():
        digits = "".join(ch for ch in word if ch.isdigit())
        alternatives = [
            col(Venue.name_folded).contains(word, autoescape=True),
            col(Venue.code).contains(word.upper(), autoescape=True),
        ]
        if len(digits) >= 3 and digits == word:
            alternatives.append(col(Venue.phone).contains(digits, autoescape=True))
        conditions.append(or_(*alternatives))
    if flt.village_id is not None:
        conditions.append(Venue.village_id == flt.village_id)
    if flt.category is not None:
        conditions.append(Venue.category == flt.category)
    if flt.registered is not None:
        conditions.append(Venue.registered == flt.registered)
    if flt.status is not None:
        conditions.append(Venue.status == flt.status)
    return conditions


def count(session: Session, commune_code: str, flt: VenueFilter = VenueFilter()) -> int:
    query = select(func.count()).select_from(Venue).where(*_conditions(commune_code, flt))
    return int(session.exec(query).one())


def _order_by(order: Order, descending: bool) -> list[Any]:
    columns: dict[Order, list[Any]] = {
        "name": [col(Venue.sort_key)],
        "code": [col(Venue.code)],
        "village": [col(Village.sort_key)],
        "registered_on": [col(Venue.registered_on)],
        "posters_printed": [col(Venue.posters_printed)],
    }
    chosen = [c.desc() if descending else c.asc() for c in columns[order]]
    if order in ("village", "registered_on"):  # "none" sorts last either way
        chosen = [c.nulls_last() for c in chosen]
    return [*chosen, col(Venue.sort_key), col(Venue.id)]


def page(
    session: Session,
    commune_code: str,
    flt: VenueFilter = VenueFilter(),
    *,
    order: Order = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[VenueRow]:
    """One page of the list, filtered and sorted in SQL."""
    query = (
        select(Venue, Village.name)
        .join(Village, col(Venue.village_id) == col(Village.id), isouter=True)
        .where(*_conditions(commune_code, flt))
        .order_by(*_order_by(order, descending))
        .offset(offset)
    )
    if limit is not None:
        query = query.limit(limit)
    return [_row(venue, village_name) for venue, village_name in session.exec(query)]


def rows_by_ids(session: Session, ids: Iterable[int]) -> list[VenueRow]:
    """The given venues, in list order (name)."""
    wanted = list(ids)
    query = (
        select(Venue, Village.name)
        .join(Village, col(Venue.village_id) == col(Village.id), isouter=True)
        .where(col(Venue.id).in_(wanted))
        .order_by(col(Venue.sort_key), col(Venue.id))
    )
    return [_row(venue, village_name) for venue, village_name in session.exec(query)]


def rows_by_codes(session: Session, commune_code: str, codes: Sequence[str]) -> list[VenueRow]:
    """The venues with these codes, in the order given; an unknown code is a UserError."""
    wanted = [rules.normalise_code(c) for c in codes]
    query = (
        select(Venue, Village.name)
        .join(Village, col(Venue.village_id) == col(Village.id), isouter=True)
        .where(col(Venue.code).in_(wanted), Venue.commune_code == commune_code)
    )
    found = {venue.code: _row(venue, village) for venue, village in session.exec(query)}
    missing = [c for c in wanted if c not in found]
    if missing:
        raise _error(
            QT_TRANSLATE_NOOP("venues", "No venue has the code {codes}."),
            codes=", ".join(missing),
        )
    return [found[c] for c in dict.fromkeys(wanted)]


def _row(venue: Venue, village_name: str | None) -> VenueRow:
    assert venue.id is not None
    return VenueRow(
        id=venue.id,
        code=venue.code,
        name=venue.name,
        category=venue.category,
        village_id=venue.village_id,
        village_name=village_name or "",
        address=venue.address,
        contact_name=venue.contact_name,
        phone=venue.phone,
        registered=venue.registered,
        registered_on=venue.registered_on,
        qr_content=venue.qr_content,
        status=venue.status,
        posters_printed=venue.posters_printed,
        last_printed_at=venue.last_printed_at,
    )


def summary(session: Session, commune_code: str) -> VenueSummary:
    """Counts for the summary strip, in one query."""
    active = col(Venue.status) == "active"
    query = sa_select(
        func.count(case((active, 1))),
        func.count(case((and_(active, col(Venue.registered)), 1))),
        func.count(case((and_(active, col(Venue.qr_content) != ""), 1))),
        func.coalesce(func.sum(Venue.posters_printed), 0),
        func.count(case((col(Venue.posters_printed) > 0, 1))),
        func.count(case((col(Venue.status) == "closed", 1))),
    ).where(col(Venue.commune_code) == commune_code)
    total, registered, official, posters, with_posters, closed = session.execute(query).one()
    return VenueSummary(
        int(total), int(registered), int(official), int(posters), int(with_posters), int(closed)
    )


def record_printed(
    session: Session, venue_ids: Iterable[int], *, when: dt.datetime | None = None
) -> int:
    """Count one more poster for each venue id (once per appearance) and stamp the time."""
    counts: dict[int, int] = {}
    for venue_id in venue_ids:
        counts[venue_id] = counts.get(venue_id, 0) + 1
    stamp = when or utcnow()
    for venue_id, copies in counts.items():
        session.execute(
            update(Venue)
            .where(col(Venue.id) == venue_id)
            .values(posters_printed=col(Venue.posters_printed) + copies, last_printed_at=stamp)
        )
    return sum(counts.values())


# -- what the venue form calls: one transaction each, plain data back ------------------------


@dataclass(frozen=True)
class VenueForm:
    """What the venue form starts from: the venue (None for a new one), the villages it
    may name and the code a new venue would get."""

    venue: VenueRow | None
    villages: tuple[ListEntry, ...]
    next_code: str


def form(db: Database, commune_code: str, venue_id: int | None) -> VenueForm:
    from quynhnhai_desktop.services import reference

    with db.read_session() as session:
        villages = tuple(
            reference.ListEntry(v.id or 0, v.name, v.active)
            for v in reference.list_villages(session, commune_code)
        )
        venue = None
        if venue_id is not None:
            found = get(session, venue_id)
            village = session.get(Village, found.village_id) if found.village_id else None
            venue = _row(found, village.name if village is not None else None)
        return VenueForm(venue, villages, next_code(session, commune_code))


def save(db: Database, commune_code: str, venue_id: int | None, draft: VenueDraft) -> int:
    """Create (*venue_id* None) or update a venue in one transaction; its id."""
    with db.session() as session:
        if venue_id is None:
            venue = create(session, commune_code, draft)
        else:
            venue = update_venue(session, venue_id, draft)
        assert venue.id is not None  # flushed
        return venue.id


@dataclass(frozen=True)
class VenueListing:
    """One page of the list and how many venues match the filter (one read, consistent)."""

    total: int
    rows: tuple[VenueRow, ...]


def listing(
    db: Database,
    commune_code: str,
    flt: VenueFilter = VenueFilter(),
    *,
    order: Order = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> VenueListing:
    """The list page's rows from *offset* (``limit=0``: the count only)."""
    with db.read_session() as session:
        total = count(session, commune_code, flt)
        rows = (
            page(
                session,
                commune_code,
                flt,
                order=order,
                descending=descending,
                offset=offset,
                limit=limit,
            )
            if limit != 0
            else []
        )
        return VenueListing(total, tuple(rows))


def summary_of(db: Database, commune_code: str) -> VenueSummary:
    """The strip above the list."""
    with db.read_session() as session:
        return summary(session, commune_code)
