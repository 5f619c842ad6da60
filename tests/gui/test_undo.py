"""gui/undo.py: the one undo command (review, library, briefing commands are all this type)."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from briefing_app.gui.briefing import commands as briefing_commands
from briefing_app.gui.review import commands as review_commands
from briefing_app.gui.undo import ChangeCommand
from briefing_app.services import Services
from briefing_app.services.changes import ChangeSet


def test_a_typing_burst_merges_into_one_step_and_the_first_redo_only_refreshes(services: Services) -> None:
    briefing = services.briefings.create("Note")
    assert briefing.id is not None
    shown: list[tuple[str, bool]] = []
    stack = QUndoStack()
    for text in ("Q", "Qu", "Quad"):
        changes = services.briefings.update_change(briefing.id, subject=text)
        stack.push(ChangeCommand(services.changes, changes, lambda c, b, t=text: shown.append((t, b)),
                                 merge_id=briefing_commands.FIELD_COMMAND_ID, merge_key=(briefing.id, "subject")))
    assert stack.count() == 1, "one undo step for the burst"
    assert shown == [("Q", False), ("Qu", False), ("Quad", False)], "each push shows its edit"
    stack.undo()
    assert services.briefings.get(briefing.id).subject == ""  # type: ignore[union-attr]
    stack.redo()
    assert services.briefings.get(briefing.id).subject == "Quad"  # type: ignore[union-attr]


def test_every_edit_command_is_a_change_command() -> None:
    assert review_commands.ChangeCommand is ChangeCommand
    assert ChangeSet("x").description == "x"


def test_an_undo_of_a_row_another_officer_changed_is_refused_and_leaves_the_stack(
        services: Services, db_path: object, monkeypatch: object) -> None:
    """Desk mode: Ctrl+Z never reverts another officer's change; it says who made it and is dropped."""
    import briefing_app.gui.undo as undo

    told: list[str] = []
    monkeypatch.setattr(undo, "refusal_handler", told.append)  # type: ignore[attr-defined]
    services.db.officer = "Asha"
    briefing = services.briefings.create("Note")
    assert briefing.id is not None
    shown: list[bool] = []
    stack = QUndoStack()
    stack.push(ChangeCommand(services.changes, services.briefings.update_change(briefing.id, subject="Quad"),
                             lambda _c, backwards: shown.append(backwards)))
    bram = Services.open(str(db_path), officer="Bram")
    try:
        bram.briefings.update(briefing.id, subject="Quad summit, Tokyo")
    finally:
        bram.close()
    stack.undo()
    assert services.briefings.get(briefing.id).subject == "Quad summit, Tokyo"  # type: ignore[union-attr]
    assert told and told[0].startswith("Undo refused. Not saved: this briefing was changed by Bram at ")
    assert stack.count() == 0 and not stack.canRedo(), "the step that can no longer apply is gone"
    assert shown == [False, False], "the screen shows the briefing as it now stands"
