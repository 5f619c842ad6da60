"""Pillar learning from the officer's own tags: cues learned on top of the lexicon (issue 13).

Applied at the scorer's one hook (``PillarScorer.raw_scores`` calls :meth:`PillarLearner.adjust`
with a passage's lexicon scores):

* **the same passage again**: a passage the officer tagged or untagged with a pillar is decided
  that way wherever it recurs (word-bag similarity >= ``same_passage``);
* **learned cues for new passages** (residual learning): a word or word pair becomes a cue for
  pillar P when the officer tagged P on sentences containing it that the lexicon had missed, in
  at least two articles, and rarely left P off the other sentences containing it. A passage gets
  P from learned cues only with two of them, or one beside a lexicon cue of P: one shared word
  never swings an unrelated sentence, and one tag (one article) teaches no cue at all. A pillar's
  learned cues are kept only when they decide the officer's own tags better on articles left out
  of the learning (leave-one-article-out);
* **removed cues**: a lexicon cue stops counting for P once the officer removed P from sentences
  it decided in at least two articles (and in most of the sentences where it fired), and only when
  dropping it decides the officer's own tags better on articles left out of the learning (so in
  practice after removals in three articles; two procedural turns untagged "diplomacy" do not
  silence "president" everywhere).
* **calibrated settings**: how readily this officer gives a second pillar, lets the article's subject carry,
  or gives engagement beside a topic (:mod:`briefing_app.nlp.pillar_calibration`), applied by
  ``PillarScorer.with_learner`` from :attr:`PillarLearner.settings`.

Pure Python; fitted once per change of the pillar lessons, from at most a few thousand sentences.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing_app.nlp.pillar_calibration import Calibration, describe, fit_calibration
from briefing_app.nlp.pillars import STOPWORDS, UNTAGGED, stem, tokens
from briefing_app.nlp.types import EntitySpan

if TYPE_CHECKING:
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
    #: the whole article's text (one string shared by its sentences) and this sentence's offsets in it, when
    #: known: the per-pillar calibration judges the scorer's decisions in their document context
    document: str = ""
    start: int = -1
    end: int = -1


@dataclass
class _Row:
    text: str
    raw: dict[str, float]
    why: dict[str, list[str]]
    #: what the scorer decided for the sentence in its article (the document's topic, the paragraph's
    #: continuation and the headline included), when the article is known; else on its own words
    chosen: frozenset[str]
    pillars: frozenset[str]
    article: int
    feats: frozenset[str] = frozenset()
    #: what the scorer decides on the sentence's own words: a learned cue changes the decision in context by
    #: what it changes here
    alone: frozenset[str] = frozenset()

    def after(self, raw: dict[str, float], scorer: PillarScorer) -> set[str]:
        """The decision in context once learned cues turned the sentence's own scores into ``raw``."""
        now = set(scorer.choose(raw))
        return (set(self.chosen) - (self.alone - now)) | (now - self.alone)


@dataclass
class CueModel:
    """Cues learned from the officer's reviewed sentences (see the module docstring)."""

    #: word or word pair -> pillar -> weight added (lexicon units)
    cues: dict[str, dict[str, float]] = field(default_factory=dict)
    #: pillar -> lexicon cues the officer kept removing it from
    drops: dict[str, set[str]] = field(default_factory=dict)
    #: (word, pillar) cues established well enough (tagged in ``alone_articles`` articles) to count alone
    alone: set[tuple[str, str]] = field(default_factory=set)
    #: pillars whose learned cues passed the leave-one-article-out check
    adopted: set[str] = field(default_factory=set)
    min_hits: int = 2
    cap: float = 3.0

    def apply(self, text: str, raw: dict[str, float], why: dict[str, list[str]], scorer: PillarScorer) -> None:
        """Drop the removed cues, then add the learned ones, to one passage's scores ``raw`` (in place)."""
        for pillar, surfaces in self.drops.items():
            fired = [s for s in why.get(pillar, ()) if s in surfaces]
            for surface in fired:
                raw[pillar] = max(0.0, raw.get(pillar, 0.0) - scorer.cue_weight(surface, pillar))
                why[pillar].remove(surface)
        if not self.cues or not self.adopted:
            return
        added: dict[str, float] = defaultdict(float)
        hits: dict[str, int] = defaultdict(int)
        learned = [(f, p, w) for f in features(text) for p, w in self.cues.get(f, {}).items()]
        # a learned word pair and a word of it are one cue, not two ("new delhi" and "delhi"): the word counts
        # only where no learned pair of the same pillar containing it fired
        paired = {(word, p) for f, p, _w in learned if " " in f for word in f.split(" ")}
        for f, p, w in learned:
            if (f, p) not in paired:
                added[p] += w
                hits[p] += self.min_hits if (f, p) in self.alone else 1
        for pillar, value in added.items():
            # one shared word is not a similar passage: two learned cues, or one beside the lexicon's own,
            # or one the officer tagged in several articles
            if pillar in self.adopted and (hits[pillar] >= self.min_hits or raw.get(pillar, 0.0) > 0):
                raw[pillar] = raw.get(pillar, 0.0) + min(self.cap, value)
                why[pillar].append("like passages you tagged")


