"""Fixtures of the review tests: a window showing an article with one known suggestion."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan
from briefing_app.services import Services
from briefing_app.settings import Settings

PATROLS_TEXT = "Modi said India and Australia would hold naval exercises in the Indian Ocean."


@pytest.fixture
def patrols_window(qtbot: QtBot, db_path: Path, analyzer: object,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    """A window showing the article ``PATROLS_TEXT`` with a known "Indian Ocean" suggestion."""
    import briefing_app.gui.main_window as main_window

    monkeypatch.setattr(main_window, "create_analyzer", lambda _model=None: analyzer)
    win = MainWindow(Services.open(db_path), Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.analyzer is not None, timeout=60_000)
    article = win.services.articles.add(ImportedDocument(title="Patrols", text=PATROLS_TEXT, source_path=""))
    assert article.id is not None
    start = PATROLS_TEXT.index("Indian Ocean")
    win.services.articles.save_analysis(article.id, AnalysisResult(text=PATROLS_TEXT, entities=[
        EntitySpan(start, start + 12, "LOC", "Indian Ocean", "gazetteer", "LOC:indian ocean")]))
    win.show_article(article.id)
    yield win
    win.close()
    win.services.close()
