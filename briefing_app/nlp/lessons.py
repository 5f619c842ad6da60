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
* a boundary lesson that only moved a tag's edge over lower-case words (``convention_edges``: "West
  Bank" -> "the West Bank", "the end of 2027" -> "2027") is a convention choice: when the officer's
  own reviewed tags mostly do the opposite, the services mark it ``local`` and it applies only in the
  sentence it was made in (one slip must not re-shape every later article);
* pillar lessons feed a :class:`~briefing_app.nlp.pillar_learning.PillarLearner` (with the sentences of
  the articles they were made in, read through ``reviewed_loader`` only when pillar lessons change).
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from briefing_app.domain.identity import entity_key
from briefing_app.nlp.aliases import canonical_text
from briefing_app.nlp.entities import _title_case_heading

#: Lesson action values (mirrors ``domain.models.LessonAction``; nlp imports nothing from core).
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


def shape(surface: str) -> str:
    """Token shape of a surface: "x" lower-case word, "X" capitalised, "XX" all capitals, "d" digits, else
    the character itself ("from days to" -> "days": "x"; "Transforming" -> "X")."""
    out = []
    for token in surface.split():
        if token.isdigit():
            out.append("d")
        elif token.isalpha() and token.islower():
            out.append("x")
        elif token.isalpha() and token.isupper() and len(token) > 1:
            out.append("XX")
        elif token.isalpha() and token[0].isupper():
            out.append("X")
        else:
            out.append(token)
    return " ".join(out)


#: A part cut off a tag that starts after a sentence end ("Pacific|. The Indian Navy").
_SENTENCE_CUT_AFTER = re.compile(r"^[.!?]\s+\S")
_SENTENCE_CUT_BEFORE = re.compile(r"\S[.!?]\s+$")
#: What continues a name into a longer one on the same line: a capitalised word, or "of" / "for" (and "the")
#: before one ("Coalition| of the Willing", "Coalition| for Epidemic Preparedness"); not a word of a line in
#: capitals ("HYDROM| AWARDS NEW BLOCKS"), where every word is capitalised.
_NAME_GOES_ON = re.compile(r"[ \t]+((?:of|for)[ \t]+(?:the[ \t]+)?)?[A-Z][a-z]")


def _in_heading(text: str, pos: int) -> bool:
    """True when ``pos`` stands in a title-case heading: a line in title case that ends without a sentence end
    ("Tuvalu Signs Kopra Compact Despite Objections"; "The Coalition Partners Forum met." is a sentence)."""
    line_end = text.find("\n", pos)
    line = text[text.rfind("\n", 0, pos) + 1:len(text) if line_end < 0 else line_end].rstrip()
    return not line.endswith((".", "!", "?", ":", ";")) and _title_case_heading(text, pos)


#: A sentence end inside a predicted span.
SENTENCE_INSIDE = re.compile(r"[a-z0-9)][.!?]\s+[A-Z]")


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
    #: a rejected name the officer kept elsewhere (in the same article or another reviewed one): the
    #: rejection holds in its context only ("China" rejected in "one China policy", kept in "China and India")
    kept: bool = False
    #: why a boundary lesson that moved a tag's edge over lower-case words contradicts the officer's own habit
    #: ("Applies only where you made it: ..."); it then applies only in the sentence it was made in ("" spreads)
    local: str = ""

    def made_here(self, text: str, start: int, end: int) -> bool:
        """True when ``text[start:end]`` stands where this lesson was made: at the same place of the same
        sentence (its context). Without a stored sentence, both known neighbours must match (a lesson with
        neither has no place of its own)."""
        ctx = self.context
        surface = text[start:end]
        if ctx and surface:
            at = ctx.find(surface)
            while at >= 0:
                if start - at >= 0 and text.startswith(ctx, start - at):
                    return True
                at = ctx.find(surface, at + 1)
            return False
        return bool(self.left or self.right) and self.context_matches_known(text, start, end)

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

    def context_matches_both(self, text: str, start: int, end: int) -> bool:
        """True when both neighbours match the ones this lesson was learned between (both must be known)."""
        return bool(self.left and self.right) and (
            _strip_token(left_token(text, start)) == _strip_token(self.left)
            and _strip_token(right_token(text, end)) == _strip_token(self.right))

    def context_matches_known(self, text: str, start: int, end: int) -> bool:
        """True when every neighbour known from where this lesson was learned matches (left and right;
        one of them at a line start or end); a lesson learned without context matches everywhere. A
        sentence end after the right neighbour does not count ("policy." matches "policy")."""
        return ((not self.left or _strip_token(left_token(text, start)) == _strip_token(self.left))
                and (not self.right or _strip_token(right_token(text, end)).rstrip(".!?")
                     == _strip_token(self.right).rstrip(".!?")))


