"""Exact entity boundaries and classes, twelfth round (issue 14, strict F1; communiqués and transcripts first): the
general classes of the pooled development-set errors, each checked on a made-up text of that class."""

from __future__ import annotations

from dataclasses import replace

from briefing_app.nlp import recall_rules
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.entities import MODEL, Candidate
from briefing_app.nlp.gazetteer import default_gazetteer
from tests.nlp.conftest import entity_pairs as _ents
from tests.nlp.passages import pillars_of

# --- a heading's topic in common words is no name --------------------------------------------------------------------

_TOPIC_HEADING = ("Joint Statement of the Kenya-Tanzania Commission on the Protection of Critical Subsea Cables\n"
                  "Mombasa, 3 March 2026\n"
                  "The ministers agreed to protect critical subsea cables and to share repair ships.")


def test_the_topic_of_a_statement_heading_is_no_body(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, _TOPIC_HEADING)
    assert not any(text.startswith("Protection") for text, _ in ents), ents


def test_a_fact_sheets_list_of_topics_is_no_list_of_bodies(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "FACT SHEET: EU–Chile Cooperation on Digital Transformation, Semiconductors and Green "
                           "Hydrogen\nSantiago, 4 December 2026\nThe partners will buy semiconductors and green hydrogen "
                           "from 2028.")
    assert not any("Hydrogen" in text or "Semiconductors" in text for text, _ in ents), ents


def test_a_body_named_as_a_headings_topic_stays_a_name(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Statement of the Chair on the Kenya Ports Authority\n"
                           "Mombasa, 3 March 2026\n"
                           "The authority will publish its accounts, and the ports will stay open.")
    assert ("Kenya Ports Authority", "ORG") in ents, ents


def test_a_topic_word_capitalised_in_prose_is_not_touched(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The ministers met on Green Island. They agreed that green energy matters.\n"
                           "The next meeting is in May.")
    assert ("Green Island", "GPE") in ents or ("Green Island", "LOC") in ents, ents


def test_two_bodies_joined_by_and_the_in_a_heading_act_together(analyzer: Analyzer) -> None:
    """The two bodies of a joint statement's heading meet: the heading is diplomacy, as "X and Y agree" is."""
    text = ("Joint Statement of the Caribbean Community Secretariat and the European Commission on Pandemic "
            "Preparedness and Health Security\nGeorgetown, 4 June 2026 – The two sides agreed to fund vaccine plants in "
            "Guyana and Jamaica and to improve outbreak response and health security.")
    assert "diplomacy" in pillars_of(analyzer, text, "Joint Statement"), text


# --- names with a plus sign: a programme's follow-up and a grouping of groupings ------------------------------------

def test_a_programme_or_process_named_with_a_plus_is_one_initiative(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The ministers agreed to double Horizon+ grants for researchers from the Sahel. The "
                           "Lomé+25 process will close in Accra next year.")
    assert ("Horizon+", "LAW") in ents and ("Lomé+25", "LAW") in ents, ents


