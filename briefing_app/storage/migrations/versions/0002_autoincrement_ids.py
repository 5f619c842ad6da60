"""ids are never reused: AUTOINCREMENT on every integer primary key

Without AUTOINCREMENT SQLite hands the id of the newest deleted row to the next
insert, so an Undo that puts a deleted briefing back "with its id" could write
over a row created meanwhile (issue 11). SQLite cannot add AUTOINCREMENT to a
table in place: each table is recreated (Alembic batch mode) with its rows,
ids and indexes. Dropping ``article`` also drops the full-text triggers, which
are created again; the FTS index itself is keyed by the article ids, which
are kept, so it stays valid. ``storage.migrate.upgrade`` runs this with
foreign keys off (else dropping ``article`` would cascade-delete every
annotation) and checks them before committing.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: Parents before children; every table whose primary key is an integer id.
TABLES = ("article", "briefing", "annotation", "note", "briefingitem")
#: The full-text triggers of 0001 (copied: a migration must not change when another file does).
TRIGGERS = {
    "article_ai": "CREATE TRIGGER article_ai AFTER INSERT ON article BEGIN "
    "INSERT INTO article_fts(rowid, title, outlet, text) VALUES (new.id, new.title, new.outlet, new.text); END",
    "article_ad": "CREATE TRIGGER article_ad AFTER DELETE ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, outlet, text) "
    "VALUES ('delete', old.id, old.title, old.outlet, old.text); END",
    "article_au": "CREATE TRIGGER article_au AFTER UPDATE OF title, outlet, text ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, outlet, text) "
    "VALUES ('delete', old.id, old.title, old.outlet, old.text); "
    "INSERT INTO article_fts(rowid, title, outlet, text) VALUES (new.id, new.title, new.outlet, new.text); END",
}


def _recreate(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # SQLite's id reuse only: a PostgreSQL sequence never hands an id out twice
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": autoincrement}):
            pass
    for statement in TRIGGERS.values():
        op.execute(statement)


def upgrade() -> None:
    _recreate(autoincrement=True)


def downgrade() -> None:
    _recreate(autoincrement=False)
