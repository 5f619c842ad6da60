"""Pillar recall on the genres an officer reads (issue 14, tenth round): the tagger gave too few pillars. Each test
names one class of missed pillar found on the development sets and checks it on made-up text (fictional countries,
people and places), never on a gold sentence."""

from __future__ import annotations

import pytest

from tests.nlp.passages import pillars_of

# --- people beside health: care for patients and the displaced is people too ---------------------------------

def test_people_join_health_when_health_words_pile_up(analyzer):
    # many health cues (clinics, vaccines, cholera, medicines) used to drown the one cue for people (the displaced)
    text = ("Mobile clinics will bring vaccines, cholera treatment and medicines to the displaced in the northern "
            "camps.")
    assert set(pillars_of(analyzer, text, "Mobile clinics")) >= {"health", "people"}


# --- interjections are not a sentence the document's topic can be lent to -------------------------------------

DEBATE = (
    "Syldavian Tariffs on Steel\n"
    "Ms ROE: Mr Speaker, the new tariffs on steel imports have raised prices for every builder in Klow.\n"
    "Steel exports to Borduria have fallen by a third, and the trade deficit keeps growing.\n"
    "Mr DOE: The tariffs protect our mills, and investment in the steel industry has doubled.\n"
    "Some hon. members: Hear, hear!\n"
    "Ms ROE: Will the Minister publish the customs figures for the last quarter of trade?\n"
    "Mr DOE: The customs figures on exports and imports will be published in March.\n"
)


def test_an_interjection_gets_no_pillar_in_a_debate_on_one_topic(analyzer):
    assert pillars_of(analyzer, DEBATE, "Some hon. members: Hear, hear!") == []


def test_the_debate_itself_keeps_its_topic(analyzer):
    # (a guard: the filler words do not take the topic from the debate's own sentences)
    assert "trade" in pillars_of(analyzer, DEBATE, "Steel exports to Borduria")


# --- vocabulary of the domains an officer reads -------------------------------------------------------------

@pytest.mark.parametrize("sentence, pillar", [
    # water, floods and heat are climate, which is energy (gold README)
    ("Floods swept through three provinces in May.", "energy"),
    ("The new dam was finished last year.", "energy"),
    ("Schools closed for a week because the heat index passed 47 degrees.", "energy"),
    # money a state pays or raises
    ("Why should a foreign consortium pay no tax for a decade?", "trade"),
    ("The state has collected less revenue than promised.", "trade"),
    ("The allowance will cost the treasury a fortune every year.", "trade"),
    # conflict, grey-zone shipping and polar patrols
    ("Medics cannot reach the villages beyond the front line.", "security"),
    ("Research vessels from a distant power were sighted near the islands again.", "security"),
    ("When will the first polar icebreaker sail?", "security"),
    ("When will the first polar icebreaker sail?", "defence"),
    ("A drone entered the country's airspace on Sunday.", "security"),
    # people displaced, returning or sick
    ("Thousands of families lost their homes in the storm.", "people"),
    ("The conditions for a safe return must come first.", "people"),
    ("Many arrive sick after weeks on the road.", "health"),
])
def test_domain_words_give_their_pillar(analyzer, sentence, pillar):
    assert pillar in pillars_of(analyzer, sentence, sentence[:12])


def test_drones_alone_are_not_security(analyzer):
    # (a guard) an ambiguous word: drones built in a factory are defence industry, not a threat
    assert "security" not in pillars_of(analyzer, "The two firms will build drones together.", "The two firms")


# --- an answer that only speaks of engagement is on the question's topic ------------------------------------

PRESS = (
    "Press conference of the Foreign Minister of Syldavia\n"
    "Q: Borduria has raised its tariffs on Syldavian wine exports to forty percent; how will the Government respond?\n"
    "MINISTER OTTOKAR: We have raised our concern with Borduria and will coordinate with our partners.\n"
    "Q: And the new consulate in Szohod?\n"
    "MINISTER OTTOKAR: It opens in June.\n"
)


def test_an_answer_about_engagement_takes_the_topic_of_the_question(analyzer):
    pillars = pillars_of(analyzer, PRESS, "MINISTER OTTOKAR: We have raised")
    assert {"trade", "diplomacy"} <= set(pillars)


def test_an_answer_with_a_topic_of_its_own_keeps_it(analyzer):
    # (a guard: only an answer whose one pillar is the context pillar takes the question's topic)
    text = PRESS.replace("We have raised our concern with Borduria and will coordinate with our partners.",
                         "Our vaccine makers will send doses to Borduria next month.")
    assert "trade" not in pillars_of(analyzer, text, "MINISTER OTTOKAR: Our vaccine makers")
