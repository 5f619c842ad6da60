"""Commitments of round 10 (issue 16, item 2): a named party's past acts outside the core verbs (money released, lent,
rolled over, subscribed or set aside, a credit line opened, a partner chosen, a grouping joined, a deal sealed, a
visa regime granted), a counted intake ("will take 5,000 nurses"), a term's "should", and acts listed under a heading
ending in "agreed to:" or "will:" (made-up passages in ``commitment_passages``: ``COMMITMENTS_10`` and the look-alikes
of ``NOT_COMMITMENTS_10``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.commitment_passages import COMMITMENTS_10, NOT_COMMITMENTS_10


@pytest.fixture(scope="module")
def finder(analyzer: Analyzer) -> Analyzer:
    return replace(analyzer, find_commitments=True)


def _actions(finder: Analyzer, text: str) -> Counter[str]:
    return Counter(c.action for c in finder.analyze(text).commitments)


@pytest.mark.parametrize("text", NOT_COMMITMENTS_10, ids=[t[:40] for t in NOT_COMMITMENTS_10])
def test_news_stances_and_list_headings_that_hope_commit_nobody(finder: Analyzer, text: str) -> None:
    """Hostages or figures released, a march joined, words chosen, a career, history told as a circumstance, a
    heading that calls, forecasts or lists topics: the table stays empty."""
    assert _actions(finder, text) == Counter()


@pytest.mark.parametrize(("text", "actions"), [pytest.param(t, a, id=t[:40]) for t, a in COMMITMENTS_10])
def test_past_acts_and_listed_pledges(finder: Analyzer, text: str, actions: tuple[str, ...]) -> None:
    """Money granted or renewed, a partner chosen, a grouping joined, and each act listed under "agreed to:" or
    "will:": one row each."""
    assert _actions(finder, text) == Counter(actions)


def test_listed_pledge_rows_are_the_bullets_with_their_dates(finder: Analyzer) -> None:
    text = ("The two leaders agreed to:\n• expand direct flights to 20 a week by 2026;\n• open a consulate in "
            "Surabaya.")
    rows = finder.analyze(text).commitments
    assert [text[c.start:c.end] for c in rows] == ["expand direct flights to 20 a week by 2026",
                                                   "open a consulate in Surabaya"]
    assert "2026" in rows[0].when and rows[1].when == ""


@pytest.mark.parametrize("text", ["Egypt declined to join the coalition.", "Brazil has ruled out sending troops to Haiti.",
                                  "India has no plans to join the RCEP.",
                                  "The UK will no longer fund the programme after 2026."])
def test_refusals_and_ended_commitments_are_negated(finder: Analyzer, text: str) -> None:
    (c,) = finder.analyze(text).commitments
    assert c.negated is True and c.who
