"""Consistency checks for the hand-annotated gold set in tests/data/gold/.

The gold files are generated from tests/data/gold/src/*.md by build_gold.py;
these checks are written independently of the builder so that a bug in it
cannot hide a bad offset.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent / "gold"
LABELS = {"PERSON", "PLACE", "ORG", "DATE", "INITIATIVE"}
PILLARS = {"defence", "security", "trade", "technology", "energy", "health", "people", "diplomacy"}
CLASSES = {
    "PERSON": ["PERSON"],
    "PLACE": ["GPE", "LOC", "FAC"],
    "ORG": ["ORG"],
    "DATE": ["DATE", "TIME"],
    "INITIATIVE": ["LAW", "EVENT", "ORG (accepted)"],
}
GOLD_FILES = sorted(GOLD_DIR.glob("*.gold.json"))


def _load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (GOLD_DIR / gold["text_file"]).read_text(encoding="utf-8")
    return gold, text


def _builder():
    spec = importlib.util.spec_from_file_location("build_gold", GOLD_DIR / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def test_set_is_large_enough_and_complete():
    assert len(GOLD_FILES) >= 12
    sources = {p.stem for p in (GOLD_DIR / "src").glob("*.md")}
    golds = {p.name.removesuffix(".gold.json") for p in GOLD_FILES}
    texts = {p.stem for p in GOLD_DIR.glob("*.txt")}
    assert sources == golds == texts


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_format_matches_sample(path):
    gold, _ = _load(path)
    assert list(gold) == ["text_file", "classes", "entities", "ignore", "sentences"]
    assert gold["text_file"] == path.name.removesuffix(".gold.json") + ".txt"
    assert gold["classes"] == CLASSES
    for ent in gold["entities"]:
        assert set(ent) == {"start", "end", "label", "text"}
    for ign in gold["ignore"]:
        assert set(ign) == {"start", "end", "text"}
    for sent in gold["sentences"]:
        assert set(sent) == {"start", "prefix", "pillars", "also_acceptable"}


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_text_is_clean_and_long_enough(path):
    _, text = _load(path)
    assert "\r" not in text
    assert unicodedata.normalize("NFC", text) == text
    assert not any(mark in text for mark in ("[[", "]]", "{{", "}}"))
    assert 250 <= len(text.split()) <= 450


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_app_normalisation_keeps_offsets(path):
    """Offsets must stay valid after the importers' normalisation (it may only trim the end)."""
    from briefing_app.core.text import normalize_text

    _, text = _load(path)
    assert normalize_text(text) == text.rstrip("\n")


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_entity_and_ignore_offsets(path):
    gold, text = _load(path)
    spans = []
    for ent in gold["entities"]:
        assert ent["label"] in LABELS, ent
        spans.append(ent)
    spans.extend(gold["ignore"])
    for span in spans:
        assert 0 <= span["start"] < span["end"] <= len(text), span
        assert text[span["start"] : span["end"]] == span["text"], span
        assert span["text"] == span["text"].strip(), span
        assert "\n" not in span["text"], span
    ordered = sorted(spans, key=lambda s: (s["start"], s["end"]))
    for a, b in pairwise(ordered):
        assert a["end"] <= b["start"], f"overlap: {a} / {b}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_sentences(path):
    gold, text = _load(path)
    sentences = gold["sentences"]
    starts = [s["start"] for s in sentences]
    assert starts == sorted(set(starts))
    for sent in sentences:
        start = sent["start"]
        assert sent["prefix"] and text[start : start + len(sent["prefix"])] == sent["prefix"], sent
        assert start == 0 or text[start - 1] in " \n", sent
        assert set(sent["pillars"]) <= PILLARS, sent
        assert set(sent["also_acceptable"]) <= PILLARS, sent
        assert not set(sent["pillars"]) & set(sent["also_acceptable"]), sent
        assert len(set(sent["pillars"])) == len(sent["pillars"]), sent
    # Every paragraph (line) starts a sentence, and the headline is one.
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n" and i + 1 < len(text)]
    assert set(line_starts) <= set(starts)
    # Most sentences carry a pillar; only clutter and pleasantries may have none.
    assert sum(1 for s in sentences if s["pillars"]) >= 0.6 * len(sentences)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.name)
def test_entities_do_not_cross_sentences(path):
    gold, text = _load(path)
    bounds = [s["start"] for s in gold["sentences"]] + [len(text)]
    for span in gold["entities"] + gold["ignore"]:
        inside = [b for b in bounds if span["start"] < b < span["end"]]
        assert not inside, span


def test_rebuild_from_sources_is_identical():
    builder = _builder()
    for src in sorted((GOLD_DIR / "src").glob("*.md")):
        text, gold = builder.build(src)
        assert (GOLD_DIR / f"{src.stem}.txt").read_text(encoding="utf-8") == text, src.name
        committed = (GOLD_DIR / f"{src.stem}.gold.json").read_text(encoding="utf-8")
        assert committed == builder.dump_json(gold), src.name
        # And building twice gives the same result.
        assert builder.build(src) == (text, gold)
