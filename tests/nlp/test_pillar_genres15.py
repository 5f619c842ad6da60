"""Pillars in debates, analysis, communiqués and transcripts (issue 14, round 15): the second pillar annotators give
beside a sentence's own one when the document's subject is its companion or its lead, relations with a state named in a
title-case heading, and another state's leader addressed. Each test checks one class of error found on the development
sets on made-up text (fictional countries, people and bodies)."""

from __future__ import annotations

import pytest

from tests.nlp.passages import passage_at

PIRACY = (
    "Pirates return to the Kelp Strait\n"
    "\n"
    "Pirates boarded two cargo ships in the Kelp Strait last week, the third attack this year. The crews were held for "
    "two days before a ransom was paid.\n"
    "\n"
    "The Kelp navy has sent two frigates and a tanker to the strait. Fishermen in Vell Doi say the catch has been poor "
    "all season. The harbour master expects more traffic after the holidays. Insurers have raised premiums for every "
    "voyage through the strait.\n"
    "\n"
    "Officials in Doi say the gangs operate from camps on the northern islands. The port will stay open through the "
    "winter.\n"
)


def test_military_means_in_a_document_on_security_serve_security(analyzer):
    # the frigates' sentence names no threat, but in a piece on piracy the navy is there for security (defence's
    # companion, pillar_topic.COMPANION_SHARE); the sentences on fishing and insurance keep their own pillars
    frigates = passage_at(analyzer, PIRACY, "The Kelp navy")
    assert frigates.pillars == ["defence", "security"]
    assert "security" not in passage_at(analyzer, PIRACY, "Insurers have raised").pillars


POWER_LINE = (
    "A power line across the Vell hills\n"
    "\n"
    "The Kelp–Vell transmission line will carry hydropower from the Doi dam to the coast from 2029. Engineers finished "
    "the route survey in March.\n"
    "\n"
    "The two foreign ministers held talks on the project in Doi on Monday. Farmers along the route have asked for "
    "compensation. The reservoir behind the dam filled early this year. Local councils want a share of the toll.\n"
    "\n"
    "Construction is due to start next spring. The old road to the valley will be rebuilt first.\n"
)


def test_engagement_in_a_document_on_an_energy_project_is_about_the_project(analyzer):
    # talks between ministers in a piece on a power line are talks on the line (pillar_topic.CONTEXT_ONLY_SHARE)
    talks = passage_at(analyzer, POWER_LINE, "The two foreign ministers")
    assert set(talks.pillars) == {"diplomacy", "energy"}


def test_engagement_in_a_document_without_a_lead_subject_stays_diplomacy(analyzer):
    text = POWER_LINE.replace("transmission line will carry hydropower from the Doi dam", "road will carry lorries") \
        .replace("The reservoir behind the dam filled early this year.", "The quarry behind the hill opened early.") \
        .replace("A power line across", "A road across")
    assert passage_at(analyzer, text, "The two foreign ministers").pillars == ["diplomacy"]


def test_relations_with_a_state_in_a_title_case_heading(scorer_and_place):
    # a hearing's agenda or a heading is in title case: "Trade Relations with Ruritania" is the relationship itself
    scorer, place = scorer_and_place
    for text in ("Questions to the Ministers in the Economics Cluster: Trade Relations with Ruritania",
                 "Oral question time: Relations with Ruritania in the North"):
        raw, why = scorer.raw_scores(text, [place(text, "Ruritania")])
        assert "a relationship with another state" in why.get("diplomacy", []), text


def test_relations_in_title_case_need_a_state_after_them(scorer_and_place):
    scorer, place = scorer_and_place
    text = "Department of Labour: Industrial Relations with Unions in Ruritania"
    _raw, why = scorer.raw_scores(text, [place(text, "Ruritania")])
    assert "a relationship with another state" not in why.get("diplomacy", [])


@pytest.fixture(scope="module")
def scorer_and_place():
    from briefing_app.nlp.pillars import default_scorer
    from briefing_app.nlp.types import EntitySpan

    def place(text: str, name: str) -> EntitySpan:
        at = text.index(name)
        return EntitySpan(at, at + len(name), "GPE", name)

    return default_scorer(), place


def _span(text: str, name: str, label: str):
    from briefing_app.nlp.types import EntitySpan

    at = text.index(name)
    return EntitySpan(at, at + len(name), label, name)


@pytest.mark.parametrize(("text", "name", "label"), [
    ("No smuggler will use that border, and we are coordinating with President Jane Roe.", "Jane Roe", "PERSON"),
    ("I spoke to Ruritania's new Foreign Minister last week, and we will fund shelters for the refugees.",
     "Ruritania", "GPE"),
    ("The minister wrote to her counterparts in May about the fishing quotas.", "May", "DATE"),
])
def test_a_leader_or_foreign_minister_addressed_is_engagement(scorer, text, name, label):
    # speaking, writing or working with another state's leader is the relationship itself, as with its capital
    _raw, why = scorer.raw_scores(text, [_span(text, name, label)])
    assert "one government addressing another" in why.get("diplomacy", [])


@pytest.mark.parametrize("text", [
    "I told the Prime Minister in March that the hospital must open this year.",
    "We spoke to the farmers in March about the new quotas.",
])
def test_ones_own_government_addressed_is_no_engagement(scorer, text):
    _raw, why = scorer.raw_scores(text, [_span(text, "March", "DATE")])
    assert "one government addressing another" not in why.get("diplomacy", [])


@pytest.fixture(scope="module")
def scorer():
    from briefing_app.nlp.pillars import default_scorer

    return default_scorer()


def test_two_office_holders_together_are_engagement_beside_the_topic(scorer):
    # two ministers of two states underlining a railway's importance: the railway is trade, the two of them together
    # are the relationship (``role_cue_weight`` per office-holder named)
    from dataclasses import replace

    text = "Foreign Minister Jane Roe and Foreign Minister John Doe underlined the importance of the railway for exports and investment."
    people = [replace(_span(text, name, "PERSON"), role="Foreign Minister") for name in ("Jane Roe", "John Doe")]
    raw, _why = scorer.raw_scores(text, people)
    assert set(scorer.choose(raw)) == {"diplomacy", "trade"}


def test_one_office_holder_beside_a_topic_is_not_yet_engagement(scorer):
    from dataclasses import replace

    text = "Foreign Minister Jane Roe underlined the importance of the railway for exports and investment."
    raw, _why = scorer.raw_scores(text, [replace(_span(text, "Jane Roe", "PERSON"), role="Foreign Minister")])
    assert scorer.choose(raw) == ["trade"]
