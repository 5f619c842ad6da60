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


def test_an_undo_on_a_busy_database_writes_nothing_and_the_stack_steps_back_to_try_again(
        qtbot: object, services: Services, monkeypatch: object) -> None:
    """Ctrl+Z while another program holds the database: the officer is told, nothing changes, and
    the step stays on the stack where it was (Qt had moved past it), so Ctrl+Z works once it is free."""
    import briefing_app.gui.undo as undo
    from tests.gui.refusals import busy_once

    told: list[str] = []
    monkeypatch.setattr(undo, "refusal_handler", told.append)  # type: ignore[attr-defined]
    briefing = services.briefings.create("Note")
    assert briefing.id is not None
    shown: list[bool] = []
    stack = QUndoStack()
    monkeypatch.setattr(undo, "stack", stack, raising=False)  # type: ignore[attr-defined]
    stack.push(ChangeCommand(services.changes, services.briefings.update_change(briefing.id, subject="Quad"),
                             lambda _c, backwards: shown.append(backwards)))
    monkeypatch.setattr(services.changes, "undo", busy_once(services.changes.undo))  # type: ignore[attr-defined]
    stack.undo()
    assert told == ["Undo not done. The change was not saved: the database is busy: another program kept the "
                    "database locked for too long (close it or wait, then try again)."]
    qtbot.waitUntil(lambda: stack.index() == 1)  # type: ignore[attr-defined]
    assert services.briefings.get(briefing.id).subject == "Quad"  # type: ignore[union-attr]
    assert stack.count() == 1 and stack.canUndo() and not stack.canRedo()
    assert shown == [False], "nothing was redrawn: nothing changed"
    stack.undo()
    assert services.briefings.get(briefing.id).subject == ""  # type: ignore[union-attr]
    assert shown == [False, True]


def test_an_undo_step_of_several_edits_refused_half_way_is_stepped_back_whole(
        qtbot: object, services: Services, monkeypatch: object) -> None:
    """A macro (several edits, one step) whose second edit meets a busy database: the first edit's
    undo is put back too, so the database holds the whole step, as the stack says."""
    import briefing_app.gui.undo as undo
    from tests.gui.refusals import busy_once

    monkeypatch.setattr(undo, "refusal_handler", lambda _message: None)  # type: ignore[attr-defined]
    briefing = services.briefings.create("Note")
    assert briefing.id is not None
    stack = QUndoStack()
    monkeypatch.setattr(undo, "stack", stack, raising=False)  # type: ignore[attr-defined]
    stack.beginMacro("Two fields")
    for field, text in (("subject", "Quad"), ("reference", "IND/1")):
        stack.push(ChangeCommand(services.changes, services.briefings.update_change(briefing.id, **{field: text}),
                                 lambda _c, _b: None))
    stack.endMacro()
    real = services.changes.undo
    calls: list[int] = []

    def second_busy(changes: ChangeSet) -> None:
        calls.append(1)
        (busy_once(real) if len(calls) == 2 else real)(changes)

    monkeypatch.setattr(services.changes, "undo", second_busy)  # type: ignore[attr-defined]
    stack.undo()  # undoes "reference" (done), then "subject" (busy)
    qtbot.waitUntil(lambda: stack.index() == 1)  # type: ignore[attr-defined]
    stored = services.briefings.get(briefing.id)
    assert stored is not None and (stored.subject, stored.reference) == ("Quad", "IND/1")
    stack.undo()
    stored = services.briefings.get(briefing.id)
    assert stored is not None and (stored.subject, stored.reference) == ("", "")


def test_a_quick_second_undo_after_a_refused_one_tries_the_same_step_again(
        qtbot: object, services: Services, monkeypatch: object) -> None:
    """Ctrl+Z twice in one breath while the database is busy for the first: the stack is back at the
    refused step before the second press is handled (no event-loop turn between them), so the second
    undoes that step, not the one below it."""
    import briefing_app.gui.undo as undo
    from tests.gui.refusals import busy_once

    monkeypatch.setattr(undo, "refusal_handler", lambda _message: None)  # type: ignore[attr-defined]
    briefing = services.briefings.create("Note")
    assert briefing.id is not None
    stack = QUndoStack()
    monkeypatch.setattr(undo, "stack", stack, raising=False)  # type: ignore[attr-defined]
    for field, text in (("subject", "Quad"), ("reference", "IND/1")):
        stack.push(ChangeCommand(services.changes, services.briefings.update_change(briefing.id, **{field: text}),
                                 lambda _c, _b: None))
    monkeypatch.setattr(services.changes, "undo", busy_once(services.changes.undo))  # type: ignore[attr-defined]
    stack.undo()  # "reference": refused
    assert stack.index() == 2, "stepped back at once"
    stack.undo()  # at once again: "reference" this time (the database is free now)
    stored = services.briefings.get(briefing.id)
    assert stored is not None and (stored.subject, stored.reference) == ("Quad", "")
    assert stack.index() == 1 and stack.canRedo()


