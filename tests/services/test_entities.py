"""services/entities.py: display names come from domain.identity; rename, merge and split stay undoable."""

from __future__ import annotations

from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan
from briefing_app.services import Services
from briefing_app.services.entities import EntityService

TEXT = "Modi spoke. Narendra Modi then met Albanese. Modi left."


def _spans() -> list[EntitySpan]:
    out = []
    for phrase in ("Modi", "Narendra Modi", "Albanese"):
        start = TEXT.index(phrase)
        out.append(EntitySpan(start, start + len(phrase), "PERSON", phrase, "model",
                              "PERSON:narendra modi" if "Modi" in phrase else "PERSON:albanese", 0.9))
    return out


def test_the_fullest_name_shows_until_the_officer_renames_and_undo_restores_it(services: Services) -> None:
    article = services.articles.add(ImportedDocument(title="Talks", text=TEXT, source_path=""))
    assert article.id is not None
    services.articles.save_analysis(article.id, AnalysisResult(text=TEXT, entities=_spans()))
    entities = EntityService(services.db)
    assert entities.display_name("PERSON:narendra modi") == "Narendra Modi"
    changes = entities.rename("PERSON:narendra modi", "PM Modi")
    assert entities.display_name("PERSON:narendra modi") == "PM Modi"
    assert "Narendra Modi" in entities.canonical("PERSON:narendra modi").aliases  # type: ignore[union-attr]
    services.changes.undo(changes)
    assert entities.canonical("PERSON:narendra modi") is None
    assert entities.display_name("PERSON:narendra modi") == "Narendra Modi"
