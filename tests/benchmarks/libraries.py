"""Generated libraries for the benchmarks: 0, 10,000 and 100,000 articles, built once and reused.

How they are generated: synthetic readouts of about 360 words (five paragraphs of
sentences drawn from fixed lists of subjects, verbs, objects and circumstances,
seeded so every run builds the same library), each with 24 entity and 6 pillar
annotations at random offsets, inserted in one transaction through SQL so the
FTS5 triggers index them exactly as an import does. A built library is kept in
``$BRIEFING_BENCH_CACHE`` (default: the system temp folder) under a name that
carries the article count and the schema revision, and copied for each use, so
a benchmark never changes it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

SIZES = (0, 10_000, 100_000)


def _cache_dir() -> Path:
    folder = Path(os.environ.get("BRIEFING_BENCH_CACHE") or Path(tempfile.gettempdir()) / "briefing-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _schema_revision() -> str:
    """The Alembic head a fresh database gets (part of the cache name: a new migration rebuilds)."""
    from briefing_app.services import Services

    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(Path(tmp) / "probe.db")
        services.close()
        conn = sqlite3.connect(Path(tmp) / "probe.db")
        try:
            (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    return str(revision)


def library_template(articles: int) -> Path:
    """Path of the cached library with ``articles`` articles (built on first use)."""
    from bench_library import fill_library

    from briefing_app.services import Services

    path = _cache_dir() / f"library-{articles}-{_schema_revision()}.db"
    if path.exists():
        return path
    partial = path.with_suffix(".building")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    older = sorted(_cache_dir().glob(f"library-{articles}-*.db"), key=lambda p: p.stat().st_mtime)
    migrated = False
    for candidate in reversed(older):
        # A cached library of an older schema: opening a copy migrates it (generating anew takes long).
        # One of a schema this build does not know (a development branch's revision) is skipped.
        shutil.copyfile(candidate, partial)
        try:
            Services.open(partial).close()
        except Exception:  # noqa: BLE001 - any schema this build cannot open: try the next, else generate
            for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
                leftover.unlink(missing_ok=True)
            continue
        migrated = True
        break
    if not migrated:
        services = Services.open(partial)
        try:
            if articles:
                fill_library(services, count=articles)
        finally:
            services.close()
    conn = sqlite3.connect(partial)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()
    os.replace(partial, path)
    return path


def library_copy(articles: int, folder: Path) -> Path:
    """A private copy of the cached library in ``folder`` (benchmarks may write to it)."""
    target = folder / f"library-{articles}.db"
    shutil.copyfile(library_template(articles), target)
    return target
