"""Many writers, nothing lost (desk mode, issue 19), on both engines: two officers on one library.

Officer A is the ``services`` fixture; officer B opens the same database (file or PostgreSQL) as
a second connection, as a second laptop or window would.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefing_app.domain.models import Article
from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.storage.errors import StaleEdit

TEXT = "Modi met Trump in Washington. Both sides will deepen defence ties."


@pytest.fixture
def asha(services: Services) -> Services:
    services.db.officer = "Asha"
    return services


@pytest.fixture
def bram(db_target: str, asha: Services) -> Iterator[Services]:
    other = Services.open(db_target, officer="Bram")
    yield other
    other.close()


def _article(svc: Services) -> int:
    article = svc.articles.add(ImportedDocument(title="Call", text=TEXT, source_path=""))
    assert article.id is not None
    return article.id


def test_a_stale_edit_is_refused_naming_the_officer_and_shows_the_merged_state(asha: Services,
                                                                                bram: Services) -> None:
    article_id = _article(asha)
    shown = asha.articles.get(article_id)  # Asha's window shows the article
    assert shown is not None and (shown.version, shown.changed_by) == (1, "Asha")
    bram.articles.update_metadata(article_id, title="Washington call, 5 Dec")
    with pytest.raises(StaleEdit, match=r"this article was changed by Bram at \d\d:\d\d:\d\d UTC"):
        asha.articles.update_metadata(article_id, outlet="Wire")
    merged = asha.articles.get(article_id)
    assert merged is not None and merged.title == "Washington call, 5 Dec" and merged.outlet == ""
    # Having seen Bram's version, Asha's same edit goes through on top of it: nothing of his is lost.
    asha.articles.update_metadata(article_id, outlet="Wire")
    final = bram.articles.get(article_id)
    assert final is not None
    assert (final.title, final.outlet, final.changed_by, final.version) == ("Washington call, 5 Dec", "Wire", "Asha", 3)


def test_two_writes_from_the_same_read_never_both_land(asha: Services, bram: Services) -> None:
    """The ORM update says WHERE version = <read>: the second of two racing writes is refused."""
    article_id = _article(asha)
    with pytest.raises(StaleEdit, match="changed by another officer"):  # noqa: PT012 (two sessions race)
        with asha.db.session() as a_session, bram.db.session() as b_session:
            a_row = a_session.get(Article, article_id)
            b_row = b_session.get(Article, article_id)
            assert a_row is not None and b_row is not None
            a_row.title, b_row.title = "Asha's title", "Bram's title"
            a_session.add(a_row)
            a_session.commit()
            b_session.add(b_row)
            b_session.commit()
    stored = asha.articles.get(article_id)
    assert stored is not None and stored.title == "Asha's title" and stored.version == 2


def test_undo_never_reverts_another_officers_change(asha: Services, bram: Services) -> None:
    article_id = _article(asha)
    tag_id = asha.annotations.add(article_id, "entity", 0, 4, "PERSON").id
    relabel = asha.annotations.relabel(tag_id, "ORG")
    bram.annotations.get(tag_id)  # Bram's window shows the tag as Asha left it
    bram.annotations.relabel(tag_id, "GPE")
    with pytest.raises(StaleEdit, match="this tag was changed by Bram"):
        asha.changes.undo(relabel)
    kept = asha.annotations.get(tag_id)
    assert kept is not None and kept.label == "GPE" and kept.changed_by == "Bram"
    # Asha's own undo of her own change still works when nobody else touched the row.
    again = asha.annotations.relabel(tag_id, "NORP")
    asha.changes.undo(again)
    back = bram.annotations.get(tag_id)
    assert back is not None and back.label == "GPE" and back.changed_by == "Asha"


def test_every_row_records_who_changed_it_and_when(asha: Services, bram: Services) -> None:
    article_id = _article(asha)
    briefing = asha.briefings.create("Weekly note")
    assert briefing.changed_by == "Asha" and briefing.changed_at is not None
    bram.briefings.update(briefing.id or 0, subject="India–US")
    updated = asha.briefings.get(briefing.id or 0)
    assert updated is not None and (updated.changed_by, updated.version) == ("Bram", 2)
    assert updated.changed_at is not None and updated.changed_at >= briefing.changed_at
    accepted = bram.annotations.accept_all_remaining(article_id)
    assert not accepted  # nothing suggested yet: nothing to stamp


def test_lessons_show_who_taught_them_and_only_they_or_a_desk_lead_withdraw_them(asha: Services,
                                                                                 bram: Services) -> None:
    article_id = _article(asha)
    tag_id = asha.annotations.add(article_id, "entity", 0, 4, "PERSON").id
    asha.annotations.reject([tag_id])  # Asha teaches: never suggest "Modi" as PERSON again
    (lesson,) = bram.lessons.all()
    assert lesson.taught_by == "Asha"
    bram.db.desk_lead = False
    with pytest.raises(ValueError, match="only Asha, who taught this lesson, or a desk lead can withdraw it"):
        bram.lessons.withdraw(lesson.id or 0)
    assert [x.id for x in asha.lessons.all()] == [lesson.id]  # still applied
    bram.db.desk_lead = True
    withdrawn = bram.lessons.withdraw(lesson.id or 0)
    assert withdrawn and asha.lessons.all() == []
    asha.db.desk_lead = False
    own = asha.annotations.add(article_id, "entity", 30, 34, "PERSON").id
    asha.annotations.reject([own])
    mine = [x for x in asha.lessons.all() if x.text == "Both"]
    assert mine and asha.lessons.withdraw(mine[0].id or 0)  # one's own lesson: always


def test_two_writes_of_the_same_officer_from_one_read_both_land_last_one_winning(asha: Services) -> None:
    """An analysis thread and the officer's edit in one window: no refusal among oneself (as before desk mode)."""
    article_id = _article(asha)
    with asha.db.session() as first, asha.db.session() as second:
        a_row, b_row = first.get(Article, article_id), second.get(Article, article_id)
        assert a_row is not None and b_row is not None
        a_row.title, b_row.outlet = "Edited title", "Wire"
        first.add(a_row)
        first.commit()
        second.add(b_row)
        second.commit()
    stored = asha.articles.get(article_id)
    assert stored is not None and stored.outlet == "Wire" and stored.version == 3


