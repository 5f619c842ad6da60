"""The undo commands of the review workspace: each wraps one service change set.

The service call happens *before* the command is pushed (so a refused edit
never reaches the stack and the database is committed before the screen shows
it); the command's first ``redo`` only re-renders. Later undo/redo write the
snapshots back through :class:`~briefing_app.core.services.changes.ChangeService`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from briefing_app.core.services.changes import ChangeSet

if TYPE_CHECKING:
    from briefing_app.gui.review.controller import ReviewController


class ChangeCommand(QUndoCommand):
    """One review edit (possibly touching many rows) on the window's undo stack."""

    def __init__(self, controller: ReviewController, changes: ChangeSet) -> None:
        super().__init__(changes.description or "Review edit")
        self.controller = controller
        self.changes = changes
        self._done = True  # the service already applied it

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self.controller.services.changes.redo(self.changes)
        self.controller.changes_applied(self.changes, backwards=False)

    def undo(self) -> None:
        self.controller.services.changes.undo(self.changes)
        self.controller.changes_applied(self.changes, backwards=True)