def fit_cues(rows: Sequence[_Row], pillars: Sequence[str], threshold: float, *, min_articles: int = 2,
             min_sentences: int = 2, precision: float = 0.5, drop_share: float = 0.9, min_hits: int = 2,
             weight: float = 1.4, alone_articles: int = 3, alone_sentences: int = 4) -> CueModel:
    """Learn residual cues and removed cues from ``rows`` (all pillars at once).

    A word (or word pair) becomes a cue for pillar P when, among the officer's sentences where the
    lexicon did *not* choose P, those containing it were tagged P in at least ``min_sentences``
    sentences of ``min_articles`` articles, at a smoothed share (n / (n + others + 1)) of at least
    ``precision``; its weight is ``weight`` x that share x the threshold, and it counts on its own
    (without a second learned cue or a lexicon cue of P) only once tagged in ``alone_articles``
    articles and ``alone_sentences`` sentences. A lexicon cue is dropped for P when the officer
    removed P from ``min_sentences`` sentences it decided, in ``min_articles`` articles or more, and
    from at least ``drop_share`` of the sentences where it fired.
    """
    positive: dict[tuple[str, str], set[int]] = defaultdict(set)
    count: dict[tuple[str, str], int] = defaultdict(int)
    negative: dict[tuple[str, str], int] = defaultdict(int)
    kept: dict[tuple[str, str], int] = defaultdict(int)
    removed: dict[tuple[str, str], set[int]] = defaultdict(set)
    removed_n: dict[tuple[str, str], int] = defaultdict(int)
    for r in rows:
        for p in pillars:
            if p in r.chosen:
                for surface in r.why.get(p, ()):
                    if p in r.pillars:
                        kept[(surface, p)] += 1
                    else:
                        removed[(surface, p)].add(r.article)
                        removed_n[(surface, p)] += 1
                continue
            if p in r.pillars:
                for f in r.feats:
                    positive[(f, p)].add(r.article)
                    count[(f, p)] += 1
            else:
                for f in r.feats:
                    negative[(f, p)] += 1
    model = CueModel(min_hits=min_hits)
    for key, arts in positive.items():
        n = count[key]
        share = n / (n + negative[key] + 1.0)
        if len(arts) >= min_articles and n >= min_sentences and share >= precision:
            model.cues.setdefault(key[0], {})[key[1]] = round(weight * share * threshold, 3)
            if len(arts) >= alone_articles and n >= alone_sentences:
                model.alone.add(key)
    for (surface, p), arts in removed.items():
        n = removed_n[(surface, p)]
        if len(arts) >= min_articles and n >= min_sentences and n >= drop_share * (n + kept[(surface, p)]):
            model.drops.setdefault(p, set()).add(surface)
    model.adopted = set(pillars)
    return model


def _in_context(examples: Sequence[PillarExample], base: PillarScorer,
                entity_pillars: dict[str, list[str]] | None) -> list[frozenset[str] | None]:
    """The scorer's pillars for each sentence decided in its article (None when the article is not known).

    What the officer corrected is the decision in context: a sentence the document's topic already gives
    its pillar is no lexicon miss, and its words (a place, "the mayor") must not become cues for it.
    """
    out: list[frozenset[str] | None] = [None] * len(examples)
    by_doc: dict[tuple[int, int], list[int]] = {}
    for i, ex in enumerate(examples):
        if ex.document and 0 <= ex.start < ex.end <= len(ex.document):
            by_doc.setdefault((ex.article, id(ex.document)), []).append(i)
    for idx in by_doc.values():
        idx.sort(key=lambda i: examples[i].start)
        doc = examples[idx[0]].document
        spans = [(examples[i].start, examples[i].end, examples[i].entities) for i in idx]
        if any(a[1] > b[0] for a, b in zip(spans, spans[1:], strict=False)):
            continue  # overlapping sentences: not one document's sentence split
        for i, passage in zip(idx, base.passages(doc, spans, entity_pillars), strict=True):
            out[i] = frozenset(passage.pillars)
    return out


