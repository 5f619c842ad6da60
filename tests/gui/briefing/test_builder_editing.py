"""Editing in the builder: header, passages (add, drag, move, comment, remove), briefings; all undoable."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui.briefing.sections import ITEM_ROLE, PassageSpec, SectionTree, passages_to_mime
from briefing_app.gui.main_window import MainWindow


def _undo_action(window: MainWindow, name: str) -> QAction:
    for action in window.menus["edit"].actions():
        if action.text().startswith(name):
            return action
    raise AssertionError(f"no {name} action")


def _tree_ids(window: MainWindow, pillar: str) -> list[int]:
    section = window.briefing_builder.tree.sections[pillar]
    return [int(section.child(i).data(0, ITEM_ROLE)) for i in range(section.childCount())]


def _db_ids(window: MainWindow, pillar: str) -> list[int]:
    builder = window.briefing_builder
    assert builder.current_id is not None
    items = window.services.briefings.items(builder.current_id)
    return [i.id for i in sorted(items, key=lambda i: i.position) if i.pillar_id == pillar]


def test_header_edits_are_saved_shown_and_undone(qtbot: QtBot, window: MainWindow) -> None:
    builder = window.briefing_builder
    assert builder.chooser.count() == 0 and not builder.export_button.isEnabled()
    qtbot.mouseClick(builder.new_button, Qt.MouseButton.LeftButton)
    briefing_id = builder.current_id
    assert briefing_id is not None and builder.chooser.count() == 1
    title = builder.form.lines["title"]
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Weekly India round-up")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert window.services.briefings.get(briefing_id).title == "Weekly India round-up"
    assert "Weekly India round-up" in builder.chooser.currentText()
    builder.update_preview()
    assert "Weekly India round-up" in builder.preview_html

    steps = builder.form.texts["next_steps"]
    steps.setFocus()
    qtbot.keyClicks(steps, "- Brief the Minister")
    builder.flush_pending()
    assert window.services.briefings.get(briefing_id).next_steps == ["Brief the Minister"]

    undo = _undo_action(window, "&Undo")
    undo.trigger()  # next steps
    assert window.services.briefings.get(briefing_id).next_steps == []
    assert steps.toPlainText() == ""
    undo.trigger()  # title
    assert window.services.briefings.get(briefing_id).title == "Briefing note"
    assert title.text() == "Briefing note"
    _undo_action(window, "&Redo").trigger()
    assert window.services.briefings.get(briefing_id).title == "Weekly India round-up"
    assert title.text() == "Weekly India round-up"


def test_passages_are_added_moved_commented_removed_and_undone(
    qtbot: QtBot, window: MainWindow, two_articles: tuple[int, int]
) -> None:
    builder = window.briefing_builder
    services = window.services
    qtbot.mouseClick(builder.new_button, Qt.MouseButton.LeftButton)
    briefing_id = builder.current_id
    assert briefing_id is not None

    # Add passages from the pillar passages of the selected article.
    window.library.setCurrentRow(0)
    builder.tabs.setCurrentWidget(builder.picker)
    listing = builder.picker.list
    assert listing.count() >= 5
    rows = listing.count()
    # Filter on Defence: rows of passages tagged defence (among other pillars) remain.
    picker_filter = builder.picker.filter
    picker_filter.setCurrentIndex(picker_filter.findData("defence"))
    defence = [listing.item(i) for i in range(listing.count()) if not listing.item(i).isHidden()]
    assert 2 <= len(defence) < rows
    listing.clearSelection()
    defence[0].setSelected(True)
    defence[1].setSelected(True)
    qtbot.mouseClick(builder.picker.add_button, Qt.MouseButton.LeftButton)
    first, second = _db_ids(window, "defence")
    # The list stays open for more, marking what is now in the briefing.
    assert builder.tabs.currentWidget() is builder.picker
    marked = [listing.item(i) for i in range(listing.count()) if listing.item(i).text().startswith("In briefing")]
    spans = {(i.article_id, i.start, i.end) for i in services.briefings.items(briefing_id)}
    specs = [m.data(Qt.ItemDataRole.UserRole + 21) for m in marked]
    assert {(sp.article_id, sp.start, sp.end) for sp in specs} == spans
    assert len(marked) == 2 and all(m.isSelected() for m in marked)
    assert _tree_ids(window, "defence") == [first, second]
    # The same passage twice is refused.
    qtbot.mouseClick(builder.picker.add_button, Qt.MouseButton.LeftButton)
    assert len(services.briefings.items(briefing_id)) == 2

    # Alt+Down moves the selected passage within the section, then across into the next pillar.
    builder.tabs.setCurrentIndex(0)
    tree = builder.tree
    tree.setFocus()
    tree.clearSelection()
    tree.setCurrentItem(tree.leaf(first))
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _db_ids(window, "defence") == [second, first] == _tree_ids(window, "defence")
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _db_ids(window, "defence") == [second] and _db_ids(window, "security") == [first]
    assert _tree_ids(window, "security") == [first]

    # Officer comment on the selected item.
    builder.comment_edit.setFocus()
    qtbot.keyClicks(builder.comment_edit, "Worth a line to take.")
    builder.flush_pending()
    assert services.briefings.item_snapshots([first])[0].comment == "Worth a line to take."

    # Delete removes; undo brings the same item back with its comment and section.
    tree.setFocus()
    tree.clearSelection()
    tree.setCurrentItem(tree.leaf(first))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert [i.id for i in services.briefings.items(briefing_id)] == [second]
    assert tree.leaf(first) is None
    window.undo_stack.undo()
    restored = services.briefings.item_snapshots([first])[0]
    assert (restored.pillar_id, restored.comment) == ("security", "Worth a line to take.")
    assert _tree_ids(window, "security") == [first]
    window.undo_stack.undo()  # the comment
    assert services.briefings.item_snapshots([first])[0].comment == ""
    window.undo_stack.undo()  # move into security
    window.undo_stack.undo()  # move within defence
    assert _db_ids(window, "defence") == [first, second]
    window.undo_stack.undo()  # the add
    assert services.briefings.items(briefing_id) == []
    assert _tree_ids(window, "defence") == []


def test_drops_place_passages_where_they_land(
    qtbot: QtBot, window: MainWindow, two_articles: tuple[int, int]
) -> None:
    builder = window.briefing_builder
    services = window.services
    a, b = two_articles
    text_a = services.articles.get(a).text
    span = (text_a.index("The two leaders welcomed"), text_a.index("Royal Australian Navy.") + 21)
    builder.add_passage(a, *span, "defence")
    text_b = services.articles.get(b).text
    span_b = (text_b.index("A key highlight"), text_b.index("A key highlight") + 120)
    builder.add_passage(b, *span_b, "defence")
    tree: SectionTree = builder.tree
    top, bottom = _tree_ids(window, "defence")

    def drop(mime: QMimeData, point: QPoint, source: object = None) -> None:
        event = _Drop(QPointF(point), mime, source)
        tree.dropEvent(event)

    # A passage dragged from the passages list onto the top half of the first row lands first.
    first_rect = tree.visualItemRect(tree.leaf(top))
    span_c = (text_b.index("Regional and global developments"), text_b.index("Regional and global developments") + 90)
    drop(passages_to_mime([PassageSpec(b, *span_c, "security")]), first_rect.center() - QPoint(0, 3))
    new_id = _db_ids(window, "defence")[0]
    assert _db_ids(window, "defence") == [new_id, top, bottom]
    assert services.briefings.item_snapshots([new_id])[0].text.startswith("Regional and global")

    # Dragging a row of the tree onto the Trade heading moves it into that section.
    tree.clearSelection()
    tree.leaf(top).setSelected(True)
    trade_rect = tree.visualItemRect(tree.sections["trade"])
    drop(tree.mimeData([tree.leaf(top)]), trade_rect.center(), source=tree)
    assert _db_ids(window, "trade") == [top] and _db_ids(window, "defence") == [new_id, bottom]
    window.undo_stack.undo()
    assert _db_ids(window, "defence") == [new_id, top, bottom]

    # Text dragged out of the article view lands as the view's selected passage (full stop kept).
    window.show_article(b)
    phrase = "They stressed that India and the US share a responsibility to uphold a rules-based international order"
    start = text_b.index(phrase)
    window.view.editor.setTextCursor(window.view.cursor_at(start + 2, start + len(phrase) - 3))
    dragged = QMimeData()
    dragged.setText(phrase)
    drop(dragged, tree.visualItemRect(tree.sections["security"]).center(), source=window.view.editor)
    security = _db_ids(window, "security")
    assert len(security) == 1
    assert services.briefings.item_snapshots(security)[0].text.startswith(phrase)


class _Drop(QDropEvent):
    """A drop as Qt delivers it, with the drag source a real drag would carry."""

    def __init__(self, pos: QPointF, mime: QMimeData, source: object) -> None:
        super().__init__(pos, Qt.DropAction.CopyAction | Qt.DropAction.MoveAction, mime,
                         Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        self._mime = mime  # keep alive
        self._source = source

    def source(self) -> object:  # noqa: D102
        return self._source


def test_context_menu_and_window_api_add_the_selection(
    qtbot: QtBot, window: MainWindow, two_articles: tuple[int, int]
) -> None:
    builder = window.briefing_builder
    services = window.services
    article_id = window.current_article_id
    assert article_id == two_articles[1]
    text = window.view.text
    phrase = "A key highlight of the conversation was the shared emphasis on expanding bilateral trade."
    start = text.index(phrase)
    window.view.editor.setTextCursor(window.view.cursor_at(start, start + len(phrase)))

    # Right-click on the selection: the article's context menu carries "Add to briefing ▸ pillar".
    window.view.contextMenuAt.emit(window.view.editor.mapToGlobal(QPoint(40, 40)), start + 3)
    menu = window.review.controller.popup
    assert menu is not None
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == "Add to briefing")
    entries = {a.data(): a for a in sub.actions() if a.data()}
    assert set(entries) >= {"defence", "trade", "diplomacy"}
    suggested = [a for a in sub.actions() if "(suggested)" in a.text()]
    assert suggested and suggested[0].data() == "trade"
    assert builder.current_id is None
    entries["trade"].trigger()
    # No briefing existed: one was created, holding the passage.
    assert builder.current_id is not None
    items = services.briefings.items(builder.current_id)
    # The quoted passage keeps its full stop.
    assert [(i.article_id, i.text, i.pillar_id) for i in items] == [(article_id, phrase, "trade")]
    menu.close()
    # Creating the briefing and adding the passage undo as one step.
    window.undo_stack.undo()
    assert services.briefings.all() == [] and builder.chooser.count() == 0

    item_id = window.add_passage_to_briefing(article_id, start, start + len(phrase), "diplomacy")
    assert item_id is not None and builder.tree.leaf(item_id) is not None
    assert services.briefings.items(builder.current_id)[0].pillar_id == "diplomacy"


def test_several_briefings_switch_delete_and_undo(
    qtbot: QtBot, window: MainWindow, two_articles: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    builder = window.briefing_builder
    services = window.services
    first = builder.auto_draft([two_articles[0]])
    builder.new_briefing()  # auto-draft fills the current briefing: a second one is started with New
    second = builder.auto_draft([two_articles[1]])
    assert first and second and first != second and builder.chooser.count() == 2
    assert builder.current_id == second
    builder.chooser.setCurrentIndex(builder.chooser.findData(first))
    assert builder.current_id == first
    assert builder.form.lines["title"].text() == services.briefings.get(first).title
    items_before = services.briefings.all_item_snapshots(first)
    assert items_before

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(builder.delete_button, Qt.MouseButton.LeftButton)
    assert services.briefings.get(first) is None and builder.chooser.count() == 1
    assert builder.current_id == second
    window.undo_stack.undo()
    assert builder.current_id == first and builder.chooser.count() == 2
    assert services.briefings.all_item_snapshots(first) == items_before


def test_auto_draft_without_selection_explains(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: shown.append(text))
    assert window.briefing_builder.auto_draft() is None
    assert shown and "Select" in shown[0]
    assert window.services.briefings.all() == []


def test_typing_not_yet_saved_is_saved_when_the_window_closes(qtbot: QtBot, window: MainWindow) -> None:
    builder = window.briefing_builder
    briefing_id = builder.new_briefing()
    subject = builder.form.lines["subject"]
    subject.setFocus()
    qtbot.keyClicks(subject, "Typed just before closing")
    assert window.services.briefings.get(briefing_id).subject == ""  # still within the typing pause
    window.close()
    assert window.services.briefings.get(briefing_id).subject == "Typed just before closing"


def test_review_panels_step_aside_in_the_briefing_tab_and_come_back(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QDockWidget

    entities = window.findChild(QDockWidget, "entitiesDock")
    assert entities is not None
    entities.raise_()
    qtbot.wait(50)
    assert entities.isVisible() and not entities.visibleRegion().isEmpty()
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.currentWidget() is window.briefing_builder
    assert not entities.isVisible()
    assert window.findChild(QDockWidget, "libraryDock").isVisible()  # type: ignore[union-attr]
    qtbot.keyClick(window, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.workspace.currentWidget() is window.view
    qtbot.wait(50)
    assert entities.isVisible() and not entities.visibleRegion().isEmpty()


def test_a_sentence_about_a_topic_goes_to_its_topic_not_to_diplomacy(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.gui.opening import open_and_analyse

    sentence = ("Prime Minister Narendra Modi spoke with President Donald Trump on Tuesday about joint military "
                "exercises and defence industrial co-production.")
    source = tmp_path / "call.txt"
    source.write_text(f"Leaders discuss defence\n\n{sentence}\n", encoding="utf-8")
    article_id = open_and_analyse(qtbot, window, source)
    text = window.view.text
    start = text.index(sentence)
    end = start + len(sentence)
    # The analyser tags the sentence with both pillars, the engagement the surer one.
    marks = {m.pillar_id: m.confidence for m in window.view.visible_pillar_marks() if m.start <= start < m.end}
    assert set(marks) == {"defence", "diplomacy"} and marks["diplomacy"] > marks["defence"]
    window.view.editor.setTextCursor(window.view.cursor_at(start, end))
    # Right-click: the section suggested is the topic.
    window.view.contextMenuAt.emit(window.view.editor.mapToGlobal(QPoint(40, 40)), start + 3)
    menu = window.review.controller.popup
    assert menu is not None
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == "Add to briefing")
    assert [a.data() for a in sub.actions() if "(suggested)" in a.text()] == ["defence"]
    menu.close()
    # The B key files it there too.
    window.view.editor.setFocus()
    qtbot.keyClick(window.view.editor, Qt.Key.Key_B)
    builder = window.briefing_builder
    assert builder.current_id is not None
    assert [(i.article_id, i.pillar_id) for i in window.services.briefings.items(builder.current_id)] == [
        (article_id, "defence")]


def test_the_over_budget_warning_does_not_squeeze_the_preview(qtbot: QtBot, window: MainWindow) -> None:
    """At 1366x768 the long "over the budget" line wraps; the preview keeps its width."""
    from briefing_app.gui.briefing.feature import show_builder

    show_builder(window)
    builder = window.briefing_builder
    builder.new_briefing()
    builder._show_estimate(0.8, 2.0)
    qtbot.wait(50)
    before = builder.splitter.sizes()
    builder._show_estimate(4.0, 1.0)
    qtbot.wait(50)
    assert "over the 1-page budget" in builder.estimate_label.text()
    assert builder.splitter.sizes() == before


def test_alt_down_keeps_the_moved_passage_selected_and_in_view_also_after_undo(
        qtbot: QtBot, window: MainWindow) -> None:
    """Keyboard-only reordering at 1366x768: the passage moved by Alt+Down stays selected and scrolled to;
    Ctrl+Z keeps it selected, so the next Alt+Down moves it again."""
    from PySide6.QtWidgets import QApplication

    from briefing_app.gui.briefing.feature import show_builder
    from briefing_app.importers import ImportedDocument

    services = window.services
    text = "\n\n".join(f"Point {k}: the coastguards of both countries met at port number {k}." for k in range(30))
    article = services.articles.add(ImportedDocument(title="Port calls", text=text, source_path=""))
    briefing = services.briefings.create(title="Ports")
    assert article.id is not None and briefing.id is not None
    for k in range(30):
        line = f"Point {k}: the coastguards of both countries met at port number {k}."
        start = text.index(line)
        services.briefings.add_item(briefing.id, article.id, start, start + len(line),
                                    "security" if k < 15 else "trade")
    show_builder(window)
    builder = window.briefing_builder
    builder.briefings_changed(briefing.id)
    builder.select_briefing(briefing.id)
    tree = builder.tree
    moved = services.briefings.items(briefing.id)[12].id
    assert moved is not None
    tree.setCurrentItem(tree.leaf(moved))
    tree.setFocus()

    def in_view() -> bool:
        leaf = tree.leaf(moved)
        return leaf is not None and tree.viewport().rect().contains(tree.visualItemRect(leaf))

    for step in range(14):
        qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert tree.selected_item_ids() == [moved] and in_view(), step
    assert [i.pillar_id for i in services.briefings.items(briefing.id) if i.id == moved] == ["trade"]
    qtbot.keyClick(QApplication.focusWidget() or tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tree.selected_item_ids() == [moved], "Ctrl+Z keeps the passage selected"
    order = [i.id for i in services.briefings.items(briefing.id)]
    qtbot.keyClick(tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [i.id for i in services.briefings.items(briefing.id)] != order, "the next Alt+Down moves it again"