def test_a_format_of_two_groupings_joined_by_a_plus_is_a_grouping(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Leaders of the EAC+B3 format met in Kigali in May and agreed a customs pilot.")
    assert ("EAC+B3", "ORG") in ents, ents


def test_ratings_and_sums_with_a_plus_are_no_names(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The scheme is open to Grade 10+ pupils and Year 12+ students, and 2+3 makes five.")
    assert not any("+" in text and label in ("LAW", "ORG") for text, label in ents), ents


# --- a named programme that offers is the party of the offer (commitments) -------------------------------------------

def _offers(analyzer: Analyzer, text: str) -> list[str]:
    return [c.action for c in replace(analyzer, find_commitments=True).analyze(text).commitments]


def test_a_programme_defined_with_its_acronym_which_offers_is_an_offer(analyzer: Analyzer) -> None:
    text = ("Investors use the Strategic Investment Promotion Regime (SIPR), which offers tax and currency guarantees "
            "for 20 years to projects above US$100 million.")
    assert "offer" in _offers(analyzer, text), text


def test_a_programme_that_offered_in_the_past_makes_no_offer(analyzer: Analyzer) -> None:
    text = "Investors used the Strategic Investment Promotion Regime (SIPR), which offered tax breaks until 2019."
    assert "offer" not in _offers(analyzer, text), text


# --- a state's own body named with an adjectival official name stays whole ------------------------------------------

def test_a_central_bank_of_an_adjectival_republic_is_one_body(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Under the programme, the Central Bank of the Oriental Republic was meant to rebuild "
                           "reserves.")
    assert ("Central Bank of the Oriental Republic", "ORG") in ents, ents


def test_an_adjectival_republic_alone_or_after_a_title_stays_a_place(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The President of the Oriental Republic flew to Lima. The Oriental Republic will host the "
                           "next summit.")
    assert ("Oriental Republic", "GPE") in ents, ents
    assert not any(text.startswith("President") for text, _ in ents), ents


# --- a committee's portfolio after "and" ends its heading line -------------------------------------------------------

def test_a_committees_last_portfolio_word_ending_a_heading_line_is_its_name(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Select Committee on Foreign Affairs and Defence\nWednesday, 14 January 2026\nChairman: I "
                           "welcome the Minister.")
    assert ("Select Committee on Foreign Affairs and Defence", "ORG") in ents, ents


def test_a_second_name_after_and_on_the_same_line_stays_apart(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The Standing Committee on Foreign Affairs and Defence Minister Ana Ruiz met on Monday.")
    assert ("Standing Committee on Foreign Affairs and Defence", "ORG") not in ents, ents


def test_a_person_after_the_in_a_headings_topic_is_a_common_noun(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Statement of the ASEAN Chair on the Situation in Cambodia\nManila, 12 July 2026\n1. We, the "
                           "Foreign Ministers of the Member States of ASEAN, met in Manila on 11 July 2026.")
    assert not any(text == "Situation" for text, _ in ents), ents


# --- a place before a speech verb after "in" is where the speaker is --------------------------------------------------

def test_an_official_in_a_town_said_keeps_the_town_a_place(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Without faster money, one official in Lofanga said, the generators will keep running.")
    assert ("Lofanga", "GPE") in ents, ents


def test_a_one_word_name_that_said_is_still_a_person(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The talks went well, Halvorsen said, and the generators will keep running.")
    assert ("Halvorsen", "PERSON") in ents, ents


# --- where people are deployed or a line is extended to is a place -----------------------------------------------------

def test_a_line_extended_to_a_town_ends_at_a_place(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "A railway segment from Serhetabat to Herat is expected to be extended to Karkhi next year.")
    assert ("Karkhi", "GPE") in ents, ents


def test_a_company_that_deploys_staff_stays_a_company(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Rosatom has deployed 300 engineers to the site, the company said.")
    assert ("Rosatom", "ORG") in ents, ents


# --- a country inside a heading the model reads as a work's title is still named ---------------------------------------

def test_the_visitors_country_in_a_visit_heading_is_a_place(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "Joint Communiqué on the Official Visit of the Prime Minister of Samoa to the Republic of "
                           "Palau\n1. At the invitation of the President of Palau, the Prime Minister of Samoa visited "
                           "Koror on 3 May.")
    assert ("Samoa", "GPE") in ents and ("Republic of Palau", "GPE") in ents, ents
    assert not any(label == "WORK_OF_ART" for _, label in ents), ents


# --- office-holders in the plural "of" a state: the state is named ----------------------------------------------------

def test_the_state_after_plural_ministers_is_a_place(analyzer: Analyzer) -> None:
    ents = _ents(analyzer, "The Foreign Ministers of Honduras and Panama met in Panama City on Monday.")
    assert ("Honduras", "GPE") in ents and ("Panama", "GPE") in ents, ents
    assert not any("Ministers" in text for text, _ in ents), ents


def test_a_heading_phrase_the_text_writes_in_lowercase_is_no_body() -> None:
    """A model "body" in a title-case heading whose every word the text writes in lowercase is the heading's style
    ("International Students: Kenya" over a debate on international students); a body's head noun keeps it."""
    text = ("International Students: Kenya\nVolume 851: debated on Thursday 22 January 2026\nLord Smith asked about "
            "international students from Kenya and the national security council.")
    g = default_gazetteer()
    phrase = Candidate(0, len("International Students"), "ORG", "model", MODEL)
    assert recall_rules.not_names(text, [phrase], g) == []
    body = ("National Security Council: Kenya\nVolume 851: debated on Thursday 22 January 2026\nLord Smith asked "
            "about the national security council of Kenya.")
    council = Candidate(0, len("National Security Council"), "ORG", "model", MODEL)
    assert recall_rules.not_names(body, [council], g) == [council]
