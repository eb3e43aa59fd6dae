"""Printing venue QR posters: pick the venues, draw the PDF, check every code, save or print.

A job is built in memory, then self-checked (every QR rendered and decoded), and only then
handed out: to a file (atomically) or to the printer by the GUI. Either way the venues'
posters-printed counts go up once the output exists.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain import venues as rules
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
from quynhnhai_desktop.services import venues
from quynhnhai_desktop.services.profile import require_profile
from quynhnhai_desktop.store.database import Database
from quynhnhai_desktop.store.files import FileWriteFailed, atomic_write_bytes
from quynhnhai_desktop.store.models import Profile

if TYPE_CHECKING:  # reportlab loads with the first poster, not with the register
    from quynhnhai_desktop.output.posters import Heading
    from quynhnhai_desktop.output.raster import PdfRaster

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
LAYOUTS = ("a4", "a5", "stickers")


@dataclass(frozen=True)
class PosterJob:
    """A checked PDF, ready to save or print."""

    pdf: bytes
    layout: str
    pages: int
    venue_ids: tuple[int, ...]
    local_codes: int  # how many venues got the commune's own code
    checked: int  # how many QR codes the self-check decoded


def heading_for(profile: Profile, today: dt.date) -> Heading:
    """The issuing body as the poster prints it: ỦY BAN NHÂN DÂN / XÃ MƯỜNG GIÀNG."""
    from quynhnhai_desktop.output.posters import Heading

    unit = f"{profile.unit_kind} {profile.unit_name}"
    return Heading(
        authority_lines=("ỦY BAN NHÂN DÂN", unit.upper()),
        authority_name=f"UBND {profile.unit_kind.lower()} {profile.unit_name}",
        printed_on=today,
    )


def _select(
    db: Database, codes: Sequence[str] | None, ids: Sequence[int] | None
) -> tuple[Profile, list[venues.VenueRow]]:
    with db.session() as session:
        profile = require_profile(session)
        if codes:
            rows = venues.rows_by_codes(session, profile.unit_code, codes)
        elif ids:
            rows = venues.rows_by_ids(session, ids)
        else:  # the whole register: every venue still open
            rows = venues.page(session, profile.unit_code, venues.VenueFilter(status="active"))
    if not rows:
        raise UserError(
            "posters", QT_TRANSLATE_NOOP("posters", "There is no venue to print a poster for.")
        )
    return profile, rows


def build(
    db: Database,
    *,
    raster: PdfRaster,
    layout: str = "a4",
    codes: Sequence[str] | None = None,
    ids: Sequence[int] | None = None,
    progress: Progress | None = None,
    today: dt.date | None = None,
) -> PosterJob:
    """Draw and self-check the posters of the chosen venues (by code, by id, or all open).

    *raster* opens the finished PDF for the self-check to render (the GUI and the CLI pass
    QtPdf's, ``pdf_raster.open_pdf``; the core itself needs no Qt).
    *progress(done, total)* is called as the work advances (drawing, then checking); it may
    raise to cancel. Raises QrCheckFailed when any code does not decode to its content.
    """
    from quynhnhai_desktop.output import posters as output
    from quynhnhai_desktop.output import qrcheck

    if layout not in LAYOUTS:
        raise UserError(
            "posters",
            QT_TRANSLATE_NOOP("posters", "Unknown layout {layout}: use a4, a5 or stickers."),
            layout=layout,
        )
    profile, rows = _select(db, codes, ids)
    items = []
    for row in rows:
        payload, local = rules.qr_payload(row.code, row.qr_content)
        items.append(output.PosterItem(row.code, row.name, row.address, payload, local))
    total = 2 * len(items)

    def drawn(done: int, _total: int) -> None:
        if progress is not None:
            progress(done, total)

    def checked(done: int, _total: int) -> None:
        if progress is not None:
            progress(len(items) + done, total)

    heading = heading_for(profile, today or clock.today())
    sheet = output.render(items, layout, heading, progress=drawn)  # type: ignore[arg-type]
    count = qrcheck.verify(sheet.pdf, sheet.placements, raster=raster, progress=checked)
    log.info("%d %s posters drawn and checked (%d bytes)", len(items), layout, len(sheet.pdf))
    return PosterJob(
        pdf=sheet.pdf,
        layout=layout,
        pages=sheet.pages,
        venue_ids=tuple(row.id for row in rows),
        local_codes=sum(item.local for item in items),
        checked=count,
    )


def record_printed(db: Database, job: PosterJob) -> None:
    """The job reached paper or a file: one more poster for each of its venues."""
    with db.session() as session:
        venues.record_printed(session, job.venue_ids)


def save(db: Database, job: PosterJob, path: Path) -> None:
    """Write the checked PDF atomically and count the posters as printed."""
    path = Path(path)
    try:
        atomic_write_bytes(path, job.pdf)
    except FileWriteFailed:
        raise  # already says what to do (a full disk, the PDF open in a viewer)
    except OSError as exc:
        raise UserError(
            "posters",
            QT_TRANSLATE_NOOP("posters", "Cannot write “{path}”: {reason}"),
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc
    record_printed(db, job)
