"""The document's topic as a pillar prior.

Officers (and the gold annotators) give most sentences of an article its topic pillars even when the sentence's
own words do not name the topic: in an op-ed about a power cable, "On paper the fit is perfect." is energy, and
"Nor is it clear who pays if a typhoon cuts the line." is energy beside trade. :class:`DocumentTopic` estimates
the topic from the sentences' own pillars (the headline weighs more) and lends it to substantive sentences with
no pillar of their own, and as a second pillar to sentences about the article's subject.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing_app.domain.text import SENTENCE_END
from briefing_app.nlp.transcript import SpeakerLabel, strip_furniture

if TYPE_CHECKING:
    from briefing_app.nlp.pillars import PillarScorer
    from briefing_app.nlp.types import EntitySpan

#: Documents with fewer substantive sentences have no topic of their own.
MIN_SENTENCES = 5
#: How much the headline counts, in sentences.
HEADLINE_WEIGHT = 2.0
#: A topical pillar is the document's topic when its (weighted) share of the substantive sentences' own pillars
#: reaches this; the context pillar (diplomacy) needs ``CONTEXT_SHARE``.
TOPIC_SHARE = 0.3
CONTEXT_SHARE = 0.6
#: At most this many topic pillars (strongest first).
MAX_TOPIC = 2
#: A topic pillar joins a sentence that has another pillar of its own when its share reaches this and the
#: sentence is about the subject (a cue for it, however weak, or one of the document's subject words).
SECOND_SHARE = 0.3
#: A sentence with fewer words is not substantive ("Yes.", "Order!").
MIN_WORDS = 3
#: The reason shown for a pillar the topic lent.
REASON = "the document's subject"

#: A topic pillar this strong joins any substantive sentence, cue or not.
NOCUE_SHARE = 0.6
#: A lead pillar (energy, defence) at least this strong joins the sentences whose own pillar is its companion
#: (trade, security): in a document about energy, the money talk is energy business too.
LEAD_SHARE = 0.3
#: Whether the context pillar (diplomacy) may join a sentence that has a topical pillar of its own.
CONTEXT_SECOND = False
#: Share of a pillar's strength that comes from the sentences' raw cues (any weight) rather than their choices.
CUE_MIX = 1.0

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Words that may sit among the names of a byline or a reporter's credit ("By Jane Doe", "Jane Doe from Radio X").
_NAME_GLUE = frozenset("by from of the and de da del la le du van von with this is at".split())
#: An author's note inside a paragraph ("Jane Doe is a senior fellow at ...", "The views expressed are her own.").
_AUTHOR = re.compile(r"^\W*(?:(?:[A-ZÀ-Þ][\w.'’-]*\s+){1,4}(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:fellow|professor"
                     r"|lecturer|researcher|analyst|director|editor|correspondent|journalist|writer|author|economist)\b"
                     r"|(?:the\s+)?views\s+expressed\b)")
#: A chair's turn: the Speaker, a chair, a moderator or a vice-president (named or not), or "The President" alone.
_CHAIR = re.compile(r"\W*(?:the\s+|hon(?:ourable)?\.?\s+|mr\.?\s+|madam\s+)*(?:(?:deputy\s+)?(?:speaker|chair(?:man|woman"
                    r"|person)?|moderator|cathaoirleach)\b|vice[\s-]*president\b|president\s*(?:\(|:))", re.IGNORECASE)
#: Words that say nothing of a topic: a sentence needs ``MIN_CONTENT`` others ("I give way.", "Good to be with you").
_FILLER = frozenset("""a an the and or but of to in on at for with by from as is are was were be been being it its this that
these those their they them he she his her we our you your i me my not no so than then there here has have had will would
can could should may might must also into over under about after before both each more most other such only own same very
just which who whom whose what when where why how all any some do does did said says say let us yes sir madam mr ms dr
hon minister member deputy senator thank thanks please well now again too yet""".split())
MIN_CONTENT = 2


@dataclass
class DocumentTopic:
    """A document's topic pillars and subject words, and the pillars they lend to its sentences."""

    #: pillar -> weighted share of the substantive sentences whose own pillars include it
    strength: dict[str, float] = field(default_factory=dict)
    #: the topic pillars, strongest first
    pillars: list[str] = field(default_factory=list)
    #: all pillars in taxonomy order
    order: list[str] = field(default_factory=list)
    text: str = ""
    labels: dict[int, SpeakerLabel] = field(default_factory=dict)
    #: companion pillar -> its lead (``PillarScorer.companions``)
    leads: dict[str, str] = field(default_factory=dict)
    #: starts of the sentences in a chair's turn (the Speaker, a moderator): procedure, never the subject
    chair: set[int] = field(default_factory=set)
    #: start of the first sentence that is not furniture (the headline, when there is one)
    first: int = -1

    @classmethod
    def build(cls, scorer: PillarScorer, text: str,
              spans: Sequence[tuple[int, int, Sequence[EntitySpan]]],
              scored: Sequence[tuple[dict[str, float], dict[str, list[str]]] | None],
              labels: dict[int, SpeakerLabel]) -> DocumentTopic:
        """The topic of a document from its sentences' own scores (``None``: furniture, procedural turns);
        ``labels``: speaker labels by the start of the sentence they open."""
        order = [p.id for p in scorer.pillars]
        counts: Counter[str] = Counter()
        total = 0.0
        n = 0
        headline_seen = False
        first = -1
        chair: set[int] = set()
        in_chair = False
        for (start, end, _ents), item in zip(spans, scored, strict=True):
            if (label := labels.get(start)) is not None:
                in_chair = bool(_CHAIR.match(text[label.start:label.end]))
            if in_chair:
                chair.add(start)
            if item is None:
                continue
            weight = 1.0
            if not headline_seen:
                headline_seen, first = True, start
                if _headline(text, start, end):
                    weight = HEADLINE_WEIGHT
            if not _substantive(strip_furniture(text, start, end, labels.get(start))) and weight == 1.0:
                continue
            n += 1
            total += weight
            own = scorer.choose(item[0])
            for p in set(own) | set(item[0]):
                counts[p] += weight * ((1 - CUE_MIX) * (p in own) + CUE_MIX * (item[0].get(p, 0.0) > 0))
        if n < MIN_SENTENCES or not total:
            return cls(order=order, text=text, labels=labels, chair=chair, first=first)
        strength = {p: c / total for p, c in counts.items()}
        ctx = scorer.context_pillar
        ranked = sorted((p for p, s in strength.items() if s >= (CONTEXT_SHARE if p == ctx else TOPIC_SHARE)),
                        key=lambda p: -strength[p])
        leads = {companion: lead for lead, companion in scorer.companions}
        for companion, lead in leads.items():
            # a lead beside its companion is the subject, the companion an aspect of it
            if companion in ranked and strength.get(lead, 0.0) >= LEAD_SHARE:
                ranked = [lead] + [p for p in ranked if p != lead]
        return cls(strength, ranked[:MAX_TOPIC], order, text, labels, leads, chair, first)

    def lend(self, start: int, end: int, raw: dict[str, float], chosen: list[str],
             why: dict[str, list[str]], ctx: str = "diplomacy") -> list[str]:
        """``chosen`` with the topic pillars the sentence ``text[start:end]`` takes (reasons added to ``why``)."""
        if not self.pillars or not self._lends_to(start, end):
            return chosen
        if not chosen:
            # a sentence with nothing of its own must say something ("I give way." does not)
            body = strip_furniture(self.text, start, end, self.labels.get(start))
            if sum(w.casefold() not in _FILLER for w in _WORD.findall(body)) < MIN_CONTENT:
                return chosen
            lent = list(self.pillars)
        else:
            lent = [p for p in self.pillars if p not in chosen and (CONTEXT_SECOND or p != ctx)
                    and (self.strength[p] >= SECOND_SHARE and raw.get(p, 0.0) > 0 or self.strength[p] >= NOCUE_SHARE
                         or self.strength[p] >= LEAD_SHARE and any(self.leads.get(c) == p for c in chosen))]
        if not lent:
            return chosen
        for p in lent:
            why.setdefault(p, []).append(REASON)
        new = set(chosen) | set(lent)
        return [p for p in self.order if p in new]

    def _lends_to(self, start: int, end: int) -> bool:
        """A substantive sentence of the body: not a chair's turn, nor a line without a closing stop (a byline,
        a date, a heading) other than the first."""
        text = self.text
        label = self.labels.get(start)
        if start in self.chair:
            return False
        if start != self.first and not SENTENCE_END.search(text[start:end].rstrip()):
            return False
        return _substantive(strip_furniture(text, start, end, label))


def _substantive(body: str) -> bool:
    """A sentence with enough words to be about something, not names alone ("By Jane Doe") nor an author's note."""
    words = _WORD.findall(body)
    if len(words) < MIN_WORDS or body.lstrip().startswith("(") and body.rstrip().endswith(")"):
        return False
    if all(w[0].isupper() or w.casefold() in _NAME_GLUE for w in words):
        return False
    return not _AUTHOR.match(body)


def _headline(text: str, start: int, end: int) -> bool:
    """A first line alone on its line without a closing full stop."""
    line_end = text.find("\n", start)
    return ((line_end < 0 or line_end >= end) and text[end:end + 1] in ("\n", "")
            and not SENTENCE_END.search(text[start:end]))


