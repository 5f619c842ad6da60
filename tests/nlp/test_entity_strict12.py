"""Exact entity boundaries and classes, twelfth round (issue 14, strict F1; communiqués and transcripts first): the
general classes of the pooled development-set errors, each checked on a made-up text of that class."""

from __future__ import annotations

from briefing_app.nlp.analyzer import Analyzer
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
