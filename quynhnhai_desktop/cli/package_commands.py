"""`package export|import`, `district status|enrol|replace-key|withdraw|report`: the USB file
and the district.

Services are imported inside the handlers (start-up time; see cli/setup_commands.py).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from quynhnhai_desktop import i18n
from quynhnhai_desktop.cli.context import (
    EXIT_OK,
    EXIT_USER_ERROR,
    CliContext,
    add_month_options,
    campaign_option,
    month_from,
)

if TYPE_CHECKING:
    from quynhnhai_desktop.services.district import ImportResult
    from quynhnhai_desktop.services.trust import KeyClaim


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    pkg = sub.add_parser("package", help=i18n.translate("cli", "Report packages (.qnbc files)"))
    pkg_sub = pkg.add_subparsers(dest="package_command", metavar="ACTION", required=True)
    exp = pkg_sub.add_parser(
        "export", help=i18n.translate("cli", "Write this commune's report file (for the district)")
    )
    add_month_options(exp)
    exp.add_argument("--out", required=True, type=Path, metavar="DIR")
    campaign_option(exp)
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
    campaign_option(status)
    status.set_defaults(handler=run_status)
    enrol = dist_sub.add_parser(
        "enrol",
        help=i18n.translate(
            "cli", "Trust a commune's key after comparing its fingerprint (from its file)"
        ),
    )
    enrol.add_argument("file", type=Path, metavar="FILE")
    _add_yes(enrol)
    enrol.set_defaults(handler=run_enrol)
    key = dist_sub.add_parser(
        "replace-key",
        help=i18n.translate("cli", "Trust the new key of a reinstalled commune PC (from its file)"),
    )
    key.add_argument("file", type=Path, metavar="FILE")
    _add_yes(key)
    key.set_defaults(handler=run_replace_key)
    withdraw = dist_sub.add_parser(
        "withdraw",
        help=i18n.translate("cli", "Take a commune's report out of the totals (kept on record)"),
    )
    withdraw.add_argument("--unit", required=True, metavar="CODE")
    withdraw.add_argument("--month", required=True, metavar="YYYY-MM")
    withdraw.add_argument(
        "--reason", required=True, metavar="TEXT", help=i18n.translate("cli", "Why")
    )
    campaign_option(withdraw)
    withdraw.set_defaults(handler=run_withdraw)
    consolidated = dist_sub.add_parser(
        "report",
        help=i18n.translate("cli", "The consolidated report of the communes (PDF, Excel)"),
    )
    add_month_options(consolidated)
    campaign_option(consolidated)
    consolidated.add_argument(
        "--pdf", type=Path, metavar="FILE", help=i18n.translate("cli", "Write the PDF here")
    )
    consolidated.add_argument(
        "--xlsx", type=Path, metavar="FILE", help=i18n.translate("cli", "Write the Excel copy here")
    )
    consolidated.set_defaults(handler=run_report)


def run_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import package_export

    result = package_export.export(
        ctx.db, ctx.paths, month_from(args), args.out, campaign_id=args.campaign
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


def _add_yes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--yes", action="store_true", help=i18n.translate("cli", "Do not ask (for scripts)")
    )


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import district

    results = district.import_files(ctx.db, args.paths)
    _print_results(ctx, results)
    if not results:
        ctx.out(i18n.translate("cli", "No report files (.qnbc) found."))
        return EXIT_USER_ERROR
    settled = sum(r.outcome in district.SETTLED for r in results)
    ctx.out(
        i18n.translate("cli", "{ok} of {total} file(s) imported or already there.").format(
            ok=settled, total=len(results)
        )
    )
    if any(r.outcome is district.Outcome.HELD for r in results):
        ctx.out(
            i18n.translate(
                "cli",
                "A file waiting for enrolment counts nowhere yet. Call the commune and compare "
                "the fingerprint above with the one printed on page 1 of its report (or in its "
                "Settings); if they are the same, run: quynhnhai district enrol FILE",
            )
        )
    return EXIT_OK if settled == len(results) else EXIT_USER_ERROR


def _print_results(ctx: CliContext, results: list[ImportResult]) -> None:
    from quynhnhai_desktop.services import district

    labels = {
        district.Outcome.IMPORTED: i18n.translate("cli", "imported"),
        district.Outcome.REPLACED: i18n.translate("cli", "imported, replaces the earlier revision"),
        district.Outcome.ALREADY: i18n.translate("cli", "already imported"),
        district.Outcome.OLDER: i18n.translate("cli", "older revision, kept in the history"),
        district.Outcome.WITHDRAWN: i18n.translate(
            "cli", "this file was withdrawn, it does not count (ask for a new revision)"
        ),
    }
    for result in results:
        if result.error is not None:
            what = i18n.translate("cli", "REFUSED: {reason}").format(
                reason=i18n.message(result.error)
            )
        elif result.outcome is district.Outcome.HELD:
            what = i18n.translate(
                "cli", "{commune} r{revision}: WAITING FOR ENROLMENT of key {fingerprint}"
            ).format(
                commune=result.commune, revision=result.revision, fingerprint=result.fingerprint
            )
        else:
            what = labels[result.outcome]
            if result.commune:
                what = f"{result.commune} r{result.revision}: {what}"
        ctx.out(f"{result.file_name}: {what}")


def _confirmed(ctx: CliContext, args: argparse.Namespace, question: str) -> bool:
    """--yes, or the clerk's answer on a terminal; without either, refuse."""
    import sys

    from quynhnhai_desktop.cli.backup import YES_ANSWERS
    from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError

    if args.yes:
        return True
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli",
                "This trusts a key for a commune. Without a terminal to ask on, add --yes "
                "to confirm (after comparing the fingerprint with the commune). Nothing was "
                "changed.",
            ),
        )
    try:
        answer = input(question + " [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in YES_ANSWERS


def _show_claim(ctx: CliContext, claim: KeyClaim) -> None:
    from quynhnhai_desktop.domain.text import printable

    ctx.out(i18n.translate("cli", "File: {file}").format(file=printable(claim.path.name)))
    ctx.out(
        i18n.translate("cli", "Commune: {code} {name}").format(
            code=claim.commune.code, name=claim.commune.full_name
        )
    )


def run_enrol(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import trust

    claim = trust.examine_file(ctx.db, args.file)
    trust.check_enrol(ctx.db, claim)
    _show_claim(ctx, claim)
    ctx.out(
        i18n.translate("cli", "Key fingerprint: {fingerprint}").format(
            fingerprint=claim.fingerprint
        )
    )
    if claim.enrolled is None:
        question = i18n.translate(
            "cli",
            "Is this the fingerprint the commune reads out to you (page 1 of its report, or "
            "its Settings)? Enrol this key for {commune}?",
        ).format(commune=claim.commune.full_name)
        if not _confirmed(ctx, args, question):
            ctx.out(i18n.translate("cli", "Not enrolled; nothing was changed."))
            return EXIT_USER_ERROR
    result = trust.enrol(ctx.db, claim)
    ctx.out(
        i18n.translate("cli", "From now on {commune} is trusted with key {fingerprint}.").format(
            commune=result.commune.full_name, fingerprint=result.fingerprint
        )
    )
    _print_results(ctx, result.imported)
    return EXIT_OK if _all_settled(result.imported) else EXIT_USER_ERROR


def _all_settled(results: list[ImportResult]) -> bool:
    from quynhnhai_desktop.services import district

    return all(r.outcome in district.SETTLED for r in results)


def run_status(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.periods import calendar_month, parse_month
    from quynhnhai_desktop.services import district
    from quynhnhai_desktop.services.campaigns import campaign_for

    period = calendar_month(*parse_month(args.month))
    campaign = campaign_for(ctx.db, args.campaign, period.end)
    grid = district.completeness(ctx.db, [period.start], campaign_id=campaign.id)
    [column] = zip(*grid, strict=True)
    ctx.out(
        i18n.translate("cli", "Campaign: {title} ({id})").format(
            title=campaign.title[i18n.current_lang()], id=campaign.id
        )
    )
    names = {
        district.Status.ON_TIME: i18n.translate("cli", "on time"),
        district.Status.LATE: i18n.translate("cli", "late"),
        district.Status.MISSING: i18n.translate("cli", "MISSING"),
        district.Status.REVISED: i18n.translate("cli", "revised"),
        district.Status.WITHDRAWN: i18n.translate("cli", "WITHDRAWN"),
        district.Status.NOT_A_UNIT: i18n.translate("cli", "not yet a unit"),
    }
    for cell in column:
        revision = f" r{cell.revision}" if cell.revision else ""
        line = f"{cell.commune.code} {cell.commune.full_name}: {names[cell.status]}{revision}"
        if cell.status is district.Status.WITHDRAWN:
            line += f" ({_reason(cell.reason)})"
        if cell.held:
            line += " — " + i18n.translate(
                "cli", "{count} file(s) waiting for enrolment (not counted)"
            ).format(count=cell.held)
        ctx.out(line)
    received = sum(cell.status in district.COUNTED for cell in column)
    ctx.out(
        i18n.translate("cli", "Reported: {received}/{total}").format(
            received=received, total=len(column)
        )
    )
    return EXIT_OK


def run_replace_key(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import trust

    claim = trust.examine_file(ctx.db, args.file)
    count = trust.check_replace(ctx.db, claim)
    _show_claim(ctx, claim)
    ctx.out(i18n.translate("cli", "Enrolled key: {fingerprint}").format(fingerprint=claim.enrolled))
    ctx.out(
        i18n.translate("cli", "New key:      {fingerprint}").format(fingerprint=claim.fingerprint)
    )
    ctx.out(
        i18n.translate(
            "cli",
            "{count} counted report(s) signed with the enrolled key will be withdrawn (kept on "
            "record, out of the totals).",
        ).format(count=count)
    )
    question = i18n.translate(
        "cli",
        "Has the commune read you the new fingerprint by phone? Replace the key of {commune}?",
    ).format(commune=claim.commune.full_name)
    if not _confirmed(ctx, args, question):
        ctx.out(i18n.translate("cli", "The key was not replaced; nothing was changed."))
        return EXIT_USER_ERROR
    result = trust.replace_key(ctx.db, claim)
    ctx.out(
        i18n.translate("cli", "From now on {commune} is trusted with key {fingerprint}.").format(
            commune=result.commune.full_name, fingerprint=result.fingerprint
        )
    )
    ctx.out(
        i18n.translate("cli", "Withdrawn: {count} report(s) signed with the old key.").format(
            count=result.withdrawn
        )
    )
    _print_results(ctx, result.imported)
    return EXIT_OK if _all_settled(result.imported) else EXIT_USER_ERROR


def run_withdraw(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.periods import calendar_month, parse_month
    from quynhnhai_desktop.services import trust

    month = calendar_month(*parse_month(args.month)).start
    done = trust.withdraw(ctx.db, args.unit, month, args.reason, campaign_id=args.campaign)
    template = (
        i18n.translate(
            "cli",
            "Withdrawn: {commune}, {month}, campaign “{title}”, revision(s) {revisions}. "
            "Kept on record.",
        )
        if done.several
        else i18n.translate(
            "cli", "Withdrawn: {commune}, {month}, revision(s) {revisions}. Kept on record."
        )
    )
    ctx.out(
        template.format(
            commune=done.commune.full_name,
            month=f"{month:%m/%Y}",
            title=done.campaign.title[i18n.current_lang()],
            revisions=", ".join(f"r{r}" for r in done.revisions),
        )
    )
    return EXIT_OK


def _reason(reason: str) -> str:
    from quynhnhai_desktop.services import trust

    old = trust.replaced_key(reason)
    if old is None:
        return reason
    return i18n.translate("cli", "signed with the replaced key {fingerprint}").format(
        fingerprint=old
    )


def run_report(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.report_text import district_summary_text
    from quynhnhai_desktop.services import district_report

    bundle = district_report.prepare(ctx.db, month_from(args), campaign_id=args.campaign)
    unit = f"{bundle.issuer.unit_kind.lower()} {bundle.issuer.unit_name}"
    ctx.out(district_summary_text(bundle.report, bundle.office, unit))
    if args.pdf:
        path = district_report.write_pdf(bundle, args.pdf)
        ctx.out(i18n.translate("cli", "PDF saved: {path}").format(path=path))
    if args.xlsx:
        path = district_report.write_xlsx(bundle, args.xlsx)
        ctx.out(i18n.translate("cli", "Excel copy saved: {path}").format(path=path))
    return EXIT_OK
