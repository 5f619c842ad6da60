"""Run the analyser on a stored article and store its suggestions."""

from __future__ import annotations

from briefing_app.core.services.articles import ArticleService
from briefing_app.core.services.lessons import LessonService
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.types import AnalysisResult, CancelCheck, ProgressCallback
from briefing_app.storage.database import Database


class AnalysisService:
    """Analyse articles with what the officer taught applied."""

    def __init__(self, db: Database, analyzer: Analyzer) -> None:
        self.db = db
        self.analyzer = analyzer
        self.articles = ArticleService(db)

    def learned_analyzer(self) -> Analyzer:
        """The analyser with the database's lessons applied (compiled once, updated incrementally)."""
        return self.analyzer.with_lessons(LessonService(self.db).compiled(self.analyzer))

    def analyze_article(self, article_id: int, progress: ProgressCallback | None = None,
                        cancel: CancelCheck | None = None) -> AnalysisResult:
        """Analyse and store suggestions; corrections already made are kept."""
        article = self.articles.get(article_id)
        if article is None:
            raise KeyError(article_id)
        result = self.learned_analyzer().analyze(article.text, progress=progress, cancel=cancel)
        self.articles.save_analysis(article_id, result)
        return result
