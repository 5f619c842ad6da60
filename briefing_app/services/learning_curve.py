"""A simulated perfect officer: correct k gold articles through the review services, score the rest.

Used by ``briefing-app eval --learning-curve GOLD_DIR``: repeated over several shuffled splits (seeds),
each with its own order of corrected articles, and averaged per k, so a rise is not the luck of one order. Every correction goes through the same
services the GUI calls (reject, add, relabel, boundary change, pillar tag/untag), so the lessons
learned are exactly those an officer would teach; F1 is then measured on articles never corrected.
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from briefing_app.domain.models import Annotation, AnnotationKind, AnnotationStatus, LessonAction
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.evaluation import (
    GoldDoc,
    evaluate,
    match_entities,
    passage_counts,
    read_gold,
    strict_outcomes,
)
from briefing_app.nlp.types import AnalysisResult, Passage
from briefing_app.services.analysis import AnalysisService
from briefing_app.services.annotations import AnnotationConflict
from briefing_app.services.container import Services

#: Numbers of corrected articles reported.
DEFAULT_STEPS = (0, 5, 10, 20)
#: Splits (orders of articles) the curve is averaged over.
DEFAULT_SEEDS = (13, 1, 2)
#: Last words that make an initiative an EVENT rather than a LAW.
_EVENT_HEADS = frozenset("Summit Conference Dialogue Meeting Forum Games Congress Round Talks Session Ministerial "
                         "Exercise Expo Week Day".split())


@dataclass
class CurvePoint:
    """F1 on the evaluation articles after ``corrected`` articles were corrected."""

    corrected: int
    entity_f1: float
    pillar_f1: float
    lessons: int
    #: sentences of the scored articles whose pillars differ from k = 0 (lessons reaching unseen text)
    changed_sentences: int = 0
    #: entity suggestions of the scored articles that differ from k = 0
    changed_entities: int = 0
    #: entity mistakes (exact match) in the scored articles that the officer corrected in an article before (the
    #: same name missed, the same false alarm, the same wrong class or boundary): without the lessons, and with them
    recurring_before: int = 0
    recurring_after: int = 0
    #: entity mistakes of the scored articles the lessons removed, and those they made (where the article's gold
    #: disagrees with a correction made elsewhere, or a lesson fired where it should not)
    mistakes_fixed: int = 0
    mistakes_made: int = 0
    #: entity F1 with exact boundaries and class (what the officer sees highlighted)
    strict_f1: float = 0.0


@dataclass
class LearningCurve:
    """The curve and what it was measured on."""

    train: list[str] = field(default_factory=list)
    test: list[str] = field(default_factory=list)
    points: list[CurvePoint] = field(default_factory=list)

    def to_text(self) -> str:
        """A readable table."""
        lines = [f"Corrected from {len(self.train)} articles; F1 on {len(self.test)} others never corrected.",
                 f"{'k':>4} {'entity F1':>10} {'strict':>7} {'pillar F1':>10} {'lessons':>8} {'changed sentences':>18} "
                 f"{'changed entities':>17}  corrected mistake made again: before -> after lessons; mistakes fixed, made"]
        lines += [f"{p.corrected:>4} {p.entity_f1:>10.4f} {p.strict_f1:>7.4f} {p.pillar_f1:>10.4f} {p.lessons:>8} "
                  f"{p.changed_sentences:>18} {p.changed_entities:>17}  {p.recurring_before:>6} -> "
                  f"{p.recurring_after:<4} {p.mistakes_fixed:>4} fixed, {p.mistakes_made} made" for p in self.points]
        return "\n".join(lines)

    def to_json(self) -> dict[str, object]:
        """Machine-readable curve."""
        return {"train": self.train, "test": self.test,
                "points": [{"k": p.corrected, "entity_f1": round(p.entity_f1, 4), "strict_f1": round(p.strict_f1, 4),
                            "pillar_f1": round(p.pillar_f1, 4),
                            "lessons": p.lessons, "changed_sentences": p.changed_sentences,
                            "changed_entities": p.changed_entities, "recurring_before": p.recurring_before,
                            "recurring_after": p.recurring_after, "mistakes_fixed": p.mistakes_fixed,
                            "mistakes_made": p.mistakes_made} for p in self.points]}


@dataclass
class AveragedCurve:
    """Learning curves of several splits and their mean per k."""

    seeds: list[int] = field(default_factory=list)
    curves: list[LearningCurve] = field(default_factory=list)

    @property
    def points(self) -> list[CurvePoint]:
        """The mean of the splits' points, per k."""
        out = []
        for i, first in enumerate(self.curves[0].points if self.curves else []):
            row = [c.points[i] for c in self.curves]
            n = len(row)
            out.append(CurvePoint(first.corrected, sum(p.entity_f1 for p in row) / n,
                                  sum(p.pillar_f1 for p in row) / n, round(sum(p.lessons for p in row) / n),
                                  round(sum(p.changed_sentences for p in row) / n),
                                  round(sum(p.changed_entities for p in row) / n),
                                  # counts summed over the splits, not averaged: a handful per split
                                  sum(p.recurring_before for p in row), sum(p.recurring_after for p in row),
                                  sum(p.mistakes_fixed for p in row), sum(p.mistakes_made for p in row),
                                  sum(p.strict_f1 for p in row) / n))
        return out

    def to_text(self) -> str:
        """The mean table, then each split's F1 per k."""
        sizes = self.curves[0] if self.curves else LearningCurve()
        mean = LearningCurve(sizes.train, sizes.test, self.points).to_text().splitlines()
        lines = [f"Mean over {len(self.curves)} splits (seeds {', '.join(map(str, self.seeds))}). {mean[0]}", *mean[1:],
                 "(Mistakes: exact boundaries and class, summed over the splits. A corrected mistake is made again when "
                 "a scored article misses the name the officer added, gets the suggestion they rejected, or the label "
                 "or boundary they changed, in an article corrected before.)",
                 "", "Per split (entity F1 / strict / pillar F1 / sentences whose pillars changed, at each k):"]
        for seed, curve in zip(self.seeds, self.curves, strict=True):
            lines.append(f"seed {seed:>3}: " + "  ".join(
                f"k={p.corrected} {p.entity_f1:.4f}/{p.strict_f1:.4f}/{p.pillar_f1:.4f}/{p.changed_sentences}"
                for p in curve.points))
        return "\n".join(lines)

    def to_json(self) -> dict[str, object]:
        """Machine-readable mean curve and the splits'."""
        mean = LearningCurve(points=self.points).to_json()["points"]
        # the mean's mistake counts (recurring_*, mistakes_*) are summed over the splits, its F1s averaged: say so
        return {"seeds": self.seeds, "points": mean, "mistake_counts": "summed over the splits",
                "splits": [{"seed": s, **c.to_json()} for s, c in zip(self.seeds, self.curves, strict=True)]}


