"""Temporary files the app writes beside real ones, and removing those a killed process left behind.

Every temporary file carries the id of the process writing it in its name
(``x.db.creating-1234``, ``x-auto-….db.1234.part``, ``.~note-1234-ab12.tmp``).
A leftover is removed only when all of these hold: its name matches one of our
patterns, it belongs to this user, it was last written before this process
started, and the process named in it is gone. So a file another live process
is still writing is never touched. Files named by older versions (no process
id) are removed once they are an hour older than this process.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import time
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

#: Leftovers without a process id in their name are removed only when this much older than us.
LEGACY_MIN_AGE_S = 3600.0

_FALLBACK_START = time.time()
_start_cache: dict[int, float] = {}


def process_start_time() -> float:
    """When this process started (seconds since the epoch); forked children get their own time."""
    pid = os.getpid()
    cached = _start_cache.get(pid)
    if cached is not None:
        return cached
    start = _FALLBACK_START
    with contextlib.suppress(OSError, ValueError, IndexError, AttributeError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(stat.rsplit(")", 1)[1].split()[19])  # field 22: start time in clock ticks after boot
        # Measured against the boot clock now (not /proc/stat's whole-second boot time): 10 ms precision.
        age = time.clock_gettime(time.CLOCK_BOOTTIME) - ticks / os.sysconf("SC_CLK_TCK")
        start = time.time() - max(age, 0.0)
    _start_cache[pid] = start
    return start


def pid_alive(pid: int) -> bool:
    """True when a process with this id exists (or when that cannot be told safely)."""
    if pid <= 0:
        return True
    if os.name == "nt":  # os.kill would terminate the process there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists but belongs to someone else
        return True
    return True


def tagged(name: str) -> str:
    """``name`` with this process's id, as used in temporary file names."""
    return f"{name}-{os.getpid()}"


def _owned_by_us(st: os.stat_result) -> bool:
    return not hasattr(os, "geteuid") or st.st_uid == os.geteuid()


def remove_stale(folder: Path, patterns: Iterable[re.Pattern[str]]) -> list[Path]:
    """Delete our leftover temporary files in ``folder``; returns what was removed.

    Each pattern must match a whole file name; a named group ``pid`` holds the
    writer's process id (absent in names of older versions).
    """
    removed: list[Path] = []
    compiled = list(patterns)
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    started = process_start_time()
    for entry in entries:
        match = next((m for p in compiled if (m := p.fullmatch(entry.name))), None)
        if match is None:
            continue
        try:
            st = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not entry.is_file(follow_symlinks=False) or not _owned_by_us(st) or st.st_mtime >= started:
            continue
        pid_text = match.groupdict().get("pid")
        if pid_text:
            pid = int(pid_text)
            if pid == os.getpid() or pid_alive(pid):
                continue
        elif started - st.st_mtime < LEGACY_MIN_AGE_S:
            continue
        try:
            os.unlink(entry.path)
        except OSError as exc:
            log.warning("Could not remove the leftover temporary file %s: %s", entry.path, exc)
            continue
        log.info("Removed the leftover temporary file %s", entry.path)
        removed.append(Path(entry.path))
    return removed
