"""Pillars in debates, analysis and transcripts (issue 14, round 12): each test names one structural class of error
found on the development sets and checks it on made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

import pytest


def _pillars_of(analyzer, text: str, sentence_start: str) -> list[str]:
    result = analyzer.analyze(text)
    at = text.index(sentence_start)
    return next(p.pillars for p in result.passages if p.start <= at < p.end)


COMMENTARY = (
    "Why the Kelp Sea gas pipeline still matters\n"
    "By Rania el-Masri\n"
    "Syldavia's gas pipeline to Borduria carries a third of its exports, and the tariff on the gas is due for review.\n"
    "Rania el-Masri is a nonresident fellow at a Klow think tank and a former adviser to the energy ministry.\n"
    "Piotr Nowak is a Senior Researcher and Anna Roe a Consultant, Energy Transition Programme, Klow Institute.\n"
    "Views are personal.\n"
)


@pytest.mark.parametrize("note", [
    "Rania el-Masri is a nonresident fellow",  # a lower-case particle in the name
    "Piotr Nowak is a Senior Researcher",  # the post in title case, the affiliation after a comma
    "Views are personal.",  # the disclaimer's short form
])
def test_an_analysts_bio_and_disclaimer_get_no_pillar(analyzer, note):
    # who wrote the commentary is not what it is about, however the post is written
    assert _pillars_of(analyzer, COMMENTARY, note) == []


def test_the_commentary_body_keeps_its_pillars(analyzer):
    assert "energy" in _pillars_of(analyzer, COMMENTARY, "Syldavia's gas pipeline")


@pytest.fixture(scope="module")
def scorer():
    from briefing_app.nlp.pillars import default_scorer

    return default_scorer()


def _gpes(text: str, *names: str):
    from briefing_app.nlp.types import EntitySpan

    return [EntitySpan(text.index(n), text.index(n) + len(n), "GPE", n) for n in names]


@pytest.mark.parametrize(("sentence", "places"), [
    # informing, consulting or raising a matter with a capital that stands for its government
    ("Klow should fix a date for the survey and inform Marinsk through the joint council.", ("Klow", "Marinsk")),
    ("Will the minister raise the fishing quotas with Marinsk?", ("Marinsk",)),
    ("We consulted Marinsk before the vote.", ("Marinsk",)),
    # a government's position asked in a question: the auxiliary comes first
    ("Has Marinsk accepted the new survey date?", ("Marinsk",)),
    ("Does Klow want a quarrel over the survey?", ("Klow",)),
    # a government's distrust, or its joining another's scheme
    ("Ministers fear being tied to a partner Klow distrusts.", ("Klow",)),
    ("Marinsk has joined the port scheme of its neighbour.", ("Marinsk",)),
])
def test_a_capital_addressed_or_taking_a_position_is_diplomacy(scorer, sentence, places):
    raw, _why = scorer.raw_scores(sentence, _gpes(sentence, *places))
    assert raw.get("diplomacy", 0.0) >= 3.0


def test_a_place_after_a_preposition_takes_no_position(scorer):
    # "Officials in Klow ..." is where, not who
    sentence = "Officials in Klow have joined the queue for visas."
    raw, _why = scorer.raw_scores(sentence, _gpes(sentence, "Klow"))
    assert raw.get("diplomacy", 0.0) < 3.0
