"""What the screens get from the services: plain data, and each call its own transaction
(a refused one leaves the database as it was)."""

from __future__ import annotations

import dataclasses

import pytest

from quynhnhai_desktop.config import AppPaths
from quynhnhai_desktop.domain.errors import UserError
from quynhnhai_desktop.domain.profile import UnitProfile
from quynhnhai_desktop.services import profile as profile_service
from quynhnhai_desktop.services import reference, venues
from quynhnhai_desktop.store.database import Database
from tests.activity_data import COMMUNE, add, add_villages
from tests.db_snapshot import snapshot


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
