"""The analyser: a spaCy pipeline of the model and the app's stages (nlp/pipeline.py) -> entities and passages."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, cast

from briefing_app.nlp import pipeline
from briefing_app.nlp.cleanup import _spans_sentence_end
from briefing_app.nlp.gazetteer import Gazetteer
from briefing_app.nlp.gazetteer_matcher import GazetteerMatcher
from briefing_app.nlp.lessons import CompiledLessons, LessonRule
from briefing_app.nlp.model_loading import (
    DEFAULT_MODEL,
    ModelUnavailable,
    split_abbreviation_dashes,
)
from briefing_app.nlp.pillars import PillarScorer
from briefing_app.nlp.pipeline_cache import load_compiled
from briefing_app.nlp.titles import TitleMatcher
from briefing_app.nlp.types import (
    AnalysisResult,
    CancelCheck,
    ProgressCallback,
)

if TYPE_CHECKING:
    from spacy.language import Language

#: Characters per chunk handed to spaCy (kept here for callers; the pipeline module owns it).
CHUNK_CHARS = pipeline.CHUNK_CHARS


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


def build_pipeline(model: str | None = None) -> tuple[Language, str, str]:
    """(nlp, mode, message): ``model`` loaded (or a blank English pipeline, rules-only) with the app's stages added."""
    name = model or DEFAULT_MODEL
    matcher = None
    try:
        # The model with the dash rule and the compiled gazetteer, from the on-disk cache when current.
        nlp, compiled = load_compiled(name)
        pipeline.restore_domain_resources(compiled.resources)
        matcher, mode, message = compiled.matcher, "model", ""
    except ModelUnavailable as exc:
        import spacy

        nlp, mode, message = spacy.blank("en"), "rules-only", str(exc)
        split_abbreviation_dashes(nlp)
    pipeline.add_stages(nlp, commitments_model=name if mode == "model" else "", matcher=matcher)
    return nlp, mode, message


def _shared(model: str | None) -> _Shared:
    name = model or DEFAULT_MODEL
    with _CACHE_LOCK:
        if name in _CACHE:
            return _CACHE[name]
        nlp, mode, message = build_pipeline(name)
        shared = _from_pipeline(nlp, mode, message)
        _CACHE[name] = shared
        return shared


def _from_pipeline(nlp: Language, mode: str = "model", message: str = "") -> _Shared:
    """The shared state of an analyser on ``nlp`` (a pipeline with the app's stages)."""
    res = pipeline.domain_resources()
    ruler = cast(pipeline.GazetteerStage, nlp.get_pipe(pipeline.GAZETTEER)).matcher
    scorer = cast(pipeline.PillarsStage, nlp.get_pipe(pipeline.PILLARS)).scorer
    commitments = cast(pipeline.CommitmentsStage, nlp.get_pipe(pipeline.COMMITMENTS))
    return _Shared(
        nlp=nlp, mode=mode, mode_message=message, gazetteer=res.gazetteer, ruler=ruler, titles=res.titles,
        scorer=scorer, entity_pillars=res.entity_pillars, particles=res.particles, model_name=commitments.model,
    )


@dataclass
class Analyzer:
    """Finds entities and pillar passages in normalised text. Thread-safe for concurrent ``analyze``."""

    shared: _Shared
    lessons: CompiledLessons | None = None
    use_domain: bool = True
    #: Also extract commitments (loads the parser pipeline on first use; only candidate sentences are parsed).
    #: Off for the review path (imports, the window): the parser costs up to a third of stock spaCy's time,
    #: and only the ``analyze`` contract and the drafting service use commitments.
    find_commitments: bool = False

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
        """The loaded spaCy pipeline with the app's stages (shared)."""
        return self.shared.nlp

    def compile_lessons(self, rules: list[LessonRule] | None = None) -> CompiledLessons:
        """A new compiled lesson set for this analyser's pipeline (update it with ``sync``)."""
        compiled = CompiledLessons(self.nlp, self.shared.scorer, self.shared.entity_pillars)
        if rules:
            compiled.sync(rules)
        return compiled

    def with_lessons(self, lessons: CompiledLessons | None) -> Analyzer:
        """A new analyser applying ``lessons``; shares the loaded pipeline (cheap: lessons go in per call)."""
        return Analyzer(self.shared, lessons, self.use_domain, self.find_commitments)

    # ------------------------------------------------------------------ analysis
    def analyze(self, text: str, progress: ProgressCallback | None = None,
                cancel: CancelCheck | None = None) -> AnalysisResult:
        """Entities and passages of ``text`` (already normalised; offsets are code points into it)."""
        cfg = pipeline.stage_config(self.lessons, self.use_domain, self.find_commitments)
        doc = pipeline.analyse(self.nlp, text, cfg, progress, cancel)
        if progress is not None:
            progress(len(text), len(text))
        return AnalysisResult(text=text, entities=doc._.briefing_entities, passages=doc._.briefing_passages,
                              mode=self.mode, commitments=doc._.briefing_commitments)


def create_analyzer(model: str | None = None, lessons: CompiledLessons | None = None,
                    use_domain: bool = True, find_commitments: bool = False) -> Analyzer:
    """An analyser for ``model`` (default: the bundled English model).

    Never raises for a missing or broken model: the analyser then runs rules-only
    (gazetteer, title rules, regex dates, pillars) with ``mode_message`` explaining why.
    The loaded pipeline is cached and shared by every analyser of the same model.
    """
    return Analyzer(_shared(model), lessons, use_domain, find_commitments)


def analyzer_for(nlp: Language, lessons: CompiledLessons | None = None, use_domain: bool = True,
                 find_commitments: bool = False) -> Analyzer:
    """An analyser on an existing pipeline with the app's stages (e.g. one restored with ``spacy.load``)."""
    return Analyzer(_from_pipeline(nlp), lessons, use_domain, find_commitments)


__all__ = ["Analyzer", "analyzer_for", "build_pipeline", "create_analyzer", "replace", "_spans_sentence_end"]
