"""Exact entity boundaries and classes, sixth round (issue 14, strict F1 on unseen genres): each test names one
general class of error found on the development sets and checks a made-up text of that class."""

from __future__ import annotations

from tests.nlp.conftest import entity_pairs as _ents


def test_a_speaker_label_with_a_title_of_several_words_names_only_the_holder(analyzer):
    text = ("MODERATOR: Welcome to the briefing.\n"
            "DEPUTY CABINET SECRETARY OKWANDU: Thank you. The corridor will open next year.\n"
            "Q: And the port?\n"
            "DEPUTY CABINET SECRETARY OKWANDU: The port follows.\n"
            "Head of State TALIVERA MONTES: We agree with that.")
    ents = _ents(analyzer, text)
    assert {("OKWANDU", "PERSON"), ("TALIVERA MONTES", "PERSON")} <= ents, ents
    assert not any("CABINET" in t or "Head" in t for t, _ in ents), ents


def test_a_portfolio_with_a_comma_or_and_the_stays_in_the_title(analyzer):
    text = ("Minister of Agriculture, Fisheries and Forestry Tomas Elvander opened the fair. "
            "Minister of Finance and the Public Service Dorrit Ashgrove said the money would be released. "
            "Minister for Overseas Territories Colette Varenne visited the atoll.")
    ents = _ents(analyzer, text)
    assert {("Tomas Elvander", "PERSON"), ("Dorrit Ashgrove", "PERSON"), ("Colette Varenne", "PERSON")} <= ents, ents
    assert not any(t.startswith(("and", "Fisheries", "Forestry", "Public", "Overseas", "Service"))
                   for t, label in ents if label == "PERSON"), ents


def test_a_comma_after_a_portfolio_before_a_name_ends_the_title(analyzer):
    text = "The Minister of Mining, Rosalind Carvajal, met the Secretary of Health, Ignatius Pemberton, on Monday."
    ents = _ents(analyzer, text)
    assert {("Rosalind Carvajal", "PERSON"), ("Ignatius Pemberton", "PERSON")} <= ents, ents


def test_a_peerage_after_an_office_is_a_title_not_part_of_the_name(analyzer):
    ents = _ents(analyzer, '"The sea is rising," Prime Minister Lord Vailahi told reporters in the capital.')
    assert ("Vailahi", "PERSON") in ents, ents
    assert not any(t.startswith("Lord") for t, _ in ents), ents


def test_an_office_title_read_as_a_body_is_dropped_and_its_state_kept(analyzer):
    text = ("I welcome my sister, the Minister of Foreign Affairs of the Sudan, to Velmora. The Minister for Foreign "
            "Affairs of Japan arrived on Monday.")
    ents = _ents(analyzer, text)
    assert {("Sudan", "GPE"), ("Japan", "GPE")} <= ents, ents
    assert not any(t.startswith(("Minister", "for")) for t, _ in ents), ents


def test_a_lowercase_joint_is_never_part_of_a_titled_name(analyzer):
    ents = _ents(analyzer, "Talks were held with Omar Haddad, the UAE's Minister of State for Foreign Trade. \"The "
                           "agreement works,\" Haddad said.")
    assert not any(t in ("for", "and", "the") for t, _ in ents), ents


def test_the_class_of_a_place_runs_along_the_whole_list(analyzer):
    text = ("Fighting continued in Rakhine, Shan and Sagaing. The army will open support hubs in Iqaluit, "
            "Inuvik and Yellowknife. Ore goes to the ports of Antofagasta and Iquique.")
    ents = _ents(analyzer, text)
    assert {("Sagaing", "GPE"), ("Yellowknife", "GPE"), ("Iquique", "GPE")} <= ents, ents
