"""Exact entity boundaries and classes, ninth round (issue 14, strict F1 on text the rules were never tuned on): the
errors an exported Key actors table showed, and the next general classes of the pooled development-set errors, each
checked on a made-up text of that class."""

from __future__ import annotations

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.conftest import entity_pairs as _ents


def _people(analyzer: Analyzer, text: str) -> dict[str, str]:
    """Each PERSON the analyser tags in ``text``, with the role it reports (the Key actors table)."""
    return {e.text: e.role for e in analyzer.analyze(text).entities if e.label == "PERSON"}


def test_a_portfolio_in_a_title_never_leaves_a_piece_of_it_as_a_person(analyzer):
    text = ("Ruritania's Minister of Marine Affairs and Fisheries Tomas Varga met the Minister of Marine Affairs "
            "and Fisheries of Borduria on Monday. The Minister for Ocean Resources and Development also spoke, "
            "and the Minister for Marine and Fisheries Ana Kovac closed the session.")
    people = _people(analyzer, text)
    assert set(people) == {"Tomas Varga", "Ana Kovac"}, people
    assert people["Tomas Varga"] == "Minister of Marine Affairs and Fisheries", people
    ents = _ents(analyzer, text)
    assert not any(t in ("Marine", "Marine Affairs", "Ocean", "Ocean Resources and Development") for t, _ in ents), ents


def test_a_first_name_that_is_also_a_portfolio_word_stays_a_name_after_a_bare_title(analyzer):
    people = _people(analyzer, "President Marine Le Pen met Prime Minister Ocean Vuong in Lyon on Friday.")
    assert people.get("Marine Le Pen") == "President", people


def test_a_body_noun_before_or_in_apposition_decides_a_one_word_names_class(analyzer):
    text = ("Patrols were stepped up by the country's coast guard agency Velmara near Ostrov. Dravik, the "
            "maritime security authority, said two trawlers were seized. The regulator Ofcorn fined the utility "
            "Zentel.")
    ents = _ents(analyzer, text)
    assert {("Velmara", "ORG"), ("Dravik", "ORG"), ("Ofcorn", "ORG")} <= ents, ents


def test_an_untagged_name_after_a_companys_or_agencys_noun_is_an_organisation(analyzer):
    text = ("The Borduran state gas company Kaspigaz said gas could flow by 2027. Nurses are recruited by the "
            "state agency VELKA Roots under the scheme.")
    ents = _ents(analyzer, text)
    assert {("Kaspigaz", "ORG"), ("VELKA Roots", "ORG")} <= ents, ents


def test_a_place_in_apposition_to_a_partys_noun_stays_a_place_and_titles_stay_out(analyzer):
    text = "Voters in Kisumu, the party's stronghold, turned out early. The commission President spoke next."
    ents = _ents(analyzer, text)
    assert ("Kisumu", "GPE") in ents, ents
    assert not any(t == "President" for t, _ in ents), ents
