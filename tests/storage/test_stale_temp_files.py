"""Temporary files left by killed processes (backup ``.part`` copies, creation and restore copies) are
removed before the next backup or at the next start; a file another live process writes is never touched."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from briefing_app.domain.tempfiles import process_start_time, remove_stale
from briefing_app.services import Services
from briefing_app.storage import backup
from briefing_app.storage.paths import backups_dir


def dead_pid() -> int:
    """The id of a process that has already exited."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def make_old(path: Path, size: int = 4096, age_s: float | None = None) -> Path:
    """A file last written ``age_s`` ago (default: a minute before this test process started)."""
    path.write_bytes(b"\0" * size)
    past = time.time() - (age_s if age_s is not None else time.time() - process_start_time() + 60)
    os.utime(path, (past, past))
    return path


def test_backup_part_files_of_killed_processes_are_removed_before_the_next_backup(db_path: Path) -> None:
    Services.open(db_path).close()
    folder = backups_dir(db_path)
    folder.mkdir()
    gone = make_old(folder / f"briefing-auto-20250101-101010.db.{dead_pid()}.part", size=1 << 20)
    gone_journal = make_old(folder / f"{gone.name}-journal")
    # Named by an older version (no process id): removed once well older than this process.
    legacy = make_old(folder / "briefing-auto-20240101-101010.db.part",
                      age_s=time.time() - process_start_time() + 2 * 3600)
    live = make_old(folder / f"briefing-auto-20250101-101011.db.{os.getppid()}.part")  # a live writer
    foreign = make_old(folder / "notes.part")  # not our naming
    made = backup.make_backup(db_path, "auto")
    assert made.exists()
    assert not gone.exists() and not gone_journal.exists() and not legacy.exists()
    assert live.exists() and foreign.exists()


def test_creation_and_restore_leftovers_are_removed_at_start(db_path: Path) -> None:
    Services.open(db_path).close()
    pid = dead_pid()
    leftovers = [make_old(db_path.with_name(f"{db_path.name}.creating-{pid}"), size=1 << 20),
                 make_old(db_path.with_name(f"{db_path.name}.creating-{pid}-journal")),
                 make_old(db_path.with_name(f"{db_path.name}.restoring-{pid}.{pid}.part"), size=1 << 20)]
    fresh = db_path.with_name(f"{db_path.name}.creating-{pid}x")  # not our naming: left alone
    fresh.write_bytes(b"x")
    Services.open(db_path).close()
    assert not any(p.exists() for p in leftovers)
    assert fresh.exists()


def test_files_written_after_this_process_started_are_kept(tmp_path: Path) -> None:
    """Even with a dead writer's id, a file newer than this process is not ours to judge yet."""
    import re

    newer = tmp_path / f"x.db.{dead_pid()}.part"
    newer.write_bytes(b"\0")
    assert remove_stale(tmp_path, [re.compile(r".+\.(?P<pid>\d+)\.part")]) == []
    assert newer.exists()
