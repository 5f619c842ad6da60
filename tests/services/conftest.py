"""Every test here that opens the database through ``db_target``/``services`` runs on both engines."""

from __future__ import annotations

import pytest

from tests.conftest import ENGINES


@pytest.fixture(params=ENGINES)
def db_engine(request: pytest.FixtureRequest) -> str:
    """SQLite and PostgreSQL (desk mode, issue 19)."""
    return str(request.param)
