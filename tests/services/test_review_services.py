"""Review services: accept/reject/relabel, apply-to-all, bulk accept, notes, entities; exact undo/redo."""

from __future__ import annotations

import pytest

from briefing_app.domain.models import Annotation, Article, CanonicalEntity, Lesson, Note
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage
from briefing_app.services import AnnotationConflict, Services
from briefing_app.services.changes import BOOKKEEPING, ChangeSet

TEXT = (
    "Modi met Trump in Washington. Modi said the COMPACT would deepen defence ties.\n"
    "Narendra Modi later spoke to reporters about trade."
)


def _span(text: str, phrase: str, label: str, nth: int = 0, key: str = "") -> EntitySpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return EntitySpan(start, start + len(phrase), label, phrase, "model",
                      key or f"{label}:{phrase.casefold()}", 0.8)


def _article(services: Services, text: str = TEXT, title: str = "Call") -> int:
    article = services.articles.add(ImportedDocument(title=title, text=text, source_path=""))
    assert article.id is not None
    if text != TEXT:
        return article.id
    first = text.index(".") + 1
    services.articles.save_analysis(article.id, AnalysisResult(text=text, entities=[
        _span(text, "Modi", "GPE", 0, "PERSON:narendra modi"),
        _span(text, "Trump", "PERSON"),
        _span(text, "Washington", "GPE"),
        _span(text, "Modi", "PERSON", 1, "PERSON:narendra modi"),
        _span(text, "Narendra Modi", "PERSON", 0, "PERSON:narendra modi"),
    ], passages=[Passage(0, first, ["diplomacy"], {"diplomacy": 0.7}, ["met"])]))
    return article.id


def _state(services: Services) -> dict[str, list[dict[str, object]]]:
    """Every row of the review tables, for exact before/after comparison."""
    from sqlmodel import select

    def dump(row: object) -> dict[str, object]:
        # who wrote a row, when and its version are bookkeeping: undo moves them on (tests/services/test_desk.py)
        return {k: v for k, v in row.model_dump().items() if k not in BOOKKEEPING}  # type: ignore[attr-defined]

    with services.db.session() as session:
        return {
            "annotations": sorted((dump(a) for a in session.exec(select(Annotation))),
                                  key=lambda r: r["id"]),
            "notes": [dump(n) for n in session.exec(select(Note))],
            "entities": [dump(e) for e in session.exec(select(CanonicalEntity))],
            "articles": [{"id": a.id, "status": a.status} for a in session.exec(select(Article))],
            "lessons": [dump(x) for x in session.exec(select(Lesson))],
        }


def _check_undo_redo(services: Services, before: dict[str, object], changes: ChangeSet) -> None:
    after = _state(services)
    assert after != before
    services.changes.undo(changes)
    assert _state(services) == before
    services.changes.redo(changes)
    assert _state(services) == after


def _find(services: Services, article_id: int, text: str, nth: int = 0) -> Annotation:
    rows = [a for a in services.annotations.for_article(article_id, include_rejected=True)
            if a.kind == "entity" and a.text == text]
    return rows[nth]


def test_accept_reject_relabel_and_exact_undo(services: Services) -> None:
    aid = _article(services)
    trump = _find(services, aid, "Trump")
    state = _state(services)
    changes = services.annotations.accept([trump.id])
    assert services.annotations.get(trump.id).status == "accepted"
    _check_undo_redo(services, state, changes)

    modi = _find(services, aid, "Modi")
    state = _state(services)
    changes = services.annotations.relabel(modi.id, "PERSON")
    row = services.annotations.get(modi.id)
    assert (row.label, row.status) == ("PERSON", "accepted")
    assert row.original is not None and row.original["label"] == "GPE"
    _check_undo_redo(services, state, changes)

    washington = _find(services, aid, "Washington")
    state = _state(services)
    changes = services.annotations.reject([washington.id])
    assert services.annotations.get(washington.id).status == "rejected", "rejections stay for learning"
    assert [(x.action, x.text, x.label) for x in services.lessons.all()][-1] == ("reject", "Washington", "GPE")
    _check_undo_redo(services, state, changes)