@dataclass(frozen=True, slots=True)
class ConventionEdge:
    """Lower-case words a boundary lesson moved across one edge of a tag ("West Bank" -> "the West Bank":
    "the" on the left, put inside; "the end of 2027" -> "2027": "the end of" on the left, cut off)."""

    side: str  # "left" or "right"
    words: tuple[str, ...]  # case-folded, in text order
    inside: bool  # True when the lesson put them inside the tag, False when it cut them off

    def outer(self) -> ConventionEdge:
        """The same edge reduced to its outermost word ("the end of" -> "the")."""
        word = self.words[0] if self.side == "left" else self.words[-1]
        return ConventionEdge(self.side, (word,), self.inside)

    def habit(self, tag: str, before: str, after: str) -> int:
        """How one reviewed tag ``tag`` (with the text ``before`` and ``after`` it on its line) treats these
        words: 1 inside it, -1 just outside it, 0 neither."""
        words = [w.casefold() for w in tag.split()]
        k = len(self.words)
        if len(words) > k and tuple(words[:k] if self.side == "left" else words[-k:]) == self.words:
            return 1
        if self.side == "left":
            line = before.rsplit("\n", 1)[-1]
            near = line.split()[-k:] if line[-1:].isspace() else []
        else:
            line = after.split("\n", 1)[0]
            near = line.split()[:k] if line[:1].isspace() else []
            if near:
                near[-1] = near[-1].rstrip(".,;:!?)\"'”’")
        return -1 if len(near) == k and tuple(w.casefold() for w in near) == self.words else 0


def convention_edges(from_text: str, text: str) -> list[ConventionEdge]:
    """The edges a boundary lesson ``from_text`` -> ``text`` moved over lower-case words only (determiners,
    prepositions, "the end of"-type date frames): a convention choice, not a name. Empty when the change is not
    whole words at the edges or any word moved is capitalised, a number or punctuation ("Quad" -> "Quad Cancer
    Moonshot" changes a name and is no convention)."""
    old, new = from_text.split(), text.split()
    if not old or not new or len(old) == len(new):
        return []
    longer, shorter, inside = (new, old, True) if len(new) > len(old) else (old, new, False)
    n = len(shorter)
    at = next((i for i in range(len(longer) - n + 1) if longer[i:i + n] == shorter), -1)
    if at < 0:
        return []
    left, right = longer[:at], longer[at + n:]
    if not all(w.isalpha() and w.islower() for w in left + right):
        return []
    return [ConventionEdge(side, tuple(w.casefold() for w in words), inside)
            for side, words in (("left", left), ("right", right)) if words]


@dataclass(slots=True)
class LessonHit:
    """A place where an added name or a grown boundary occurs (code-point offsets into the text)."""

    start: int
    end: int
    label: str
    action: str
    lesson_id: int


def _sentence_case(surface: str) -> bool:
    """True for a phrase capitalised only at its first letter ("Today", "Last year")."""
    return surface[:1].isupper() and surface[1:] == surface[1:].lower()


def _starts_sentence(left: str) -> bool:
    """True when a span whose left neighbour is ``left`` opens a sentence or a line (its capital is the
    position's, not a name's: "Toshimitsu. Today we held" rejects the common word "today")."""
    return not left or left[-1] in ".!?:\"“"


def _generalises(surface: str) -> bool:
    """True when a rejection of ``surface`` may cover other words of its shape: a common phrase or number
    ("days", "14 days"), never a capitalised name ("States" rejected between "of" and ";" must not untag
    "Japan" in "Ambassador of Japan;")."""
    return any(t in ("x", "d") for t in shape(surface).split())


