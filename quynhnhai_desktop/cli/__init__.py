"""The command line: the same use cases as the GUI, headless.

``quynhnhai [--data-dir DIR] [--lang vi|en] COMMAND``; no command (or ``gui``) starts the GUI.
Exit codes: 0 ok, 1 a user error (message in the chosen language), 2 usage.
Each feature adds a module here with a ``register(subparsers)`` function, listed in
COMMAND_MODULES. Starting the window takes a short path that neither imports those modules
nor builds their parsers (start-up time).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from quynhnhai_desktop import __version__, i18n
from quynhnhai_desktop.cli.context import EXIT_OK, EXIT_USER_ERROR, CliContext
from quynhnhai_desktop.domain.errors import UserError

log = logging.getLogger(__name__)

# Feature modules, each adding its sub-commands. Keep one per line (fewer merge conflicts).
COMMAND_MODULES = (
    "setup_commands",
    "activities",
    "venues",
    "report_commands",
    "package_commands",
    "backup",
    "campaign_commands",
)
# The module adding each command: a command's parser is built without the other modules'
# (a command's start-up time; a test checks this against what the modules add). A command
# missing here still runs, through the whole parser.
COMMAND_HOMES = {
    "init": "setup_commands",
    "profile": "setup_commands",
    "demo": "setup_commands",
    "check": "setup_commands",
    "activities": "activities",
    "venues": "venues",
    "qr": "venues",
    "report": "report_commands",
    "package": "package_commands",
    "district": "package_commands",
    "backup": "backup",
    "campaign": "campaign_commands",
}


def _global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", metavar="DIR", help=i18n.translate("cli", "Data folder (default: app data)")
    )
    parser.add_argument(
        "--lang", choices=("vi", "en"), default=None, help=i18n.translate("cli", "Language")
    )
    parser.add_argument(
        "--verbose", action="store_true", help=i18n.translate("cli", "Log to the console too")
    )


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; built after translators are installed so help is translated.

    With *command* (a key of :data:`COMMAND_HOMES`), only its module adds sub-commands: the
    same parser for that command's arguments, without building every other command's.
    """
    parser = argparse.ArgumentParser(
        prog="quynhnhai",
        description=i18n.translate(
            "cli", "Outreach log, venue QR posters and monthly reports (Quỳnh Nhai)."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"quynhnhai {__version__}",
        help=i18n.translate("cli", "Show the version number and exit"),
    )
    _global_options(parser)
    parser.add_argument(
        "--demo", action="store_true", help=i18n.translate("cli", "Start the GUI with demo data")
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    gui = sub.add_parser("gui", help=i18n.translate("cli", "Start the app window (the default)"))
    gui.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS,
        help=i18n.translate("cli", "Fill an empty database with demo data"),
    )
    for name in COMMAND_MODULES if command is None else (COMMAND_HOMES[command],):
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(sub)
    return parser


def _pre_parse(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """The global options, needed before the real parser (translations, paths), and the rest.

    No rest (or just ``gui``) means: start the window, without building the whole parser.
    """
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--data-dir")
    pre.add_argument("--lang", choices=("vi", "en"))
    pre.add_argument("--verbose", action="store_true")
    pre.add_argument("--demo", action="store_true")
    try:
        known, rest = pre.parse_known_args(argv)
    except SystemExit:  # a bad global option: let the real parser say so
        return argparse.Namespace(data_dir=None, lang=None, verbose=False, demo=False), ["?"]
    return known, rest


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        # A Windows console may default to cp1252; Vietnamese must print. None when windowed.
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    early, rest = _pre_parse(args_list)
    if rest in ([], ["gui"]):
        from quynhnhai_desktop import app

        return app.run(data_dir=early.data_dir, lang=early.lang, demo=early.demo)
    i18n.install(early.lang or i18n.DEFAULT_LANG)
    from quynhnhai_desktop.cli import argparse_words  # not on the window's short path

    argparse_words.install()
    command = rest[0] if rest and rest[0] in COMMAND_HOMES else None
    args = build_parser(command).parse_args(args_list)
    if args.command in (None, "gui"):
        from quynhnhai_desktop import app

        return app.run(data_dir=args.data_dir, lang=args.lang, demo=args.demo)
    return run_command(args)


def windowed() -> int:
    """Entry point of the windowed executable (no console): the same options, the window
    when none names a command. The CLI reaches the GUI only through ``app.run``."""
    return main(sys.argv[1:] or ["gui"])


def run_command(args: argparse.Namespace) -> int:
    """Run the parsed command: every way it can end is a message and an exit code.

    The data folder, the log and the database are opened inside this one error path, so a
    read-only folder or a damaged file ends like any refusal: the app's own message (what
    to do), exit code 1, and the traceback in the log, never on the screen.
    """
    ctx: CliContext | None = None
    try:
        ctx = CliContext.create(args.data_dir, args.lang, verbose=args.verbose)
        return int(args.handler(ctx, args) or EXIT_OK)
    except UserError as error:
        log.info("refused %r: %s", args.command, error)
        _say(error)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        log.info("interrupted: %r", args.command)
        return 130
    except Exception as error:  # the traceback goes to the log; the clerk reads what to do
        from quynhnhai_desktop.services import faults

        log.exception("unexpected error in %r", args.command)
        data_dir = ctx.paths.data_dir if ctx is not None else None
        explained = faults.explain(error, data_dir=data_dir)
        _say(explained or faults.unexpected(ctx.paths.log_file if ctx is not None else None))
        return EXIT_USER_ERROR
    finally:
        if ctx is not None:
            try:
                ctx.close()
            except Exception:
                log.exception("closing after %r", args.command)


def _say(error: UserError) -> None:
    print(
        i18n.translate("cli", "Error: {message}").format(message=i18n.message(error)),
        file=sys.stderr,
    )
