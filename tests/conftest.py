"""Shared fixtures: every test gets a fresh temporary database, settings and user folders."""

from __future__ import annotations

import os
import uuid
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


# -- both engines (desk mode, issue 19) --------------------------------------------------------
# ``db_engine`` is "sqlite" everywhere; tests/services, tests/domain and tests/storage override it with both engines
# (their conftest), so every test there that uses ``db_target``/``services`` runs on SQLite and on
# a throwaway PostgreSQL cluster. ``@pytest.mark.sqlite_only`` keeps a file-specific test (WAL,
# flock, damaged files) to SQLite. Without PostgreSQL binaries the PostgreSQL runs are skipped,
# except in CI (CI=true), where they fail.
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgresql)]
PG_TEMPLATE = "briefing_template"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Drop the PostgreSQL run of tests marked ``sqlite_only``."""
    kept, dropped = [], []
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if params.get("db_engine") == "postgresql" and item.get_closest_marker("sqlite_only"):
            dropped.append(item)
        else:
            kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """A throwaway PostgreSQL cluster for the session, with a migrated template database."""
    from tests.pg_cluster import Cluster, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        reason = "PostgreSQL binaries not found (install the postgresql package or set PG_BIN)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: CI must run the desk-mode tests")
        pytest.skip(reason)
    cluster = Cluster(bin_dir).start()
    try:
        from briefing_app.services import Services

        # Migrated (and its pillars seeded) once: each test's database is a copy of it.
        Services.open(cluster.create_database(PG_TEMPLATE)).close()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def db_engine() -> str:
    """The engine of ``db_target``: "sqlite" unless a folder's conftest parametrises it."""
    return "sqlite"


@pytest.fixture
def db_target(request: pytest.FixtureRequest, db_engine: str, db_path: Path) -> Iterator[str]:
    """What ``--db`` would be given: the fresh file's path, or the URL of a fresh PostgreSQL database."""
    if db_engine == "sqlite":
        yield str(db_path)
        return
    cluster = request.getfixturevalue("pg_cluster")
    name = f"t_{uuid.uuid4().hex[:12]}"
    url = cluster.create_database(name, template=PG_TEMPLATE)
    yield url
    cluster.drop_database(name)


@pytest.fixture
def services(db_target: str) -> Iterator[object]:
    """Services on a fresh, migrated database (the file, or a PostgreSQL database)."""
    from briefing_app.services import Services

    svc = Services.open(db_target)
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

