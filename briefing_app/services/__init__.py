"""Services: the only code that touches the database. The GUI and CLI call these."""

from __future__ import annotations

from briefing_app.services.annotations import AnnotationConflict, AnnotationService
from briefing_app.services.articles import ArticleService, ArticleSummary, DuplicateArticle
from briefing_app.services.container import Services

__all__ = [
    "AnnotationConflict", "AnnotationService", "ArticleService", "ArticleSummary",
    "DuplicateArticle", "Services",
]
