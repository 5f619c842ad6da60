"""Accept all remaining (and its undo) is one transaction of a bounded number of SQL statements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from briefing_app.domain.models import AnnotationStatus
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan
from briefing_app.services import Services

SENTENCE = "Officials from Canberra met delegates of Tokyo about port security. "


def _article(services: Services, suggestions: int) -> int:
    text = SENTENCE * suggestions
    spans = [EntitySpan(i * len(SENTENCE) + SENTENCE.index("Canberra"), i * len(SENTENCE) + SENTENCE.index("Canberra")
                        + len("Canberra"), "GPE", "Canberra", "model", "GPE:canberra", 0.8) for i in range(suggestions)]
    article = services.articles.add(ImportedDocument(title=f"Report {suggestions}", text=text, source_path=""))
    assert article.id is not None
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=spans))
    return article.id


@contextmanager
def _statements(services: Services) -> Iterator[list[str]]:
    """Every SQL statement sent to the database (an executemany counts once) and every COMMIT."""
    seen: list[str] = []

    def before(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement)

    def commit(_conn: object) -> None:
        seen.append("COMMIT")

    event.listen(services.db.engine, "before_cursor_execute", before)
    event.listen(services.db.engine, "commit", commit)
    try:
        yield seen
    finally:
        event.remove(services.db.engine, "before_cursor_execute", before)
        event.remove(services.db.engine, "commit", commit)


def _counts(services: Services, suggestions: int) -> tuple[int, int, int, int]:
    article_id = _article(services, suggestions)
    with _statements(services) as accept:
        changes = services.annotations.accept_all_remaining(article_id)
    assert changes.tag_count() == suggestions
    assert services.annotations.open_counts(article_id)["entity"] == 0
    with _statements(services) as undo:
        services.changes.undo(changes)
    assert {a.status for a in services.annotations.for_article(article_id)} == {AnnotationStatus.SUGGESTED}
    return len(accept), accept.count("COMMIT"), len(undo), undo.count("COMMIT")


def test_accept_all_and_its_undo_issue_the_same_few_statements_for_10_or_1000_suggestions(services: Services) -> None:
    small = _counts(services, 10)
    large = _counts(services, 1000)
    assert small == large, "no statement per suggestion"
    accept, accept_commits, undo, undo_commits = large
    assert accept_commits == undo_commits == 1, "each in one transaction"
    # (accept also moves the article into review, in the same transaction; PostgreSQL locks the rows read)
    assert accept <= 8 and undo <= 5
