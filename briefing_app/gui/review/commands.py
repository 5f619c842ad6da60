"""The undo command of the review workspace: the one :class:`~briefing_app.gui.undo.ChangeCommand`.

The service call happens *before* the command is pushed; the command's first ``redo`` only
re-renders (``ReviewController.changes_applied``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.gui.undo import ChangeCommand
from briefing_app.services.changes import ChangeSet

if TYPE_CHECKING:
    from briefing_app.gui.review.controller import ReviewController

__all__ = ["ChangeCommand", "review_command"]


def review_command(controller: ReviewController, changes: ChangeSet) -> ChangeCommand:
    """The undo command of one review edit."""
    return ChangeCommand(controller.services.changes, changes, controller.changes_applied)
