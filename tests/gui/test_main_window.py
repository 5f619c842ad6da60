"""The main window on a temporary database: open, analyse, highlight, persist, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.services import Services
from briefing_app.settings import Settings

SAMPLE_ARTICLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "india-us-leaders-call.txt"


def _window(qtbot: QtBot, db_path: Path) -> MainWindow:
    window = MainWindow(Services.open(db_path), Settings())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.analyzer is not None, timeout=60_000)
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.services.close()


def _assert_highlight_exactly(window: MainWindow, text: str, phrase: str, label: str) -> None:
    start = text.index(phrase)
    end = start + len(phrase)
    for offset in range(start, end):
        assert window.view.label_at(offset) == label, (phrase, offset, window.view.label_at(offset))
    # Exactly: the characters just outside are not part of this highlight.
    assert window.view.label_at(start - 1) != label or window.view.annotation_at(start - 1) != \
        window.view.annotation_at(start)
    assert window.view.annotation_at(end) != window.view.annotation_at(start)


def test_open_analyse_highlight_and_reload_from_database(qtbot: QtBot, db_path: Path) -> None:
    window = _window(qtbot, db_path)
    with qtbot.waitSignal(window.analysisFinished, timeout=60_000):
        article_id = window.open_path(SAMPLE_ARTICLE)
    assert article_id is not None
    text = window.view.text
    _assert_highlight_exactly(window, text, "Donald Trump", "PERSON")
    _assert_highlight_exactly(window, text, "White House", "ORG")
    shown = {(m.start, m.end, m.label) for m in window.view.entity_marks.values()}
    assert window.view.pillar_marks, "pillar passages are drawn in the gutter"
    assert window.library.count() == 1
    _close(window)

    # Reopen: the same annotations come from the database without re-analysis.
    window = _window(qtbot, db_path)
    analysed: list[int] = []
    window.analysisFinished.connect(analysed.append)
    window.library.setCurrentRow(0)
    assert window.current_article_id == article_id
    assert {(m.start, m.end, m.label) for m in window.view.entity_marks.values()} == shown
    _assert_highlight_exactly(window, window.view.text, "Donald Trump", "PERSON")
    qtbot.wait(200)
    assert analysed == []
    _close(window)


def test_unreadable_file_shows_a_message_and_stores_nothing(
    qtbot: QtBot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    messages: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: messages.append(text))
    window = _window(qtbot, db_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    assert window.open_path(empty) is None
    assert messages and "empty" in messages[0]
    assert window.services.articles.list_summaries() == []
    _close(window)


def test_export_briefing_from_the_window(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    from docx import Document

    window = _window(qtbot, db_path)
    source = tmp_path / "call.txt"
    source.write_text(
        "Leaders discuss defence and trade\n\n"
        "Prime Minister Narendra Modi spoke with President Donald Trump on Tuesday about joint military "
        "exercises and defence industrial co-production.\n"
        "They agreed to expand bilateral trade and investment and to strengthen supply chains.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.analysisFinished, timeout=60_000):
        article_id = window.open_path(source)
    assert article_id is not None
    out = window.export_briefing_to(tmp_path / "note.docx", [article_id])
    assert out is not None and out.exists()
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert any("Defence" in h for h in headings)
    assert any("Trade" in h for h in headings)
    assert doc.tables, "key actors table"
    _close(window)
