"""Commitments whose grammar hides the committing party (issue 16, item 2, recall round 9): things, money and
beneficiaries as subjects of a party's announced "will", refusals, nouns of commitment, plans and aims (made-up
passages in ``commitment_passages``: ``COMMITMENTS_7`` and the look-alikes of ``NOT_COMMITMENTS_7``)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.commitment_passages import COMMITMENTS_7, NOT_COMMITMENTS_7


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


@pytest.mark.parametrize(("text", "actions"), [pytest.param(t, a, id=t[:40]) for t, a in COMMITMENTS_7])
def test_commitments_hidden_by_the_grammar(finder: Analyzer, text: str, actions: tuple[str, ...]) -> None:
    """Money paying for an act, a beneficiary granted a visa, a fact sheet's scheduled item, an official's reported
    schedule, a refusal, a pledge of money from parties, a commitment noted, a plan or a joint aim: one row each."""
    assert _actions(finder, text) == Counter(actions)


def test_refusal_is_negated_and_its_party_named(finder: Analyzer) -> None:
    (c,) = finder.analyze("The minister has refused to let the central bank buy dollars before the election.").commitments
    assert c.action == "let" and c.negated is True and c.who == ["minister"]


def test_pledges_of_money_name_the_donors_and_the_sum(finder: Analyzer) -> None:
    (c,) = finder.analyze("The fund ends the conference with sponsor pledges of $6.7 billion from Norway, Germany and "
                          "France.").commitments
    assert c.action == "pledge" and c.who == ["Norway", "Germany", "France"] and "6.7 billion" in c.what


def test_joint_aim_and_planned_meeting_carry_their_dates(finder: Analyzer) -> None:
    (aim,) = finder.analyze("The two sides aim to raise that share to 30 percent by 2030.").commitments
    (meeting,) = finder.analyze("The next meeting is planned for Sapporo in 2027.").commitments
    assert "2030" in aim.when and "2027" in meeting.when
    # a meeting "scheduled to be held" stays one row, the held meeting's
    (held,) = finder.analyze("The next round is scheduled to be held in New Delhi in December.").commitments
    assert held.action == "hold"
