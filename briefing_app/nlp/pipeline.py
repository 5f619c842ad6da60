"""The analyser as a spaCy pipeline: the app's stages are registered components added after the model's own.

``nlp.pipe_names`` on an analyser's pipeline reads, for the bundled model::

    tok2vec?, ner, briefing_gazetteer, briefing_learned_names,          <- token stages (per chunk)
    briefing_titles, briefing_entities, briefing_lessons, briefing_identity,
    briefing_pillars, briefing_commitments                              <- document stages (whole text)

Each stage reads what the stages before it left on the ``Doc`` and writes its own result there:

* ``briefing_gazetteer``: every gazetteer form -> ``doc.spans["gazetteer"]`` (label, ``span.id_`` = entity id);
* ``briefing_learned_names``: names the officer added / boundaries they grew -> ``doc.spans["briefing_learned"]``;
* ``briefing_titles``: people named by a title, peerage or speaker label -> ``doc._.briefing_titled``;
* ``briefing_entities``: the domain clean-up of all candidates (nlp/cleanup.py) -> ``doc._.briefing_candidates``;
* ``briefing_lessons``: the officer's relabels, rejections and cuts -> ``doc._.briefing_entities`` (EntitySpans);
* ``briefing_identity``: canonical entity ids (and the officer's merges) -> ``doc.spans["briefing_entities"]``;
* ``briefing_pillars``: pillar passages -> ``doc._.briefing_passages``, ``doc.spans["pillars"]``, ``doc.cats``;
* ``briefing_commitments``: commitments (off unless asked for) -> ``doc._.briefing_commitments``.

Token stages need the model's tokens, so a long text is cut into chunks (``CHUNK_CHARS``) that go through
``nlp.pipe`` once; the chunk Docs are joined (``Doc.from_docs``) and the document stages, whose rules read
the whole text (a surname carried over from the first page), run once on the joined Doc. A short text is
one chunk. Per-analysis options (the officer's compiled lessons, domain rules on or off, commitments) are
passed as ``component_cfg``, so analysers with different lessons share one pipeline, concurrently.

``nlp.to_disk(path)`` saves the pipeline with the compiled gazetteer table; ``spacy.load(path)`` (with this
module imported, which registers the factories) restores it. The rule resources (titles, pillars) are read
from the package.
"""

from __future__ import annotations

import json
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc, Span

from briefing_app.nlp import rules
from briefing_app.nlp.aliases import assign_entity_ids, canonical_text
from briefing_app.nlp.chunking import chunk_spans, sentence_spans
from briefing_app.nlp.cleanup import EntityCleanup, titled_candidates
from briefing_app.nlp.entities import DATE_SHAPED, LEARNED, MODEL, NAME_LABELS, RULE, Candidate, merge
from briefing_app.nlp.gazetteer import SPANS_KEY, GazEntry, Gazetteer, default_gazetteer
from briefing_app.nlp.gazetteer_matcher import GazetteerMatcher, load_gazetteer_matcher
from briefing_app.nlp.lessons import CompiledLessons
from briefing_app.nlp.pillars import PillarScorer, default_scorer
from briefing_app.nlp.titles import TitleMatcher
from briefing_app.nlp.transcript import speaker_labels
from briefing_app.nlp.types import AnalysisCancelled, CancelCheck, EntitySpan, Passage, ProgressCallback

#: Characters per chunk handed to spaCy; long texts are processed chunk by chunk.
CHUNK_CHARS = 8_000

GAZETTEER = "briefing_gazetteer"
LEARNED_NAMES = "briefing_learned_names"
TITLES = "briefing_titles"
ENTITIES = "briefing_entities"
LESSONS = "briefing_lessons"
IDENTITY = "briefing_identity"
PILLARS = "briefing_pillars"
COMMITMENTS = "briefing_commitments"
#: Stages that read tokens: they run on each chunk, with the model's own components.
TOKEN_STAGES = (GAZETTEER, LEARNED_NAMES)
#: Stages whose rules read the whole text: they run once, on the joined Doc.
DOCUMENT_STAGES = (TITLES, ENTITIES, LESSONS, IDENTITY, PILLARS, COMMITMENTS)
STAGES = TOKEN_STAGES + DOCUMENT_STAGES

