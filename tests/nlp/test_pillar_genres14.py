"""Pillars in debates, analysis and communiqués (issue 14, round 14): a paragraph's number split from its sentence,
cues that fired for the wrong pillar (a domestic ministry, "thanks to", "threatening to"), a military government.
Each test checks one class of error found on the development sets on made-up text (fictional countries, people and
bodies)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def scorer():
    from briefing_app.nlp.pillars import default_scorer

    return default_scorer()


def _passage_at(analyzer, text: str, sentence_start: str):
    result = analyzer.analyze(text)
    at = text.index(sentence_start)
    return next(p for p in result.passages if p.start <= at < p.end)


NUMBERED = (
    "Joint Statement of the Kelp Ministers\n"
    "\n"
    "1. The Ministers condemned the attacks on shipping in the Kelp Strait and the hijacking of two tankers. "
    "2. The Ministers took note of the report of the secretariat. 3. They will meet again in Vell Doi next year.\n"
)


def test_a_paragraph_number_split_from_its_sentence_carries_no_pillar(analyzer):
    # "2." alone is a passage of its own: it inherited the security of paragraph 1 and handed it to paragraph 2
    number = _passage_at(analyzer, NUMBERED, "2. The Ministers")
    assert NUMBERED[number.start:number.end].strip() == "2."
    assert number.pillars == []
    assert "security" not in _passage_at(analyzer, NUMBERED, "The Ministers took note").pillars