def test_a_step_whose_edits_were_all_refused_leaves_nothing_on_the_stack(services: Services) -> None:
    """UndoStack.step: the macro begins at the first command stored; none stored, no empty step, and
    the redo history is kept."""
    from briefing_app.gui.undo_stack import UndoStack

    briefing = services.briefings.create("Note")
    assert briefing.id is not None
    stack = UndoStack()
    stack.push(ChangeCommand(services.changes, services.briefings.update_change(briefing.id, subject="Quad"),
                             lambda _c, _b: None))
    stack.undo()
    with stack.step("Remove key actors"):
        pass  # every edit refused: nothing pushed
    assert stack.count() == 1 and stack.canRedo()
    with stack.step("Two fields"):
        for field, text in (("subject", "Quad"), ("reference", "IND/1")):
            stack.push(ChangeCommand(services.changes,
                                     services.briefings.update_change(briefing.id, **{field: text}),
                                     lambda _c, _b: None))
    assert stack.count() == 1 and stack.undoText() == "Two fields" and stack.command(0).childCount() == 2


def _two_field_step(services: Services, monkeypatch: object) -> tuple[int, QUndoStack]:
    """A briefing whose subject and reference were set in one undo step (both edits of one row)."""
    import briefing_app.gui.undo as undo
    from briefing_app.gui.undo_stack import UndoStack

    monkeypatch.setattr(undo, "refusal_handler", lambda _message: None)  # type: ignore[attr-defined]
    briefing = services.briefings.create("Note")
    assert briefing.id is not None
    stack = UndoStack()
    monkeypatch.setattr(undo, "stack", stack, raising=False)  # type: ignore[attr-defined]
    with stack.step("Two fields"):
        for field, text in (("subject", "Quad"), ("reference", "IND/1")):
            stack.push(ChangeCommand(services.changes,
                                     services.briefings.update_change(briefing.id, **{field: text}),
                                     lambda _c, _b: None))
    return briefing.id, stack


def _fields(services: Services, briefing_id: int) -> tuple[str, str]:
    stored = services.briefings.get(briefing_id)
    assert stored is not None
    return stored.subject, stored.reference


def test_an_undo_step_whose_first_write_is_refused_and_the_rest_written_is_stepped_back_to_what_it_stored(
        services: Services, monkeypatch: object) -> None:
    """The other program lets go of the database half-way through Ctrl+Z: "reference" (undone first)
    refused, "subject" written. Stepped back, the database holds the whole step again (each edit's
    snapshot is its row's: the undone "subject" had taken "reference" back with it)."""
    from tests.gui.refusals import busy_once

    briefing_id, stack = _two_field_step(services, monkeypatch)
    monkeypatch.setattr(services.changes, "undo", busy_once(services.changes.undo))  # type: ignore[attr-defined]
    stack.undo()
    assert stack.index() == 1, "stepped back: the step is still done"
    assert _fields(services, briefing_id) == ("Quad", "IND/1")
    stack.undo()
    assert _fields(services, briefing_id) == ("", "")
    stack.redo()
    assert _fields(services, briefing_id) == ("Quad", "IND/1")


def test_a_redo_step_whose_first_write_is_refused_and_the_rest_written_is_stepped_back_to_what_it_stored(
        services: Services, monkeypatch: object) -> None:
    from tests.gui.refusals import busy_once

    briefing_id, stack = _two_field_step(services, monkeypatch)
    stack.undo()
    assert _fields(services, briefing_id) == ("", "")
    monkeypatch.setattr(services.changes, "redo", busy_once(services.changes.redo))  # type: ignore[attr-defined]
    stack.redo()  # "subject" refused, "reference" written (its row snapshot holds "subject" too)
    assert stack.index() == 0, "stepped back: the step is still undone"
    assert _fields(services, briefing_id) == ("", "")
    stack.redo()
    assert _fields(services, briefing_id) == ("Quad", "IND/1")


def test_a_redo_step_the_database_refuses_from_half_way_on_is_written_whole_by_the_next_redo(
        services: Services, monkeypatch: object) -> None:
    """Another program takes the database half-way through Ctrl+Y and keeps it: "subject" written,
    "reference" refused, and stepping back (undoing "subject") refused too. The stack stays where
    the officer was ("Redo not done"), and the next Ctrl+Y writes the whole step, so the rows hold it."""
    from tests.gui.refusals import busy_error

    briefing_id, stack = _two_field_step(services, monkeypatch)
    stack.undo()
    real_undo, real_redo = services.changes.undo, services.changes.redo
    held = {"from": 1, "calls": 0}

    def refused_once_taken(real: object) -> object:
        def write(changes: ChangeSet) -> None:
            held["calls"] += 1
            if held["calls"] > held["from"]:
                raise busy_error()
            real(changes)  # type: ignore[operator]
        return write

    monkeypatch.setattr(services.changes, "undo", refused_once_taken(real_undo))  # type: ignore[attr-defined]
    monkeypatch.setattr(services.changes, "redo", refused_once_taken(real_redo))  # type: ignore[attr-defined]
    stack.redo()
    assert stack.index() == 0 and stack.canRedo(), "not done: Ctrl+Y tries it again"
    held["from"] = 10**6  # the other program is done
    stack.redo()
    assert stack.index() == 1 and _fields(services, briefing_id) == ("Quad", "IND/1")
    stack.undo()
    assert _fields(services, briefing_id) == ("", "")
