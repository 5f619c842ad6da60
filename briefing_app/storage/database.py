"""One SQLite file: engine with the PRAGMAs of DESIGN §4, migrations on open, sessions."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine, select

from briefing_app.core.models import Pillar
from briefing_app.storage import migrate
from briefing_app.storage.errors import DatabaseCorrupt, StorageError
from briefing_app.storage.paths import backups_dir

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000


def _set_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        # FULL: a commit is on disk before we report it, so a crash loses nothing acknowledged.
        cursor.execute("PRAGMA synchronous=FULL")
    finally:
        cursor.close()


def check_file(path: Path) -> None:
    """Raise DatabaseCorrupt unless ``path`` is absent, empty or passes ``quick_check``."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseCorrupt(f"{path.name} is not a Briefing Builder database (not an SQLite file).")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseCorrupt(f"{path.name} is damaged and cannot be read ({exc}).") from exc
    if rows != [("ok",)]:
        detail = "; ".join(str(r[0]) for r in rows[:3])
        raise DatabaseCorrupt(f"{path.name} failed its integrity check: {detail}")


def backup_copy(source: Path, target: Path) -> Path:
    """Copy a live database with SQLite's online backup API (consistent even while in use)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


class Database:
    """An open database file. Services get one of these and open short sessions."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A short unit of work; objects stay usable after it closes (no expiry)."""
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def integrity_check(self) -> list[str]:
        """Full ``PRAGMA integrity_check`` rows (["ok"] when healthy)."""
        with self.engine.connect() as conn:
            return [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]

    def close(self) -> None:
        """Release every connection (checkpoints the WAL)."""
        self.engine.dispose()


def open_database(path: str | Path) -> Database:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises a :class:`StorageError` subclass with a user-facing message when the
    file is corrupt, newer than this app, or cannot be written.
    """
    db_path = Path(path).expanduser().resolve()
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"Cannot create the folder for {db_path}: {exc.strerror}") from exc
    check_file(db_path)
    existed = db_path.exists() and db_path.stat().st_size > 0
    engine = create_engine(f"sqlite:///{db_path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _set_pragmas)
    try:
        current, head = migrate.needs_upgrade(engine)
        if current != head:
            if existed:
                stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
                backup_copy(db_path, backups_dir(db_path) / f"{db_path.stem}-pre-migration-{stamp}.db")
            migrate.upgrade(engine)
        db = Database(db_path, engine)
        _seed_pillars(db)
    except StorageError:
        engine.dispose()
        raise
    except sqlite3.OperationalError as exc:
        engine.dispose()
        raise StorageError(f"Cannot open {db_path.name}: {exc}") from exc
    except Exception as exc:
        engine.dispose()
        # SQLAlchemy wraps driver errors; unwrap for a readable message.
        orig = getattr(exc, "orig", exc)
        if isinstance(orig, sqlite3.DatabaseError) and "malformed" in str(orig):
            raise DatabaseCorrupt(f"{db_path.name} is damaged: {orig}") from exc
        if isinstance(orig, sqlite3.OperationalError):
            raise StorageError(f"Cannot open {db_path.name}: {orig}") from exc
        raise
    return db


def _seed_pillars(db: Database) -> None:
    """Fill the pillar table from the bundled taxonomy the first time."""
    from briefing_app.nlp.taxonomy import load_taxonomy

    with db.session() as session:
        if session.exec(select(Pillar)).first() is not None:
            return
        for position, pillar in enumerate(load_taxonomy()):
            session.add(
                Pillar(
                    id=pillar.id, name=pillar.name, colour=pillar.colour,
                    description=pillar.description, keywords=json.dumps(pillar.keywords),
                    position=position,
                )
            )
        session.commit()
