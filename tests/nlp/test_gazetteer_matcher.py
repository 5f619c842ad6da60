"""The compiled gazetteer matcher: same matches as spaCy's SpanRuler, cached on disk, safe when the cache is bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.gazetteer import SPANS_KEY, default_gazetteer
from briefing_app.nlp.gazetteer_matcher import cache_key, load_gazetteer_matcher

GOLD_DIR = Path(__file__).resolve().parents[1] / "data" / "gold"


def _span_ruler_matches(nlp, texts: list[str]) -> list[list[tuple[int, int, str, str]]]:
    """Reference: what spaCy's SpanRuler (phrase patterns on ORTH) finds."""
    from spacy.pipeline import SpanRuler

    ruler = SpanRuler(nlp, name="reference", spans_key="reference", annotate_ents=False,
                      phrase_matcher_attr="ORTH", overwrite=True)
    ruler.add_patterns([dict(p) for p in default_gazetteer().patterns()])
    out = []
    for doc in nlp.tokenizer.pipe(texts):
        ruler(doc)
        out.append([(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["reference"]])
    return out


def test_matches_equal_span_ruler_on_every_gold_text(analyzer: Analyzer, tmp_path: Path) -> None:
    nlp = analyzer.nlp
    texts = [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))]
    texts.append("Make in India, Air India and the U.S.–India COMPACT; the Quad Leaders' Summit in Wilmington.")
    expected = _span_ruler_matches(nlp, texts)
    matcher = load_gazetteer_matcher(nlp, default_gazetteer(), tmp_path)
    got = []
    for doc in nlp.tokenizer.pipe(texts):
        matcher(doc)
        got.append([(s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[SPANS_KEY]])
    assert sum(len(m) for m in expected) > 1000  # the comparison covers real matches
    assert got == expected


def test_second_load_reads_the_cache_and_a_changed_gazetteer_compiles_anew(
        analyzer: Analyzer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp, gaz = analyzer.nlp, default_gazetteer()
    first = load_gazetteer_matcher(nlp, gaz, tmp_path)
    files = list(tmp_path.glob("gazetteer-*.json"))
    assert len(files) == 1

    calls = []
    import briefing_app.nlp.gazetteer_matcher as module

    real_compile = module._compile
    monkeypatch.setattr(module, "_compile", lambda *a: calls.append(1) or real_compile(*a))
    second = load_gazetteer_matcher(nlp, gaz, tmp_path)
    assert calls == [] and len(second) == len(first)  # served from the cache, not tokenised again

    edited = [dict(p) for p in gaz.patterns()] + [{"label": "ORG", "pattern": "Ruritanian Rail", "id": "ORG:x"}]
    assert cache_key(nlp, edited) != cache_key(nlp, gaz.patterns())


def test_a_corrupt_or_unwritable_cache_only_costs_time(analyzer: Analyzer, tmp_path: Path) -> None:
    nlp, gaz = analyzer.nlp, default_gazetteer()
    load_gazetteer_matcher(nlp, gaz, tmp_path)
    (cached,) = tmp_path.glob("gazetteer-*.json")
    cached.write_text('[["truncated', encoding="utf-8")
    matcher = load_gazetteer_matcher(nlp, gaz, tmp_path)
    doc = matcher(nlp.make_doc("Narendra Modi spoke to the Quad."))
    assert ("Narendra Modi", "PERSON") in {(s.text, s.label_) for s in doc.spans[SPANS_KEY]}

    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    matcher = load_gazetteer_matcher(nlp, gaz, blocked)
    doc = matcher(nlp.make_doc("Narendra Modi spoke to the Quad."))
    assert ("Narendra Modi", "PERSON") in {(s.text, s.label_) for s in doc.spans[SPANS_KEY]}
