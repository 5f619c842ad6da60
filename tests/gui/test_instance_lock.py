"""Replay of issue 11.1: a file dialog on the database's folder, then `briefing-app` in a second process.

A Qt file dialog that lists the folder opens and closes ``x.db`` (icon
provider, mime sniffing), and closing any descriptor drops every POSIX lock
SQLite holds on it. Before the database lock, ``briefing-app import/list`` then
believed it was alone, checkpointed and deleted the window's WAL, and the
database was damaged. Now the commands refuse in one line and nothing is lost.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QFileSystemModel
from pytestqt.qtbot import QtBot

from briefing_app.cli import EXIT_DATABASE_IN_USE
from briefing_app.gui import safety
from briefing_app.gui.main_window import MainWindow
from briefing_app.settings import Settings
from briefing_app.storage.db_lock import lock_path
from tests.gui.opening import open_file

REPO = Path(__file__).resolve().parents[2]
PROC_LOCKS = Path("/proc/locks")


def _locks_on(path: Path, kind: str) -> list[int]:
    """Pids holding ``kind`` ("POSIX" or "FLOCK") locks on ``path``, from /proc/locks."""
    inode = os.stat(path).st_ino
    pids = []
    for line in PROC_LOCKS.read_text().splitlines():
        fields = line.split()
        if "->" in fields or len(fields) < 6:
            continue  # a waiter, not a holder
        if fields[1] == kind and int(fields[5].rsplit(":", 1)[1]) == inode:
            pids.append(int(fields[4]))
    return pids


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "briefing_app.cli", *argv], capture_output=True, text=True,
                          cwd=REPO, timeout=120)


@pytest.mark.skipif(sys.platform == "win32", reason="replays the POSIX-lock hazard of Linux and macOS")
def test_file_dialog_then_command_line_cannot_damage_the_windows_database(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "D"
    folder.mkdir()
    db = folder / "x.db"
    opened = safety.open_safely(db)
    assert opened is not None
    services, lock = opened
    window = MainWindow(services, Settings())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()

    # Edit 1, through the window: an article is opened into the library and analysed.
    source = tmp_path / "first.txt"
    source.write_text("Quokka summit. Prime Minister Narendra Modi met ministers in Delhi on trade.\n",
                      encoding="utf-8")
    article_id = open_file(qtbot, window, source)
    qtbot.waitUntil(lambda: services.articles.is_analysed(article_id), timeout=120_000)
    assert Path(f"{db}-wal").stat().st_size > 0, "the window's edits are in its WAL"

    # A real (non-native) file dialog on the database's folder, loaded, then cancelled.
    dialog = QFileDialog(window, "Import files", str(folder), "All files (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    with qtbot.waitSignal(model.directoryLoaded, timeout=30_000):
        dialog.open()
    qtbot.waitUntil(lambda: model.index(str(db)).isValid(), timeout=30_000)
    dialog.reject()
    # On Linux offscreen the dialog alone drops the window's POSIX locks on x.db and x.db-shm
    # (seen in /proc/locks). Make the hazard certain whatever Qt does: a plain open+close.
    with db.open("rb") as handle:
        handle.read(16)
    if PROC_LOCKS.exists():
        assert os.getpid() not in _locks_on(db, "POSIX"), "SQLite's own locks are gone (the hazard)"
        assert os.getpid() in _locks_on(lock_path(db), "FLOCK"), "the window's database lock is still held"

    # A second process: refused in one line, before opening the database.
    other = tmp_path / "y.txt"
    other.write_text("Wombat report from a second process.\n", encoding="utf-8")
    wal_before = Path(f"{db}-wal").stat()
    for run in (_cli("import", str(other), "--db", str(db)), _cli("list", "--db", str(db))):
        assert run.returncode == EXIT_DATABASE_IN_USE, run.stderr
        assert len(run.stderr.splitlines()) == 1 and "Traceback" not in run.stderr, run.stderr
        assert "x.db is open in Briefing Builder" in run.stderr and "close the window first" in run.stderr
        assert run.stdout == ""
    wal_after = Path(f"{db}-wal").stat()
    assert (wal_after.st_ino, wal_after.st_size) == (wal_before.st_ino, wal_before.st_size), "WAL untouched"

    # The window still works: library search, and a further edit is saved.
    window.library.search.setText("quokka")
    window.library.refresh()
    assert window.library.article_ids() == [article_id]
    services.articles.update_metadata(article_id, title="Second edit numbat")
    window.library.search.setText("numbat")
    window.library.refresh()
    assert window.library.article_ids() == [article_id]
    window.close()
    safety.close_safely(services, lock)

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        conn.execute("INSERT INTO article_fts(article_fts) VALUES('integrity-check')")
        assert conn.execute("SELECT id, title FROM article").fetchall() == [(article_id, "Second edit numbat")]
        assert conn.execute("SELECT count(*) FROM annotation WHERE article_id = ?", (article_id,)).fetchone()[0]
        assert [r[0] for r in conn.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH 'numbat'")] \
            == [article_id]
    finally:
        conn.close()
