"""The document's topic lent to sentences whose own words do not name it (briefing_app/nlp/pillar_topic.py).

Articles are invented, not from any gold set."""

from __future__ import annotations

import pytest

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.chunking import sentence_spans
from briefing_app.nlp.pillars import UNTAGGED, PillarScorer, default_scorer
from briefing_app.nlp.types import Passage

OPED = """OPINION
A pipeline under the gulf will test Ruritania and Freedonia's new partnership

By Jane Roe

When Ruritania and Freedonia signed their energy compact last spring, the gas pipeline was the centrepiece.
The line would carry natural gas from the Ruritanian fields to power stations in Freedonia.
On paper the fit is perfect.
Freedonia needs fuel for its grid, and Ruritania has more gas than it can burn.
In practice, almost everything could still go wrong.
Nor is it clear who pays if a storm cuts the line for six months.
Banks will want long-term contracts and state guarantees before they lend.
We must move on.
I expect the first gas to flow no earlier than 2031.
"""

DEBATE = """National Assembly: Second Reading of the Offshore Wind Bill
THE SPEAKER: Order, Honourable Members! I call the Honourable Minister.
HON MINISTER: Thank you, Honourable Speaker. This Bill gives the country its first legal framework for offshore wind farms and for exporting their electricity.
It creates a wind energy regulator and places the coastal wind project under a single licence.
The utility will buy the power at a fixed tariff for twenty years.
(Applause)
THE SPEAKER: Order! Honourable Member for the Coast.
HON MEMBER: Honourable Speaker, the people of the coast have heard these promises before.
We also want to know why a foreign consortium should pay no corporate tax for ten years.
(Interjections)
HON MINISTER: The tax holiday applies only after the first electricity is exported to the grid.
THE SPEAKER: Honourable Member, your time has expired. The debate is adjourned to Thursday.
"""

COMMUNIQUE = """Communiqué of the Extraordinary Summit on Security in the Lake Region
The leaders met in Port Azure to review the armed attacks on border towns and the fight against terrorism.
1. The Summit condemned the attacks by armed groups and the killing of civilians.
2. The Summit directed the police forces to hold joint patrols along the border.
3. The Summit welcomed support from UNICEF for temporary learning centres.
4. Member States will share intelligence on the trafficking of small arms.
5. The Summit will meet again in June and thanked the host for its hospitality.
Observers said the mood in the hall was grim.
"""


@pytest.fixture(scope="module")
def scorer() -> PillarScorer:
    return default_scorer()


def _passages(scorer: PillarScorer, text: str) -> dict[str, Passage]:
    """Each sentence's passage, by its text."""
    spans = [(s, e, []) for s, e in sentence_spans(text)]
    return {text[p.start:p.end]: p for p in scorer.passages(text, spans)}


class _Untag:
    """A learner that untags ``pillar`` from the passages opening with ``opening`` (as pillar_learning does)."""

    def __init__(self, opening: str, pillar: str) -> None:
        self.opening, self.pillar = opening, pillar

    def adjust(self, text: str, raw: dict[str, float], why: dict[str, list[str]], scorer: PillarScorer) -> None:
        if text.startswith(self.opening):
            raw[self.pillar] = 0.0
            why[self.pillar] = [UNTAGGED]


def _of(passages: dict[str, Passage], opening: str) -> Passage:
    return next(p for text, p in passages.items() if text.startswith(opening))


def test_a_sentence_without_cues_takes_the_articles_topic(scorer):
    passages = _passages(scorer, OPED)
    for opening in ("On paper the fit is perfect.", "In practice, almost everything", "Nor is it clear who pays"):
        passage = _of(passages, opening)
        assert passage.pillars == ["energy"], opening
        assert "the document's subject" in passage.why
    # never to furniture or a line that says nothing of its own
    for opening in ("OPINION", "By Jane Roe", "We must move on."):
        assert _of(passages, opening).pillars == [], opening
    # nor to a passage the officer untagged it from
    untagged = _passages(scorer.with_learner(_Untag("On paper", "energy")), OPED)
    assert _of(untagged, "On paper the fit is perfect.").pillars == []
    assert _of(untagged, "In practice, almost everything").pillars == ["energy"]
    # a text of three sentences has no topic to lend
    short = "\n".join(OPED.splitlines()[5:8])  # two gas sentences and "On paper the fit is perfect."
    assert _of(_passages(scorer, short), "On paper").pillars == []


