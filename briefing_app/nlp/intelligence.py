"""Key points, timeline and "what's new" drafted from analysed articles (pure functions, no database).

Every generated line carries :class:`Citation` objects (article id + start/end in that article's
text) so the builder can open the article at the passage. The database-facing entry point is
``services/intelligence.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from briefing_app.nlp.commitments import Commitment
from briefing_app.nlp.dates import find_when, parse_iso, resolve
from briefing_app.nlp.types import AnalysisResult


@dataclass(frozen=True, slots=True)
class Citation:
    """A passage of one article: ``text[start:end]`` of article ``article_id``."""

    article_id: int
    start: int
    end: int


@dataclass(slots=True)
class ArticleFacts:
    """One analysed article as the drafting functions need it."""

    article_id: int
    text: str
    result: AnalysisResult
    published: str = ""  # ISO date or ""
    outlet: str = ""

    @property
    def date(self) -> date | None:
        return parse_iso(self.published)


@dataclass(slots=True)
class KeyPoint:
    """One summary bullet: a sentence (or trimmed clause) and every article stating it."""

    text: str
    pillar: str
    score: float
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class TimelineEvent:
    """A dated event; ``date`` is ISO (day, month or year precision)."""

    date: str
    when: str  # as written
    kind: str  # visit | call | summit | meeting | signing | deadline | launch | event
    text: str
    citation: Citation


@dataclass(slots=True)
class NewItem:
    """One "New since <date>" line; ``earlier`` cites what it is compared with (None when absent before)."""

    kind: str  # commitment | actor | initiative | topic-appeared | topic-vanished | figure-changed
    text: str
    later: Citation | None
    earlier: Citation | None = None


# ------------------------------------------------------------------ key points
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOP = frozenset("""the a an of and or to in on for with at by from as is are was were be been has have had it its
this that these those will would said says also their his her they he she we our which who after over into than""".split())


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 2}


def _similar(a: str, b: str, threshold: float = 0.55) -> bool:
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= threshold


def _trim_sentence(text: str, limit: int = 240) -> tuple[int, int]:
    """Relative end of a sentence cut to ``limit`` characters at a clause boundary."""
    if len(text) <= limit:
        return 0, len(text)
    cut = max(text.rfind(", ", 0, limit), text.rfind("; ", 0, limit))
    return 0, cut if cut > limit // 2 else limit


def key_points(articles: Sequence[ArticleFacts], limit: int = 6, minimum: int = 3) -> list[KeyPoint]:
    """3-6 extractive bullets: the most informative sentence of each leading pillar, near-duplicates merged.

    A sentence's salience is its strongest pillar score plus what it holds (named parties, commitments,
    figures), earlier sentences favoured (news puts the point first); headlines are skipped.
    """
    candidates: list[tuple[float, str, str, Citation]] = []
    pillar_weight: dict[str, float] = defaultdict(float)
    for art in articles:
        commits = [(c.start, c.end) for c in art.result.commitments]
        passages = [p for p in art.result.passages if p.pillars]
        for rank, p in enumerate(passages):
            sentence = art.text[p.start:p.end]
            if len(sentence.split()) < 6 or not sentence.rstrip().endswith((".", '"', "”")):
                continue  # headlines, bullets of clutter, fragments
            best = max(p.pillars, key=lambda k: p.scores.get(k, 0.0))
            ents = sum(1 for e in art.result.entities if p.start <= e.start < p.end
                       and e.label in ("PERSON", "ORG", "GPE", "LAW", "EVENT", "MONEY"))
            has_commit = any(s < p.end and p.start < e for s, e in commits)
            figures = 0.2 if _AMOUNT.search(sentence) or "%" in sentence else 0.0
            score = (p.scores.get(best, 0.0) + 0.1 * min(ents, 5) + (0.5 if has_commit else 0.0) + figures
                     + 0.3 / (1 + rank))
            pillar_weight[best] += p.scores.get(best, 0.0)
            s, e = _trim_sentence(sentence)
            candidates.append((score, best, sentence[s:e].strip(), Citation(art.article_id, p.start + s, p.start + e)))
    candidates.sort(key=lambda c: -c[0])
    # near-identical statements (two outlets, one fact) form one cluster; repetition adds salience
    clusters: list[KeyPoint] = []
    for score, pillar, text, cite in candidates:
        twin = next((k for k in clusters if _similar(k.text, text)), None)
        if twin is None:
            clusters.append(KeyPoint(text, pillar, score, [cite]))
        elif all(c.article_id != cite.article_id for c in twin.citations):
            twin.citations.append(cite)
            twin.score += 0.75
    clusters.sort(key=lambda k: -k.score)
    points: list[KeyPoint] = []
    used_pillars: set[str] = set()
    # first pass: one bullet per leading pillar; second pass fills up to ``minimum`` with the next best
    for strict in (True, False):
        for k in clusters:
            if len(points) >= (limit if strict else max(minimum, len(points))):
                break
            if k in points or (strict and k.pillar in used_pillars):
                continue
            points.append(k)
            used_pillars.add(k.pillar)
    for k in points:
        k.score = round(k.score, 3)
    order = {p: -w for p, w in pillar_weight.items()}
    points.sort(key=lambda k: (order.get(k.pillar, 0.0), -k.score))
    return points[:limit]


# ------------------------------------------------------------------ timeline
_EVENT_KINDS = [
    ("signing", re.compile(r"\b(?:sign(?:ed|s|ing)?|ink(?:ed|s)?)\b", re.I)),
    ("visit", re.compile(r"\b(?:visit(?:ed|s|ing)?|state visit|travel(?:led|s)?|arriv(?:ed|es))\b", re.I)),
    ("summit", re.compile(r"\bsummit\b", re.I)),
    ("call", re.compile(r"\b(?:(?:phone|telephone|video) call|spoke (?:by phone )?(?:to|with)|call(?:ed)? with)\b", re.I)),
    ("deadline", re.compile(r"\b(?:by|deadline|no later than|within|before|expires?)\b", re.I)),
    ("launch", re.compile(r"\b(?:launch(?:ed|es)?|unveil(?:ed|s)?|inaugurat(?:ed|es))\b", re.I)),
    ("meeting", re.compile(r"\b(?:met|meet(?:s|ing)?|talks|dialogue|round|consultations?|session)\b", re.I)),
]
_FUTURE_CUE = re.compile(r"\b(?:will|shall|is to|are to|due|plans?|next|scheduled)\b|\bby\s+$", re.I)


def timeline(articles: Sequence[ArticleFacts]) -> list[TimelineEvent]:
    """Dated events (visits, calls, summits, signings, deadlines) in date order, dates resolved per article."""
    events: list[TimelineEvent] = []
    seen: set[tuple[str, str]] = set()
    for art in articles:
        ref = art.date
        for p in art.result.passages:
            sentence = art.text[p.start:p.end]
            kind = next((k for k, rx in _EVENT_KINDS if rx.search(sentence)), "")
            if not kind or not sentence.rstrip().endswith((".", '"', "”")):
                continue
            for ws, we in find_when(sentence):
                when = sentence[ws:we]
                if re.fullmatch(r"(?:in |for |over )?\d{1,3} (?:days?|weeks?|months?|years?)", when):
                    continue  # a duration, not a date
                before = sentence[:ws]
                future = bool(_FUTURE_CUE.search(before[-60:] + " " + sentence[we:we + 20]))
                iso = resolve(when, ref, future=future)
                if not iso:
                    continue
                this_kind = "deadline" if re.search(r"\b(?:by|before|within|no later than)\s+(?:the\s+)?$",
                                                    before) else kind
                key = (iso, " ".join(sorted(_content_words(sentence))[:8]))
                if key in seen:
                    continue
                seen.add(key)
                s, e = _trim_sentence(sentence)
                events.append(TimelineEvent(iso, when, this_kind, sentence[s:e].strip(),
                                            Citation(art.article_id, p.start, p.end)))
                break  # one event per sentence: its first resolvable date
    events.sort(key=lambda ev: (ev.date, ev.citation.article_id, ev.citation.start))
    return events


# ------------------------------------------------------------------ what's new
_AMOUNT = re.compile(
    r"(?:US\$|\$|€|£|Rs\.?\s?|₹)\s?(\d+(?:[.,]\d+)?)\s?(bn|billion|trillion|tn|million|mn|m|crore|lakh)?\b"
    r"|\b(\d+(?:[.,]\d+)?)\s(billion|trillion|million|crore)\s(?:dollars|euros|rupees|USD|EUR)", re.I)
_SCALE = {"bn": 1e9, "billion": 1e9, "trillion": 1e12, "tn": 1e12, "million": 1e6, "mn": 1e6, "m": 1e6,
          "crore": 1e7, "lakh": 1e5, "": 1.0}
_FIGURE_TOPICS = ("trade", "investment", "target", "aid", "loan", "credit", "fund", "budget", "deal", "contract",
                  "defence", "defense", "spending", "export", "import", "remittance", "finance", "grant")


def _figures(art: ArticleFacts) -> list[tuple[str, float, str, Citation]]:
    """(topic, value, amount as written, citation) for sums of money near a topic word ("trade target ... $500 bn")."""
    out = []
    for p in art.result.passages:
        sentence = art.text[p.start:p.end]
        for m in _AMOUNT.finditer(sentence):
            number = (m.group(1) or m.group(3) or "0").replace(",", "")
            unit = (m.group(2) or m.group(4) or "").lower()
            try:
                value = float(number) * _SCALE.get(unit, 1.0)
            except ValueError:
                continue
            window = sentence[max(0, m.start() - 80):m.end() + 40].lower()
            topics = [t for t in _FIGURE_TOPICS if re.search(rf"\b{t}", window)]
            if not topics:
                continue
            topic = " ".join(sorted(set(topics))[:2])
            out.append((topic, value, m.group(0), Citation(art.article_id, p.start + m.start(), p.start + m.end())))
    return out


def _commitment_key(c: Commitment) -> tuple[str, frozenset[str]]:
    return c.action, frozenset(_content_words(c.what))


def whats_new(selected: Sequence[ArticleFacts], earlier: Sequence[ArticleFacts]) -> list[NewItem]:
    """What the selected articles add to the earlier ones on the same relationship.

    New commitments, new actors and initiatives, pillars that appeared or vanished, and changed figures
    ("$200 bn" -> "$500 bn"); each line cites the later passage and, where there is one, the earlier one.
    """
    items: list[NewItem] = []
    old_commitments = [(a, c) for a in earlier for c in a.result.commitments]
    for art in selected:
        for c in art.result.commitments:
            key = _commitment_key(c)
            same = [(a, o) for a, o in old_commitments if o.action == key[0]
                    and key[1] and len(key[1] & _commitment_key(o)[1]) / len(key[1]) >= 0.6]
            if not same:
                who = ", ".join(c.who) or "—"
                items.append(NewItem("commitment", f"{who}: {c.action} {c.what}".strip(),
                                     Citation(art.article_id, c.start, c.end), None))
    def entity_index(arts: Sequence[ArticleFacts], labels: tuple[str, ...]) -> dict[str, tuple[str, Citation]]:
        index: dict[str, tuple[str, Citation]] = {}
        for a in arts:
            for e in a.result.entities:
                if e.label in labels and e.entity_id and e.entity_id not in index:
                    index[e.entity_id] = (e.text, Citation(a.article_id, e.start, e.end))
        return index
    for kind, labels in (("actor", ("PERSON", "ORG")), ("initiative", ("LAW", "EVENT"))):
        before = entity_index(earlier, labels)
        for eid, (name, cite) in entity_index(selected, labels).items():
            if eid not in before:
                items.append(NewItem(kind, name, cite, None))

    def pillar_index(arts: Sequence[ArticleFacts]) -> dict[str, Citation]:
        index: dict[str, Citation] = {}
        for a in arts:
            for p in a.result.passages:
                for k in p.pillars:
                    index.setdefault(k, Citation(a.article_id, p.start, p.end))
        return index
    new_p, old_p = pillar_index(selected), pillar_index(earlier)
    items += [NewItem("topic-appeared", k, cite, None) for k, cite in new_p.items() if k not in old_p]
    items += [NewItem("topic-vanished", k, None, cite) for k, cite in old_p.items() if k not in new_p]
    old_figures: dict[str, tuple[float, str, Citation]] = {}
    for a in earlier:
        for topic, value, written, cite in _figures(a):
            old_figures[topic] = (value, written, cite)  # the latest earlier figure wins
    reported: set[str] = set()
    for a in selected:
        for topic, value, written, cite in _figures(a):
            old = old_figures.get(topic)
            if old is not None and topic not in reported and abs(old[0] - value) > 1e-6 * max(old[0], value):
                reported.add(topic)
                items.append(NewItem("figure-changed", f"{topic}: {old[1]} -> {written}", cite, old[2]))
    return items
