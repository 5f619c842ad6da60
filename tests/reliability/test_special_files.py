"""Files that are not files: pipes, devices and links to them are skipped, never read; a slow file can be stopped.

A FIFO with an article's name used to hang `briefing-app import` for ever, and a
``*.txt`` link to /dev/zero was read until memory ran out. Every test here guards
against a hang with a generous join/timeout (a hang is the failure, not slowness).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing_app.importers import ImportFailed, dispatch, load_document
from briefing_app.importers.files import NotRegularFile, read_capped
from briefing_app.services import Services

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(),
                                reason="needs POSIX named pipes and /dev/zero")

ARTICLE = "Quad foreign ministers met in Tokyo to discuss maritime security and critical minerals."
HANG_GUARD = 120  # seconds; only reached when something blocks for ever
MEMORY_LIMIT = 2 * 1024**3  # the import child may use 2 GB; reading /dev/zero would exceed it


def _unblock(fifo: Path) -> None:
    """Open the pipe for writing once, so a reader stuck in open() (the bug) is released."""
    try:
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass  # nobody is reading: nothing to release


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder with one real article, a named pipe and a link to /dev/zero, all named *.txt."""
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zeros.txt").symlink_to("/dev/zero")
    yield folder
    _unblock(folder / "pipe.txt")


def _in_thread(fn: Callable[[], object]) -> object:
    """Run ``fn`` in a thread; fail (instead of hanging the suite) if it blocks."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(_capture(fn)), daemon=True)
    worker.start()
    worker.join(HANG_GUARD)
    assert not worker.is_alive(), "blocked: the special file was opened or read"
    return result[0]


def _capture(fn: Callable[[], object]) -> object:
    try:
        return fn()
    except Exception as exc:  # handed back to the test
        return exc


def test_cli_import_of_a_folder_skips_a_fifo_and_a_dev_zero_link_with_a_line_each(
    hostile_folder: Path, tmp_path: Path
) -> None:
    db = tmp_path / "lib.db"

    def limit_memory() -> None:
        import resource  # POSIX only, like the whole module

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    done = subprocess.run(
        [sys.executable, "-m", "briefing_app.cli", "import", str(hostile_folder), "--db", str(db)],
        capture_output=True, text=True, timeout=HANG_GUARD, preexec_fn=limit_memory, check=False,
    )
    out = done.stdout
    assert "imported #1: article.txt" in out
    assert "skipped: pipe.txt: not a regular file (a named pipe)" in out
    assert "skipped: zeros.txt: not a regular file (a device)" in out
    assert "1 imported, 0 already in the library, 0 failed, 2 skipped" in out
    assert "Traceback" not in done.stderr
    assert done.returncode == 0, "special files in a folder are skipped, not failures (README)"


def test_a_special_file_named_on_its_own_fails_with_one_line(hostile_folder: Path, services: Services) -> None:
    outcome = _in_thread(lambda: services.articles.import_file(hostile_folder / "pipe.txt"))
    assert outcome.status == "failed"  # type: ignore[attr-defined]
    assert outcome.message == "pipe.txt is not a regular file (a named pipe); it was not read"  # type: ignore[attr-defined]
    for name in ("pipe.txt", "zeros.txt"):
        error = _in_thread(lambda name=name: load_document(hostile_folder / name))
        assert isinstance(error, NotRegularFile) and name in str(error)
    assert services.articles.count() == 0


def test_opening_never_blocks_even_when_a_file_becomes_a_pipe_after_the_check(hostile_folder: Path) -> None:
    """The reader itself opens without blocking and checks what it opened (no race with a swap)."""
    error = _in_thread(lambda: read_capped(hostile_folder / "pipe.txt"))
    assert isinstance(error, NotRegularFile)
    error = _in_thread(lambda: read_capped(hostile_folder / "zeros.txt"))
    assert isinstance(error, NotRegularFile)


def test_reading_stops_at_the_cap_when_a_file_lies_about_its_size(tmp_path: Path) -> None:
    """/proc files say they are empty and still have content: the cap holds while reading."""
    liar = Path("/proc/self/maps")
    if not liar.exists() or liar.stat().st_size != 0:
        pytest.skip("needs Linux /proc")
    with pytest.raises(ImportFailed, match="too large"):
        read_capped(liar, limit=64)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 100)
    with pytest.raises(ImportFailed, match=r"big\.txt is too large"):
        read_capped(big, limit=99)
    assert read_capped(big, limit=100) == b"x" * 100


def test_a_single_slow_file_can_be_stopped(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stop while one file is being read: the import returns at once and stores nothing."""
    started, release = threading.Event(), threading.Event()

    def slow_importer(_path: object) -> object:
        started.set()
        release.wait(HANG_GUARD)
        raise ImportFailed("never finishes in this test")

    monkeypatch.setattr(dispatch, "_resolve", lambda _target: slow_importer)
    path = tmp_path / "slow.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    try:
        outcomes = _in_thread(lambda: services.articles.import_files([path], cancel=started.is_set))
    finally:
        release.set()
    assert [(o.status, o.message) for o in outcomes] == [  # type: ignore[attr-defined]
        ("skipped", "Not imported (import stopped)")]
    assert services.articles.count() == 0
