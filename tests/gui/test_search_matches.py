"""A library search's hits are highlighted in the article opened from it; F3 / Shift+F3 walk them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult
from briefing_app.services import Services
from briefing_app.settings import Settings

TEXT = ("Australia and India held naval exercises off Darwin.\n"
        "Ships from Australia sailed with Indian frigates.\n"
        "Australia will host the next round.")


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, analyzer: object, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    import briefing_app.gui.main_window as main_window

    monkeypatch.setattr(main_window, "create_analyzer", lambda _model=None: analyzer)
    win = MainWindow(Services.open(db_path), Settings())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    for title, text in (("Exercises", TEXT), ("Other", "Trade talks in Tokyo went well.")):
        article = win.services.articles.add(ImportedDocument(title=title, text=text, source_path=""))
        assert article.id is not None
        win.services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=[], passages=[]))
    win.refresh_library()
    yield win
    win.close()
    win.services.close()


def _selected_text(window: MainWindow) -> str:
    start = window.view.offsets.to_codepoint(window.view.editor.textCursor().position())
    hit = window.view.search_hits[window.view.current_hit]  # type: ignore[index]
    assert start == hit[0]
    return window.view.text[hit[0]:hit[1]]


def test_search_hits_are_highlighted_and_f3_walks_them(qtbot: QtBot, window: MainWindow) -> None:
    library = window.library
    qtbot.keyClicks(library.search, "austral")
    qtbot.waitUntil(lambda: library.count() == 1)  # the search runs after a pause in typing
    library.setCurrentRow(0)
    view = window.view
    expected = [(i, i + len("Australia")) for i in (0, TEXT.index("Australia", 5), TEXT.rindex("Australia"))]
    assert view.search_hits == expected
    # Drawn: one highlight per hit, behind the text.
    drawn = {(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in view.editor.extraSelections()}
    assert {(view.offsets.to_utf16(a), view.offsets.to_utf16(b)) for a, b in expected} <= drawn

    # F3 from the search box goes to the first hit, then the next; Shift+F3 goes back; wraps around.
    qtbot.keyClick(library.search, Qt.Key.Key_F3)
    assert view.current_hit == 0 and _selected_text(window) == "Australia"
    qtbot.keyClick(view.editor, Qt.Key.Key_F3)
    assert view.current_hit == 1
    qtbot.keyClick(view.editor, Qt.Key.Key_F3)
    qtbot.keyClick(view.editor, Qt.Key.Key_F3)
    assert view.current_hit == 0
    qtbot.keyClick(view.editor, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_hit == 2
    assert "Match 3 of 3" in window.statusBar().currentMessage()

    # Clearing the search clears the highlights.
    library.search.clear()
    library.refresh()
    assert view.search_hits == []