def _common(surface: str) -> bool:
    """True for a phrase of lower-case words and numbers only ("years", "the next two weeks", "14 days"):
    words of the language, not a name."""
    return all(t in ("x", "d") for t in shape(surface).split())


def _overlapping_label(doc: Any, start: int, end: int) -> str:
    """The label of the model's or the gazetteer's entity overlapping ``[start, end)`` most ("" when none)."""
    best, best_ov = "", 0
    for ent in [*doc.ents, *doc.spans.get("gazetteer", ())]:
        ov = min(end, ent.end_char) - max(start, ent.start_char)
        if ov > best_ov:
            best, best_ov = ent.label_, ov
    return best


class CompiledLessons:
    """The active lessons of one database compiled for one spaCy vocabulary; updated incrementally.

    Thread-safe: analyses in worker threads read it while the GUI thread may update it.
    """

    def __init__(self, nlp: Any, scorer: Any = None, entity_pillars: dict[str, list[str]] | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        self._nlp = nlp
        self._base_scorer = scorer
        self._entity_pillars = entity_pillars
        #: returns the officer's reviewed sentences (``PillarExample``) for the pillar learner; set by services
        self.reviewed_loader: Callable[[], Sequence[Any]] | None = None
        self._matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._lock = threading.RLock()
        self.rules: dict[int, LessonRule] = {}
        #: (case-folded surface, label) -> rejections; a surface rejected in lower case ("free trade agreement",
        #: "today") is a common phrase: its capitalised form (a name, a sentence start) is not rejected with it
        self._reject: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._reject_lower: dict[tuple[str, str], set[int]] = defaultdict(set)
        #: (case-folded surface, label) -> rejections of a name the officer kept elsewhere: in their context only
        self._reject_here: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._relabel: dict[str, list[LessonRule]] = defaultdict(list)
        self._shrink: dict[str, list[LessonRule]] = defaultdict(list)
        self._alias: dict[str, LessonRule] = {}
        #: (label, token shape) -> rejections, generalised to other words of that shape between the same neighbours
        self._reject_shape: dict[tuple[str, str], list[LessonRule]] = defaultdict(list)
        #: shrink lessons that cut a tag at a sentence end: tags spanning a sentence end are not suggested
        self._sentence_cuts: set[int] = set()
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
            # a rule whose compiled form moved (a rejected name since kept elsewhere) is dropped and compiled again
            gone = [i for i, r in self.rules.items() if wanted.get(i) != r]
            new = [r for i, r in wanted.items() if self.rules.get(i) != r]
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
            # capitalised after a sentence end: the common word (a line start says nothing: headings, names)
            common = surface == surface.lower() or (_sentence_case(surface) and bool(rule.left)
                                                    and _starts_sentence(rule.left))
            table = self._reject_lower if common else self._reject_here if rule.kept else self._reject
            table[(surface.casefold(), rule.label)].add(rule.id)
            if rule.left and rule.right and _generalises(surface):
                self._reject_shape[(rule.label, shape(surface))].append(rule)
        elif rule.action == RELABEL:
            self._relabel[canonical_text(surface)].append(rule)
        elif rule.action == ALIAS:
            self._alias[canonical_text(surface)] = rule
        elif rule.action == BOUNDARY and rule.from_text and surface in rule.from_text:
            self._shrink[rule.from_text.strip()].append(rule)  # shrunk: trim the old surface where predicted
            at = rule.from_text.find(surface)
            if (_SENTENCE_CUT_AFTER.match(rule.from_text[at + len(surface):])
                    or _SENTENCE_CUT_BEFORE.search(rule.from_text[:at])):
                self._sentence_cuts.add(rule.id)
        if rule.action == ADD or (rule.action == BOUNDARY and not (rule.from_text and surface in rule.from_text)):
            forms = [surface]
            if rule.action == ADD and not surface.isupper() and sum(ch.isalpha() for ch in surface) > 3:
                forms.append(surface.upper())  # the same name in a capitalised headline or letterhead
            self._matcher.add(f"L{rule.id}", [self._nlp.make_doc(f) for f in forms])

    def _remove(self, rule: LessonRule) -> None:
        surface = rule.text.strip()
        key = f"L{rule.id}"
        if key in self._matcher:
            self._matcher.remove(key)
        if rule.action in PILLAR_ACTIONS:
            self._pillar_dirty = True
        self._sentence_cuts.discard(rule.id)
        shaped = self._reject_shape.get((rule.label, shape(surface)))
        if shaped is not None:
            shaped[:] = [r for r in shaped if r.id != rule.id]
            if not shaped:
                del self._reject_shape[(rule.label, shape(surface))]
        for rejects in (self._reject, self._reject_lower, self._reject_here):
            ids = rejects.get((surface.casefold(), rule.label))
            if ids is not None:
                ids.discard(rule.id)
                if not ids:
                    del rejects[(surface.casefold(), rule.label)]
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
                label = rule.label
                if (rule.action == ADD and _common(rule.text.strip())
                        and not rule.context_matches(doc.text, span.start_char, span.end_char)):
                    # a common phrase added ("years", "next month") is the officer's reading of that sentence,
                    # not a name: it is suggested where its neighbour matches, not wherever the words recur
                    continue
                if (rule.action == ADD and (goes_on := _NAME_GOES_ON.match(doc.text, span.end_char))
                        and _strip_token(right_token(doc.text, span.end_char)) != _strip_token(rule.right)
                        and not (goes_on.group(1) is None and _in_heading(doc.text, span.start_char))):
                    # a name added ("Coalition") that runs on into a longer name the model did not find
                    # ("Coalition of the Willing", "Coalition Partners Forum") is not that name: it is suggested
                    # there only when it was added before the same word -- but in a title-case heading every word
                    # is capitalised ("Tuvalu Signs Coalition Pact Despite Objections"): only "of"/"for" go on there
                    continue
                if rule.local and not rule.made_here(doc.text, span.start_char, span.end_char):
                    # a grown edge the officer's own habit contradicts (one slip): only where it was made
                    continue
                if (rule.action == BOUNDARY and rule.from_label and rule.from_label != rule.label
                        and not rule.context_matches(doc.text, span.start_char, span.end_char)):
                    # a grown boundary that also changed the label is a relabel as well: the new label is
                    # taught in its context only; elsewhere the grown span keeps the model's own label
                    # (round conventions differ: "Power of Siberia 2" a project in one, a pipeline in another)
                    label = _overlapping_label(doc, span.start_char, span.end_char) or label
                out.append(LessonHit(offset + span.start_char, offset + span.end_char, label, rule.action,
                                     lesson_id))
            return out

    def is_rejected(self, surface: str, label: str) -> bool:
        """True when the officer removed ``surface`` with ``label`` (case-insensitive, except that a surface
        removed in lower case stays suggested when capitalised). Context is not checked (see :meth:`rejects`),
        so a name rejected only in its context (kept elsewhere) counts as well."""
        key = (surface.strip().casefold(), label)
        return (key in self._reject or key in self._reject_here
                or (key in self._reject_lower and surface == surface.lower()))

    def rejects(self, text: str, start: int, end: int, label: str) -> bool:
        """True when a rejection removes the prediction ``label`` at ``text[start:end]``.

        A name (any capital) rejected once is rejected everywhere, unless the officer kept it elsewhere (in the
        same article or another reviewed one): then only where both its neighbours match the place it was
        rejected ("China" rejected in "one China policy" but kept in "China and India signed" is rejected in
        a new "one China policy" and stays tagged elsewhere). A common phrase rejected in lower case
        ("today", "the second day"), or capitalised only because it opened a sentence ("Today we held"), is
        rejected only beside a neighbour it was rejected beside (left or right token): whether such a phrase
        counts is a convention of its context, and one article's convention must not untag it in every
        other text.
        """
        surface = text[start:end]
        key = (surface.strip().casefold(), label)
        if key in self._reject:
            return True
        here = self._reject_here.get(key)
        if here and any((rule := self.rules.get(i)) is None or rule.context_matches_known(text, start, end)
                        for i in here):
            return True
        ids = self._reject_lower.get(key)
        if not ids:
            return False
        left_raw = left_token(text, start)
        if surface != surface.lower() and not (_sentence_case(surface) and _starts_sentence(left_raw)):
            return False  # a name written like the common phrase ("Free Trade Agreement")
        left, right = _strip_token(left_raw), _strip_token(right_token(text, end))
        for lesson_id in ids:
            rule = self.rules.get(lesson_id)
            if rule is None or not (rule.left or rule.right):
                return True  # learned without a context (imported): everywhere
            if (rule.left and _strip_token(rule.left) == left) or (rule.right and _strip_token(rule.right) == right):
                return True
        return False

    def rejected_here(self, text: str, start: int, end: int, label: str) -> LessonRule | None:
        """A rejection that covers this prediction by its shape: same label, same token shape, same neighbours.

        "days" rejected as a DATE in "from days to weeks" also drops "months" in "from months to weeks",
        never "months" elsewhere, nor a word of another shape.
        """
        surface = text[start:end]
        rules = self._reject_shape.get((label, shape(surface)))
        if not rules:
            return None
        last = surface.split()[-1].casefold() if surface.split() else ""
        # a phrase of several words generalises only to phrases with the same head (its last word):
        # "the second year running" rejected in "For ..., " says nothing of "For more than a decade,"
        return next((r for r in reversed(rules) if r.context_matches_both(text, start, end)
                     and (len(r.text.split()) == 1 or r.text.split()[-1].casefold() == last)), None)

    def cuts_at_sentences(self) -> bool:
        """True when the officer cut a tag at a sentence end: no suggestion then spans one."""
        return bool(self._sentence_cuts)

    def relabel(self, text: str, start: int, end: int, label: str, known: bool = True) -> LessonRule | None:
        """The relabel lesson that applies to a prediction ``label`` at ``text[start:end]``, if any.

        A name with a reading of its own (``known``: the domain gazetteer lists it, as "Jordan" the country) is
        relabelled where the context the officer corrected it in matches; a name nothing lists ("Bakamla") has no
        reading but the model's guess, which the officer's label replaces wherever it is suggested otherwise.
        """
        rules = self._relabel.get(canonical_text(text[start:end]))
        if not rules:
            return None
        for rule in reversed(rules):  # the newest matching lesson wins
            if (not rule.from_label or rule.from_label == label) and rule.context_matches(text, start, end):
                return rule
        if not known:
            return next((rule for rule in reversed(rules) if rule.label != label), None)
        return None

    def shrink(self, text: str, start: int, end: int) -> tuple[int, int, LessonRule] | None:
        """(start, end, lesson) when the officer shrank this surface's boundary; else None."""
        rules = self._shrink.get(text[start:end].strip())
        if not rules:
            return None
        rule = rules[-1]
        at = rule.from_text.find(rule.text)
        if rule.local and not rule.made_here(text, start + at, start + at + len(rule.text)):
            return None  # a cut the officer's own habit contradicts (one slip): only where it was made
        return start + at, start + at + len(rule.text), rule

    def origin(self, lesson_id: int) -> str:
        """Where lesson ``lesson_id`` was learned ("" when unknown)."""
        rule = self.rules.get(lesson_id)
        return rule.origin if rule is not None else ""

    def merged(self, surface: str) -> LessonRule | None:
        """The merge lesson that gives ``surface`` its entity, if any (for the tooltip)."""
        return self._alias.get(canonical_text(surface))

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
                from briefing_app.nlp.pillar_learning import PillarLearner

                examples = [(r.text, r.label, r.action == PILLAR_ADD, r.from_label)
                            for r in sorted(self.rules.values(), key=lambda r: r.id) if r.action in PILLAR_ACTIONS]
                base = self._base_scorer
                if base is not None:
                    reviewed = self.reviewed_loader() if examples and self.reviewed_loader is not None else ()
                    self._scorer = base.with_learner(
                        PillarLearner.build(examples, base, reviewed, self._entity_pillars)) if examples else base
                self._pillar_dirty = False
            return self._scorer

    def pillar_habits(self) -> list[str]:
        """The pillar habits learned from the officer's reviewed articles, in words (fits the learner if needed)."""
        learner = getattr(self.scorer(), "learner", None)
        habits = getattr(learner, "habits", None)
        return list(habits(self._base_scorer)) if habits is not None and self._base_scorer is not None else []
