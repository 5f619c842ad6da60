"""The analyser as a spaCy pipeline (issue 12, item 8): registered stages, one pass, saved and restored whole."""

from __future__ import annotations

import json
import os
import pickle
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import spacy

from briefing_app.nlp import cleanup, pillars, pipeline, rules, transcript
from briefing_app.nlp.analyzer import Analyzer, analyzer_for
from briefing_app.nlp.lessons import LessonRule
from tests.nlp.conftest import GOLD_DIR, ROUND3_DIR

#: A made-up text that every stage has something to do with.
TEXT = ("Foreign Minister Ilse Varnhagen of Norland met officials of the Ministry of External Affairs (MEA) in "
        "New Delhi on 9 October 2025 to discuss Project Zephyr Bridge.\n"
        "The MEA said both sides would expand naval exercises and counter-terrorism cooperation. "
        "Varnhagen later toured Kochi.")
LESSONS = [LessonRule(1, "add", "Project Zephyr Bridge", "LAW"), LessonRule(2, "reject", "Kochi", "GPE")]

#: Analyses recorded before the analyser became a pipeline (entities, passages): the refactor changed nothing.
#: Regenerate only for an intended change: BRIEFING_RECORD_PIPELINE=1 pytest tests/nlp/test_pipeline.py
RECORDED = Path(__file__).parent / "data" / "pipeline_recorded.json"


def _recorded_texts() -> dict[str, str]:
    long = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(ROUND3_DIR.glob("*.txt"))[:6])
    return {
        "emoji": "🇮🇳 India 🤝 🇺🇸 US leaders met 😀 in New Delhi on 5 May 2025. 🎉\n\n👍 Modi said.",
        "devanagari": "प्रधानमंत्री नरेंद्र मोदी ने नई दिल्ली में बैठक की। India and भारत signed.\nश्री जयशंकर ने कहा।",
        "gold": (GOLD_DIR / "india-france-leaders-call.txt").read_text(encoding="utf-8"),
        "several chunks": long,
    }


def _contract(analyzer: Analyzer, text: str) -> dict[str, object]:
    result = analyzer.analyze(text)
    return {"entities": [e.to_json() | {"role": e.role, "why": e.why} for e in result.entities],
            "passages": [p.to_json() for p in result.passages]}


def test_the_stages_are_listed_in_order(analyzer: Analyzer) -> None:
    names = analyzer.nlp.pipe_names
    assert names[-len(pipeline.STAGES):] == list(pipeline.STAGES)
    assert names.index("ner") < names.index(pipeline.GAZETTEER), "the model's entities come first"
    assert names == ["ner", "briefing_gazetteer", "briefing_learned_names", "briefing_titles", "briefing_entities",
                     "briefing_lessons", "briefing_identity", "briefing_pillars", "briefing_commitments"]


def test_a_saved_pipeline_analyses_identically(analyzer: Analyzer, tmp_path: Path) -> None:
    analyzer.nlp.to_disk(tmp_path / "pipeline")
    restored = spacy.load(tmp_path / "pipeline")
    assert restored.pipe_names == analyzer.nlp.pipe_names
    copy = analyzer_for(restored)
    taught, taught_copy = (a.with_lessons(a.compile_lessons(LESSONS)) for a in (analyzer, copy))
    for text in [TEXT, *_recorded_texts().values()]:
        assert _contract(copy, text) == _contract(analyzer, text)
        assert _contract(taught_copy, text) == _contract(taught, text)
    # the restored tokenizer still splits "U.S.–India" (the gazetteer table was saved for it)
    assert [t.text for t in restored.make_doc("U.S.–India")] == ["U.S.", "–", "India"]


def test_the_refactor_changed_no_analysis(analyzer: Analyzer) -> None:
    texts = _recorded_texts()
    now = {name: _contract(analyzer, text) for name, text in texts.items()}
    assert len(pipeline.chunk_spans(texts["several chunks"], pipeline.CHUNK_CHARS)) > 1
    if os.environ.get("BRIEFING_RECORD_PIPELINE"):
        RECORDED.parent.mkdir(exist_ok=True)
        RECORDED.write_text(json.dumps(now, ensure_ascii=False, indent=0), encoding="utf-8")
    assert now == json.loads(RECORDED.read_text(encoding="utf-8"))


