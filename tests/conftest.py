"""Shared fixtures: every test gets a fresh temporary database, settings and user folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_SAMPLES = REPO_ROOT / "tests" / "data" / "samples"  # a copy of the shared sample
SAMPLE_ARTICLE = SHARED_SAMPLES / "india-us-leaders-call.txt"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point settings, data and log folders at a temporary place for every test."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFING_APP_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a fresh database file."""
    return tmp_path / "briefing.db"


@pytest.fixture
def services(db_path: Path) -> Iterator[object]:
    """Services on a fresh, migrated database."""
    from briefing_app.core.services import Services

    svc = Services.open(db_path)
    yield svc
    svc.close()


@pytest.fixture(scope="session")
def analyzer() -> object:
    """The real analyser, loaded once per test session."""
    from briefing_app.nlp.analyzer import create_analyzer

    return create_analyzer()


@pytest.fixture
def sample_text() -> str:
    """The shared India–US sample article (copied into tests/data/samples)."""
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")

