"""Review actions the database refuses (a busy database): nothing reaches the event loop as an
exception, nothing is half-written, a note being written stays in its dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.services.lessons import LessonService
from tests.gui.refusals import busy_error, raise_busy, short_busy_timeout, write_lock
from tests.gui.review.conftest import PATROLS_TEXT

__all__ = ["short_busy_timeout"]  # the fixture, used by name

TEXT = PATROLS_TEXT


@pytest.fixture
def window(short_busy_timeout: None, patrols_window: MainWindow) -> MainWindow:
    """A window showing an analysed article (writers give up on a held lock after 0.3 s: the timeout
    is set before the window opens its database)."""
    return patrols_window


def test_a_note_saved_while_another_program_holds_the_database_stays_in_its_dialog(
        qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    article_id = window.current_article_id
    assert article_id is not None
    dialog = window.review.controller.add_note(span=(0, 4))
    assert dialog is not None
    dialog.editor.setPlainText("Which call? Check the readout.")
    with write_lock(db_path):
        dialog.accept()
    assert dialog.isVisible(), "refused: the note is still being written"
    assert dialog.editor.toPlainText() == "Which call? Check the readout."
    assert "the database is busy" in dialog.problem.text()
    assert "the database is busy" in window.statusBar().currentMessage()
    assert window.services.notes.for_article(article_id) == []
    dialog.accept()  # the other program is done: Save again
    assert not dialog.isVisible()
    assert [n.body for n in window.services.notes.for_article(article_id)] == ["Which call? Check the readout."]


def test_an_edit_whose_review_status_cannot_be_moved_is_still_saved_and_undoable(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The edit is written; moving the article from "new" to "in review" is a second write that met a
    busy database: the edit still goes on the undo stack (nothing escapes, nothing is lost)."""
    article_id = window.current_article_id
    assert article_id is not None
    monkeypatch.setattr(window.services.changes, "mark_in_review", raise_busy)
    steps = window.undo_stack.count()
    changes = window.review.controller.perform(
        lambda: window.services.notes.add(article_id, 0, 4, "Which call?", None))
    assert changes is not None and window.undo_stack.count() == steps + 1
    assert window.services.articles.status(article_id) == "new"
    window.undo_stack.undo()
    assert window.services.notes.for_article(article_id) == []


def _note_saved_but_not_moved(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """A note saved in the shown article whose move into review the busy database refused once; with a
    second, untouched article: (the shown article, the other)."""
    from briefing_app.importers import ImportedDocument
    from tests.gui.refusals import busy_once

    article_id = window.current_article_id
    assert article_id is not None
    other = window.services.articles.add(ImportedDocument(title="Other", text="Albanese visited Delhi.",
                                                          source_path="")).id
    assert other is not None
    monkeypatch.setattr(window.services.changes, "mark_in_review", busy_once(window.services.changes.mark_in_review))
    assert window.review.controller.perform(lambda: window.services.notes.add(article_id, 0, 4, "Which call?", None))
    assert window.services.articles.status(article_id) == "new"
    return article_id, other


def test_a_review_status_move_refused_is_said_and_written_with_the_next_saved_edit(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The status line would show "new" with no word why: the status bar says it, and the next saved
    edit (here in another article) moves the first article into review too."""
    article_id, other = _note_saved_but_not_moved(window, monkeypatch)
    controller = window.review.controller
    message = window.statusBar().currentMessage()
    assert "saved" in message and "stays “new”" in message and "the database is busy" in message
    qtbot.waitUntil(lambda: window.review.status.status.currentData() == "new")  # as stored
    assert controller.perform(lambda: window.services.notes.add(other, 0, 8, "Check the date.", None))
    assert window.services.articles.status(article_id) == "in_review"
    qtbot.waitUntil(lambda: window.review.status.status.currentData() == "in_review")
    assert window.services.articles.status(other) == "in_review"
    window.undo_stack.undo()  # the step that wrote both moves puts both back
    assert window.services.articles.status(article_id) == window.services.articles.status(other) == "new"


def test_a_refused_review_move_is_not_written_once_its_edit_was_undone(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The officer undid the only edit of the article whose move was refused: the next saved edit (in
    another article) must not move the untouched article into review."""
    article_id, other = _note_saved_but_not_moved(window, monkeypatch)
    controller = window.review.controller
    window.undo_stack.undo()  # the edit is gone: nothing left to review in that article
    assert window.services.notes.for_article(article_id) == []
    assert controller.perform(lambda: window.services.notes.add(other, 0, 8, "Check the date.", None))
    assert window.services.articles.status(other) == "in_review"
    assert window.services.articles.status(article_id) == "new", "untouched: stays new"
    window.undo_stack.undo()
    assert window.services.articles.status(other) == "new"


def test_lessons_imported_on_a_busy_database_import_none_and_say_so(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "lessons.jsonl"
    shared.write_text('{"action": "add", "text": "Quad", "label": "ORG"}\n'
                      '{"action": "add", "text": "AUKUS", "label": "ORG"}\n', encoding="utf-8")
    real = LessonService.record
    calls: list[str] = []

    def busy_on_the_second(self: LessonService, *args: object, **kwargs: object) -> object:
        calls.append(str(kwargs["text"]))
        if len(calls) == 2:
            raise busy_error()
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(LessonService, "record", busy_on_the_second)
    window.review.lessons_panel.import_from(str(shared))
    assert calls == ["Quad", "AUKUS"]
    message = window.review.controller.last_message
    assert message.startswith("Lessons not imported. The change was not saved: the database is busy")
    assert window.services.lessons.all() == [], "all or nothing: the first lesson is not kept either"


def test_a_rename_typed_in_the_entities_panel_and_refused_shows_the_stored_name_again(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = window.review.entities_panel
    dock = window.review.docks["entities"]
    dock.show()
    dock.raise_()
    qtbot.waitUntil(lambda: panel.item_by_text("Indian Ocean") is not None)
    monkeypatch.setattr(window.services.entities, "rename", raise_busy)
    item = panel.item_by_text("Indian Ocean")
    assert item is not None
    item.setText(0, "Indian Ocean Region")  # as the tree's editor does on Return
    qtbot.waitUntil(lambda: "the database is busy" in window.review.controller.last_message)
    qtbot.waitUntil(lambda: panel.item_by_text("Indian Ocean") is not None)
    assert panel.item_by_text("Indian Ocean Region") is None, "the panel shows the name as stored"
