"""Live changes (desk mode, issue 19), on both engines: officer A's feed reports what officer B
changed in the article A has open, and the articles B added or deleted, at A's next poll."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefing_app.importers import ImportedDocument
from briefing_app.services import Services, live
from briefing_app.services.live import ChangeFeed, ChangeListener, Notice
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


def _article(svc: Services, text: str = TEXT) -> int:
    article = svc.articles.add(ImportedDocument(title="Call", text=text, source_path=""))
    assert article.id is not None
    return article.id


def test_the_feed_reports_another_officers_tag_edits_in_the_open_article(asha: Services, bram: Services) -> None:
    article_id = _article(asha)
    modi = asha.annotations.add(article_id, "entity", 0, 4, "PERSON").id
    trump = asha.annotations.add(article_id, "entity", 9, 14, "PERSON").id
    feed = ChangeFeed(asha.db)
    state = feed.start(article_id)
    assert feed.check(state) is None  # nothing changed: nothing to show

    bram.annotations.relabel(modi, "ORG")
    bram.annotations.delete_row(trump)
    added = bram.annotations.add(article_id, "entity", 18, 28, "GPE").id

    update = feed.check(state)
    assert update is not None and not update.library_changed and not update.article_gone
    changed = {(after if after is not None else before).key: (before, after)
               for before, after in update.changes.annotations}
    assert set(changed) == {modi, trump, added}
    assert changed[modi][1].label == "ORG" and changed[modi][1].changed_by == "Bram"
    assert changed[trump][1] is None and changed[added][0] is None
    assert update.written_by(update.rows) == ["Bram"] and update.written_at(update.rows) is not None
    # The next check starts from what this one saw: nothing new, nothing reported twice.
    assert feed.check(update.state) is None


def test_the_feed_reports_notes_and_the_article_row(asha: Services, bram: Services) -> None:
    article_id = _article(asha)
    feed = ChangeFeed(asha.db)
    state = feed.start(article_id)
    bram.notes.add(article_id, 0, 4, "Check the date of the call")
    bram.articles.update_metadata(article_id, title="Washington call")
    update = feed.check(state)
    assert update is not None
    [(no_note, note)] = update.changes.notes
    assert no_note is None and note.body == "Check the date of the call"
    [(old, new)] = update.changes.rows
    assert (old.title, new.title, new.changed_by) == ("Call", "Washington call", "Bram")


def test_the_feed_tells_when_articles_are_added_or_deleted(asha: Services, bram: Services) -> None:
    article_id = _article(asha)
    feed = ChangeFeed(asha.db)
    state = feed.start(article_id)
    other = _article(bram, "A second article about something else entirely.")
    update = feed.check(state)
    assert update is not None and update.library_changed and not update.changes
    bram.articles.delete(article_id)
    gone = feed.check(update.state)
    assert gone is not None and gone.library_changed and gone.article_gone
    assert bram.articles.get(other) is not None


def test_a_tag_another_officer_changed_can_be_edited_once_shown_and_their_change_is_not_undone(
        asha: Services, bram: Services) -> None:
    article_id = _article(asha)
    tag = asha.annotations.add(article_id, "entity", 0, 4, "PERSON").id
    asha_step = asha.annotations.relabel(tag, "ORG")  # on Asha's undo list
    feed = ChangeFeed(asha.db)
    state = feed.start(article_id)
    bram.annotations.relabel(tag, "GPE")
    update = feed.check(state)
    assert update is not None
    feed.shown(update)  # Asha's window now shows Bram's label
    with pytest.raises(StaleEdit, match="changed by Bram"):
        asha.changes.undo(asha_step)  # undo never reverts Bram's change
    asha.annotations.relabel(tag, "NORP")  # a new edit on top of his: saved, not refused
    row = bram.annotations.get(tag)
    assert row is not None and row.label == "NORP" and row.changed_by == "Asha"


@pytest.mark.parametrize("db_engine", [pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_postgresql_notifies_the_listener_with_article_and_officer(asha: Services, bram: Services) -> None:
    article_id = _article(asha)
    listener = ChangeListener(asha.db)
    try:
        tag = bram.annotations.add(article_id, "entity", 0, 4, "PERSON").id
        notices = listener.wait(5.0)
        assert Notice("annotation", article_id, "Bram") in notices
        bram.annotations.relabel(tag, "ORG")
        assert Notice("annotation", article_id, "Bram") in listener.wait(5.0)
        assert listener.drain() == []  # nothing more was sent
    finally:
        listener.close()


@pytest.mark.parametrize("db_engine", [pytest.param("postgresql", marks=pytest.mark.postgresql)])
def test_another_officers_tag_edit_makes_the_lessons_read_their_habits_again(asha: Services,
                                                                             bram: Services) -> None:
    """Lessons are checked against the tags the officers stand behind (a boundary lesson their tags
    contradict stays local); on a desk server Bram's accept moves Asha's lessons' version, so that
    check is made again, as after her own edits."""
    article_id = _article(asha)
    listener = ChangeListener(asha.db)
    try:
        before = asha.lessons.version()
        tag = bram.annotations.add(article_id, "entity", 0, 4, "PERSON").id
        assert Notice("annotation", article_id, "Bram") in listener.wait(5.0)
        after_add = asha.lessons.version()
        assert after_add != before
        bram.annotations.accept([tag])
        listener.wait(5.0)
        assert asha.lessons.version() != after_add
        asha.annotations.relabel(tag, "ORG")  # her own edit moves it once, itself
        own = asha.lessons.version()
        listener.wait(5.0)
        assert asha.lessons.version() == own  # (her own notice is not counted twice)
    finally:
        listener.close()


@pytest.mark.sqlite_only
def test_the_poll_reads_the_open_article_not_the_library(asha: Services) -> None:
    """The poll's one statement finds the clock row and the open article's rows by index: no full
    scan of the articles, tags or notes, so its cost does not grow with the library."""
    article_id = _article(asha)
    with asha.db.engine.connect() as conn:
        sql = str(live._STAMP.compile(conn)).replace(":a", "?")
        plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, (article_id,) * 3))
    assert "SEARCH" in plan
    assert not any(f"SCAN {table}" in plan for table in ("article", "annotation", "note", "c")), plan
    assert ChangeFeed(asha.db).stamp(article_id).library >= 1


def test_a_row_this_officer_wrote_again_after_the_check_is_not_put_back(asha: Services, bram: Services) -> None:
    """A check read the rows, then Asha edited one before its answer was shown: that row's older
    read is left out (her newer version is on screen), Bram's change is still shown."""
    article_id = _article(asha)
    mine = asha.annotations.add(article_id, "entity", 0, 4, "PERSON").id
    his = asha.annotations.add(article_id, "entity", 9, 14, "PERSON").id
    feed = ChangeFeed(asha.db)
    state = feed.start(article_id)
    bram.annotations.relabel(his, "ORG")
    asha.annotations.relabel(mine, "ORG")
    update = feed.check(state)  # reads both rows...
    assert update is not None
    asha.annotations.relabel(mine, "NORP")  # ...then Asha edits hers again before it is shown
    feed.drop_outdated(update)
    assert [after.key for _before, after in update.changes.annotations] == [his]
    again = feed.check(update.state)
    assert again is not None and [after.label for _b, after in again.changes.annotations] == ["NORP"]
