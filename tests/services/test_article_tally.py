"""The open article's tally follows change sets exactly (services/article_tally), and a relabel and
the lesson it teaches are saved in one transaction. Both engines."""

from __future__ import annotations

import pytest
from sqlmodel import select

from briefing_app.domain.models import Lesson
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan
from briefing_app.services import Services
from briefing_app.services.article_tally import ArticleTally
from briefing_app.services.changes import BOOKKEEPING, RowSnapshot
from briefing_app.services.lessons import LessonService
from briefing_app.services.open_suggestions import Visibility
from tests.services.test_review_services import _article, _find, _state


def _figures(tally: ArticleTally, status: str = "in_review") -> tuple[object, ...]:
    return (tally.tags, +tally.counts, tally.entity_count(), tally.pillar_count(), tally.pillar_ids(),
            tally.open_counts(None, status), tally.open_counts(Visibility.of({"PERSON"}, {"diplomacy"}), status),
            tally.open_counts(None, "reviewed"))


def test_the_tally_follows_edits_undo_and_redo_as_a_fresh_read(services: Services) -> None:
    aid = _article(services)
    other = services.articles.add(ImportedDocument(title="Other", text="Trump met Modi.", source_path="")).id
    assert other is not None
    services.articles.save_analysis(other, AnalysisResult(text="Trump met Modi.", entities=[
        EntitySpan(0, 5, "PERSON", "Trump", "model", "PERSON:trump", 0.8)], passages=[]))  # not this article's
    tally = ArticleTally.read(services.db, aid)
    assert tally.entity_count() == 5 and tally.pillar_count() == 1 and tally.pillar_ids() == ("diplomacy",)
    a = services.annotations
    modi, trump, washington = _find(services, aid, "Modi"), _find(services, aid, "Trump"), _find(services, aid, "Washington")
    text = services.articles.get(aid).text  # type: ignore[union-attr]
    edits = [
        lambda: a.accept([trump.id]),
        lambda: a.relabel(modi.id, "PERSON"),
        lambda: a.reject([washington.id]),
        lambda: a.add_change(aid, "entity", text.index("COMPACT"), text.index("COMPACT") + 7, "ORG"),
        lambda: a.toggle_pillar(aid, 0, text.index(".") + 1, "trade"),
        lambda: a.accept_all_remaining(aid),
        lambda: a.accept([_find(services, other, "Trump").id]),
    ]
    done = []
    for edit in edits:
        changes = edit()
        assert tally.follow(changes, backwards=False)
        assert _figures(tally) == _figures(ArticleTally.read(services.db, aid))
        done.append(changes)
    for changes in reversed(done):
        services.changes.undo(changes)
        assert tally.follow(changes, backwards=True)
        assert _figures(tally) == _figures(ArticleTally.read(services.db, aid))
    for changes in done:
        services.changes.redo(changes)
        assert tally.follow(changes, backwards=False)
        assert _figures(tally) == _figures(ArticleTally.read(services.db, aid))


def test_a_relabel_and_its_lesson_are_saved_together(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    aid = _article(services)
    modi = _find(services, aid, "Modi")
    state = _state(services)

    def broken(*_a: object, **_k: object) -> list[Lesson]:
        raise RuntimeError("disk gone while recording the lesson")

    monkeypatch.setattr(LessonService, "_contrary", broken)
    with pytest.raises(RuntimeError):
        services.annotations.relabel(modi.id, "PERSON")
    assert _state(services) == state, "the relabel was saved without the lesson it teaches"

    monkeypatch.undo()
    changes = services.annotations.relabel(modi.id, "PERSON")
    # The change set's lesson is the row as committed (undo and redo write it back as it is).
    ((none, lesson),) = changes.lessons
    assert none is None
    with services.db.session() as session:
        stored = RowSnapshot.of(session.exec(select(Lesson).where(Lesson.id == lesson.id)).one())
    assert {k: v for k, v in stored.values.items() if k not in BOOKKEEPING - {"version"}} == \
        {k: v for k, v in lesson.values.items() if k not in BOOKKEEPING - {"version"}}
    after = _state(services)
    services.changes.undo(changes)
    assert _state(services) == state
    services.changes.redo(changes)
    assert _state(services) == after
