"""Open-suggestion counts agree in the library column, the review bar, the status line and the panels.

They count what the officer can see (no CARDINAL/ORDINAL, nothing hidden in the legend), follow every
edit at once, and a reviewed article has none anywhere.
"""

# ruff: noqa: F811  (the fixture "make_window" is imported from the workspace tests)

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.gui.library_panel import OPEN
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage
from tests.gui.review.test_review_workspace import _keys, make_window  # noqa: F401

TEXT = (
    "Modi spoke with Albanese about the COMPACT.\n"
    "The two leaders met for the third time in Canberra.\n"
    "Trade between India and Australia grew by 12 per cent."
)
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _span(phrase: str, label: str) -> EntitySpan:
    start = TEXT.index(phrase)
    return EntitySpan(start, start + len(phrase), label, phrase, "model", f"{label}:{phrase.casefold()}", 0.8)


def _open_window(make_window: object) -> MainWindow:
    window: MainWindow = make_window()  # type: ignore[operator]
    services = window.services
    article = services.articles.add(ImportedDocument(title="Leaders meet", text=TEXT, source_path=""))
    assert article.id is not None
    lines = TEXT.split("\n")
    starts = [0, len(lines[0]) + 1, len(lines[0]) + len(lines[1]) + 2]
    services.articles.save_analysis(article.id, AnalysisResult(text=TEXT, entities=[
        _span("Modi", "PERSON"), _span("Albanese", "PERSON"), _span("COMPACT", "LAW"),
        _span("Canberra", "GPE"), _span("India", "GPE"), _span("Australia", "GPE"),
        # Hidden labels: never drawn, so never counted as open.
        _span("two", "CARDINAL"), _span("third", "ORDINAL"), _span("12 per cent", "PERCENT"),
    ], passages=[
        Passage(starts[0], starts[0] + len(lines[0]), ["diplomacy"], {"diplomacy": 0.9}, ["spoke with"]),
        Passage(starts[2], starts[2] + len(lines[2]), ["trade"], {"trade": 0.9}, ["trade"]),
    ]))
    window.refresh_library()
    window.show_article(article.id)
    return window


def _library(window: MainWindow) -> int:
    lib = window.library
    row = lib.article_ids().index(window.current_article_id)
    shown = lib.proxy.index(row, OPEN).data()
    return int(shown) if shown else 0


def _review_bar(window: MainWindow) -> int:
    text = window.review.status.counts.text()
    if "No open suggestions" in text:
        return 0
    found = re.search(r"<b>([\d,]+)</b> open suggestions?\b", text)
    assert found, text
    return int(found.group(1).replace(",", ""))


def _panels(window: MainWindow) -> int:
    total = 0
    entities = window.review.entities_panel
    entities.refresh()
    for i in range(entities.tree.topLevelItemCount()):
        head = entities.tree.topLevelItem(i)
        for j in range(head.childCount()):
            found = re.search(r"\((\d+) open\)", head.child(j).text(1))
            total += int(found.group(1)) if found else 0
    pillars = window.review.pillars_panel
    pillars.refresh()
    for i in range(pillars.tree.topLevelItemCount()):
        found = re.search(r"(\d+) open", pillars.tree.topLevelItem(i).text(1))
        total += int(found.group(1)) if found else 0
    return total


def _status_line(window: MainWindow) -> int:
    found = re.search(r"\[(\d+) open\]", window.review.controller.last_message)
    assert found, window.review.controller.last_message
    return int(found.group(1).replace(",", ""))


def _everywhere(window: MainWindow) -> list[int]:
    return [_library(window), _review_bar(window), _panels(window)]


def test_counts_agree_everywhere_and_follow_each_edit(qtbot: QtBot, make_window: object) -> None:
    window = _open_window(make_window)
    # 7 visible entity suggestions (PERCENT is shown) and 2 passages; "two" and "third" are not counted.
    assert _everywhere(window) == [9, 9, 9]
    _keys(qtbot, window, Qt.Key.Key_N)
    assert _status_line(window) == 9

    _keys(qtbot, window, Qt.Key.Key_A)  # accept: the library row follows at once
    assert _everywhere(window) == [8, 8, 8]
    assert _status_line(window) == 8
    _keys(qtbot, window, Qt.Key.Key_R)  # reject
    assert _everywhere(window) == [7, 7, 7]
    window.undo_stack.undo()
    assert _everywhere(window) == [8, 8, 8]

    # Hiding a label in the legend hides its suggestions from every count.
    window.legend.changed.emit({"GPE"}, set())
    assert _everywhere(window) == [5, 5, 5]
    window.legend.changed.emit(set(), set())
    assert _everywhere(window) == [8, 8, 8]


def test_a_reviewed_article_has_no_open_suggestions_anywhere(qtbot: QtBot, make_window: object) -> None:
    window = _open_window(make_window)
    qtbot.keyClick(window.view.editor, Qt.Key.Key_R, CTRL_SHIFT)  # Mark article reviewed
    assert window.services.articles.get(window.current_article_id).status == "reviewed"
    assert _everywhere(window) == [0, 0, 0]
    assert "No open suggestions" in window.review.status.counts.text()
    window.undo_stack.undo()
    assert _everywhere(window) == [9, 9, 9]
