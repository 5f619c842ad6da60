"""Record ids are never handed out twice, so an undo that writes a row back by id cannot hit another row."""

from __future__ import annotations

from pathlib import Path

from briefing_app.importers.base import ImportedDocument
from briefing_app.services import Services
from briefing_app.services.changes import ChangeSet

TEXT = (
    "India and the United States agreed to expand joint military exercises next year. "
    "Both sides will deepen trade and investment links and strengthen supply chains. "
    "The leaders also discussed cooperation on semiconductors and artificial intelligence."
)


def _article(services: Services, title: str) -> int:
    article = services.articles.add(ImportedDocument(title=title, text=f"{title}. {TEXT}", source_path=""))
    assert article.id is not None
    return article.id


def _item(services: Services, briefing_id: int, article_id: int, phrase: str) -> int:
    text = services.articles.get(article_id).text  # type: ignore[union-attr]
    start = text.index(phrase)
    item = services.briefings.add_item(briefing_id, article_id, start, start + len(phrase), "defence")
    assert item.id is not None
    return item.id


def test_deleting_the_newest_row_never_frees_its_id(services: Services) -> None:
    first, newest = _article(services, "First"), _article(services, "Newest")
    services.articles.delete(newest)
    assert _article(services, "Imported after the delete") not in (first, newest)

    briefing = services.briefings.create(title="Newest briefing")
    assert briefing.id is not None
    services.briefings.delete(briefing.id)
    again = services.briefings.create(title="Made after the delete")
    assert again.id != briefing.id

    item = _item(services, again.id, first, "joint military exercises")  # type: ignore[arg-type]
    services.briefings.remove_item(item)
    assert _item(services, again.id, first, "supply chains") != item  # type: ignore[arg-type]

    added = services.annotations.add(first, "entity", 0, 5, "GPE")
    services.annotations.remove(added.id)
    assert services.annotations.add(first, "entity", 0, 5, "GPE").id != added.id


def test_undo_of_delete_briefing_never_overwrites_a_briefing_created_meanwhile(db_path: Path) -> None:
    window = Services.open(db_path)
    try:
        article = _article(window, "Joint statement")
        mine = window.briefings.create(title="The officer's note")
        assert mine.id is not None
        _item(window, mine.id, article, "joint military exercises")
        snapshot = window.briefings.snapshot(mine.id)
        window.briefings.delete(mine.id)  # "Delete briefing"

        # Meanwhile a new briefing with items is created (e.g. by another task on the database).
        other = Services.open(db_path)
        try:
            theirs = other.briefings.create(title="Made meanwhile")
            assert theirs.id is not None
            for phrase in ("supply chains", "semiconductors", "artificial intelligence"):
                _item(other, theirs.id, article, phrase)
        finally:
            other.close()
        assert theirs.id != mine.id

        window.briefings.restore(snapshot)  # Undo of the delete
        kept = window.briefings.get(theirs.id)
        assert kept is not None and kept.title == "Made meanwhile"
        assert [i.text for i in window.briefings.items(theirs.id)] == [
            "supply chains.", "semiconductors", "artificial intelligence."]
        back = window.briefings.get(mine.id)
        assert back is not None and back.title == "The officer's note"
        assert [i.text for i in window.briefings.items(mine.id)] == ["joint military exercises"]
    finally:
        window.close()


def test_undo_of_removing_an_annotation_never_overwrites_one_added_meanwhile(services: Services) -> None:
    article = _article(services, "Delhi talks")
    removed = services.annotations.add(article, "entity", 0, 5, "GPE")
    before = services.annotations.remove(removed.id)  # a user-made tag: the row is deleted
    meanwhile = services.annotations.add(article, "entity", 6, 11, "ORG")
    services.changes.undo(ChangeSet("Remove tag", annotations=[(before, None)]))
    rows = {a.id: (a.start, a.end, a.label) for a in services.annotations.for_article(article)}
    assert rows[removed.id] == (0, 5, "GPE")
    assert rows[meanwhile.id] == (6, 11, "ORG")
