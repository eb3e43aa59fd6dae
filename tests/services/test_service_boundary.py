"""What the screens get from the services: plain data, and each call its own transaction
(a refused one leaves the database as it was)."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.profile import UnitProfile
from quynhnhai_desktop.services import campaigns, merged_history, reference, unit_history, venues
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.store.database import Database
from tests.support.activity_data import COMMUNE, add, add_villages
from tests.support.db_snapshot import snapshot


def test_the_profile_reaches_the_screens_as_a_frozen_copy(commune_db: Database) -> None:
    profile = profile_service.get_profile(commune_db)
    assert isinstance(profile, UnitProfile)
    assert (profile.mode, profile.unit_code, profile.signer_name) == (
        "commune",
        COMMUNE,
        "Lò Văn Thành",
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        profile.signer_name = "x"  # type: ignore[misc]
    changed = profile_service.update_signer(
        commune_db, profile_service.SignerChange(signer_name="Quàng Thị Mai")
    )
    assert isinstance(changed, UnitProfile) and changed.signer_name == "Quàng Thị Mai"
    assert profile_service.get_profile(commune_db) == changed
    assert profile_service.signature_line(changed) == "TM. ỦY BAN NHÂN DÂN"


def test_list_entries_count_their_activities_and_a_refusal_changes_nothing(
    commune_db: Database, paths: AppPaths
) -> None:
    add_villages(commune_db, ("Bản Nà", "Bản Co"))
    add(commune_db, village="Bản Nà")
    villages = reference.entries(commune_db, "village", COMMUNE)
    assert [(v.name, v.used) for v in villages] == [("Bản Co", 0), ("Bản Nà", 1)]
    assert [v.used for v in reference.entries(commune_db, "village", COMMUNE, counted=False)] == [
        0,
        0,
    ]
    before = snapshot(paths.database)
    with pytest.raises(UserError, match="already exists"):
        reference.add_entry(commune_db, "village", COMMUNE, "ban na")
    with pytest.raises(UserError, match="cannot be deleted"):
        reference.delete_entry(commune_db, "village", villages[1].id)
    assert snapshot(paths.database) == before
    added = reference.add_entry(commune_db, "team", COMMUNE, "Tổ  y tế thôn")
    assert added.name == "Tổ y tế thôn" and added.active
    reference.set_entry_active(commune_db, "team", added.id, False)
    renamed = reference.rename_entry(commune_db, "team", added.id, "Tổ Y tế thôn bản")
    assert (renamed.name, renamed.active) == ("Tổ Y tế thôn bản", False)


def test_the_venue_form_starts_from_plain_data_and_saves_in_one_call(
    commune_db: Database, paths: AppPaths
) -> None:
    (village,) = add_villages(commune_db, ("Bản Nà",)).values()
    empty = venues.form(commune_db, COMMUNE, None)
    assert empty.venue is None and empty.next_code == f"{COMMUNE}-0001"
    assert [(v.name, v.active) for v in empty.villages] == [("Bản Nà", True)]
    draft = venues.VenueDraft(name="Trạm Y tế xã", category="health_station", village_id=village)
    venue_id = venues.save(commune_db, COMMUNE, None, draft)
    filled = venues.form(commune_db, COMMUNE, venue_id)
    assert filled.venue is not None
    assert (filled.venue.code, filled.venue.village_name) == (f"{COMMUNE}-0001", "Bản Nà")
    before = snapshot(paths.database)
    with pytest.raises(UserError):
        venues.save(commune_db, COMMUNE, venue_id, dataclasses.replace(draft, name=""))
    assert snapshot(paths.database) == before
    listed = venues.listing(commune_db, COMMUNE, limit=0)
    assert (listed.total, listed.rows) == (1, ())
    assert venues.summary_of(commune_db, COMMUNE).total == 1


# -- the convention, checked on the source ------------------------------------------------

PACKAGE = Path(profile_service.__file__).parents[1]
_OPENS_A_SESSION = {"session", "read_session", "write_session"}


def _sessions_opened(folder: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in _OPENS_A_SESSION
            ):
                found[path.relative_to(PACKAGE).as_posix()] += 1
    return found


@pytest.mark.parametrize("folder", ["gui", "cli"])
def test_screens_and_commands_open_no_database_session(folder: str) -> None:
    """A service owns its transaction: the window and the commands pass it the ``Database``
    and get plain data back (the session-taking helpers compose inside services only)."""
    assert dict(_sessions_opened(folder)) == {}


def _table_models() -> set[str]:
    tree = ast.parse((PACKAGE / "store" / "models.py").read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.ClassDef) and any(k.arg == "table" for k in node.keywords)
    }


def test_what_opens_its_own_transaction_returns_no_orm_row() -> None:
    """An ORM row outlives its session only as a trap (lazy loads, stale writes): a service
    function taking ``db`` returns dataclasses or the domain's models instead."""
    rows = _table_models()
    assert {"Profile", "Activity", "Venue", "CampaignRecord"} <= rows
    leaking = []
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            first = node.args.args[0].annotation if node.args.args else None
            if first is None or "Database" not in ast.unparse(first) or node.returns is None:
                continue
            named = set(re.findall(r"\w+", ast.unparse(node.returns)))
            if named & rows:
                leaking.append(f"{path.name}:{node.name} -> {ast.unparse(node.returns)}")
    assert leaking == []


# -- what the screens ask in one call -----------------------------------------------------


def test_the_profile_is_required_in_one_call_and_a_blank_database_says_so(db: Database) -> None:
    with pytest.raises(UserError, match="not set up yet"):
        profile_service.require(db)


def test_the_move_across_the_reform_is_asked_and_answered_in_plain_data(
    commune_db: Database, paths: AppPaths
) -> None:
    """Mường Giàng (2021) has its move to Xã Quỳnh Nhai before it; once moved, none, and the
    communes merged with it are the ones whose history it may take in."""
    before = profile_service.require(commune_db)
    plan = unit_history.pending_move(commune_db, before)
    assert plan is not None
    assert (plan.old.name, plan.new.name, plan.on) == (
        "Mường Giàng",
        "Quỳnh Nhai",
        dt.date(2025, 7, 1),
    )
    assert unit_history.check_move(commune_db, plan.new.code, plan.on) == plan
    assert merged_history.mergeable(commune_db, before) == []
    unchanged = snapshot(paths.database)
    with pytest.raises(UserError):
        unit_history.check_move(commune_db, plan.new.code, plan.on + dt.timedelta(days=1))
    assert snapshot(paths.database) == unchanged
    _plan, after = unit_history.move(commune_db, plan.new.code, plan.on)
    assert unit_history.pending_move(commune_db, after) is None
    assert [i.full_name for i in unit_history.identities(commune_db)] == [
        "Xã Mường Giàng",
        "Xã Quỳnh Nhai",
    ]
    assert merged_history.mergeable(commune_db, after) == [
        "Xã Chiềng Ơn",
        "Xã Chiềng Bằng",
        "Xã Chiềng Khoang",
    ]  # the unit list's order; Thị trấn Mường Giàng kept the code: its history is this one
    assert merged_history.taken(commune_db) == []
    assert [c.id for c in campaigns.installed(commune_db)] == ["covid-2021"]
