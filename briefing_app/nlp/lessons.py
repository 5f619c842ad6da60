"""Lessons compiled for the analyser: the officer's corrections applied where their context matches.

The services layer hands over plain :class:`LessonRule` objects (one per active lesson of a
database); :class:`CompiledLessons` turns them into spaCy machinery once and is updated
incrementally when a lesson is added or withdrawn (never rebuilt from every tag per analysis):

* names the officer added, and the new boundary of a tag they grew ("Quad" -> "Quad Cancer
  Moonshot"), go into a ``PhraseMatcher`` run on each analysed ``Doc``; an added name never
  breaks a longer entity that contains it ("India" inside "Make in India");
* relabels fire only on a prediction with the label the officer corrected *and* the context
  they corrected it in (the token left of the surface, else the token right of it): "Jordan"
  relabelled after "Rep." stays a place in "King Abdullah of Jordan";
* rejections drop a surface with the rejected label; a shrunk boundary ("Prime Minister Modi"
  -> "Modi") trims that surface wherever it is predicted; merges give a surface the entity key
  the officer merged it into;
* pillar lessons feed a :class:`~briefing_app.nlp.pillars.PillarLearner`.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from briefing_app.core.identity import entity_key
from briefing_app.nlp.aliases import canonical_text

#: Lesson action values (mirrors ``core.models.LessonAction``; nlp imports nothing from core).
REJECT, ADD, RELABEL, ALIAS, BOUNDARY = "reject", "add", "relabel", "alias", "boundary"
PILLAR_ADD, PILLAR_REMOVE = "pillar_add", "pillar_remove"
PILLAR_ACTIONS = frozenset({PILLAR_ADD, PILLAR_REMOVE})

_LEFT = re.compile(r"(\S+)[ \t]*$")
_RIGHT = re.compile(r"[ \t]*(\S+)")
#: Characters examined around a span for its neighbouring tokens.
_REACH = 60


def _strip_token(token: str) -> str:
    """A neighbour token without surrounding quotes/brackets, case-folded ("(Rep." -> "rep.")."""
    return token.strip("\"'“”‘’()[]{},;:").casefold()


def left_token(text: str, start: int) -> str:
    """The token immediately left of ``start`` on the same line ("" at a line start)."""
    m = _LEFT.search(text, max(0, start - _REACH), start)
    return m.group(1) if m else ""


def right_token(text: str, end: int) -> str:
    """The token immediately right of ``end`` on the same line ("" at a line end)."""
    m = _RIGHT.match(text, end, min(len(text), end + _REACH))
    return m.group(1) if m else ""


@dataclass(frozen=True, slots=True)
class LessonRule:
    """One active lesson as the analyser sees it (no database row)."""

    id: int
    action: str
    text: str
    label: str = ""
    from_label: str = ""
    from_text: str = ""
    canonical: str = ""
    entity_key: str = ""
    context: str = ""
    left: str = ""
    right: str = ""
    #: where it was learned, for tooltips ("learned from your correction in “Leaders call”, 6 Dec 2026")
    origin: str = ""

    def context_matches(self, text: str, start: int, end: int) -> bool:
        """True when the span's neighbours match the context this lesson was learned in.

        The left token is the condition; when it was learned at a line start, the right
        token; a lesson learned without context (imported without one) matches everywhere.
        """
        if self.left:
            return _strip_token(left_token(text, start)) == _strip_token(self.left)
        if self.right:
            return _strip_token(right_token(text, end)) == _strip_token(self.right)
        return True


@dataclass(slots=True)
class LessonHit:
    """A place where an added name or a grown boundary occurs (code-point offsets into the text)."""

    start: int
    end: int
    label: str
    action: str
    lesson_id: int


class CompiledLessons:
    """The active lessons of one database compiled for one spaCy vocabulary; updated incrementally.

    Thread-safe: analyses in worker threads read it while the GUI thread may update it.
    """

    def __init__(self, nlp: Any, scorer: Any = None) -> None:
        from spacy.matcher import PhraseMatcher

        self._nlp = nlp
        self._base_scorer = scorer
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lock = threading.RLock()
        self.rules: dict[int, LessonRule] = {}
        self._reject: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._relabel: dict[str, list[LessonRule]] = defaultdict(list)
        self._shrink: dict[str, list[LessonRule]] = defaultdict(list)
        self._alias: dict[str, LessonRule] = {}
        self._keys: dict[str, str] | None = None
        self._pillar_dirty = True
        self._scorer: Any = scorer
        #: Bumped on every change; callers compare it to know the compiled set moved.
        self.version = 0

    # ------------------------------------------------------------------ building
    def sync(self, rules: list[LessonRule]) -> bool:
        """Make the compiled set exactly ``rules``: compile the new ones, drop the gone ones.

        Cost is proportional to the lessons that changed (plus a set difference of ids), never
        to the size of the library. Returns True when anything changed.
        """
        with self._lock:
            wanted = {r.id: r for r in rules}
            gone = [i for i in self.rules if i not in wanted]
            new = [r for i, r in wanted.items() if i not in self.rules]
            for lesson_id in gone:
                self._remove(self.rules.pop(lesson_id))
            for rule in new:
                self.rules[rule.id] = rule
                self._add(rule)
            if gone or new:
                self.version += 1
                self._keys = None
            return bool(gone or new)

    def _add(self, rule: LessonRule) -> None:
        surface = rule.text.strip()
        if not surface:
            return
        if rule.action in PILLAR_ACTIONS:
            self._pillar_dirty = True
        elif rule.action == REJECT:
            self._reject[(surface.casefold(), rule.label)].add(rule.id)
        elif rule.action == RELABEL:
            self._relabel[canonical_text(surface)].append(rule)
        elif rule.action == ALIAS:
            self._alias[canonical_text(surface)] = rule
        elif rule.action == BOUNDARY and rule.from_text and surface in rule.from_text:
            self._shrink[rule.from_text.strip()].append(rule)  # shrunk: trim the old surface where predicted
        if rule.action == ADD or (rule.action == BOUNDARY and not (rule.from_text and surface in rule.from_text)):
            self._matcher.add(f"L{rule.id}", [self._nlp.make_doc(surface)])

    def _remove(self, rule: LessonRule) -> None:
        surface = rule.text.strip()
        key = f"L{rule.id}"
        if key in self._matcher:
            self._matcher.remove(key)
        if rule.action in PILLAR_ACTIONS:
            self._pillar_dirty = True
        ids = self._reject.get((surface.casefold(), rule.label))
        if ids is not None:
            ids.discard(rule.id)
            if not ids:
                del self._reject[(surface.casefold(), rule.label)]
        for table, k in ((self._relabel, canonical_text(surface)), (self._shrink, rule.from_text.strip())):
            if k in table:
                table[k] = [r for r in table[k] if r.id != rule.id]
                if not table[k]:
                    del table[k]
        if self._alias.get(canonical_text(surface)) is rule:
            del self._alias[canonical_text(surface)]
            for other in self.rules.values():  # an older merge of the same surface applies again
                if other.action == ALIAS and canonical_text(other.text) == canonical_text(surface):
                    self._alias[canonical_text(surface)] = other

    def __len__(self) -> int:
        return len(self.rules)

    # ------------------------------------------------------------------ applying
    def find(self, doc: Any, offset: int = 0) -> list[LessonHit]:
        """Added names and grown boundaries in ``doc`` (a chunk starting at ``offset``)."""
        with self._lock:
            if not len(self._matcher):
                return []
            matches = self._matcher(doc)
            out = []
            for key, start, end in matches:
                lesson_id = int(self._nlp.vocab.strings[key][1:])
                rule = self.rules.get(lesson_id)
                if rule is None:
                    continue
                span = doc[start:end]
                out.append(LessonHit(offset + span.start_char, offset + span.end_char, rule.label, rule.action,
                                     lesson_id))
            return out

    def is_rejected(self, surface: str, label: str) -> bool:
        """True when the officer removed ``surface`` with ``label`` (case-insensitive surface)."""
        return (surface.strip().casefold(), label) in self._reject

    def relabel(self, text: str, start: int, end: int, label: str) -> LessonRule | None:
        """The relabel lesson that applies to a prediction ``label`` at ``text[start:end]``, if any."""
        rules = self._relabel.get(canonical_text(text[start:end]))
        if not rules:
            return None
        for rule in reversed(rules):  # the newest matching lesson wins
            if (not rule.from_label or rule.from_label == label) and rule.context_matches(text, start, end):
                return rule
        return None

    def shrink(self, text: str, start: int, end: int) -> tuple[int, int, LessonRule] | None:
        """(start, end, lesson) when the officer shrank this surface's boundary; else None."""
        rules = self._shrink.get(text[start:end].strip())
        if not rules:
            return None
        rule = rules[-1]
        at = rule.from_text.find(rule.text)
        return start + at, start + at + len(rule.text), rule

    def origin(self, lesson_id: int) -> str:
        """Where lesson ``lesson_id`` was learned ("" when unknown)."""
        rule = self.rules.get(lesson_id)
        return rule.origin if rule is not None else ""

    def entity_keys(self) -> dict[str, str]:
        """Canonical surface -> entity key, from the officer's merges."""
        with self._lock:
            if self._keys is None:  # rebuilt only after the merges changed
                self._keys = {k: r.entity_key or entity_key(r.label, r.canonical)
                              for k, r in self._alias.items()}
            return self._keys

    def scorer(self) -> Any:
        """The pillar scorer with the pillar lessons learned (the base scorer when there are none)."""
        with self._lock:
            if self._pillar_dirty:
                from briefing_app.nlp.pillars import PillarLearner

                examples = [(r.text, r.label, r.action == PILLAR_ADD, r.from_label)
                            for r in self.rules.values() if r.action in PILLAR_ACTIONS]
                base = self._base_scorer
                if base is not None:
                    self._scorer = base.with_learner(PillarLearner.build(examples, base)) if examples else base
                self._pillar_dirty = False
            return self._scorer
