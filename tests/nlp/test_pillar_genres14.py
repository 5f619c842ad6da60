"""Pillars in debates, analysis and communiqués (issue 14, round 14): a paragraph's number split from its sentence, a
think tank's series line and a kicker in capitals (furniture), cues that fired for the wrong pillar (a domestic ministry,
"thanks to", "threatening to", "cross-border" alone, a military logistics hub, NATO alone as security, "Workplace
Relations", the security of supply), a military government, a state's stance after an adverb, ships shadowing a vessel,
and "the situation / the conflict in" a state as a matter between states. Each test checks one class of error found on
the development sets on made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

import pytest

from tests.nlp.passages import passage_at


@pytest.fixture(scope="module")
def scorer():
    from briefing_app.nlp.pillars import default_scorer

    return default_scorer()



NUMBERED = (
    "Joint Statement of the Kelp Ministers\n"
    "\n"
    "1. The Ministers condemned the attacks on shipping in the Kelp Strait and the hijacking of two tankers. "
    "2. The Ministers took note of the report of the secretariat. 3. They will meet again in Vell Doi next year.\n"
)


def test_a_paragraph_number_split_from_its_sentence_carries_no_pillar(analyzer):
    # "2." alone is a passage of its own: it inherited the security of paragraph 1 and handed it to paragraph 2
    number = passage_at(analyzer, NUMBERED, "2. The Ministers")
    assert NUMBERED[number.start:number.end].strip() == "2."
    assert number.pillars == []
    assert "security" not in passage_at(analyzer, NUMBERED, "The Ministers took note").pillars


@pytest.mark.parametrize("sentence", [
    "The Ministry of Health will open two clinics in the northern districts.",
    "Engineers from the Ministry of Transport inspected the new bridge at Vell Doi.",
])
def test_a_ministry_alone_is_no_diplomacy(scorer, sentence):
    # a domestic ministry is the government at work, not relations with another state ("foreign ministry" still is)
    raw, _why = scorer.raw_scores(sentence)
    assert "diplomacy" not in raw


def test_thanks_to_is_because_of_not_thanks(scorer):
    raw, _why = scorer.raw_scores("The harvest in the valley recovered this year thanks to the spring rains.")
    assert "diplomacy" not in raw


def test_threatening_to_leave_is_no_threat(scorer):
    # "threatening to" announces an intention; the threat of violence is in other words ("threatened the crew")
    raw, _why = scorer.raw_scores("The last airline serving the island is threatening to leave in June.")
    assert "security" not in raw
    raw, _why = scorer.raw_scores("Armed men threatened the crew of a fishing boat off Vell Doi.")
    assert "security" in scorer.choose(raw)


@pytest.mark.parametrize("sentence", [
    "Will the minister press the military regime in Syldavia to release the detained reporters?",
    "The mine was nationalised by the military government in Klow last year.",
])
def test_a_military_government_is_a_regime_not_defence(scorer, sentence):
    # a junta governs; it is the politics of security, not armed forces, arms or defence spending
    raw, _why = scorer.raw_scores(sentence)
    assert "defence" not in scorer.choose(raw)
    assert raw.get("security", 0.0) > 0


@pytest.mark.parametrize("sentence", [
    "Cross-border power contracts between Syldavia and Borduria must be honoured even in a dry year.",
    "The two sides will extend the cross-border economic zone at Vell Doi to the new rail terminal.",
])
def test_cross_border_alone_is_no_security(scorer, sentence):
    # "cross-border" qualifies trade, power or payments as often as terrorism: it is security only beside a plain
    # security cue
    raw, _why = scorer.raw_scores(sentence)
    assert "security" not in scorer.choose(raw)


def test_cross_border_terrorism_and_crime_still_are_security(scorer):
    raw, _why = scorer.raw_scores("The Parties will combat cross-border terrorism and organised crime along the Kelp river.")
    assert "cross-border" in _why["security"]
    assert "security" in scorer.choose(raw)


def test_a_military_logistics_hub_is_no_trade(scorer):
    raw, _why = scorer.raw_scores("Our soldiers guard the eastern flank of the alliance and the logistics hub at Vell Doi.")
    assert "trade" not in scorer.choose(raw)


@pytest.mark.parametrize("line", [
    "Policy Brief No. 214, Institute for European and Foreign Policy (IEFP) Jane Doe, April 2026",
    "Working Paper 12 - Centre for Security and Diplomacy, Klow",
])
def test_a_think_tanks_series_line_is_furniture(line):
    from briefing_app.nlp.pillars import is_furniture

    text = f"The Kelp cable: can it still be laid?\n{line}\nThe cable was meant to end the island's isolation.\n"
    start = text.index(line)
    assert is_furniture(text, start, start + len(line))


def test_a_sentence_about_a_report_is_not_a_series_line():
    from briefing_app.nlp.pillars import is_furniture

    line = "Report 3 of the panel found that the Kelp cable was cut by an anchor."
    text = f"Head\n{line}\n"
    start = text.index(line)
    assert not is_furniture(text, start, start + len(line))


def test_nato_named_is_defence_not_security_by_itself(analyzer):
    # the alliance is a defence organisation: security joins it only with a security word of the sentence's own
    text = "Five per cent and five paragraphs: what NATO settled in Klow\n\nThe summit ended on Wednesday.\n"
    pillars = passage_at(analyzer, text, "Five per cent").pillars
    assert "defence" in pillars and "security" not in pillars


KICKER = (
    "POLICY WATCH\n"
    "One river, two capitals: Syldavia and Borduria must share the Kelp more wisely\n"
    "After two dry seasons, the rules for dividing its water need an overhaul.\n"
)


def test_a_kicker_in_capitals_is_furniture_and_the_headline_below_it_the_headline(analyzer):
    # "POLICY WATCH" above the headline is the section's label: the line after it is the headline, which names two
    # states side by side
    from briefing_app.nlp.pillars import is_furniture

    assert is_furniture(KICKER, 0, len("POLICY WATCH"))
    assert "diplomacy" in passage_at(analyzer, KICKER, "One river").pillars


def test_a_headline_in_capitals_is_no_kicker():
    from briefing_app.nlp.pillars import is_furniture

    line = "SYLDAVIA, BORDURIA SIGN WATER DEAL"
    assert not is_furniture(f"{line}\nBody of the story.\n", 0, len(line))


def _gpes(text: str, *names: str):
    from briefing_app.nlp.types import EntitySpan

    return [EntitySpan(text.index(n), text.index(n) + len(n), "GPE", n) for n in names]


@pytest.mark.parametrize(("sentence", "place"), [
    ("Klow has since insisted that any survey of the shelf needs its permission.", "Klow"),
    ("Marsk has repeatedly rejected the proposal for a joint patrol.", "Marsk"),
])
def test_a_government_taking_a_position_after_an_adverb(scorer, sentence, place):
    # "has since insisted", "has repeatedly rejected": the adverb does not hide the state's stance
    raw, why = scorer.raw_scores(sentence, _gpes(sentence, place))
    assert "a government taking a position" in why.get("diplomacy", [])


def test_ships_shadowing_a_vessel_are_security(scorer):
    # shadowing a survey or coast-guard ship at sea is a grey-zone incident, like ramming or blocking
    raw, _why = scorer.raw_scores("Two unmarked ships shadowed the survey vessel for three days near the Kelp Islands.")
    assert "security" in scorer.choose(raw)


@pytest.mark.parametrize("sentence", [
    "Statement of the Chair on the Situation in Syldavia",
    "Declaration on the Situation between the Republic of Syldavia and the Kingdom of Borduria",
])
def test_the_situation_in_a_state_is_an_agenda_between_states(scorer, sentence):
    # "the situation in X", a council's or a summit's agenda formula, is a crisis between states: security and diplomacy
    raw, _why = scorer.raw_scores(sentence)
    assert {"diplomacy", "security"} <= set(scorer.choose(raw))


def test_the_conflict_in_a_state_is_an_agenda_between_states(scorer):
    # like "the situation in", a conflict in a state named on a council's agenda is diplomacy beside security
    sentence = "5. Ministers recalled their positions on the conflict in Syldavia and welcomed efforts towards a lasting peace."
    raw, _why = scorer.raw_scores(sentence)
    assert {"diplomacy", "security"} <= set(scorer.choose(raw))


@pytest.mark.parametrize("sentence", [
    "The Department of Employment and Workplace Relations will process the requests within four weeks.",
    "The firm hired a public relations agency before the launch of its new factory.",
])
def test_relations_at_work_are_no_relations_between_states(scorer, sentence):
    raw, _why = scorer.raw_scores(sentence)
    assert "diplomacy" not in raw


def test_security_of_supply_is_energy_not_security(scorer):
    raw, _why = scorer.raw_scores("Subject for Discussion: Ruritania and the security of electricity supply")
    chosen = scorer.choose(raw)
    assert "energy" in chosen and "security" not in chosen
