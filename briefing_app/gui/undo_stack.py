"""The window's undo stack: a QUndoStack whose multi-edit steps hold only what was stored.

(Qt only: the window makes its stack before the first paint, before the services are imported.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QUndoCommand, QUndoStack


class UndoStack(QUndoStack):
    """``with stack.step("Remove key actors"):`` groups the commands pushed inside into one undo step.

    The step (a Qt macro) begins at the first command pushed, not before: when the database refused
    every edit of the step, nothing was stored and nothing reaches the stack. (A macro begun up front
    would leave an empty step, and ``beginMacro`` drops the redo history even when nothing follows.)
    """

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        #: The text of the step waiting for its first command (None: no step pending).
        self._pending: str | None = None
        self._open = False

    @contextmanager
    def step(self, text: str) -> Iterator[None]:
        """One undo step of the commands pushed inside (none, if none was stored)."""
        if self._pending is not None or self._open:
            yield  # inside a step already: part of it
            return
        self._pending = text
        try:
            yield
        finally:
            self._pending = None
            if self._open:
                self._open = False
                self.endMacro()

    def push(self, cmd: QUndoCommand) -> None:
        """Push ``cmd``, beginning the pending step first (see :meth:`step`)."""
        if self._pending is not None:
            text, self._pending = self._pending, None
            self.beginMacro(text)
            self._open = True
        super().push(cmd)
