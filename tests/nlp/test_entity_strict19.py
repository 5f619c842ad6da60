"""Exact entity boundaries and classes, nineteenth round (issue 14, strict F1): each rule checked on made-up texts,
with texts where it must not fire."""

from __future__ import annotations

import pytest

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.conftest import entity_pairs as _ents

# --- a speech verb after a name ending in a country keeps it a person --------------------------------------------------


@pytest.mark.parametrize("person_text, person, body_text, body", [
    ("Peter Sweden said the plant would close in March.", "Peter Sweden",
     "Space Norway said it would launch two satellites next year.", "Space Norway"),
    ("Peter Sweden told reporters on Monday that the plant would close.", "Peter Sweden",
     "Orbit Sweden said in a statement that the cable was cut.", "Orbit Sweden"),
    ('"We will not close the plant," Mara Finland says.', "Mara Finland",
     "Orbit Sweden said on its website that the cable was cut.", "Orbit Sweden"),
    ("Peter Sweden said it was a difficult day for the town.", "Peter Sweden",
     "Business Finland said on Monday that it would fund three projects.", "Business Finland"),
])
def test_a_name_ending_in_a_country_that_speaks_is_a_person(analyzer: Analyzer, person_text: str, person: str,
                                                             body_text: str, body: str) -> None:
    ents = _ents(analyzer, person_text)
    assert (person, "PERSON") in ents and (person, "ORG") not in ents, ents
    # ... while a body named after its country speaks as a body: "said it would", "in a statement", "its website"
    assert (body, "ORG") in _ents(analyzer, body_text)


# --- a seat of government heading a location line is the venue, a place --------------------------------------------


@pytest.mark.parametrize("text, seat", [
    ("Joint press conference of Chancellor Anna Weber and President Ivo Marek\nFederal Chancellery, Vienna, 3 March "
     "2026\nCHANCELLOR WEBER: Welcome.", "Federal Chancellery"),
    ("Remarks at a press conference with Prime Minister Jan Nowak\nLocation: Chancellery of the Prime Minister, "
     "Warsaw\nPRIME MINISTER NOWAK: Good morning.", "Chancellery of the Prime Minister"),
    ("Statement by the President\nOfficial Residence of the Prime Minister, Tokyo, 4 May 2026\nThe two leaders met.",
     "Official Residence of the Prime Minister"),
])
def test_a_seat_of_government_heading_a_location_line_is_a_place(analyzer: Analyzer, text: str, seat: str) -> None:
    ents = _ents(analyzer, text)
    assert (seat, "FAC") in ents, ents


def test_the_seat_as_an_institution_or_a_think_tank_byline_stays_a_body(analyzer: Analyzer) -> None:
    # the institution that speaks, a think tank's byline, a bare back-reference: no venue line
    ents = _ents(analyzer, "Federal Chancellery, Vienna, 3 March 2026\nThe Federal Chancellery said on Monday that "
                           "talks would resume.\nChatham House, London, 5 May 2026")
    assert ("Federal Chancellery", "FAC") in ents and ("Federal Chancellery", "ORG") in ents, ents
    assert ("Chatham House", "ORG") in ents, ents


# --- "every month", "each year": a frequency, as "monthly" is, not a date ------------------------------------------


@pytest.mark.parametrize("text, frequency", [
    ("Each year the river authority allocates a volume for generation to both utilities.", "Each year"),
    ("Every year of delay leaves the old frigates at sea.", "Every year"),
    ("The two agencies agreed to share the water readings every month.", "every month"),
])
def test_every_or_each_with_a_bare_unit_is_a_frequency_not_a_date(analyzer: Analyzer, text: str,
                                                                   frequency: str) -> None:
    ents = _ents(analyzer, text)
    assert not any(t == frequency for t, _ in ents), ents


def test_every_with_a_number_of_units_is_still_a_period(analyzer: Analyzer) -> None:
    # with its number the phrase is a period the gold marks ("every six months"), and "each year from 2026" keeps
    # its year; the bare frequency before it is dropped
    ents = _ents(analyzer, "The council meets every six months in Geneva, and each year the chair rotates.")
    assert ("every six months", "DATE") in ents and not any(t == "each year" for t, _ in ents), ents


# --- "our Congress", "no Government": an institution's noun after a possessive or quantifier is no name ------------


@pytest.mark.parametrize("text, noun", [
    ("If our Congress approves the budget, the old frigates could be sold.", "Congress"),
    ("I will not publish the legal advice; no Government does.", "Government"),
    ("Their Parliament voted on Tuesday, and every Senate must agree.", "Parliament"),
])
def test_an_institutions_noun_after_a_possessive_is_a_common_noun(analyzer: Analyzer, text: str, noun: str) -> None:
    ents = _ents(analyzer, text)
    assert not any(t == noun for t, _ in ents), ents


def test_the_named_institution_and_a_longer_name_after_a_possessive_stay(analyzer: Analyzer) -> None:
    # "the Congress", a bare "Congress", and a longer name after "its" are names
    ents = _ents(analyzer, "Our Congress met. Congress passed the bill, the Senate will vote, and the Indian National "
                           "Congress and its Congress Working Committee met.")
    assert ("Congress", "ORG") in ents and ("Senate", "ORG") in ents, ents
    assert ("Congress Working Committee", "ORG") in ents, ents
    # only the bare name is tagged, not the common noun before it
    starts = [e.start for e in analyzer.analyze("Our Congress met. Congress passed the bill.").entities]
    assert starts == [18], starts


# --- the last unknown place of a list ends its sentence ---------------------------------------------------------------


@pytest.mark.parametrize("text, place", [
    ("Water prices rose sharply in the districts of Guanajuato and Tlalnepantla. With the harvest over, farmers sold "
     "their pumps.", "Tlalnepantla"),
    ("The tender covers the bus depots of Port Moresby and Aioun. The bank is also lending for roads.", "Aioun"),
    ("The survey counted the schools of Guanajuato and Aioun. With new funds, the ministry plans more.", "Aioun"),
])
def test_an_unknown_place_listed_last_before_a_full_stop_is_a_place(analyzer: Analyzer, text: str,
                                                                    place: str) -> None:
    ents = _ents(analyzer, text)
    assert (place, "GPE") in ents, ents
    # ... while an honorific's stop after a listed place ends no list: no place "Mr"
    ents = _ents(analyzer, "He met officials from Ghana and Mr. Mensah. The talks went on.")
    assert not any(t.startswith("Mr") for t, _ in ents), ents
