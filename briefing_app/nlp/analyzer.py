"""The analyser: model NER + gazetteer + title/alias rules -> entities; pillar scoring -> passages."""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from briefing_app.nlp import rules
from briefing_app.nlp.aliases import assign_entity_ids, canonical_text
from briefing_app.nlp.chunking import chunk_spans, sentence_spans
from briefing_app.nlp.entities import (
    DATE_RULE,
    LEARNED,
    MODEL,
    RULE,
    SURNAME,
    TITLE,
    Candidate,
    clean_model_span,
    contains,
    merge,
    promote_containers,
    strip_prefixes,
)
from briefing_app.nlp.gazetteer import SPANS_KEY, Gazetteer, default_gazetteer
from briefing_app.nlp.gazetteer_matcher import GazetteerMatcher, load_gazetteer_matcher
from briefing_app.nlp.lessons import ADD, CompiledLessons, LessonRule
from briefing_app.nlp.model_loading import (
    DEFAULT_MODEL,
    ModelUnavailable,
    load_pipeline,
    split_abbreviation_dashes,
)
from briefing_app.nlp.pillars import PillarScorer, default_scorer
from briefing_app.nlp.titles import OFFICE_WORDS, TitleMatcher, extend_name, find_peers, surname_of
from briefing_app.nlp.types import (
    AnalysisCancelled,
    AnalysisResult,
    CancelCheck,
    EntitySpan,
    ProgressCallback,
)

if TYPE_CHECKING:
    from spacy.language import Language

#: Characters per chunk handed to spaCy; long texts are processed chunk by chunk.
CHUNK_CHARS = 8_000
#: Words after a one-word name that make it a speaker ("Šefčovič said").
_SPEECH = re.compile(r"['’]?s?\s+(?:said|says|told|added|noted|stressed|announced|thanked|urged|wrote|argued|"
                     r"warned|insisted|replied|asked|explained|remarked|emphasised|emphasized|tweeted|posted)\b")
#: Prepositions before a one-word "person" that make it a place ("at Kiel", "in Pune").
_LOCATIVE = re.compile(r"\b(?:at|in|near|off|from|to|across|via)\s+$")
#: A lowercase noun right after a one-word name: used as a modifier ("Dakar plant", "Jaitapur nuclear project").
_MODIFIER = re.compile(r"\s+(?!(?:and|or|has|had|have|was|is|will|would|were|are|also|who|which|did|does|could|can|"
                       r"may|might|should|must|then|later|on|in|at|to|with|for|of|by|from)\b)[a-z]{3,}\b")


@dataclass
class _Shared:
    """Heavy objects shared by every analyser built on the same model (read-only after build)."""

    nlp: Any
    mode: str
    mode_message: str
    gazetteer: Gazetteer
    ruler: GazetteerMatcher
    titles: TitleMatcher
    scorer: PillarScorer
    entity_pillars: dict[str, list[str]]
    particles: tuple[str, ...]
    model_name: str = ""


_CACHE: dict[str, _Shared] = {}
_CACHE_LOCK = threading.Lock()


def _shared(model: str | None) -> _Shared:
    name = model or DEFAULT_MODEL
    with _CACHE_LOCK:
        if name in _CACHE:
            return _CACHE[name]
        try:
            nlp: Language = load_pipeline(name)
            mode, message = "model", ""
        except ModelUnavailable as exc:
            import spacy

            nlp, mode, message = spacy.blank("en"), "rules-only", str(exc)
        split_abbreviation_dashes(nlp)
        gazetteer = default_gazetteer()
        shared = _Shared(
            nlp=nlp, mode=mode, mode_message=message, gazetteer=gazetteer,
            ruler=load_gazetteer_matcher(nlp, gazetteer), titles=TitleMatcher.build(gazetteer),
            scorer=default_scorer(),
            entity_pillars={e.entity_id: e.pillars for e in gazetteer.entries if e.pillars},
            particles=tuple(gazetteer.name_particles), model_name=name if mode == "model" else "",
        )
        _CACHE[name] = shared
        return shared


