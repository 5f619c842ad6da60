"""The analysis process on its own: it gives up replacing a process that keeps dying, and never lingers."""

from __future__ import annotations

import os
import signal
import time

import pytest

from briefing_app.nlp import analysis_process, early_process
from briefing_app.nlp.analysis_process import WorkerDied, process_analyzer


def test_a_process_that_keeps_dying_is_given_up_with_a_clear_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analysis_process, "MAX_RESTARTS", 0)
    remote = process_analyzer()
    try:
        pid = remote.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(WorkerDied, match="restart Briefing Builder"):
            remote.analyze("India and Japan met in Tokyo.")
    finally:
        remote.close()
    assert not remote.is_alive()


@pytest.mark.skipif(not os.path.exists("/proc/self/wchan"), reason="reads the process's state from Linux /proc")
def test_the_process_started_before_the_window_loads_nothing_until_the_first_paint() -> None:
    """Started before Qt, it waits (spaCy loading beside the paint slowed the paint), then loads when released."""
    early_process.start_early(None)
    early = early_process._early
    assert early is not None and early.process.pid is not None
    pid = early.process.pid
    try:
        # Wait until it blocks reading its pipe: an unreleased process does so before importing spaCy.
        while "read" not in open(f"/proc/{pid}/wchan", encoding="ascii").read():
            assert early.process.poll() is None
            time.sleep(0.05)
        assert "spacy" not in open(f"/proc/{pid}/maps", encoding="ascii").read(), "spaCy loaded before the paint"
        early_process.release_early()  # the window painted
        remote = process_analyzer()
        assert remote.pid == pid, "the window took the early process"
        assert [e.text for e in remote.analyze("India and Japan met in Tokyo.").entities] == ["India", "Japan", "Tokyo"]
        remote.close()
    finally:
        early_process.discard_early()
    assert early.process.poll() is not None


def test_a_process_told_to_stop_before_the_paint_ends_without_loading() -> None:
    early_process.start_early(None)
    early = early_process._early
    assert early is not None
    early_process.discard_early()
    assert early.process.returncode == 0


def test_starting_the_process_early_imports_only_what_the_launch_needs_before_its_paint() -> None:
    import subprocess
    import sys

    code = ("import sys\nfrom briefing_app.nlp.early_process import discard_early, start_early\nstart_early(None)\n"
            "print(sorted(m for m in ('multiprocessing', 'logging', 'briefing_app.nlp.analysis_process', 'spacy')"
            " if m in sys.modules))\ndiscard_early()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


@pytest.mark.skipif(not hasattr(os, "getsid"), reason="sessions are POSIX")
def test_the_process_runs_in_a_session_of_its_own_and_still_ends_with_the_window() -> None:
    """Where CPU time is shared by session (Linux's autogroup) it then has a share of its own, not half the window's."""
    early_process.start_early(None)
    early = early_process._early
    assert early is not None and early.process.pid is not None
    try:
        assert os.getsid(early.process.pid) != os.getsid(0)
    finally:
        early_process.discard_early()  # the window's end of the pipe closes: it exits
    assert early.process.returncode == 0
