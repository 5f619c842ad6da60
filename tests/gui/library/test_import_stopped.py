"""An import the window was running stops on a busy or full database: the report says which files were
saved and which were not, in words (no raw ``OperationalError``), and the saved ones stay."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy.exc
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.services.articles import ArticleService
from tests.gui.library.conftest import drop_paths


def test_an_import_stopped_by_a_busy_database_reports_saved_and_unsaved_files(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, title, text, *a, **k: boxes.append(f"{title}: {text}"))
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Article {i}\n\nMinisters {i} met in Delhi to discuss trade.")
    real_add = ArticleService.add
    calls = {"n": 0}

    def busy_on_second(self: ArticleService, doc: ImportedDocument) -> object:
        calls["n"] += 1
        if calls["n"] == 2:
            raise sqlalchemy.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))
        return real_add(self, doc)

    monkeypatch.setattr(ArticleService, "add", busy_on_second)
    with qtbot.waitSignal(window.importer.importFinished, timeout=60_000) as blocker:
        assert drop_paths(window, [folder])
    outcomes = blocker.args[0]
    assert [o.status for o in outcomes] == ["imported", "failed", "skipped"]
    report = window.importer.last_report
    assert report is not None and report.isVisible()
    summary = report.summary.text()
    assert summary.startswith("Imported 1 of 3 files; stopped: the database is busy")
    assert "OperationalError" not in summary and not any("OperationalError" in b for b in boxes)
    rows = [(report.table.item(r, 0).text(), report.table.item(r, 1).text()) for r in range(3)]
    assert rows == [("a0.txt", "Imported"), ("a1.txt", "Not imported"), ("a2.txt", "Skipped")]
    assert [s.title for s in window.services.articles.list_summaries()] == ["Article 0"]
