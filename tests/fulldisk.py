"""A real small disk for full-disk tests: a tmpfs mounted in the test's folder (skipped where not permitted)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

FILLER = "filler.bin"


@contextmanager
def small_disk(where: Path, size: str = "4m") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` at ``where`` (created) for the duration; skip the test if impossible."""
    where.mkdir(parents=True, exist_ok=True)
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root (CI runs as root)")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or done.returncode})")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def fill(disk: Path, leave: int = 0) -> None:
    """Fill ``disk`` until at most ``leave`` bytes are free (a file that :func:`free_up` removes)."""
    st = os.statvfs(disk)
    free = st.f_bfree * st.f_frsize
    chunk = b"\0" * 4096
    with open(disk / FILLER, "ab") as handle:
        remaining = max(free - leave, 0)
        try:
            while remaining > 0:
                handle.write(chunk[: min(4096, remaining)])
                remaining -= 4096
            handle.flush()
        except OSError:
            pass


def free_up(disk: Path) -> None:
    """Remove the filler written by :func:`fill`."""
    (disk / FILLER).unlink(missing_ok=True)


def listing(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (but the filler) with its bytes: to prove nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != FILLER}
