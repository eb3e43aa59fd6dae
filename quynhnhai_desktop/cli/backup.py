"""`backup create | list | restore`: the whole database to and from a USB stick.

Services are imported inside the handlers (this module loads on every start, the GUI's
too). Restore asks on a terminal; scripts answer with ``--yes``; without a terminal and
without ``--yes`` it refuses, so a scheduled job can never replace the data by surprise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from quynhnhai_desktop import i18n
from quynhnhai_desktop.cli.context import EXIT_OK, EXIT_USER_ERROR, CliContext, percent_printer
from quynhnhai_desktop.domain import clock
from quynhnhai_desktop.domain.errors import QT_TRANSLATE_NOOP, UserError

if TYPE_CHECKING:
    from quynhnhai_desktop.services.backup import BackupSummary

# Answers that mean yes, in either language (accents optional: "có", "co", "c").
YES_ANSWERS = frozenset({"y", "yes", "c", "co", "có"})


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "backup", help=i18n.translate("cli", "Back up the data, list backups, restore one")
    )
    actions = parser.add_subparsers(dest="backup_action", metavar="ACTION", required=True)
    create = actions.add_parser(
        "create", help=i18n.translate("cli", "Make a checked copy of the database")
    )
    create.add_argument(
        "--out",
        metavar="FILE",
        help=i18n.translate(
            "cli", "Where to write it (a file or a folder, e.g. a USB stick); default: backups"
        ),
    )
    create.set_defaults(handler=run_create)
    listing = actions.add_parser(
        "list", help=i18n.translate("cli", "List the automatic backups in the data folder")
    )
    listing.set_defaults(handler=run_list)
    restore = actions.add_parser(
        "restore", help=i18n.translate("cli", "Replace the data with a backup (asks first)")
    )
    restore.add_argument("file", metavar="FILE", help=i18n.translate("cli", "The backup file"))
    restore.add_argument(
        "--yes", action="store_true", help=i18n.translate("cli", "Do not ask (for scripts)")
    )
    restore.set_defaults(handler=run_restore)


def _size(size: int) -> str:
    from PySide6.QtCore import QLocale

    return i18n.qt_locale().formattedDataSize(
        size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
    )


def _number(value: int) -> str:
    return i18n.qt_locale().toString(value)


def _describe(ctx: CliContext, summary: BackupSummary) -> None:
    ctx.out(i18n.translate("cli", "Unit: {unit}").format(unit=summary.unit))
    counts = {key: _number(value) for key, value in summary.counts.items()}
    if summary.first_date and summary.last_date:
        ctx.out(
            i18n.translate("cli", "Activities: {activities}, from {first} to {last}").format(
                activities=counts["activities"],
                first=f"{summary.first_date:%d/%m/%Y}",
                last=f"{summary.last_date:%d/%m/%Y}",
            )
        )
    else:
        ctx.out(i18n.translate("cli", "Activities: none"))
    ctx.out(
        i18n.translate("cli", "Villages {villages}, teams {teams}, venues {venues}").format(
            **counts
        )
    )
    if summary.last_change:
        ctx.out(
            i18n.translate("cli", "Last change: {when}").format(
                when=f"{summary.last_change:%d/%m/%Y %H:%M}"
            )
        )
    if summary.needs_upgrade:
        ctx.out(
            i18n.translate(
                "cli", "Made by an older version (schema {revision}): it will be upgraded."
            ).format(revision=summary.schema_revision)
        )


def run_create(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import backup, profile

    unit_code = profile.require(ctx.db).unit_code  # opening also upgrades an older database
    progress = percent_printer(i18n.translate("cli", "Backing up… {percent}%"))
    if args.out:
        target = Path(args.out).expanduser()
        if target.is_dir():
            target = target / backup.export_name(unit_code, clock.now())
        backup.write_backup(ctx.paths.database, target, progress)
    else:
        target = backup.create_auto(ctx.paths, backup.Kind.MANUAL, progress=progress).path
    summary = backup.check_backup(target, target.name, writable=False, checked=True)
    ctx.out(
        i18n.translate("cli", "Backup written and checked: {path} ({size})").format(
            path=target, size=_size(summary.size)
        )
    )
    _describe(ctx, summary)
    return EXIT_OK


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import backup

    found = backup.list_backups(ctx.paths.backups_dir)
    if not found:
        ctx.out(
            i18n.translate("cli", "No backups yet in {folder}.").format(
                folder=ctx.paths.backups_dir
            )
        )
        return EXIT_OK
    ctx.out(i18n.translate("cli", "Backups in {folder}:").format(folder=ctx.paths.backups_dir))
    for item in found:
        kind = i18n.translate("backup", backup.KIND_LABELS[item.kind])
        ctx.out(
            f"  {item.made_at:%d/%m/%Y %H:%M}  {kind:<28} {_size(item.size):>9}  {item.path.name}"
        )
    return EXIT_OK


def _confirmed(ctx: CliContext) -> bool:
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(
            "cli",
            QT_TRANSLATE_NOOP(
                "cli",
                "Restoring replaces the current data. Without a terminal to ask on, add "
                "--yes to confirm. Nothing was changed.",
            ),
        )
    prompt = i18n.translate(
        "cli", "Replace the current data with this backup? The current data is saved first. [y/N] "
    )
    try:
        answer = input(prompt)
    except EOFError:
        return False
    return answer.strip().lower() in YES_ANSWERS


def run_restore(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import backup

    ctx.exclusive()  # never under an open window's feet
    ctx.close_db()
    staged = backup.stage(ctx.paths, Path(args.file).expanduser())
    try:
        ctx.out(
            i18n.translate("cli", "Backup: {file} ({size})").format(
                file=staged.source, size=_size(staged.summary.size)
            )
        )
        _describe(ctx, staged.summary)
        if not args.yes and not _confirmed(ctx):
            ctx.out(i18n.translate("cli", "Not restored; nothing was changed."))
            return EXIT_USER_ERROR
        result = backup.restore(ctx.paths, staged)
    finally:
        staged.discard()
    ctx.out(i18n.translate("cli", "Restored: {unit}.").format(unit=result.summary.unit))
    if result.previous is not None:
        ctx.out(
            i18n.translate("cli", "The data it replaced was saved as {path}").format(
                path=result.previous
            )
        )
    return EXIT_OK