def averaged_curve(files: Sequence[Path], analyzer: Analyzer, seeds: Sequence[int] = DEFAULT_SEEDS,
                   train_files: Sequence[Path] | None = None, steps: Sequence[int] = DEFAULT_STEPS,
                   progress: Callable[[str], None] | None = None) -> AveragedCurve:
    """The learning curve over one shuffled split of ``files`` per seed (the corrected articles, in
    their shuffled order, from ``train_files`` when given; then all of ``files`` are scored)."""
    out = AveragedCurve(seeds=list(seeds))
    for seed in seeds:
        if train_files is not None:
            train, _ = split_gold(train_files, seed=seed)
            test = sorted(files)
        else:
            train, test = split_gold(files, seed=seed)
        if progress is not None:
            progress(f"split seed {seed}: {len(train)} to correct, {len(test)} to score")
        out.curves.append(learning_curve(train, test, analyzer, steps, progress))
    return out


def split_gold(files: Sequence[Path], train_size: int = 20, seed: int = 13) -> tuple[list[Path], list[Path]]:
    """A fixed shuffled split: up to ``train_size`` articles an officer may correct, the rest to score."""
    order = sorted(files)
    random.Random(seed).shuffle(order)
    size = min(train_size, len(order) // 2)
    return order[:size], order[size:]


def learning_curve(train: Sequence[Path], test: Sequence[Path], analyzer: Analyzer,
                   steps: Sequence[int] = DEFAULT_STEPS,
                   progress: Callable[[str], None] | None = None) -> LearningCurve:
    """Correct ``train`` articles in order (perfectly, per their gold) and score ``test`` at each step."""
    curve = LearningCurve(train=[p.name for p in train], test=[p.name for p in test])
    with tempfile.TemporaryDirectory(prefix="briefing-curve-") as tmp:
        services = Services.open(Path(tmp) / "curve.db")
        try:
            analysis = AnalysisService(services.db, analyzer)
            golds = {g.text: g for g in map(read_gold, test)}
            done = 0
            first: dict[str, AnalysisResult] | None = None
            baseline: dict[_Mistake, _Pair] | None = None  # the scored articles' mistakes before any lesson
            for k in steps:
                k = min(k, len(train))
                if curve.points and k == curve.points[-1].corrected:
                    continue  # fewer articles to correct than this step: its row would repeat the last one
                for path in train[done:k]:
                    correct_article(services, analysis, read_gold(path))
                    if progress is not None:
                        progress(f"corrected {path.name}")
                done = max(done, k)
                recorder = _Recorder(analysis.learned_analyzer())
                report = evaluate(list(test), cast(Analyzer, recorder))
                first = first if first is not None else recorder.results
                sentences, entities = _changes(first, recorder.results)
                baseline = baseline if baseline is not None else _all_mistakes(golds, first)
                effect = _lesson_effect(baseline, _all_mistakes(golds, recorder.results), _corrected_mistakes(services))
                curve.points.append(CurvePoint(k, report.entity_f1, report.pillar_f1, len(services.lessons.all()),
                                               sentences, entities, *effect, report.strict_f1))
                if progress is not None:
                    progress(f"k={k}: entity F1 {report.entity_f1:.4f}, pillar F1 {report.pillar_f1:.4f}")
        finally:
            services.close()
    return curve


class _Recorder:
    """An analyser that remembers what it returned, to compare steps of the curve."""

    def __init__(self, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.results: dict[str, AnalysisResult] = {}

    def analyze(self, text: str) -> AnalysisResult:
        result = self.analyzer.analyze(text)
        self.results[text] = result
        return result


def _changes(before: dict[str, AnalysisResult], after: dict[str, AnalysisResult]) -> tuple[int, int]:
    """(sentences whose pillars changed, entity suggestions added or removed) between two runs."""
    sentences = entities = 0
    for text, new in after.items():
        old = before.get(text)
        if old is None:
            continue
        sentences += sum(1 for a, b in zip(old.passages, new.passages, strict=False)
                         if (a.start, a.end, a.pillars) != (b.start, b.end, b.pillars))
        spans_old = {(e.start, e.end, e.label) for e in old.entities}
        spans_new = {(e.start, e.end, e.label) for e in new.entities}
        entities += len(spans_old ^ spans_new)
    return sentences, entities


#: A mistake as the officer sees it: (the gold entity's text or "", the suggestion's text or ""), case aside
_Pair = tuple[str, str]
#: One mistake of a scored article: (article, start, end, kind)
_Mistake = tuple[str, int, int, str]


def _corrected_mistakes(services: Services) -> set[_Pair]:
    """The mistakes the officer's entity lessons corrected: a name added was missed (name, ""), a suggestion
    rejected a false alarm ("", name), a relabel a wrong class (name, name), a boundary change the old span
    where the new one belonged (new, old)."""
    out: set[_Pair] = set()
    for lesson in services.lessons.all():
        text, old = lesson.text.casefold(), lesson.from_text.casefold()
        pair = {LessonAction.ADD: (text, ""), LessonAction.REJECT: ("", text), LessonAction.RELABEL: (text, text),
                LessonAction.BOUNDARY: (text, old)}.get(LessonAction(lesson.action))
        if pair is not None:
            out.add(pair)
    return out


def _mistakes(gold: GoldDoc, result: AnalysisResult) -> dict[_Mistake, _Pair]:
    """Each exact-match mistake of ``result`` with its (gold text, suggested text)."""
    matching = match_entities(gold, result.entities)
    out: dict[_Mistake, _Pair] = {}
    for kind, g, p in strict_outcomes(gold, matching.preds, matching.primary):
        if kind in ("tp", "unmatched"):
            continue  # an unmatched suggestion is the other side of a gold entity's boundary mistake
        span = (g[0], g[1]) if g is not None else (p.start, p.end) if p is not None else (0, 0)
        gold_text = gold.text[g[0]:g[1]].casefold() if g is not None else ""
        suggested = gold.text[p.start:p.end].casefold() if p is not None else ""
        # a gold entity still wrong in another way ("kelpwater" found for "kelpwater pact" where it was missed) is
        # the same mistake: neither fixed nor made by the lessons; only a false alarm keeps its own kind
        out[(gold.name, *span, "gold" if g is not None else kind)] = (gold_text, suggested)
    return out


def _all_mistakes(golds: dict[str, GoldDoc], results: dict[str, AnalysisResult]) -> dict[_Mistake, _Pair]:
    """The mistakes of every scored article (``results`` by text) against its gold."""
    out: dict[_Mistake, _Pair] = {}
    for text, result in results.items():
        if (gold := golds.get(text)) is not None:
            out.update(_mistakes(gold, result))
    return out


def _lesson_effect(old: dict[_Mistake, _Pair], new: dict[_Mistake, _Pair],
                   corrected: set[_Pair]) -> tuple[int, int, int, int]:
    """In the scored articles: the mistakes the officer corrected elsewhere, made again without the lessons
    (``old``) and with them (``new``); then every mistake the lessons removed, and every one they made."""
    return (sum(pair in corrected for pair in old.values()), sum(pair in corrected for pair in new.values()),
            len(old.keys() - new.keys()), len(new.keys() - old.keys()))


def _label_for(gold: GoldDoc, cls: str, surface: str) -> str:
    """The spaCy label a perfect officer would choose for a gold class."""
    allowed = sorted(gold.classes.get(cls, {cls}))
    if cls == "INITIATIVE":
        words = surface.split()
        return "EVENT" if words and words[-1] in _EVENT_HEADS else "LAW"
    for preferred in ("PERSON", "GPE", "ORG", "DATE"):
        if preferred in allowed:
            return preferred
    return allowed[0]


def correct_article(services: Services, analysis: AnalysisService, gold: GoldDoc) -> None:
    """Import, analyse (with the lessons so far), correct one article to match its gold and mark it reviewed."""
    article = services.articles.add(ImportedDocument(title=gold.name, text=gold.text, source_path=gold.name))
    assert article.id is not None
    aid = article.id
    analysis.analyze_article(aid)
    ann = services.annotations
    counted = gold.counted_labels

    def live_entities() -> list[Annotation]:
        return [a for a in ann.for_article(aid) if a.kind == AnnotationKind.ENTITY]

    for g0, g1, cls, _gtext in gold.entities:
        allowed = gold.classes.get(cls, {cls})
        overlapping = [a for a in live_entities() if a.start < g1 and g0 < a.end]
        label = _label_for(gold, cls, gold.text[g0:g1])
        try:
            if not overlapping:
                ann.add_change(aid, AnnotationKind.ENTITY, g0, g1, label)
                continue
            best = max(overlapping, key=lambda a: (a.label in allowed, min(a.end, g1) - max(a.start, g0)))
            assert best.id is not None
            new_label = label if best.label not in allowed else None
            if (best.start, best.end) != (g0, g1):
                ann.change_boundary(best.id, g0, g1, new_label)  # one action, swallowing the others
            elif new_label is not None:
                ann.relabel(best.id, new_label)
        except AnnotationConflict:
            continue
    gold_spans = [(g0, g1) for g0, g1, _c, _t in gold.entities]
    spurious = [a.id for a in live_entities() if a.id is not None and a.label in counted
                and a.status == AnnotationStatus.SUGGESTED and not gold.ignored(a.start, a.end)
                and not any(a.start < g1 and g0 < a.end for g0, g1 in gold_spans)]
    if spurious:
        ann.reject(spurious)

    for s0, s1, expected, acceptable in gold.sentences:
        counted_tags = [a for a in ann.for_article(aid) if a.kind == AnnotationKind.PILLAR and a.start < s1 and s0 < a.end
                        and passage_counts(Passage(a.start, a.end), s0, s1)]
        predicted = {a.label for a in counted_tags}
        wrong = [a.id for a in counted_tags if a.label not in expected and a.label not in acceptable
                 and a.id is not None]
        if wrong:
            ann.reject(wrong)
        for pillar in sorted(expected - predicted):
            try:
                ann.toggle_pillar(aid, s0, s1, pillar)
            except AnnotationConflict:
                continue
    # The whole article now reads as its gold: the officer marks it reviewed (what they left standing is
    # theirs too, e.g. for their boundary habits; services/lessons.stood_behind).
    services.changes.set_status(aid, "reviewed")
