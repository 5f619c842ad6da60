"""PostgreSQL's "try again" refusals (deadlock, serialization failure, lock timeout) are a busy
database, in the words SQLite's busy database has; and a write waiting for another officer's row
lock gives up after the busy timeout instead of holding the window for ever."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import psycopg
import pytest
import sqlalchemy.exc
from sqlalchemy import text

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.services.desk_copy import bring_back, take_copy
from briefing_app.storage import database
from briefing_app.storage.errors import describe_busy_read, describe_storage_error, is_busy, is_read
from briefing_app.storage.view_reads import VIEW_READ_LOCK_TIMEOUT_MS, view_reads
from tests.conftest import PG_TEMPLATE

#: What the window says when SQLite's busy timeout ran out (no file named: a server has none).
SQLITE_BUSY_WORDS = describe_storage_error(
    sqlalchemy.exc.OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked")))


@pytest.fixture
def desk(pg_cluster: object) -> Iterator[tuple[object, str]]:
    """A fresh desk database: (cluster, URL)."""
    name = f"b_{uuid.uuid4().hex[:12]}"
    yield pg_cluster, pg_cluster.create_database(name, template=PG_TEMPLATE)  # type: ignore[attr-defined]
    pg_cluster.drop_database(name)  # type: ignore[attr-defined]


def _connect(cluster: object, url: str) -> psycopg.Connection:
    return cluster.connect(url)  # type: ignore[attr-defined, no-any-return]


def _row_held(cluster: object, url: str, article_id: int) -> AbstractContextManager[psycopg.Connection]:
    """Another officer's session holds the article's row lock (``FOR UPDATE``) inside the block."""
    return cluster.holding(url, "SELECT 1 FROM article WHERE id = %s FOR UPDATE", (article_id,))  # type: ignore[attr-defined, no-any-return]


def _two_articles(url: str) -> tuple[int, int]:
    services = Services.open(url)
    try:
        ids = [services.articles.add(ImportedDocument(title=t, text=f"{t} met in Delhi.", source_path="")).id
               for t in ("Ministers", "Envoys")]
    finally:
        services.close()
    assert ids[0] is not None and ids[1] is not None
    return ids[0], ids[1]


def _in_thread(fn: Callable[[], object]) -> tuple[threading.Thread, dict[str, BaseException]]:
    caught: dict[str, BaseException] = {}

    def run() -> None:
        try:
            fn()
        except BaseException as exc:  # noqa: BLE001 (handed to the test)
            caught["exc"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, caught


def _deadlock(cluster: object, url: str, a: int, b: int) -> BaseException:
    one, two = _connect(cluster, url), _connect(cluster, url)
    try:
        one.execute("UPDATE article SET title = 'one' WHERE id = %s", (a,))
        two.execute("UPDATE article SET title = 'two' WHERE id = %s", (b,))
        thread, caught = _in_thread(lambda: one.execute("UPDATE article SET title = 'one' WHERE id = %s", (b,)))
        try:
            two.execute("UPDATE article SET title = 'two' WHERE id = %s", (a,))
        except psycopg.Error as exc:  # the server broke the deadlock here…
            return exc
        finally:
            two.rollback()
            thread.join(10)
        return caught["exc"]  # …or there
    finally:
        one.close()
        two.close()


def _serialization_failure(cluster: object, url: str, a: int, _b: int) -> BaseException:
    one, two = _connect(cluster, url), _connect(cluster, url)
    try:
        for conn in (one, two):
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            conn.execute("SELECT title FROM article WHERE id = %s", (a,)).fetchall()
        one.execute("UPDATE article SET title = 'one' WHERE id = %s", (a,))
        one.commit()
        with pytest.raises(psycopg.Error) as raised:
            two.execute("UPDATE article SET title = 'two' WHERE id = %s", (a,))
        return raised.value
    finally:
        one.close()
        two.close()


def _lock_not_available(cluster: object, url: str, a: int, _b: int) -> BaseException:
    two = _connect(cluster, url)
    try:
        with _row_held(cluster, url, a), pytest.raises(psycopg.Error) as raised:
            two.execute("SELECT 1 FROM article WHERE id = %s FOR UPDATE NOWAIT", (a,))
        return raised.value
    finally:
        two.close()


@pytest.mark.postgresql
@pytest.mark.parametrize("make, state", [(_deadlock, "40P01"), (_serialization_failure, "40001"),
                                         (_lock_not_available, "55P03")])
def test_postgresqls_try_again_refusals_are_a_busy_database_in_sqlites_words(
        desk: tuple[object, str], make: Callable[..., BaseException], state: str) -> None:
    cluster, url = desk
    exc = make(cluster, url, *_two_articles(url))
    assert getattr(exc, "sqlstate", None) == state
    wrapped = sqlalchemy.exc.OperationalError("UPDATE article", {}, exc)  # as the services meet it
    assert is_busy(exc) and is_busy(wrapped)
    assert describe_storage_error(wrapped) == SQLITE_BUSY_WORDS


def test_other_server_errors_are_not_a_busy_database() -> None:
    class UniqueViolation(Exception):
        sqlstate = "23505"

    assert describe_storage_error(sqlalchemy.exc.IntegrityError("INSERT", {}, UniqueViolation())) is None


@pytest.mark.postgresql
def test_a_write_waiting_for_another_officers_row_lock_gives_up_in_words(
        desk: tuple[object, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a lock_timeout the edit waited as long as the other session held the row: the window
    with it (no busy timeout on a server)."""
    cluster, url = desk
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    article_id, _other = _two_articles(url)
    services = Services.open(url)
    try:
        with _row_held(cluster, url, article_id) as holder:
            thread, caught = _in_thread(lambda: services.changes.set_status(article_id, "reviewed"))
            thread.join(10)
            hung = thread.is_alive()
            holder.rollback()
            thread.join(10)
        assert not hung, "the edit waited for the other session's lock for ever"
        assert describe_storage_error(caught["exc"]) == SQLITE_BUSY_WORDS
        assert services.articles.status(article_id) == "new", "nothing was written"
        services.changes.set_status(article_id, "reviewed")  # the lock is gone: saved
        assert services.articles.status(article_id) == "reviewed"
    finally:
        services.close()