def test_user_tags_are_deleted_on_removal_and_overlaps_refused(services: Services) -> None:
    aid = _article(services)
    start = TEXT.index("COMPACT")
    changes = services.annotations.add_change(aid, "entity", start, start + 7, "LAW")
    new_id = changes.annotations[0][1].id
    with pytest.raises(AnnotationConflict, match="overlaps “COMPACT” \\(Agreement / initiative\\)"):
        services.annotations.add_change(aid, "entity", start + 2, start + 9, "ORG")
    with pytest.raises(AnnotationConflict, match="overlaps a Diplomacy passage"):  # the suggested first sentence
        services.annotations.add(aid, "pillar", 0, 9, "diplomacy")
    with pytest.raises(AnnotationConflict):
        services.annotations.add_change(aid, "entity", start, start, "ORG")
    state = _state(services)
    removal = services.annotations.reject([new_id])
    assert services.annotations.get(new_id) is None
    _check_undo_redo(services, state, removal)


def test_apply_to_all_in_article_and_library(services: Services) -> None:
    aid = _article(services)
    other = _article(services, "Earlier, Modi visited Tokyo.\nModi-era policy is not Modi.", "Other")
    modi = _find(services, aid, "Modi")
    services.annotations.relabel(modi.id, "PERSON")
    state = _state(services)
    changes = services.annotations.apply_to_all(modi.id, "article")
    rows = [a for a in services.annotations.for_article(aid) if a.text == "Modi"]
    assert [(a.label, a.status) for a in rows] == [("PERSON", "accepted")] * 2
    # "Narendra Modi" overlaps the third "Modi": left alone and reported.
    assert changes.skipped == 1
    _check_undo_redo(services, state, changes)

    state = _state(services)
    changes = services.annotations.apply_to_all(modi.id, "library")
    other_rows = [a for a in services.annotations.for_article(other) if a.kind == "entity" and a.text == "Modi"]
    # Whole words only ("Modi" in "Modi-era" counts: the hyphen ends the word).
    assert len(other_rows) == 3 and all(a.label == "PERSON" for a in other_rows)
    _check_undo_redo(services, state, changes)


def test_accept_all_remaining_and_open_counts(services: Services) -> None:
    aid = _article(services)
    assert services.annotations.open_counts(aid) == {"entity": 5, "pillar": 1}
    state = _state(services)
    changes = services.annotations.accept_all_remaining(aid)
    assert services.annotations.open_counts(aid) == {"entity": 0, "pillar": 0}
    _check_undo_redo(services, state, changes)


def test_review_status_moves_to_in_review_once(services: Services) -> None:
    aid = _article(services)
    state = _state(services)
    changes = services.changes.mark_in_review(services.annotations.accept([_find(services, aid, "Trump").id]))
    assert services.articles.get(aid).status == "in_review"
    _check_undo_redo(services, state, changes)
    again = services.changes.mark_in_review(services.annotations.accept([_find(services, aid, "Washington").id]))
    assert again.statuses == []
    mark = services.changes.set_status(aid, "reviewed")
    assert services.articles.get(aid).status == "reviewed"
    services.changes.undo(mark)
    assert services.articles.get(aid).status == "in_review"


def test_a_move_into_review_refused_earlier_is_written_with_the_next_edit(services: Services) -> None:
    """``also``: an article whose move after an earlier edit was refused moves with the next edit of
    another article, in the same write and change set (its undo puts both back to new)."""
    first = _article(services)
    second = _article(services, "Modi spoke to Albanese about the Quad.", title="Quad")
    note = services.notes.add(second, 0, 4, "Which call?", None)
    changes = services.changes.mark_in_review(note, also=[first])
    assert sorted(changes.statuses) == [(first, "new", "in_review"), (second, "new", "in_review")]
    assert services.articles.status(first) == services.articles.status(second) == "in_review"
    services.changes.undo(changes)
    assert services.articles.status(first) == services.articles.status(second) == "new"


def test_notes_add_edit_delete_undo(services: Services) -> None:
    aid = _article(services)
    state = _state(services)
    add = services.notes.add(aid, 0, 4, "Check the title he uses")
    _check_undo_redo(services, state, add)
    note_id = add.notes[0][1].id
    state = _state(services)
    edit = services.notes.update(note_id, "Confirmed: PM")
    assert services.notes.get(note_id).body == "Confirmed: PM"
    _check_undo_redo(services, state, edit)
    state = _state(services)
    delete = services.notes.delete(note_id)
    assert services.notes.for_article(aid) == []
    _check_undo_redo(services, state, delete)
    with pytest.raises(ValueError, match="empty"):
        services.notes.add(aid, 0, 4, "  \n ")