def _rows(examples: Sequence[PillarExample], base: PillarScorer,
          entity_pillars: dict[str, list[str]] | None) -> list[_Row]:
    rows = []
    for ex, ctx in zip(examples, _in_context(examples, base, entity_pillars), strict=True):
        raw, why = base.raw_scores(ex.text, ex.entities, entity_pillars)
        alone = frozenset(base.choose(raw))
        rows.append(_Row(ex.text, raw, why, alone if ctx is None else ctx, ex.pillars, ex.article,
                         frozenset(features(ex.text)), alone))
    return rows


def learned_only(model: CueModel) -> CueModel:
    """The learned cues of ``model`` without its removed cues, so that each half can be judged apart."""
    return CueModel(cues=model.cues, alone=model.alone, adopted=model.adopted, min_hits=model.min_hits,
                    cap=model.cap)


def tally_left_out(rows: Sequence[_Row], held: set[int], judged: CueModel, base: PillarScorer,
                   pillars: Iterable[str], fix: dict[str, int], brk: dict[str, int]) -> None:
    """Count, per pillar, the sentences of the ``held`` articles ``judged`` decides better (``fix``) or worse
    (``brk``) than the lexicon alone: the leave-articles-out evidence adoption rests on (also read by
    ``scripts/pillar_diagnose.py``, so the diagnosis judges exactly as the product does)."""
    pillars = list(pillars)
    for r in rows:
        if r.article not in held:
            continue
        raw, why = dict(r.raw), defaultdict(list, {p: list(v) for p, v in r.why.items()})
        judged.apply(r.text, raw, why, base)
        after = r.after(raw, base)
        for p in pillars:
            change = ((p in after) == (p in r.pillars)) - ((p in r.chosen) == (p in r.pillars))
            if change > 0:
                fix[p] += 1
            elif change < 0:
                brk[p] += 1


def fit_learned_cues(examples: Sequence[PillarExample], base: PillarScorer,
                     entity_pillars: dict[str, list[str]] | None, *, max_folds: int = 10,
                     max_rows: int = 4000, judge: bool = True) -> CueModel | None:
    """The cue model for the officer's reviewed sentences; learned cues adopted per pillar by leave-one-article-out.

    A pillar's learned cues are kept only when, each article judged by cues learned without it, they
    decide the officer's tags better than the lexicon alone. None when nothing was learned.
    """
    rows = _rows(list(examples)[-max_rows:], base, entity_pillars)
    pillars = [p.id for p in base.pillars]
    model = fit_cues(rows, pillars, base.threshold)
    if not model.cues and not model.drops:
        return None
    if not judge:
        return model
    articles = sorted({r.article for r in rows})
    folds = [articles[i::max_folds] for i in range(min(max_folds, len(articles)))]
    # per pillar: left-out sentences the learning decided right where the lexicon was wrong (fixes), and wrong
    # where the lexicon was right (breaks), for the learned cues and the removed cues apart
    fixes: dict[str, int] = defaultdict(int)
    breaks: dict[str, int] = defaultdict(int)
    fixes_d: dict[str, int] = defaultdict(int)
    breaks_d: dict[str, int] = defaultdict(int)
    learned = {p for by_pillar in model.cues.values() for p in by_pillar}
    for held in folds:
        held_set = set(held)
        part = fit_cues([r for r in rows if r.article not in held_set], pillars, base.threshold)
        # the learned cues and the removed cues are judged apart, each against the lexicon alone
        for judged, (fix, brk), keep in ((learned_only(part), (fixes, breaks), learned),
                                         (CueModel(drops=part.drops), (fixes_d, breaks_d), set(model.drops))):
            if judged.cues or judged.drops:
                tally_left_out(rows, held_set, judged, base, keep, fix, brk)

    def helps(p: str, fix: dict[str, int], brk: dict[str, int], margin: float, ratio: float) -> bool:
        # clearly better than the lexicon on articles left out of the learning, not merely as good: an even
        # trade of fixes and breaks on the officer's own articles turns into a loss on unfamiliar texts
        return fix[p] - brk[p] >= margin and fix[p] >= ratio * brk[p]

    # the context pillar (diplomacy: the engagement itself) is left to the lexicon: whether a sentence of a
    # readout counts as engagement depends on its article, not on words a new article would share with it
    context = getattr(base, "context_pillar", "")
    model.adopted = {p for p in learned
                     if (p != context or LEARN_CONTEXT) and helps(p, fixes, breaks, ADOPT_MARGIN, ADOPT_RATIO)}
    # a lexicon cue stops counting for a pillar only when that helped on articles left out of the learning: two
    # removals (a procedural turn, a programme note) must not silence "president" for diplomacy everywhere
    model.drops = {p: cues for p, cues in model.drops.items()
                   if (p != context or LEARN_CONTEXT) and helps(p, fixes_d, breaks_d, DROP_MARGIN, DROP_RATIO)}
    return model


