"""`report monthly` and `report range`: the report to the district, headless.

    quynhnhai report monthly --month 2021-09 [--rule calendar|statistical] [--pdf F] [--xlsx F]
    quynhnhai report range --from 2021-09-06 --to 2021-09-12 [--pdf F] [--xlsx F]

Prints the short summary of the key figures; writes the PDF and the Excel copy when asked.
The texts (number, date, results, difficulties, proposals) are the ones saved in the app,
or the draft. Services are imported inside the handlers (start-up time of the GUI).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quynhnhai_desktop import i18n
from quynhnhai_desktop.cli.context import (
    EXIT_OK,
    CliContext,
    add_month_options,
    campaign_option,
    month_from,
)

if TYPE_CHECKING:
    from quynhnhai_desktop.domain.periods import Period


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help=i18n.translate("cli", "Make the report to the district"))
    kinds = report.add_subparsers(dest="report_kind", metavar="KIND", required=True)

    monthly = kinds.add_parser("monthly", help=i18n.translate("cli", "The monthly report"))
    add_month_options(monthly)
    _outputs(monthly)
    campaign_option(monthly)
    monthly.set_defaults(handler=run_monthly)

    # The same command as `district report`, at every level that consolidates.
    from quynhnhai_desktop.cli.package_commands import run_report as run_consolidated

    consolidated = kinds.add_parser(
        "consolidated",
        help=i18n.translate(
            "cli", "The consolidated report of the units reporting here (district, province)"
        ),
    )
    add_month_options(consolidated)
    consolidated.add_argument(
        "--pdf", type=Path, metavar="FILE", help=i18n.translate("cli", "Write the PDF here")
    )
    consolidated.add_argument(
        "--xlsx", type=Path, metavar="FILE", help=i18n.translate("cli", "Write the Excel copy here")
    )
    campaign_option(consolidated)
    consolidated.set_defaults(handler=run_consolidated)

    span = kinds.add_parser("range", help=i18n.translate("cli", "A report for any range of days"))
    span.add_argument(
        "--from",
        dest="first",
        required=True,
        metavar="DAY",
        help=i18n.translate("cli", "First day, YYYY-MM-DD or DD/MM/YYYY"),
    )
    span.add_argument(
        "--to",
        dest="last",
        required=True,
        metavar="DAY",
        help=i18n.translate("cli", "Last day, YYYY-MM-DD or DD/MM/YYYY"),
    )
    _outputs(span)
    campaign_option(span)
    span.set_defaults(handler=run_range)


def _outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pdf", metavar="FILE", help=i18n.translate("cli", "Write the PDF here"))
    parser.add_argument(
        "--xlsx", metavar="FILE", help=i18n.translate("cli", "Write the Excel copy here")
    )


def run_monthly(ctx: CliContext, args: argparse.Namespace) -> int:
    return _make(ctx, args, month_from(args))


def run_range(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.periods import date_range, parse_day

    return _make(ctx, args, date_range(parse_day(args.first), parse_day(args.last)))


def _make(ctx: CliContext, args: argparse.Namespace, period: Period) -> int:
    from quynhnhai_desktop.domain.report_text import summary_text
    from quynhnhai_desktop.services import report_read
    from quynhnhai_desktop.services.identity import installed_fingerprint

    fingerprint = installed_fingerprint(ctx.paths.keys_dir)
    campaign_id = getattr(args, "campaign", None)
    made: report_read.Printable
    conn = ctx.current_database()
    if conn is not None:  # the same reading as the window's, without importing the ORM
        from quynhnhai_desktop.domain.campaign_choice import ReportCatalog, first_report_catalog
        from quynhnhai_desktop.store.plain import reading

        with reading(conn):
            made = report_read.read_report(
                conn,
                period,
                campaign_of=lambda stored: ReportCatalog.read(stored.source),
                first=first_report_catalog,
                fingerprint=fingerprint,
                campaign_id=campaign_id,
            )
    else:  # a new or older database: opened (created, migrated) the ordinary way
        from quynhnhai_desktop.services import report

        made = report.prepare(ctx.db, period, fingerprint=fingerprint, campaign_id=campaign_id)
    ctx.out(summary_text(made.data))
    if args.pdf:
        path = report_read.write_pdf(made, Path(args.pdf))
        ctx.out(i18n.translate("cli", "PDF saved: {path}").format(path=path))
    if args.xlsx:
        path = report_read.write_xlsx(made, Path(args.xlsx))
        ctx.out(i18n.translate("cli", "Excel copy saved: {path}").format(path=path))
    return EXIT_OK
