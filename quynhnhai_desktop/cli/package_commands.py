"""`package export|import` and `district status|replace-key`: the report file on the USB stick.

Services are imported inside the handlers (start-up time; see cli/setup_commands.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from quynhnhai_desktop import i18n
from quynhnhai_desktop.cli.context import EXIT_OK, EXIT_USER_ERROR, CliContext

COMMANDS = ("package", "district")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pkg = sub.add_parser("package", help=i18n.translate("cli", "Report packages (.qnbc files)"))
    pkg_sub = pkg.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    exp = pkg_sub.add_parser(
        "export", help=i18n.translate("cli", "Write this commune's report file (for the district)")
    )
    exp.add_argument("--month", required=True, metavar="YYYY-MM")
    exp.add_argument(
        "--rule",
        choices=("calendar", "statistical"),
        default="calendar",
        help=i18n.translate(
            "cli", "calendar: 1st to last day; statistical: 15th to 14th (Decree 09/2019)"
        ),
    )
    exp.add_argument("--out", required=True, type=Path, metavar="DIR")
    exp.set_defaults(handler=run_export)
    imp = pkg_sub.add_parser(
        "import", help=i18n.translate("cli", "Import communes' report files (district)")
    )
    imp.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR")
    imp.set_defaults(handler=run_import)

    dist = sub.add_parser("district", help=i18n.translate("cli", "District: who has reported"))
    dist_sub = dist.add_subparsers(dest="district_command", metavar="ACTION", required=True)
    status = dist_sub.add_parser(
        "status", help=i18n.translate("cli", "Which communes have reported for a month")
    )
    status.add_argument("--month", required=True, metavar="YYYY-MM")
    status.set_defaults(handler=run_status)
    key = dist_sub.add_parser(
        "replace-key",
        help=i18n.translate("cli", "Trust the new key of a reinstalled commune PC (from its file)"),
    )
    key.add_argument("file", type=Path, metavar="FILE")
    key.set_defaults(handler=run_replace_key)


def run_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.periods import month_period, parse_month
    from quynhnhai_desktop.services import package_export

    year, month = parse_month(args.month)
    result = package_export.export(
        ctx.db, ctx.paths, month_period(year, month, args.rule), args.out
    )
    template = (
        i18n.translate("cli", "Nothing changed since revision {revision}: {path} (checked).")
        if result.reused
        else i18n.translate("cli", "Written and checked: {path} (revision {revision}).")
    )
    ctx.out(template.format(path=result.path, revision=result.revision))
    ctx.out(
        i18n.translate("cli", "Signing key: {fingerprint}").format(fingerprint=result.fingerprint)
    )
    return EXIT_OK


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import district

    results = district.import_files(ctx.db, args.paths)
    labels = {
        district.Outcome.IMPORTED: i18n.translate("cli", "imported"),
        district.Outcome.REPLACED: i18n.translate("cli", "imported, replaces the earlier revision"),
        district.Outcome.ALREADY: i18n.translate("cli", "already imported"),
        district.Outcome.OLDER: i18n.translate("cli", "older revision, kept in the history"),
    }
    for result in results:
        if result.error is not None:
            what = i18n.translate("cli", "REFUSED: {reason}").format(
                reason=i18n.message(result.error)
            )
        else:
            what = labels[result.outcome]
            if result.commune:
                what = f"{result.commune} r{result.revision}: {what}"
        ctx.out(f"{result.path.name}: {what}")
    if not results:
        ctx.out(i18n.translate("cli", "No report files (.qnbc) found."))
        return EXIT_USER_ERROR
    refused = sum(r.outcome is district.Outcome.REFUSED for r in results)
    ctx.out(
        i18n.translate("cli", "{ok} of {total} file(s) imported or already there.").format(
            ok=len(results) - refused, total=len(results)
        )
    )
    return EXIT_OK if not refused else EXIT_USER_ERROR


def run_status(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.cli.setup_commands import parse_month
    from quynhnhai_desktop.services import district

    month = parse_month(args.month)
    [column] = zip(*district.completeness(ctx.db, [month]), strict=True)
    names = {
        district.Status.ON_TIME: i18n.translate("cli", "on time"),
        district.Status.LATE: i18n.translate("cli", "late"),
        district.Status.MISSING: i18n.translate("cli", "MISSING"),
        district.Status.REVISED: i18n.translate("cli", "revised"),
    }
    for cell in column:
        revision = f" r{cell.revision}" if cell.revision else ""
        ctx.out(f"{cell.commune.code} {cell.commune.full_name}: {names[cell.status]}{revision}")
    received = sum(cell.status is not district.Status.MISSING for cell in column)
    ctx.out(
        i18n.translate("cli", "Reported: {received}/{total}").format(
            received=received, total=len(column)
        )
    )
    return EXIT_OK


def run_replace_key(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import district

    commune, fingerprint = district.replace_key(ctx.db, args.file)
    ctx.out(
        i18n.translate("cli", "From now on {commune} is trusted with key {fingerprint}.").format(
            commune=commune, fingerprint=fingerprint
        )
    )
    return EXIT_OK
