"""The document's topic as a pillar prior.

Officers (and the gold annotators) give most sentences of an article its topic pillars even when the sentence's
own words do not name the topic: in an op-ed about a power cable, "On paper the fit is perfect." is energy, and
"Nor is it clear who pays if a typhoon cuts the line." is energy beside trade. :class:`DocumentTopic` estimates
the topic from the cues of the document's sentences (the headline counts double): the one estimate of the document's
subject, which the scorer also uses to boost a sentence's own cues and back its ambiguous words (``SUBJECT_SHARE``,
:meth:`DocumentTopic.subject`). It lends it

* to a substantive sentence with no pillar of its own (after the paragraph's continuation had nothing to give);
* beside a sentence's own pillar when the sentence has a cue for the topic, however weak (``SECOND_SHARE``),
  when the topic runs through the document (``NOCUE_SHARE``), when the sentence's own pillar is the companion
  of the topic's lead pillar (trade in a document on energy: ``LEAD_SHARE``), or its lead (the navy's sentences in a
  document on piracy are security: ``COMPANION_SHARE``);
* beside the context pillar alone, when the topic is a lead pillar (ministers' talks in a piece on a power line are
  on the line: ``CONTEXT_ONLY_SHARE``) or, stronger, a companion pillar (talks in a piece on a conflict are on the
  conflict: ``CONTEXT_ONLY_COMPANION_SHARE``).

Never to furniture, procedural turns, stage directions, sign-offs, jokes (the scorer gives those no pillar before),
nor to a chair's turn ("THE SPEAKER: Honourable Venaani."), a byline or heading without a closing stop, an author's
note, a line of names ("By Jane Doe"), a numbered paragraph or bullet (each has its own subject), or a pillar the
officer untagged. The context pillar (diplomacy) is lent only to sentences with no pillar of their own
(unless an officer's lessons set ``CONTEXT_BESIDE``).
Thresholds are module constants, measured on every dev gold set (``briefing-app eval``): a paragraph-level topic,
subject words shared with the topic's sentences and diplomacy beside another pillar were tried and did not help.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from briefing_app.domain.text import SENTENCE_END
from briefing_app.nlp.headline import is_headline
from briefing_app.nlp.transcript import SpeakerLabel, is_chair, label_head

if TYPE_CHECKING:
    from briefing_app.nlp.pillars import PillarScorer
    from briefing_app.nlp.types import EntitySpan

#: Documents with fewer substantive sentences have no topic of their own.
MIN_SENTENCES = 5
#: How much the headline counts, in sentences.
HEADLINE_WEIGHT = 2.0
#: A pillar's strength: the (weighted) share of the substantive sentences with a cue for it. A topical pillar this
#: strong is the document's topic; the context pillar (diplomacy, whose cues are everywhere) needs ``CONTEXT_SHARE``.
TOPIC_SHARE = 0.3
CONTEXT_SHARE = 0.6
#: A topical pillar this strong is the document's *subject* (:meth:`DocumentTopic.subject`): the scorer adds its
#: ``topic_boost`` to the sentences with a cue for it and lets it back ambiguous words ("the pipeline" in a piece
#: about gas). One estimate for both uses: the lent topic is the same strengths at a lower share.
SUBJECT_SHARE = 0.65
#: At most this many topic pillars (strongest first; a lead pillar before its companion).
MAX_TOPIC = 2
#: A topic pillar this strong joins a sentence with another pillar of its own that has a cue for it.
SECOND_SHARE = 0.3
#: A topic pillar this strong joins any substantive sentence.
NOCUE_SHARE = 0.6
#: A lead pillar this strong is the subject beside its companion (``PillarScorer.companions``) and joins the
#: sentences whose own pillar is that companion: in a document on energy, the money talk is energy business too.
#: Only energy: a document on defence tags a coast guard's patrols security alone (measured on the dev sets).
LEAD_SHARE = 0.3
LEAD_PILLARS = ("energy",)
#: ... and only for these companions of it: energy's technology companion (a small modular reactor is energy and
#: technology) lends nothing, since in a document on energy the cyber, AI and data-cable sentences are not energy
#: (measured on the dev sets).
LEAD_COMPANIONS = ("trade",)
#: A companion pillar this strong is the subject beside its lead and joins the sentences whose own pillar is that lead:
#: in a document on maritime security, the navies' and frigates' sentences are security too ("A: We respect those
#: navies, and ours share information with them daily."). Only security: in a document on trade the energy
#: sentences are not all business (measured on the dev sets).
COMPANION_SHARE = 0.4
COMPANION_PILLARS = ("security",)
#: A lead pillar (``LEAD_PILLARS``) this strong joins a sentence whose only pillar is the context pillar: in a document
#: on a power line or a pipeline, the governments' moves are about the project ("Brussels has promised to list the
#: corridor as a project of mutual interest.").
CONTEXT_ONLY_SHARE = 0.4
#: A companion pillar (``COMPANION_PILLARS``) this strong joins a sentence whose only pillar is the context pillar: in
#: a document on a conflict or on piracy, the talks, envoys and proposals are about it ("Q: You have held three rounds
#: of talks since January."). Higher than the lead's: security cues run through more documents (measured on the dev
#: sets: at 0.4 the round-1 set lost precision, at 0.5 every set kept or gained F1).
CONTEXT_ONLY_COMPANION_SHARE = 0.5
#: A context pillar (diplomacy) of the topic this strong joins a sentence with a pillar of its own (never, by
#: default: measured on the dev sets; an officer who gives diplomacy beside the topic throughout teaches it).
CONTEXT_BESIDE = 2.0
#: The thresholds above an officer's lessons may recalibrate (``PillarScorer.topic_knobs``, issue 13).
KNOBS = ("HEADLINE_WEIGHT", "TOPIC_SHARE", "SUBJECT_SHARE", "CONTEXT_SHARE", "SECOND_SHARE", "NOCUE_SHARE",
         "LEAD_SHARE", "CONTEXT_BESIDE", "COMPANION_SHARE", "CONTEXT_ONLY_SHARE", "CONTEXT_ONLY_COMPANION_SHARE")
#: A sentence needs this many words to be substantive ("Yes.", "Order!" are not) ...
MIN_WORDS = 3
#: ... and, to be given a pillar it has no cue for, this many words that are not ``_FILLER`` ("I give way.").
MIN_CONTENT = 2
#: The reason shown for a pillar the topic lent.
REASON = "the document's subject"

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
#: Words that say nothing a topic could be lent to (interjections too: "Some hon. members: Oh, oh!", "Hear, hear!").
_FILLER = frozenset("""a an the and or but of to in on at for with by from as is are was were be been being it its this that
these those their they them he she his her we our you your i me my not no so than then there here has have had will would
can could should may might must also into over under about after before both each more most other such only own same very
just which who whom whose what when where why how all any some do does did said says say let us yes sir madam mr ms dr
hon minister member deputy senator thank thanks please well now again too yet oh ah hear""".split())
#: Words that may sit among the names of a byline or a reporter's credit ("By Jane Doe", "Jane Doe from Radio X").
_NAME_GLUE = frozenset("by from of the and de da del la le du van von with this is at".split())
#: An author's note inside a paragraph ("Jane Doe is a senior fellow at ...", "The views expressed are her own.").
_AUTHOR = re.compile(r"\W*(?:(?:[A-ZÀ-Þ][\w.'’-]*\s+){1,4}(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:fellow|professor"
                     r"|lecturer|researcher|analyst|director|editor|correspondent|journalist|writer|author|economist)\b"
                     r"|(?:[Tt]he\s+)?views\s+expressed\b)")
#: A numbered paragraph or a bullet ("7. Decides ...", "• A pilot will begin ...").
_ITEM = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[•▪◦●*–-])\s")
def knob_value(knobs: dict[str, float], name: str) -> float:
    """The threshold ``name`` (one of ``KNOBS``): its value in ``knobs`` (an officer's calibration), else the
    module constant."""
    value = knobs.get(name)
    return float(globals()[name]) if value is None else value


@dataclass
class DocumentTopic:
    """A document's topic pillars and the sentences they may be lent to (see the module docstring)."""

    text: str = ""
    #: pillar -> strength (weighted share of the substantive sentences with a cue for it)
    strength: dict[str, float] = field(default_factory=dict)
    #: the topic pillars, strongest first
    pillars: list[str] = field(default_factory=list)
    #: all pillars in taxonomy order
    order: list[str] = field(default_factory=list)
    context_pillar: str = "diplomacy"
    #: companion pillar -> its lead (``PillarScorer.companions``)
    leads: dict[str, str] = field(default_factory=dict)
    #: lead pillar -> its companion (``PillarScorer.companions``, companions in ``COMPANION_PILLARS``)
    companions: dict[str, str] = field(default_factory=dict)
    #: speaker labels by the start of the sentence they open
    labels: dict[int, SpeakerLabel] = field(default_factory=dict)
    #: each sentence's words as the scorer judged them (without speaker label and stage directions), by its start
    bodies: dict[int, str] = field(default_factory=dict)
    #: starts of the sentences in a chair's turn: procedure, never the subject
    chair: set[int] = field(default_factory=set)
    #: starts of the substantive sentences (``_substantive``)
    substantive: set[int] = field(default_factory=set)
    #: start of the first sentence that is not furniture (the headline, when there is one)
    first: int = -1
    #: thresholds calibrated to the officer (name in ``KNOBS`` -> value); the module constants otherwise
    knobs: dict[str, float] = field(default_factory=dict)

    @classmethod
    def build(cls, scorer: PillarScorer, text: str, spans: Sequence[tuple[int, int, Sequence[EntitySpan]]],
              scored: Sequence[tuple[dict[str, float], dict[str, list[str]]] | None],
              labels: dict[int, SpeakerLabel], bodies: dict[int, str]) -> DocumentTopic:
        """The topic of ``text`` from its sentences' own raw scores ``scored`` (``None``: furniture, procedural
        turns); ``labels``: speaker labels by the start of the sentence they open; ``bodies``: the sentences' words
        as the scorer judged them (the same turns and the same stripping: ``PillarScorer.passages``)."""
        topic = cls(text, order=[p.id for p in scorer.pillars], context_pillar=scorer.context_pillar,
                    leads={companion: lead for lead, companion in scorer.companions
                           if lead in LEAD_PILLARS and companion in LEAD_COMPANIONS},
                    companions={lead: companion for lead, companion in scorer.companions
                                if companion in COMPANION_PILLARS},
                    labels=labels, bodies=bodies, knobs=getattr(scorer, "topic_knobs", None) or {})
        knob = topic.knob
        counts: Counter[str] = Counter()
        total, n, in_chair = 0.0, 0, False
        for (start, end, _ents), item in zip(spans, scored, strict=True):
            if (label := labels.get(start)) is not None:
                in_chair = is_chair(label_head(text, label))
            if in_chair:
                topic.chair.add(start)
            if item is None:
                continue
            weight = 1.0
            if topic.first < 0:
                topic.first = start
                weight = knob("HEADLINE_WEIGHT") if is_headline(text, start, end, top=True) else 1.0
            if _substantive(bodies.get(start, text[start:end])):
                topic.substantive.add(start)
            elif weight == 1.0:
                continue
            n += 1
            total += weight
            counts.update({p: weight for p, v in item[0].items() if v > 0})
        if n < MIN_SENTENCES:
            return topic
        topic.strength = {p: c / total for p, c in counts.items()}
        ctx = scorer.context_pillar
        # (diplomacy lent beside a pillar at CONTEXT_BESIDE is the topic from that strength on)
        context_share = min(knob("CONTEXT_SHARE"), knob("CONTEXT_BESIDE"))
        ranked = sorted((p for p, s in topic.strength.items() if s >= (context_share if p == ctx else knob("TOPIC_SHARE"))),
                        key=lambda p: -topic.strength[p])
        for companion, lead in topic.leads.items():
            if companion in ranked and topic.strength.get(lead, 0.0) >= knob("LEAD_SHARE"):
                ranked = [lead] + [p for p in ranked if p != lead]  # the subject first, its aspect second
        topic.pillars = ranked[:MAX_TOPIC]
        return topic

    def subject(self) -> set[str]:
        """The topical pillars that run through the document (strength >= ``SUBJECT_SHARE``; none in a document
        too short to have a topic)."""
        share = self.knob("SUBJECT_SHARE")
        return {p for p, s in self.strength.items() if s >= share and p != self.context_pillar}

    def lend(self, start: int, end: int, raw: dict[str, float], chosen: list[str],
             why: dict[str, list[str]]) -> list[str]:
        """``chosen`` (taxonomy order) with the topic pillars the sentence ``text[start:end]`` takes; ``raw``: its
        cue weights. A lent pillar's reason is added to ``why``."""
        if not self.pillars or not self._lends_to(start, end):
            return chosen
        if not chosen:
            body = self.bodies.get(start, self.text[start:end])
            if sum(w.casefold() not in _FILLER for w in _WORD.findall(body)) < MIN_CONTENT:
                return chosen  # nothing of its own and nothing said ("I give way.")
            lent = list(self.pillars)
        else:
            lent = [p for p in self.pillars if p not in chosen and self._joins(p, raw, chosen)]
        from briefing_app.nlp.pillars import UNTAGGED  # (pillars imports this module)

        lent = [p for p in lent if UNTAGGED not in why.get(p, ())]  # the officer removed it from this passage
        for p in lent:
            why.setdefault(p, []).append(REASON)
        return [p for p in self.order if p in chosen or p in lent] if lent else chosen

    def _joins(self, pillar: str, raw: dict[str, float], chosen: list[str]) -> bool:
        """True when topic ``pillar`` joins a sentence whose own pillars are ``chosen``."""
        strength = self.strength[pillar]
        if pillar == self.context_pillar:
            return strength >= self.knob("CONTEXT_BESIDE")
        return (strength >= self.knob("NOCUE_SHARE") or strength >= self.knob("SECOND_SHARE") and raw.get(pillar, 0.0) > 0
                or strength >= self.knob("LEAD_SHARE") and any(self.leads.get(c) == pillar for c in chosen)
                or strength >= self.knob("COMPANION_SHARE") and any(self.companions.get(c) == pillar for c in chosen)
                or chosen == [self.context_pillar] and self._about_talks(pillar, strength))

    def _about_talks(self, pillar: str, strength: float) -> bool:
        """True when topic ``pillar`` joins a sentence that only speaks of engagement (talks, visits, envoys): a lead
        pillar from ``CONTEXT_ONLY_SHARE``, a companion (security) from ``CONTEXT_ONLY_COMPANION_SHARE``."""
        if pillar in LEAD_PILLARS:
            return strength >= self.knob("CONTEXT_ONLY_SHARE")
        return pillar in COMPANION_PILLARS and strength >= self.knob("CONTEXT_ONLY_COMPANION_SHARE")

    def knob(self, name: str) -> float:
        """The threshold ``name`` (one of ``KNOBS``): the officer's calibrated value, else the module constant."""
        return knob_value(self.knobs, name)

    def _lends_to(self, start: int, end: int) -> bool:
        """A substantive sentence of the body: not a chair's turn, nor a line without a closing stop (a byline,
        a date, a heading) other than the first."""
        if start in self.chair:
            return False
        if _ITEM.match(self.text, self.text.rfind("\n", 0, start) + 1):
            return False  # each numbered paragraph or bullet of a communiqué or fact sheet has its own subject
        if start != self.first and not SENTENCE_END.search(self.text[start:end].rstrip()):
            return False
        return start in self.substantive


def _substantive(body: str) -> bool:
    """A sentence with enough words to be about something: not names alone ("By Jane Doe", "Jane Doe from Radio X"),
    a bracketed aside, nor an author's note."""
    words = _WORD.findall(body)
    if len(words) < MIN_WORDS or body.lstrip().startswith("(") and body.rstrip().endswith(")"):
        return False
    if all(w[0].isupper() or w.casefold() in _NAME_GLUE for w in words):
        return False
    return not _AUTHOR.match(body)
