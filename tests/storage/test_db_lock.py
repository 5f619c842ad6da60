"""The database lock: a window alone, command-line tasks together, never both; survives closed descriptors."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing_app.cli import EXIT_DATABASE_IN_USE
from briefing_app.services import Services
from briefing_app.storage.db_lock import WINDOW, DatabaseLock, lock_path

REPO = Path(__file__).resolve().parents[2]


def _holder(db_path: Path, role: str, then: str = "sys.stdin.read()") -> subprocess.Popen[str]:
    """A separate process that takes the lock as ``role`` and prints "locked" (or "refused")."""
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os, signal, sys
            from briefing_app.storage.db_lock import DatabaseLock
            lock = DatabaseLock({str(db_path)!r}, role={role!r})
            print("locked" if lock.acquire() else "refused", flush=True)
            {then}
        """)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
    )
    return proc


def _line(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


def _end(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)


def test_a_running_command_line_task_makes_a_window_start_refuse_clearly(db_path: Path) -> None:
    task = _holder(db_path, "briefing-app import")
    try:
        assert _line(task) == "locked"
        window = DatabaseLock(db_path, role=WINDOW)
        assert not window.acquire()
        holder = window.holder()
        assert holder is not None and holder.pid == task.pid and holder.role == "briefing-app import"
        from briefing_app.gui.instance_lock import InstanceLock

        message = InstanceLock(db_path)
        assert not message.acquire()
        assert f"command-line task briefing-app import (process {task.pid})" in message.message()
    finally:
        _end(task)
    window = DatabaseLock(db_path, role=WINDOW)
    assert window.acquire(), "free again once the task has finished"
    window.release()


@pytest.mark.skipif(sys.platform == "win32", reason="msvcrt has no shared locks: one holder at a time")
def test_two_command_line_tasks_run_together_but_never_beside_a_window(db_path: Path) -> None:
    first = _holder(db_path, "briefing-app import")
    second = _holder(db_path, "briefing-app list")
    try:
        assert _line(first) == "locked"
        assert _line(second) == "locked"
        assert not DatabaseLock(db_path, role=WINDOW).acquire()
    finally:
        _end(first)
    assert not DatabaseLock(db_path, role=WINDOW).acquire(), "the second task still holds it"
    assert lock_path(db_path).exists(), "the first task did not remove the file the second one holds"
    _end(second)
    window = DatabaseLock(db_path, role=WINDOW)
    assert window.acquire()
    try:
        task = _holder(db_path, "briefing-app list")
        assert _line(task) == "refused"
        _end(task)
    finally:
        window.release()
    assert not lock_path(db_path).exists(), "a clean release leaves no lock file behind"


def test_the_lock_is_free_once_its_holder_is_killed(db_path: Path) -> None:
    killed = _holder(db_path, WINDOW, then="os.kill(os.getpid(), signal.SIGKILL)")
    assert _line(killed) == "locked"
    killed.wait(timeout=30)
    assert killed.returncode == -signal.SIGKILL
    assert lock_path(db_path).exists(), "the killed process left its lock file"
    lock = DatabaseLock(db_path, role="briefing-app list")
    assert lock.acquire(), "no stale lock: the kernel released it with the process"
    lock.release()


def test_closing_other_descriptors_of_the_database_or_lock_file_keeps_the_lock(db_path: Path) -> None:
    """What a file dialog does (open, read, close) drops SQLite's POSIX locks, never this one."""
    services = Services.open(db_path)
    window = DatabaseLock(db_path, role=WINDOW)
    try:
        assert window.acquire()
        for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm"), lock_path(db_path)):
            if path.exists():
                with path.open("rb") as handle:
                    handle.read(64)
        task = _holder(db_path, "briefing-app import")
        assert _line(task) == "refused"
        _end(task)
    finally:
        window.release()
        services.close()


def test_command_line_refuses_beside_a_window_without_opening_the_database(tmp_path: Path) -> None:
    db_path = tmp_path / "x.db"
    services = Services.open(db_path)
    services.close()
    before = db_path.read_bytes()
    window = DatabaseLock(db_path, role=WINDOW)
    assert window.acquire()
    try:
        article = tmp_path / "y.txt"
        article.write_text("A second process tried to import this text.\n", encoding="utf-8")
        for argv in (["import", str(article)], ["list"], ["export-briefing", "--articles", "1", "--out",
                                                          str(tmp_path / "z.docx")],
                     ["analyze", str(article)]):
            run = subprocess.run([sys.executable, "-m", "briefing_app.cli", *argv, "--db", str(db_path)],
                                 capture_output=True, text=True, cwd=REPO, timeout=120)
            assert run.returncode == EXIT_DATABASE_IN_USE, (argv, run.stderr)
            assert run.stderr.splitlines() == [
                f"briefing-app: error: x.db is open in Briefing Builder (process {os.getpid()}); "
                "close the window first, or use File → Import… in the window"
            ], argv
            assert run.stdout == ""
    finally:
        window.release()
    assert db_path.read_bytes() == before
    assert not Path(f"{db_path}-wal").exists(), "the database was never opened"
    assert not (tmp_path / "z.docx").exists()


def test_on_a_read_only_medium_the_database_still_opens_read_only(db_path: Path, tmp_path: Path) -> None:
    """No lock file can be made there, and nobody can write there either: open as before, read-only."""
    if os.geteuid() != 0 or subprocess.run(["which", "mount"], capture_output=True).returncode != 0:
        pytest.skip("needs root to create a read-only mount")
    services = Services.open(db_path)
    services.close()
    mount_point = tmp_path / "ro"
    mount_point.mkdir()
    bind = subprocess.run(["mount", "--bind", str(db_path.parent), str(mount_point)], capture_output=True)
    if bind.returncode != 0:
        pytest.skip(f"mount not permitted here: {bind.stderr.decode().strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mount_point)], check=True, capture_output=True)
        on_medium = mount_point / db_path.name
        lock = DatabaseLock(on_medium, role=WINDOW)
        assert lock.acquire() and lock.unavailable and not lock.held
        lock.release()
        run = subprocess.run([sys.executable, "-m", "briefing_app.cli", "list", "--db", str(on_medium)],
                             capture_output=True, text=True, cwd=REPO, timeout=120)
        assert run.returncode == 0 and "Traceback" not in run.stderr and "lock" not in run.stderr, run.stderr
        opened = Services.open(on_medium)
        assert opened.db.read_only
        opened.close()
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)
