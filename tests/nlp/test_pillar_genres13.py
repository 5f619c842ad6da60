"""Pillars on every genre (issue 14, round 13): a second topical pillar the sentence's own words carry, diplomacy in
the closing formulas of talks, and cues that fired for the wrong pillar. Each test checks one class of error found on
the development sets on made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

import pytest

from tests.nlp.passages import pillars_of


@pytest.fixture(scope="module")
def scorer():
    from briefing_app.nlp.pillars import default_scorer

    return default_scorer()



@pytest.mark.parametrize("sentence", [
    "Under the new grid deal, Syldavia will sell power to Borduria during the dry season.",
    "The line is meant to carry summer power from Syldavia to the cities of Borduria.",
    "The state utility will supply power from two hydro plants on the Klow river for twenty years.",
    "Cross-border power contracts must be honoured even in a drought.",
])
def test_a_sale_of_power_across_a_border_is_energy_and_trade(scorer, sentence):
    # selling electricity to a neighbour is commerce as well as energy: the phrase carries both
    raw, _why = scorer.raw_scores(sentence)
    assert {"energy", "trade"} <= set(scorer.choose(raw))


SEIZURE = (
    "Syldavia protests Bordurian seizure of fishing boats\n"
    "\n"
    "KLOW, 3 May - Bordurian coast guard ships seized two Syldavian fishing boats and detained their crews near the "
    "Kelp Islands, the foreign ministry said.\n"
    "\n"
    "The crews were held for three days and their catch was confiscated, the ministry said. Fishing cooperatives in "
    "Vell Doi want the government to do more.\n"
)


def test_a_fishing_communitys_livelihood_is_trade_not_only_its_neighbours_security(analyzer):
    # a sentence about a fishing community's livelihood has a topic of its own (trade); without a cue it got
    # nothing here, and in the exported note it took the security of the seizure around it
    assert "trade" in pillars_of(analyzer, SEIZURE, "Fishing cooperatives in Vell Doi")


@pytest.mark.parametrize("sentence", [
    "8. Decides to remain seized of the matter.",
    "The two leaders also exchanged views on the fighting along the Kelp border, and agreed to remain in close contact.",
    "Both officials agreed to convene the trade and investment council in Klow and to stay in close contact.",
])
def test_the_closing_formulas_of_talks_are_diplomacy(scorer, sentence):
    raw, _why = scorer.raw_scores(sentence)
    assert "diplomacy" in scorer.choose(raw)


@pytest.mark.parametrize("sentence", [
    "A Bordurian drone crashed near the border post at Klow on Sunday.",
    "Drones struck the oil terminal at Port Anselm last week.",
])
def test_a_drone_in_an_incident_is_not_technology(scorer, sentence):
    raw, _why = scorer.raw_scores(sentence)
    assert "technology" not in scorer.choose(raw)


def test_a_drone_beside_a_technology_cue_still_is(scorer):
    raw, _why = scorer.raw_scores("The two firms will build underwater drones and the software that steers them.")
    assert "technology" in scorer.choose(raw)


def test_recruitment_brokers_are_no_peace_broker(scorer):
    _raw, why = scorer.raw_scores("The ministry will act against brokers who charge workers illegal recruitment fees.")
    assert "brokered" not in why.get("diplomacy", [])
    raw, _why = scorer.raw_scores("Syldavia brokered a deal between the two clans.")
    assert "diplomacy" in scorer.choose(raw)


def test_cathodes_and_trafficked_workers(scorer):
    raw, _why = scorer.raw_scores("The two laboratories are testing a new cathode made of graphite.")
    assert "technology" in scorer.choose(raw)
    raw, _why = scorer.raw_scores("The police raided scam compounds along the river that hold hundreds of trafficked "
                                  "workers.")
    assert {"people", "security"} <= set(scorer.choose(raw))


@pytest.mark.parametrize("sentence", [
    "Since March, three cables have been damaged in the Kelp Sea by ships dragging their anchors.",
    "The partners will set up a cable-repair pool that shares vessels and spare parts.",
    "Statement of the Kelp Sea States on the Protection of Undersea Infrastructure",
    "The new rail corridor avoids the chokepoints of the region.",
])
def test_harm_to_cables_and_chokepoints_is_security(scorer, sentence):
    # cables cut or dragged by anchors, their repair and protection, and exposure at chokepoints are the security of
    # infrastructure, not only its technology
    raw, _why = scorer.raw_scores(sentence)
    assert "security" in scorer.choose(raw)


def test_irregular_migrants_are_people_and_security(scorer):
    raw, _why = scorer.raw_scores("Thousands of irregular migrants were stranded near the northern crossings last year.")
    assert {"people", "security"} <= set(scorer.choose(raw))


def _gpes(text: str, *names: str):
    from briefing_app.nlp.types import EntitySpan

    return [EntitySpan(text.index(n), text.index(n) + len(n), "GPE", n) for n in names]


@pytest.mark.parametrize(("sentence", "place"), [
    ("Borduria could slow the permits the moment relations with Klow sour.", "Klow"),
    ("Syldavia is drifting from Marsk just as its ports need investors.", "Marsk"),
    ("The buyer has not said whether it will join, given tensions with Borduria after the clashes.", "Borduria"),
    ("Leaving the rail scheme was the price of calm with Marsk.", "Marsk"),
])
def test_a_relationship_with_a_state_named_is_diplomacy_beside_the_topic(scorer, sentence, place):
    # the relationship itself, with a country or a capital standing for its government: diplomacy joins the topic
    raw, why = scorer.raw_scores(sentence, _gpes(sentence, place))
    assert raw.get("diplomacy", 0.0) >= scorer.context_min
    assert "a relationship with another state" in why["diplomacy"]


@pytest.mark.parametrize(("sentence", "place"), [
    ("Our relationship with the investors in Klow is strong.", "Klow"),  # the relationship is not with the place
    ("Soybean shipments to Marsk rose by a third.", "Marsk"),  # no word of a relationship
])
def test_a_place_after_other_words_is_no_relationship(scorer, sentence, place):
    _raw, why = scorer.raw_scores(sentence, _gpes(sentence, place))
    assert "a relationship with another state" not in why.get("diplomacy", [])


BORDER = (
    "Syldavia and Borduria reopen border after clashes\n\n"
    "KLOW, 3 May - Syldavia and Borduria reopened their border on Thursday, a year after clashes killed 40 people near "
    "the frontier.\n\n"
    "Troops from both sides withdrew from the disputed villages under the ceasefire.\n\n"
    "The ministers called for faster transit of goods through the Kelp border crossing.\n"
)


def test_goods_through_a_border_crossing_are_trade_not_the_borders_security(analyzer):
    # in a story about a border's security the crossing where goods pass is trade: "border crossing" is one phrase,
    # not the security word "border" that the headline would back
    assert pillars_of(analyzer, BORDER, "The ministers called for faster transit") == ["trade"]
    assert "security" in pillars_of(analyzer, BORDER, "KLOW, 3 May")


@pytest.mark.parametrize("line", [
    "For more information: Directorate of Hydrocarbons, Klow.",
    "Inquiries: Public Affairs Division, Ministry of Defence",
    "Press contact: press@trade.example",
])
def test_a_releases_contact_line_is_furniture(line):
    from briefing_app.nlp.pillars import is_furniture

    text = f"Syldavia opens gas licensing round\n\nThe ministry opened the round on Monday.\n\n{line}\n"
    start = text.index(line)
    assert is_furniture(text, start, start + len(line))


def test_contacts_between_states_are_not_a_contact_line():
    from briefing_app.nlp.pillars import is_furniture

    text = "Contacts with Klow resumed in May after the border talks.\n"
    assert not is_furniture(text, 0, len(text) - 1)


@pytest.mark.parametrize("line", [
    "Spokesperson's Office, Ministry of Defence: +99-2-748-6000",
    "Media Relations, Department of Defence, 613-555-0199, media@defence.example",
    "Media office of the Deputy Prime Minister, (02) 6277 7800",
])
def test_a_line_with_a_telephone_number_or_an_email_address_is_furniture(line):
    from briefing_app.nlp.pillars import is_furniture

    text = f"Syldavia sends frigate to the Kelp Sea\n\nThe frigate sailed on Monday.\n\n{line}\n"
    start = text.index(line)
    assert is_furniture(text, start, start + len(line))


def test_a_sentence_with_a_span_of_years_is_not_a_contact_line():
    from briefing_app.nlp.pillars import is_furniture

    line = "The plan of action for defence cooperation 2026-2030 was adopted"
    text = f"Head\n\nBody text.\n\n{line}\n"
    start = text.index(line)
    assert not is_furniture(text, start, start + len(line))


def test_a_treaty_closing_formula_with_the_day_in_words_is_furniture(scorer):
    from briefing_app.nlp.pillars import METADATA

    assert METADATA.match("Done in Klow on the twenty-seventh day of March 2026, in four original copies in the "
                          "Syldavian language.")
    assert not METADATA.match("Done in time, the deal on the gas field will close in May 2026.")


def test_a_specialist_quoted_is_not_the_topic(analyzer):
    text = ("Syldavia and Borduria sign gas deal\n\n"
            "\"The gas is there, but the buyers are not ready,\" said Anna Roe, a Kelp Sea specialist at the University "
            "of Klow.\n")
    assert "people" not in pillars_of(analyzer, text, "\"The gas is there")
