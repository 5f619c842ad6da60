"""In the window: a full disk at start is not damage (no restore offered), and a busy or full database
is described in words (never a raw ``OperationalError``) without claiming the change was saved."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy.exc
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui import safety
from briefing_app.gui.diagnostics import build_error_dialog
from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.storage import errors


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Capture QMessageBox static calls instead of blocking on them."""
    seen: list[tuple[str, str]] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name,
                            lambda _p, title, text, *a, _n=name, **k: seen.append((title, text)))
    return seen


def test_starting_on_a_full_disk_says_so_and_offers_no_restore(
    qtbot: QtBot, db_path: Path, messages: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    services = Services.open(db_path)
    services.articles.add(ImportedDocument(title="Kept", source_path="", text="Ministers met in Delhi."))
    services.close()
    before = db_path.read_bytes()
    offered: list[str] = []
    monkeypatch.setattr(safety, "offer_recovery", lambda _p, problem, _parent=None: offered.append(problem) or False)
    monkeypatch.setattr(errors, "free_bytes", lambda _path: 0)
    assert safety.open_safely(db_path) is None
    assert offered == [], "a full disk is not damage: no 'Restore this backup'"
    assert messages and messages[-1][0] == "The disk is full"
    text = messages[-1][1]
    assert "needs at least" in text and str(db_path.parent) in text and "Nothing was changed" in text
    assert db_path.read_bytes() == before


@pytest.mark.parametrize("raw, words", [
    ("database is locked", "the database is busy"),
    ("database or disk is full", "the disk is full"),
])
def test_error_dialog_for_a_busy_or_full_database_is_in_words(qtbot: QtBot, tmp_path: Path, raw: str,
                                                              words: str) -> None:
    exc = sqlalchemy.exc.OperationalError("UPDATE annotation SET label=?", {}, sqlite3.OperationalError(raw))
    box = build_error_dialog(exc, "traceback…", tmp_path / "briefing-app.log")
    qtbot.addWidget(box)
    assert "OperationalError" not in box.text() and raw not in box.text()
    assert words in box.text() and "not saved" in box.text()
    assert "nothing you have done was lost" not in box.informativeText()
