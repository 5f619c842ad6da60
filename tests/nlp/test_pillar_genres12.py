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
