"""The analysis process started at the very top of the launch, before Qt is imported (issue 17).

Only ``os``-level modules (socket, subprocess) are imported here: the launcher runs this before the
window's first paint, and every millisecond spent before the paint is one the officer waits. The process
(``nlp/analysis_process.py``) starts, then waits for one byte on its pipe: ``go`` (the window has painted:
loading spaCy beside the paint slowed the paint) or anything else, or the pipe closing, to exit unloaded.
``analysis_process`` takes the process over (``take_early``) and speaks to it with whole messages.
"""

from __future__ import annotations

import socket
import subprocess
import sys

#: The byte that lets a waiting process load the analyser.
GO = b"g"


class Launched:
    """A started analysis process and our end of its pipe (a raw socket until someone takes it over)."""

    def __init__(self, model: str | None, wait_for_go: bool) -> None:
        ours, theirs = socket.socketpair()
        code = f"from briefing_app.nlp.analysis_process import _child; _child({theirs.fileno()}, {model!r})"
        with theirs:
            # A session of its own (POSIX): where the kernel shares CPU time by session (Linux's autogroup), the
            # process gets a share of its own instead of splitting the window's, so on a busy machine neither
            # slows the other. It still ends with the window: it exits when its pipe closes.
            self.process = subprocess.Popen([sys.executable, "-c", code], pass_fds=(theirs.fileno(),),
                                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                            start_new_session=True)
        self.socket = ours
        self.model = model
        self.released = False
        if not wait_for_go:
            self.go()

    def go(self) -> None:
        """Let the process load the analyser (once; a no-op after the first call)."""
        if self.released:
            return
        self.released = True
        try:
            self.socket.send(GO)
        except OSError:
            pass  # it died: whoever waits for it notices and replaces it


_early: Launched | None = None


def start_early(model: str | None) -> None:
    """Start the analysis process now; it loads when ``release_early`` is called (the window's first
    paint) or when someone waits for it."""
    global _early
    if _early is None:
        _early = Launched(model, wait_for_go=True)


def release_early() -> None:
    """Let the early-started process load the analyser now."""
    if _early is not None:
        _early.go()


def take_early() -> Launched | None:
    """The early-started process, now the caller's (None when there is none)."""
    global _early
    launched, _early = _early, None
    return launched


def discard_early() -> None:
    """Stop an early-started process nobody took (the launch failed)."""
    launched = take_early()
    if launched is None:
        return
    launched.socket.close()  # a waiting process reads end-of-file and exits; a loading one exits once loaded
    try:
        launched.process.wait(0 if launched.released else 2.0)
    except subprocess.TimeoutExpired:
        launched.process.kill()
        launched.process.wait()
