"""Seven JSON-as-text columns become real JSON columns

``annotation.why``/``original``, ``pillar.keywords``, ``canonicalentity.aliases`` and
``briefing.summary``/``next_steps``/``actor_edits`` (the last added by 0004) held JSON written
and decoded by hand in a dozen places. They
are now SQLAlchemy ``JSON`` columns (still text in the SQLite file). Every stored value is
made valid JSON first, nothing dropped:

* an empty ``original`` (never edited) becomes NULL; an empty list/object column its empty value;
* ``why`` of an entity was free text (why a name was found): it becomes a JSON string;
* any other text that is not JSON is kept as a JSON string.

Each table is recreated first (batch mode) with the JSON type; ``annotation`` and ``briefing``
keep AUTOINCREMENT. ``storage.migrate.upgrade`` runs this with foreign keys off.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from __future__ import annotations

import json

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: table -> (primary key, [(column, empty value as JSON or None for NULL, nullable)]), autoincrement
COLUMNS: dict[str, tuple[str, list[tuple[str, str | None, bool]], bool]] = {
    "annotation": ("id", [("why", "[]", False), ("original", None, True)], True),
    "pillar": ("id", [("keywords", "{}", False)], False),
    "canonicalentity": ("key", [("aliases", "[]", False)], False),
    "briefing": ("id", [("summary", "[]", False), ("next_steps", "[]", False),
                             ("actor_edits", "{}", False)], True),
}


def _as_json(raw: object, empty: str | None, free_text: bool) -> str | None:
    """The stored text as valid JSON (see the module docstring)."""
    if raw is None or raw == "":
        return empty
    text = str(raw)
    if free_text:
        return json.dumps(text, ensure_ascii=False)
    try:
        json.loads(text)
    except ValueError:
        return json.dumps(text, ensure_ascii=False)
    return text


def upgrade() -> None:
    conn = op.get_bind()
    for table, (key, columns, autoincrement) in COLUMNS.items():
        if conn.dialect.name != "sqlite":
            # PostgreSQL changes a column's type in place: the values are made JSON first (``original``
            # allowed NULL for that), then each column is cast (a desk database, issue 19).
            for column, _empty, nullable in columns:
                # (a text default such as 0004's '{}' cannot be cast with the column; the app writes every value)
                op.alter_column(table, column, nullable=nullable, server_default=None,
                                existing_type=sqlmodel.sql.sqltypes.AutoString())
            _fix_values(conn, table, key, columns)
            for column, _empty, nullable in columns:
                op.alter_column(table, column, type_=sa.JSON(), existing_type=sqlmodel.sql.sqltypes.AutoString(),
                                nullable=nullable, postgresql_using=f'"{column}"::json')
            continue
        # the new column types first (``original`` may then be NULL), the stored values second
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": autoincrement}) as batch:
            for column, _empty, nullable in columns:
                batch.alter_column(column, type_=sa.JSON(), existing_type=sqlmodel.sql.sqltypes.AutoString(),
                                   nullable=nullable)
        _fix_values(conn, table, key, columns)


def _fix_values(conn: sa.Connection, table: str, key: str, columns: list[tuple[str, str | None, bool]]) -> None:
    """Rewrite every stored value of ``columns`` as valid JSON (see the module docstring)."""
    names = [c for c, _, _ in columns]
    extra = ", kind" if table == "annotation" else ""
    rows = conn.execute(sa.text(f"SELECT {key}, {', '.join(names)}{extra} FROM {table}")).fetchall()
    updates = []
    for row in rows:
        values = {}
        for i, (column, empty, _nullable) in enumerate(columns):
            free_text = table == "annotation" and column == "why" and row[-1] == "entity"
            values[column] = _as_json(row[1 + i], empty, free_text)
        if any(values[c] != row[1 + i] for i, c in enumerate(names)):
            updates.append({"_key": row[0], **values})
    if updates:
        sets = ", ".join(f"{c} = :{c}" for c in names)
        conn.execute(sa.text(f"UPDATE {table} SET {sets} WHERE {key} = :_key"), updates)


def downgrade() -> None:
    conn = op.get_bind()
    for table, (_key, columns, autoincrement) in COLUMNS.items():
        for column, empty, _nullable in columns:
            if empty is None:
                conn.execute(sa.text(f"UPDATE {table} SET {column} = '' WHERE {column} IS NULL"))
        if table == "annotation":  # entity reasons back to free text
            rows = conn.execute(sa.text("SELECT id, why FROM annotation WHERE kind = 'entity'")).fetchall()
            updates = [{"i": i, "w": json.loads(w)} for i, w in rows if w and w.startswith('"')]
            if updates:
                conn.execute(sa.text("UPDATE annotation SET why = :w WHERE id = :i"), updates)
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": autoincrement}) as batch:
            for column, _empty, _nullable in columns:
                batch.alter_column(column, type_=sqlmodel.sql.sqltypes.AutoString(), existing_type=sa.JSON(),
                                   nullable=False)