#: ``doc.spans`` keys written by the stages.
LEARNED_KEY = "briefing_learned"
ENTITIES_KEY = "briefing_entities"
PILLARS_KEY = "pillars"

#: ``doc._`` attributes written by the stages (None until the stage ran).
EXTENSIONS = ("briefing_titled", "briefing_speakers", "briefing_acronyms", "briefing_candidates",
              "briefing_entities", "briefing_passages", "briefing_commitments")
for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

#: "Use the lessons the component holds" (a caller passes ``lessons=None`` for none at all).
_OWN: Any = object()


@dataclass(frozen=True)
class DomainResources:
    """The rule resources every stage reads (read-only; built once per process)."""

    gazetteer: Gazetteer
    titles: TitleMatcher
    entries: dict[str, GazEntry]
    entity_pillars: dict[str, list[str]]
    particles: tuple[str, ...]


_resources: DomainResources | None = None
_resources_lock = threading.Lock()


def _is_pictograph(ch: str) -> bool:
    """True for emoji, regional-indicator (flag) halves and their joiners: symbols, never part of a name or number."""
    cp = ord(ch)
    return (0x1F000 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or cp in (0xFE0F, 0x200D)
            or 0xE0020 <= cp <= 0xE007F)


def domain_resources() -> DomainResources:
    """The bundled gazetteer and what is compiled from it (built once per process, or restored)."""
    global _resources
    with _resources_lock:
        if _resources is None:
            gazetteer = default_gazetteer()
            _resources = DomainResources(
                gazetteer=gazetteer, titles=TitleMatcher.build(gazetteer),
                entries={e.entity_id: e for e in gazetteer.entries},
                entity_pillars={e.entity_id: e.pillars for e in gazetteer.entries if e.pillars},
                particles=tuple(gazetteer.name_particles),
            )
        return _resources


def restore_domain_resources(resources: DomainResources) -> None:
    """Use ``resources`` (restored from the compiled pipeline, ``nlp/pipeline_cache.py``) unless the
    process has built its own already (stages built on those keep them)."""
    global _resources
    with _resources_lock:
        if _resources is None:
            _resources = resources


class _LessonHolder:
    """A stage whose compiled lessons can be swapped (``set_lessons``) or passed per call (``lessons=``)."""

    lessons: CompiledLessons | None = None

    def set_lessons(self, lessons: CompiledLessons | None) -> None:
        """Use ``lessons`` when a call does not pass its own (no pipeline rebuild)."""
        self.lessons = lessons

    def _lessons(self, given: Any) -> CompiledLessons | None:
        return self.lessons if given is _OWN else given


