"""Auto-draft fills the current briefing (asking before it replaces anything); F2 reaches builder and preview."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow


def test_auto_draft_fills_the_current_briefing_and_asks_before_replacing(
    qtbot: QtBot, window: MainWindow, two_articles: tuple[int, int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    builder = window.briefing_builder
    services = window.services
    empty = builder.new_briefing()
    assert builder.auto_draft(list(two_articles)) == empty  # the open briefing is filled, no new one
    assert len(services.briefings.all()) == 1
    drafted = services.briefings.all_item_snapshots(empty)
    assert {s.article_id for s in drafted} == set(two_articles)

    asked: list[str] = []

    def answer(reply: QMessageBox.StandardButton):  # noqa: ANN202
        return lambda _p, _t, text, *a, **k: asked.append(text) or reply

    builder.remove_items([drafted[0].id])
    kept = services.briefings.all_item_snapshots(empty)
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert builder.auto_draft(list(two_articles)) is None
    assert asked and "Replace the" in asked[0]
    assert services.briefings.all_item_snapshots(empty) == kept  # "No" changes nothing

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert builder.auto_draft(list(two_articles)) == empty
    assert len(services.briefings.all()) == 1
    assert [s.id for s in services.briefings.all_item_snapshots(empty)] != [s.id for s in kept]
    window.undo_stack.undo()  # one step back to what the officer had
    assert services.briefings.all_item_snapshots(empty) == kept


def test_new_article_details_reach_the_builder_and_the_preview(
    qtbot: QtBot, window: MainWindow, two_articles: tuple[int, int],
) -> None:
    builder = window.briefing_builder
    builder.auto_draft(list(two_articles))
    builder.update_preview()
    article_id = two_articles[1]
    article = window.services.articles.get(article_id)
    assert article is not None and article.title not in ("Leaders speak again",)
    # what the F2 dialog's OK does: the service saves, a ChangeCommand goes on the undo stack
    window.importer.apply_metadata(article_id, {"title": "Leaders speak again", "outlet": "New Outlet"})
    qtbot.waitUntil(lambda: "Leaders speak again" in builder.preview_html, timeout=3000)
    sources = [builder.tree.leaf(i).text(1) for i, _p in builder.tree.order()]  # type: ignore[union-attr]
    assert any("New Outlet" in s for s in sources)
    assert all("·" in s for s in sources)  # each item shows its source's date
    window.undo_stack.undo()  # undo of the F2 edit reaches the builder and preview too
    qtbot.waitUntil(lambda: article.title in builder.preview_html and "Leaders speak again" not in builder.preview_html,
                    timeout=3000)
    sources = [builder.tree.leaf(i).text(1) for i, _p in builder.tree.order()]  # type: ignore[union-attr]
    assert not any("New Outlet" in s for s in sources)


def test_key_actors_are_edited_and_removed_in_the_builder(
    qtbot: QtBot, window: MainWindow, two_articles: tuple[int, int],
) -> None:
    builder = window.briefing_builder
    briefing_id = builder.auto_draft(list(two_articles))
    builder.update_preview()
    panel = builder.actors_panel
    builder.tabs.setCurrentWidget(panel)
    names = panel.names()
    assert names and len(names) == len(set(names))
    panel.table.item(0, 2).setText("Prime Minister of India")  # type: ignore[union-attr]  # as typed in the cell
    builder.update_preview()
    assert "Prime Minister of India" in builder.preview_html
    removed = panel.names()[1]
    rect = panel.table.visualItemRect(panel.table.item(1, 0))  # type: ignore[arg-type]
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(panel.selected_keys()) == 1
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    builder.update_preview()
    assert removed not in panel.names()
    assert briefing_id is not None
    assert removed not in [a.name for a in window.services.briefings.document(briefing_id).actors]
    window.undo_stack.undo()
    builder.update_preview()
    assert removed in panel.names() and "Prime Minister of India" in builder.preview_html


def test_budget_order_and_restored_actors_are_undone_one_step_each(
    qtbot: QtBot, window: MainWindow, two_articles: tuple[int, int],
) -> None:
    builder = window.briefing_builder
    briefing_id = builder.auto_draft(list(two_articles))
    assert briefing_id is not None
    briefings = window.services.briefings
    builder.set_field("page_budget", "3.5")
    builder.newest_first.setChecked(True)  # as clicked
    assert (briefings.get(briefing_id).page_budget, briefings.get(briefing_id).newest_first) == (3.5, True)  # type: ignore[union-attr]
    key = briefings.document(briefing_id).actors[0].key
    builder.remove_actors([key])
    builder.restore_actors()
    assert briefings.get(briefing_id).actor_edits == {}  # type: ignore[union-attr]
    window.undo_stack.undo()  # restore undone: the row is removed again
    assert briefings.get(briefing_id).actor_edits == {key: {"removed": True}}  # type: ignore[union-attr]
    window.undo_stack.undo()  # removal undone
    window.undo_stack.undo()  # section order undone
    assert builder.newest_first.isChecked() is False
    window.undo_stack.undo()  # budget undone
    assert briefings.get(briefing_id).page_budget == 2.0  # type: ignore[union-attr]
    assert builder.budget_spin.value() == 2.0
