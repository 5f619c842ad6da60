"""Pillar recall and precision on text the lexicon was never tuned on (issue 14, eleventh round). Each test names
one class of error found on the development sets (first on gold_heldout_round3) and checks it on made-up text
(fictional countries, people and places), never on a gold sentence."""

from __future__ import annotations

import pytest

from tests.nlp.passages import pillars_of

# --- a treaty is concluded between states: the relationship itself, beside the treaty's subject ---------------

@pytest.mark.parametrize("sentence, topic", [
    ("Under the treaty, Klow will fund a new police academy and share intelligence on smuggling rings.", "security"),
    ("The treaty opens a migration pathway for 300 Syldavian workers a year.", "people"),
])
def test_a_treaty_brings_diplomacy_beside_its_subject(analyzer, sentence, topic):
    assert {"diplomacy", topic} <= set(pillars_of(analyzer, sentence, sentence[:12]))


# --- "power" as electricity: power that is sold, sent, restored or flows ----------------------------------------

@pytest.mark.parametrize("sentence", [
    "Syldavia will send power north to its neighbour during the dry season.",
    "Engineers hope to restore power to the northern towns by Friday.",
    "The line will carry summer power from the mountains to the coast.",
    "Buyers pay less for it than for our thermal power.",
])
def test_power_that_is_traded_or_restored_is_energy(analyzer, sentence):
    assert "energy" in pillars_of(analyzer, sentence, sentence[:12])


# --- two governments acting together, or one making a pact with another, is the relationship itself ------------

@pytest.mark.parametrize("sentence, topic", [
    ("Chile and Uruguay agreed on Monday to repatriate 20,000 refugees from the border camps.", "people"),
    ("Chile and Bolivia have today signed an agreement to cut tariffs on copper exports and truck freight.", "trade"),
    ("Last year Uruguay signed a security pact with Paraguay against the smuggling gangs.", "security"),
])
def test_two_governments_acting_together_is_diplomacy(analyzer, sentence, topic):
    assert {"diplomacy", topic} <= set(pillars_of(analyzer, sentence, sentence[:12]))


def test_a_contract_with_a_company_is_not_diplomacy(analyzer):
    # (a guard: the partner must be a state, not a firm)
    sentence = "The Ministry of Defence signed a contract with Klow Dockyards for six patrol boats."
    assert "diplomacy" not in pillars_of(analyzer, sentence, "The Ministry")


# --- a release header (issuer, then "Press release" / "Fact sheet") is furniture ---------------------------------

@pytest.mark.parametrize("header", [
    "Ministry of Trade and Energy – Republic of Ruritania Press release",
    "Syldavian Investment Agency - Fact sheet",
    "Department of Trade and Industry (DTI) fact sheet, May 2026",
])
def test_a_release_header_gets_no_pillar(analyzer, header):
    text = (f"{header}\nRuritania and Syldavia open a new gas pipeline\n"
            "The pipeline will carry natural gas and create 4,000 jobs in the export industry.")
    assert pillars_of(analyzer, text, header[:12]) == []


def test_a_release_sentence_naming_a_fact_sheet_keeps_its_pillar(analyzer):
    # (a guard: a sentence of prose that ends with "fact sheet" is not a header)
    text = "Tariffs on steel exports will fall by half, the ministry said in a fact sheet."
    assert "trade" in pillars_of(analyzer, text, "Tariffs")


# --- a moderator's format, a chair's "called to order" and a broadcast's small talk are procedure ----------------

INTERVIEW = (
    "Syldavia's gas pipeline and the price of power\n"
    "HOST: Good morning, you're listening to Morning Report on Radio Klow.\n"
    "The ministers will make short statements and then take four questions.\n"
    "GUEST: Good to be with you, Jane.\n"
    "HOST: Will the gas pipeline lower electricity prices?\n"
    "GUEST: The pipeline brings natural gas to three power stations, and electricity prices will fall by a fifth.\n"
    "HOST: And the coal plants?\n"
    "GUEST: Coal will be phased out by 2030, and our emissions will fall with it.\n"
    "HOST: Thank you, ministers, and thank you all.\n"
)


@pytest.mark.parametrize("line", [
    "HOST: Good morning, you're listening",
    "The ministers will make short statements",
    "GUEST: Good to be with you",
    "HOST: Thank you, ministers",
])
def test_procedure_and_small_talk_get_no_pillar(analyzer, line):
    assert pillars_of(analyzer, INTERVIEW, line) == []


