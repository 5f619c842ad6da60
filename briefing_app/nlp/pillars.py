"""Pillar suggestions: a weighted lexicon of stemmed words and phrases, entity cues and learned examples."""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing_app.nlp.taxonomy import PillarDef, load_taxonomy
from briefing_app.nlp.types import EntitySpan, Passage
from briefing_app.resources import resource_path

_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|\+")
#: Lines that are web clutter, never a pillar ("Also Read: ...", share/follow prompts).
BOILERPLATE = re.compile(
    r"^\W*(?:also\s+read|read\s+(?:more|also)|related|share\s+(?:this|on)|follow\s+us|subscribe|click\s+here"
    r"|advertisement|download\s+(?:the\s+)?app|sign\s+up|copyright|all\s+rights\s+reserved|©)\b",
    re.IGNORECASE,
)
STOPWORDS = frozenset("""
a an the and or but of to in on at for with by from as is are was were be been being it its this that these those
their they them he she his her we our you your i not no so than then there here has have had will would can could
should may might must also into over under about after before between both each more most other such only own same
very just which who whom whose what when where why how all any some do does did said says say
""".split())


def stem(word: str) -> str:
    """A light suffix stemmer: plural, -ing, -ed and final e ("exercises" == "exercise" -> "exercis")."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def tokens(text: str) -> list[str]:
    """Stemmed word tokens of ``text`` (hyphenated words are split)."""
    return [stem(t) for t in _TOKEN.findall(text.casefold())]


@dataclass(slots=True)
class _Term:
    surface: str
    weights: dict[str, float]


@dataclass
class PillarLearner:
    """Learns from passages the officer tagged: term cues plus nearest-neighbour similarity."""

    examples: list[tuple[frozenset[str], list[str]]] = field(default_factory=list)
    term_weights: dict[str, dict[str, float]] = field(default_factory=dict)

    @classmethod
    def from_examples(cls, examples: Sequence[tuple[str, list[str]]], known: set[str]) -> PillarLearner:
        """Build from (passage text, pillar ids); ``known`` are pillar ids of the taxonomy."""
        bags = []
        for text, pillars in examples:
            bag = frozenset(t for t in tokens(text) if t not in STOPWORDS and len(t) > 2 and not t.isdigit())
            bags.append((bag, [p for p in pillars if p in known]))
        doc_freq: dict[str, int] = defaultdict(int)
        per_pillar: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for bag, pillars in bags:
            for term in bag:
                doc_freq[term] += 1
                for p in pillars:
                    per_pillar[term][p] += 1
        weights = {term: {p: 0.8 * n / doc_freq[term] for p, n in by_p.items()} for term, by_p in per_pillar.items()}
        return cls(examples=bags, term_weights=weights)

    def cues(self, bag: set[str]) -> Iterable[tuple[str, str, float]]:
        """(pillar, why, weight) cues for one passage's token bag."""
        for term in bag:
            for pillar, weight in self.term_weights.get(term, {}).items():
                yield pillar, term, weight
        best: dict[str, float] = {}
        for ex_bag, pillars in self.examples:
            if not ex_bag or not bag:
                continue
            sim = len(ex_bag & bag) / math.sqrt(len(ex_bag) * len(bag))
            if sim >= 0.5:
                for p in pillars:
                    best[p] = max(best.get(p, 0.0), sim)
        for pillar, sim in best.items():
            yield pillar, "similar to a passage you tagged", 4.0 * sim


