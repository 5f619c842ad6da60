"""Helpers of the GUI tests where the database refuses a write: a busy database (raised as SQLite
does, or held for real by another connection) and a second officer's change (desk mode)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import pytest
import sqlalchemy.exc

from briefing_app.storage import database


def busy_error() -> sqlalchemy.exc.OperationalError:
    """What SQLAlchemy raises when another program kept the database locked past the busy timeout."""
    return sqlalchemy.exc.OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))


def raise_busy(*_args: Any, **_kwargs: Any) -> NoReturn:
    """A service method standing in for one that met a busy database."""
    raise busy_error()


def busy_once(real: Callable[..., Any]) -> Callable[..., Any]:
    """``real``, except that its first call meets a busy database."""
    calls = {"n": 0}

    def call(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 1:
            raise busy_error()
        return real(*args, **kwargs)

    return call


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writers give up on a held lock after 0.3 s, not 5 s (request it before the window's fixture)."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)


@contextmanager
def write_lock(db_path: Path) -> Iterator[None]:
    """Another program holds the database's write lock (``BEGIN IMMEDIATE``) while inside."""
    conn = sqlite3.connect(str(db_path), isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield
    finally:
        conn.rollback()
        conn.close()
