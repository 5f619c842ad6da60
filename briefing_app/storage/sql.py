"""The few SQL spellings that differ between SQLite and PostgreSQL, in one place.

Services write SQL once; what one engine spells differently is either compiled per dialect
here (:class:`instr`), or a fragment chosen by the connection's dialect (:func:`distinct_list`,
:func:`upsert`). Driver-level statements (``exec_driver_sql``) are written with ``?``
placeholders; on PostgreSQL :func:`install_qmark_placeholders` rewrites them for psycopg.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import Integer


class instr(FunctionElement[int]):  # noqa: N801 (reads like the SQL function it stands for)
    """``instr(haystack, needle)``: 1-based position of ``needle`` (0 when absent), case-sensitive."""

    type = Integer()
    inherit_cache = True


@compiles(instr)
def _instr_default(element: instr, compiler: Any, **kw: Any) -> str:
    return f"instr({compiler.process(element.clauses, **kw)})"


@compiles(instr, "postgresql")
def _instr_postgresql(element: instr, compiler: Any, **kw: Any) -> str:
    return f"strpos({compiler.process(element.clauses, **kw)})"


def distinct_list(conn: Connection, expression: str) -> str:
    """SQL aggregate: the distinct non-NULL values of ``expression`` joined by commas."""
    if conn.dialect.name == "postgresql":
        return f"string_agg(DISTINCT {expression}, ',')"
    return f"group_concat(DISTINCT {expression})"


def joined_ids(conn: Connection, column: str = "id") -> str:
    """SQL aggregate: an integer column's values joined by commas (in no particular order)."""
    if conn.dialect.name == "postgresql":
        return f"string_agg(CAST({column} AS TEXT), ',')"
    return f"group_concat({column})"


def stored_bytes(conn: Connection, column: str) -> str:
    """SQL: the bytes a text column holds (SQLite may hold invalid UTF-8; PostgreSQL never does)."""
    if conn.dialect.name == "postgresql":
        return f"convert_to({column}, 'UTF8')"
    return f"CAST({column} AS BLOB)"


def json_object(conn: Connection, pairs: list[tuple[str, str]]) -> str:
    """SQL: a JSON object built from (key, SQL expression) pairs (keys are the app's own words)."""
    function = "json_build_object" if conn.dialect.name == "postgresql" else "json_object"
    arguments = ", ".join(f"'{key}', {expression}" for key, expression in pairs)
    return f"{function}({arguments})"


def json_text(conn: Connection, column: str) -> str:
    """SQL: a JSON column's stored text (PostgreSQL's ``json`` type has no ``=``)."""
    return f"{column}::text" if conn.dialect.name == "postgresql" else column


def lock_for_write(conn: Connection, table: str, where: str, params: tuple[Any, ...]) -> None:
    """Keep the rows ``where`` selects (``?`` placeholders) from changing until the transaction ends,
    so an edit that reads them and then writes them writes what it read. SQLite takes the
    database's write lock now (``BEGIN IMMEDIATE``; other writers wait for the busy timeout);
    PostgreSQL locks those rows (``FOR UPDATE``)."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT 1 FROM {table} WHERE {where} FOR UPDATE", params).fetchall()
    elif not conn.connection.dbapi_connection.in_transaction:  # type: ignore[union-attr]
        conn.exec_driver_sql("BEGIN IMMEDIATE")  # (the driver would begin only at the first write)


def upsert(conn: Connection, table: Table, key: str, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows``, or overwrite every other column of those whose ``key`` exists."""
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(table)
    stmt = stmt.on_conflict_do_update(index_elements=[table.c[key]],
                                      set_={c.name: stmt.excluded[c.name] for c in table.columns if not c.primary_key})
    conn.execute(stmt, rows)


def install_qmark_placeholders(engine: Engine) -> None:
    """Let driver-level SQL written for SQLite (``?`` placeholders) run on psycopg (``%s``).

    Only statements SQLAlchemy did not compile (``exec_driver_sql``) are touched: they hold no
    ``?`` or ``%`` except as placeholders (this app's own statements; no literals with either).
    """

    @event.listens_for(engine, "before_cursor_execute", retval=True)
    def _rewrite(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                 executemany: bool) -> tuple[str, Any]:
        if context is not None and context.compiled is None and parameters and "?" in statement:
            statement = statement.replace("%", "%%").replace("?", "%s")
        return statement, parameters


def estimated_rows(conn: Connection, table: str) -> int | None:
    """The planner's row estimate of ``table`` on PostgreSQL (kept by autovacuum); None on SQLite
    or when the table was never analysed. Costs a catalogue lookup, not a scan."""
    if conn.dialect.name != "postgresql":
        return None
    found = conn.execute(text("SELECT reltuples FROM pg_class WHERE oid = to_regclass(:t)"),
                         {"t": table}).scalar_one_or_none()
    if found is None or float(found) < 0:
        return None
    return int(found)