@dataclass
class Analyzer:
    """Finds entities and pillar passages in normalised text. Thread-safe for concurrent ``analyze``."""

    shared: _Shared
    lessons: CompiledLessons | None = None
    use_domain: bool = True
    #: Also extract commitments (loads the parser pipeline on first use; only candidate sentences are parsed).
    find_commitments: bool = True

    @property
    def scorer(self) -> PillarScorer:
        """The pillar scorer, with the officer's pillar lessons when there are any."""
        if self.lessons is not None:
            scorer: PillarScorer = self.lessons.scorer()
            return scorer
        return self.shared.scorer

    @property
    def mode(self) -> str:
        """"model" or "rules-only" (no spaCy model could be loaded)."""
        return self.shared.mode

    @property
    def mode_message(self) -> str:
        """Why the analyser runs rules-only; empty otherwise."""
        return self.shared.mode_message

    @property
    def nlp(self) -> Any:
        """The loaded spaCy pipeline (shared)."""
        return self.shared.nlp

    def compile_lessons(self, rules: list[LessonRule] | None = None) -> CompiledLessons:
        """A new compiled lesson set for this analyser's pipeline (update it with ``sync``)."""
        compiled = CompiledLessons(self.nlp, self.shared.scorer)
        if rules:
            compiled.sync(rules)
        return compiled

    def with_lessons(self, lessons: CompiledLessons | None) -> Analyzer:
        """A new analyser applying ``lessons``; shares the loaded pipeline (cheap)."""
        return Analyzer(self.shared, lessons, self.use_domain, self.find_commitments)

    # ------------------------------------------------------------------ analysis
    def analyze(self, text: str, progress: ProgressCallback | None = None,
                cancel: CancelCheck | None = None) -> AnalysisResult:
        """Entities and passages of ``text`` (already normalised; offsets are code points into it)."""
        total = len(text)
        model_cands, gaz_cands, learned = self._run_pipeline(text, progress, cancel)
        if cancel is not None and cancel():
            raise AnalysisCancelled()
        if self.use_domain:
            cands = self._domain_candidates(text, model_cands, gaz_cands, learned)
        else:
            cands = merge(model_cands, total)
        entities = self._finish(text, cands)
        ent_starts = [x.start for x in entities]
        spans = []
        for s, e in sentence_spans(text):
            inside = [x for x in entities[bisect_left(ent_starts, s):bisect_left(ent_starts, e)] if x.end <= e]
            spans.append((s, e, inside))
        passages = self.scorer.passages(
            text, spans, self.shared.entity_pillars if self.use_domain else None)
        commitments = []
        if self.find_commitments and self.shared.model_name:
            from briefing_app.nlp.commitments import extract_commitments

            commitments = extract_commitments(text, entities, self.shared.model_name,
                                              [(p.start, p.end) for p in passages])
        if progress is not None:
            progress(total, total)
        return AnalysisResult(text=text, entities=entities, passages=passages, mode=self.mode,
                              commitments=commitments)

    def _run_pipeline(self, text: str, progress: ProgressCallback | None,
                      cancel: CancelCheck | None) -> tuple[list[Candidate], list[Candidate], list[Candidate]]:
        """Model, gazetteer and lesson candidates, chunk by chunk, offsets shifted back into ``text``."""
        chunks = chunk_spans(text, CHUNK_CHARS)
        model: list[Candidate] = []
        gaz: list[Candidate] = []
        learned: list[Candidate] = []
        lessons = self.lessons if self.lessons is not None and len(self.lessons) else None
        entries = {e.entity_id: e for e in self.shared.gazetteer.entries}

        def texts():
            for start, end in chunks:
                if cancel is not None and cancel():
                    raise AnalysisCancelled()
                yield text[start:end]

        for (offset, end), doc in zip(chunks, self.nlp.pipe(texts(), batch_size=1), strict=True):
            if self.mode == "model":
                for ent in doc.ents:
                    model.append(Candidate(offset + ent.start_char, offset + ent.end_char, ent.label_, "model", MODEL))
            if self.use_domain:
                self.shared.ruler(doc)
                for span in doc.spans[SPANS_KEY]:
                    entry = entries.get(span.id_)
                    gaz.append(Candidate(offset + span.start_char, offset + span.end_char, span.label_,
                                         "gazetteer", RULE, entry=entry))
            if self.use_domain and lessons is not None:
                # an added name is a plain "learned" tag; a grown boundary outranks what it grew from
                learned += [Candidate(h.start, h.end, h.label, "learned", LEARNED, lesson=h.action, lesson_id=h.lesson_id)
                            for h in lessons.find(doc, offset)]
            if progress is not None:
                progress(end, len(text))
        return model, gaz, learned

    def _domain_candidates(self, text: str, model: list[Candidate], gaz: list[Candidate],
                           learned: list[Candidate] = ()) -> list[Candidate]:  # type: ignore[assignment]
        """All candidates after domain rules: model fixes, titles, initiatives, dates, learned names."""
        g = self.shared.gazetteer
        total = len(text)
        fixed = [c2 for c in model if (c2 := clean_model_span(text, c, g, OFFICE_WORDS)) is not None]
        rule_cands = list(gaz)
        for start, end, label in rules.find_initiatives(text):
            cand = strip_prefixes(text, Candidate(start, end, label, "gazetteer", RULE), gaz)
            if cand is not None:
                rule_cands.append(cand)
        for start, end in rules.find_institutions(text):
            rule_cands.append(Candidate(start, end, "ORG", "gazetteer", RULE))
        titled = []
        places = sorted((r for r in gaz if r.label != "PERSON"), key=lambda c: c.start)
        place_starts = [r.start for r in places]
        for t in self.shared.titles.find(text):
            end = extend_name(text, t.name_end, self.shared.particles)
            near = places[bisect_left(place_starts, t.name_start - 300):bisect_left(place_starts, end)]
            blocked = any(r.start < end and t.name_start < r.end for r in near)
            if not blocked:
                titled.append(Candidate(t.name_start, end, "PERSON", "gazetteer", TITLE, role=t.role))
        # a peer's territorial designation ("of Flint") is part of the name, even where it is a known place
        titled += [Candidate(t.name_start, t.name_end, "PERSON", "gazetteer", TITLE, role=t.role) for t in find_peers(text)]
        dates = [Candidate(s, e, "DATE", "gazetteer", DATE_RULE) for s, e in rules.find_dates(text)]
        fixed = promote_containers(text, fixed, rule_cands)
        base = fixed + rule_cands + titled + dates
        base += _not_inside(learned, base)
        merged = merge(base, total)
        extra = self._person_rules(text, merged, fixed)
        extra += self._acronym_rules(text, merged)
        return merge(base + extra, total) if extra else merged

    def _person_rules(self, text: str, merged: list[Candidate], model: list[Candidate]) -> list[Candidate]:
        """Multi-token names kept whole and surnames carried over to later (or earlier) mentions."""
        extra = []
        particles = frozenset(p.casefold() for p in self.shared.particles)
        by_start = {c.start: c for c in model}
        names = set()
        for c in merged:
            if c.label != "PERSON":
                continue
            end = extend_name(text, c.end, self.shared.particles)
            nxt = by_start.get(end + 1)
            # "António" PERSON + "Costa" GPE: one capitalised word right after a name is its surname
            if (nxt is not None and text[end:end + 1] == " " and nxt.label in ("GPE", "ORG", "NORP", "PERSON")
                    and " " not in text[nxt.start:nxt.end] and self.shared.gazetteer.lookup(text[nxt.start:nxt.end]) is None):
                end = nxt.end
            if end != c.end:
                extra.append(Candidate(c.start, end, "PERSON", c.source, TITLE, role=c.role))
            names.add(text[c.start:end])
        surnames = {s for n in names if (s := surname_of(" ".join(n.split()), particles))}
        persons = sorted((c for c in merged + extra if c.label == "PERSON"), key=lambda c: c.start)
        person_starts = [c.start for c in persons]
        for surname in surnames:
            for m in re.finditer(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", text):
                if contains(persons, person_starts, m.start(), m.end()):
                    continue  # part of the full name itself
                extra.append(Candidate(m.start(), m.end(), "PERSON", "gazetteer", SURNAME))
        known = {w for n in names if len(n.split()) > 1 for w in n.split()}
        extra += self._orphan_rules(text, merged, known)
        extra += _place_rules(text, merged, self.shared.gazetteer)
        return extra

    def _orphan_rules(self, text: str, merged: list[Candidate], known: set[str]) -> list[Candidate]:
        """Fix one-word model names: "Šefčovič said" is a person; "at Kiel", "Dakar plant" are places."""
        extra = []
        g = self.shared.gazetteer
        for c in merged:
            if c.source != "model" or " " in text[c.start:c.end] or g.lookup(text[c.start:c.end]) is not None:
                continue
            after = text[c.end:c.end + 20]
            before = text[max(0, c.start - 8):c.start]
            if c.label in ("GPE", "ORG", "NORP", "LOC") and _SPEECH.match(after):
                extra.append(Candidate(c.start, c.end, "PERSON", "model", TITLE))
            elif c.label == "PERSON" and text[c.start:c.end] not in known and not c.role:
                if _LOCATIVE.search(before) or (_MODIFIER.match(after) and not _SPEECH.match(after)):
                    extra.append(Candidate(c.start, c.end, "GPE", "model", TITLE))
        return extra

    def _acronym_rules(self, text: str, merged: list[Candidate]) -> list[Candidate]:
        """An acronym and its spelled-out form share a label ("COMPACT (Catalyzing ... Technology)")."""
        extra = []
        at = {(c.start, c.end): c for c in merged}
        for short, long in rules.find_acronym_pairs(text):
            known = at.get(short)
            if known is not None and known.label != "PERSON" and long not in at:
                extra.append(Candidate(long[0], long[1], known.label, known.source, RULE + 0.1))
        return extra

    def _finish(self, text: str, cands: list[Candidate]) -> list[EntitySpan]:
        """Candidates -> EntitySpans with the officer's relabels/rejections and canonical ids."""
        lessons = self.lessons if self.lessons is not None and len(self.lessons) else None
        out = []
        for cand in cands:
            start, end, label = cand.start, cand.end, cand.label
            why = ""
            if lessons is not None:
                rule = None
                if cand.source == "learned":
                    why = lessons.origin(cand.lesson_id)
                elif (shrunk := lessons.shrink(text, start, end)) is not None:
                    start, end, rule = shrunk
                    label = rule.label
                elif (rule := lessons.relabel(text, start, end, label)) is not None:
                    label = rule.label
                if rule is not None:
                    why = rule.origin
                if lessons.is_rejected(text[start:end], label):
                    continue
            out.append(EntitySpan(start, end, label, text[start:end], source=cand.source, role=cand.role, why=why))
        acronyms = {}
        spans = {(e.start, e.end): e for e in out}
        for short, long in rules.find_acronym_pairs(text):
            if short in spans and long in spans:
                acronyms[canonical_text(spans[short].text)] = canonical_text(spans[long].text)
        assign_entity_ids(out, self.shared.gazetteer, frozenset(p.casefold() for p in self.shared.particles),
                          None, acronyms, lessons.entity_keys() if lessons is not None else None)
        return out


def _not_inside(learned: list[Candidate], base: list[Candidate]) -> list[Candidate]:
    """Added names, except where a longer entity contains them ("India" in "Make in India", "Air India").

    A grown boundary ("Quad Cancer Moonshot") is kept: it is itself the longer name.
    """
    if not learned:
        return []
    ordered = sorted(base, key=lambda c: c.start)
    starts = [c.start for c in ordered]
    return [c for c in learned if c.lesson != ADD or not contains(ordered, starts, c.start, c.end)]


#: Last words of facility / geographic-feature names ("Crocus City Hall", "Lipulekh Pass").
_FAC_HEADS = frozenset("""Hall Camp Hospital Highway Airport Airbase Bridge Dam Stadium Palace Barracks Shipyard Dockyard
Terminal Refinery Square Avenue Tower Museum Memorial Cathedral Mosque Temple Megaport""".split())
_LOC_HEADS = frozenset("""Pass Valley Mountains River Lake Island Islands Peninsula Strait Straits Bay Sea Desert Plateau
Glacier Reef Shoal Delta Basin Volcano Coast Archipelago""".split())
#: First words of institutions named "X of/for Y" ("Centre for European Policy Studies").
_ORG_FIRST = frozenset("""Centre Center Institute Council Ministry Department Bank University Office Commission Agency
Academy School College Society Association Federation Foundation Board Bureau Court Union League""".split())
#: Words that make a short name an organisation, never a place.
_ORG_WORDS = frozenset("""Group Bank Ltd Limited Inc Corporation Corp Company Co Institute University Council Commission
Ministry Agency Authority Party Forces Army Navy Association Foundation Fund Organisation Organization Committee Office
Department Studies Centre Center News Times Post Airlines Motors Technologies Systems Holdings Partners Capital Media
Aerospace Industries Shipbuilders Club Team""".split())
_GEO_AFTER = re.compile(r"\s+(?:County|Province|State|District|Region|Governorate|Oblast|Prefecture|volcano|river|dam|"
                        r"canal|port|megaport|valley|border|crossing|province|county|district|region|island|state|city)\b")
_GEO_BEFORE = re.compile(r"(?:\b(?:in|near|outside|around)|\b(?:port|city|town|state|province|region|district|"
                         r"village|island|capital) of)\s+$")
_NOT_LOCATIVE = re.compile(r"\b(?:invest\w*|stake\w*|shares?|role|interest|confidence|trust|faith|partners?)\s+in\s+$")
_COORD = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|or|&)\s+)")


