"""An edit refused by a busy database is explained in the status bar (not a raw OperationalError dialog)
and is not put on the undo stack."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy.exc
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.services import Services
from briefing_app.services.changes import ChangeSet
from briefing_app.settings import Settings


def test_an_edit_on_a_busy_database_says_it_was_not_saved(qtbot: QtBot, db_path: Path, analyzer: object,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing_app.gui.main_window as main_window

    monkeypatch.setattr(main_window, "create_analyzer", lambda _model=None: analyzer)
    window = MainWindow(Services.open(db_path), Settings())
    qtbot.addWidget(window)

    def locked() -> ChangeSet:
        raise sqlalchemy.exc.OperationalError("UPDATE annotation", {}, sqlite3.OperationalError("database is locked"))

    before = window.undo_stack.count()
    assert window.review.controller.perform(locked) is None
    message = window.review.controller.last_message
    assert message.startswith("The change was not saved: the database is busy")
    assert "OperationalError" not in message
    assert window.undo_stack.count() == before
    window.services.close()
