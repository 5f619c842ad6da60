"""Pillar scoring rules: phrase boundaries, stemming exceptions, context words, diplomacy as context,
saturation, document context (headline prior, continuations). Sentences are invented, not from the gold set."""

from __future__ import annotations

import pytest

from briefing_app.nlp.pillars import PillarScorer, default_scorer, phrase_segments, stem


@pytest.fixture(scope="module")
def scorer() -> PillarScorer:
    return default_scorer()


def _pillars(scorer: PillarScorer, text: str) -> list[str]:
    return scorer.passage(text, 0, len(text)).pillars


def test_goods_is_not_good_and_nationals_not_national():
    assert stem("goods") != stem("good")
    assert stem("arms") != stem("arm")
    assert stem("nationals") != stem("national")
    assert stem("exercises") == stem("exercise")


def test_phrases_do_not_span_punctuation(scorer):
    assert phrase_segments("energy, security and trade") == [["energy"], ["security", "and", "trad"]]
    listed = _pillars(scorer, "The ministers discussed cooperation in defence, energy, security and trade.")
    assert {"defence", "energy", "security", "trade"} <= set(listed)
    # without the comma "energy security" is one energy phrase
    assert "security" not in _pillars(scorer, "Energy security was the theme of the forum.")


def test_compound_security_goes_to_its_own_pillar(scorer):
    assert _pillars(scorer, "The forum will focus on health security and pandemic preparedness.") == ["health"]


def test_good_is_not_trade(scorer):
    assert "trade" not in _pillars(scorer, "Good afternoon and welcome to this weekly briefing.")


def test_context_word_needs_a_plain_cue(scorer):
    # "deal" alone is not trade; beside "tariffs" it adds to trade
    assert "trade" not in _pillars(scorer, "The two sides hailed the deal as historic.")
    raw, why = scorer.raw_scores("The deal cuts tariffs on machinery.")
    assert "deal" in why["trade"] and raw["trade"] > 2


def test_called_for_is_not_a_phone_call(scorer):
    raw, why = scorer.raw_scores("The group called for a ceasefire.")
    assert "diplomacy" not in raw


def test_diplomacy_does_not_drown_a_topic(scorer):
    text = ("The leaders held talks at the summit, reaffirmed their strategic partnership and "
            "welcomed progress on a free trade agreement.")
    assert set(_pillars(scorer, text)) == {"diplomacy", "trade"}


def test_weak_diplomacy_rhetoric_beside_a_topic_is_dropped(scorer):
    text = "The leaders reaffirmed their commitment to deeper defence ties and joint naval exercises."
    assert _pillars(scorer, text) == ["defence"]
    # a real engagement cue keeps diplomacy beside the topic
    text = "During the state visit the leaders held talks on deeper defence industrial ties and joint naval exercises."
    assert _pillars(scorer, text) == ["defence", "diplomacy"]


def test_diplomacy_alone_still_found(scorer):
    assert _pillars(scorer, "The Prime Minister will pay a state visit to Brasilia next month.") == ["diplomacy"]


def test_saturation_keeps_a_clear_second_pillar(scorer):
    text = ("Renewable electricity, green hydrogen, solar power and grid storage will feed new data centres "
            "built for artificial intelligence.")
    assert {"energy", "technology"} <= set(_pillars(scorer, text))


def test_continuation_inherits_previous_pillars(scorer):
    first = "Navies of both countries held a joint naval exercise."
    second = "They will repeat it next year."
    doc = first + " " + second
    spans = [(0, len(first), []), (len(first) + 1, len(doc), [])]
    passages = scorer.passages(doc, spans)
    assert passages[1].pillars == passages[0].pillars and "defence" in passages[1].pillars
    assert "continues the previous sentence" in passages[1].why
    # not across a paragraph break, nor for a sentence that does not read as a continuation
    doc2 = first + "\n" + second
    assert scorer.passages(doc2, [(0, len(first), []), (len(first) + 1, len(doc2), [])])[1].pillars == []


def test_headline_prior_only_boosts_existing_cues(scorer):
    head = "Semiconductor pact signed as chipmakers eye new fabs"
    body = "Officials said the plan covers research labs.\nThe weather was mild."
    doc = head + "\n" + body
    s1 = len(head) + 1
    s2 = doc.index("The weather")
    spans = [(0, len(head), []), (s1, s2 - 1, []), (s2, len(doc), [])]
    with_prior = scorer.passages(doc, spans)
    assert "technology" in with_prior[0].pillars
    assert with_prior[2].pillars == []  # no cue, no boost
    assert with_prior[1].scores.get("technology", 0) >= scorer.passage(doc, s1, s2 - 1).scores.get("technology", 0)


def test_cue_less_sentence_stays_on_its_paragraph_topic(scorer):
    first = "Exporters welcomed the cut in tariffs on machinery."
    second = "Several firms said orders had doubled since March."
    doc = first + " " + second
    spans = [(0, len(first), []), (len(first) + 1, len(doc), [])]
    assert scorer.passages(doc, spans)[1].pillars == ["trade"]


@pytest.mark.parametrize("line", [
    "MINISTRY OF DEFENCE – REPUBLIC OF ESTONIA",
    "Department of Trade – Press Notice No. 57",
    "Answered by Jane Doe, Minister of State for Trade Policy, on 3 March 2026",
    "Question for Department for Energy Security and Net Zero",
    "Compiled by the night desk. Not for onward distribution.",
    "Reporting by Ana Lima; Editing by Tom Berg",
    "This interview has been edited for length and clarity.",
])
def test_document_furniture_has_no_pillar(scorer, line):
    doc = line + "\nThe navy and the army held joint exercises near the border."
    spans = [(0, len(line), []), (len(line) + 1, len(doc), [])]
    passages = scorer.passages(doc, spans)
    assert passages[0].pillars == []
    assert "defence" in passages[1].pillars


def test_capitalised_headline_is_not_furniture(scorer):
    line = "Navy chiefs of India and Japan meet in Tokyo"
    doc = line + "\nThey discussed joint exercises."
    spans = [(0, len(line), []), (len(line) + 1, len(doc), [])]
    assert "defence" in scorer.passages(doc, spans)[0].pillars


def test_headline_after_a_letterhead_still_primes_the_body(scorer):
    head = "MINISTRY OF ENERGY – REPUBLIC OF CHILE"
    title = "Government opens tender for green hydrogen export terminals"
    body = "Officials said the terminals would also load ammonia made from hydrogen."
    doc = f"{head}\n{title}\n{body}"
    s1, s2 = len(head) + 1, len(head) + len(title) + 2
    passages = scorer.passages(doc, [(0, len(head), []), (s1, s2 - 1, []), (s2, len(doc), [])])
    assert passages[0].pillars == [] and "energy" in passages[1].pillars
    alone = scorer.passage(doc, s2, len(doc)).scores.get("energy", 0)
    assert passages[2].scores.get("energy", 0) > alone