@pytest.mark.postgresql
def test_a_bring_back_and_a_copy_wait_for_another_officers_locks_beyond_the_busy_timeout(
        desk: tuple[object, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The edit's busy timeout cut the officer's bring-back (rolled back whole) when another officer's
    edit held one of its rows a moment too long, and a copy when a migration held a table: both long
    operations the officer started and watches now wait (storage/server.LONG_LOCK_TIMEOUT_MS)."""
    cluster, url = desk
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    article_id, _other = _two_articles(url)
    services = Services.open(url)
    copy = tmp_path / "laptop.db"
    try:
        with cluster.holding(url, "LOCK TABLE article IN ACCESS EXCLUSIVE MODE") as holder:  # type: ignore[attr-defined]
            threading.Timer(1.0, holder.rollback).start()  # held three busy timeouts long
            assert take_copy(services.db, copy) > 0
        laptop = Services.open(copy, officer="Asha")
        try:
            laptop.articles.update_metadata(article_id, title="Ministers (Asha)")
        finally:
            laptop.close()
        with _row_held(cluster, url, article_id) as holder:
            threading.Timer(1.0, holder.rollback).start()
            report = bring_back(services.db, copy)
        assert report.counts["articles"]["changed"] == 1
        brought = services.articles.get(article_id)
        assert brought is not None and brought.title == "Ministers (Asha)"
        with services.db.engine.connect() as conn:  # lifted for those transactions only (SET LOCAL)
            assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "300ms"
    finally:
        services.close()


def _statements_run(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every statement the driver runs from now on, in order (those SQLAlchemy's events never see too)."""
    run: list[str] = []
    real = psycopg.Cursor.execute

    def execute(cursor: psycopg.Cursor[Any], query: Any, *args: Any, **kwargs: Any) -> Any:
        run.append(str(query))
        return real(cursor, query, *args, **kwargs)

    monkeypatch.setattr(psycopg.Cursor, "execute", execute)
    return run


@pytest.mark.postgresql
def test_a_views_read_behind_a_held_table_gives_up_at_its_own_short_timeout_and_edits_keep_theirs(
        desk: tuple[object, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A read for a view (on the GUI thread) waited for another officer's table lock as long as an edit
    (the session's 5 s lock_timeout): the window frozen 5 s at each try of the busy path. Inside
    view_reads() a plain read now runs under a lock_timeout of a few hundred ms; an edit in the same
    transaction, and everything outside, keeps the edits' timeout."""
    cluster, url = desk
    article_id, _other = _two_articles(url)
    services = Services.open(url)
    short = f"{VIEW_READ_LOCK_TIMEOUT_MS}ms"
    edits = f"{database.BUSY_TIMEOUT_MS // 1000}s"
    setting = "SELECT current_setting('lock_timeout')"
    try:
        with view_reads(), services.db.session() as session:
            assert session.execute(text(setting)).scalar() == short
            # An edit (even one in the transaction of a view's read) waits as long as edits do.
            changed = session.execute(text("UPDATE article SET title = title WHERE id = :id "
                                           "RETURNING current_setting('lock_timeout')"), {"id": article_id})
            assert changed.scalar() == edits
            assert session.execute(text(f"{setting} FROM article WHERE id = :id FOR UPDATE"),
                                   {"id": article_id}).scalar() == edits, "a row locked for a write"
            # A read after the edit's first write is the edit's (given up on fast, it rolled the edit back).
            assert session.execute(text(setting)).scalar() == edits
            session.rollback()
            assert session.execute(text(setting)).scalar() == short, "a new transaction: the view's read"
            session.rollback()
        with services.db.session() as session:  # outside: the session's, the connection pooled clean
            assert session.execute(text(setting)).scalar() == edits
        assert services.articles.list_summaries(), "(the pooled connection was used)"

        run = _statements_run(monkeypatch)
        with cluster.holding(url, "LOCK TABLE article IN ACCESS EXCLUSIVE MODE"):  # type: ignore[attr-defined]
            with view_reads(), pytest.raises(sqlalchemy.exc.OperationalError) as raised:
                services.articles.list_summaries()
        assert is_busy(raised.value) and is_read(raised.value)
        assert describe_busy_read(raised.value) is not None, "the busy path takes it"
        failed = raised.value.statement
        assert failed is not None and failed in run
        sets = [s for s in run[:run.index(failed)] if "lock_timeout" in s]
        assert sets and sets[-1] == f"SET LOCAL lock_timeout = {VIEW_READ_LOCK_TIMEOUT_MS}", run
    finally:
        services.close()


@pytest.mark.postgresql
def test_an_orm_edit_in_a_views_read_and_a_workers_edit_meanwhile_keep_the_edits_timeout(
        desk: tuple[object, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The short timeout is the view's read's alone: an edit flushed by the ORM in the same block waits as
    edits do (its plain read first at the short one, its UPDATE at the edits'), and a worker thread's edit
    made while the GUI thread is inside view_reads() is not touched at all (per thread)."""
    _cluster, url = desk
    article_id, _other = _two_articles(url)
    services = Services.open(url)
    short = f"SET LOCAL lock_timeout = {VIEW_READ_LOCK_TIMEOUT_MS}"
    edits = f"SET LOCAL lock_timeout = {int(database.BUSY_TIMEOUT_MS)}"
    try:
        run = _statements_run(monkeypatch)
        with view_reads():
            services.changes.set_status(article_id, "reviewed")  # read, then the ORM's flush
            mine = len(run)
            worker, caught = _in_thread(lambda: services.changes.set_status(article_id, "in_review"))
            worker.join(30)
        assert not caught and not worker.is_alive()
        updates = [n for n, s in enumerate(run) if s.lstrip().upper().startswith("UPDATE ARTICLE")]
        assert len(updates) == 2 and updates[0] < mine <= updates[1], run
        sets = [s for s in run[:updates[0]] if "lock_timeout" in s]
        assert sets == [short, edits], run
        assert not [s for s in run[mine:] if "lock_timeout" in s], "the worker's edit: the session's own timeout"
    finally:
        services.close()
