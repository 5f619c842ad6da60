"""Commitments whose grammar hides the committing party (issue 16, item 2, recall round 9): things, money and
beneficiaries as subjects of a party's announced "will", refusals, nouns of commitment, plans and aims (made-up
passages in ``commitment_passages``: ``COMMITMENTS_7`` and the look-alikes of ``NOT_COMMITMENTS_7``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.commitment_passages import NOT_COMMITMENTS_7


@pytest.fixture(scope="module")
def finder(analyzer: Analyzer) -> Analyzer:
    return replace(analyzer, find_commitments=True)


def _actions(finder: Analyzer, text: str) -> Counter[str]:
    return Counter(c.action for c in finder.analyze(text).commitments)


@pytest.mark.parametrize("text", NOT_COMMITMENTS_7)
def test_forecasts_dates_refusals_to_answer_and_hopes_commit_nobody(finder: Analyzer, text: str) -> None:
    """A forecast about a thing, a date as the subject, a refusal to comment, a pledge fallen short of or a hope: the
    table stays empty."""
    assert _actions(finder, text) == Counter()
