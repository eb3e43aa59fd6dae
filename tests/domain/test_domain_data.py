"""The catalog and the unit list load and validate; bad files are refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from quynhnhai_desktop.config import resource
from quynhnhai_desktop.domain.campaign import first_campaign
from quynhnhai_desktop.domain.catalog import (
    default_teams,
    load_catalog,
    venue_categories,
)
from quynhnhai_desktop.domain.units import default_units

FORMS = {
    "loudspeaker": ["sessions", "minutes", "news_items"],
    "direct": [
        "sessions",
        "people",
        "households",
        "leaflets",
        "bluezone_installs",
        "health_book_installs",
        "medical_declarations",
        "vaccination_registrations",
    ],
    "meeting": ["sessions", "people"],
    "leaflets": ["leaflets", "households"],
    "visual": ["posters"],
    "mobile_vehicle": ["sessions", "minutes"],
    "news": ["news_items"],
    "social_media": ["news_items", "people"],
    "install_support": [
        "sessions",
        "people",
        "bluezone_installs",
        "health_book_installs",
        "medical_declarations",
        "vaccination_registrations",
        "qr_venues_registered",
    ],
}
TOPICS = [
    "bluezone",
    "health_book",
    "medical_declaration",
    "venue_qr",
    "vaccination_benefit",
    "vaccination_registration",
    "online_testing",
    "online_learning",
    "telemedicine",
    "national_unity",
    "good_examples",
    "counter_misinformation",
]


def test_catalog_has_the_stable_codes_of_the_letter() -> None:
    catalog = first_campaign()
    assert {f.code: list(f.indicators) for f in catalog.forms} == FORMS
    assert [t.code for t in catalog.topics] == TOPICS
    assert len(catalog.indicators) == 12
    assert catalog.form("loudspeaker").vi == "Truyền thanh cơ sở"


def test_catalog_labels_are_nfc_and_found_by_either_language_without_accents() -> None:
    catalog = first_campaign()
    for item in (*catalog.forms, *catalog.topics, *catalog.indicators):
        assert item.vi == __import__("unicodedata").normalize("NFC", item.vi)
    assert catalog.find_form("truyen thanh co so").code == "loudspeaker"
    assert catalog.find_topic("Telemedicine").code == "telemedicine"
    assert catalog.find_indicator("so ho").code == "households"
    assert catalog.find_form("nothing like it") is None


def test_a_catalog_whose_form_names_an_unknown_indicator_is_refused(tmp_path: Path) -> None:
    data = json.loads(resource("catalogs", "covid-2021.json").read_text(encoding="utf-8"))
    data["forms"][0]["indicators"].append("smiles")
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValidationError, match="smiles"):
        load_catalog(broken)


def test_quynh_nhai_has_its_eleven_communes_of_2021() -> None:
    units = default_units()
    communes = units.children("118", on=dt.date(2021, 9, 1))
    assert {u.code: u.name for u in communes} == {
        "03682": "Mường Chiên",
        "03685": "Cà Nàng",
        "03688": "Chiềng Khay",
        "03694": "Mường Giôn",
        "03697": "Pá Ma Pha Khinh",
        "03700": "Chiềng Ơn",
        "03703": "Mường Giàng",
        "03706": "Chiềng Bằng",
        "03709": "Mường Sại",
        "03712": "Nậm Ét",
        "03718": "Chiềng Khoang",
    }
    assert units.get("118").parent == "14"
    assert units.get("14").name == "Sơn La"


def test_units_carry_validity_dates_because_codes_were_reused() -> None:
    units = default_units()
    assert units.get("03703", on=dt.date(2021, 9, 1)) is not None
    assert units.get("118", on=dt.date(2025, 7, 1)) is None  # district level abolished
    assert units.children("118", on=dt.date(2026, 1, 1)) == []


def test_default_teams_and_venue_categories() -> None:
    assert "Đoàn Thanh niên" in default_teams()
    assert len(default_teams()) == 9
    assert [c.code for c in venue_categories()][:2] == ["market", "shop"]