def test_an_own_write_landing_between_the_version_check_and_the_update_is_not_a_refusal(
        asha: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """The analysis thread saving results at the very instant the officer marks the article reviewed:
    once (CI, stop 29) the save landed between the flush's version check and its UPDATE, and the
    status change was refused as "changed by another officer". The row is locked before the check."""
    import threading

    from sqlalchemy import event, text
    from sqlalchemy.orm import Session

    article_id = _article(asha)
    landed: list[bool] = []

    def analysis_saves() -> None:
        with asha.db.engine.connect() as conn:
            conn.execute(text("UPDATE article SET version = version + 1, changed_by = 'Asha', "
                              "analysis_mode = 'model' WHERE id = :id"), {"id": article_id})
            conn.commit()
        landed.append(True)

    threads: list[threading.Thread] = []

    def between_check_and_update(session: Session, _context: object, _instances: object) -> None:
        if threads or not any(isinstance(row, Article) for row in session.dirty):
            return
        thread = threading.Thread(target=analysis_saves)
        threads.append(thread)
        thread.start()
        thread.join(timeout=0.5)  # without the lock it lands now; with it, it waits for this commit

    event.listen(Session, "before_flush", between_check_and_update)  # after desk mode's own check
    try:
        before = asha.articles.set_status(article_id, "reviewed")
    finally:
        event.remove(Session, "before_flush", between_check_and_update)
        for thread in threads:
            thread.join(timeout=30)
    assert before == "new" and threads and landed == [True]
    stored = asha.articles.get(article_id)
    assert stored is not None and stored.status == "reviewed" and stored.analysis_mode == "model"


def test_marking_several_articles_refused_part_way_writes_none_of_them(asha: Services, bram: Services) -> None:
    """A status change of two articles where the second was changed by another officer: the first is
    put back too, since no undo step covers a half-done change."""
    first, second = _article(asha), asha.articles.add(
        ImportedDocument(title="Second", text=TEXT + " Again.", source_path="")).id
    assert second is not None
    bram.articles.update_metadata(second, title="Second (Bram)")
    with pytest.raises(StaleEdit):
        asha.changes.set_statuses([first, second], "reviewed")
    stored = asha.articles.get(first)
    assert stored is not None and stored.status == "new"
    other = asha.articles.get(second)
    assert other is not None and other.status == "new" and other.title == "Second (Bram)"


def test_the_rows_of_one_flush_are_locked_in_a_fixed_order(asha: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two officers (or this window's two threads) saving the same rows must lock them in one order:
    in the order of the session's dirty set (a hash order) two flushes of the same articles can each
    hold one and wait for the other, a deadlock PostgreSQL then breaks with an error no window catches.
    Locked by table, then id, the second waits and is refused cleanly (StaleEdit) if the first changed them."""
    import briefing_app.services.desk as desk
    from briefing_app.storage import sql

    ids = [asha.articles.add(ImportedDocument(title=f"Call {n}", text=f"{TEXT} Number {n}.", source_path="")).id
           for n in range(40)]
    locked: list[tuple[str, object]] = []

    def recording(conn: object, table: str, where: str, params: tuple[object, ...]) -> None:
        locked.append((table, params[0]))
        sql.lock_for_write(conn, table, where, params)  # type: ignore[arg-type]

    monkeypatch.setattr(desk, "lock_for_write", recording)
    with asha.db.session() as session:
        articles = [session.get(Article, article_id) for article_id in ids]  # (each get flushes first)
        for article in reversed(articles):
            assert article is not None
            article.outlet = "Wire"
            session.add(article)
        session.commit()
    assert locked == sorted(locked) and len(locked) == len(ids)


@pytest.mark.sqlite_only
def test_marking_several_articles_is_all_or_nothing_when_the_database_turns_busy_part_way(
        db_path: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program takes the database's write lock after the first article of a bulk "Mark as"
    was written and keeps it: the second write fails, and so did the old put-back of the first (the
    same lock), which left the first article changed with no undo step for it. One transaction now."""
    import sqlite3

    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from briefing_app.storage import database
    from briefing_app.storage.errors import describe_storage_error

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    svc = Services.open(str(db_path))
    held: list[sqlite3.Connection] = []
    try:
        first, second = (svc.articles.add(ImportedDocument(title=t, text=f"{TEXT} {t}.", source_path="")).id
                         for t in ("One", "Two"))

        def another_program_locks(_session: Session) -> None:
            if not held:
                conn = sqlite3.connect(str(db_path), isolation_level=None)
                conn.execute("BEGIN IMMEDIATE")
                held.append(conn)

        event.listen(Session, "after_commit", another_program_locks)
        try:
            try:
                svc.changes.set_statuses([first, second], "reviewed")
            except Exception as exc:  # noqa: BLE001 (a refusal is allowed; half a change is not)
                assert describe_storage_error(exc) is not None
        finally:
            event.remove(Session, "after_commit", another_program_locks)
            for conn in held:
                conn.rollback()
                conn.close()
        statuses = [svc.articles.get(i).status for i in (first, second)]  # type: ignore[union-attr]
        assert statuses in (["new", "new"], ["reviewed", "reviewed"])
    finally:
        svc.close()
