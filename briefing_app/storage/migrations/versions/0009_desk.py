"""desk mode: who changed each row, a version for optimistic concurrency, PostgreSQL full-text search

* every table the officers edit gets ``changed_by`` (the officer's name; "" for rows older than
  this revision) and ``changed_at`` (NULL for those rows);
* the rows two officers may edit at once (articles, annotations, briefings, briefing items,
  lessons) get ``version``, 1 for existing rows: a write says which version it read and is
  refused when another officer's write came first (issue 19);
* ``lesson.taught_by``: the officer who taught it ("" for older lessons: anyone may withdraw those);
  in a desk database an officer withdraws only their own lessons, a desk lead anyone's;
* on PostgreSQL, ``article.search_vector``, a generated ``tsvector`` over title, outlet and text
  (title weighted first, the ``simple`` configuration: no stemming, like SQLite's unicode61),
  with a GIN index. SQLite keeps its FTS5 table of 0001.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: table -> (has a version column, keeps AUTOINCREMENT ids when batch mode recreates it)
TABLES: dict[str, tuple[bool, bool]] = {
    "article": (True, True),
    "annotation": (True, True),
    "briefing": (True, True),
    "briefingitem": (True, True),
    "lesson": (True, True),
    "note": (False, True),
    "canonicalentity": (False, False),
    "pillar": (False, False),
}

SEARCH_VECTOR = (
    "ALTER TABLE article ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('simple', coalesce(outlet, '')), 'B') || "
    "to_tsvector('simple', coalesce(text, ''))) STORED"
)


def upgrade() -> None:
    for table, (versioned, autoincrement) in TABLES.items():
        with op.batch_alter_table(table, schema=None,
                                  table_kwargs={"sqlite_autoincrement": autoincrement}) as batch_op:
            batch_op.add_column(sa.Column("changed_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                          server_default=""))
            batch_op.add_column(sa.Column("changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
            if versioned:
                batch_op.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
    with op.batch_alter_table("lesson", schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(sa.Column("taught_by", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=""))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(SEARCH_VECTOR)
        op.execute("CREATE INDEX ix_article_search_vector ON article USING GIN (search_vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_article_search_vector")
        op.execute("ALTER TABLE article DROP COLUMN IF EXISTS search_vector")
    with op.batch_alter_table("lesson", schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column("taught_by")
    for table, (versioned, autoincrement) in TABLES.items():
        with op.batch_alter_table(table, schema=None,
                                  table_kwargs={"sqlite_autoincrement": autoincrement}) as batch_op:
            if versioned:
                batch_op.drop_column("version")
            batch_op.drop_column("changed_at")
            batch_op.drop_column("changed_by")
    if op.get_bind().dialect.name == "sqlite":
        # Dropping columns recreated ``article``, which dropped the full-text triggers of 0001.
        for statement in TRIGGERS:
            op.execute(statement)


#: The full-text triggers of 0001 (copied: a migration must not change when another file does).
TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS article_ai AFTER INSERT ON article BEGIN "
    "INSERT INTO article_fts(rowid, title, outlet, text) VALUES (new.id, new.title, new.outlet, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS article_ad AFTER DELETE ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, outlet, text) "
    "VALUES ('delete', old.id, old.title, old.outlet, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS article_au AFTER UPDATE OF title, outlet, text ON article BEGIN "
    "INSERT INTO article_fts(article_fts, rowid, title, outlet, text) "
    "VALUES ('delete', old.id, old.title, old.outlet, old.text); "
    "INSERT INTO article_fts(rowid, title, outlet, text) VALUES (new.id, new.title, new.outlet, new.text); END",
)
