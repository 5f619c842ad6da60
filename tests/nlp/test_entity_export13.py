"""What an exported Key actors table showed in round 13 (issue 14): ships listed as people or organisations, and
places named with a Malay, Indonesian or Vietnamese geographic word taken for people. Made-up text."""

from __future__ import annotations

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.services.actors import ACTOR_TYPES
from tests.nlp.conftest import entity_pairs as _ents


def test_a_ship_named_with_its_prefix_is_never_a_key_actor(analyzer: Analyzer) -> None:
    text = ("Two cutters shadowed the patrol ship BRP Amparo Lucero for a week. The navy sent INS Tarang and "
            "INS Vikrant Sagar to the gulf, and the aircraft carrier USS Harold Baxter joined them. As the "
            "Bakamla cutter KN Pulau Seruni escorted the boats towards Natuna, Captain Arya Wibowo said all was calm.")
    ents = dict(_ents(analyzer, text))
    for ship in ("BRP Amparo Lucero", "INS Tarang", "INS Vikrant Sagar", "USS Harold Baxter", "KN Pulau Seruni"):
        assert ents.get(ship) == "PRODUCT", (ship, ents)
        assert ents[ship] not in ACTOR_TYPES  # hidden, and out of the Key actors table
    assert not any(t in ("Amparo Lucero", "Harold Baxter", "Pulau Seruni", "Vikrant Sagar") for t in ents), ents
    assert ents.get("Arya Wibowo") == "PERSON", ents


def test_a_prefix_like_word_that_is_not_a_ships_keeps_its_name(analyzer: Analyzer) -> None:
    ents = dict(_ents(analyzer, "Officials of the Ministry of Defence met Laila Mansour in Amman on Monday."))
    assert ents.get("Laila Mansour") == "PERSON", ents


def test_a_malay_or_vietnamese_geographic_word_makes_a_place_not_a_person(analyzer: Analyzer) -> None:
    text = ("Boats from Tanjung Seruak sailed through Selat Pandan on Monday. Fishermen on Đảo Hòn Mây said "
            "Gunung Rata was covered in ash.")
    ents = dict(_ents(analyzer, text))
    for place in ("Tanjung Seruak", "Selat Pandan", "Đảo Hòn Mây", "Gunung Rata"):
        assert ents.get(place) in ("GPE", "LOC"), (place, ents)


def test_a_body_named_with_its_nationality_and_its_bracketed_short_name_are_organisations(analyzer: Analyzer) -> None:
    """The model tagged "Indonesian" alone and the short name as a place: the Key actors table listed the agency as
    a place. Nationality + capitalised words ending in a body's head is the body; its short name follows it."""
    text = ("Fishing crews were held for a week. The Indonesian Maritime Patrol Agency (Bakamra) said the crews were "
            "safe. Bakamra boats stayed near Ranai.")
    ents = _ents(analyzer, text)
    assert ("Indonesian Maritime Patrol Agency", "ORG") in ents, ents
    assert ("Bakamra", "ORG") in ents and not any(t == "Bakamra" and lab != "ORG" for t, lab in ents), ents


def test_a_state_organ_named_by_its_head_keeps_the_nationality_apart(analyzer: Analyzer) -> None:
    ents = dict(_ents(analyzer, "The Indian Ministry of External Affairs and the Borduran Navy were told on Monday."))
    assert ents.get("Ministry of External Affairs") == "ORG", ents
    assert "Indian Ministry" not in ents, ents
