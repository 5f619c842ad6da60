"""domain/identity.py: one entity identity for the analyser, hand tags, the Entities panel and Key actors."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from briefing_app.domain.identity import display_name, entity_key, label_of, labels_compatible, surface_key
from briefing_app.export.docx_writer import export_docx
from briefing_app.export.preview import render_preview_html
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.aliases import assign_entity_ids
from briefing_app.nlp.gazetteer import default_gazetteer
from briefing_app.nlp.types import AnalysisResult, EntitySpan
from briefing_app.services import Services

TEXT = ("The U.S. and India signed a defence pact. The Ministry of External Affairs welcomed it.\n"
        "U.S. officials said the MEA would host the next round.")


def _model_span(text: str, phrase: str, label: str, nth: int = 0) -> EntitySpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return EntitySpan(start, start + len(phrase), label, phrase, "model", "", 0.8)


def _article_with_model_tags(services: Services) -> int:
    """An article whose first "U.S." and "Ministry of External Affairs" the model found (ids as the analyser sets them)."""
    article = services.articles.add(ImportedDocument(title="Pact", text=TEXT, source_path=""))
    assert article.id is not None
    spans = [_model_span(TEXT, "U.S.", "GPE"), _model_span(TEXT, "Ministry of External Affairs", "ORG")]
    assign_entity_ids(spans, default_gazetteer(), frozenset())  # the analyser's own id assignment
    services.articles.save_analysis(article.id, AnalysisResult(text=TEXT, entities=spans))
    return article.id


def _tag_by_hand(services: Services, article_id: int, phrase: str, label: str, nth: int = 0) -> None:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    services.annotations.add_change(article_id, "entity", start, start + len(phrase), label)


def _briefing(services: Services, article_id: int) -> int:
    briefing = services.briefings.create("Pact")
    assert briefing.id is not None
    services.briefings.add_item(briefing.id, article_id, 0, TEXT.index(".") + 1, "defence")
    return briefing.id


def test_keys_ignore_case_dots_dashes_and_the() -> None:
    assert entity_key("GPE", "The U.S.") == entity_key("GPE", "US") == "GPE:us"
    assert surface_key("India\u2013Japan  Forum\u2019s") == "india-japan forum"
    assert label_of("PERSON:narendra modi") == "PERSON"
    assert labels_compatible("GPE", "LOC") and not labels_compatible("PERSON", "ORG")
    assert display_name(None, ["Modi", "Narendra Modi", "Modi"]) == "Narendra Modi"
    assert display_name("PM Modi", ["Narendra Modi"]) == "PM Modi"


def test_a_name_tagged_by_hand_joins_the_models_entity(services: Services) -> None:
    article_id = _article_with_model_tags(services)
    _tag_by_hand(services, article_id, "U.S.", "GPE", nth=1)  # the model missed the second "U.S."
    _tag_by_hand(services, article_id, "MEA", "ORG")  # the gazetteer lists MEA as an alias

    groups = services.entities.groups(article_id)
    by_name = {g.name: g for g in groups}
    assert [g.name for g in groups if g.label == "GPE"] == ["U.S."]  # once, not twice
    assert len(by_name["U.S."].mentions) == 2
    assert [g.name for g in groups if g.label == "ORG"] == ["Ministry of External Affairs"]
    assert sorted(m.text for m in by_name["Ministry of External Affairs"].mentions) == [
        "MEA", "Ministry of External Affairs"]

    actors = services.briefings.key_actors([article_id])
    # one row for both mentions, under the official (gazetteer) name the Key actors table prints (issue 15)
    places = [a for a in actors if a.type == "Place"]
    assert [(a.name, a.mentions) for a in places] == [("United States", 2)]
    assert not any(a.name == "MEA" for a in actors)


def test_a_rename_in_the_entities_panel_reaches_key_actors_in_preview_and_export(
        services: Services, tmp_path: Path) -> None:
    article_id = _article_with_model_tags(services)
    group = next(g for g in services.entities.groups(article_id) if g.label == "GPE")
    services.entities.rename(group.key, "United States of America")
    briefing_id = _briefing(services, article_id)

    doc = services.briefings.document(briefing_id)
    assert "United States of America" in [a.name for a in doc.actors]
    assert "U.S." not in [a.name for a in doc.actors]
    html = render_preview_html(doc)
    assert "United States of America" in html

    out = export_docx(doc, tmp_path / "note.docx")
    cells = [c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells]
    assert "United States of America" in cells
    assert "U.S." not in cells
