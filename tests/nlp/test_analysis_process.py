"""The analysis process on its own: it gives up replacing a process that keeps dying, and never lingers."""

from __future__ import annotations

import os
import signal

import pytest

from briefing_app.nlp import analysis_process
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
