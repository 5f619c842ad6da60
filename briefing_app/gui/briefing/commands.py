"""Undo commands of the briefing builder.

Each edit is applied through :class:`BriefingService` *before* its command is
pushed (so a refused edit never reaches the stack and the database already
holds what the screen shows); ``redo``/``undo`` then replay a stored state
through the same service and ask the builder to show the briefing again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from briefing_app.core.services.briefings import BriefingSnapshot, ItemSnapshot

if TYPE_CHECKING:
    from briefing_app.gui.briefing.builder import BriefingBuilder

FieldValue = str | list[str]

_FIELD_COMMAND_ID = 6101
_COMMENT_COMMAND_ID = 6102


class SetFieldCommand(QUndoCommand):
    """Change one header field (or the summary / next-steps lists) of a briefing."""

    def __init__(self, builder: BriefingBuilder, briefing_id: int, name: str,
                 old: FieldValue, new: FieldValue, label: str) -> None:
        super().__init__(f"Edit briefing {label}")
        self.builder = builder
        self.briefing_id = briefing_id
        self.name = name
        self.old = old
        self.new = new

    def _apply(self, value: FieldValue) -> None:
        self.builder.services.briefings.update(self.briefing_id, **{self.name: value})
        self.builder.briefing_edited(self.briefing_id)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:  # noqa: A003 (Qt API)
        return _FIELD_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        # Typing in one field produces a burst of commits; undo reverts the burst at once.
        if not isinstance(other, SetFieldCommand):
            return False
        if other.briefing_id != self.briefing_id or other.name != self.name:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class ItemsCommand(QUndoCommand):
    """Any change to the items of a briefing, stored as the item states before and after."""

    def __init__(self, builder: BriefingBuilder, briefing_id: int, text: str,
                 before: list[ItemSnapshot], after: list[ItemSnapshot], comment_item: int | None = None) -> None:
        super().__init__(text)
        self.builder = builder
        self.briefing_id = briefing_id
        self.before = before
        self.after = after
        self.comment_item = comment_item

    def _apply(self, state: list[ItemSnapshot]) -> None:
        self.builder.services.briefings.replace_items(self.briefing_id, state)
        self.builder.briefing_edited(self.briefing_id)

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def id(self) -> int:  # noqa: A003 (Qt API)
        return _COMMENT_COMMAND_ID if self.comment_item is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, ItemsCommand) or other.comment_item is None:
            return False
        if other.comment_item != self.comment_item or other.briefing_id != self.briefing_id:
            return False
        self.after = other.after
        return True


class CreateBriefingCommand(QUndoCommand):
    """A briefing that was created (empty or auto-drafted); undo deletes it."""

    def __init__(self, builder: BriefingBuilder, snapshot: BriefingSnapshot, text: str) -> None:
        super().__init__(text)
        self.builder = builder
        self.snapshot = snapshot

    def redo(self) -> None:
        self.builder.services.briefings.restore(self.snapshot)
        self.builder.briefings_changed(select=self.snapshot.id)

    def undo(self) -> None:
        self.builder.services.briefings.delete(self.snapshot.id)
        self.builder.briefings_changed(select=None)


class DeleteBriefingCommand(QUndoCommand):
    """A briefing that was deleted; undo brings it back with its items."""

    def __init__(self, builder: BriefingBuilder, snapshot: BriefingSnapshot) -> None:
        super().__init__(f"Delete briefing “{snapshot.fields.get('title', '')}”")
        self.builder = builder
        self.snapshot = snapshot

    def redo(self) -> None:
        self.builder.services.briefings.delete(self.snapshot.id)
        self.builder.briefings_changed(select=None)

    def undo(self) -> None:
        self.builder.services.briefings.restore(self.snapshot)
        self.builder.briefings_changed(select=self.snapshot.id)
