"""First creation is crash-safe: a half-made database (a killed first start) is rebuilt, never refused."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from briefing_app.domain import models  # noqa: F401  (registers the tables)
from briefing_app.domain.tempfiles import process_start_time
from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.storage import backup, database, migrate
from briefing_app.storage.database import open_database
from briefing_app.storage.errors import DatabaseCorrupt


def _header_only(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")  # writes the header: an SQLite file with no tables
    conn.close()


def _partial_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    tables = [SQLModel.metadata.tables[n] for n in ("article", "briefing", "canonicalentity")]
    SQLModel.metadata.create_all(engine, tables=tables)
    engine.dispose()


def _schema_never_stamped(path: Path) -> None:
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM alembic_version")
    engine.dispose()


@pytest.mark.parametrize("make", [_header_only, _partial_schema, _schema_never_stamped],
                         ids=["sqlite-header-no-tables", "schema-partly-made", "migration-never-stamped"])
def test_a_half_made_database_is_rebuilt(db_path: Path, make: object) -> None:
    make(db_path)  # type: ignore[operator]
    services = Services.open(db_path)  # old versions: "needs an update… no backup" / "another program"
    article = services.articles.add(ImportedDocument(title="After the rebuild", source_path="",
                                                     text="Ministers met in Delhi."))
    assert services.db.integrity_check() == ["ok"]
    assert services.pillars.ids(), "the pillars are seeded"
    assert [hit[0] for hit in services.articles.search("Delhi")] == [article.id]
    services.close()
    assert not list(db_path.parent.glob("*.creating-*"))


def test_a_file_holding_user_data_is_never_rebuilt(db_path: Path) -> None:
    _partial_schema(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE scratch_keep (x)")  # any table we do not know: someone else's data
    conn.execute("INSERT INTO scratch_keep VALUES (1)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match="another program"):
        open_database(db_path)
    assert db_path.read_bytes() == before


def test_our_partial_schema_with_an_article_is_kept_not_rebuilt(db_path: Path) -> None:
    _partial_schema(db_path)
    conn = sqlite3.connect(db_path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(article)")]
    values = {c: "" for c in columns if c != "id"}
    values.update(created_at="2025-01-01 00:00:00", updated_at="2025-01-01 00:00:00", analysed_at=None,
                  title="Precious", text="text", text_hash="h", status="new")
    conn.execute(f"INSERT INTO article ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                 list(values.values()))
    conn.commit()
    conn.close()
    assert not database._half_made(db_path)
    with pytest.raises(DatabaseCorrupt):  # refused (unversioned), but never emptied or rebuilt
        open_database(db_path)
    conn = sqlite3.connect(db_path)
    assert [r[0] for r in conn.execute("SELECT title FROM article")] == ["Precious"]
    conn.close()


def test_a_kill_after_the_new_file_was_linked_in_leaves_only_the_complete_database(db_path: Path) -> None:
    # What a killed first start leaves at worst: the complete database and its temporary twin.
    open_database(db_path).close()
    twin = db_path.with_name(f"{db_path.name}.creating-999999999")
    twin.write_bytes(db_path.read_bytes())
    past = process_start_time() - 60  # written before this process started, by a process now gone
    os.utime(twin, (past, past))
    services = Services.open(db_path)
    services.close()
    assert not twin.exists(), "the dead process's temporary database was removed"


def test_an_interrupted_restore_is_finished_on_the_next_start(db_path: Path) -> None:
    services = Services.open(db_path)
    services.articles.add(ImportedDocument(title="In the backup", source_path="", text="Backed up text."))
    services.close()
    made = backup.make_backup(db_path, "auto")
    # Simulate a kill right after the swap: the journal is there and the old WAL still lies beside it.
    restored = db_path.with_name(f"{db_path.name}.restoring-999999999")
    backup.backup_copy(made, restored)
    journal = db_path.with_name(db_path.name + ".restore-journal")
    journal.write_text(f'{{"new": "{restored.name}", "new_inode": {restored.stat().st_ino}, "kept": []}}')
    os.replace(restored, db_path)
    db_path.with_name(db_path.name + "-wal").write_bytes(b"stale wal of the old file" * 100)
    services = Services.open(db_path)
    assert [s.title for s in services.articles.list_summaries()] == ["In the backup"]
    assert services.db.integrity_check() == ["ok"]
    services.close()
    assert not journal.exists()
