"""Edits redraw only what they touched: the library row of the edited article (not the whole
library), and in the Entities panel only the entities the edit changed, ending exactly where a
rebuild from the database would."""

# ruff: noqa: F811  (the fixtures "make_window"/"window" are imported from the workspace tests)

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from briefing_app.gui.library_panel import OPEN, STATUS, LibraryPanel
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from tests.gui.review.test_review_workspace import make_window, window  # noqa: F401


def _tree(tree: QTreeWidget) -> list[Any]:
    def item(it: QTreeWidgetItem) -> list[Any]:
        return [it.text(0), it.text(1), [item(it.child(i)) for i in range(it.childCount())]]

    return [item(tree.topLevelItem(i)) for i in range(tree.topLevelItemCount())]


def _row(window: MainWindow, column: int) -> str:
    lib = window.library
    return str(lib.proxy.index(lib.article_ids().index(window.current_article_id), column).data() or "")


def _suggestion(window: MainWindow, text: str, label: str) -> int:
    return next(m.annotation_id for m in window.view.entity_marks.values()
                if window.view.text[m.start:m.end] == text and m.label == label and m.status == "suggested")


def test_the_first_edit_of_an_article_updates_its_row_without_reloading_the_library(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(3):  # other articles in the library
        window.services.articles.add(ImportedDocument(title=f"Other {n}", text=f"Another readout {n}.", source_path=""))
    window.refresh_library()
    assert _row(window, STATUS) == "New"
    open_before = int(_row(window, OPEN))

    def reload(*_a: object, **_k: object) -> None:
        raise AssertionError("one edit must not reload the whole library")

    monkeypatch.setattr(LibraryPanel, "refresh", reload)
    ann = _suggestion(window, "Albanese", "PERSON")
    window.review.controller.accept(ann)

    assert _row(window, STATUS) == "In review"
    assert int(_row(window, OPEN)) == open_before - 1
    assert window.view.entity_marks[ann].status == "accepted"
    assert window.library.count() == 4


def test_the_entities_panel_follows_each_edit_and_its_undo_as_a_rebuild_would(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    panel = window.review.entities_panel
    controller = window.review.controller
    groups = window.services.entities.groups
    whole: list[object] = []

    def counting(article_id: int, keys: object = None) -> object:
        if keys is None:
            whole.append(article_id)
        return groups(article_id, keys)  # type: ignore[arg-type]

    monkeypatch.setattr(window.services.entities, "groups", counting)

    def same_as_rebuild() -> None:
        shown = _tree(panel.tree)
        panel.refresh()
        assert shown == _tree(panel.tree)

    edits = [
        lambda: controller.accept(_suggestion(window, "Albanese", "PERSON")),
        lambda: controller.apply_label("ORG", _suggestion(window, "Australia", "GPE")),  # moves to another label
        lambda: controller.reject(_suggestion(window, "Indian Ocean", "LOC")),  # the last of its label
        window.undo_stack.undo,
        window.undo_stack.undo,
        window.undo_stack.redo,
    ]
    for edit in edits:
        whole.clear()
        edit()
        assert not whole, "an edit of one tag must not rebuild the panel from every entity"
        same_as_rebuild()


def _long_report(window: MainWindow, words: int = 12_000) -> int:
    """A long report (the seeded readout repeated) with a model suggestion on every capitalised name."""
    import re

    from briefing_app.nlp.types import AnalysisResult, EntitySpan
    from tests.gui.review.test_review_workspace import TEXT

    paragraphs = [f"{TEXT} (Part {n}.)" for n in range(words // len(TEXT.split()) + 1)]
    text = "\n".join(paragraphs)
    labels = ("PERSON", "ORG", "GPE")
    entities = [EntitySpan(m.start(), m.end(), labels[i % 3], m.group(), "model")
                for i, m in enumerate(re.finditer(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)*", text))]
    services = window.services
    article = services.articles.add(ImportedDocument(title="Long report", text=text, source_path=""))
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=entities, passages=[]))
    return int(article.id)


def test_an_edit_deep_in_a_long_report_recolours_its_tag_and_keeps_every_count(
        qtbot: Any, window: MainWindow) -> None:
    article_id = _long_report(window)
    window.refresh_library()
    window.show_article(article_id)
    qtbot.waitUntil(window.view.rendering_done, timeout=60_000)
    view, controller = window.view, window.review.controller
    marks = sorted((m for m in view.entity_marks.values() if m.status == "suggested"), key=lambda m: m.start)
    assert len(marks) > 1000
    target, neighbour = marks[len(marks) // 2], marks[len(marks) // 2 + 1]
    relabelled = marks[len(marks) // 2 + 5]
    new_label = "ORG" if relabelled.label != "ORG" else "GPE"
    shown_before = {m.annotation_id: (view.status_at(m.start), view.label_at(m.start)) for m in (target, neighbour, relabelled)}
    open_before, row_before = controller.open_total(), int(_row(window, OPEN))
    assert open_before == row_before == len(marks)

    controller.accept(target.annotation_id)
    controller.apply_label(new_label, relabelled.annotation_id)
    qtbot.waitUntil(view.rendering_done)

    # What the officer sees: the two tags recoloured, the tag between them untouched.
    assert (view.status_at(target.start), view.label_at(target.start)) == ("accepted", target.label)
    assert (view.status_at(target.end - 1), view.label_at(target.end - 1)) == ("accepted", target.label)
    assert (view.status_at(relabelled.start), view.label_at(relabelled.start)) == ("accepted", new_label)
    assert (view.status_at(neighbour.start), view.label_at(neighbour.start)) == shown_before[neighbour.annotation_id]
    # Every count follows: the status line's open figure, the library row, the stored rows.
    assert controller.open_total() == int(_row(window, OPEN)) == len(marks) - 2
    assert _row(window, STATUS) == "In review"
    stored = {a.id: a for a in window.services.annotations.for_article(article_id)}
    assert (stored[target.annotation_id].status, stored[target.annotation_id].label) == ("accepted", target.label)
    assert (stored[relabelled.annotation_id].status, stored[relabelled.annotation_id].label) == ("accepted", new_label)
    assert stored[relabelled.annotation_id].original == {"label": relabelled.label, "start": relabelled.start,
                                                          "end": relabelled.end, "status": "suggested",
                                                          "origin": "model"}
    panel = window.review.entities_panel
    shown = _tree(panel.tree)
    panel.refresh()
    assert shown == _tree(panel.tree)

    window.undo_stack.undo()
    window.undo_stack.undo()
    qtbot.waitUntil(view.rendering_done)
    for m in (target, neighbour, relabelled):
        assert (view.status_at(m.start), view.label_at(m.start)) == shown_before[m.annotation_id]
    assert controller.open_total() == int(_row(window, OPEN)) == len(marks)
    back = {a.id: a for a in window.services.annotations.for_article(article_id)}
    assert (back[relabelled.annotation_id].status, back[relabelled.annotation_id].label) == ("suggested",
                                                                                              relabelled.label)
