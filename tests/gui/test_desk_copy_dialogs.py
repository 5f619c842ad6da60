"""File → Take a copy… and File → Bring back… (offline laptops, issue 19), driven through the real
menu actions and dialogs (the platform file dialogs are replaced)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from briefing_app.gui.desk_copy_dialogs import (
    BringBackPreviewDialog,
    BringBackReportDialog,
    DeskCopyFeature,
    TakeCopyDialog,
)
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.services.desk_copy import sidecar
from briefing_app.settings import Settings

PORT = "Officials discussed port access in Colombo with Ranil Wickremesinghe."
SHOTS = os.environ.get("BRIEFING_SHOTS")  # a folder: the dialogs are saved there as PNG to look at


def _window(qtbot: QtBot, db_path: Path | str) -> MainWindow:
    services = Services.open(db_path, officer="Bram")
    window = MainWindow(services, Settings())
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitUntil(lambda: window.analyzer is not None, timeout=60_000)
    return window


def _close(window: MainWindow) -> None:
    window.close()
    window.services.close()


def _add(svc: Services, title: str, text: str) -> int:
    article = svc.articles.add(ImportedDocument(title=title, text=text, source_path=""))
    assert article.id is not None
    return article.id


def _shot(widget: object, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"{name}.png"))  # type: ignore[attr-defined]


def _file_menu_action(window: MainWindow, name: str) -> object:
    file_menu: QMenu = window.menus["file"]
    (action,) = [a for a in file_menu.actions() if a.objectName() == name]
    return action


def _take_copy(qtbot: QtBot, window: MainWindow, out: Path, monkeypatch: pytest.MonkeyPatch,
               choose: str = "sliceEverything") -> TakeCopyDialog:
    feature: DeskCopyFeature = window.desk_copy
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _file_menu_action(window, "takeCopyAction").trigger()  # type: ignore[attr-defined]
    dialog = feature.dialog
    assert isinstance(dialog, TakeCopyDialog) and dialog.isVisible()
    dialog.findChild(object, "chooseCopyTarget").click()  # type: ignore[union-attr]
    assert dialog.target.text() == str(out)
    getattr(dialog, {"sliceEverything": "everything", "sliceSelected": "chosen",
                     "sliceBriefing": "one_briefing"}[choose]).setChecked(True)
    _shot(dialog, "take_copy_dialog")
    dialog.ok.click()
    return dialog


def test_take_a_copy_of_the_selected_articles_from_the_file_menu(qtbot: QtBot, db_path: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, db_path)
    try:
        port = _add(window.services, "Port talks", PORT)
        _add(window.services, "Border", "Talks on the border resumed in Ladakh.")
        window.refresh_library()
        window.library.select_article(port)
        out = tmp_path / "laptop.sqlite"
        _take_copy(qtbot, window, out, monkeypatch, choose="sliceSelected")
        qtbot.waitUntil(lambda: sidecar(out).is_file() and not window.tasks.is_busy("desk-take-copy"),
                        timeout=30_000)
        assert "Copied" in window.statusBar().currentMessage()
        laptop = Services.open(out)
        assert [s.title for s in laptop.articles.list_summaries()] == ["Port talks"]
        laptop.close()
    finally:
        _close(window)


def test_a_copy_into_a_read_only_folder_is_one_clear_line(qtbot: QtBot, db_path: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, db_path)
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        _take_copy(qtbot, window, locked / "laptop.sqlite", monkeypatch)
        qtbot.waitUntil(lambda: window.desk_copy.message is not None, timeout=30_000)
        message = window.desk_copy.message
        assert message is not None and "read-only" in message.text() and "\n" not in message.text()
        assert window.desk_copy.progress is None
        message.close()
    finally:
        locked.chmod(0o700)
        _close(window)


def test_bring_back_previews_merges_reports_conflicts_and_refreshes(qtbot: QtBot, db_path: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, db_path)
    try:
        svc = window.services
        port = _add(svc, "Port talks", PORT)
        border = _add(svc, "Border", "Talks on the border resumed in Ladakh.")
        tag = svc.annotations.add(port, "entity", 35, 42, "GPE").id
        note = svc.notes.add(port, 0, 9, "Which officials?").notes[0][1].id
        window.refresh_library()
        window.show_article(port)
        out = tmp_path / "laptop.sqlite"
        _take_copy(qtbot, window, out, monkeypatch)
        qtbot.waitUntil(lambda: sidecar(out).is_file() and not window.tasks.is_busy("desk-take-copy"),
                        timeout=30_000)

        laptop = Services.open(out, officer="Asha")  # offline
        laptop.notes.update(note or 0, "Which officials? Ask the embassy.")
        laptop.annotations.relabel(tag or 0, "LOC")
        laptop.articles.update_metadata(border, title="Border talks (Asha)")
        _add(laptop, "Imported offline", "Fisheries talks in Jaffna drew a large crowd.")
        laptop.close()
        svc.articles.update_metadata(border, title="Border talks (Bram)")  # meanwhile in the library

        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
        _file_menu_action(window, "bringBackAction").trigger()  # type: ignore[attr-defined]
        feature = window.desk_copy
        qtbot.waitUntil(lambda: isinstance(feature.dialog, BringBackPreviewDialog), timeout=30_000)
        preview = feature.dialog
        assert isinstance(preview, BringBackPreviewDialog)
        counts = _table(preview.table)
        assert counts["Articles"] == ["1", "–", "–"] and counts["Notes"] == ["–", "1", "–"]
        assert "1 offline edit conflicts" in preview.summary.text()
        assert svc.notes.for_article(port)[0].body == "Which officials?", "the preview wrote nothing"
        _shot(preview, "bring_back_preview")
        preview.merge.click()

        qtbot.waitUntil(lambda: isinstance(feature.dialog, BringBackReportDialog), timeout=30_000)
        report = feature.dialog
        assert isinstance(report, BringBackReportDialog)
        rows = [[report.conflicts.item(r, c).text() for c in range(4)] for r in range(report.conflicts.rowCount())]
        assert len(rows) == 1 and rows[0][:3] == ["Border talks (Bram)", "article (title, details, status)", "Bram"]
        assert rows[0][3].startswith("20")
        _shot(report, "bring_back_report")
        _shot(window, "window_after_bring_back")
        report.accept()
        assert svc.notes.for_article(port)[0].body == "Which officials? Ask the embassy."
        titles = [window.library.summary_at(r).title for r in range(window.library.count())]
        assert "Imported offline" in titles and "Border talks (Bram)" in titles, "the library was read again"
        assert window.view.label_at(36) == "LOC", "the open article shows what was brought back"
        assert window.undo_stack.count() == 0

        # Twice: nothing more to bring back.
        _file_menu_action(window, "bringBackAction").trigger()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: isinstance(feature.dialog, BringBackPreviewDialog) and feature.dialog is not preview,
                        timeout=30_000)
        again = feature.dialog
        assert isinstance(again, BringBackPreviewDialog)
        assert again.summary.text().startswith("Nothing new to bring back")  # (the conflict is said again)
        again.reject()
    finally:
        _close(window)


def test_bringing_back_a_file_that_is_not_a_copy_says_so_in_one_line(qtbot: QtBot, db_path: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, db_path)
    try:
        stray = tmp_path / "other.sqlite"
        stray.write_text("not a database", encoding="utf-8")
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(stray), ""))
        _file_menu_action(window, "bringBackAction").trigger()  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: window.desk_copy.message is not None, timeout=30_000)
        text = window.desk_copy.message.text()  # type: ignore[union-attr]
        assert "is not a copy taken from a desk database" in text and "\n" not in text
        window.desk_copy.message.close()  # type: ignore[union-attr]
    finally:
        _close(window)


def _table(table: QTableWidget) -> dict[str, list[str]]:
    return {table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 4)] for r in range(table.rowCount())}


def test_cancelling_a_copy_leaves_no_file(qtbot: QtBot, db_path: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from briefing_app.services import desk_copy

    window = _window(qtbot, db_path)
    try:
        _add(window.services, "Port talks", PORT)
        started, go_on = threading.Event(), threading.Event()
        real_insert = desk_copy._insert

        def held(*args: object) -> int:  # the worker waits at its first batch until Cancel was pressed
            started.set()
            go_on.wait(30)
            return real_insert(*args)  # type: ignore[arg-type]

        monkeypatch.setattr(desk_copy, "_insert", held)
        out = tmp_path / "laptop.sqlite"
        _take_copy(qtbot, window, out, monkeypatch)
        qtbot.waitUntil(started.is_set, timeout=30_000)
        progress = window.desk_copy.progress
        assert progress is not None and progress.isVisible()
        _shot(progress, "take_copy_progress")
        progress.findChild(QPushButton).click()  # its Cancel button
        go_on.set()
        qtbot.waitUntil(lambda: not window.tasks.is_busy("desk-take-copy"), timeout=30_000)
        assert "cancelled" in window.statusBar().currentMessage()
        assert [p.name for p in tmp_path.iterdir() if "laptop" in p.name] == []
        assert window.desk_copy.message is None, "a cancel is not an error"
    finally:
        _close(window)


def test_a_copy_over_a_file_open_in_another_window_is_refused_in_one_line(qtbot: QtBot, db_path: Path,
                                                                          tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing_app.storage.db_lock import DatabaseLock

    window = _window(qtbot, db_path)
    out = tmp_path / "laptop.sqlite"
    Services.open(out).close()  # an earlier copy, now open in the laptop's window
    other = DatabaseLock(out)
    assert other.acquire()
    try:
        _take_copy(qtbot, window, out, monkeypatch)  # the save dialog asked "replace?", and the officer said yes
        qtbot.waitUntil(lambda: window.desk_copy.message is not None, timeout=30_000)
        text = window.desk_copy.message.text()  # type: ignore[union-attr]
        assert text.startswith("laptop.sqlite is open in Briefing Builder (process ") and "\n" not in text
        assert out.is_file(), "the file in use was left alone"
        window.desk_copy.message.close()  # type: ignore[union-attr]
    finally:
        other.release()
        _close(window)


@pytest.fixture
def desk_url(pg_cluster: object) -> Iterator[str]:
    import uuid

    name = f"g_{uuid.uuid4().hex[:12]}"
    yield pg_cluster.create_database(name)  # type: ignore[attr-defined]
    pg_cluster.drop_database(name)  # type: ignore[attr-defined]


@pytest.mark.postgresql
def test_a_desk_window_takes_a_copy_and_brings_back_a_deletion(qtbot: QtBot, desk_url: str, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    window = _window(qtbot, desk_url)
    try:
        svc = window.services
        port = _add(svc, "Port talks", PORT)
        note = svc.notes.add(port, 0, 9, "Which officials?").notes[0][1].id
        out = tmp_path / "laptop.sqlite"
        _take_copy(qtbot, window, out, monkeypatch)
        qtbot.waitUntil(lambda: sidecar(out).is_file() and not window.tasks.is_busy("desk-take-copy"),
                        timeout=30_000)
        laptop = Services.open(out, officer="Asha")
        laptop.notes.delete(note or 0)
        laptop.close()
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
        _file_menu_action(window, "bringBackAction").trigger()  # type: ignore[attr-defined]
        feature = window.desk_copy
        qtbot.waitUntil(lambda: isinstance(feature.dialog, BringBackPreviewDialog), timeout=30_000)
        assert _table(feature.dialog.table)["Notes"] == ["–", "–", "1"]  # type: ignore[union-attr]
        feature.dialog.merge.click()  # type: ignore[union-attr]
        qtbot.waitUntil(lambda: isinstance(feature.dialog, BringBackReportDialog), timeout=30_000)
        assert svc.notes.for_article(port) == []
        feature.dialog.accept()  # type: ignore[union-attr]
    finally:
        _close(window)
