"""Builder actions the database refuses (another officer's change, a busy database): nothing reaches
the event loop as an exception, nothing is half-written, what the officer typed stays on screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from briefing_app.gui.briefing.quote_dialog import QuoteEditDialog
from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import from_paste
from briefing_app.services import Services
from tests.gui.refusals import raise_busy

TEXT = ("The foreign ministers of India and Japan met in Tokyo. They agreed to expand maritime "
        "cooperation and to hold a joint naval exercise next spring.")


def _briefing_with_a_passage(window: MainWindow) -> tuple[int, int]:
    """A briefing holding the first sentence of a pasted article; (briefing id, item id)."""
    article = window.services.articles.add(from_paste(TEXT, title="Tokyo talks"))
    assert article.id is not None
    pillar = window.services.pillars.all()[0].id
    item_id = window.briefing_builder.add_passage(article.id, 0, TEXT.index(" They"), pillar)
    assert item_id is not None and window.briefing_builder.current_id is not None
    return window.briefing_builder.current_id, item_id


def _select(window: MainWindow, item_id: int) -> None:
    tree = window.briefing_builder.tree
    tree.clearSelection()
    leaf = tree.leaf(item_id)
    assert leaf is not None
    leaf.setSelected(True)
    tree.setCurrentItem(leaf)


def test_a_header_field_refused_for_another_officers_change_keeps_the_typed_text(
        qtbot: QtBot, window: MainWindow, db_path: Path) -> None:
    """Desk mode: Bram set the subject after the builder showed the briefing. The officer's title is
    refused (the status bar names Bram), the subject shows his, the title field keeps what was typed,
    and the next commit of the form stores it."""
    builder = window.briefing_builder
    briefing_id = builder.new_briefing()
    assert briefing_id is not None
    other = Services.open(db_path, officer="Bram")
    try:
        other.briefings.update(briefing_id, subject="Quad summit")
    finally:
        other.close()
    title = builder.form.lines["title"]
    title.selectAll()
    qtbot.keyClicks(title, "Tokyo call")
    steps = window.undo_stack.count()
    builder.form.flush()
    message = window.statusBar().currentMessage()
    assert "Bram" in message and "Not saved" in message
    stored = window.services.briefings.get(briefing_id)
    assert stored is not None and (stored.title, stored.subject) == ("Briefing note", "Quad summit")
    assert builder.form.lines["subject"].text() == "Quad summit", "the briefing as it stands"
    assert title.text() == "Tokyo call", "the officer's typing is kept"
    assert window.undo_stack.count() == steps
    builder.form.flush()  # focus leaves the field again: saved this time, his subject kept
    stored = window.services.briefings.get(briefing_id)
    assert stored is not None and (stored.title, stored.subject) == ("Tokyo call", "Quad summit")


def test_a_comment_refused_by_a_busy_database_stays_in_the_box_and_is_saved_later(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    builder = window.briefing_builder
    _briefing_id, item_id = _briefing_with_a_passage(window)
    _select(window, item_id)
    assert builder.comment_edit.isEnabled()
    builder.comment_edit.setPlainText("Confirm the exercise dates with the embassy.")
    real = window.services.briefings.update_item
    monkeypatch.setattr(window.services.briefings, "update_item", raise_busy)
    builder.flush_comment()
    assert "the database is busy" in window.statusBar().currentMessage()
    assert builder.comment_edit.toPlainText() == "Confirm the exercise dates with the embassy."
    assert window.services.briefings.item_snapshots([item_id])[0].comment == ""
    monkeypatch.setattr(window.services.briefings, "update_item", real)
    builder.flush_comment()
    assert window.services.briefings.item_snapshots([item_id])[0].comment == (
        "Confirm the exercise dates with the embassy.")


def test_removing_a_passage_on_a_busy_database_removes_nothing(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    builder = window.briefing_builder
    briefing_id, item_id = _briefing_with_a_passage(window)
    steps = window.undo_stack.count()
    monkeypatch.setattr(window.services.briefings, "remove_item", raise_busy)
    builder.remove_items([item_id])
    assert "the database is busy" in window.statusBar().currentMessage()
    assert [i.id for i in window.services.briefings.items(briefing_id)] == [item_id]
    assert builder.tree.leaf(item_id) is not None and window.undo_stack.count() == steps


def test_a_paraphrase_refused_by_a_busy_database_stays_in_the_quote_dialog(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    builder = window.briefing_builder
    _briefing_id, item_id = _briefing_with_a_passage(window)
    results: list[int] = []

    def paraphrase(dialog: QuoteEditDialog) -> int:
        dialog.paraphrase.setPlainText("The two ministers met in Tokyo.")
        dialog.accept()
        results.append(dialog.result())
        assert "the database is busy" in dialog.problem.text()
        assert dialog.paraphrase.toPlainText() == "The two ministers met in Tokyo."
        return int(dialog.result())

    monkeypatch.setattr(QuoteEditDialog, "exec", paraphrase)
    monkeypatch.setattr(window.services.briefings, "update_item", raise_busy)
    builder.edit_quote(item_id)
    assert results == [QDialog.DialogCode.Rejected.value], "refused: the dialog stayed open"
    assert window.services.briefings.item_snapshots([item_id])[0].paraphrase == ""


def test_a_passage_dropped_with_no_briefing_on_a_busy_database_creates_nothing(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    article = window.services.articles.add(from_paste(TEXT, title="Tokyo talks"))
    assert article.id is not None
    builder = window.briefing_builder
    assert builder.current_id is None
    monkeypatch.setattr(window.services.briefings, "create", raise_busy)
    assert builder.add_passage(article.id, 0, 20, window.services.pillars.all()[0].id) is None
    assert "the database is busy" in window.statusBar().currentMessage()
    assert window.services.briefings.all() == [] and builder.current_id is None
    assert not window.undo_stack.canUndo()


def test_an_export_whose_folder_cannot_be_remembered_on_a_full_disk_still_exports(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import briefing_app.gui.briefing.builder as builder_module
    from briefing_app.gui.briefing.export_dialog import ExportDialog

    def disk_full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "settings.json")

    out = tmp_path / "note.docx"

    def choose(dialog: ExportDialog) -> int:
        dialog.out_edit.setText(str(out))
        return QDialog.DialogCode.Accepted.value

    builder = window.briefing_builder
    assert builder.new_briefing() is not None
    monkeypatch.setattr(builder_module, "save_settings", disk_full)
    monkeypatch.setattr(ExportDialog, "exec", choose)
    with qtbot.waitSignal(builder.exported, timeout=60_000):
        builder.export_dialog()
    assert out.is_file()


def test_an_edit_refused_half_way_whose_put_back_is_refused_too_is_on_the_undo_stack(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program takes the database after the first of two passages was removed and keeps it:
    the second removal fails, and so does putting the first back. The first passage is gone from the
    database, so the undo stack must say so (Ctrl+Z brings it back once the database is free); before,
    no step covered it and Ctrl+Z could never bring it back."""
    from tests.gui.refusals import busy_error

    builder = window.briefing_builder
    briefing_id, first = _briefing_with_a_passage(window)
    article_id = window.services.briefings.items(briefing_id)[0].article_id
    second = builder.add_passage(article_id, TEXT.index("They"), len(TEXT), window.services.pillars.all()[0].id)
    assert second is not None
    steps = window.undo_stack.count()
    real_remove, real_replace = window.services.briefings.remove_item, window.services.briefings.replace_items
    removed: list[int] = []

    def remove_then_busy(item_id: int) -> object:
        if removed:
            raise busy_error()
        removed.append(item_id)
        return real_remove(item_id)

    monkeypatch.setattr(window.services.briefings, "remove_item", remove_then_busy)
    monkeypatch.setattr(window.services.briefings, "replace_items", lambda *_a, **_k: (_ for _ in ()).throw(busy_error()))
    builder.remove_items([first, second])
    assert "the database is busy" in window.statusBar().currentMessage()
    stored = [i.id for i in window.services.briefings.items(briefing_id)]
    assert stored == [second], "the first removal was written and could not be put back"
    assert window.undo_stack.count() == steps + 1, "the stack holds what the database holds"
    monkeypatch.setattr(window.services.briefings, "replace_items", real_replace)
    window.undo_stack.undo()
    assert sorted(i.id for i in window.services.briefings.items(briefing_id)) == sorted([first, second])


