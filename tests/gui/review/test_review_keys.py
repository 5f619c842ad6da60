# ruff: noqa: F811  (the fixtures "window" and "make_window" are imported from the workspace tests)
"""Keys that do what they say: Shift+A/L after a relabel, a way back with P, Redo, Ctrl+Home/End."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review.shortcuts import shortcut_conflicts, shortcut_rows
from tests.gui.review.test_review_workspace import (  # noqa: F401
    TEXT,
    _click_text,
    _keys,
    _rows,
    _seed,
    make_window,
    window,
)

SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def _current_text(window: MainWindow) -> str:
    mark = window.review.controller.current_mark()
    assert mark is not None, window.review.controller.last_message
    return window.view.text[mark.start:mark.end]


def test_shift_a_after_a_relabel_acts_on_the_tag_just_relabelled(qtbot: QtBot, window: MainWindow) -> None:
    _keys(qtbot, window, Qt.Key.Key_N)
    assert _current_text(window) == "Modi"  # the first "Modi", suggested as a place
    first = window.review.controller.current_mark()
    _keys(qtbot, window, Qt.Key.Key_1)  # relabel PERSON; the review moves on by itself
    assert window.review.controller.current_mark().annotation_id != first.annotation_id
    _keys(qtbot, window, (Qt.Key.Key_A, SHIFT))
    # Every "Modi" of the article took the label just given, and nothing else changed.
    assert {(r.label, r.status) for r in _rows(window, "Modi")} == {("PERSON", "accepted")}
    assert {r.status for r in _rows(window, "India")} == {"suggested"}
    assert "Modi" in window.review.controller.last_message


def test_shift_l_after_a_relabel_acts_on_the_tag_just_relabelled(qtbot: QtBot, window: MainWindow) -> None:
    other = _seed(window.services, TEXT.replace("Trade", "Commerce"))
    _keys(qtbot, window, Qt.Key.Key_N, Qt.Key.Key_1, (Qt.Key.Key_L, SHIFT))
    rows = [r for r in _rows(window, "Modi") if r.article_id == other]
    assert rows and {r.label for r in rows} == {"PERSON"}


def test_p_goes_back_to_the_tag_just_corrected(qtbot: QtBot, window: MainWindow) -> None:
    _keys(qtbot, window, Qt.Key.Key_N)
    first = window.review.controller.current_mark()
    assert first is not None and _current_text(window) == "Modi"
    _keys(qtbot, window, Qt.Key.Key_1)
    assert window.review.controller.current_mark().annotation_id != first.annotation_id
    _keys(qtbot, window, Qt.Key.Key_P)
    back = window.review.controller.current_mark()
    assert back is not None and back.annotation_id == first.annotation_id
    assert back.label == "PERSON" and back.status == "accepted"
    # From there N goes on to the next open suggestion.
    _keys(qtbot, window, Qt.Key.Key_N)
    assert window.review.controller.current_mark().status == "suggested"


def test_p_goes_back_after_the_last_suggestion_was_accepted(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.review.status.accept_all_button, Qt.MouseButton.LeftButton)
    window.undo_stack.undo()
    _keys(qtbot, window, Qt.Key.Key_N)
    while window.services.annotations.open_counts(window.current_article_id) != {"entity": 0, "pillar": 0}:
        last = window.review.controller.current_mark()
        _keys(qtbot, window, Qt.Key.Key_A)
    assert "No open suggestions" in window.review.controller.last_message
    _keys(qtbot, window, Qt.Key.Key_P)
    back = window.review.controller.current_mark()
    assert back is not None and back.annotation_id == last.annotation_id and back.status == "accepted"


def test_redo_has_the_platform_keys_and_the_sheet_shows_them(qtbot: QtBot, window: MainWindow) -> None:
    redo = next(a for a in window.menus["edit"].actions() if a.objectName() == "redoAction")
    platform = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
    keys = [k.toString() for k in redo.shortcuts()]
    assert keys and set(keys) <= set(platform)  # the platform's standard Redo keys
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys)
    rows = {(g, t): k for g, t, k in shortcut_rows(window)}
    assert "Ctrl+Shift+Z" in rows[("Edit", "Redo")]
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert "Ctrl+Shift+Z" in window.review.sheet.browser.toPlainText()
    assert shortcut_conflicts(window) == []

    # Both Ctrl+Shift+Z and Ctrl+Y redo, typed in the article.
    for sequence in ((Qt.Key.Key_Z, CTRL | SHIFT), (Qt.Key.Key_Y, CTRL)):
        _keys(qtbot, window, Qt.Key.Key_N, Qt.Key.Key_1)
        assert _rows(window, "Modi")[0].label == "PERSON"
        _keys(qtbot, window, (Qt.Key.Key_Z, CTRL))
        assert _rows(window, "Modi")[0].label == "GPE"
        _keys(qtbot, window, sequence)
        assert _rows(window, "Modi")[0].label == "PERSON", sequence
        window.undo_stack.undo()
        window.review.controller.clear_current()


def test_ctrl_home_and_end_move_in_the_article_from_anywhere(qtbot: QtBot, make_window: object) -> None:
    win = make_window()  # type: ignore[operator]
    article_id = _seed(win.services, "\n".join([TEXT] * 80))
    win.show_article(article_id)
    editor = win.view.editor
    bar = editor.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    # The officer opened the article from the library: the focus is in the library's table.
    table = win.library.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_End, CTRL)
    assert editor.textCursor().position() == editor.document().characterCount() - 1
    assert bar.value() == bar.maximum()
    assert editor.hasFocus() or not win.isActiveWindow()
    qtbot.keyClick(editor, Qt.Key.Key_Home, CTRL)
    assert editor.textCursor().position() == 0 and bar.value() == bar.minimum()
    # Also while a tag is under review.
    _keys(qtbot, win, Qt.Key.Key_N)
    qtbot.keyClick(editor, Qt.Key.Key_End, CTRL)
    assert bar.value() == bar.maximum()
    # And while a tag's menu is open (a popup takes every key): the menu closes and the view moves.
    menu = _click_text(qtbot, win, 1)
    assert bar.value() < bar.maximum()
    qtbot.keyClick(menu, Qt.Key.Key_End, CTRL)
    assert not menu.isVisible() and bar.value() == bar.maximum()


def test_n_and_p_go_on_from_where_ctrl_home_and_end_moved(qtbot: QtBot, make_window: object) -> None:
    """After Ctrl+End, P is the article's last suggestion (not the one after the tag left at the top)."""
    win = make_window()  # type: ignore[operator]
    article_id = _seed(win.services, "\n".join([TEXT] * 40))
    win.show_article(article_id)
    controller = win.review.controller
    qtbot.waitUntil(lambda: win.view.editor.verticalScrollBar().maximum() > 0)
    _keys(qtbot, win, Qt.Key.Key_N)
    first = controller.current_mark()
    assert first is not None
    _keys(qtbot, win, Qt.Key.Key_N)
    _keys(qtbot, win, (Qt.Key.Key_End, CTRL), Qt.Key.Key_P)
    last = controller.current_mark()
    suggested = [m for m in [*win.view.entity_marks.values(), *win.view.pillar_marks.values()]
                 if m.status == "suggested"]
    assert last is not None and last.start == max(m.start for m in suggested)
    editor = win.view.editor
    assert editor.viewport().rect().contains(editor.cursorRect(win.view.cursor_at(last.start)))
    _keys(qtbot, win, (Qt.Key.Key_Home, CTRL), Qt.Key.Key_N)
    assert controller.current_mark() is not None and controller.current_mark().start == first.start


