"""A READ the database holds busy (desk mode: a table another officer's migration or bring-back holds
past the session's 5 s lock_timeout, SQLSTATE 55P03) is calm: the status bar says it in words, the
view keeps what it showed, and the next action reads again. No crash dialog.

Most tests use a service double raising the error PostgreSQL's driver raises, as SQLAlchemy wraps it;
the last one holds a real table lock on the throwaway cluster."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NoReturn

import psycopg
import pytest
import sqlalchemy.exc
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.domain.models import LessonAction
from briefing_app.gui.diagnostics import ExceptionReporter
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.storage import database
from briefing_app.storage.errors import describe_busy_read, is_read
from tests.conftest import PG_TEMPLATE

NOT_READ = "Not read just now: the database is busy"


def busy_read_error(statement: str = "SELECT article.id FROM article") -> sqlalchemy.exc.OperationalError:
    """What a read waiting behind another session's table lock raises once the lock_timeout ran out."""
    return sqlalchemy.exc.OperationalError(
        statement, {}, psycopg.errors.LockNotAvailable("canceling statement due to lock timeout"))


def raise_busy_read(*_args: Any, **_kwargs: Any) -> NoReturn:
    raise busy_read_error()


def _add(win: MainWindow, title: str, text: str) -> int:
    article = win.services.articles.add(ImportedDocument(title=title, text=text, source_path=""))
    assert article.id is not None
    return article.id


@pytest.fixture
def window(qtbot: QtBot, loaded_window: MainWindow) -> MainWindow:
    """The window showing the first of two articles, both listed, its analysis done and drawn (no
    refresh of its own comes later to read again)."""
    first = _add(loaded_window, "Talks", "Jaishankar met Blinken in Washington.")
    _add(loaded_window, "Trade", "Goyal met Tai in Delhi to discuss tariffs.")
    loaded_window.refresh_library()
    with qtbot.waitSignal(loaded_window.analysisFinished, timeout=30_000):
        loaded_window.show_article(first)
    qtbot.wait(100)
    return loaded_window


def _said(win: MainWindow) -> str:
    return win.statusBar().currentMessage()


def test_the_words_of_a_busy_read() -> None:
    words = describe_busy_read(busy_read_error())
    assert words is not None and words.startswith(NOT_READ) and "reads again at your next step" in words
    other = sqlalchemy.exc.OperationalError("SELECT 1", {}, psycopg.errors.UndefinedTable("no table"))
    assert describe_busy_read(other) is None


def test_a_write_waiting_for_its_rows_is_not_a_read() -> None:
    """An edit's first statement on PostgreSQL locks the rows it will change (storage/sql.lock_for_write:
    SELECT ... FOR UPDATE): refused busy, nothing was saved, so it is no calm 'not read' line."""
    for statement in ("SELECT 1 FROM annotation WHERE id = %s FOR UPDATE",
                      "select 1 from briefing_item where briefing_id = %s for no key update",
                      "SELECT id FROM note WHERE id = %s\nFOR SHARE",
                      "SELECT pg_advisory_xact_lock(%(key)s)"):
        assert not is_read(busy_read_error(statement)), statement
    assert is_read(busy_read_error("SELECT article.id FROM article WHERE article.title LIKE 'for update%'"))
    assert is_read(busy_read_error())


