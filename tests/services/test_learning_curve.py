"""The simulated perfect officer of `briefing-app eval --learning-curve` (issue 13 item 3)."""

from __future__ import annotations

import json
from pathlib import Path

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.evaluation import GoldDoc
from briefing_app.nlp.types import AnalysisResult, EntitySpan
from briefing_app.services.learning_curve import (
    _all_mistakes,
    _lesson_effect,
    averaged_curve,
    learning_curve,
    split_gold,
)

GOLD = Path(__file__).resolve().parents[1] / "data" / "gold"


def test_split_is_fixed_and_disjoint() -> None:
    files = sorted(GOLD.glob("*.gold.json"))
    train, test = split_gold(files)
    assert (train, test) == split_gold(list(reversed(files))), "the same split every run"
    assert len(train) == 20 and not set(train) & set(test) and len(train) + len(test) == len(files)


def test_corrections_become_lessons_and_never_hurt_the_articles_left(analyzer: Analyzer) -> None:
    files = sorted(GOLD.glob("*.gold.json"))
    train, test = split_gold(files)
    curve = learning_curve(train[:2], test[:2], analyzer, steps=(0, 2, 5))
    first, last = curve.points  # k = 5 is more than there is to correct: no repeated row
    assert (first.corrected, first.lessons) == (0, 0)
    assert last.corrected == 2 and last.lessons > 0, "every correction went through the lesson service"
    assert last.entity_f1 >= first.entity_f1 - 0.005 and last.pillar_f1 >= first.pillar_f1 - 0.005
    assert 0 < first.strict_f1 <= first.entity_f1, "exact boundaries count beside overlap"
    assert f"{first.strict_f1:.4f}" in curve.to_text()
    assert "k" in curve.to_text() and curve.to_json()["points"][1]["k"] == 2  # type: ignore[index]


def test_the_curve_is_averaged_over_several_orders_of_the_articles(analyzer: Analyzer) -> None:
    files = sorted(GOLD.glob("*.gold.json"))[:6]
    curve = averaged_curve(files, analyzer, seeds=(13, 1), steps=(0, 1))
    assert [c.train for c in curve.curves][0] != [c.train for c in curve.curves][1], "each seed its own order"
    for c in curve.curves:
        assert not set(c.train) & set(c.test), "F1 only on articles never corrected"
    mean = curve.points
    assert [p.corrected for p in mean] == [0, 1]
    assert mean[1].pillar_f1 == sum(c.points[1].pillar_f1 for c in curve.curves) / 2
    text = curve.to_text()
    assert "Mean over 2 splits (seeds 13, 1)" in text and "seed   1:" in text
    assert [s["seed"] for s in curve.to_json()["splits"]] == [13, 1]  # type: ignore[index]
    assert curve.to_json()["mistake_counts"] == "summed over the splits"


def _gold_article(folder: Path, name: str, text: str, entities: list[tuple[str, str]]) -> Path:
    """A one-paragraph made-up gold article with ``entities`` (surface, class) at their first occurrence."""
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    spans = [{"start": text.index(s), "end": text.index(s) + len(s), "label": cls, "text": s} for s, cls in entities]
    gold = {"text_file": f"{name}.txt", "entities": spans, "sentences": [{"start": 0, "prefix": text[:3], "pillars": []}]}
    path = folder / f"{name}.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def test_the_curve_counts_corrected_mistakes_made_again_and_what_the_lessons_fixed_and_broke(
        analyzer: Analyzer, tmp_path: Path) -> None:
    # The tagger misses the lower-case "kelpwater pact"; the officer tags it in the first article. The second
    # article's gold tags it too (the same mistake again, which the lesson fixes); the third's does not (an
    # officer who tags it in one article and not in another: the lesson makes a mistake there).
    taught = _gold_article(tmp_path, "a", "Ministers of Zorvania and Borduria signed the kelpwater pact in March.",
                           [("Zorvania", "PLACE"), ("Borduria", "PLACE"), ("kelpwater pact", "INITIATIVE"),
                            ("March", "DATE")])
    agrees = _gold_article(tmp_path, "b", "Officials in Borduria praised the kelpwater pact on Tuesday.",
                           [("Borduria", "PLACE"), ("kelpwater pact", "INITIATIVE"), ("Tuesday", "DATE")])
    disagrees = _gold_article(tmp_path, "c", "Fishers in Zorvania criticised the kelpwater pact on Friday.",
                              [("Zorvania", "PLACE"), ("Friday", "DATE")])
    curve = learning_curve([taught], [agrees, disagrees], analyzer, steps=(0, 1))
    start, end = curve.points
    assert (start.recurring_before, start.mistakes_fixed, start.mistakes_made) == (0, 0, 0), "nothing corrected yet"
    assert (end.recurring_before, end.recurring_after) == (1, 0), "the second article's miss is the one corrected"
    assert (end.mistakes_fixed, end.mistakes_made) == (1, 1), "one miss fixed; one false alarm where gold disagrees"
    assert "1 -> 0       1 fixed, 1 made" in curve.to_text()
    assert curve.to_json()["points"][1]["mistakes_made"] == 1  # type: ignore[index]


def test_a_mistake_that_changes_kind_is_neither_fixed_nor_made() -> None:
    """A gold name found with the wrong class and boundary, then (after a lesson) with only the wrong boundary, is
    one mistake still there: not one fixed and one made."""
    text = "Ministers of Zorvania signed the Kopra Compact in March."
    g0 = text.index("Kopra Compact")
    gold = GoldDoc(name="z.gold.json", text=text, classes={"INITIATIVE": {"LAW", "EVENT"}, "PLACE": {"GPE"}},
                   ignore=[], entities=[(g0, g0 + 13, "INITIATIVE", "Kopra Compact")], sentences=[])
    before = AnalysisResult(text, [EntitySpan(g0, g0 + 5, "GPE", "Kopra")])
    after = AnalysisResult(text, [EntitySpan(g0, g0 + 5, "LAW", "Kopra")])
    fixed = AnalysisResult(text, [EntitySpan(g0, g0 + 13, "LAW", "Kopra Compact")])
    golds = {text: gold}

    def effect(old: AnalysisResult, new: AnalysisResult) -> tuple[int, int, int, int]:
        return _lesson_effect(_all_mistakes(golds, {text: old}), _all_mistakes(golds, {text: new}), set())

    assert effect(before, after)[2:] == (0, 0)
    assert effect(before, fixed)[2:] == (1, 0)
