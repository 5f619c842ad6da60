"""The one undo command: a service change set on the window's undo stack.

Every edit follows one convention. The service applies the edit and returns a
:class:`~briefing_app.services.changes.ChangeSet` *before* the command is pushed (so a
refused edit never reaches the stack, and the database holds what the screen shows); the
command's first ``redo`` therefore only refreshes the screen. Later undo/redo write the change
set's snapshots back through :class:`~briefing_app.services.changes.ChangeService`, in one
transaction, and call ``refresh(changes, backwards)`` so the widgets follow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from shiboken6 import isValid

from briefing_app.services.changes import ChangeService, ChangeSet
from briefing_app.storage.errors import StaleEdit, describe_storage_error

log = logging.getLogger(__name__)

Refresh = Callable[[ChangeSet, bool], None]

#: Where a refused undo/redo is told (desk mode: another officer changed the rows since); the main
#: window sets it to its status bar. Default: the log only.
def _log_refusal(message: str) -> None:
    log.warning("%s", message)


refusal_handler: Callable[[str], None] = _log_refusal

#: The window's undo stack (the main window sets it): after an undo/redo that could not be written
#: (a busy, full or read-only database) the stack is stepped back to where the database is.
stack: QUndoStack | None = None


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
        #: True while the stack has stepped past this command but the database has not (its
        #: write failed): the stack's step back to the database's state writes nothing.
        self._unwritten = False
        #: True while this command's step of several edits may have its rows between its two states:
        #: the database took some of the step's writes and refused others (see ``_step_back``).
        self._stray = False

    def redo(self) -> None:
        if self._done:
            self._done = False
        elif self._unwritten:
            self._unwritten = False
            return
        elif not self._write(backwards=False):
            return
        self.refresh(self.changes, False)

    def undo(self) -> None:
        if self._unwritten:
            self._unwritten = False
            return
        if self._write(backwards=True):
            self.refresh(self.changes, True)

    def _write(self, backwards: bool) -> bool:
        """Write the change set; False when another officer changed its rows since (desk mode): then
        nothing was written, the command leaves the stack (it can never apply again), the screen
        shows the rows as they are now, and the officer is told who changed them. Also False when a
        busy, full or read-only database refused the write: nothing was written, the command stays
        and the stack steps back over it (``_step_back``); the officer is told why."""
        try:
            (self.writer.undo if backwards else self.writer.redo)(self.changes)
            self._stray = False
        except StaleEdit as exc:
            self.setObsolete(True)
            self.refresh(self._as_they_stand(), False)  # the rows as they stand: the other officer's
            refusal_handler(f"{'Undo' if backwards else 'Redo'} refused. {exc}")  # (the module's current one)
            return False
        except Exception as exc:
            problem = describe_storage_error(exc)  # a busy, full or read-only database: nothing was written
            if problem is None:
                raise
            # Qt moves the stack's index whatever undo()/redo() did: step it back at once (that step
            # writes nothing), so the stack, the screen and the database agree and Ctrl+Z works again.
            # At once means as Qt moves the index (its indexChanged, after this returns): stepped back
            # in a later event-loop turn, a quick second Ctrl+Z arriving first undid the command
            # below instead. (The timer is a fallback for a write made outside a stack's undo/redo.)
            self._unwritten = True
            target = stack
            if target is not None and isValid(target):
                target.indexChanged.connect(lambda _index: self._step_back(backwards),
                                            Qt.ConnectionType.SingleShotConnection)
            QTimer.singleShot(0, lambda: self._step_back(backwards))
            refusal_handler(f"{'Undo' if backwards else 'Redo'} not done. {problem}")
            return False
        return True

    def _step_back(self, backwards: bool) -> None:
        """Move the window's stack back over this command after its write failed (see ``_unwritten``)."""
        if not self._unwritten:
            return
        target = stack
        if target is not None and isValid(target):  # (a closed window's stack is gone)
            # The command the stack would step over next: this one, or the macro holding it.
            index = target.index() if backwards else target.index() - 1
            step = target.command(index) if 0 <= index < target.count() else None
            if step is not None and (step is self or any(step.child(i) is self for i in range(step.childCount()))):
                if step is not self and not _rewrite_or_stay(step):
                    return
                (target.redo if backwards else target.undo)()
        # Else (no window stack, or the officer moved it meanwhile) the flag stays: the officer's own
        # step back over this command only shows it again.

    def _as_they_stand(self) -> ChangeSet:
        try:
            return self.writer.as_they_stand(self.changes)
        except Exception:  # noqa: BLE001 (cannot read them now: show the step's own rows, as before)
            log.warning("Could not read the rows of a refused step", exc_info=True)
            return self.changes

    def id(self) -> int:  # noqa: A003 (Qt API)
        return self._merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        # Typing in one field commits in bursts; undo reverts the burst at once (same merge id and key).
        if not isinstance(other, ChangeCommand) or other._merge_key != self._merge_key or self._merge_key is None:
            return False
        self.changes.extend(other.changes)
        return True


def _rewrite_or_stay(step: QUndoCommand) -> bool:
    """Before a step of several edits is stepped back over a refused undo/redo; False: stay.

    Each edit's snapshot holds its whole rows, so when the database took some of the step's writes
    and refused others (another program took or let go of it half-way), an edit written took back (or
    brought) the refused edits' fields of the same rows with it: the rows stand between the step's
    two states. Stepped back then, every edit writes, the refused ones too, and the rows hold the
    state the stack shows. All refused: nothing was written, the step back writes nothing; unless
    the rows were already astray (that step back refused whole): then the stack stays, and the
    step's next undo or redo writes every edit (stepping back again would only meet the busy
    database again, and again)."""
    edits = [edit for edit in (step.child(i) for i in range(step.childCount())) if isinstance(edit, ChangeCommand)]
    if all(edit._unwritten for edit in edits):
        if not any(edit._stray for edit in edits):
            return True
        for edit in edits:
            edit._unwritten = False
        return False
    for edit in edits:
        edit._unwritten, edit._stray = False, True
    return True
