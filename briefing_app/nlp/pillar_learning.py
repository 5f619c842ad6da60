"""Pillar learning from the officer's own tags: a calibrated nudge on top of the lexicon (issue 13).

Two things are learned, both applied at the scorer's one hook (``PillarScorer.raw_scores`` calls
:meth:`PillarLearner.adjust` with a passage's lexicon scores):

* **the same passage again**: a passage the officer tagged or untagged with a pillar is decided
  that way wherever it recurs (word-bag similarity >= ``same_passage``);
* **a nudge for new passages**: per pillar, a small logistic model on the lexicon's own score
  for that pillar (saturated), whether the lexicon chose it, and indicator features of the words
  and word pairs of the passage. It is fitted on the sentences of the articles in which the
  officer corrected pillars (their tags as they left them: confirmed, added, removed), so the word
  weights only explain what the lexicon got wrong there. A passage's word weights are converted
  into lexicon units (divided by the model's weight for "the lexicon chose it", times the
  threshold), clipped to ``cap`` and dropped below ``min_delta``: one tag cannot swing unrelated
  sentences. The nudge is adopted **per pillar** only where it decides the officer's tags better
  than the lexicon alone, each article judged by a model fitted without it (leave-one-article-out,
  in at most ``max_folds`` groups of articles).

Pure Python + numpy (already a spaCy dependency); fitted once per change of the pillar lessons.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing_app.nlp.pillars import STOPWORDS, UNTAGGED, stem, tokens
from briefing_app.nlp.types import EntitySpan

if TYPE_CHECKING:
    import numpy as np

    from briefing_app.nlp.pillars import PillarScorer

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PARTS = re.compile(r"[-’']")


def _bag(text: str) -> frozenset[str]:
    """Content-word stems of a passage (what "the same passage" is measured on)."""
    return frozenset(t for t in tokens(text) if t not in STOPWORDS and len(t) > 2 and not t.isdigit())


def _similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine similarity of two word bags (0..1)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def features(text: str) -> set[str]:
    """Stemmed content words and adjacent content-word pairs of a passage (the nudge's features)."""
    out: set[str] = set()
    prev = ""
    for m in _WORD.finditer(text):
        for part in _PARTS.split(m.group(0).casefold()):
            t = stem(part) if part else ""
            if not t or t in STOPWORDS or len(t) <= 2:
                prev = ""
                continue
            out.add(t)
            if prev:
                out.add(f"{prev} {t}")
            prev = t
    return out


@dataclass(frozen=True, slots=True)
class PillarExample:
    """One sentence of an article the officer reviewed, with the pillars they left on it."""

    article: int
    text: str
    pillars: frozenset[str]
    entities: tuple[EntitySpan, ...] = ()


@dataclass
class _Row:
    text: str
    raw: dict[str, float]
    chosen: frozenset[str]
    pillars: frozenset[str]
    article: int


class NudgeModel:
    """Per-pillar logistic nudges fitted on the officer's sentences (see the module docstring)."""

    def __init__(self, pillars: Sequence[str], *, c: float = 1.0, min_articles: int = 2, iterations: int = 200,
                 rate: float = 0.5, cap: float = 3.0, min_delta: float = 0.2, max_features: int = 2000) -> None:
        self.pillars = list(pillars)
        self.c, self.min_articles, self.iterations, self.rate = c, min_articles, iterations, rate
        self.max_features = max_features
        self.cap, self.min_delta = cap, min_delta
        self.index: dict[str, int] = {}
        self.weights: np.ndarray | None = None  # features x pillars
        self.scale: dict[str, float] = {}
        self.adopted: set[str] = set()

    def fit(self, rows: Sequence[_Row], threshold: float, saturation: float) -> NudgeModel:
        """Fit on ``rows`` (all pillars at once)."""
        import numpy as np

        feats = [features(r.text) for r in rows]
        seen: dict[str, set[int]] = defaultdict(set)
        for f, r in zip(feats, rows, strict=True):
            for t in f:
                seen[t].add(r.article)
        # words seen in several articles (never one article's names), the most widespread first (memory bound)
        common = sorted((t for t, arts in seen.items() if len(arts) >= self.min_articles),
                        key=lambda t: (-len(seen[t]), t))[:self.max_features]
        vocab = sorted(common)
        self.index = {t: i for i, t in enumerate(vocab)}
        n, v, k = len(rows), len(vocab), len(self.pillars)
        if not n or not v:
            self.weights = None
            return self
        x = np.zeros((n, v))
        for i, f in enumerate(feats):
            cols = [self.index[t] for t in f if t in self.index]
            x[i, cols] = 1.0
        sat = np.array([[1.0 - math.exp(-r.raw.get(p, 0.0) / saturation) for p in self.pillars] for r in rows])
        chosen = np.array([[1.0 if p in r.chosen else 0.0 for p in self.pillars] for r in rows])
        y = np.array([[1.0 if p in r.pillars else 0.0 for p in self.pillars] for r in rows])
        w = np.zeros((v, k))
        bias, a_sat, a_chosen = np.zeros(k), np.zeros(k), np.zeros(k)
        for _ in range(self.iterations):
            z = bias + sat * a_sat + chosen * a_chosen + x @ w
            g = 1.0 / (1.0 + np.exp(-z)) - y
            bias -= self.rate * g.mean(axis=0)
            a_sat -= self.rate * (g * sat).mean(axis=0)
            a_chosen -= self.rate * (g * chosen).mean(axis=0)
            w -= self.rate * ((x.T @ g) / n + w / (self.c * n))
        self.weights = w
        # logit units per lexicon unit: the model's weight for "the lexicon chose it" spans one threshold
        self.scale = {p: threshold / max(float(a_chosen[j] + 0.5 * a_sat[j]), 0.5) for j, p in enumerate(self.pillars)}
        self.adopted = set(self.pillars)
        return self

    def deltas(self, text: str) -> dict[str, float]:
        """Lexicon-unit nudges per adopted pillar for a passage (only those >= ``min_delta``)."""
        if self.weights is None or not self.adopted:
            return {}
        cols = [self.index[t] for t in features(text) if t in self.index]
        if not cols:
            return {}
        sums = self.weights[cols].sum(axis=0)
        out = {}
        for j, p in enumerate(self.pillars):
            if p not in self.adopted:
                continue
            value = max(-self.cap, min(self.cap, float(sums[j]) * self.scale[p]))
            if abs(value) >= self.min_delta:
                out[p] = value
        return out


def _nudged(raw: dict[str, float], deltas: dict[str, float]) -> dict[str, float]:
    out = dict(raw)
    for p, d in deltas.items():
        out[p] = max(0.0, out.get(p, 0.0) + d)
    return {p: v for p, v in out.items() if v > 0}


def fit_nudges(examples: Sequence[PillarExample], base: PillarScorer, entity_pillars: dict[str, list[str]] | None,
               *, min_articles: int = 3, max_folds: int = 10, max_rows: int = 2000) -> NudgeModel | None:
    """The nudge model for the officer's reviewed sentences, adopted per pillar by leave-one-article-out.

    None when there are too few reviewed articles to judge (fewer than ``min_articles``) or no pillar
    is decided better with the nudge than without it.
    """
    rows = []
    for ex in list(examples)[-max_rows:]:
        raw, _ = base.raw_scores(ex.text, ex.entities, entity_pillars)
        rows.append(_Row(ex.text, raw, frozenset(base.choose(raw)), ex.pillars, ex.article))
    articles = sorted({r.article for r in rows})
    if len(articles) < min_articles:
        return None
    pillars = [p.id for p in base.pillars]
    folds = [articles[i::max_folds] for i in range(min(max_folds, len(articles)))]
    net: dict[str, int] = defaultdict(int)
    for held in folds:
        held_set = set(held)
        model = NudgeModel(pillars).fit([r for r in rows if r.article not in held_set], base.threshold,
                                        base.saturation)
        for r in rows:
            if r.article not in held_set:
                continue
            learned = set(base.choose(_nudged(r.raw, model.deltas(r.text))))
            for p in pillars:
                net[p] += ((p in learned) == (p in r.pillars)) - ((p in r.chosen) == (p in r.pillars))
    adopted = {p for p in pillars if net[p] > 0}
    if not adopted:
        return None
    model = NudgeModel(pillars).fit(rows, base.threshold, base.saturation)
    model.adopted = adopted
    return model


@dataclass
class PillarLearner:
    """The officer's pillar lessons applied to a passage's lexicon scores (the scorer's hook)."""

    #: (word bag, pillar id, True for "tagged" / False for "untagged") of the passages the officer corrected
    examples: list[tuple[frozenset[str], str, bool]] = field(default_factory=list)
    nudges: NudgeModel | None = None
    same_passage: float = 0.9

    @classmethod
    def build(cls, lessons: Sequence[tuple[str, str, bool, str]], base: PillarScorer,
              reviewed: Sequence[PillarExample] = (), entity_pillars: dict[str, list[str]] | None = None,
              ) -> PillarLearner:
        """From (passage, pillar, tagged?, pillar it replaced or "") lessons and the reviewed sentences."""
        known = {p.id for p in base.pillars}
        latest: dict[tuple[frozenset[str], str], bool] = {}
        for text, pillar, positive, replaced in lessons:
            bag = _bag(text)
            if not bag:
                continue
            for p, pos in ((pillar, positive), (replaced, False)):
                if p in known:
                    latest.pop((bag, p), None)  # a later lesson on the same passage/pillar wins
                    latest[(bag, p)] = pos
        return cls(examples=[(bag, p, pos) for (bag, p), pos in latest.items()],
                   nudges=fit_nudges(reviewed, base, entity_pillars) if reviewed else None)

    @property
    def adopted(self) -> set[str]:
        """Pillars whose nudge passed the leave-one-article-out check."""
        return set(self.nudges.adopted) if self.nudges is not None else set()

    def adjust(self, text: str, raw: dict[str, float], why: dict[str, list[str]], scorer: PillarScorer) -> None:
        """Apply the lessons to one passage's scores ``raw`` (in place)."""
        same: dict[str, bool] = {}
        if self.examples:
            bag = _bag(text)
            for ex_bag, pillar, positive in self.examples:
                if _similarity(ex_bag, bag) >= self.same_passage:
                    same[pillar] = positive
        if self.nudges is not None:
            for pillar, delta in self.nudges.deltas(text).items():
                if pillar in same:
                    continue
                raw[pillar] = max(0.0, raw.get(pillar, 0.0) + delta)
                if delta > 0:
                    why[pillar].append("like passages you tagged")
        for pillar, positive in same.items():
            if positive:
                raw[pillar] = max([scorer.threshold, scorer.context_min, *raw.values()])
                why[pillar].append("you tagged this passage")
            else:
                raw[pillar] = 0.0
                why[pillar] = [UNTAGGED]