@dataclass
class PillarScorer:
    """Scores passages against the taxonomy lexicon (multi-label, threshold + relative cut)."""

    pillars: list[PillarDef]
    threshold: float = 1.5
    relative_cut: float = 0.5
    entity_cue_weight: float = 1.0
    role_cue_weight: float = 0.5
    fallback_min: float = 0.5
    learner: PillarLearner | None = None
    _phrases: dict[tuple[str, ...], _Term] = field(default_factory=dict, init=False)
    _max_len: int = field(default=1, init=False)

    def __post_init__(self) -> None:
        for pillar in self.pillars:
            for surface, weight in pillar.keywords.items():
                key = tuple(tokens(surface))
                if not key:
                    continue
                term = self._phrases.setdefault(key, _Term(surface, {}))
                term.weights[pillar.id] = max(term.weights.get(pillar.id, 0.0), weight)
                self._max_len = max(self._max_len, len(key))

    def with_examples(self, examples: Sequence[tuple[str, list[str]]]) -> PillarScorer:
        """A copy that also learns from officer-tagged passages."""
        learner = PillarLearner.from_examples(examples, {p.id for p in self.pillars}) if examples else None
        return replace(self, learner=learner)

    def raw_scores(self, text: str, entities: Sequence[EntitySpan] = (),
                   entity_pillars: dict[str, list[str]] | None = None) -> tuple[dict[str, float], dict[str, list[str]]]:
        """Un-normalised pillar scores of one passage and the terms that fired per pillar."""
        toks = tokens(text)
        raw: dict[str, float] = defaultdict(float)
        why: dict[str, list[str]] = defaultdict(list)
        i = 0
        while i < len(toks):
            for n in range(min(self._max_len, len(toks) - i), 0, -1):
                term = self._phrases.get(tuple(toks[i:i + n]))
                if term is not None:
                    for pillar, weight in term.weights.items():
                        if term.surface not in why[pillar]:
                            raw[pillar] += weight
                            why[pillar].append(term.surface)
                    i += n
                    break
            else:
                i += 1
        if self.role_cue_weight and any(e.label == "PERSON" and e.role for e in entities):
            raw["diplomacy"] += self.role_cue_weight
        if entity_pillars:
            for ent in entities:
                for pillar in entity_pillars.get(ent.entity_id, []):
                    if ent.text not in why[pillar]:
                        raw[pillar] += self.entity_cue_weight
                        why[pillar].append(ent.text)
        if self.learner is not None:
            bag = {t for t in toks if t not in STOPWORDS}
            for pillar, cue, weight in self.learner.cues(bag):
                raw[pillar] += weight
                if cue not in why[pillar]:
                    why[pillar].append(cue)
        return dict(raw), dict(why)

    def passage(self, text: str, start: int, end: int, entities: Sequence[EntitySpan] = (),
                entity_pillars: dict[str, list[str]] | None = None) -> Passage:
        """The :class:`Passage` for ``text[start:end]`` with its pillars, scores and reasons."""
        snippet = text[start:end]
        if BOILERPLATE.match(snippet):
            return Passage(start, end)
        raw, why = self.raw_scores(snippet, entities, entity_pillars)
        if not raw:
            return Passage(start, end)
        top = max(raw.values())
        order = [p.id for p in self.pillars]
        chosen = [p for p in order if raw.get(p, 0.0) >= self.threshold and raw[p] >= self.relative_cut * top]
        if not chosen and top >= self.fallback_min:
            chosen = [p for p in order if raw.get(p, 0.0) == top]  # weak cues: the single best pillar
        scores = {p: round(1.0 - math.exp(-raw[p] / 2.0), 3) for p in order if raw.get(p, 0.0) > 0}
        reasons: list[str] = []
        for p in chosen:
            for w in why.get(p, []):
                if w not in reasons:
                    reasons.append(w)
        return Passage(start, end, pillars=chosen, scores=scores, why=reasons)


def load_scoring(path: str | Path | None = None) -> dict[str, float]:
    """The ``scoring`` block of ``pillars.json`` (threshold, relative cut, cue weights); may be empty."""
    source = Path(path) if path else resource_path("pillars.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    return {str(k): float(v) for k, v in data.get("scoring", {}).items()}


def default_scorer(path: str | Path | None = None) -> PillarScorer:
    """A scorer for the bundled (or given) taxonomy with its scoring parameters."""
    params = load_scoring(path)
    fields = {"threshold", "relative_cut", "entity_cue_weight", "role_cue_weight", "fallback_min"}
    return PillarScorer(load_taxonomy(path), **{k: v for k, v in params.items() if k in fields})