#: a pillar's learned (or removed) cues are adopted when, on articles left out of the learning, they fix at least
#: ``ADOPT_MARGIN`` more sentences than they break and at least ``ADOPT_RATIO`` times as many
ADOPT_MARGIN = 2
ADOPT_RATIO = 2.0
DROP_MARGIN = 4
DROP_RATIO = 3.0
#: learn cues (and removed cues) for the context pillar too (off: see ``fit_learned_cues``)
LEARN_CONTEXT = False


def _key(text: str) -> str:
    """A passage's identity for "the very same passage": its words, case and spacing aside."""
    return " ".join(_WORD.findall(text.casefold()))


@dataclass
class _Neighbours:
    """The passages the officer corrected, found again by rare shared words (an inverted index, IDF-weighted).

    A new passage takes a correction only from a *close* neighbour: IDF-weighted cosine of the word bags
    at least ``threshold`` and at least ``min_shared`` content words in common, so a paraphrase of the
    corrected sentence ("saplings were replanted in the mangrove estuary") is decided as the officer
    said, and a sentence sharing a word or two with it (the place, "volunteers") is left to the lexicon.
    """

    bags: list[frozenset[str]] = field(default_factory=list)
    #: (pillar, True for "tagged" / False for "untagged") per bag
    labels: list[list[tuple[str, bool]]] = field(default_factory=list)
    idf: dict[str, float] = field(default_factory=dict)
    default_idf: float = 1.0
    index: dict[str, list[int]] = field(default_factory=dict)
    norms: list[float] = field(default_factory=list)
    threshold: float = 0.8
    min_shared: int = 3

    @classmethod
    def build(cls, corrected: dict[frozenset[str], list[tuple[str, bool]]], corpus: Sequence[frozenset[str]],
              **knobs: float) -> _Neighbours:
        """From word bag -> corrections, with document frequencies from ``corpus`` (the officer's sentences)."""
        df: dict[str, int] = defaultdict(int)
        docs = [*corpus, *corrected]
        for bag in docs:
            for w in bag:
                df[w] += 1
        n = len(docs) + 1
        out = cls(idf={w: math.log(n / (c + 1)) + 1.0 for w, c in df.items()},
                  default_idf=math.log(n) + 1.0, **knobs)  # type: ignore[arg-type]
        for bag, labels in corrected.items():
            i = len(out.bags)
            out.bags.append(bag)
            out.labels.append(labels)
            out.norms.append(out._norm(bag))
            for w in bag:
                out.index.setdefault(w, []).append(i)
        return out

    def _w(self, word: str) -> float:
        return self.idf.get(word, self.default_idf)

    def _norm(self, bag: frozenset[str]) -> float:
        return math.sqrt(sum(self._w(w) ** 2 for w in bag))

    def decide(self, bag: frozenset[str]) -> dict[str, bool]:
        """Pillar -> tagged? from the closest corrected passage close enough to ``bag`` (empty when none is)."""
        if not bag or not self.bags:
            return {}
        shared: dict[int, float] = defaultdict(float)
        count: dict[int, int] = defaultdict(int)
        for w in bag:
            for i in self.index.get(w, ()):
                shared[i] += self._w(w) ** 2
                count[i] += 1
        norm = self._norm(bag)
        best: dict[str, tuple[float, bool]] = {}
        for i, dot in shared.items():
            if count[i] < min(self.min_shared, len(self.bags[i]), len(bag)):
                continue
            sim = dot / (norm * self.norms[i])
            if sim < self.threshold:
                continue
            for pillar, positive in self.labels[i]:
                if pillar not in best or sim > best[pillar][0]:
                    best[pillar] = (sim, positive)
        return {p: pos for p, (_sim, pos) in best.items()}


