"""`activities import | export | list`: the activity log from the command line.

Services are imported inside the handlers (this module loads on every start, the GUI's too).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quynhnhai_desktop import i18n
from quynhnhai_desktop.cli.context import (
    EXIT_OK,
    EXIT_USER_ERROR,
    CliContext,
    campaign_option,
    problem_lines,
)

if TYPE_CHECKING:
    from quynhnhai_desktop.services.activity_queries import ActivityFilter


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "activities", help=i18n.translate("cli", "Import, export or list outreach activities")
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)

    imp = actions.add_parser(
        "import", help=i18n.translate("cli", "Import activities from a .csv or .xlsx file")
    )
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument(
        "--create-missing",
        action="store_true",
        help=i18n.translate("cli", "Add villages and teams the file names but the lists lack"),
    )
    campaign_option(imp)
    imp.set_defaults(handler=run_import)

    exp = actions.add_parser(
        "export",
        help=i18n.translate("cli", "Write activities to a .csv or .xlsx file (by its extension)"),
    )
    exp.add_argument("file", metavar="FILE", type=Path)
    _month_option(exp)
    campaign_option(exp)
    exp.set_defaults(handler=run_export)

    show = actions.add_parser("list", help=i18n.translate("cli", "Print activities and totals"))
    _month_option(show)
    campaign_option(show)
    show.set_defaults(handler=run_list)


def _month_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--month",
        metavar="YYYY-MM",
        help=i18n.translate("cli", "Only this month (default: every month)"),
    )


def _filter(ctx: CliContext, month: str | None, campaign_id: str | None = None) -> ActivityFilter:
    from quynhnhai_desktop.domain.periods import calendar_month, parse_month
    from quynhnhai_desktop.services import campaigns
    from quynhnhai_desktop.services.activity_queries import ActivityFilter
    from quynhnhai_desktop.services.profile import require

    commune = require(ctx.db).unit_code
    shown = campaigns.scope_for(ctx.db, campaigns.campaign_for(ctx.db, campaign_id))
    if not month:
        return ActivityFilter(commune, campaign_id=shown)
    period = calendar_month(*parse_month(month))
    return ActivityFilter(commune, start=period.start, end=period.end, campaign_id=shown)


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import activity_io
    from quynhnhai_desktop.services.tabular import ImportRefused

    try:
        result = activity_io.import_file(
            ctx.db, args.file, create_missing=args.create_missing, campaign_id=args.campaign
        )
    except ImportRefused as refused:
        ctx.error(refused)
        for line in problem_lines(refused.problems):
            print(line, file=sys.stderr)
        return EXIT_USER_ERROR
    for name in result.created_villages:
        ctx.out(i18n.translate("cli", "Village added to the list: {name}").format(name=name))
    for name in result.created_teams:
        ctx.out(i18n.translate("cli", "Team added to the list: {name}").format(name=name))
    ctx.out(
        i18n.translate(
            "cli", "{added} activities imported; {skipped} were already recorded."
        ).format(added=result.added, skipped=result.skipped)
    )
    if result.similar:
        ctx.out(
            i18n.translate(
                "cli",
                "{count} imported activities share date, team, form and village with one "
                "recorded before: check them for duplicates.",
            ).format(count=result.similar)
        )
    return EXIT_OK


def run_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import activity_io

    flt = _filter(ctx, args.month, args.campaign)
    count = activity_io.export_file(ctx.db, args.file, flt, args.campaign)
    ctx.out(
        i18n.translate("cli", "{count} activities written to {file}.").format(
            count=count, file=args.file
        )
    )
    return EXIT_OK


def _number(value: int) -> str:
    """1.234 in Vietnamese, 1,234 in English."""
    text = f"{value:,}"
    return text.replace(",", ".") if i18n.current_lang() == "vi" else text


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.dates import format_date
    from quynhnhai_desktop.services import activity_queries as queries
    from quynhnhai_desktop.services.campaigns import campaign_for

    catalog = campaign_for(ctx.db, args.campaign)
    lang = ctx.lang
    flt = _filter(ctx, args.month, args.campaign)
    whole = i18n.translate("cli", "Whole commune")
    columns = [c for c in catalog.list_columns if c.cli]
    ctx.out(
        "\t".join(
            (
                i18n.translate("cli", "Date"),
                i18n.translate("cli", "Village"),
                i18n.translate("cli", "Team"),
                i18n.translate("cli", "Form"),
                *(c.long_label(lang) for c in columns),
                i18n.translate("cli", "Note"),
            )
        )
    )

    def print_row(row: queries.ActivityRow) -> None:
        figures = [sum(row.values.get(i, 0) for i in c.indicators) for c in columns]
        counts = [_number(n) if n else "" for n in figures]
        ctx.out(
            "\t".join(
                (
                    format_date(row.date),
                    row.village or whole,
                    row.team,
                    catalog.form(row.form_code).label(lang),
                    *counts,
                    row.note,
                )
            )
        )

    totals = queries.each_row_then_totals(ctx.db, flt, catalog, print_row)
    parts = [
        f"{catalog.indicator(code).label(lang)} {_number(totals.values[code])}"
        for code in catalog.totals_indicators()
        if totals.values.get(code)
    ]
    ctx.out(
        i18n.translate("cli", "Total: {count} activities; {counts}").format(
            count=_number(totals.activities), counts=", ".join(parts) or "—"
        )
    )
    return EXIT_OK
