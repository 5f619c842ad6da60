"""Fixtures of the review tests: a window showing an article with one known suggestion."""

from __future__ import annotations

import pytest

from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan

PATROLS_TEXT = "Modi said India and Australia would hold naval exercises in the Indian Ocean."


@pytest.fixture
def patrols_window(loaded_window: MainWindow) -> MainWindow:
    """A window showing the article ``PATROLS_TEXT`` with a known "Indian Ocean" suggestion."""
    win = loaded_window
    article = win.services.articles.add(ImportedDocument(title="Patrols", text=PATROLS_TEXT, source_path=""))
    assert article.id is not None
    start = PATROLS_TEXT.index("Indian Ocean")
    win.services.articles.save_analysis(article.id, AnalysisResult(text=PATROLS_TEXT, entities=[
        EntitySpan(start, start + 12, "LOC", "Indian Ocean", "gazetteer", "LOC:indian ocean")]))
    win.show_article(article.id)
    return win
