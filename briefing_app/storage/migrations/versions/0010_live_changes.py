"""live changes (issue 19): a library clock, and on PostgreSQL a notice of every committed change

* ``change_clock``: one row per thing a window watches cheaply; ``articles`` counts every article
  added or deleted (by triggers, so every writer counts: the window, a command-line task, another
  officer's laptop). A window polls that one row to know its Library list is out of date: the cost
  does not grow with the library (a count of articles would).
* On PostgreSQL, statement-level triggers on ``article``, ``annotation`` and ``note`` send
  ``NOTIFY briefing_changes`` with a JSON payload ``{"table", "article", "officer"}`` per article a
  statement touched (the server delivers it at commit, once per distinct payload); a window that
  ``LISTEN``s learns of another officer's edit at once instead of at its next poll. ``officer`` is
  the row's ``changed_by`` (empty for a deletion: the row is gone).

SQLite has no notifications: a window polls the open article's tag and note counters (the indexes
of 0008) and this clock. A later migration that recreates ``article`` in SQLite batch mode must
create the two clock triggers again (as 0009 did the full-text triggers).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS article_clock_ai AFTER INSERT ON article BEGIN "
    "UPDATE change_clock SET value = value + 1 WHERE name = 'articles'; END",
    "CREATE TRIGGER IF NOT EXISTS article_clock_ad AFTER DELETE ON article BEGIN "
    "UPDATE change_clock SET value = value + 1 WHERE name = 'articles'; END",
)

POSTGRESQL_FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION briefing_article_clock() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE change_clock SET value = value + 1 WHERE name = 'articles';
  RETURN NULL;
END $$""",
    # One notice per (article, officer) the statement touched; the article of an article row is its id.
    """CREATE OR REPLACE FUNCTION briefing_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'article' THEN
    PERFORM pg_notify('briefing_changes', json_build_object('table', TG_TABLE_NAME, 'article', a, 'officer', '')::text)
      FROM (SELECT DISTINCT id AS a FROM old_rows) AS touched;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM pg_notify('briefing_changes', json_build_object('table', TG_TABLE_NAME, 'article', a, 'officer', '')::text)
      FROM (SELECT DISTINCT article_id AS a FROM old_rows) AS touched;
  ELSIF TG_TABLE_NAME = 'article' THEN
    PERFORM pg_notify('briefing_changes', json_build_object('table', TG_TABLE_NAME, 'article', a, 'officer', o)::text)
      FROM (SELECT DISTINCT id AS a, changed_by AS o FROM new_rows) AS touched;
  ELSE
    PERFORM pg_notify('briefing_changes', json_build_object('table', TG_TABLE_NAME, 'article', a, 'officer', o)::text)
      FROM (SELECT DISTINCT article_id AS a, changed_by AS o FROM new_rows) AS touched;
  END IF;
  RETURN NULL;
END $$""",
)

NOTIFIED_TABLES = ("article", "annotation", "note")


def _postgresql_triggers() -> list[str]:
    statements = [
        "CREATE TRIGGER article_clock AFTER INSERT OR DELETE ON article "
        "FOR EACH STATEMENT EXECUTE FUNCTION briefing_article_clock()",
    ]
    # Transition tables allow one event per trigger: three per table.
    for table in NOTIFIED_TABLES:
        for event, rows in (("INSERT", "NEW TABLE AS new_rows"), ("UPDATE", "NEW TABLE AS new_rows"),
                            ("DELETE", "OLD TABLE AS old_rows")):
            statements.append(f"CREATE TRIGGER {table}_notify_{event.lower()} AFTER {event} ON {table} "
                              f"REFERENCING {rows} FOR EACH STATEMENT EXECUTE FUNCTION briefing_notify_changes()")
    return statements


def upgrade() -> None:
    op.create_table("change_clock",
                    sa.Column("name", sa.String(), primary_key=True),
                    sa.Column("value", sa.BigInteger(), nullable=False, server_default="0"))
    op.execute("INSERT INTO change_clock (name, value) VALUES ('articles', 0)")
    if op.get_bind().dialect.name == "postgresql":
        for statement in (*POSTGRESQL_FUNCTIONS, *_postgresql_triggers()):
            op.execute(statement)
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS article_clock ON article")
        for table in NOTIFIED_TABLES:
            for event in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_notify_{event} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS briefing_notify_changes()")
        op.execute("DROP FUNCTION IF EXISTS briefing_article_clock()")
    else:
        op.execute("DROP TRIGGER IF EXISTS article_clock_ai")
        op.execute("DROP TRIGGER IF EXISTS article_clock_ad")
    op.drop_table("change_clock")
