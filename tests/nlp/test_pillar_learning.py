"""The pillar learner: a nudge learned from the officer's reviewed sentences, adopted only where it helps."""

from __future__ import annotations

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.pillar_learning import PillarExample, PillarLearner

#: sentences the officer tags "trade" whose cues the lexicon does not know (mango orchards, growers)
_TAGGED = ["Orchard cooperatives harvested mangoes in the valley on {d}.",
           "Mango growers in the valley packed the orchard crop on {d}.",
           "Growers said the mango orchards had a record season by {d}."]
_PLAIN = ["The ministry published its annual report on {d}.", "Officials met farmers in the capital on {d}."]


def _reviewed() -> list[PillarExample]:
    out = []
    for article, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]):
        out += [PillarExample(article, s.format(d=day), frozenset({"trade"})) for s in _TAGGED]
        out += [PillarExample(article, s.format(d=day), frozenset()) for s in _PLAIN]
    return out


def test_the_nudge_generalises_to_new_sentences_and_leaves_others_alone(analyzer: Analyzer) -> None:
    base = analyzer.shared.scorer
    new = "Mango orchards in the valley were harvested by growers on Sunday."
    other = "Two warships docked at the naval base for joint exercises with the air force."
    assert "trade" not in base.choose(base.raw_scores(new)[0]), "the lexicon alone misses it"
    learner = PillarLearner.build([(_TAGGED[0].format(d="Monday"), "trade", True, "")], base, _reviewed())
    assert "trade" in learner.adopted, "left-out articles are decided better with the nudge"
    taught = base.with_learner(learner)
    raw, why = taught.raw_scores(new)
    assert "trade" in taught.choose(raw) and "like passages you tagged" in why["trade"]
    assert taught.choose(taught.raw_scores(other)[0]) == base.choose(base.raw_scores(other)[0])


def test_a_nudge_that_does_not_help_the_officers_own_tags_is_not_adopted(analyzer: Analyzer) -> None:
    base = analyzer.shared.scorer
    # the same words tagged in some articles and not in others: no better than the lexicon on left-out articles
    noisy = [PillarExample(a, s.format(d="Monday"), frozenset({"trade"} if a % 2 else set()))
             for a in range(6) for s in _TAGGED]
    learner = PillarLearner.build([(_TAGGED[0].format(d="Monday"), "trade", True, "")], base, noisy)
    assert "trade" not in learner.adopted