def test_each_stage_leaves_its_result_on_the_doc(analyzer: Analyzer) -> None:
    lessons = analyzer.compile_lessons(LESSONS)
    cfg = pipeline.stage_config(lessons, domain=True, commitments=True)
    doc = pipeline.analyse(analyzer.nlp, TEXT, cfg)
    gazetteer = {s.text: s.label_ for s in doc.spans["gazetteer"]}
    assert gazetteer["New Delhi"] == "GPE" and "Ministry of External Affairs" in gazetteer
    assert [(s.text, s.label_) for s in doc.spans["briefing_learned"]] == [("Project Zephyr Bridge", "LAW")]
    titled = {TEXT[c.start:c.end]: c.role for c in doc._.briefing_titled}
    assert titled["Ilse Varnhagen"] == "Foreign Minister"
    candidates = {TEXT[c.start:c.end] for c in doc._.briefing_candidates}
    assert {"Varnhagen", "Kochi", "9 October 2025"} <= candidates, "the surname carried over, the model's names"
    entities = {e.text: e for e in doc._.briefing_entities}
    assert "Kochi" not in entities, "the officer's rejection"
    assert entities["Project Zephyr Bridge"].source == "learned"
    ids = {s.text: s.kb_id_ for s in doc.spans["briefing_entities"]}
    assert ids["MEA"] == ids["Ministry of External Affairs"], "an acronym joins its long form"
    assert ids["Varnhagen"] == ids["Ilse Varnhagen"]
    pillars = {(s.text.split()[0], s.label_) for s in doc.spans["pillars"]}
    assert ("The", "defence") in pillars or ("The", "security") in pillars
    assert doc.cats["security"] > 0 and doc.cats["health"] == 0.0
    assert any(c.action == "expand" for c in doc._.briefing_commitments)


def test_lessons_are_swapped_without_rebuilding_the_pipeline(analyzer: Analyzer) -> None:
    nlp = analyzer.nlp
    components = list(nlp.pipeline)
    taught = analyzer.with_lessons(analyzer.compile_lessons(LESSONS))
    assert taught.nlp is nlp and list(nlp.pipeline) == components
    assert "Kochi" not in {e.text for e in taught.analyze(TEXT).entities}
    assert "Kochi" in {e.text for e in analyzer.analyze(TEXT).entities}, "the untaught analyser is unaffected"
    # a plain nlp(text) uses the lessons the stages hold
    pipeline.set_lessons(nlp, taught.lessons)
    try:
        assert "Kochi" not in {e.text for e in nlp(TEXT)._.briefing_entities}
    finally:
        pipeline.set_lessons(nlp, None)
    assert "Kochi" in {e.text for e in nlp(TEXT)._.briefing_entities}


def test_text_enters_each_stage_once(analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    """A text of several chunks: each token stage sees each chunk once, each document stage the text once,
    and the rules shared by several stages run once."""
    calls: Counter[str] = Counter()

    def counting(key: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def counted(*args: Any, **kwargs: Any) -> Any:
            calls[key] += 1
            return function(*args, **kwargs)
        return counted

    for name, proc in analyzer.nlp.pipeline:
        if name in pipeline.STAGES:
            monkeypatch.setattr(type(proc), "__call__", counting(name, type(proc).__call__))
    for module, function in ((rules, "find_acronym_pairs"), (transcript, "speaker_labels"), (pillars, "speaker_labels"),
                             (rules, "find_dates"), (cleanup, "titled_candidates")):
        monkeypatch.setattr(module, function, counting(function, getattr(module, function)))
    monkeypatch.setattr(pipeline, "titled_candidates", cleanup.titled_candidates)  # the stage's own name
    text = _recorded_texts()["several chunks"] + "\nQ: Will talks resume?\nMR SMITH: Yes."
    chunks = len(pipeline.chunk_spans(text, pipeline.CHUNK_CHARS))
    assert chunks > 1
    taught = analyzer.with_lessons(analyzer.compile_lessons(LESSONS))
    taught.analyze(text)
    assert {name: calls[name] for name in pipeline.TOKEN_STAGES} == dict.fromkeys(pipeline.TOKEN_STAGES, chunks)
    assert {name: calls[name] for name in pipeline.DOCUMENT_STAGES} == dict.fromkeys(pipeline.DOCUMENT_STAGES, 1)
    assert calls["find_acronym_pairs"] == calls["speaker_labels"] == calls["find_dates"] == 1
    assert calls["titled_candidates"] == 1


def test_an_analyser_pickles_for_another_process(analyzer: Analyzer) -> None:
    copy = pickle.loads(pickle.dumps(analyzer))
    assert copy.nlp.pipe_names == analyzer.nlp.pipe_names
    assert _contract(copy, TEXT) == _contract(analyzer, TEXT)
