"""Start-up milestones on stdout, for the start-up benchmark (``BRIEFING_APP_STARTUP_PROBE=1``).

The benchmark times a real ``briefing-app`` launch from outside the process; the
app only says when the moments an officer waits for have come: the main
window's first paint (``painted``), the language model being ready
(``model-ready``) and the library open in the window (``library-open``). From the
first paint on, a 10 ms timer measures the event loop's longest stall, printed
as ``stall <ms>`` once both later milestones have come (then, with ``=quit``,
the app quits). Off unless the environment variable is set, and then it costs
one event filter and one timer.

With ``BRIEFING_APP_STALL_STACKS=PREFIX`` too, each late tick leaves the Python stacks of every thread
in ``PREFIX.<pid>`` (faulthandler, armed at each tick: it dumps when the next one is 30 ms late, from a
thread of its own, so also while another thread holds the GIL), with a ``--tick <seconds>`` line per
tick: what held the window in the worst launches.
"""

from __future__ import annotations

import faulthandler
import os
import sys
import time
from typing import IO

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

ENV = "BRIEFING_APP_STARTUP_PROBE"
#: The milestones after which the probe reports the stall and (``=quit``) quits.
FINAL = {"model-ready", "library-open"}
TICK_MS = 10
STACKS_ENV = "BRIEFING_APP_STALL_STACKS"
#: A tick this late (seconds after the last) dumps the stacks.
LATE_S = 0.03


class _Probe(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.painted = False
        self.seen: set[str] = set()
        self.max_stall = 0.0
        self.last = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        prefix = os.environ.get(STACKS_ENV)
        self.stacks: IO[bytes] | None = open(f"{prefix}.{os.getpid()}", "wb") if prefix else None  # noqa: SIM115

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if not self.painted and event.type() == QEvent.Type.Paint:
            self.painted = True
            _say("painted")
            self.last = time.perf_counter()
            self.timer.start()
        return False

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_stall = max(self.max_stall, (now - self.last) * 1000 - TICK_MS)
        self.last = now
        if self.stacks is not None and not FINAL <= self.seen:
            faulthandler.dump_traceback_later(LATE_S, repeat=True, file=self.stacks)
            self.stacks.write(f"--tick {now:.4f}\n".encode())
            self.stacks.flush()

    def mark(self, what: str) -> None:
        if what in self.seen:
            return
        self.seen.add(what)
        _say(what)
        if FINAL <= self.seen:
            self._tick()
            if self.stacks is not None:
                faulthandler.cancel_dump_traceback_later()
                self.stacks.close()
                self.stacks = None
            _say(f"stall {self.max_stall:.0f}")
            if os.environ.get(ENV) == "quit":
                QApplication.quit()


_probe: _Probe | None = None


def _say(what: str) -> None:
    sys.stdout.write(what + "\n")
    sys.stdout.flush()


def arm_startup_probe(window: QObject, model_ready: object) -> None:
    """When enabled: print ``painted`` at the window's first paint, ``model-ready`` when
    ``model_ready`` (the window's signal emitted once the analyser is loaded) fires."""
    global _probe
    if not os.environ.get(ENV):
        return
    _probe = _Probe(window)
    window.installEventFilter(_probe)
    model_ready.connect(lambda *_args: mark("model-ready"))  # type: ignore[attr-defined]


def mark(what: str) -> None:
    """Report a start-up milestone (nothing unless the probe is armed)."""
    if _probe is not None:
        _probe.mark(what)