def test_a_refused_header_field_does_not_lose_the_other_field_typed_with_it(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two fields typed before the form commits (subject, then title): the subject meets a busy database.
    Showing the briefing as stored reloaded the form while the title was no longer pending, so its typing
    was replaced by the stored title and then "committed" unchanged: lost. Both must survive."""
    from tests.gui.refusals import busy_once

    builder = window.briefing_builder
    briefing_id = builder.new_briefing()
    assert briefing_id is not None
    for name, typed in (("subject", "Quad summit"), ("title", "Tokyo call")):
        field = builder.form.lines[name]
        field.selectAll()
        qtbot.keyClicks(field, typed)
    monkeypatch.setattr(window.services.briefings, "update_change", busy_once(window.services.briefings.update_change))
    builder.form.flush()
    assert "the database is busy" in window.statusBar().currentMessage()
    assert builder.form.lines["subject"].text() == "Quad summit", "the refused field keeps its typing"
    assert builder.form.lines["title"].text() == "Tokyo call", "the other field keeps its typing"
    builder.form.flush()
    stored = window.services.briefings.get(briefing_id)
    assert stored is not None and (stored.subject, stored.title) == ("Quad summit", "Tokyo call")


def test_an_export_whose_folder_cannot_be_remembered_in_a_read_only_settings_folder_still_exports(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing_app.gui.briefing.builder as builder_module
    from briefing_app.gui.briefing.export_dialog import ExportDialog

    def read_only(*_args: object) -> None:
        raise PermissionError(13, "Permission denied", "settings.tmp")

    out = tmp_path / "note.docx"

    def choose(dialog: ExportDialog) -> int:
        dialog.out_edit.setText(str(out))
        return QDialog.DialogCode.Accepted.value

    builder = window.briefing_builder
    assert builder.new_briefing() is not None
    monkeypatch.setattr(builder_module, "save_settings", read_only)
    monkeypatch.setattr(ExportDialog, "exec", choose)
    with qtbot.waitSignal(builder.exported, timeout=60_000):
        builder.export_dialog()
    assert out.is_file()


def test_several_edits_all_refused_leave_no_empty_undo_step(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Removing key actors, or dropping drafted lines, on a busy database: every edit refused, so no
    undo step (Ctrl+Z would have undone an empty one) and the redo history is kept."""
    builder = window.briefing_builder
    assert builder.new_briefing() is not None
    title = builder.form.lines["title"]
    title.selectAll()
    qtbot.keyClicks(title, "Tokyo call")
    builder.form.flush()
    window.undo_stack.undo()  # the title: Ctrl+Y would bring it back
    steps, redo = window.undo_stack.count(), window.undo_stack.redoText()
    assert window.undo_stack.canRedo()
    monkeypatch.setattr(window.services.briefings, "edit_actor", raise_busy)
    monkeypatch.setattr(window.services.briefings, "edit_drafted", raise_busy)
    builder.remove_actors(["modi", "albanese"])
    assert "the database is busy" in window.statusBar().currentMessage()
    builder.set_drafted_status("key_points", ["k1", "k2"], "dropped")
    assert window.undo_stack.count() == steps
    assert window.undo_stack.canRedo() and window.undo_stack.redoText() == redo
