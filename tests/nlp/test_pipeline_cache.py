"""The compiled pipeline kept on disk (issue 17): a start restores it, identical; any changed input rebuilds it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import spacy.util

from briefing_app.nlp import analyzer as analyzer_module
from briefing_app.nlp import pipeline, pipeline_cache
from briefing_app.nlp.analysis_process import process_analyzer
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.gazetteer_matcher import GazetteerMatcher
from briefing_app.nlp.model_loading import DEFAULT_MODEL, load_pipeline, split_abbreviation_dashes
from tests.nlp.conftest import GOLD_DIR
from tests.nlp.test_pipeline import LESSONS, TEXT, _contract, _recorded_texts

PACKAGE = Path(pipeline_cache.__file__).resolve().parents[1]


def _folders(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob(pipeline_cache.PREFIX + "*") if p.is_dir())


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_APP_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the models compiled from scratch (not restored from the cache folder)."""
    seen: list[str] = []
    real = pipeline_cache._build

    def counting(name: str) -> object:
        seen.append(name)
        return real(name)

    monkeypatch.setattr(pipeline_cache, "_build", counting)
    return seen


def _fresh_analyzer() -> Analyzer:
    """An analyser loaded the way a new process loads it (the session's cached one is bypassed)."""
    nlp, mode, message = analyzer_module.build_pipeline(DEFAULT_MODEL)
    return Analyzer(analyzer_module._from_pipeline(nlp, mode, message))


