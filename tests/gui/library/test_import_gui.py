"""Bringing articles in through the window: drop a folder, paste, drop one file, edit details."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from briefing_app.gui import import_dialogs
from briefing_app.gui.import_dialogs import ImportReportDialog, MetadataDialog, PasteDialog
from briefing_app.gui.library_panel import TITLE
from briefing_app.gui.main_window import MainWindow
from tests.gui.library.conftest import DOCX_TITLE, TXT_BODY, drop_paths
from tests.gui.opening import open_and_analyse
from tests.importers.factories import ARTICLE_TITLE


def _drop_and_wait(qtbot: QtBot, window: MainWindow, paths: list[Path]) -> list[object]:
    with qtbot.waitSignal(window.importer.importFinished, timeout=60_000) as blocker:
        assert drop_paths(window, paths)
    return blocker.args[0]


def test_dropping_a_folder_imports_every_format_reports_each_file_and_finds_them(
    qtbot: QtBot, window: MainWindow, article_folder: Path
) -> None:
    outcomes = _drop_and_wait(qtbot, window, [article_folder])
    status = {o.name: o.status for o in outcomes}  # type: ignore[attr-defined]
    assert status == {"malabar.txt": "imported", "chips.html": "imported", "ties.docx": "imported",
                      "report.pdf": "imported", "empty.txt": "failed", "fake.docx": "failed"}

    # The per-file report is shown with one row per file and the reason of each failure.
    report = window.importer.last_report
    assert isinstance(report, ImportReportDialog) and report.isVisible()
    assert report.table.rowCount() == 6
    rows = {report.table.item(r, 0).text(): (report.table.item(r, 1).text(), report.table.item(r, 2).text())
            for r in range(6)}
    assert rows["fake.docx"][0] == "Not imported" and "fake.docx" in rows["fake.docx"][1]
    assert "4 imported" in report.summary.text() and "2 not imported" in report.summary.text()

    # In the library table, with metadata taken from the files.
    panel = window.library
    assert panel.count() == 4
    titles = {panel.summary_at(r).title: panel.summary_at(r) for r in range(panel.count())}
    assert "Navy chiefs review Malabar exercise" in titles
    chips = titles["Ministers agree semiconductor roadmap"]
    assert chips.outlet == "Example Times" and chips.published.startswith("2025-03-04")
    assert len(titles) == 4 and ARTICLE_TITLE in titles and DOCX_TITLE in titles
    assert titles[DOCX_TITLE].author == "Desk Officer"
    html_text = window.services.articles.get(chips.id).text  # type: ignore[union-attr]
    assert "Also Read" not in html_text and "Share on" not in html_text and "track(" not in html_text

    # Every imported article is analysed in the background, one after the other.
    qtbot.waitUntil(lambda: not window.importer.pending_analysis(), timeout=120_000)
    assert all(window.services.articles.is_analysed(s.id) for s in titles.values())
    qtbot.waitUntil(lambda: all(panel.summary_at(r).entity_count > 0 for r in range(panel.count())),
                    timeout=10_000)

    # And in search results, with the hits highlighted in the snippet.
    qtbot.keyClicks(panel.search, "semiconductor roadm")
    qtbot.waitUntil(lambda: panel.count() == 1, timeout=5_000)
    hit = panel.summary_at(0)
    assert hit.id == chips.id
    assert {hit.snippet[s:e].lower() for s, e in hit.hits} == {"semiconductor", "roadmap"}
    assert panel.table.isColumnHidden(2) is False and panel.table.isColumnHidden(1), "search mode: title + date"
    assert "1 match" in panel.summary.text()
    panel.search.clear()
    qtbot.waitUntil(lambda: panel.count() == 4, timeout=5_000)
    qtbot.keyClicks(panel.search, "Bay of Bengal")
    qtbot.waitUntil(lambda: panel.count() == 1, timeout=5_000)
    assert panel.summary_at(0).title == "Navy chiefs review Malabar exercise"
    panel.search.clear()
    qtbot.keyClicks(panel.search, "Malabar")  # in the .txt and in the table of the .pdf
    qtbot.waitUntil(lambda: panel.count() == 2, timeout=5_000)
    assert {panel.summary_at(r).id for r in range(2)} == {titles["Navy chiefs review Malabar exercise"].id,
                                                         titles[ARTICLE_TITLE].id}

    # Dropping the same folder again says every article is already there and changes nothing.
    before = [(s.id, s.title) for s in window.services.articles.list_summaries()]
    again = _drop_and_wait(qtbot, window, [article_folder])
    assert sorted(o.status for o in again) == ["duplicate"] * 4 + ["failed"] * 2  # type: ignore[attr-defined]
    assert [(s.id, s.title) for s in window.services.articles.list_summaries()] == before
    assert "0 imported" in window.importer.last_report.summary.text()  # type: ignore[union-attr]
    assert "4 already in the library" in window.importer.last_report.summary.text()  # type: ignore[union-attr]


def test_drag_without_local_files_is_refused(window: MainWindow) -> None:
    mime = QMimeData()
    mime.setText("just some text")
    event = QDragEnterEvent(QPointF(10, 10).toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    event.ignore()
    QApplication.sendEvent(window, event)
    assert not event.isAccepted()


def test_dropping_one_file_opens_it_and_a_bad_one_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "malabar.txt"
    source.write_text(TXT_BODY, encoding="utf-8")
    with qtbot.waitSignal(window.analysisFinished, timeout=60_000):
        _drop_and_wait(qtbot, window, [source])
    assert window.current_article_id is not None
    assert window.view.text.startswith("Navy chiefs review Malabar exercise")
    assert window.library.selected_article_ids() == [window.current_article_id]

    warnings: list[str] = []
    monkeypatch.setattr(import_dialogs.QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    _drop_and_wait(qtbot, window, [bad])
    assert warnings and "scan.pdf" in warnings[0]
    assert window.services.articles.count() == 1


def test_paste_dialog_adds_an_article_with_its_metadata_and_a_second_paste_is_a_duplicate(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: PasteDialog) -> int:
        qtbot.keyClicks(dialog.title, "Readout of the call")
        qtbot.keyClicks(dialog.source, "Ministry of External Affairs")
        qtbot.keyClicks(dialog.date, "not a date")
        qtbot.keyClicks(dialog.url, "mea.gov.in/readout")
        dialog.text.setPlainText("The two leaders discussed defence cooperation and trade.\r\nThey agreed to meet.")
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        assert dialog.result() != QDialog.DialogCode.Accepted, "a bad date keeps the dialog open"
        assert "not understood" in dialog.error.text()
        dialog.date.clear()
        qtbot.keyClicks(dialog.date, "2025-02-14")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        return int(dialog.result())

    monkeypatch.setattr(PasteDialog, "exec", fill)
    with qtbot.waitSignal(window.analysisFinished, timeout=60_000):
        article_id = window.importer.paste_dialog()
    assert article_id is not None
    article = window.services.articles.get(article_id)
    assert article is not None
    assert (article.title, article.outlet, article.published, article.url, article.format) == (
        "Readout of the call", "Ministry of External Affairs", "2025-02-14", "https://mea.gov.in/readout", "paste")
    assert article.text == "The two leaders discussed defence cooperation and trade.\nThey agreed to meet."
    assert window.library.count() == 1

    # The same text pasted again: the status bar says so, nothing is added or changed.
    assert window.importer.paste_dialog() == article_id
    assert "Already in the library" in window.statusBar().currentMessage()
    assert window.services.articles.count() == 1


def test_metadata_dialog_edits_details_through_the_undo_stack(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = tmp_path / "malabar.txt"
    source.write_text(TXT_BODY, encoding="utf-8")
    article_id = open_and_analyse(qtbot, window, source)

    def edit(dialog: MetadataDialog) -> int:
        dialog.fields["title"].setText("Malabar review")
        dialog.fields["outlet"].setText("The Hindu")
        dialog.fields["author"].setText("S. Rao")
        dialog.fields["published"].setText("3 March 2025")
        dialog.fields["url"].setText("https://example.org/malabar")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(MetadataDialog, "exec", edit)
    window.library.setCurrentRow(0)
    window.library.table.setFocus()
    qtbot.keyClick(window.library.table, Qt.Key.Key_F2)  # Edit ▸ Article details…
    article = window.services.articles.get(article_id)
    assert article is not None
    assert (article.title, article.outlet, article.author, article.published, article.url) == (
        "Malabar review", "The Hindu", "S. Rao", "2025-03-03", "https://example.org/malabar")
    index = window.library.proxy.index(0, TITLE)
    assert index.data() == "Malabar review"
    assert window.windowTitle().startswith("Malabar review")

    window.undo_stack.undo()
    article = window.services.articles.get(article_id)
    assert article is not None and article.title == "Navy chiefs review Malabar exercise" and article.outlet == ""
    assert window.library.proxy.index(0, TITLE).data() == "Navy chiefs review Malabar exercise"


def test_metadata_dialog_refuses_an_empty_title_and_a_bad_date(qtbot: QtBot, window: MainWindow) -> None:
    from briefing_app.importers import from_paste

    article = window.services.articles.add(from_paste("Some text about trade.", title="Trade"))
    dialog = MetadataDialog(article, window)
    qtbot.addWidget(dialog)
    dialog.fields["title"].setText("   ")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "title" in dialog.error.text()
    dialog.fields["title"].setText("Trade")
    dialog.fields["published"].setText("someday")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "someday" in dialog.error.text()


def test_progress_update_survives_the_import_finishing_inside_it(window: MainWindow) -> None:
    """A window-modal progress dialog runs the event loop in setValue(): the import can finish (and close the
    dialog) during that call. The progress handler must not touch the dialog afterwards."""
    from PySide6.QtWidgets import QProgressDialog

    importer = window.importer
    dialog = QProgressDialog("Looking for articles…", "Stop", 0, 0, window)
    importer.progress_dialog = dialog
    real_set_value = dialog.setValue

    def set_value_that_finishes_the_import(value: int) -> None:
        real_set_value(value)
        importer._close_progress()  # what _import_done does when it runs inside the nested event loop

    dialog.setValue = set_value_that_finishes_the_import  # type: ignore[method-assign]
    importer._import_progress(1, 3)  # raised AttributeError on None before the fix
    assert importer.progress_dialog is None
