"""The main window on a temporary database: open, analyse, highlight, persist, export."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.settings import Settings
from tests.gui.opening import open_and_analyse, open_file

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
    article_id = open_and_analyse(qtbot, window, SAMPLE_ARTICLE)
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


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"   \n", "empty"),
    ("broken.docx", b"this is not a zip archive", "broken.docx"),
])
def test_unreadable_file_shows_a_message_and_stores_nothing(
    qtbot: QtBot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, content: bytes,
    reason: str,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, title, text, *a, **k: messages.append((title, text)))
    window = _window(qtbot, db_path)
    opened: list[int] = []
    window.articleOpened.connect(opened.append)
    failed: list[str] = []
    window.openFailed.connect(failed.append)
    bad = tmp_path / name
    bad.write_bytes(content)
    window.open_path(bad)
    qtbot.waitUntil(lambda: bool(messages), timeout=30_000)
    assert failed == [str(bad)]  # (--screenshot follows it: captured at once, not after its two-minute guard)
    title, text = messages[0]
    assert title == "Cannot open file"
    assert reason in text
    assert window.services.articles.list_summaries() == []
    assert opened == [] and window.current_article_id is None
    _close(window)


def _text_file(tmp_path: Path, name: str, sentence: str) -> Path:
    path = tmp_path / name
    path.write_text(f"{sentence}\n\nPrime Minister Narendra Modi met President Donald Trump in Delhi.\n", encoding="utf-8")
    return path


def test_open_reads_the_file_in_the_background_then_shows_it_with_highlights_and_panels(
    qtbot: QtBot, db_path: Path
) -> None:
    window = _window(qtbot, db_path)
    with qtbot.waitSignal(window.analysisFinished, timeout=60_000):
        with qtbot.waitSignal(window.articleOpened, timeout=60_000) as opened:
            window.open_path(SAMPLE_ARTICLE)
            # Read and stored by a worker: nothing has changed in the window yet.
            assert window.opening
            assert window.current_article_id is None and window.library.count() == 0
        article_id = opened.args[0]
        # Shown (and listed) once stored, before its analysis ends.
        assert window.current_article_id == article_id
        assert window.view.text == window.services.articles.get(article_id).text
        assert window.library.count() == 1
        assert "Imported as" in window.statusBar().currentMessage()
    _assert_highlight_exactly(window, window.view.text, "Donald Trump", "PERSON")
    panel = window.review.entities_panel
    qtbot.waitUntil(lambda: not panel.loading and panel.tree.topLevelItemCount() > 0, timeout=30_000)
    names = {panel.tree.topLevelItem(i).child(j).text(0)
             for i in range(panel.tree.topLevelItemCount()) for j in range(panel.tree.topLevelItem(i).childCount())}
    assert "Donald Trump" in names
    _close(window)


def test_a_newer_open_drops_the_older_ones_result(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    window = _window(qtbot, db_path)
    first = _text_file(tmp_path, "first.txt", "Quokka talks on the first file.")
    second = _text_file(tmp_path, "second.txt", "Wombat talks on the second file.")
    opened: list[int] = []
    window.articleOpened.connect(opened.append)
    with qtbot.waitSignal(window.articleOpened, timeout=60_000):
        window.open_path(first)
        window.open_path(second)  # before the first is read: the first's result is stale
    qtbot.waitUntil(lambda: not window.opening, timeout=30_000)
    qtbot.wait(100)
    assert len(opened) == 1
    assert window.current_article_id == opened[0]
    assert window.view.text.startswith("Wombat talks on the second file.")
    _close(window)


def test_an_open_finishing_after_another_article_was_shown_only_lists_it(
    qtbot: QtBot, db_path: Path, tmp_path: Path
) -> None:
    window = _window(qtbot, db_path)
    first = open_and_analyse(qtbot, window, _text_file(tmp_path, "first.txt", "Quokka talks on the first file."))
    open_and_analyse(qtbot, window, _text_file(tmp_path, "second.txt", "Wombat talks on the second file."))
    opened: list[int] = []
    window.articleOpened.connect(opened.append)
    window.open_path(_text_file(tmp_path, "third.txt", "Numbat talks on the third file."))
    window.show_article(first)  # the officer clicks an article in the library meanwhile
    qtbot.waitUntil(lambda: window.library.count() == 3, timeout=30_000)
    assert opened == []
    assert window.current_article_id == first
    assert window.view.text.startswith("Quokka talks on the first file.")
    assert "third.txt" in window.statusBar().currentMessage()
    _close(window)


def test_opening_a_file_already_in_the_library_shows_that_article(qtbot: QtBot, db_path: Path, tmp_path: Path) -> None:
    window = _window(qtbot, db_path)
    path = _text_file(tmp_path, "first.txt", "Quokka talks on the first file.")
    first = open_and_analyse(qtbot, window, path)
    open_and_analyse(qtbot, window, _text_file(tmp_path, "second.txt", "Wombat talks on the second file."))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(path.read_bytes())
    assert open_file(qtbot, window, copy) == first
    assert window.view.text.startswith("Quokka talks on the first file.")
    assert window.library.count() == 2
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
    article_id = open_and_analyse(qtbot, window, source)
    out = window.export_briefing_to(tmp_path / "note.docx", [article_id])
    assert out is not None and out.exists()
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert any("Defence" in h for h in headings)
    assert any("Trade" in h for h in headings)
    assert doc.tables, "key actors table"
    _close(window)


def test_an_empty_article_page_says_how_to_bring_an_article_in(loaded_window: MainWindow) -> None:
    editor = loaded_window.view.editor
    assert loaded_window.current_article_id is None and editor.toPlainText() == ""
    hint = loaded_window.view.empty_hint
    assert hint.isVisible() and hint.wordWrap(), "said in full, not clipped on one line"
    assert hint.text().startswith("No article open. Import files (Ctrl+I)")
    assert "(Ctrl+Shift+V)" in hint.text() and "drop files" in hint.text()
    article = loaded_window.services.articles.add(ImportedDocument(title="Talks", text="Talks went on.", source_path=""))
    assert article.id is not None
    loaded_window.show_article(article.id)
    assert not hint.isVisible()
