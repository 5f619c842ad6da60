"""A result the database refused waits in KeptAnalyses for the retry, which only stores it: the
last few, and only while the article's text, the lessons and the analyser are what it was made from."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
import sqlalchemy.exc

from briefing_app.domain.models import LessonAction
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.nlp.types import AnalysisResult
from briefing_app.services import Services
from briefing_app.services.analysis import AnalysisService, KeptAnalyses
from briefing_app.services.articles import ArticleService

TEXT = "Jaishankar met Blinken in Washington to discuss the Quad and trade."


def _busy() -> sqlalchemy.exc.OperationalError:
    return sqlalchemy.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The analyses made from now on, counted."""
    real = Analyzer.analyze
    calls: list[int] = []

    def analyze(self: Analyzer, *args: Any, **kwargs: Any) -> AnalysisResult:
        calls.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Analyzer, "analyze", analyze)
    return calls


def _refusing(monkeypatch: pytest.MonkeyPatch, times: int) -> list[int]:
    real = ArticleService.save_analysis
    calls: list[int] = []

    def save(self: ArticleService, *args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) <= times:
            raise _busy()
        real(self, *args, **kwargs)

    monkeypatch.setattr(ArticleService, "save_analysis", save)
    return calls


def _article(services: Services) -> int:
    article = services.articles.add(ImportedDocument(title="Talks", text=TEXT, source_path=""))
    assert article.id is not None
    return article.id


def test_a_refused_result_is_stored_by_the_retry_without_analysing_again(
        services: Services, analyzer: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = _article(services)
    analyses, kept = _counting(monkeypatch), KeptAnalyses()
    service = AnalysisService(services.db, analyzer, kept)
    saves = _refusing(monkeypatch, 2)
    for _ in range(2):
        with pytest.raises(sqlalchemy.exc.OperationalError):
            service.analyze_article(article_id)
        assert kept.has(article_id) and not services.articles.is_analysed(article_id)
    service.analyze_article(article_id)
    assert services.articles.is_analysed(article_id) and not kept.has(article_id)
    assert (len(analyses), len(saves)) == (1, 3)


def test_a_lesson_taught_meanwhile_makes_the_kept_result_stale(
        services: Services, analyzer: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = _article(services)
    analyses, kept = _counting(monkeypatch), KeptAnalyses()
    service = AnalysisService(services.db, analyzer, kept)
    _refusing(monkeypatch, 1)
    with pytest.raises(sqlalchemy.exc.OperationalError):
        service.analyze_article(article_id)
    services.lessons.record(LessonAction.REJECT, "Quad", "ORG")
    service.analyze_article(article_id)
    assert len(analyses) == 2, "analysed again with the new lesson"


def test_other_failures_keep_nothing(services: Services, analyzer: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    article_id = _article(services)
    kept = KeptAnalyses()

    def broken(*_args: Any, **_kwargs: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(ArticleService, "save_analysis", broken)
    with pytest.raises(RuntimeError):
        AnalysisService(services.db, analyzer, kept).analyze_article(article_id)
    assert not kept.has(article_id)


def test_only_the_last_few_are_kept() -> None:
    kept = KeptAnalyses(limit=2)
    for article_id in (1, 2, 3):
        kept.keep(article_id, ("text",), AnalysisResult(text="text"))
    assert [kept.has(i) for i in (1, 2, 3)] == [False, True, True]
    assert kept.take(2, ("other text",)) is None and not kept.has(2), "made from something else: dropped"
    assert kept.take(3, ("text",)) is not None and not kept.has(3)
