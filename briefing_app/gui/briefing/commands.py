"""Undo commands of the briefing builder: the one :class:`~briefing_app.gui.undo.ChangeCommand`.

Each edit is applied through :class:`BriefingService` *before* its command is pushed and returns
a change set; the command's first ``redo`` only shows it (the edit is written once). Later
undo/redo write the change set back through ``ChangeService``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing_app.gui.undo import ChangeCommand
from briefing_app.services.changes import ChangeSet

if TYPE_CHECKING:
    from briefing_app.gui.briefing.builder import BriefingBuilder

#: Merge ids: a typing burst in one field (or one comment) is one undo step.
FIELD_COMMAND_ID = 6101
COMMENT_COMMAND_ID = 6102


def edit_command(builder: BriefingBuilder, briefing_id: int, changes: ChangeSet,
                 merge: tuple[int, object] | None = None) -> ChangeCommand:
    """An edit of one briefing (header field, items); ``merge`` = (merge id, key) for typing bursts."""
    merge_id, key = merge if merge is not None else (-1, None)
    return ChangeCommand(builder.services.changes, changes, lambda _c, _b: builder.briefing_edited(briefing_id),
                         merge_id=merge_id, merge_key=key)


def existence_command(builder: BriefingBuilder, briefing_id: int, changes: ChangeSet) -> ChangeCommand:
    """A briefing created or deleted: after each step the chooser shows it if it exists."""

    def refresh(_changes: ChangeSet, _backwards: bool) -> None:
        builder.briefings_changed(select=briefing_id if builder.briefings.get(briefing_id) is not None else None)

    return ChangeCommand(builder.services.changes, changes, refresh)