# ---------------------------------------------------------------------- token stages
class GazetteerStage:
    """Every gazetteer form in the Doc -> ``doc.spans["gazetteer"]`` (compiled table cached on disk)."""

    def __init__(self, nlp: Language) -> None:
        self._nlp = nlp
        self._matcher: GazetteerMatcher | None = None
        self._lock = threading.Lock()

    @property
    def matcher(self) -> GazetteerMatcher:
        """The compiled gazetteer (built on first use, after the tokenizer is final)."""
        with self._lock:
            if self._matcher is None:
                self._matcher = load_gazetteer_matcher(self._nlp, default_gazetteer())
            return self._matcher

    def use_matcher(self, matcher: GazetteerMatcher) -> None:
        """Use ``matcher``, compiled for this pipeline's tokenizer already."""
        with self._lock:
            self._matcher = matcher

    def __call__(self, doc: Doc, domain: bool = True) -> Doc:
        if domain:
            self.matcher(doc)
        return doc

    def __getstate__(self) -> dict[str, Any]:
        # an analyser is pickled whole to run in another process: everything but the lock
        state = dict(self.__dict__)
        del state["_lock"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the compiled token table (the saved pipeline needs no gazetteer cache)."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "table.json").write_text(json.dumps(self.matcher.rows(), ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> GazetteerStage:
        """Load the token table saved by ``to_disk``."""
        rows = json.loads((Path(path) / "table.json").read_text(encoding="utf-8"))
        with self._lock:
            self._matcher = GazetteerMatcher(rows)
        return self


class LearnedNamesStage(_LessonHolder):
    """Names the officer added and boundaries they grew, found in the Doc -> ``doc.spans["briefing_learned"]``."""

    def __call__(self, doc: Doc, lessons: Any = _OWN, domain: bool = True) -> Doc:
        compiled = self._lessons(lessons)
        spans = []
        if domain and compiled is not None and len(compiled):
            for hit in compiled.find(doc):
                span = doc.char_span(hit.start, hit.end)
                assert span is not None  # a matcher hit covers whole tokens
                spans.append(Span(doc, span.start, span.end, label=hit.label, kb_id=hit.action,
                                  span_id=str(hit.lesson_id)))
        doc.spans[LEARNED_KEY] = spans
        return doc


# ---------------------------------------------------------------------- document stages
class TitlesStage:
    """People named by a title, a peerage or a speaker label -> ``doc._.briefing_titled``."""

    def __init__(self, resources: DomainResources) -> None:
        self.res = resources

    def __call__(self, doc: Doc, domain: bool = True) -> Doc:
        titled: list[Candidate] = []
        labels: list[Any] = []
        if domain:
            places = [Candidate(s.start_char, s.end_char, s.label_, "gazetteer", RULE)
                      for s in doc.spans.get(SPANS_KEY, ()) if s.label_ != "PERSON"]
            titled, labels = titled_candidates(doc.text, places, self.res.titles, self.res.particles)
        else:
            labels = speaker_labels(doc.text)  # furniture for the pillars and the commitments all the same
        doc._.briefing_titled = titled
        doc._.briefing_speakers = labels
        return doc


class EntitiesStage(_LessonHolder):
    """Model, gazetteer, titled and learned candidates cleaned up and merged -> ``doc._.briefing_candidates``."""

    def __init__(self, resources: DomainResources) -> None:
        self.res = resources
        self.cleanup = EntityCleanup(resources.gazetteer, resources.particles)

    def __call__(self, doc: Doc, lessons: Any = _OWN, domain: bool = True) -> Doc:
        compiled = self._lessons(lessons)
        text = doc.text
        model = [Candidate(e.start_char, e.end_char, e.label_, "model", MODEL) for e in doc.ents]
        pairs = list(rules.find_acronym_pairs(text))
        if domain:
            entries = self.res.entries
            gaz = [Candidate(s.start_char, s.end_char, s.label_, "gazetteer", RULE, entry=entries.get(s.id_))
                   for s in doc.spans.get(SPANS_KEY, ())]
            learned = []
            if compiled is not None and len(compiled):
                # an added name is a plain "learned" tag; a grown boundary outranks what it grew from
                learned = [Candidate(s.start_char, s.end_char, s.label_, "learned", LEARNED, lesson=s.kb_id_,
                                     lesson_id=int(s.id_)) for s in doc.spans.get(LEARNED_KEY, ())]
            cands = self.cleanup.candidates(text, model, gaz, learned, doc._.briefing_titled or [],
                                            doc._.briefing_speakers or [], pairs, compiled)
        else:
            cands = merge(model, len(text))
        doc._.briefing_acronyms = pairs
        doc._.briefing_candidates = cands
        return doc


class LessonsStage(_LessonHolder):
    """The officer's relabels, rejections and shrunk boundaries applied -> ``doc._.briefing_entities``."""

    def __call__(self, doc: Doc, lessons: Any = _OWN, domain: bool = True) -> Doc:
        compiled = self._lessons(lessons)
        lessons_ = compiled if compiled is not None and len(compiled) else None
        text = doc.text
        out = []
        known: set[tuple[int, int]] | None = None  # spans the domain gazetteer names (read once, when needed)
        for cand in doc._.briefing_candidates or ():
            start, end, label = cand.start, cand.end, cand.label
            why = ""
            while start < end and (_is_pictograph(text[start]) or text[start].isspace()):
                start += 1  # "🇮" of 🇮🇳: an emoji or flag half is never part of an entity (nor one on its own)
            while end > start and (_is_pictograph(text[end - 1]) or text[end - 1].isspace()):
                end -= 1
            if start == end or not any(ch.isalnum() for ch in text[start:end]):
                continue
            if label in NAME_LABELS and DATE_SHAPED.fullmatch(text, start, end):
                label = "DATE"  # "FY2027", "3rd March 2026": whatever stage named it, a date or fiscal year is a date
            if lessons_ is not None:
                if known is None:
                    known = {(s.start_char, s.end_char) for s in doc.spans.get(SPANS_KEY, ())}
                rule = None
                if cand.source == "learned":
                    why = lessons_.origin(cand.lesson_id)
                elif (shrunk := lessons_.shrink(text, start, end)) is not None:
                    start, end, rule = shrunk
                    label = rule.label
                # a tag a rule found (a title before a surname: "Mr Kalvo") has a reading of its own, like a name
                # the gazetteer lists: only the model's guess gives way to the officer's label everywhere
                elif (rule := lessons_.relabel(text, start, end, label,
                                               known=cand.source != "model" or (start, end) in known)) is not None:
                    label = rule.label
                if rule is not None:
                    why = rule.origin
                if lessons_.rejects(text, start, end, label) or (
                        cand.source != "learned" and lessons_.rejected_here(text, start, end, label) is not None):
                    continue
            out.append(EntitySpan(start, end, label, text[start:end], source=cand.source, role=cand.role, why=why))
        doc._.briefing_entities = out
        return doc


class IdentityStage(_LessonHolder):
    """Canonical entity ids (aliases, acronyms, the officer's merges) -> ``doc.spans["briefing_entities"]``."""

    def __init__(self, resources: DomainResources) -> None:
        self.res = resources
        self.particle_keys = frozenset(p.casefold() for p in resources.particles)

    def __call__(self, doc: Doc, lessons: Any = _OWN, domain: bool = True) -> Doc:
        compiled = self._lessons(lessons)
        lessons_ = compiled if compiled is not None and len(compiled) else None
        out: list[EntitySpan] = doc._.briefing_entities or []
        acronyms = {}
        spans = {(e.start, e.end): e for e in out}
        for short, long in doc._.briefing_acronyms or ():
            if short in spans and long in spans:
                acronyms[canonical_text(spans[short].text)] = canonical_text(spans[long].text)
        assign_entity_ids(out, self.res.gazetteer, self.particle_keys,
                          None, acronyms, lessons_.entity_keys() if lessons_ is not None else None)
        if lessons_ is not None and lessons_.entity_keys():
            for ent in out:  # a mention joined to an entity by the officer's merge says so when hovered
                if not ent.why and (merge_ := lessons_.merged(ent.text)) is not None:
                    ent.why = merge_.origin
        doc.spans[ENTITIES_KEY] = [s for e in out if (s := doc.char_span(e.start, e.end, label=e.label,
                                                                         kb_id=e.entity_id, alignment_mode="expand"))]
        return doc


class PillarsStage(_LessonHolder):
    """Sentences scored against the pillars -> ``doc._.briefing_passages``, ``doc.spans["pillars"]``, ``doc.cats``.

    ``doc.cats`` holds, per pillar, the share of the document's passages that carry it.
    """

    def __init__(self, resources: DomainResources, scorer: PillarScorer) -> None:
        self.res = resources
        self.scorer = scorer

    def __call__(self, doc: Doc, lessons: Any = _OWN, domain: bool = True) -> Doc:
        compiled = self._lessons(lessons)
        text = doc.text
        entities: list[EntitySpan] = doc._.briefing_entities or []
        entity_pillars = self.res.entity_pillars if domain else None
        cued, acronym_pillars = self._acronym_cues(entities, entity_pillars) if domain else (entities, {})
        ent_starts = [x.start for x in cued]
        spans = []
        for s, e in sentence_spans(text):
            inside = [x for x in cued[bisect_left(ent_starts, s):bisect_left(ent_starts, e)] if x.end <= e]
            spans.append((s, e, inside))
        if acronym_pillars:
            entity_pillars = {**(entity_pillars or {}), **acronym_pillars}
        scorer = compiled.scorer() if compiled is not None else self.scorer
        # the speaker labels the title stage found: one search per analysis
        passages: list[Passage] = scorer.passages(text, spans, entity_pillars, doc._.briefing_speakers)
        doc._.briefing_passages = passages
        group, counts = [], dict.fromkeys((p.id for p in self.scorer.pillars), 0)
        for p in passages:
            for pillar in p.pillars:
                counts[pillar] = counts.get(pillar, 0) + 1
                span = doc.char_span(p.start, p.end, label=pillar, alignment_mode="expand")
                if span is not None:
                    group.append(span)
        doc.spans[PILLARS_KEY] = group
        doc.cats = {pillar: n / len(passages) if passages else 0.0 for pillar, n in counts.items()}
        return doc

    def _acronym_cues(self, entities: list[EntitySpan], known: dict[str, list[str]] | None
                      ) -> tuple[list[EntitySpan], dict[str, list[str]]]:
        """Entities for pillar scoring: an acronym used alone ("OSA") carries the topic of its long form
        ("Official Security Assistance"), as the gazetteer's entries carry theirs."""
        longs: dict[str, str] = {}
        for e in entities:
            if " " in e.text and e.entity_id:
                longs.setdefault(e.entity_id, e.text)
        pillars: dict[str, list[str]] = {}
        out = entities
        for i, e in enumerate(entities):
            long = longs.get(e.entity_id)
            if long is None or " " in e.text or not e.text.isupper() or (known and e.entity_id in known):
                continue
            key = "acronym:" + e.entity_id
            if key not in pillars:
                raw, _ = self.scorer.raw_scores(long)
                pillars[key] = self.scorer.choose(raw)
            if pillars[key]:
                if out is entities:
                    out = list(entities)
                out[i] = replace(e, entity_id=key)
        return out, {k: v for k, v in pillars.items() if v}


class CommitmentsStage:
    """Commitments in the text (nlp/commitments.py; loads the parser on first use) -> ``doc._.briefing_commitments``.

    Off unless ``enabled`` (the component's setting, or per call): the parser costs up to a third of stock
    spaCy's time, and only the ``analyze`` contract and the drafting service use commitments.
    """

    def __init__(self, model: str, enabled: bool) -> None:
        self.model = model
        self.enabled = enabled

    def __call__(self, doc: Doc, enabled: bool | None = None) -> Doc:
        found: list[Any] = []
        if (self.enabled if enabled is None else enabled) and self.model:
            from briefing_app.nlp.commitments import extract_commitments

            passages = doc._.briefing_passages or []
            found = extract_commitments(doc.text, doc._.briefing_entities or [], self.model,
                                        [(p.start, p.end) for p in passages], doc._.briefing_speakers)
        doc._.briefing_commitments = found
        return doc


# ---------------------------------------------------------------------- factories
@Language.factory(GAZETTEER)
def make_gazetteer(nlp: Language, name: str) -> GazetteerStage:
    """The gazetteer ruler (see :class:`GazetteerStage`)."""
    return GazetteerStage(nlp)


@Language.factory(LEARNED_NAMES)
def make_learned_names(nlp: Language, name: str) -> LearnedNamesStage:
    """The lesson finder (see :class:`LearnedNamesStage`)."""
    return LearnedNamesStage()


@Language.factory(TITLES)
def make_titles(nlp: Language, name: str) -> TitlesStage:
    """The title rules (see :class:`TitlesStage`)."""
    return TitlesStage(domain_resources())


@Language.factory(ENTITIES)
def make_entities(nlp: Language, name: str) -> EntitiesStage:
    """The entity clean-up (see :class:`EntitiesStage`)."""
    return EntitiesStage(domain_resources())


@Language.factory(LESSONS)
def make_lessons(nlp: Language, name: str) -> LessonsStage:
    """The lesson stage (see :class:`LessonsStage`)."""
    return LessonsStage()


@Language.factory(IDENTITY)
def make_identity(nlp: Language, name: str) -> IdentityStage:
    """Entity ids (see :class:`IdentityStage`)."""
    return IdentityStage(domain_resources())


@Language.factory(PILLARS)
def make_pillars(nlp: Language, name: str) -> PillarsStage:
    """The pillar scorer (see :class:`PillarsStage`)."""
    return PillarsStage(domain_resources(), default_scorer())


@Language.factory(COMMITMENTS, default_config={"model": "", "enabled": False})
def make_commitments(nlp: Language, name: str, model: str, enabled: bool) -> CommitmentsStage:
    """Commitment extraction (see :class:`CommitmentsStage`); ``model`` names the parser pipeline."""
    return CommitmentsStage(model, enabled)


def add_stages(nlp: Language, commitments_model: str = "", matcher: GazetteerMatcher | None = None) -> None:
    """Append the app's stages to ``nlp`` (a loaded model or a blank one), in order; ``matcher``: the
    gazetteer already compiled for ``nlp``'s tokenizer (else it is compiled, or read from its cache, on first use)."""
    for name in STAGES:
        if name in nlp.pipe_names:
            continue
        config = {"model": commitments_model} if name == COMMITMENTS else {}
        nlp.add_pipe(name, config=config)
    if matcher is not None:
        cast(GazetteerStage, nlp.get_pipe(GAZETTEER)).use_matcher(matcher)


def set_lessons(nlp: Language, lessons: CompiledLessons | None) -> None:
    """Swap the compiled lessons every lesson-reading stage of ``nlp`` uses when a call passes none
    (plain ``nlp(text)``); the analyser passes its own per call instead."""
    for _name, proc in nlp.pipeline:
        if isinstance(proc, _LessonHolder):
            proc.set_lessons(lessons)


def stage_config(lessons: CompiledLessons | None, domain: bool, commitments: bool) -> dict[str, dict[str, Any]]:
    """``component_cfg`` for one analysis (fresh dicts: spaCy adds keys to them)."""
    cfg: dict[str, dict[str, Any]] = {name: {"domain": domain} for name in STAGES if name != COMMITMENTS}
    for name in (LEARNED_NAMES, ENTITIES, LESSONS, IDENTITY, PILLARS):
        cfg[name]["lessons"] = lessons
    cfg[COMMITMENTS] = {"enabled": commitments}
    return cfg


def analyse(nlp: Language, text: str, cfg: dict[str, dict[str, Any]] | None = None,
            progress: ProgressCallback | None = None, cancel: CancelCheck | None = None) -> Doc:
    """Run ``text`` through the pipeline once: token stages chunk by chunk (``nlp.pipe``), document stages on
    the joined Doc. ``progress(done_chars, total)`` after each chunk; ``cancel()`` checked before each."""
    cfg = cfg if cfg is not None else {}
    names = set(nlp.pipe_names)
    document = [name for name in nlp.pipe_names if name in DOCUMENT_STAGES]
    chunks = chunk_spans(text, CHUNK_CHARS)

    def texts() -> Iterator[str]:
        for start, end in chunks:
            if cancel is not None and cancel():
                raise AnalysisCancelled()
            yield text[start:end]

    token_cfg = {name: dict(value) for name, value in cfg.items() if name in names and name not in DOCUMENT_STAGES}
    parts = []
    for (_start, end), part in zip(chunks, nlp.pipe(texts(), batch_size=1, disable=document,
                                                    component_cfg=token_cfg), strict=True):
        parts.append(part)
        if progress is not None:
            progress(end, len(text))
    if cancel is not None and cancel():
        raise AnalysisCancelled()
    if len(parts) == 1:
        doc = parts[0]
    elif parts:
        # tokens, entities and span groups are all the document stages read (the rest would only cost time)
        doc = Doc.from_docs(parts, ensure_whitespace=False, attrs=["ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID"],
                            exclude=["tensor", "user_data"])  # type: ignore[call-arg]  # missing in spaCy's stub
        parts.clear()  # the chunk Docs are not needed any more: free them before the document stages
    else:
        doc = nlp.make_doc(text)
    for name in document:
        doc = nlp.get_pipe(name)(doc, **cfg.get(name, {}))
    return doc


__all__ = ["CHUNK_CHARS", "STAGES", "TOKEN_STAGES", "DOCUMENT_STAGES", "add_stages", "analyse", "set_lessons", "stage_config",
           "domain_resources", "restore_domain_resources", "DomainResources"]