def test_a_busy_library_read_keeps_the_list_and_says_so(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    listed = window.library.article_ids()
    monkeypatch.setattr(window.services.articles, "list_summaries", raise_busy_read)
    window.refresh_library()
    assert window.library.article_ids() == listed and NOT_READ in _said(window)
    other = next(i for i in listed if i != window.current_article_id)
    window.library.setCurrentRow(listed.index(other))  # the list still opens what the officer picks
    assert window.current_article_id == other
    window.statusBar().clearMessage()
    window.library.search.setText("Goyal")  # the search, read after a pause (its timer)
    qtbot.waitUntil(lambda: NOT_READ in _said(window), timeout=5_000)
    assert window.library.article_ids() == listed
    monkeypatch.undo()
    window.refresh_library()  # the next step reads again
    assert len(window.library.article_ids()) == 1


def test_an_article_opened_while_the_database_is_busy_leaves_the_one_shown(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown, text = window.current_article_id, window.view.text
    other = next(i for i in window.library.article_ids() if i != shown)
    real = window.services.annotations.rows_for_article
    monkeypatch.setattr(window.services.annotations, "rows_for_article", raise_busy_read)
    window.show_article(other)
    assert (window.current_article_id, window.view.text) == (shown, text), "edits still go to the article shown"
    assert NOT_READ in _said(window)
    monkeypatch.setattr(window.services.annotations, "rows_for_article", real)
    window.show_article(other)
    assert window.current_article_id == other and "Goyal" in window.view.text


def test_an_article_added_while_the_database_is_busy_for_reads_leaves_the_one_shown(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stored, but its marks not read: the view still draws the article shown before, so that is the
    current article (the one a tag or note the officer adds next goes to), not the new one."""
    shown, text = window.current_article_id, window.view.text
    real = window.services.annotations.rows_for_article
    monkeypatch.setattr(window.services.annotations, "rows_for_article", raise_busy_read)
    added = window.add_document(ImportedDocument(title="Visit", text="Modi visited Tokyo in May.", source_path=""))
    assert added is not None and added != shown
    assert (window.current_article_id, window.view.text) == (shown, text), "edits would go to the new article"
    monkeypatch.setattr(window.services.annotations, "rows_for_article", real)
    window.show_article(added)
    assert window.current_article_id == added and "Modi" in window.view.text


def test_a_passage_opened_while_the_database_is_busy_selects_nothing_in_the_article_shown(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A drafted line's source (builder) or a lesson's (Lessons panel) opened while its article cannot
    be read: the article shown stays, and no span of ITS text is selected at the other's offsets (a tag
    or passage added next would take it)."""
    shown = window.current_article_id
    other = next(i for i in window.library.article_ids() if i != shown)
    window.view.select_span(0, 0)
    monkeypatch.setattr(window.services.annotations, "rows_for_article", raise_busy_read)
    window.briefing_builder.open_passage(other, 0, 9)
    assert window.current_article_id == shown and window.view.selection_span()[1] == window.view.selection_span()[0]
    panel = window.review.lessons_panel
    panel.set_on_screen(True)
    window.services.lessons.record(LessonAction.REJECT, "Goyal", "PERSON", article_id=other, span=(0, 5))
    panel.refresh()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.show_source()
    assert window.current_article_id == shown and window.view.selection_span()[1] == window.view.selection_span()[0]


def test_busy_panels_keep_what_they_show(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    review = window.review
    review.lessons_panel.set_on_screen(True)
    window.services.lessons.record(LessonAction.REJECT, "Blinken", "PERSON")
    review.lessons_panel.refresh()
    panels: list[tuple[Any, Callable[[], object], str, str]] = [
        (review.lessons_panel, review.lessons_panel.refresh, "lessons", "all"),
        (review.entities_panel, review.entities_panel.refresh, "entities", "groups"),
        (review.notes_panel, review.notes_panel.refresh, "notes", "for_article"),
    ]
    for panel, refresh, service, method in panels:
        panel.set_on_screen(True)  # filled with this article's rows (a panel tabbed behind is filled when shown)
        before = panel.tree.topLevelItemCount()
        window.statusBar().clearMessage()
        with monkeypatch.context() as patch:
            patch.setattr(getattr(window.services, service), method, raise_busy_read)
            refresh()
        assert panel.tree.topLevelItemCount() == before and NOT_READ in _said(window), service
    assert review.lessons_panel.tree.topLevelItemCount() == 1


def test_a_busy_background_read_of_the_entities_leaves_the_panel_as_it_was(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = window.review.entities_panel
    before = panel.tree.topLevelItemCount()
    monkeypatch.setattr(window.services.entities, "groups", raise_busy_read)
    panel.refresh_in_background()
    qtbot.waitUntil(lambda: NOT_READ in _said(window), timeout=10_000)
    assert not panel.loading and panel.tree.topLevelItemCount() == before


def test_a_briefing_chosen_while_the_database_is_busy_leaves_the_one_shown(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The builder keeps showing the briefing it showed, and its edits keep going there (they went to
    the chosen one, whose fields the form did not show)."""
    builder = window.briefing_builder
    first = window.services.briefings.create(title="Quad summit").id
    second = window.services.briefings.create(title="Trade talks").id
    builder.briefings_changed(select=first)
    assert builder.current_id == first and builder.form.value("title") == "Quad summit"
    monkeypatch.setattr(window.services.briefings, "items", raise_busy_read)
    builder.chooser.setCurrentIndex(builder.chooser.findData(second))  # the officer picks the other one
    assert (builder.current_id, builder.chooser.currentData()) == (first, first)
    assert builder.form.value("title") == "Quad summit" and NOT_READ in _said(window)
    monkeypatch.undo()
    builder.chooser.setCurrentIndex(builder.chooser.findData(second))
    assert builder.current_id == second and builder.form.value("title") == "Trade talks"


def test_a_briefing_deleted_then_the_next_not_read_leaves_no_form_tied_to_the_wrong_one(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The briefing shown is gone (deleted) and the one the builder turns to cannot be read (busy): the
    form no longer shows the deleted briefing's fields while editing the other (typing there went to it)."""
    builder = window.briefing_builder
    first = window.services.briefings.create(title="Quad summit").id
    second = window.services.briefings.create(title="Trade talks").id
    builder.briefings_changed(select=first)
    assert builder.current_id == first and builder.form.value("title") == "Quad summit"
    assert first is not None
    window.services.briefings.delete(first)
    with monkeypatch.context() as patch:
        patch.setattr(window.services.briefings, "items", raise_busy_read)
        builder.briefings_changed(select=None)
    assert NOT_READ in _said(window)
    assert builder.current_id is None or builder.form.value("title") != "Quad summit", (
        "the form shows the deleted briefing while its edits go to another")
    builder.chooser.setCurrentIndex(builder.chooser.findData(second))  # the officer picks it: read again
    assert builder.current_id == second and builder.form.value("title") == "Trade talks"


def _briefings_one_with_a_passage(window: MainWindow) -> tuple[int, int, int]:
    """Two briefings, the first holding a passage of the article shown and shown with that passage
    selected; (first, second, item id)."""
    builder = window.briefing_builder
    shown, text = window.current_article_id, window.view.text
    assert shown is not None
    item_id = builder.add_passage(shown, 0, text.index(" in "), window.services.pillars.all()[0].id)
    first = builder.current_id
    assert item_id is not None and first is not None
    second = window.services.briefings.create(title="Trade talks").id
    assert second is not None
    builder.briefings_changed(select=first)
    leaf = builder.tree.leaf(item_id)
    assert leaf is not None
    builder.tree.clearSelection()
    leaf.setSelected(True)
    builder.tree.setCurrentItem(leaf)
    assert builder.comment_edit.isEnabled()
    return first, second, item_id


def test_the_comment_box_still_saves_after_a_briefing_chosen_while_busy(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The builder went back to the briefing it showed, its passage still selected and the comment box
    open: what the officer types there next is saved (it was typed into a box tied to no passage)."""
    builder = window.briefing_builder
    first, second, item_id = _briefings_one_with_a_passage(window)
    with monkeypatch.context() as patch:
        patch.setattr(window.services.briefings, "items", raise_busy_read)
        builder.chooser.setCurrentIndex(builder.chooser.findData(second))
    assert builder.current_id == first and builder.comment_edit.isEnabled()
    builder.comment_edit.setPlainText("Check the dates with the embassy.")
    builder.flush_pending()
    assert window.services.briefings.item_snapshots([item_id])[0].comment == "Check the dates with the embassy."


def test_a_briefing_chosen_while_the_comment_cannot_be_read_leaves_chooser_and_builder_together(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Choosing stores the comment being typed first, which reads the passage: busy, the builder stays on
    its briefing, the chooser too (it showed the other while Delete and edits went to this one), and
    the comment is stored at the next flush."""
    builder = window.briefing_builder
    first, second, item_id = _briefings_one_with_a_passage(window)
    builder.comment_edit.setPlainText("Ask the desk in Delhi.")
    with monkeypatch.context() as patch:
        patch.setattr(window.services.briefings, "item_snapshots", raise_busy_read)
        builder.chooser.setCurrentIndex(builder.chooser.findData(second))
    assert (builder.current_id, builder.chooser.currentData()) == (first, first) and NOT_READ in _said(window)
    builder.flush_pending()
    assert window.services.briefings.item_snapshots([item_id])[0].comment == "Ask the desk in Delhi."


def test_typing_refused_then_a_briefing_chosen_while_busy_is_saved_later(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The title typed was refused (busy) as the officer chose another briefing, which could not be read
    either: the builder stays on the first, the typed title still in its field, and the next commit
    stores it (it no longer looks saved while forgotten)."""
    builder = window.briefing_builder
    first, second, _item_id = _briefings_one_with_a_passage(window)
    title = builder.form.lines["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Washington call")
    with monkeypatch.context() as patch:
        patch.setattr(window.services.briefings, "update_change", raise_busy_read)
        patch.setattr(window.services.briefings, "items", raise_busy_read)
        builder.chooser.setCurrentIndex(builder.chooser.findData(second))
    assert builder.current_id == first and title.text() == "Washington call"
    builder.flush_pending()
    stored = window.services.briefings.get(first)
    assert stored is not None and stored.title == "Washington call"


@pytest.mark.qt_no_exception_capture
def test_a_busy_read_no_view_guards_reaches_the_status_bar_not_a_crash_dialog(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The crash handler's net: a busy READ (its statement a SELECT) from any slot is a line in the status
    bar; a busy WRITE that got that far still shows the dialog (it says what was not saved)."""
    boxes: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: boxes.append(box) or 0)
    reporter = ExceptionReporter(tmp_path / "briefing-app.log")
    reporter.install()
    try:
        QTimer.singleShot(0, raise_busy_read)
        qtbot.waitUntil(lambda: NOT_READ in _said(window), timeout=5_000)
        qtbot.wait(50)
        assert boxes == []

        def busy_write() -> NoReturn:
            raise busy_read_error("UPDATE article SET status=%(status)s")

        QTimer.singleShot(0, busy_write)
        qtbot.waitUntil(lambda: bool(boxes), timeout=5_000)
        assert "The change was not saved" in boxes[0].text()
    finally:
        reporter.uninstall()


@pytest.fixture
def desk_url(pg_cluster: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh desk database whose sessions give up on a held lock after 0.3 s."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    name = f"r_{uuid.uuid4().hex[:12]}"
    yield pg_cluster.create_database(name, template=PG_TEMPLATE)
    pg_cluster.drop_database(name)


@pytest.mark.postgresql
def test_a_library_read_behind_another_officers_migration_is_calm(
        qtbot: QtBot, desk_url: str, pg_cluster: Any, analyzer: object, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """For real: another session holds the article table (as a migration's ALTER TABLE does); the
    window's library and article reads hit the lock_timeout (55P03) and say so."""
    from briefing_app.gui import main_window
    from briefing_app.services import Services
    from briefing_app.settings import Settings

    monkeypatch.setattr(main_window, "create_analyzer", lambda _model=None: analyzer)
    win = MainWindow(Services.open(desk_url), Settings())
    qtbot.addWidget(win)
    try:
        first = _add(win, "Talks", "Jaishankar met Blinken in Washington.")
        win.show_article(first)
        second = _add(win, "Trade", "Goyal met Tai in Delhi to discuss tariffs.")
        win.refresh_library()
        listed, text = win.library.article_ids(), win.view.text
        with caplog.at_level(logging.WARNING), \
                pg_cluster.holding(desk_url, "LOCK TABLE article IN ACCESS EXCLUSIVE MODE"):
            win.refresh_library()
            assert win.library.article_ids() == listed and NOT_READ in _said(win)
            win.statusBar().clearMessage()
            win.show_article(second)
            assert (win.current_article_id, win.view.text) == (first, text) and NOT_READ in _said(win)
        assert "55P03" in caplog.text or "lock timeout" in caplog.text
        win.show_article(second)
        assert win.current_article_id == second
    finally:
        win.close()
        win.services.close()



def test_the_reads_for_views_are_view_reads_and_edits_are_not(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The reads that fill a view (calm_when_busy, calm_for_article) run inside view_reads(): on a desk
    server they give up on a held lock after a few hundred ms, not the edits' 5 s (the window frozen
    that long at each try of the busy path); an edit made by the window is not one."""
    from briefing_app.storage.view_reads import in_view_read

    seen: dict[str, bool] = {}

    def spy(service: object, name: str) -> None:
        real = getattr(service, name)

        def read(*args: Any, **kwargs: Any) -> Any:
            seen.setdefault(name, in_view_read())
            return real(*args, **kwargs)

        monkeypatch.setattr(service, name, read)

    spy(window.services.articles, "list_summaries")  # the library (calm_when_busy)
    spy(window.services.entities, "groups")  # the entities panel (calm_for_article)
    spy(window.services.changes, "set_status")  # an edit
    panel = window.review.entities_panel
    panel.set_on_screen(True)
    window.refresh_library()
    panel.refresh()
    shown = window.current_article_id
    assert shown is not None
    window.services.changes.set_status(shown, "reviewed")
    assert seen == {"list_summaries": True, "groups": True, "set_status": False}
    assert not in_view_read()


@pytest.fixture
def desk_url_edits_timeout(pg_cluster: Any) -> Iterator[str]:
    """A fresh desk database whose sessions keep the edits' own busy timeout (5 s)."""
    name = f"r_{uuid.uuid4().hex[:12]}"
    yield pg_cluster.create_database(name, template=PG_TEMPLATE)
    pg_cluster.drop_database(name)


@pytest.mark.postgresql
def test_a_library_read_behind_a_held_table_returns_to_the_busy_path_at_the_view_reads_timeout(
        qtbot: QtBot, desk_url_edits_timeout: str, pg_cluster: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """For real, with the edits' 5 s lock_timeout on the session: the library's read behind another
    officer's held table ran under the view reads' short lock_timeout (set just before it), then the
    busy path said it; the list kept what it showed."""
    from briefing_app.services import Services
    from briefing_app.settings import Settings
    from briefing_app.storage.view_reads import VIEW_READ_LOCK_TIMEOUT_MS

    url = desk_url_edits_timeout
    win = MainWindow(Services.open(url), Settings())
    qtbot.addWidget(win)
    try:
        _add(win, "Talks", "Jaishankar met Blinken in Washington.")
        win.refresh_library()
        listed = win.library.article_ids()
        run: list[str] = []
        real = psycopg.Cursor.execute

        def execute(cursor: Any, query: Any, *args: Any, **kwargs: Any) -> Any:
            run.append(str(query))
            return real(cursor, query, *args, **kwargs)

        with pg_cluster.holding(url, "LOCK TABLE article IN ACCESS EXCLUSIVE MODE"):
            monkeypatch.setattr(psycopg.Cursor, "execute", execute)
            win.refresh_library()
            monkeypatch.undo()
        assert win.library.article_ids() == listed and NOT_READ in _said(win)
        held = [n for n, s in enumerate(run) if "FROM article" in s]
        assert held, run
        sets = [s for s in run[:held[-1]] if "lock_timeout" in s]
        assert sets and sets[-1] == f"SET LOCAL lock_timeout = {VIEW_READ_LOCK_TIMEOUT_MS}", run
        assert database.BUSY_TIMEOUT_MS > VIEW_READ_LOCK_TIMEOUT_MS
        win.refresh_library()  # the table is free: read again
        assert win.library.article_ids() == listed
    finally:
        win.close()
        win.services.close()


# -- a panel's read held busy right after ANOTHER article was opened ------------------------------------

CLEARED = "Couldn't read this article's"
KEPT = "shows what it showed before"


def _rows(panel: Any) -> list[str]:
    """The first-column texts of a review panel's tree, all depths."""
    found: list[str] = []
    stack = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        found.append(item.text(0))
        stack.extend(item.child(i) for i in range(item.childCount()))
    return found


@pytest.fixture
def quick_retry(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both articles analysed (no analysis of its own refreshes the second when opened), the first shown;
    views waiting to read again try after 50 ms (then 100 ms), not seconds."""
    from briefing_app.gui import storage_guard

    first = window.current_article_id
    assert first is not None
    other = next(i for i in window.library.article_ids() if i != first)
    with qtbot.waitSignal(window.analysisFinished, timeout=30_000):
        window.show_article(other)
    window.show_article(first)
    qtbot.wait(100)
    window.statusBar().clearMessage()
    monkeypatch.setattr(storage_guard, "BUSY_RETRY_MS", (50, 100), raising=False)


def test_panels_busy_for_another_article_never_show_the_first_ones_rows_and_fill_by_themselves(
        qtbot: QtBot, window: MainWindow, quick_retry: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """Article B opened, its entities and notes held busy: the panels showed article A's people and note
    beside B's text (and said the window "shows what it showed before"). Now they are cleared with a
    line inside, the status bar says what is not shown, and they fill with B's once the database answers,
    nobody clicking anything."""
    review = window.review
    first = window.current_article_id
    assert first is not None
    window.services.notes.add(first, 0, 10, "Ask about the Quad.")
    for panel in (review.entities_panel, review.notes_panel):
        panel.set_on_screen(True)
        panel.refresh()
    assert "Jaishankar" in _rows(review.entities_panel) and any("Quad" in r for r in _rows(review.notes_panel))
    other = next(i for i in window.library.article_ids() if i != first)
    with monkeypatch.context() as patch:
        patch.setattr(window.services.entities, "groups", raise_busy_read)
        patch.setattr(window.services.notes, "for_article", raise_busy_read)
        window.show_article(other)
        assert window.current_article_id == other and "Goyal" in window.view.text
        entities, notes = _rows(review.entities_panel), _rows(review.notes_panel)
        assert not any(name in " ".join(entities) for name in ("Jaishankar", "Blinken")), entities
        assert not any("Quad" in r for r in notes), notes
        assert entities == [f"{CLEARED} entities — the library is busy; trying again"]
        assert notes == [f"{CLEARED} notes — the library is busy; trying again"]
        assert window.view.note_spans == {}, "the first article's note dots beside this one's text"
        said = _said(window)
        assert NOT_READ in said and KEPT not in said and "will show once the database answers" in said
        qtbot.wait(200)  # still busy: tried again, still cleared
        assert _rows(review.entities_panel) == entities
    qtbot.waitUntil(lambda: "Goyal" in " ".join(_rows(review.entities_panel)), timeout=5_000)
    qtbot.waitUntil(lambda: not any(CLEARED in r for r in _rows(review.notes_panel)), timeout=5_000)


def test_the_status_line_and_pillars_busy_for_another_article_are_greyed_not_the_first_ones(
        qtbot: QtBot, window: MainWindow, quick_retry: None, monkeypatch: pytest.MonkeyPatch) -> None:
    review = window.review
    first = window.current_article_id
    other = next(i for i in window.library.article_ids() if i != first)
    review.pillars_panel.set_on_screen(True)
    with monkeypatch.context() as patch:
        patch.setattr(window.services.articles, "status", raise_busy_read)
        window.show_article(other)
        assert window.current_article_id == other
        status = review.status
        assert not status.isEnabled() and status.counts.text().startswith(f"{CLEARED} review status"), \
            status.counts.text()
        assert _rows(review.pillars_panel) == [f"{CLEARED} pillars — the library is busy; trying again"]
    qtbot.waitUntil(lambda: review.status.isEnabled(), timeout=5_000)
    assert CLEARED not in review.status.counts.text()
    qtbot.waitUntil(lambda: not any(CLEARED in r for r in _rows(review.pillars_panel)), timeout=5_000)


def test_a_busy_read_of_the_article_shown_keeps_its_rows_and_waits_for_the_next_step(
        qtbot: QtBot, window: MainWindow, quick_retry: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same article: its own rows stay (right), the status bar says so, and nothing is tried again by
    itself (the next step reads)."""
    panel = window.review.entities_panel
    panel.set_on_screen(True)
    panel.refresh()
    before = _rows(panel)
    calls: list[int] = []

    def busy(*_args: Any, **_kwargs: Any) -> NoReturn:
        calls.append(1)
        raise busy_read_error()

    monkeypatch.setattr(window.services.entities, "groups", busy)
    panel.refresh()
    assert _rows(panel) == before and KEPT in _said(window)
    qtbot.wait(300)
    assert calls == [1]


def test_the_retry_backs_off_and_stops_when_the_article_changes_or_the_window_closes(
        qtbot: QtBot, window: MainWindow, quick_retry: None, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = window.review.entities_panel
    panel.set_on_screen(True)
    first = window.current_article_id
    other = next(i for i in window.library.article_ids() if i != first)
    asked: list[int] = []

    def busy(article_id: int, *_args: Any, **_kwargs: Any) -> NoReturn:
        asked.append(article_id)
        raise busy_read_error()

    monkeypatch.setattr(window.services.entities, "groups", busy)
    window.show_article(other)
    qtbot.wait(600)  # 50 ms, then every 100 ms: a handful of tries, never a loop
    assert 2 <= asked.count(other) <= 9, asked
    assert first is not None
    window.show_article(first)  # another article: the retry for `other` stops (first's own read answers)
    qtbot.wait(300)
    assert asked[-1] == first, "no more tries for the article no longer shown"
    window.close()
    tries = len(asked)
    qtbot.wait(400)
    assert len(asked) == tries, "the window closed: nothing is tried again"


def test_the_add_passages_list_busy_for_other_articles_is_cleared_then_filled(
        qtbot: QtBot, window: MainWindow, quick_retry: None, monkeypatch: pytest.MonkeyPatch) -> None:
    builder = window.briefing_builder
    builder.tabs.setCurrentWidget(builder.picker)
    first = window.current_article_id
    other = next(i for i in window.library.article_ids() if i != first)
    assert "Talks" in builder.picker.caption.text()
    with monkeypatch.context() as patch:
        patch.setattr(window.services.briefings, "candidate_passages", raise_busy_read)
        window.library.setCurrentRow(window.library.article_ids().index(other))
        assert window.current_article_id == other
        caption = builder.picker.caption.text()
        assert caption.startswith(f"{CLEARED} pillar passages") and "Talks" not in caption, caption
    qtbot.waitUntil(lambda: "Trade" in builder.picker.caption.text(), timeout=5_000)


def test_the_note_dots_of_the_article_drawn_again_while_busy_come_back_by_themselves(
        qtbot: QtBot, window: MainWindow, quick_retry: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The article shown is drawn anew (shown again after a bring-back, its analysis stored again): the
    drawing clears its note dots. Their read held busy then counted as "the same article's rows, kept":
    the text stayed without its dots, and nothing read them again by itself."""
    first = window.current_article_id
    assert first is not None
    window.services.notes.add(first, 0, 10, "Ask about the Quad.")
    window.review.controller.refresh_notes()
    assert window.view.note_spans
    with monkeypatch.context() as patch:
        patch.setattr(window.services.notes, "for_article", raise_busy_read)
        window.show_article(first)
        assert window.current_article_id == first and window.view.note_spans == {}
        qtbot.wait(200)  # still busy: tried again, still none
    qtbot.waitUntil(lambda: bool(window.view.note_spans), timeout=5_000)


def test_an_article_opened_after_a_long_busy_spell_is_tried_again_soon(
        qtbot: QtBot, window: MainWindow, quick_retry: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """The back-off is the window's: a long busy spell over one article had brought it to its longest
    wait, and the next article opened waited that long for its first try, its panel blank meanwhile."""
    from briefing_app.gui import storage_guard

    monkeypatch.setattr(storage_guard, "BUSY_RETRY_MS", (50, 100, 4000), raising=False)
    panel = window.review.entities_panel
    panel.set_on_screen(True)
    first = window.current_article_id
    assert first is not None
    other = next(i for i in window.library.article_ids() if i != first)
    with monkeypatch.context() as patch:
        patch.setattr(window.services.entities, "groups", raise_busy_read)
        window.show_article(other)
        qtbot.wait(400)  # tried at 50 and 100 ms: now at the 4 s wait
        window.show_article(first)
        assert _rows(panel) == [f"{CLEARED} entities — the library is busy; trying again"]
    # the database answers: the article just opened fills within the shortest wait, not after 4 s
    qtbot.waitUntil(lambda: "Jaishankar" in " ".join(_rows(panel)), timeout=1_500)


def test_briefings_held_busy_at_launch_leave_the_launch_going_and_are_read_by_themselves(
        qtbot: QtBot, open_window: Callable[..., MainWindow], db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk server holding the briefings busy while the window opens: the launch goes on (the review panels
    are built), the status bar says it, and the builder lists the briefing once a later read succeeds."""
    from briefing_app.services import Services
    from briefing_app.services.briefings import BriefingService

    services = Services.open(db_path)
    services.briefings.create(title="Sahel security brief")
    services.close()
    real_all = BriefingService.all
    refusals = [2]

    def busy_then_real(self: BriefingService) -> list[Any]:
        if refusals[0]:
            refusals[0] -= 1
            raise busy_read_error("SELECT briefing.id FROM briefing")
        return real_all(self)

    monkeypatch.setattr(BriefingService, "all", busy_then_real)
    win = open_window()
    assert win.attached and "entities" in win.review.docks  # the launch went on past the briefings
    assert win.statusBar().currentMessage().startswith(NOT_READ)
    assert win.briefing_builder.chooser.count() == 0
    qtbot.waitUntil(lambda: win.briefing_builder.chooser.count() == 1, timeout=10_000)
    assert win.briefing_builder.chooser.itemText(0).startswith("Sahel security brief")
    assert refusals[0] == 0 and not win._briefings_retry.isActive()