def test_a_second_start_restores_the_compiled_pipeline_and_analyses_identically(
        cache: Path, builds: list[str], analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _fresh_analyzer()
    assert builds == [DEFAULT_MODEL] and len(_folders(cache)) == 1
    monkeypatch.setattr(pipeline, "_resources", None)  # as in a new process: the stages get the restored rules
    restored = _fresh_analyzer()
    assert pipeline.domain_resources() is not first.nlp.get_pipe(pipeline.TITLES).res
    assert builds == [DEFAULT_MODEL], "the second start read the folder instead of compiling again"
    assert restored.mode == "model" and restored.nlp.pipe_names == analyzer.nlp.pipe_names
    # The dash rule travelled with the saved tokenizer: "U.S.–India" is three tokens.
    assert [t.text for t in restored.nlp.make_doc("U.S.–India talks")][:3] == ["U.S.", "–", "India"]
    for text in _recorded_texts().values():
        assert _contract(restored, text) == _contract(analyzer, text) == _contract(first, text)


def _copy_model(tmp_path: Path) -> Path:
    import spacy.util

    package = Path(spacy.util.get_package_path(DEFAULT_MODEL))
    source = next(p.parent for p in package.glob("*/config.cfg"))
    target = tmp_path / "model"
    shutil.copytree(source, target)
    return target


def test_a_changed_model_gazetteer_or_rule_rebuilds_the_cache(
        cache: Path, builds: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    model = _copy_model(tmp_path)
    package = tmp_path / "package"
    for part in ("resources", "nlp", "domain"):
        shutil.copytree(PACKAGE / part, package / part, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(pipeline_cache, "_PACKAGE", package)  # the inputs hashed: a copy we can change

    pipeline_cache.load_compiled(str(model))
    pipeline_cache.load_compiled(str(model))
    assert len(builds) == 1, "nothing changed: restored"
    changes = [
        model / "ner" / "cfg",  # the model's weights or settings
        package / "resources" / "gazetteer.json",  # the gazetteer
        package / "resources" / "pillars.json",  # the pillar rules
        package / "nlp" / "titles.py",  # the rules' code
    ]
    for n, path in enumerate(changes, start=2):
        path.write_bytes(path.read_bytes() + b"\n")
        pipeline_cache.load_compiled(str(model))
        assert len(builds) == n, f"{path.name} changed: compiled again"
        pipeline_cache.load_compiled(str(model))
        assert len(builds) == n, f"{path.name}: the rebuilt folder is used from then on"
    assert len(_folders(cache)) == pipeline_cache.KEEP, "older folders are removed"


def test_a_damaged_cache_folder_is_rebuilt(cache: Path, builds: list[str], analyzer: Analyzer) -> None:
    _fresh_analyzer()
    (folder,) = _folders(cache)
    (folder / "compiled.pickle").write_bytes(b"not a pickle")
    restored = _fresh_analyzer()
    assert builds == [DEFAULT_MODEL, DEFAULT_MODEL] and restored.mode == "model"
    text = _recorded_texts()["gold"]
    assert _contract(restored, text) == _contract(analyzer, text)


def test_a_missing_model_still_runs_rules_only(cache: Path) -> None:
    nlp, mode, message = analyzer_module.build_pipeline("no_such_model_xyz")
    assert mode == "rules-only" and "no_such_model_xyz" in message
    assert _folders(cache) == []


def _sample_texts() -> list[str]:
    """The recorded texts, a text every stage works on and a dozen development gold articles."""
    gold = [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))[:12]]
    return [TEXT, *_recorded_texts().values(), *gold]


def _pattern(method: object) -> str | None:
    """The expression behind a tokenizer's ``re`` method (None when the tokenizer has none)."""
    return None if method is None else str(getattr(method, "__self__").pattern)  # noqa: B009


def test_a_restored_model_skips_the_default_tokenizer_and_string_table_yet_tokenizes_alike(cache: Path) -> None:
    """``load_model`` (the start's fast path) gives the tokenizer and entities a normal ``spacy.load`` gives."""
    normal = load_pipeline(DEFAULT_MODEL)
    split_abbreviation_dashes(normal)
    pipeline_cache._write(cache / "pipeline-test", normal, pipeline_cache.Compiled(pipeline.domain_resources(),
                                                                                   GazetteerMatcher([])))
    restored = pipeline_cache.load_model(cache / "pipeline-test" / "model")
    assert len(restored.vocab.strings) < len(normal.vocab.strings) / 10, "the saved string table was not read"
    ours: Any = restored.tokenizer  # typed as a plain callable by spaCy
    theirs: Any = normal.tokenizer
    assert ours.rules == theirs.rules and ours.faster_heuristics == theirs.faster_heuristics
    for part in ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match"):
        assert _pattern(getattr(ours, part)) == _pattern(getattr(theirs, part)), part
    restored.to_disk(cache / "saved")  # it names spaCy's own tokenizer: a process without ours loads it
    assert spacy.util.load_config(cache / "saved" / "config.cfg")["nlp"]["tokenizer"] == \
        {"@tokenizers": "spacy.Tokenizer.v1"}
    for text in _sample_texts():
        doc, expected = restored(text), normal(text)
        assert [(t.text, t.norm_, t.shape_, t.whitespace_) for t in doc] == \
            [(t.text, t.norm_, t.shape_, t.whitespace_) for t in expected]
        assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
            [(e.start_char, e.end_char, e.label_) for e in expected.ents]


def test_the_analysis_process_restores_the_pipeline_and_analyses_like_a_normal_load(
        cache: Path, builds: list[str]) -> None:
    """The window's analysis process (spaCy imported without its command line, the model restored from the
    cache folder) gives exactly the results of a normally loaded analyser, with and without lessons."""
    normal = _fresh_analyzer()  # spacy.load of the model, rules compiled: and the folder written
    assert builds == [DEFAULT_MODEL]
    (folder,) = _folders(cache)
    written = (folder / "complete").stat().st_mtime_ns
    remote = process_analyzer()
    try:
        assert remote.mode == "model"
        taught, remote_taught = normal.with_lessons(normal.compile_lessons(LESSONS)), remote.with_lessons(
            remote.compile_lessons(LESSONS))
        for text in _sample_texts():
            assert _contract(remote, text) == _contract(normal, text)  # type: ignore[arg-type]
            assert _contract(remote_taught, text) == _contract(taught, text)  # type: ignore[arg-type]
    finally:
        remote.close()
    assert _folders(cache) == [folder] and (folder / "complete").stat().st_mtime_ns == written, \
        "the process restored the folder (it did not compile the pipeline again)"
