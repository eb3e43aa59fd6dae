"""`venues import|export|list` and `qr posters`: the venue register and its QR posters.

Services are imported inside the handlers: this module is imported on every start,
including the GUI's, which must not pay for sqlmodel or reportlab before its window shows.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quynhnhai_desktop import i18n
from quynhnhai_desktop.cli.context import EXIT_OK, CliContext, problem_lines


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    venues = sub.add_parser("venues", help=i18n.translate("cli", "The venue register"))
    actions = venues.add_subparsers(dest="venues_command", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import", help=i18n.translate("cli", "Import venues from a .csv or .xlsx file")
    )
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument(
        "--create-missing",
        action="store_true",
        help=i18n.translate("cli", "Add villages the list does not have yet"),
    )
    imp.set_defaults(handler=run_import)
    exp = actions.add_parser(
        "export", help=i18n.translate("cli", "Export every venue to a .csv or .xlsx file")
    )
    exp.add_argument("file", metavar="FILE", type=Path)
    exp.set_defaults(handler=run_export)
    lst = actions.add_parser("list", help=i18n.translate("cli", "List the venues"))
    lst.add_argument(
        "--search", default="", help=i18n.translate("cli", "Only venues matching this text")
    )
    lst.set_defaults(handler=run_list)

    qr = sub.add_parser("qr", help=i18n.translate("cli", "QR-code posters for the venues"))
    qr_actions = qr.add_subparsers(dest="qr_command", metavar="ACTION", required=True)
    posters = qr_actions.add_parser(
        "posters", help=i18n.translate("cli", "Make a checked PDF of QR posters")
    )
    posters.add_argument("--out", metavar="FILE.pdf", type=Path, required=True)
    posters.add_argument("--layout", choices=("a4", "a5", "stickers"), default="a4")
    posters.add_argument(
        "--venue",
        metavar="CODE",
        nargs="+",
        action="extend",
        help=i18n.translate("cli", "Only these venues (default: every open venue)"),
    )
    posters.set_defaults(handler=run_posters)


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import venue_files
    from quynhnhai_desktop.services.tabular import ImportRefused

    try:
        summary = venue_files.import_file(ctx.db, args.file, create_missing=args.create_missing)
    except ImportRefused as refused:
        for line in problem_lines(refused.problems):
            ctx.out(line)
        raise
    if summary.villages_created:
        ctx.out(
            i18n.translate("cli", "Villages added: {names}").format(
                names=", ".join(summary.villages_created)
            )
        )
    ctx.out(
        i18n.translate("cli", "Venues imported: {created} new, {updated} updated.").format(
            created=summary.created, updated=summary.updated
        )
    )
    return EXIT_OK


def run_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import venue_files

    count = venue_files.export_file(ctx.db, args.file)
    ctx.out(
        i18n.translate("cli", "{count} venues written to {path}.").format(
            count=count, path=args.file
        )
    )
    return EXIT_OK


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.catalog import venue_categories
    from quynhnhai_desktop.domain.venues import format_phone
    from quynhnhai_desktop.services import venues
    from quynhnhai_desktop.services.profile import require

    unit_code = require(ctx.db).unit_code
    rows = venues.listing(ctx.db, unit_code, venues.VenueFilter(search=args.search)).rows
    summary = venues.summary_of(ctx.db, unit_code)
    labels = {c.code: c.label(ctx.lang) for c in venue_categories()}
    official = i18n.translate("cli", "official QR")
    local = i18n.translate("cli", "local QR")
    closed = i18n.translate("cli", "closed")
    for row in rows:
        cells = [
            row.code,
            row.name,
            labels.get(row.category, row.category),
            row.village_name or "—",
            format_phone(row.phone) or "—",
            official if row.qr_content else local,
            i18n.translate("cli", "{count} posters").format(count=row.posters_printed),
        ]
        if row.status == "closed":
            cells.append(closed)
        ctx.out(" | ".join(cells))
    ctx.out(
        i18n.translate(
            "cli",
            "{total} open venues, {registered} registered, {official} with official QR, "
            "{posters} posters printed.",
        ).format(
            total=summary.total,
            registered=summary.registered,
            official=summary.official_qr,
            posters=summary.posters_printed,
        )
    )
    return EXIT_OK


def run_posters(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.pdf_raster import open_pdf
    from quynhnhai_desktop.services import posters

    job = posters.build(ctx.db, raster=open_pdf, layout=args.layout, codes=args.venue)
    posters.save(ctx.db, job, args.out)
    ctx.out(
        i18n.translate(
            "cli",
            "{count} posters ({pages} pages, {local} with the commune's local code) saved to "
            "{path}; every QR code was decoded and checked.",
        ).format(count=len(job.venue_ids), pages=job.pages, local=job.local_codes, path=args.out)
    )
    return EXIT_OK
