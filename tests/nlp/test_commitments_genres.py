"""Commitments in genres the gold does not cover: debates, question time, briefings, interviews, regional communiqués,
fact sheets, wire copy, analysis and features (made-up passages in ``commitment_passages``, issue 16 item 2)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from briefing_app.nlp.analyzer import Analyzer
from tests.nlp.commitment_passages import (
    COMMITMENTS,
    COMMITMENTS_3,
    COMMITMENTS_5,
    COMMITMENTS_6,
    COMMITMENTS_8,
    NOT_COMMITMENTS,
    NOT_COMMITMENTS_2,
    NOT_COMMITMENTS_3,
    NOT_COMMITMENTS_4,
    NOT_COMMITMENTS_5,
    NOT_COMMITMENTS_6,
    NOT_COMMITMENTS_8,
)

#: (A resolution's opening "Requests", which the tagger reads as a plural noun, is read as the verb: commitments.py.)
_POSITIVES = [pytest.param(t, a, id=t[:40]) for t, a in COMMITMENTS + COMMITMENTS_3 + COMMITMENTS_5
              + COMMITMENTS_6 + COMMITMENTS_8]


@pytest.fixture(scope="module")
def finder(analyzer: Analyzer) -> Analyzer:
    return replace(analyzer, find_commitments=True)


def _found(finder: Analyzer, text: str) -> list[tuple[str, str]]:
    return [(c.action, text[c.start:c.end]) for c in finder.analyze(text).commitments]


@pytest.mark.parametrize("text", NOT_COMMITMENTS + NOT_COMMITMENTS_2 + NOT_COMMITMENTS_3 + NOT_COMMITMENTS_4
                         + NOT_COMMITMENTS_5 + NOT_COMMITMENTS_6 + NOT_COMMITMENTS_8)
def test_no_commitment_in_demands_forecasts_conditions_and_procedure(finder: Analyzer, text: str) -> None:
    """An MP's demand, a question, a forecast, a condition, an opposition's promise, a market's move, a spokesperson's
    procedure or a feature's history commits no party: the table stays empty."""
    assert _found(finder, text) == []


@pytest.mark.parametrize(("text", "actions"), _POSITIVES)
def test_commitments_of_ministers_communiques_and_fact_sheets(finder: Analyzer, text: str,
                                                              actions: tuple[str, ...]) -> None:
    """A minister's "we will" and "I am announcing", a communiqué's "decides to"/"requests the Secretary-General to",
    signings, launches, pledges, approvals and scheduled talks are each one row, with the verb's lemma as action."""
    assert Counter(a for a, _ in _found(finder, text)) == Counter(actions)


def test_going_to_and_performatives_are_commitments(finder: Analyzer) -> None:
    text = ("Minister: We are going to open a new embassy in Abuja next year. "
            "Today I am launching the Blue Economy Fund with an initial 50 million dollars.")
    found = finder.analyze(text).commitments
    assert [c.action for c in found] == ["open", "launch"] and found[0].when == "next year"


def test_operative_request_to_own_organ_but_not_to_another_party(finder: Analyzer) -> None:
    own = "Requests the Secretary-General to submit a report on the implementation of this resolution within 90 days;"
    other = "The Council requested the Government of South Sudan to expedite the unification of the forces."
    (c,) = finder.analyze(own).commitments
    assert c.action == "request" and c.when == "within 90 days" and c.what.startswith("submit")
    assert finder.analyze(other).commitments == []


def test_conditions_and_opposition_promises_are_not_commitments(finder: Analyzer) -> None:
    for text in ("If the rains fail, the government will release grain from the strategic reserve.",
                 "Should the talks fail, Pretoria will refer the dispute to the World Trade Organization.",
                 "Mr Okafor (Opposition): Our party will repeal this agreement when we form the next government.",
                 "The shadow trade secretary said a future Conservative government would review the agreement."):
        assert finder.analyze(text).commitments == [], text
    # the terms of a deal may carry conditions; "if necessary" conditions no other party's act
    (c,) = finder.analyze("Under the deal, Argentina would cut export duties on beef if prices fell.").commitments
    assert c.action == "cut"
    (c,) = finder.analyze("We will not hesitate to use the Foreign Subsidies Regulation and, if necessary, "
                          "the Anti-Coercion Instrument.").commitments
    assert c.action == "use" and c.negated is False


def test_scheduled_talks_carry_their_date(finder: Analyzer) -> None:
    (c,) = finder.analyze("Negotiations on a Korea-Uzbekistan Economic Partnership Agreement will resume in Seoul "
                          "in July.").commitments
    assert c.action == "resume" and c.when == "in July"
    assert finder.analyze("Talks will resume.").commitments == []  # no date: nothing scheduled


def test_series_of_will_verbs_parsed_under_a_bare_root(finder: Analyzer) -> None:
    """The parser may make the second verb of "will gift X, train Y, and deploy Z" the root: each still counts."""
    text = ("New Zealand will gift a second inshore patrol vessel to the Republic of Fiji Navy, train Fijian officers at "
            "its Command and Staff College, and deploy a New Zealand Defence Force engineering team to upgrade the "
            "Blackrock Camp near Nadi.")
    found = finder.analyze(text).commitments
    assert [c.action for c in found] == ["gift", "train", "deploy"]
    assert all(c.who == ["New Zealand"] for c in found)
    assert text[found[1].start:found[1].end].startswith("train Fijian officers")


def test_speaker_label_does_not_hide_the_ministers_clause(finder: Analyzer) -> None:
    """"Minister: The government has approved ...": the label parsed as the root made the clause a modifier."""
    (c,) = finder.analyze("Minister: The government has approved the construction of a second terminal at Kotoka "
                          "airport.").commitments
    assert c.action == "approve" and c.who == ["government"]


def test_facilities_attending_and_the_welcomers_next_act(finder: Analyzer) -> None:
    """What a line or pipeline does, attending a meeting and "thanked X for its hospitality" are no commitments."""
    for text in ("The New Butwal-Gorakhpur line will be energised by December 2026 and will add 3,000 megawatts of "
                 "capacity.",
                 "Thailand would take part in the BRICS+ outreach session hosted by India this year, the minister said.",
                 "The pipeline, which is to run some 6,000 kilometres along the Atlantic coast, will cost $25 billion."):
        assert [c.action for c in finder.analyze(text).commitments if c.action in ("add", "take", "run")] == [], text
    found = finder.analyze("The Ministers welcomed the offer of the Russian Federation to host the next meeting in "
                           "2027 and thanked the Republic of Azerbaijan for its hospitality.").commitments
    assert [c.action for c in found] == ["offer"]


def test_thanked_for_an_offer_names_the_thanked_party(finder: Analyzer) -> None:
    """"thanked Chile for its offer of trainers": Chile offered, not the president who thanks."""
    (c,) = finder.analyze("The President thanked Chile for its offer of police trainers to the mission.").commitments
    assert c.action == "offer" and c.who == ["Chile"] and c.what.startswith("police trainers")
