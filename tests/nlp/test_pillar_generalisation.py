"""Pillar classes that generalise across genres and regions (issue 14, second round): each test names one class
of error found on the development sets and checks it on made-up sentences (fictional countries and people)."""

from __future__ import annotations

import pytest

from briefing_app.nlp.pillars import PillarScorer, default_scorer
from tests.nlp.passages import pillars_of


@pytest.fixture(scope="module")
def scorer() -> PillarScorer:
    return default_scorer()


def _pillars(scorer: PillarScorer, text: str) -> list[str]:
    return scorer.passage(text, 0, len(text)).pillars



@pytest.mark.parametrize("sentence", [
    "Is there any progress towards a ceasefire in Borduria?",
    "The truce brokered last spring is holding along the northern border.",
    "Ministers called for an immediate cessation of hostilities in the eastern provinces.",
    "Our draft asks the five coastal states to sign a non-aggression pact.",
    "Since the peace accord was signed in October, the guns have fallen silent along the river.",
])
def test_peace_making_is_diplomacy_as_well_as_security(scorer, sentence):
    # ceasefires, truces and peace accords are negotiated between parties: the conflict is security, the
    # settling of it is diplomacy (DESIGN §3: conflicts are security; engagement is diplomacy)
    pillars = _pillars(scorer, sentence)
    assert "security" in pillars and "diplomacy" in pillars, pillars


def test_fighting_without_a_settlement_is_not_diplomacy(scorer):
    assert "diplomacy" not in _pillars(scorer, "Rebels shelled the border town again, and the conflict is spreading.")


DEBATE = (
    "Trade talks with Ruritania (debate)\n"
    "The DEPUTY SPEAKER: I call the Minister.\n"
    "The MINISTER OF FINANCE, PLANNING AND DEVELOPMENT: Hon Deputy Speaker, I thank the hon member for the "
    "question.\n"
    "Our tariff offer on steel and wine remains on the table.\n"
    "Madam Deputy Speaker: I call the Liberal Democrat spokesperson.\n"
)


@pytest.mark.parametrize("turn", ["The DEPUTY SPEAKER: I call", "The MINISTER OF FINANCE", "Madam Deputy Speaker: I"])
def test_chair_calling_the_next_speaker_and_thanks_under_a_long_office_label_get_no_pillar(analyzer, turn):
    # the chair's "I call the Minister" is procedure; a label listing portfolios with commas ("MINISTER OF
    # FINANCE, PLANNING AND DEVELOPMENT") is a speaker label, not a sentence about finance
    assert pillars_of(analyzer, DEBATE, turn) == []


def test_content_after_procedural_turns_keeps_its_pillar(analyzer):
    assert "trade" in pillars_of(analyzer, DEBATE, "Our tariff offer")


@pytest.mark.parametrize("sentence", [
    "We request that the survey ship respect Borduria's sovereign rights and jurisdiction in its waters.",
    "Syldavia has full legal basis for its sovereignty over the Kelp Islands, and coast guard patrols will continue.",
    "Was there progress on the maritime boundary near the Kelp Islands, and on fishing incidents at sea?",
    "The border dispute flared again after troops crossed the river.",
])
def test_sovereignty_and_boundary_disputes_are_diplomacy_beside_security(scorer, sentence):
    # a claim over territory is argued between states (diplomacy) about who controls ground and sea (security)
    pillars = _pillars(scorer, sentence)
    assert "diplomacy" in pillars and "security" in pillars, pillars


def test_sovereign_funds_and_bonds_are_not_sovereignty(scorer):
    assert "diplomacy" not in _pillars(scorer, "The sovereign wealth fund will invest in the new container port.")


@pytest.mark.parametrize("sentence", [
    "The fund lends over twenty years at low rates for sea walls and water systems.",
    "Critics say the island has borrowed heavily from multilateral lenders since the storm.",
    "The central bank drew on its swap line with the Federal Reserve for the second time this year.",
])
def test_lending_and_borrowing_between_states_and_lenders_is_trade(scorer, sentence):
    # DESIGN §3 / issue 14: debt and IMF financing are trade (economy)
    assert "trade" in _pillars(scorer, sentence)


def test_landmines_are_security(scorer):
    assert "security" in _pillars(scorer, "New landmines were found near the old temple, and demining teams were sent.")


@pytest.mark.parametrize("sentence", [
    "Statement of the Forum Chair on the Situation in Borduria",
    "Both sides will keep the situation in the Kelp Sea calm.",
])
def test_the_situation_in_a_place_is_conflict_language(scorer, sentence):
    # "the situation in X" is how councils and chairs name a conflict on their agenda
    assert "security" in _pillars(scorer, sentence)


def test_fishermen_are_people_and_fishing_business_is_still_trade(scorer):
    # fishermen detained abroad or displaced are people (consular care, livelihoods); the fishing trade needs a
    # trade word of its own (quotas, exports)
    assert "people" in _pillars(scorer, "The embassy has visited the 27 fishermen and asked for their early release.")
    assert "people" in _pillars(scorer, "For the fishermen of the northern coast, the stakes are immediate.")
    assert "trade" in _pillars(scorer, "Fishermen say tuna exports and catch quotas fell by a third.")
