"""Startup and shutdown safety in the GUI: instance lock, recovery dialog, read-only banner,
daily/exit backups, and the unexpected-error dialog with its log file."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui import safety
from briefing_app.gui.diagnostics import ExceptionReporter, build_error_dialog, setup_logging
from briefing_app.gui.instance_lock import InstanceLock, lock_path
from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.recovery import RecoveryDialog
from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.settings import Settings
from briefing_app.storage import backup
from briefing_app.storage.paths import user_log_dir

REPO = Path(__file__).resolve().parents[2]


def _add(services: Services, title: str) -> int:
    article = services.articles.add(ImportedDocument(title=title, text=f"{title}. Ministers met in Delhi.",
                                                     source_path=""))
    assert article.id is not None
    return article.id


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Capture QMessageBox static calls instead of blocking on them."""
    seen: list[tuple[str, str]] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda _p, title, text, *a, _n=name, **k: seen.append((title, text)))
    return seen


def test_second_instance_on_the_same_database_is_told_clearly(
    qapp: QApplication, db_path: Path, messages: list[tuple[str, str]]
) -> None:
    Services.open(db_path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from briefing_app.gui.instance_lock import InstanceLock
            lock = InstanceLock({str(db_path)!r})
            assert lock.acquire()
            print("locked", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert safety.open_safely(db_path) is None
        assert messages and messages[0][0] == "Database already open"
        assert "already open on this database" in messages[0][1]
        assert f"process {holder.pid}" in messages[0][1]
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    # Once the first instance has quit, the database opens normally.
    opened = safety.open_safely(db_path)
    assert opened is not None
    services, lock = opened
    assert lock.held and lock_path(db_path.resolve()).exists()
    safety.close_safely(services, lock)
    assert not lock.held


def test_window_start_is_refused_clearly_while_a_command_line_task_runs(
    qapp: QApplication, db_path: Path, messages: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    task = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from briefing_app.storage.db_lock import DatabaseLock
            lock = DatabaseLock({str(db_path)!r}, role="briefing-app import")
            assert lock.acquire()
            print("locked", flush=True)
            sys.stdin.read()
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    try:
        assert task.stdout is not None and task.stdout.readline().strip() == "locked"
        assert safety.open_safely(db_path) is None
        assert messages and messages[0][0] == "Database already open"
        assert f"in use by the command-line task briefing-app import (process {task.pid})" in messages[0][1]
        assert "Wait until it has finished" in messages[0][1]
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and "briefing-app import" in err
        assert not db_path.exists(), "the window did not open the database"
    finally:
        assert task.stdin is not None
        task.stdin.close()
        task.wait(timeout=30)


def test_lock_left_by_a_killed_instance_is_taken_over(qapp: QApplication, db_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os, signal
            from briefing_app.gui.instance_lock import InstanceLock
            lock = InstanceLock({str(db_path)!r})
            assert lock.acquire()
            os.kill(os.getpid(), signal.SIGKILL)
        """)],
        cwd=REPO,
    )
    holder.wait(timeout=30)
    assert lock_path(db_path.resolve()).exists(), "the killed process left its lock file"
    lock = InstanceLock(db_path)
    assert lock.acquire()
    lock.release()


def _corrupt_with_backup(db_path: Path) -> tuple[Path, bytes]:
    services = Services.open(db_path)
    _add(services, "Kept in the backup")
    made = backup.make_backup(db_path)
    _add(services, "Added after the backup")
    services.close()
    data = db_path.read_bytes()
    damaged = data[:4096] + os.urandom(len(data) - 4096)
    db_path.write_bytes(damaged)
    return made, damaged


def _answer_dialog(qtbot: QtBot, button_name: str, seen: list[RecoveryDialog]) -> None:
    def click() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecoveryDialog)
        seen.append(dialog)
        qtbot.mouseClick(dialog.findChild(type(dialog.quit_button), button_name), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_damaged_database_offers_the_newest_good_backup_and_restores_on_request(
    qtbot: QtBot, db_path: Path, messages: list[tuple[str, str]]
) -> None:
    made, damaged = _corrupt_with_backup(db_path)
    seen: list[RecoveryDialog] = []
    _answer_dialog(qtbot, "restoreBackup", seen)
    opened = safety.open_safely(db_path)
    assert seen, "the officer was asked before anything was replaced"
    problem = seen[0].findChild(QLabel, "recoveryProblem").text()
    offer = seen[0].findChild(QLabel, "recoveryOffer").text()
    assert "Nothing has been changed or deleted" in problem
    assert made.name in offer and "newest good backup" in offer
    assert opened is not None
    services, lock = opened
    try:
        assert [a.title for a in services.articles.list_summaries()] == ["Kept in the backup"]
        assert services.db.integrity_check() == ["ok"]
    finally:
        safety.close_safely(services, lock)
    kept = backup.list_backups(db_path, ("damaged",))
    assert len(kept) == 1 and kept[0].path.read_bytes() == damaged
    assert messages and messages[-1][0] == "Backup restored"


def test_declining_recovery_changes_nothing(qtbot: QtBot, db_path: Path, messages: list[tuple[str, str]]) -> None:
    _made, damaged = _corrupt_with_backup(db_path)
    seen: list[RecoveryDialog] = []
    _answer_dialog(qtbot, "quitRecovery", seen)
    assert safety.open_safely(db_path) is None
    assert seen and db_path.read_bytes() == damaged
    assert backup.list_backups(db_path, ("damaged",)) == []
    probe = InstanceLock(db_path)
    assert probe.acquire(), "the lock was released on the way out"
    probe.release()


def test_damaged_database_without_backup_says_so(qtbot: QtBot, db_path: Path) -> None:
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8000)
    dialog = RecoveryDialog(db_path, "briefing.db is damaged", None)
    qtbot.addWidget(dialog)
    assert dialog.restore_button is None
    assert "No good backup was found" in dialog.findChild(QLabel, "recoveryOffer").text()


def test_read_only_database_shows_a_banner_and_does_not_analyse(qtbot: QtBot, db_path: Path) -> None:
    services = Services.open(db_path)
    article_id = _add(services, "Never analysed")
    services.close()
    os.chmod(db_path, stat.S_IRUSR)
    try:
        services = Services.open(db_path)
        window = MainWindow(services, Settings())
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        safety.arm_backups(window, services)
        banner = window.findChild(QLabel, "readOnlyBanner")
        assert banner is not None and banner.isVisible()
        assert "Read-only" in banner.text() and "marked read-only" in banner.text()
        qtbot.waitUntil(lambda: window.analyzer is not None, timeout=60_000)
        window.show_article(article_id)
        assert not window.tasks.is_busy(f"analysis:{article_id}")
        assert window.view.text.startswith("Never analysed")
        window.grab().save(str(db_path.parent / "read_only.png"))
        window.close()
        services.close()
    finally:
        os.chmod(db_path, stat.S_IRUSR | stat.S_IWUSR)
    assert backup.list_backups(db_path) == [], "no backups are attempted of a read-only database"


def test_backup_when_due_on_start_and_on_exit(qtbot: QtBot, db_path: Path) -> None:
    opened = safety.open_safely(db_path)
    assert opened is not None
    services, lock = opened
    _add(services, "Work of the day")
    window = MainWindow(services, Settings())
    qtbot.addWidget(window)
    safety.arm_backups(window, services)
    qtbot.waitUntil(lambda: len(backup.list_backups(db_path)) == 1, timeout=30_000)
    timer = window.findChild(QTimer, "dailyBackupTimer")
    assert timer is not None and timer.isActive()
    qtbot.waitUntil(lambda: not window.tasks.is_busy("backup"), timeout=30_000)
    _add(services, "Evening work")
    window.close()
    safety.close_safely(services, lock)
    newest = backup.list_backups(db_path)[0]
    assert newest.created.date() == backup.list_backups(db_path)[-1].created.date()
    assert len(backup.list_backups(db_path)) == 1, "one automatic backup per day"
    import sqlite3

    with sqlite3.connect(newest.path) as conn:
        assert {r[0] for r in conn.execute("SELECT title FROM article")} == {"Work of the day", "Evening work"}


def test_log_file_is_in_the_user_log_folder_and_rotates(qapp: QApplication) -> None:
    path = setup_logging()
    try:
        assert path.parent == user_log_dir()
        logging.getLogger("briefing_app.test").warning("hello from the test")
        for handler in logging.getLogger().handlers:
            handler.flush()
        assert "hello from the test" in path.read_text(encoding="utf-8")
        handler = next(h for h in logging.getLogger().handlers if h.get_name() == "briefing-app-file")
        assert handler.maxBytes > 0 and handler.backupCount >= 3  # type: ignore[attr-defined]
    finally:
        for h in [h for h in logging.getLogger().handlers if h.get_name() == "briefing-app-file"]:
            logging.getLogger().removeHandler(h)
            h.close()


@pytest.mark.qt_no_exception_capture
def test_unexpected_exception_shows_the_log_path_and_data_stays(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = _add(services, "Edited before the crash")
    services.articles.set_status(article_id, "reviewed")
    path = setup_logging()
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    reporter = ExceptionReporter(path)
    reporter.install()
    try:
        def slot() -> None:
            raise RuntimeError("boom in a slot")

        QTimer.singleShot(0, slot)
        qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    finally:
        reporter.uninstall()
        for h in [h for h in logging.getLogger().handlers if h.get_name() == "briefing-app-file"]:
            logging.getLogger().removeHandler(h)
            h.close()
    box = shown[0]
    assert "boom in a slot" in box.text()
    assert str(path) in box.informativeText() and "Your work is safe" in box.informativeText()
    assert "Traceback" in box.detailedText()
    log_text = path.read_text(encoding="utf-8")
    assert "boom in a slot" in log_text and "Traceback" in log_text
    assert services.articles.get(article_id).status == "reviewed"  # type: ignore[union-attr]
    assert services.db.integrity_check() == ["ok"]


def test_error_dialog_explains_a_read_only_write(qapp: QApplication, tmp_path: Path) -> None:
    import sqlite3

    box = build_error_dialog(sqlite3.OperationalError("attempt to write a readonly database"), "tb",
                             tmp_path / "briefing-app.log")
    assert "read-only, so the change was not saved" in box.text()
    box.grab().save(str(tmp_path / "error.png"))