def test_the_interview_keeps_its_topic(analyzer):
    # (a guard)
    assert "energy" in pillars_of(analyzer, INTERVIEW, "GUEST: The pipeline brings")


@pytest.mark.parametrize("body", ["The meeting is called to order."])
def test_a_chair_opening_or_closing_an_item_is_procedure(analyzer, body):
    text = ("Debate on the gas pipeline\n"
            f"THE CHAIR: {body}\n"
            "Ms ROE: The pipeline will bring natural gas to three power stations and cut our emissions.\n"
            "Mr DOE: Electricity prices will fall, and coal plants will close by 2030.\n"
            "Ms ROE: Energy security matters more than ever for our power grid.\n"
            "Mr DOE: The renewable energy share will double as well.\n")
    assert pillars_of(analyzer, text, "THE CHAIR") == []


# --- words of engagement between states the lexicon lacked ---------------------------------------------------

@pytest.mark.parametrize("sentence, topic", [
    ("The two coast guards will be linked by a round-the-clock hotline to avoid clashes over fishing boats.",
     "security"),
    ("Both parliaments completed the ratification of the border treaty on smuggling and police cooperation.",
     "security"),
])
def test_engagement_words_bring_diplomacy_beside_the_topic(analyzer, sentence, topic):
    assert {"diplomacy", topic} <= set(pillars_of(analyzer, sentence, sentence[:12]))


@pytest.mark.parametrize("sentence", [
    "The two governments still disagree about the wording.",
    "The Secretary-General will report back within a month.",
])
def test_engagement_words_alone_are_diplomacy(analyzer, sentence):
    assert pillars_of(analyzer, sentence, sentence[:12]) == ["diplomacy"]


# --- cues that fired wrongly: "marine" is no marines, a duty officer pays no duty --------------------------------

@pytest.mark.parametrize("sentence, wrong", [
    ("The marine works on the new cable start in May.", "defence"),
    ("The Minister of Marine Affairs said the crew would be sent home next week.", "defence"),
    ("Duty officers in both ports will call each other before any boat is boarded by the coast guard.", "trade"),
    ("The two navies share one duty roster for earthquakes and tsunamis.", "trade"),
])
def test_ambiguous_words_do_not_cue_the_wrong_pillar(analyzer, sentence, wrong):
    assert wrong not in pillars_of(analyzer, sentence, sentence[:12])


def test_marines_are_still_defence(analyzer):
    # (a guard)
    assert "defence" in pillars_of(analyzer, "Two hundred marines landed on the beach.", "Two hundred")


# --- buying or building warships is defence procurement, not security --------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Should the new destroyer carry a domestic combat system or a foreign one?",
    "The navy will order two more frigates from the shipyard in Klow.",
])
def test_warship_procurement_is_defence_alone(analyzer, sentence):
    assert pillars_of(analyzer, sentence, sentence[:12]) == ["defence"]


def test_naval_escorts_stay_security(analyzer):
    # (a guard: escorts in a threat area are defence and security, gold README)
    sentence = "Warships will escort tankers through the strait after the attacks."
    assert {"defence", "security"} <= set(pillars_of(analyzer, sentence, "Warships"))


# --- people: citizens in need abroad, diplomas, families in shelters ------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The embassy is looking after 400 Syldavian citizens caught in the scam compounds.",
    "A working group will look at the mutual recognition of diplomas within six months.",
    "Some 5,000 people remain in shelters after the floods.",
])
def test_people_words_the_lexicon_lacked(analyzer, sentence):
    assert "people" in pillars_of(analyzer, sentence, sentence[:12])


def test_a_home_secretary_is_no_people_cue(analyzer):
    # (a guard: "homes" stays an ambiguous word, since "home" stems like it)
    sentence = "The Home Secretary led the delegation to the border talks."
    assert "people" not in pillars_of(analyzer, sentence, "The Home")


# --- idioms with a trade word that are not about trade ------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The two neighbours traded accusations at the court after the drone was shot down.",
    "The ministers traded accusations over the border.",
])
def test_trade_idioms_are_not_trade(analyzer, sentence):
    assert "trade" not in pillars_of(analyzer, sentence, sentence[:12])
