"""services/bulk_status.py: accept all remaining keeps only what it changed, and undo/redo still put
every column of every tag back, refuse what another officer changed since, on both engines."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import select

from briefing_app.domain.models import Annotation, AnnotationStatus
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage
from briefing_app.services import Services
from briefing_app.services.bulk_status import BulkStatus, set_status
from briefing_app.services.changes import BOOKKEEPING, ChangeSet
from briefing_app.storage.errors import StaleEdit

SENTENCE = "Officials from Canberra met delegates of Tokyo about port security. "
REPEATS = 40


def _article(services: Services) -> int:
    """An analysed article: two entity suggestions per sentence and one pillar passage."""
    text = SENTENCE * REPEATS
    spans = []
    for i in range(REPEATS):
        for word, label in (("Canberra", "GPE"), ("Tokyo", "GPE")):
            start = i * len(SENTENCE) + SENTENCE.index(word)
            spans.append(EntitySpan(start, start + len(word), label, word, "model", f"GPE:{word.lower()}", 0.8))
    passage = Passage(0, len(SENTENCE) - 1, ["security"], {"security": 0.7}, ["port security"])
    article = services.articles.add(ImportedDocument(title="Long report", text=text, source_path=""))
    assert article.id is not None
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=spans, passages=[passage]))
    return article.id


def _rows(services: Services, article_id: int) -> dict[int, dict[str, Any]]:
    """Every column of every tag of the article, by id."""
    with services.db.session() as session:
        return {a.id: a.model_dump() for a in session.exec(select(Annotation).where(Annotation.article_id == article_id))
                if a.id is not None}


def _content(rows: dict[int, dict[str, Any]]) -> dict[int, dict[str, Any]]:
    return {i: {k: v for k, v in row.items() if k not in BOOKKEEPING} for i, row in rows.items()}


def _vary(services: Services, article_id: int) -> None:
    """Suggestions that differ in the columns the edit writes: one decided and undone (a later
    version), one with its provenance already kept, one edited at another time."""
    with services.db.session() as session:
        tags = list(session.exec(select(Annotation).where(Annotation.article_id == article_id,
                                                          Annotation.kind == "entity").order_by(Annotation.id)))
        tags[1].original = {"label": "ORG", "start": tags[1].start, "end": tags[1].end, "status": "suggested",
                            "origin": "model"}
        tags[2].updated_at = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
        session.add_all([tags[1], tags[2]])
        session.commit()
        first = tags[0].id
    assert first is not None
    services.changes.undo(services.annotations.accept([first]))


def test_every_column_of_every_tag_survives_undo_and_redo_of_accept_all(services: Services) -> None:
    article_id = _article(services)
    _vary(services, article_id)
    before = _rows(services, article_id)
    assert {r["status"] for r in before.values()} == {AnnotationStatus.SUGGESTED}

    changes = services.annotations.accept_all_remaining(article_id)
    after = _rows(services, article_id)
    assert {r["status"] for r in after.values()} == {AnnotationStatus.ACCEPTED}
    assert services.annotations.open_counts(article_id) == {"entity": 0, "pillar": 0}
    # Provenance: the suggestion as made is kept the first time, an earlier one is not overwritten.
    first, second = sorted(i for i, r in before.items() if r["kind"] == "entity")[:2]
    assert after[first]["original"] == {"label": "GPE", "start": before[first]["start"], "end": before[first]["end"],
                                        "status": "suggested", "origin": "model"}
    assert after[second]["original"]["label"] == "ORG"
    # Only the status, the provenance and the bookkeeping moved.
    assert {k for i in before for k in before[i] if before[i][k] != after[i][k]} <= {
        "status", "original", "updated_at"} | BOOKKEEPING

    services.changes.undo(changes)
    undone = _rows(services, article_id)
    assert _content(undone) == _content(before)
    assert all(undone[i]["version"] == after[i]["version"] + 1 for i in before)
    services.changes.redo(changes)
    assert _content(_rows(services, article_id)) == _content(after)
    services.changes.undo(changes)
    assert _content(_rows(services, article_id)) == _content(before)


def test_the_change_set_holds_ids_grouped_by_what_they_held_not_a_snapshot_per_tag(services: Services) -> None:
    article_id = _article(services)
    _vary(services, article_id)
    changes = services.annotations.accept_all_remaining(article_id)
    assert changes.annotations == [] and changes.tag_count() == 2 * REPEATS + 1
    (bulk,) = changes.bulk
    assert isinstance(bulk, BulkStatus) and len(bulk) == changes.tag_count()
    # the pillar passage; the tag decided and undone; the one with provenance; the one edited apart; the rest
    assert sorted(len(g.ids) for g in bulk.groups) == [1, 1, 1, 1, 2 * REPEATS - 3]
    assert not services.annotations.accept_all_remaining(article_id), "nothing left: no change"


@pytest.fixture
def asha(services: Services) -> Services:
    services.db.officer = "Asha"
    return services


@pytest.fixture
def bram(db_target: str, asha: Services) -> Iterator[Services]:
    other = Services.open(db_target, officer="Bram")
    yield other
    other.close()


def _statuses(services: Services, article_id: int) -> list[str]:
    return sorted({str(r["status"]) for r in _rows(services, article_id).values()})


def test_undo_of_accept_all_never_reverts_a_tag_another_officer_changed(asha: Services, bram: Services) -> None:
    article_id = _article(asha)
    changes = asha.annotations.accept_all_remaining(article_id)
    tag = min(i for i, r in _rows(bram, article_id).items() if r["kind"] == "entity")
    bram.annotations.relabel(tag, "LOC")
    with pytest.raises(StaleEdit, match="this tag was changed by Bram"):
        asha.changes.undo(changes)
    # nothing written: every tag still accepted, Bram's label kept
    assert _statuses(asha, article_id) == ["accepted"]
    assert _rows(asha, article_id)[tag]["label"] == "LOC"


def test_redo_of_accept_all_is_refused_when_a_tag_was_deleted_meanwhile(asha: Services, bram: Services) -> None:
    article_id = _article(asha)
    changes = asha.annotations.accept_all_remaining(article_id)
    asha.changes.undo(changes)
    with bram.db.session() as session:  # Bram's analysis replaced one suggestion
        session.delete(session.get(Annotation, min(_rows(bram, article_id))))
        session.commit()
    with pytest.raises(StaleEdit, match="removed meanwhile"):
        asha.changes.redo(changes)
    assert _statuses(asha, article_id) == ["suggested"]


def test_asha_may_undo_her_accept_all_after_her_own_later_edit(asha: Services) -> None:
    article_id = _article(asha)
    changes = asha.annotations.accept_all_remaining(article_id)
    tag = min(i for i, r in _rows(asha, article_id).items() if r["kind"] == "entity")
    asha.annotations.relabel(tag, "LOC")  # her own later edit of one of the tags
    asha.changes.undo(changes)
    assert _statuses(asha, article_id) == ["suggested"]


def test_a_bulk_status_change_never_rejects_tags(services: Services) -> None:
    """The window redraws a bulk change from the statuses alone; a rejected tag is not drawn."""
    article_id = _article(services)
    with services.db.engine.begin() as conn, pytest.raises(ValueError, match="neither rejects"):
        set_status(conn, "Asha", article_id, AnnotationStatus.SUGGESTED, AnnotationStatus.REJECTED)
    assert not ChangeSet() and ChangeSet().tag_count() == 0
