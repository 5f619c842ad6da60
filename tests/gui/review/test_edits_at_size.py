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
