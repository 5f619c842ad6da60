"""The compiled pipeline kept on disk (issue 17): a start restores it, identical; any changed input rebuilds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing_app.nlp import analyzer as analyzer_module
from briefing_app.nlp import pipeline, pipeline_cache
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.model_loading import DEFAULT_MODEL
from tests.nlp.test_pipeline import _contract, _recorded_texts

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
