"""Briefing edits follow the one undo convention: written once by the service, replayed by ChangeCommand."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import event

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.undo import ChangeCommand
from briefing_app.services.changes import BOOKKEEPING  # who/when/version: undo moves them on


def test_a_header_edit_is_written_once_and_undone_through_the_change_set(qtbot: QtBot, window: MainWindow) -> None:
    builder = window.briefing_builder
    briefing_id = builder.new_briefing()
    writes: list[str] = []

    def count(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if statement.lstrip().upper().startswith("UPDATE BRIEFING "):
            writes.append(statement)

    event.listen(window.services.db.engine, "before_cursor_execute", count)
    try:
        builder.set_field("subject", "Quad maritime talks")
    finally:
        event.remove(window.services.db.engine, "before_cursor_execute", count)
    assert len(writes) == 1, "the edit is written once, not again by the command's first redo"
    command = window.undo_stack.command(window.undo_stack.index() - 1)
    assert isinstance(command, ChangeCommand)
    window.undo_stack.undo()
    assert window.services.briefings.get(briefing_id).subject == ""  # type: ignore[union-attr]
    window.undo_stack.redo()
    assert window.services.briefings.get(briefing_id).subject == "Quad maritime talks"  # type: ignore[union-attr]


def test_deleting_a_briefing_and_undoing_it_brings_back_its_passages(qtbot: QtBot, window: MainWindow,
                                                                    two_articles: tuple[int, int]) -> None:
    services = window.services
    builder = window.briefing_builder
    briefing_id = builder.new_briefing()
    text = services.articles.get(two_articles[0]).text  # type: ignore[union-attr]
    item = services.briefings.add_item(briefing_id, two_articles[0], 0, text.index(".") + 1, "defence", comment="x")
    before = [i.model_dump(exclude=set(BOOKKEEPING)) for i in services.briefings.items(briefing_id)]
    changes = services.briefings.delete_change(briefing_id)
    assert services.briefings.get(briefing_id) is None and services.briefings.items(briefing_id) == []
    services.changes.undo(changes)
    assert [i.model_dump(exclude=set(BOOKKEEPING)) for i in services.briefings.items(briefing_id)] == before
    assert item.id == before[0]["id"]
