"""Every test here that opens the database through ``db_target``/``services`` runs on both engines;
``empty_target`` gives the migration tests a database with no tables on each."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ENGINES


@pytest.fixture(params=ENGINES)
def db_engine(request: pytest.FixtureRequest) -> str:
    """SQLite and PostgreSQL (desk mode, issue 19)."""
    return str(request.param)


@pytest.fixture
def empty_target(request: pytest.FixtureRequest, db_engine: str, db_path: Path) -> Iterator[str]:
    """An empty database (no tables): a new file, or a new PostgreSQL database."""
    if db_engine == "sqlite":
        yield str(db_path)
        return
    cluster = request.getfixturevalue("pg_cluster")
    name = f"m_{uuid.uuid4().hex[:12]}"
    yield cluster.create_database(name)
    cluster.drop_database(name)