def test_undo_and_redo_of_a_swallowing_boundary_change_show_the_tag(qtbot: QtBot, make_window: object) -> None:
    """Ctrl+Z / Ctrl+Shift+Z read at the end of a long article bring back into view the tag they changed,
    also when the change removed a tag the new boundary swallowed (two tags, one place)."""
    win = make_window()  # type: ignore[operator]
    filler = "\n".join(f"Paragraph {k} of the annex lists the port calls of the season." for k in range(120))
    article_id = _seed(win.services, f"{TEXT}\n{filler}")
    win.show_article(article_id)
    editor, controller = win.view.editor, win.review.controller
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() > 0)
    australia = next(r for r in _rows(win, "Australia"))
    controller.set_current("entity", australia.id)
    _keys(qtbot, win, (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | SHIFT),
          (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | SHIFT))
    assert _current_text(win) == "India and Australia"

    def shown() -> bool:
        mark = controller.current_mark()
        return mark is not None and editor.viewport().rect().contains(editor.cursorRect(win.view.cursor_at(mark.start)))

    _keys(qtbot, win, (Qt.Key.Key_End, CTRL))
    assert not shown()
    _keys(qtbot, win, (Qt.Key.Key_Z, CTRL))
    assert _current_text(win) == "and Australia" and shown()
    _keys(qtbot, win, (Qt.Key.Key_End, CTRL), (Qt.Key.Key_Z, CTRL))
    assert _current_text(win) == "Australia" and shown()
    assert any(r.status == "suggested" for r in _rows(win, "India")), "the swallowed tag is back"
    _keys(qtbot, win, (Qt.Key.Key_End, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT))
    assert _current_text(win) == "and Australia" and shown()
    _keys(qtbot, win, (Qt.Key.Key_End, CTRL), (Qt.Key.Key_Z, CTRL | SHIFT))
    assert _current_text(win) == "India and Australia" and shown()
