"""`init`, `profile`, `demo` and `check`: setting up an installation and looking after it.

Services are imported inside the handlers: this module is imported on every start,
including the GUI's, which must not pay for sqlmodel before its window shows.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from quynhnhai_desktop import i18n
from quynhnhai_desktop.cli.context import EXIT_OK, EXIT_USER_ERROR, CliContext, percent_printer
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from quynhnhai_desktop.services import merged_history


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = sub.add_parser("init", help=i18n.translate("cli", "Set up this installation"))
    unit = init.add_mutually_exclusive_group(required=True)
    unit.add_argument(
        "--unit",
        metavar="CODE",
        help=i18n.translate("cli", "Unit code from the unit list, e.g. 03703 (any level)"),
    )
    unit.add_argument(
        "--commune", metavar="CODE", help=i18n.translate("cli", "Commune code, e.g. 03703")
    )
    unit.add_argument(
        "--district", metavar="CODE", help=i18n.translate("cli", "District code, e.g. 118")
    )
    init.add_argument(
        "--on",
        metavar="DATE",
        help=i18n.translate(
            "cli", "The date the unit code is read on (codes were reused in 2025); default today"
        ),
    )
    init.add_argument(
        "--signer-name", required=True, help=i18n.translate("cli", "Who signs the reports")
    )
    init.add_argument(
        "--signer-title",
        required=True,
        help=i18n.translate(
            "cli", "Signer's title, lines separated by '/': 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'"
        ),
    )
    init.set_defaults(handler=run_init)

    prof = sub.add_parser(
        "profile", help=i18n.translate("cli", "Who signs the reports and to whom they go")
    )
    prof_actions = prof.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    show = prof_actions.add_parser(
        "show",
        help=i18n.translate(
            "cli", "Print the unit, the signer and the key fingerprint (to read to the district)"
        ),
    )
    show.set_defaults(handler=run_profile_show)
    change = prof_actions.add_parser(
        "set", help=i18n.translate("cli", 'Change the signer, the recipient or "Nơi nhận"')
    )
    change.add_argument("--signer-name", help=i18n.translate("cli", "Who signs the reports"))
    change.add_argument(
        "--signer-title",
        help=i18n.translate(
            "cli", "Signer's title, lines separated by '/': 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH'"
        ),
    )
    change.add_argument(
        "--signature-line",
        help=i18n.translate("cli", "The line above the title, e.g. 'TM. ỦY BAN NHÂN DÂN'"),
    )
    change.add_argument(
        "--recipient", help=i18n.translate("cli", "Who receives the reports (after 'Kính gửi')")
    )
    change.add_argument(
        "--copies-to",
        metavar="ITEM",
        action="append",
        help=i18n.translate("cli", 'One line of "Nơi nhận" (repeat for each line)'),
    )
    change.add_argument(
        "--issuing-body",
        metavar="NAME",
        help=i18n.translate(
            "cli", "The office that issues the consolidated report ('' for the usual one)"
        ),
    )
    change.set_defaults(handler=run_profile_set)
    move = prof_actions.add_parser(
        "move",
        help=i18n.translate(
            "cli", "Move a 2021 commune to the commune it was merged into (1/7/2025)"
        ),
    )
    move.add_argument(
        "--to", required=True, metavar="CODE", help=i18n.translate("cli", "The new unit's code")
    )
    move.add_argument(
        "--on",
        required=True,
        metavar="DATE",
        help=i18n.translate("cli", "The day the new unit starts, e.g. 01/07/2025"),
    )
    move.add_argument(
        "--yes",
        action="store_true",
        help=i18n.translate("cli", "Move now (without it: only show what would change)"),
    )
    move.set_defaults(handler=run_profile_move)
    take = prof_actions.add_parser(
        "take-history",
        help=i18n.translate(
            "cli", "Take in the reports of the other communes merged into this one"
        ),
    )
    take.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=i18n.translate("cli", "Their report files (.qnbc)"),
    )
    take.set_defaults(handler=run_profile_take_history)

    fill = sub.add_parser(
        "demo", help=i18n.translate("cli", "Fill an empty database with demo data")
    )
    fill.add_argument(
        "--months", type=int, default=6, help=i18n.translate("cli", "How many months (default 6)")
    )
    fill.add_argument(
        "--until", metavar="YYYY-MM", help=i18n.translate("cli", "Last month (default: this month)")
    )
    fill.set_defaults(handler=run_demo)

    chk = sub.add_parser(
        "check", help=i18n.translate("cli", "Check the database and print what it holds")
    )
    chk.add_argument(
        "--full",
        action="store_true",
        help=i18n.translate(
            "cli", "Also check every index entry and the monthly sums (slower: minutes)"
        ),
    )
    chk.set_defaults(handler=run_check)


def run_init(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.dates import parse_date
    from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
    from quynhnhai_desktop.services import profile

    on = None
    if args.on is not None:
        on = parse_date(args.on)
        if on is None:
            raise UserError(
                "setup",
                QT_TRANSLATE_NOOP("setup", "“{text}” is not a date: write it as dd/mm/yyyy."),
                text=args.on,
            )
    mode: profile.Mode | None = None
    if args.commune or args.district:
        mode = "commune" if args.commune else "district"
    request = profile.SetupRequest(
        mode=mode,
        unit_code=args.unit or args.commune or args.district,
        signer_name=args.signer_name,
        signer_title=args.signer_title,
        on=on,
    )
    created = profile.set_up(ctx.db, request, keys_dir=ctx.paths.keys_dir)
    ctx.out(
        i18n.translate("cli", "Set up: {unit} ({code}). Reports go to: {recipient}.").format(
            unit=f"{created.unit_kind} {created.unit_name}",
            code=created.unit_code,
            recipient=created.recipient,
        )
    )
    return EXIT_OK


def _print_signer(ctx: CliContext) -> None:
    from quynhnhai_desktop.services import profile

    current = profile.require(ctx.db)
    lines = [profile.signature_line(current), *current.signer_title.split("\n")]
    for label, value in (
        (i18n.translate("cli", "Kính gửi (recipient)"), current.recipient),
        (i18n.translate("cli", "Signature"), " / ".join(line for line in lines if line)),
        (i18n.translate("cli", "Signer"), current.signer_name),
    ):
        ctx.out(f"{label}: {value}")
    ctx.out(i18n.translate("cli", "Nơi nhận (copies to):"))
    for item in profile.copies_to(current):
        ctx.out(f"- {item}")
    if profile.consolidates(current):
        ctx.out(
            i18n.translate("cli", "Issuing body of the consolidated report: {body}").format(
                body=profile.issuing_body(current)
            )
        )


def run_profile_set(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
    from quynhnhai_desktop.services import profile

    change = profile.SignerChange(
        signer_name=args.signer_name,
        signer_title=args.signer_title,
        signature_line=args.signature_line,
        recipient=args.recipient,
        copies_to="\n".join(args.copies_to) if args.copies_to else None,
        issuing_body=args.issuing_body,
    )
    if change == profile.SignerChange():
        raise UserError(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli",
                "Nothing to change: give --signer-name, --signer-title, --signature-line, "
                "--recipient, --copies-to or --issuing-body.",
            ),
        )
    profile.update_signer(ctx.db, change)
    ctx.out(i18n.translate("cli", "Saved. The next report (and revision) uses:"))
    _print_signer(ctx)
    return EXIT_OK


def run_profile_move(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.dates import parse_date
    from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError
    from quynhnhai_desktop.services import unit_history

    on = parse_date(args.on)
    if on is None:
        raise UserError(
            "setup",
            QT_TRANSLATE_NOOP("setup", "“{text}” is not a date: write it as dd/mm/yyyy."),
            text=args.on,
        )
    if not args.yes:
        plan = unit_history.check_move(ctx.db, args.to, on)
        ctx.out(
            i18n.translate(
                "cli",
                "Would move {old} to {new} from {day}; reports from then on go to: "
                "{recipient}. Earlier months keep the old name. Add --yes to move.",
            ).format(
                old=plan.old.dated_label,
                new=plan.new.dated_label,
                day=f"{on:%d/%m/%Y}",
                recipient=plan.recipient,
            )
        )
        return EXIT_OK
    plan, _moved = unit_history.move(ctx.db, args.to, on)
    ctx.out(
        i18n.translate(
            "cli", "Moved: {old} is now {new} from {day}. Reports from then on go to: {recipient}."
        ).format(
            old=plan.old.dated_label,
            new=plan.new.dated_label,
            day=f"{on:%d/%m/%Y}",
            recipient=plan.recipient,
        )
    )
    return EXIT_OK


def _print_taken(ctx: CliContext, taken: merged_history.Taken, template: str) -> None:
    ctx.out(
        i18n.translate("cli", template).format(
            unit=taken.unit_label,
            period=taken.period_label,
            revision=taken.revision,
            activities=taken.activities,
        )
    )


def run_profile_take_history(ctx: CliContext, args: argparse.Namespace) -> int:
    from pathlib import Path

    from quynhnhai_desktop.services import merged_history

    result = merged_history.take(ctx.db, [Path(name) for name in args.files])
    for taken in result.taken:
        _print_taken(
            ctx,
            taken,
            QT_TRANSLATE_NOOP(
                "cli", "Taken in: {unit}, {period} r{revision}, {activities} activities."
            ),
        )
    for taken in result.already:
        _print_taken(
            ctx, taken, QT_TRANSLATE_NOOP("cli", "Already here: {unit}, {period} r{revision}.")
        )
    ctx.out(
        i18n.translate(
            "cli",
            "They are shown under their old names and do not count in this commune's months.",
        )
    )
    return EXIT_OK


def run_demo(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.domain.periods import calendar_month, parse_month
    from quynhnhai_desktop.services import demo

    until = calendar_month(*parse_month(args.until)).end if args.until else None
    summary = demo.fill(ctx.db, months=args.months, until=until)
    ctx.out(
        i18n.translate(
            "cli",
            "Demo data added: {activities} activities from {first} to {last}, {villages} villages, "
            "{teams} teams, {venues} venues.",
        ).format(
            activities=summary.activities,
            first=summary.first_day.strftime("%d/%m/%Y"),
            last=summary.last_day.strftime("%d/%m/%Y"),
            villages=summary.villages,
            teams=summary.teams,
            venues=summary.venues,
        )
    )
    return EXIT_OK


def run_check(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import health

    report = health.check(
        ctx.db,
        full=args.full,
        progress=percent_printer(i18n.translate("cli", "Checking… {percent}%")),
    )
    ctx.out(i18n.translate("cli", "Database: {path}").format(path=ctx.paths.database))
    ctx.out(
        i18n.translate("cli", "Unit: {unit}").format(
            unit=report.unit or i18n.translate("cli", "not set up")
        )
    )
    ctx.out(
        i18n.translate("cli", "Schema: {revision} (latest {head})").format(
            revision=report.schema_revision, head=report.schema_head
        )
    )
    ctx.out(
        i18n.translate(
            "cli", "Villages {villages}, teams {teams}, activities {activities}, venues {venues}"
        ).format(**report.counts)
    )
    for problem in report.problems:
        ctx.out(i18n.translate("cli", "Problem: {problem}").format(problem=problem))
    ctx.out(
        i18n.translate("cli", "Integrity: OK")
        if report.ok
        else i18n.translate("cli", "Integrity: PROBLEMS FOUND — restore a backup")
    )
    return EXIT_OK if report.ok else EXIT_USER_ERROR


def run_profile_show(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import merged_history, unit_history
    from quynhnhai_desktop.services.identity import installed_fingerprint
    from quynhnhai_desktop.services.profile import require

    require(ctx.db)  # the "not set up yet" message before anything is printed
    identities = unit_history.identities(ctx.db)
    taken = merged_history.taken(ctx.db)
    if identities:
        ctx.out(
            i18n.translate("cli", "Unit: {unit}").format(unit=unit_history.label(identities[-1]))
        )
    for earlier in identities[:-1]:  # a commune moved across the 2025 reform
        ctx.out(
            i18n.translate("cli", "Earlier: {unit}, reports went to: {recipient}").format(
                unit=unit_history.label(earlier), recipient=earlier.recipient
            )
        )
    _print_signer(ctx)
    for report in taken:
        _print_taken(
            ctx,
            report,
            QT_TRANSLATE_NOOP(
                "cli", "History taken in: {unit}, {period} r{revision}, {activities} activities."
            ),
        )
    fingerprint = installed_fingerprint(ctx.paths.keys_dir)
    ctx.out(
        i18n.translate("cli", "Signing key fingerprint: {fingerprint}").format(
            fingerprint=fingerprint or i18n.translate("cli", "none yet")
        )
    )
    if fingerprint:
        ctx.out(
            i18n.translate(
                "cli",
                "Read it out to the district when they enrol your key; it is also printed at "
                "the foot of page 1 of the monthly report.",
            )
        )
    return EXIT_OK