def test_the_topic_joins_a_sentence_about_the_money(scorer):
    # trade is the sentence's own pillar; in an article on a gas pipeline the money is energy business too
    banks = _of(_passages(scorer, OPED), "Banks will want")
    assert banks.pillars == ["trade", "energy"]
    assert "the document's subject" in banks.why


def test_debate_speeches_take_the_bills_topic_but_the_chair_does_not(scorer):
    passages = _passages(scorer, DEBATE)
    assert "energy" in _of(passages, "HON MEMBER: Honourable Speaker, the people").pillars
    assert "energy" in _of(passages, "We also want to know why a foreign consortium").pillars
    assert "energy" in _of(passages, "The utility will buy the power").pillars
    # procedure, the chair's turns and stage directions stay without a pillar
    for opening in ("THE SPEAKER: Order, Honourable Members!", "HON MINISTER: Thank you", "(Applause)",
                    "THE SPEAKER: Order!", "Honourable Member for the Coast.", "(Interjections)",
                    "THE SPEAKER: Honourable Member, your time", "The debate is adjourned"):
        assert _of(passages, opening).pillars == [], opening


def test_numbered_paragraphs_keep_their_own_subject(scorer):
    passages = _passages(scorer, COMMUNIQUE)
    assert "security" in _of(passages, "Observers said the mood").pillars  # prose after the list takes the topic
    # each numbered paragraph of a communiqué has its own subject: schooling and the next meeting stay off security
    assert _of(passages, "The Summit welcomed support from UNICEF").pillars == ["people", "diplomacy"]
    assert _of(passages, "The Summit will meet again").pillars == ["diplomacy"]


def test_the_analyser_lends_the_topic(analyzer: Analyzer):
    result = analyzer.analyze(OPED)
    start = OPED.index("On paper the fit is perfect.")
    passage = next(p for p in result.passages if p.start <= start < p.end)
    assert "energy" in passage.pillars


FACT_SHEET = ("Syldavia and Borduria sign a trade pact\n"
              "• Exports, investment and tariffs on oil will be reviewed every year.\n"
              "• Investment, customs fees and import quotas for oil will be cut.\n"
              "• Trade in oil and other goods will be settled in local currency.\n"
              "• Tariffs on oil and other exports will fall to zero by 2027.\n"
              "• Joint ventures will invest in oil and in free trade zones on both coasts.\n")


def test_one_estimate_of_the_subject_boosts_a_weak_cue_that_runs_through_the_text(analyzer: Analyzer) -> None:
    # Every bullet mentions oil beside a pile of trade words: oil is never the bullet's leading pillar, but it runs
    # through the whole fact sheet, so it is the document's subject and backs each bullet's own cue for it. The
    # subject the scorer boosts is the topic it lends (one estimate, cue shares), not a second count of the pillars
    # chosen sentence by sentence (which never chose energy here).
    result = analyzer.analyze(FACT_SHEET)
    bullets = [p for p in result.passages if FACT_SHEET[p.start:p.end].startswith("•")]
    assert len(bullets) == 5
    assert all(p.pillars == ["trade", "energy"] for p in bullets)


def test_the_subject_is_the_topical_pillars_that_run_through_the_document() -> None:
    from briefing_app.nlp.pillar_topic import DocumentTopic

    scorer = default_scorer()
    spans = [(s, e, []) for s, e in sentence_spans(FACT_SHEET)]
    scored = [scorer.raw_scores(FACT_SHEET[s:e]) for s, e, _ in spans]
    topic = DocumentTopic.build(scorer, FACT_SHEET, spans, scored, {}, {})
    assert topic.subject() == {"trade", "energy"}  # diplomacy (the headline's pact) is never the subject
