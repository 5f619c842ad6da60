"""Deleting an article is undoable like any other edit, and keeps the undo history (issue 12, item 4)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlmodel import select

from briefing_app.domain.models import Annotation, BriefingItem, Lesson, Note
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import from_paste
from briefing_app.services.changes import BOOKKEEPING  # who/when/version: undo moves them on

BODY = "Modi met Albanese in Canberra to discuss critical minerals and a new defence pact."


def _rows(window: MainWindow, article_id: int) -> dict[str, list[dict[str, object]]]:
    with window.services.db.session() as session:
        return {
            "annotations": [a.model_dump(exclude=set(BOOKKEEPING)) for a in session.exec(
                select(Annotation).where(Annotation.article_id == article_id).order_by(Annotation.id))],
            "notes": [n.model_dump(exclude=set(BOOKKEEPING)) for n in session.exec(select(Note).where(Note.article_id == article_id))],
            "items": [i.model_dump(exclude=set(BOOKKEEPING)) for i in session.exec(
                select(BriefingItem).where(BriefingItem.article_id == article_id))],
            "lessons": [x.model_dump(exclude=set(BOOKKEEPING)) for x in session.exec(select(Lesson).where(Lesson.article_id == article_id))],
        }


def test_delete_undo_brings_the_article_back_with_everything_and_keeps_history(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    services = window.services
    article = services.articles.add(from_paste(BODY, title="Minerals pact", outlet="Wire"))
    assert article.id is not None
    article_id = article.id
    start = BODY.index("Canberra")
    services.annotations.add_change(article_id, "entity", start, start + len("Canberra"), "GPE")  # tag + lesson
    services.annotations.add_change(article_id, "pillar", 0, len(BODY), "defence")
    services.notes.add(article_id, 0, 4, "Check the date of the visit")
    briefing = services.briefings.create("Weekly note")
    assert briefing.id is not None
    services.briefings.add_item(briefing.id, article_id, 0, len(BODY), "defence", comment="lead item")
    window.refresh_library()
    window.library.set_status([article_id], "reviewed")  # an earlier edit on the stack
    earlier = window.undo_stack.count()
    assert earlier >= 1
    before = _rows(window, article_id)
    assert all(before[k] for k in ("annotations", "notes", "items", "lessons"))

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    window.library.setCurrentRow(0)
    assert window.library.delete_selected()
    assert services.articles.get(article_id) is None
    assert window.library.count() == 0
    assert window.undo_stack.count() == earlier + 1, "the deletion is on the stack, the history kept"

    window.undo_stack.undo()
    restored = services.articles.get(article_id)
    assert restored is not None and restored.title == "Minerals pact" and restored.status == "reviewed"
    assert _rows(window, article_id) == before, "tags, notes, briefing passages and lessons are back as they were"
    assert [h.article_id for h in services.articles.search_hits("minerals")] == [article_id]
    assert window.library.count() == 1
    assert window.undo_stack.count() == earlier + 1 and window.undo_stack.canUndo()

    window.undo_stack.redo()
    assert services.articles.get(article_id) is None
    assert window.library.count() == 0
    window.undo_stack.undo()
    window.undo_stack.undo()  # the earlier status change is still there to undo
    assert services.articles.get(article_id).status != "reviewed"  # type: ignore[union-attr]
