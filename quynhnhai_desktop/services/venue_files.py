"""Venues in and out of spreadsheets (CSV or XLSX), all or nothing.

Columns: ``code, name, category, village, address, contact_name, phone, registered,
registered_on, qr_content, status``; headers may also be the Vietnamese or English labels.
A row whose code exists updates that venue (columns missing from the file keep their
values); a row without a code, or with a new one, adds a venue. Every row is checked before
anything is written: one bad row refuses the whole file, naming each bad row.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlmodel import Session

from quynhnhai_desktop.domain import venues as rules
from quynhnhai_desktop.domain.catalog import lookup, venue_categories
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.domain.names import choices, proper_case
from quynhnhai_desktop.domain.text import clean, fold
from quynhnhai_desktop.services import reference, venues
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.services.tabular import ImportRefused, Row, RowProblem, read_table
from quynhnhai_desktop.services.tabular import write_table as _write_table
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.models import Village

log = logging.getLogger(__name__)

COLUMNS = (
    "code",
    "name",
    "category",
    "village",
    "address",
    "contact_name",
    "phone",
    "registered",
    "registered_on",
    "qr_content",
    "status",
)
# Header cells a clerk may have typed instead of the codes (accents and case are ignored).
_LABELS = {
    "code": ("mã", "mã địa điểm", "venue code"),
    "name": ("tên", "tên địa điểm", "venue", "venue name"),
    "category": ("loại", "loại địa điểm", "loại hình"),
    "village": ("bản", "thôn bản", "bản/tổ dân phố", "thôn"),
    "address": ("địa chỉ",),
    "contact_name": ("người liên hệ", "contact", "liên hệ"),
    "phone": ("điện thoại", "số điện thoại", "sđt", "telephone"),
    "registered": ("đã đăng ký", "đăng ký"),
    "registered_on": ("ngày đăng ký", "registration date"),
    "qr_content": ("nội dung mã qr", "mã qr chính thức", "qr", "official qr content"),
    "status": ("trạng thái", "tình trạng"),
}
HEADERS = {column: column for column in COLUMNS} | {
    label: column for column, labels in _LABELS.items() for label in labels
}
_YES = {"1", "x", "co", "yes", "y", "true", "da dang ky", "dang ky", "roi"}
_NO = {"", "0", "khong", "no", "n", "false", "chua", "chua dang ky"}
_STATUS = {
    "active": "active",
    "dang hoat dong": "active",
    "hoat dong": "active",
    "mo cua": "active",
    "closed": "closed",
    "da dong cua": "closed",
    "dong cua": "closed",
    "ngung hoat dong": "closed",
}
STATUS_LABELS = {"active": "đang hoạt động", "closed": "đã đóng cửa"}


class UnknownVillage(UserError):
    """A row names a village the list does not have (the GUI offers to add them)."""


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    villages_created: list[str] = field(default_factory=list)


def _row_error(template: str, **params: object) -> UserError:
    return UserError("venue_files", template, **params)


def _category(text: str) -> str:
    """The category a clerk wrote: its code, a label or a part ("cửa hàng")."""
    found = lookup(venue_categories(), text)
    if found.item is not None:
        return found.item.code
    if found.ambiguous:
        raise _row_error(
            QT_TRANSLATE_NOOP(
                "venue_files", "The category “{text}” could be {choices}: write one of them."
            ),
            text=text,
            choices=choices(c.vi for c in found.candidates),
        )
    raise _row_error(
        QT_TRANSLATE_NOOP("venue_files", "Unknown category “{text}”; use one of: {choices}."),
        text=text,
        choices=choices(c.vi for c in venue_categories()),
    )


def _yes_no(text: str) -> bool:
    folded = fold(text)
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise _row_error(
        QT_TRANSLATE_NOOP("venue_files", "“{text}” in column registered: write có or không."),
        text=text,
    )


def _date(text: str) -> dt.date | None:
    if not text:
        return None
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise _row_error(
        QT_TRANSLATE_NOOP("venue_files", "“{text}” is not a date; write dd/mm/yyyy."), text=text
    )


def _status(text: str) -> str:
    found = _STATUS.get(fold(text) or "active")
    if found is None:
        raise _row_error(
            QT_TRANSLATE_NOOP(
                "venue_files", "Unknown status “{text}”; write đang hoạt động or đã đóng cửa."
            ),
            text=text,
        )
    return found


@dataclass
class _Planned:
    row: int
    draft: venues.VenueDraft
    village: str  # the village's name as written ("" for none)
    venue_id: int | None  # None: a new venue


def import_file(db: Database, path: Path, *, create_missing: bool = False) -> ImportSummary:
    """Import venues from *path*; raises ImportRefused (every bad row) and writes nothing.

    With *create_missing*, villages the register does not know yet are added; without it
    they are errors, so a typo never invents a village.
    """
    table = read_table(Path(path), HEADERS, required=["name"])
    present = set(table.columns)
    problems: list[RowProblem] = list(table.problems)
    planned: list[_Planned] = []
    with db.session() as session:
        profile = require_profile(session)
        commune = profile.unit_code
        known = reference.list_villages(session, commune)
        villages = {v.name_folded: v for v in known}
        missing_villages: dict[str, str] = {}
        seen_codes: dict[str, int] = {}
        for row in table.rows:
            try:
                plan = _plan(session, commune, row, present, villages, seen_codes)
            except UserError as error:
                problems.append(RowProblem(row.number, error))
                continue
            if plan.village:
                found = reference.match(known, plan.village)
                if found.item is not None:  # "Pá Uôn" is "Bản Pá Uôn"
                    plan = replace(plan, village=found.item.name)
                elif found.ambiguous:
                    problems.append(
                        RowProblem(row.number, reference.ambiguous_name(plan.village, found))
                    )
                    continue
            if plan.village and fold(plan.village) not in villages:
                if create_missing:
                    missing_villages.setdefault(fold(plan.village), proper_case(plan.village))
                else:
                    problems.append(
                        RowProblem(
                            row.number,
                            UnknownVillage(
                                "venue_files",
                                QT_TRANSLATE_NOOP(
                                    "venue_files",
                                    "Unknown village “{village}”: add it to the list first, "
                                    "or import with the option to create missing villages.",
                                ),
                                village=plan.village,
                            ),
                        )
                    )
                    continue
            planned.append(plan)
        if problems:
            raise ImportRefused(sorted(problems, key=lambda p: p.row))
        summary = ImportSummary()
        for name in missing_villages.values():
            village = reference.add_village(session, commune, name)
            villages[village.name_folded] = village
            summary.villages_created.append(village.name)
        # Rows that name their own new code go first, so generated codes never take them.
        planned.sort(key=lambda p: (p.venue_id is None and not p.draft.code, p.row))
        for plan in planned:
            village_id = villages[fold(plan.village)].id if plan.village else None
            draft = replace(plan.draft, village_id=village_id)
            try:
                if plan.venue_id is None:
                    venues.create(session, commune, draft)
                    summary.created += 1
                else:
                    venues.update_venue(session, plan.venue_id, draft)
                    summary.updated += 1
            except UserError as error:  # e.g. a code taken meanwhile: still all or nothing
                raise ImportRefused([RowProblem(plan.row, error)]) from error
    log.info("venues imported from %s: %s", Path(path).name, summary)
    return summary


def _plan(
    session: Session,
    commune: str,
    row: Row,
    present: set[str],
    villages: dict[str, Village],
    seen_codes: dict[str, int],
) -> _Planned:
    values = row.values
    code = rules.check_code(values["code"]) if values.get("code") else ""
    if code:
        if code in seen_codes:
            raise _row_error(
                QT_TRANSLATE_NOOP("venue_files", "The code {code} is also on row {other}."),
                code=code,
                other=seen_codes[code],
            )
        seen_codes[code] = row.number
    existing = venues.find_by_code(session, code) if code else None
    if existing is not None and existing.commune_code != commune:
        raise _row_error(
            QT_TRANSLATE_NOOP("venue_files", "The code {code} belongs to another commune."),
            code=code,
        )
    base = venues.draft_of(existing) if existing is not None else None
    village_name = ""
    if "village" in present:
        village_name = clean(values["village"])
    elif existing is not None and existing.village_id is not None:
        village_name = next((v.name for v in villages.values() if v.id == existing.village_id), "")

    def pick(column: str, default: str) -> str:
        return values[column] if column in present else default

    category_text = pick("category", base.category if base else "")
    if not category_text:
        raise _row_error(QT_TRANSLATE_NOOP("venue_files", "Choose a category."))
    registered_on = (
        _date(values["registered_on"])
        if "registered_on" in present
        else (base.registered_on if base else None)
    )
    registered = (
        _yes_no(values["registered"]) if "registered" in present else bool(base and base.registered)
    )
    draft = venues.VenueDraft(
        name=pick("name", base.name if base else ""),
        category=_category(category_text),
        address=pick("address", base.address if base else ""),
        contact_name=pick("contact_name", base.contact_name if base else ""),
        phone=pick("phone", base.phone if base else ""),
        registered=registered,
        registered_on=registered_on,
        qr_content=pick("qr_content", base.qr_content if base else ""),
        status=_status(values["status"])
        if "status" in present
        else (base.status if base else "active"),
        code=code,
    )
    draft = venues.validate(draft)  # every rule the form applies, before anything is written
    return _Planned(row.number, draft, village_name, existing.id if existing else None)


def export_file(db: Database, path: Path) -> int:
    """Write every venue of the commune (closed ones too) to *path*; returns how many."""
    labels = {c.code: c.vi for c in venue_categories()}
    with db.session() as session:
        profile = require_profile(session)
        rows = venues.page(session, profile.unit_code, order="code")
    _write_table(
        Path(path),
        COLUMNS,
        (
            [
                row.code,
                row.name,
                labels.get(row.category, row.category),
                row.village_name,
                row.address,
                row.contact_name,
                rules.format_phone(row.phone),  # spaced: Excel keeps the leading 0
                "có" if row.registered else "không",
                row.registered_on.strftime("%d/%m/%Y") if row.registered_on else "",
                row.qr_content,
                STATUS_LABELS.get(row.status, row.status),
            ]
            for row in rows
        ),
    )
    return len(rows)
