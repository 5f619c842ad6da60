"""Start-up milestones on stdout, for the start-up benchmark (``BRIEFING_APP_STARTUP_PROBE=1``).

The benchmark times a real ``briefing-app`` launch from outside the process; the
app only says when the two moments an officer waits for have come: the main
window's first paint and the language model being ready. Off unless the
environment variable is set, and then it costs one event filter.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

ENV = "BRIEFING_APP_STARTUP_PROBE"


class _FirstPaint(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            _say("painted")
        return False


def _say(what: str) -> None:
    sys.stdout.write(what + "\n")
    sys.stdout.flush()


def arm_startup_probe(window: QObject, model_ready: object) -> None:
    """When enabled: print ``painted`` at the window's first paint, ``model-ready`` then quit.

    ``model_ready`` is the window's signal emitted once the analyser is loaded.
    """
    if not os.environ.get(ENV):
        return
    window.installEventFilter(_FirstPaint(window))

    def ready(*_args: object) -> None:
        _say("model-ready")
        if os.environ.get(ENV) == "quit":
            QApplication.quit()

    model_ready.connect(ready)  # type: ignore[attr-defined]