def test_entity_groups_rename_merge_split(services: Services) -> None:
    aid = _article(services)
    groups = {g.key: g for g in services.entities.groups(aid)}
    modi = groups["PERSON:narendra modi"]
    assert modi.name == "Narendra Modi" and "Modi" in modi.aliases and len(modi.mentions) == 3

    state = _state(services)
    rename = services.entities.rename("PERSON:narendra modi", "Narendra Damodardas Modi")
    assert services.entities.canonical("PERSON:narendra modi").name == "Narendra Damodardas Modi"
    _check_undo_redo(services, state, rename)

    state = _state(services)
    split = services.entities.split("PERSON:narendra modi", "Modi")
    groups = {g.key: g for g in services.entities.groups(aid)}
    assert len(groups["PERSON:narendra modi"].mentions) == 1
    assert [m.text for m in groups["PERSON:modi"].mentions] == ["Modi", "Modi"]
    _check_undo_redo(services, state, split)

    state = _state(services)
    trump_key = _find(services, aid, "Trump").entity_id
    merge = services.entities.merge("GPE:washington", trump_key)
    washington = _find(services, aid, "Washington")
    assert washington.entity_id == trump_key and washington.label == "PERSON"
    assert "Washington" in services.entities.canonical(trump_key).aliases  # type: ignore[union-attr]
    alias = [x for x in services.lessons.all() if x.action == "alias"]
    assert [(x.text, x.entity_key) for x in alias] == [("Washington", trump_key)]
    _check_undo_redo(services, state, merge)


def test_tagging_a_phrase_inside_a_suggested_passage_confirms_or_redraws_it(services: Services) -> None:
    article_id = _article(services)
    first_sentence_end = TEXT.index(".") + 1
    suggestion = next(a for a in services.annotations.for_article(article_id) if a.kind == "pillar")
    assert (suggestion.start, suggestion.end, suggestion.status) == (0, first_sentence_end, "suggested")

    # a phrase inside the suggested diplomacy sentence confirms that suggestion
    before = _state(services)
    start = TEXT.index("met Trump")
    changes = services.annotations.toggle_pillar(article_id, start, start + len("met Trump"), "diplomacy")
    assert services.annotations.get(suggestion.id).status == "accepted"  # type: ignore[arg-type, union-attr]
    _check_undo_redo(services, before, changes)
    services.changes.undo(changes)

    # a span reaching past the suggestion replaces it with the officer's own passage
    before = _state(services)
    end = TEXT.index("deepen defence ties") + len("deepen defence ties.")
    changes = services.annotations.toggle_pillar(article_id, 0, end, "diplomacy")
    rows = [(a.start, a.end, a.origin, a.status) for a in services.annotations.for_article(article_id, True)
            if a.kind == "pillar"]
    assert (0, end, "user", "accepted") in rows and (0, first_sentence_end, "model", "rejected") in rows
    _check_undo_redo(services, before, changes)

    # inside a passage the officer already tagged: a clear message, nothing changed
    state = _state(services)
    with pytest.raises(AnnotationConflict, match="already tagged"):
        services.annotations.toggle_pillar(article_id, start, start + len("met Trump"), "diplomacy")
    assert _state(services) == state
    # another pillar on the same words is fine
    assert services.annotations.toggle_pillar(article_id, start, start + len("met Trump"), "defence")


def test_undo_steps_name_labels_and_pillars_in_words(services: Services) -> None:
    """The undo menu and the status bar read "Label “Modi” Person", "Untag passage Diplomacy": never the codes
    (PERSON, GPE, diplomacy) the database stores."""
    aid = _article(services)
    modi = _find(services, aid, "Modi")
    assert services.annotations.relabel(modi.id, "PERSON").description == "Label “Modi” Person"
    washington = _find(services, aid, "Washington")
    changes = services.annotations.apply_to_all(washington.id, scope="article")
    assert changes.description.startswith("Label Country or city: all “Washington”")
    end = TEXT.index("\n")
    added = services.annotations.toggle_pillar(aid, TEXT.index("Modi said"), end, "defence")
    assert added.description == "Add passage as Defence"
    suggestion = next(a for a in services.annotations.for_article(aid) if a.kind == "pillar" and a.start == 0)
    inside = TEXT.index("met Trump")
    confirmed = services.annotations.toggle_pillar(aid, inside, inside + len("met Trump"), "diplomacy")
    untagged = services.annotations.toggle_pillar(aid, suggestion.start, suggestion.end, "diplomacy")
    assert (confirmed.description, untagged.description) == ("Accept passage as Diplomacy", "Untag passage Diplomacy")
    with pytest.raises(AnnotationConflict, match="inside a Defence passage"):
        services.annotations.toggle_pillar(aid, TEXT.index("COMPACT"), TEXT.index("COMPACT") + 7, "defence")
