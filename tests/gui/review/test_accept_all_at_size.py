"""Accept all remaining on a long report (3,000 suggestions), its undo and its redo, through the
window: the highlights, the Entities panel, the navigation (N), the status line and the library row
end exactly as the database says, and a rebuild would show (no timing here: see
tests/benchmarks/bench_bulk_edits.py)."""

# ruff: noqa: F811  (the fixture "make_window" is imported from the workspace tests)

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from briefing_app.domain.models import AnnotationStatus
from briefing_app.gui import article_view
from briefing_app.gui.library_panel import OPEN, STATUS
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review.status import open_counts_text
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage
from briefing_app.services import Services
from tests.gui.review.test_review_workspace import make_window  # noqa: F401

SUGGESTIONS = 3_000
DECIDED = 300  # tags at the end of the report the officer accepted before: not part of the edit
SENTENCE = "Officials from Canberra met delegates of Tokyo and Jakarta about port security. "
PER_PARAGRAPH = 8
WORDS = (("Canberra", "GPE"), ("Tokyo", "GPE"), ("Jakarta", "GPE"))


def _report(services: Services) -> int:
    """A long report in paragraphs: SUGGESTIONS + DECIDED entity tags and a pillar passage per paragraph."""
    tags = SUGGESTIONS + DECIDED
    sentences = tags // len(WORDS) + 1
    paragraphs = ["".join(SENTENCE for _ in range(min(PER_PARAGRAPH, sentences - p)))
                  for p in range(0, sentences, PER_PARAGRAPH)]
    text = "\n".join(p.rstrip() for p in paragraphs)
    spans, passages, offset = [], [], 0
    for paragraph in text.split("\n"):
        passages.append(Passage(offset, offset + len(SENTENCE) - 1, ["security"], {"security": 0.7}, ["port security"]))
        for s in range(0, len(paragraph), len(SENTENCE)):
            for word, label in WORDS:
                if len(spans) < tags:
                    start = offset + s + SENTENCE.index(word)
                    spans.append(EntitySpan(start, start + len(word), label, word, "model", f"{label}:{word.lower()}", 0.8))
        offset += len(paragraph) + 1
    article = services.articles.add(ImportedDocument(title="Long report", text=text, source_path=""))
    assert article.id is not None
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=spans, passages=passages))
    decided = sorted((a for a in services.annotations.for_article(article.id) if a.kind == "entity"),
                     key=lambda a: a.start)[-DECIDED:]
    services.annotations.accept([a.id for a in decided if a.id is not None])
    return article.id


def _tree(tree: QTreeWidget) -> list[Any]:
    def item(it: QTreeWidgetItem) -> list[Any]:
        return [it.text(0), it.text(1), [item(it.child(i)) for i in range(it.childCount())]]

    return [item(tree.topLevelItem(i)) for i in range(tree.topLevelItemCount())]


def _check(qtbot: QtBot, window: MainWindow, open_tags: int) -> None:
    """Everything the officer sees agrees with the database after the edit, its undo or its redo."""
    qtbot.waitUntil(window.view.rendering_done, timeout=60_000)  # the redraw's later slices
    article_id = window.current_article_id
    assert article_id is not None
    rows = {a.id: a for a in window.services.annotations.for_article(article_id)}
    view = window.view
    # the highlights: every tag drawn with its status, the pillar bars too
    assert len(view.entity_marks) == SUGGESTIONS + DECIDED
    for mark in view.entity_marks.values():
        assert mark.status == rows[mark.annotation_id].status
        assert view.status_at(mark.start) == mark.status, f"tag {mark.annotation_id} drawn wrongly"
        assert view.annotation_at(mark.start) == mark.annotation_id
    assert all(p.status == rows[p.annotation_id].status for p in view.pillar_marks.values())
    suggested_passages = sum(1 for p in view.pillar_marks.values() if p.status == AnnotationStatus.SUGGESTED)
    # the Entities panel: the counts a rebuild from the database shows
    panel = window.review.entities_panel
    shown = _tree(panel.tree)
    panel.refresh()
    assert shown == _tree(panel.tree)
    mentions = sorted(row[1] for head in shown for row in head[2])
    if open_tags:
        assert any("open" in m for m in mentions)
    else:
        assert not any("open" in m for m in mentions)
    # the navigation: N walks exactly the open suggestions
    controller = window.review.controller
    _items, open_items = controller._navigation()
    assert len(open_items) == open_tags + suggested_passages
    # the status line and the library row
    status = window.review.status
    total = open_tags + suggested_passages
    counts = window.services.annotations.open_counts(article_id)
    assert counts["entity"] + counts["pillar"] == total
    assert status.counts.text() == open_counts_text(counts["entity"], counts["pillar"])
    lib = window.library
    row = lib.article_ids().index(article_id)
    assert str(lib.proxy.index(row, OPEN).data() or "0") == str(total)
    assert status.accept_all_button.isEnabled() == bool(total)


def test_accept_all_undo_redo_on_3000_suggestions_leave_the_window_as_the_database(
        qtbot: QtBot, make_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    # A full render draws this report's tags at once; fewer at once leaves some to later turns,
    # as a longer report's (past FULL_RENDER_MARKS) are.
    monkeypatch.setattr(article_view, "FULL_RENDER_MARKS", 1_000)
    window: MainWindow = make_window()
    article_id = _report(window.services)
    window.refresh_library()
    window.show_article(article_id)
    lib = window.library

    def status_shown() -> str:
        return str(lib.proxy.index(lib.article_ids().index(article_id), STATUS).data())

    # At once, while the long report is still being drawn (its last tags in later event-loop turns).
    assert not window.view.rendering_done()
    qtbot.mouseClick(window.review.status.accept_all_button, Qt.MouseButton.LeftButton)
    _check(qtbot, window, open_tags=0)
    assert status_shown() == "In review"

    window.undo_stack.undo()
    _check(qtbot, window, open_tags=SUGGESTIONS)
    assert status_shown() == "New"

    window.undo_stack.redo()
    _check(qtbot, window, open_tags=0)
    assert status_shown() == "In review"
    qtbot.keyClick(window.view.editor, Qt.Key.Key_N)
    assert "No open suggestions" in window.review.controller.last_message
