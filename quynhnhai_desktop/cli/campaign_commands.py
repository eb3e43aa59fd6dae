"""`campaign list | show | add | export | import`: campaigns as data, from the command line.

Services are imported inside the handlers (this module loads on every start).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from quynhnhai_desktop import i18n
from quynhnhai_desktop.cli.context import EXIT_OK, CliContext


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    group = sub.add_parser(
        "campaign", help=i18n.translate("cli", "Outreach campaigns: list, show, export, import")
    )
    actions = group.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser(
        "list", help=i18n.translate("cli", "The campaigns this installation knows")
    ).set_defaults(handler=run_list)
    show = actions.add_parser(
        "show", help=i18n.translate("cli", "A campaign's directive and forms")
    )
    show.add_argument("campaign_id", metavar="ID")
    show.set_defaults(handler=run_show)
    add = actions.add_parser(
        "add", help=i18n.translate("cli", "Add a campaign written as a .json file (upper level)")
    )
    add.add_argument("file", metavar="FILE", type=Path)
    add.set_defaults(handler=run_add)
    exp = actions.add_parser(
        "export", help=i18n.translate("cli", "Write a signed campaign file (.qncampaign)")
    )
    exp.add_argument("campaign_id", metavar="ID")
    exp.add_argument("--out", metavar="FILE", type=Path, required=True)
    exp.set_defaults(handler=run_export)
    imp = actions.add_parser(
        "import", help=i18n.translate("cli", "Import a signed campaign file from the upper level")
    )
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument(
        "--yes",
        action="store_true",
        help=i18n.translate("cli", "Trust the signer's key (after comparing its fingerprint)"),
    )
    imp.set_defaults(handler=run_import)
    key = actions.add_parser(
        "replace-key",
        help=i18n.translate(
            "cli", "Trust the upper level's new key (after comparing its fingerprint)"
        ),
    )
    key.add_argument("file", metavar="FILE", type=Path)
    key.add_argument(
        "--yes",
        action="store_true",
        help=i18n.translate("cli", "Replace the key (after comparing its fingerprint)"),
    )
    key.set_defaults(handler=run_replace_key)


def _dates(ctx: CliContext, first: dt.date, last: dt.date | None) -> str:
    from quynhnhai_desktop.domain.dates import format_date

    end = format_date(last) if last else i18n.translate("cli", "no end date")
    return f"{format_date(first)} – {end}"


def run_list(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import campaigns

    for campaign in campaigns.installed(ctx.db):
        ctx.out(
            "\t".join(
                (
                    campaign.id,
                    f"v{campaign.version}",
                    _dates(ctx, campaign.runs_from, campaign.runs_to),
                    campaign.title[ctx.lang],
                )
            )
        )
    return EXIT_OK


def run_show(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services.campaigns import campaign_for

    campaign = campaign_for(ctx.db, args.campaign_id)
    lang = ctx.lang
    ctx.out(f"{campaign.id} v{campaign.version}: {campaign.title[lang]}")
    ctx.out(campaign.directive.sentence())
    ctx.out(_dates(ctx, campaign.runs_from, campaign.runs_to))
    for form in campaign.forms:
        asked = ", ".join(campaign.indicator(code).label(lang) for code in form.indicators)
        ctx.out(f"  {form.code}\t{form.label(lang)}: {asked}")
    ctx.out(
        i18n.translate("cli", "Topics: {topics}").format(
            topics="; ".join(topic.label(lang) for topic in campaign.topics)
        )
    )
    return EXIT_OK


def run_add(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import campaign_files

    campaign = campaign_files.add_source(ctx.db, args.file)
    ctx.out(
        i18n.translate("cli", "Campaign {id} version {version} added.").format(
            id=campaign.id, version=campaign.version
        )
    )
    return EXIT_OK


def run_export(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import campaign_files
    from quynhnhai_desktop.services.identity import load_or_create

    identity = load_or_create(ctx.paths.keys_dir)
    campaign = campaign_files.export(ctx.db, args.campaign_id, identity, args.out)
    ctx.out(
        i18n.translate("cli", "Campaign {id} version {version} written to {file}.").format(
            id=campaign.id, version=campaign.version, file=args.out
        )
    )
    ctx.out(
        i18n.translate("cli", "Key fingerprint to read out to the communes: {fingerprint}").format(
            fingerprint=identity.fingerprint
        )
    )
    return EXIT_OK


def run_import(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import campaign_files

    verified = campaign_files.read(campaign_files.read_path(args.file))
    ctx.out(
        i18n.translate("cli", "Signed by the key {fingerprint}").format(
            fingerprint=verified.fingerprint
        )
    )
    campaign, new = campaign_files.import_file(ctx.db, verified, trust_new_key=args.yes)
    if new:
        done = i18n.translate("cli", "Campaign {id} version {version} imported: {title}.")
    else:
        done = i18n.translate(
            "cli", "Campaign {id} version {version} was already here: nothing changed."
        )
    ctx.out(done.format(id=campaign.id, version=campaign.version, title=campaign.title[ctx.lang]))
    return EXIT_OK


def run_replace_key(ctx: CliContext, args: argparse.Namespace) -> int:
    from quynhnhai_desktop.services import campaign_files
    from quynhnhai_desktop.services.identity import fingerprint

    verified = campaign_files.read(campaign_files.read_path(args.file))
    trusted = campaign_files.trusted_key(ctx.db)
    if trusted:
        ctx.out(
            i18n.translate("cli", "Trusted key: {fingerprint}").format(
                fingerprint=fingerprint(trusted)
            )
        )
    ctx.out(
        i18n.translate("cli", "New key:     {fingerprint}").format(fingerprint=verified.fingerprint)
    )
    campaign, _new = campaign_files.replace_key(ctx.db, verified, confirmed=args.yes)
    ctx.out(
        i18n.translate(
            "cli", "The upper level's key was replaced; campaign {id} version {version} is here."
        ).format(id=campaign.id, version=campaign.version)
    )
    return EXIT_OK