def _place_rules(text: str, merged: list[Candidate], g: Gazetteer) -> list[Candidate]:
    """Relabel model names by general cues: facility/feature head nouns, "in X", "X County", coordination with places."""
    extra = []
    labels = {}
    for c in merged:
        if c.source != "model" or c.label not in ("ORG", "PERSON", "GPE", "FAC", "NORP", "LOC", "WORK_OF_ART"):
            continue
        surface = text[c.start:c.end]
        words = surface.split()
        if not words or g.lookup(surface) is not None:
            continue
        new = None
        if len(words) >= 2 and words[0] in _ORG_FIRST and words[1] in ("for", "of") and c.label != "ORG":
            new = "ORG"
        elif len(words) >= 2 and words[-1] in _FAC_HEADS and c.label != "FAC":
            new = "FAC"
        elif len(words) >= 2 and words[-1] in _LOC_HEADS and c.label not in ("LOC", "GPE"):
            new = "LOC"
        elif (c.label in ("ORG", "PERSON", "NORP") and len(words) <= 3 and not surface.isupper()
              and not any(ch.isdigit() for ch in surface) and not any(w in _ORG_WORDS for w in words)
              and not c.role):
            before = text[max(0, c.start - 40):c.start]
            if ((_GEO_BEFORE.search(before) and not _NOT_LOCATIVE.search(before))
                    or _GEO_AFTER.match(text, c.end)):
                new = "GPE"
        if new is not None:
            extra.append(Candidate(c.start, c.end, new, "model", TITLE))
            labels[c.start] = new
    # "São Paulo and Minas Gerais", "Lomé, Tema": a short model name coordinated with a place is a place
    ordered = sorted(merged, key=lambda c: c.start)
    for i, c in enumerate(ordered):
        if (c.source != "model" or c.label not in ("ORG", "PERSON") or c.role or c.start in labels
                or len(text[c.start:c.end].split()) > 3 or text[c.start:c.end].isupper()
                or any(w in _ORG_WORDS for w in text[c.start:c.end].split())):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(ordered):
                n = ordered[j]
                gap = text[n.end:c.start] if j < i else text[c.end:n.start]
                if labels.get(n.start, n.label) in ("GPE", "LOC") and _COORD.fullmatch(gap):
                    extra.append(Candidate(c.start, c.end, "GPE", "model", TITLE))
                    break
    return extra


def create_analyzer(model: str | None = None, lessons: CompiledLessons | None = None,
                    use_domain: bool = True) -> Analyzer:
    """An analyser for ``model`` (default: the bundled English model).

    Never raises for a missing or broken model: the analyser then runs rules-only
    (gazetteer, title rules, regex dates, pillars) with ``mode_message`` explaining why.
    The loaded pipeline is cached and shared by every analyser of the same model.
    """
    return Analyzer(_shared(model), lessons, use_domain)


__all__ = ["Analyzer", "create_analyzer", "replace"]