@dataclass
class PillarLearner:
    """The officer's pillar lessons applied to a passage's lexicon scores (the scorer's hook)."""

    #: (word bag, pillar id, True for "tagged" / False for "untagged") of the passages the officer corrected
    examples: list[tuple[frozenset[str], str, bool]] = field(default_factory=list)
    cues: CueModel | None = None
    #: the scorer's settings calibrated to the officer (see :mod:`briefing_app.nlp.pillar_calibration`)
    calibration: Calibration | None = None
    same_passage: float = 0.9
    #: the corrected passages word for word (case and spacing aside): pillar -> tagged?
    exact: dict[str, dict[str, bool]] = field(default_factory=dict)
    neighbours: _Neighbours | None = None

    @classmethod
    def build(cls, lessons: Sequence[tuple[str, str, bool, str]], base: PillarScorer,
              reviewed: Sequence[PillarExample] = (), entity_pillars: dict[str, list[str]] | None = None,
              ) -> PillarLearner:
        """From (passage, pillar, tagged?, pillar it replaced or "") lessons and the reviewed sentences."""
        known = {p.id for p in base.pillars}
        latest: dict[tuple[frozenset[str], str], bool] = {}
        exact: dict[str, dict[str, bool]] = {}
        for text, pillar, positive, replaced in lessons:
            bag = _bag(text)
            key = _key(text)
            for p, pos in ((pillar, positive), (replaced, False)):
                if p in known:
                    if key:
                        exact.setdefault(key, {})[p] = pos  # a later lesson on the same passage/pillar wins
                    if bag:
                        latest.pop((bag, p), None)
                        latest[(bag, p)] = pos
        corrected: dict[frozenset[str], list[tuple[str, bool]]] = {}
        for (bag, p), pos in latest.items():
            corrected.setdefault(bag, []).append((p, pos))
        neighbours = _Neighbours.build(corrected, [_bag(r.text) for r in reviewed], **NEIGHBOUR_KNOBS)
        # the settings first (how readily this officer gives a pillar, lends the topic); the cues then learn
        # what the calibrated scorer still misses in context
        calibration = fit_calibration(reviewed, base, entity_pillars) if reviewed and CALIBRATE else None
        calibrated = base.with_settings(calibration.settings) if calibration is not None else base
        return cls(examples=[(bag, p, pos) for (bag, p), pos in latest.items()],
                   cues=fit_learned_cues(reviewed, calibrated, entity_pillars) if reviewed else None,
                   calibration=calibration, exact=exact, neighbours=neighbours)

    @property
    def settings(self) -> dict[str, float]:
        """The scorer settings calibrated to the officer (applied by ``PillarScorer.with_learner``)."""
        return dict(self.calibration.settings) if self.calibration is not None else {}

    @property
    def adopted(self) -> set[str]:
        """Pillars whose learned cues passed the leave-one-article-out check."""
        return set(self.cues.adopted) if self.cues is not None else set()

    def habits(self, base: PillarScorer) -> list[str]:
        """What was learned beyond the passages themselves, in the officer's words (for the Lessons panel)."""
        names = {p.id: p.name for p in base.pillars}
        out = describe(self.settings, base)
        if self.adopted:
            out.append("words of passages you tagged count for "
                       + ", ".join(names.get(p, p) for p in sorted(self.adopted, key=list(names).index)))
        dropped = sorted(self.cues.drops, key=list(names).index) if self.cues is not None else []
        if dropped:
            out.append("words you kept untagging no longer count for " + ", ".join(names.get(p, p) for p in dropped))
        return out

    def adjust(self, text: str, raw: dict[str, float], why: dict[str, list[str]], scorer: PillarScorer) -> None:
        """Apply the lessons to one passage's scores ``raw`` (in place)."""
        same: dict[str, bool] = {}
        if self.neighbours is not None:
            same.update(self.neighbours.decide(_bag(text)))
        if self.exact:
            same.update(self.exact.get(_key(text), {}))
        if self.cues is not None:
            kept = {p: (raw.get(p, 0.0), list(why.get(p, []))) for p in same}
            self.cues.apply(text, raw, why, scorer)
            for p, (value, reasons) in kept.items():  # the officer's own decision on this passage wins
                raw[p], why[p] = value, reasons
        for pillar, positive in same.items():
            if positive:
                raw[pillar] = max([scorer.threshold, scorer.context_min, *raw.values()])
                why[pillar].append("you tagged this passage")
            else:
                raw[pillar] = 0.0
                why[pillar] = [UNTAGGED]


#: calibrate the scorer's settings to the officer (see :mod:`briefing_app.nlp.pillar_calibration`)
CALIBRATE = True
#: tuning of the neighbour rule (see :class:`_Neighbours`)
NEIGHBOUR_KNOBS: dict[str, float] = {"threshold": 0.8, "min_shared": 3}
