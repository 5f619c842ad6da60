"""Library actions the database refuses (another officer's change, a busy database): nothing reaches
the event loop as an exception, nothing is half-written, what the officer typed stays on screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui.import_dialogs import MetadataDialog, PasteDialog
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import from_paste
from briefing_app.services import Services
from briefing_app.settings import Settings
from tests.gui.refusals import short_busy_timeout, write_lock

__all__ = ["short_busy_timeout"]  # the fixture, used by name

TEXT = "Port officials in Chennai and Colombo agreed a shipping corridor for container traffic."


@pytest.fixture
def window(short_busy_timeout: None, qtbot: QtBot, db_path: Path) -> Iterator[MainWindow]:
    """A window on a fresh database whose writers give up on a held lock after 0.3 s (no model needed)."""
    win = MainWindow(Services.open(db_path), Settings())
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.services.close()


def _add(window: MainWindow, title: str) -> int:
    article = window.services.articles.add(from_paste(TEXT + f" ({title})", title=title))
    assert article.id is not None
    window.refresh_library()
    return article.id


def test_deleting_while_another_program_holds_the_database_deletes_nothing_and_says_so(
        qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = _add(window, "Shipping corridor")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window.library.setCurrentRow(0)
    # Selecting the row opens the article and analyses it in the background: let that save first, or
    # it meets the held lock too and says so in its own message box (a hang under load, seen in CI).
    qtbot.waitUntil(lambda: window.services.articles.is_analysed(article_id), timeout=60_000)
    assert QThreadPool.globalInstance().waitForDone(60_000)
    steps = window.undo_stack.count()
    with write_lock(db_path):
        assert window.library.delete_selected() is False
    assert "the database is busy" in window.statusBar().currentMessage()
    assert window.services.articles.get(article_id) is not None
    assert window.library.count() == 1 and window.undo_stack.count() == steps


def test_details_refused_for_another_officers_edit_stay_in_the_dialog_and_save_the_second_time(
        qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Desk mode: Bram changed the outlet while the dialog was open. Save is refused, says Bram, keeps
    the officer's details in the dialog; Save again stores them over his (he is named, they chose)."""
    article_id = _add(window, "Shipping corridor")
    results: list[int] = []

    def edit(dialog: MetadataDialog) -> int:
        other = Services.open(db_path, officer="Bram")
        try:
            other.articles.update_metadata(article_id, outlet="Daily Mirror")
        finally:
            other.close()
        dialog.fields["title"].setText("Chennai–Colombo corridor")
        dialog.accept()
        results.append(dialog.result())
        assert "Bram" in dialog.error.text() and "Not saved" in dialog.error.text()
        assert dialog.fields["title"].text() == "Chennai–Colombo corridor", "the typed title stays"
        assert dialog.fields["outlet"].text() == "Daily Mirror", "the untouched fields show his"
        stored = window.services.articles.get(article_id)
        assert stored is not None and stored.title == "Shipping corridor" and stored.outlet == "Daily Mirror"
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(MetadataDialog, "exec", edit)
    assert window.importer.edit_metadata(article_id) is True
    assert results == [0], "the refused Save left the dialog open"
    stored = window.services.articles.get(article_id)
    assert stored is not None and (stored.title, stored.outlet) == ("Chennai–Colombo corridor", "Daily Mirror")


def test_pasting_while_another_program_holds_the_database_keeps_the_text_in_the_dialog(
        qtbot: QtBot, window: MainWindow, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def paste(dialog: PasteDialog) -> int:
        dialog.title.setText("Shipping corridor")
        dialog.text.setPlainText(TEXT)
        with write_lock(db_path):
            dialog.accept()
        assert dialog.result() != QDialog.DialogCode.Accepted, "refused: the dialog stays open"
        assert "the database is busy" in dialog.error.text()
        assert dialog.text.toPlainText() == TEXT
        assert window.services.articles.count() == 0
        dialog.accept()  # the other program is done: Add to library again
        return int(dialog.result())

    monkeypatch.setattr(PasteDialog, "exec", paste)
    article_id = window.importer.paste_dialog()
    assert article_id is not None and window.services.articles.count() == 1


def test_exporting_a_draft_on_a_busy_database_says_so_and_writes_no_file(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.gui.refusals import raise_busy

    article_id = _add(window, "Shipping corridor")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *_a: warnings.append(text))
    monkeypatch.setattr(window.services.briefings, "create_draft", raise_busy)
    out = tmp_path / "note.docx"
    assert window.export_briefing_to(out, [article_id]) is None
    assert warnings and warnings[0].startswith("The change was not saved: the database is busy")
    assert not out.exists() and window.services.briefings.all() == []


def _disk_full(*_args: object) -> None:
    import errno

    raise OSError(errno.ENOSPC, "No space left on device", "settings.json")


def test_hiding_a_label_on_a_full_disk_hides_it_and_says_it_is_not_remembered(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing_app.settings as settings_module

    monkeypatch.setattr(settings_module, "save_settings", _disk_full)
    window._legend_changed({"PERSON"}, set())
    assert "not remembered for next time" in window.statusBar().currentMessage()
    assert "the disk is full" in window.statusBar().currentMessage()
    assert window.settings.hidden_labels == ["PERSON"]


def _folder_read_only(*_args: object) -> None:
    raise PermissionError(13, "Permission denied", "settings.tmp")


def test_hiding_a_label_with_a_settings_folder_that_cannot_be_written_hides_it_and_says_so(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not only a full disk: a settings folder that cannot be written (Preferences already says so) raised
    into the event loop from the legend."""
    import briefing_app.settings as settings_module

    monkeypatch.setattr(settings_module, "save_settings", _folder_read_only)
    window._legend_changed({"PERSON"}, set())
    assert "not remembered for next time" in window.statusBar().currentMessage()
    assert "Permission denied" in window.statusBar().currentMessage()
    assert window.settings.hidden_labels == ["PERSON"]
