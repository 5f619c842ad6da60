"""The one undo command: a service change set on the window's undo stack.

Every edit follows one convention. The service applies the edit and returns a
:class:`~briefing_app.core.services.changes.ChangeSet` *before* the command is pushed (so a
refused edit never reaches the stack, and the database holds what the screen shows); the
command's first ``redo`` therefore only refreshes the screen. Later undo/redo write the change
set's snapshots back through :class:`~briefing_app.core.services.changes.ChangeService`, in one
transaction, and call ``refresh(changes, backwards)`` so the widgets follow.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from briefing_app.core.services.changes import ChangeService, ChangeSet

Refresh = Callable[[ChangeSet, bool], None]


class ChangeCommand(QUndoCommand):
    """One edit (possibly touching many rows of many tables) on the undo stack."""

    def __init__(self, writer: ChangeService, changes: ChangeSet, refresh: Refresh, merge_id: int = -1,
                 merge_key: object = None) -> None:
        super().__init__(changes.description or "Edit")
        self.writer = writer
        self.changes = changes
        self.refresh = refresh
        self._merge_id = merge_id
        self._merge_key = merge_key
        self._done = True  # the service already applied it

    def redo(self) -> None:
        if self._done:
            self._done = False
        else:
            self.writer.redo(self.changes)
        self.refresh(self.changes, False)

    def undo(self) -> None:
        self.writer.undo(self.changes)
        self.refresh(self.changes, True)

    def id(self) -> int:  # noqa: A003 (Qt API)
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        # Typing in one field commits in bursts; undo reverts the burst at once (same merge id and key).
        if not isinstance(other, ChangeCommand) or other._merge_key != self._merge_key or self._merge_key is None:
            return False
        self.changes.extend(other.changes)
        return True
