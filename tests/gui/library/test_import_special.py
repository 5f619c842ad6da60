"""The window with files that are not files or never finish: folder imports complete, Stop and Quit work."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from briefing_app.gui import import_dialogs
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportFailed, dispatch
from tests.gui.library.conftest import TXT_BODY, drop_paths

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                reason="needs POSIX named pipes and /dev/zero")

WAIT_MS = 60_000  # a hang guard: only reached when something blocks


@pytest.fixture
def folder_with_pipe(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "malabar.txt").write_text(TXT_BODY, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zeros.txt").symlink_to("/dev/zero")
    yield folder
    try:  # release a reader stuck in open() (the bug), so the thread pool can finish
        os.close(os.open(folder / "pipe.txt", os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass


@pytest.fixture
def blocked_reader(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """Every file takes for ever to read (until the test ends); yields the 'reading started' event."""
    started, release = threading.Event(), threading.Event()

    def slow_importer(_path: object) -> object:
        started.set()
        release.wait(WAIT_MS / 1000)
        raise ImportFailed("never finishes in this test")

    monkeypatch.setattr(dispatch, "_resolve", lambda _target: slow_importer)
    yield started
    release.set()


def test_folder_import_with_a_pipe_and_a_dev_zero_link_completes_and_reports_them(
    qtbot: QtBot, window: MainWindow, folder_with_pipe: Path
) -> None:
    with qtbot.waitSignal(window.importer.importFinished, timeout=WAIT_MS) as blocker:
        assert drop_paths(window, [folder_with_pipe])
    status = {o.name: (o.status, o.message) for o in blocker.args[0]}
    assert status == {"malabar.txt": ("imported", "Imported as “Navy chiefs review Malabar exercise”"),
                      "pipe.txt": ("skipped", "not a regular file (a named pipe)"),
                      "zeros.txt": ("skipped", "not a regular file (a device)")}
    report = window.importer.last_report
    assert report is not None and "2 skipped (not regular files)" in report.summary.text()
    assert window.services.articles.count() == 1


def test_stop_works_while_a_single_file_is_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, blocked_reader: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(import_dialogs.QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    source = tmp_path / "report.txt"
    source.write_text(TXT_BODY, encoding="utf-8")
    assert window.importer.import_paths([source])
    qtbot.waitUntil(blocked_reader.is_set, timeout=WAIT_MS)
    dialog = window.importer.progress_dialog
    assert dialog is not None
    stop = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Stop")
    with qtbot.waitSignal(window.importer.importFinished, timeout=WAIT_MS) as blocker:
        stop.click()
    assert [(o.status, o.message) for o in blocker.args[0]] == [("skipped", "Not imported (import stopped)")]
    assert "Import stopped" in window.statusBar().currentMessage()
    assert warnings == [] and window.services.articles.count() == 0


def test_quit_does_not_wait_for_a_file_being_read(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, blocked_reader: threading.Event
) -> None:
    source = tmp_path / "report.txt"
    source.write_text(TXT_BODY, encoding="utf-8")
    assert window.importer.import_paths([source])
    qtbot.waitUntil(blocked_reader.is_set, timeout=WAIT_MS)
    window.close()
    # Closing made every task stale; the import's worker returns instead of waiting for the reader.
    assert window.tasks.shutdown(timeout_ms=WAIT_MS // 2), "Quit would hang until the file is read"
    assert window.services.articles.count() == 0


def test_dropping_a_folder_again_analyses_articles_an_interrupted_import_left_unanalysed(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "again"
    folder.mkdir()
    (folder / "malabar.txt").write_text(TXT_BODY, encoding="utf-8")
    [stored] = window.services.articles.import_files([folder])  # stored, never analysed (a kill)
    assert stored.article_id is not None and not window.services.articles.is_analysed(stored.article_id)
    with qtbot.waitSignal(window.importer.importFinished, timeout=WAIT_MS) as blocker:
        assert drop_paths(window, [folder])
    assert [o.status for o in blocker.args[0]] == ["duplicate"]
    qtbot.waitUntil(lambda: not window.importer.pending_analysis(), timeout=WAIT_MS)
    assert window.services.articles.is_analysed(stored.article_id)


def test_file_open_reads_in_the_background_and_can_be_stopped(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, blocked_reader: threading.Event,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """File → Open used to read the file on the window's thread: a slow file froze it, with no Stop."""
    import briefing_app.gui.main_window as main_window

    warnings: list[str] = []
    monkeypatch.setattr(main_window.QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    source = tmp_path / "report.txt"
    source.write_text(TXT_BODY, encoding="utf-8")
    monkeypatch.setattr(main_window.QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(source), ""))
    window.open_action.trigger()  # returns while the file is still being read
    qtbot.waitUntil(blocked_reader.is_set, timeout=WAIT_MS)
    dialog = window.importer.progress_dialog
    assert dialog is not None, "no progress dialog, so no Stop button"
    stop = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Stop")
    with qtbot.waitSignal(window.importer.importFinished, timeout=WAIT_MS) as blocker:
        stop.click()
    assert [o.status for o in blocker.args[0]] == ["skipped"]
    assert warnings == [] and window.services.articles.count() == 0


def test_opening_an_article_an_interrupted_import_left_unanalysed_analyses_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    source = tmp_path / "malabar.txt"
    source.write_text(TXT_BODY, encoding="utf-8")
    [stored] = window.services.articles.import_files([source])  # stored, never analysed (a kill)
    assert stored.article_id is not None
    window.refresh_library()
    with qtbot.waitSignal(window.analysisFinished, timeout=WAIT_MS):
        window.show_article(stored.article_id)
    assert window.services.articles.is_analysed(stored.article_id)
    assert window.library.summary_at(0).entity_count > 0
