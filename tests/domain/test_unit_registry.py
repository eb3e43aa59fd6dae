"""The dated unit registry: the 2021 chain and the 75 Sơn La units of 1 July 2025."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from quynhnhai_desktop.config import resource
from quynhnhai_desktop.domain.units import UnitRegistry, default_units, load_units

BEFORE, AFTER = dt.date(2021, 9, 1), dt.date(2025, 10, 1)
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data" / "son-la-units-2025.json"


def test_the_2021_chain_is_commune_district_province() -> None:
    units = default_units()
    district = units.reports_to("03703", BEFORE)
    assert district is not None and district.full_name == "Huyện Quỳnh Nhai"
    province = units.reports_to(district.code, BEFORE)
    assert province is not None and province.full_name == "Tỉnh Sơn La"
    assert [u.code for u in units.reporting_to("14", BEFORE)] == ["118"]
    assert len(units.reporting_to("118", BEFORE)) == 11


def test_from_july_2025_communes_report_straight_to_the_province() -> None:
    units = default_units()
    communes = units.reporting_to("14", AFTER)
    assert len(communes) == 75
    assert {u.level for u in communes} == {"commune"}
    assert sum(u.kind == "Phường" for u in communes) == 8
    quynh_nhai = units.reports_to("03703", AFTER)
    assert quynh_nhai is not None and quynh_nhai.code == "14"
    assert units.reporting_to("118", AFTER) == []


def test_a_reused_code_names_a_different_place_on_each_side_of_the_reform() -> None:
    units = default_units()
    old, new = units.get("03703", BEFORE), units.get("03703", AFTER)
    assert old is not None and new is not None
    assert old.full_name == "Xã Mường Giàng" and new.full_name == "Xã Quỳnh Nhai"
    assert old.dated_label == "03703 Xã Mường Giàng (đến 30/06/2025)"
    assert new.dated_label == "03703 Xã Quỳnh Nhai (từ 01/07/2025)"
    assert units.get("03703", dt.date(2025, 6, 30)) == old
    assert units.get("03703", dt.date(2025, 7, 1)) == new


@pytest.mark.parametrize(
    ("new_code", "new_name", "old_names"),
    [
        ("03703", "Quỳnh Nhai", {"Chiềng Ơn", "Mường Giàng", "Chiềng Bằng", "Chiềng Khoang"}),
        ("03688", "Mường Chiên", {"Mường Chiên", "Cà Nàng", "Chiềng Khay"}),
        ("03694", "Mường Giôn", {"Mường Giôn", "Pá Ma Pha Khinh"}),
        ("03712", "Mường Sại", {"Mường Sại", "Nậm Ét"}),
    ],
)
def test_quynh_nhai_s_eleven_communes_became_four(
    new_code: str, new_name: str, old_names: set[str]
) -> None:
    units = default_units()
    new = units.get(new_code, AFTER)
    assert new is not None and new.name == new_name
    olds = {units.get(m.code, BEFORE) for m in new.merged_from}
    assert {u.name for u in olds if u is not None} == old_names
    for old in olds:
        assert old is not None
        assert units.successor(old.code, dt.date(2025, 7, 1)) == new


def test_the_registry_holds_every_unit_of_the_shared_data_file() -> None:
    if not SHARED.exists():
        pytest.skip("the shared data file is not beside this checkout")
    source = json.loads(SHARED.read_text(encoding="utf-8"))
    units = default_units()
    for row in source["units"]:
        unit = units.get(row["code"], AFTER)
        assert unit is not None and unit.full_name == row["name"]
        assert [m.code for m in unit.merged_from] == [m["code"] for m in row["merged_from"]]


def test_two_units_with_one_code_on_the_same_day_are_refused(tmp_path: Path) -> None:
    data = json.loads(resource("units", "son-la.json").read_text(encoding="utf-8"))
    clash = dict(data["units"][-1], name="Trùng", valid_from="2025-08-01")
    data["units"].append(clash)
    path = tmp_path / "units.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValidationError, match="listed twice"):
        load_units(path)
    assert isinstance(default_units(), UnitRegistry)
