"""BriefingService: header fields, items, undo snapshots, auto-draft and the export document."""

from __future__ import annotations

import pytest

from briefing_app.importers.base import ImportedDocument
from briefing_app.services import Services
from briefing_app.services.briefings import BriefingService

TEXT_A = (
    "India and the United States agreed to expand joint military exercises next year. "
    "Both sides will deepen trade and investment links and strengthen supply chains. "
    "The leaders also discussed cooperation on semiconductors and artificial intelligence."
)
TEXT_B = (
    "Australia and India signed a new defence logistics agreement on Tuesday in Canberra. "
    "Ministers reviewed progress on the bilateral trade agreement and critical minerals."
)


def _article(services: Services, title: str, text: str, outlet: str, url: str = "") -> int:
    doc = ImportedDocument(title=title, text=text, source_path="", outlet=outlet, published="2026-11-27",
                           url=url, format="paste")
    article = services.articles.add(doc)
    assert article.id is not None
    return article.id


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def two_articles(services: Services) -> tuple[int, int]:
    a = _article(services, "India, US expand ties", TEXT_A, "The Hindu", "https://example.org/a")
    b = _article(services, "Australia–India logistics pact", TEXT_B, "ABC News")
    return a, b


def test_header_fields_are_stored_and_sanitised(services: Services) -> None:
    svc: BriefingService = services.briefings
    briefing = svc.create(title="Note")
    assert briefing.id is not None and briefing.date  # dated today
    svc.update(briefing.id, subject="Trade\x00 talks\x07", classification="SECRET", caveat="UK EYES ONLY",
               summary=["First\x0b point", "Second"], next_steps=["Brief the Minister"], from_="Desk")
    stored = svc.get(briefing.id)
    assert stored is not None
    assert stored.subject == "Trade talks"
    assert stored.summary == ["First point", "Second"]
    assert (stored.classification, stored.caveat, stored.from_) == ("SECRET", "UK EYES ONLY", "Desk")
    with pytest.raises(ValueError):
        svc.update(briefing.id, nonsense="x")


def test_add_item_validates_span_pillar_and_briefing(services: Services, two_articles: tuple[int, int]) -> None:
    svc = services.briefings
    a, _b = two_articles
    briefing = svc.create()
    assert briefing.id is not None
    with pytest.raises(ValueError, match="Select a passage"):
        svc.add_item(briefing.id, a, 10, 5, "defence")
    with pytest.raises(ValueError, match="Select a passage"):
        svc.add_item(briefing.id, a, 0, len(TEXT_A) + 1, "defence")
    with pytest.raises(ValueError, match="Unknown pillar"):
        svc.add_item(briefing.id, a, 0, 10, "astrology")
    with pytest.raises(KeyError):
        svc.add_item(briefing.id + 99, a, 0, 10, "defence")
    item = svc.add_item(briefing.id, a, *_span(TEXT_A, "expand joint military exercises"), "defence",
                        comment="watch")
    assert item.text == "expand joint military exercises" and item.comment == "watch"


def test_snapshot_restore_and_replace_items_keep_ids(services: Services, two_articles: tuple[int, int]) -> None:
    svc = services.briefings
    a, b = two_articles
    briefing = svc.create(title="Undo me")
    assert briefing.id is not None
    first = svc.add_item(briefing.id, a, *_span(TEXT_A, "Both sides will deepen trade"), "trade")
    second = svc.add_item(briefing.id, b, *_span(TEXT_B, "defence logistics agreement"), "defence")
    svc.update(briefing.id, summary=["One"])
    before = svc.all_item_snapshots(briefing.id)

    svc.remove_item(first.id or 0)
    svc.update_item(second.id or 0, comment="changed")
    svc.replace_items(briefing.id, before)
    assert svc.all_item_snapshots(briefing.id) == before

    snapshot = svc.snapshot(briefing.id)
    svc.delete(briefing.id)
    assert svc.get(briefing.id) is None and svc.items(briefing.id) == []
    restored = svc.restore(snapshot)
    assert restored.id == briefing.id and restored.title == "Undo me"
    assert restored.summary == ["One"]
    assert [i.id for i in svc.items(briefing.id)] == [first.id, second.id]


def test_reorder_and_document_follow_taxonomy_and_citation_order(
    services: Services, two_articles: tuple[int, int]
) -> None:
    svc = services.briefings
    a, b = two_articles
    briefing = svc.create(title="Order")
    assert briefing.id is not None
    t1 = svc.add_item(briefing.id, a, *_span(TEXT_A, "Both sides will deepen trade and investment links"), "trade")
    d1 = svc.add_item(briefing.id, b, *_span(TEXT_B, "signed a new defence logistics agreement"), "defence")
    d2 = svc.add_item(briefing.id, a, *_span(TEXT_A, "expand joint military exercises"), "defence")
    # Put d2 before d1 and move t1 into defence at the end.
    svc.reorder(briefing.id, [(d2.id or 0, "defence"), (d1.id or 0, "defence"), (t1.id or 0, "defence")])
    doc = svc.document(briefing.id)
    assert [s.pillar_id for s in doc.sections] == ["defence"]
    texts = [i.text for i in doc.sections[0].items]
    assert texts[0] == "expand joint military exercises" and texts[2].startswith("Both sides")
    # Article a is cited first, so it is [1]; b is [2].
    assert [i.source_number for i in doc.sections[0].items] == [1, 2, 1]
    assert [(s.number, s.outlet) for s in doc.sources] == [(1, "The Hindu"), (2, "ABC News")]
    assert doc.sources[0].url == "https://example.org/a"
    assert svc.source_numbers(briefing.id) == {a: 1, b: 2}

    svc.reorder(briefing.id, [(t1.id or 0, "trade"), (d1.id or 0, "defence"), (d2.id or 0, "defence")])
    doc = svc.document(briefing.id)
    # Sections come in taxonomy order (defence before trade) whatever the stored positions.
    assert [s.pillar_id for s in doc.sections] == ["defence", "trade"]
    assert [(s.number, s.outlet) for s in doc.sources] == [(1, "ABC News"), (2, "The Hindu")]


def test_auto_draft_prefers_reviewed_passages_and_lists_candidates(
    services: Services, two_articles: tuple[int, int]
) -> None:
    a, b = two_articles
    # Pillar passages as the officer reviewed them: user-tagged ones are accepted.
    services.annotations.add(a, "pillar", *_span(TEXT_A, TEXT_A.split(". ")[0]), "defence")
    services.annotations.add(a, "pillar", *_span(TEXT_A, "Both sides will deepen trade and investment links "
                                                         "and strengthen supply chains"), "trade")
    services.annotations.add(b, "pillar", *_span(TEXT_B, "Australia and India signed a new defence logistics "
                                                         "agreement on Tuesday in Canberra"), "defence")
    candidates = services.briefings.candidate_passages([b, a])
    assert [c.article_id for c in candidates] == [b, a, a]  # article order as given, then reading order
    assert {c.pillar_id for c in candidates} == {"defence", "trade"}

    briefing = services.briefings.create_draft([a, b], options=None)
    assert briefing.id is not None
    doc = services.briefings.document(briefing.id)
    assert [s.pillar_id for s in doc.sections] == ["defence", "trade"]
    assert len(doc.sections[0].items) == 2
    with pytest.raises(ValueError):
        services.briefings.create_draft([9999])


def test_key_actors_prefer_people_and_bodies_over_places_named_as_often(services: Services) -> None:
    text = ("Chancellor Scholz met Minister Pistorius in Berlin. Paris and Riyadh were also discussed, "
            "as was NATO. Later Macron called from Paris.")
    article_id = _article(services, "Calls", text, "Wire")
    for phrase, label, role in [("Scholz", "PERSON", "Chancellor"), ("Pistorius", "PERSON", "Minister"),
                                ("Macron", "PERSON", ""), ("NATO", "ORG", ""), ("Berlin", "GPE", ""),
                                ("Riyadh", "GPE", "")]:
        start, end = _span(text, phrase)
        services.annotations.add(article_id, "entity", start, end, label, role=role)
    for occurrence in (text.index("Paris"), text.rindex("Paris")):
        services.annotations.add(article_id, "entity", occurrence, occurrence + 5, "GPE")
    # a table of three keeps the three people named once or twice, not the capital named twice
    actors = services.briefings.key_actors([article_id], limit=3)
    # (named as the entity identity knows them: the gazetteer's full names)
    assert sorted(a.name for a in actors) == ["Boris Pistorius", "Emmanuel Macron", "Olaf Scholz"]
    assert {a.name: a.role for a in actors}["Olaf Scholz"] == "Chancellor"
    # NATO named once outranks Berlin and Riyadh named once
    everyone = [a.name for a in services.briefings.key_actors([article_id], limit=10)]
    assert everyone.index("NATO") < everyone.index("Berlin") and everyone.index("NATO") < everyone.index("Riyadh")
    assert everyone[:3] == sorted(everyone[:3], key=["Boris Pistorius", "Olaf Scholz", "Emmanuel Macron"].index)


def test_auto_draft_skips_unreviewed_headlines_and_table_rows(services: Services) -> None:
    text = ("Germany and India sign green hydrogen partnership for ports and steel\n"
            "Table cell: ISRO | DLR space agency | joint satellite mission planned\n"
            "The two governments agreed to build green hydrogen terminals at Kandla and Hamburg by 2030.")
    article_id = _article(services, "Hydrogen", text, "Wire")
    lines = text.split("\n")
    for line in lines:
        snap = services.annotations.add(article_id, "pillar", *_span(text, line), "energy")
        services.annotations.update(snap.id, status="suggested")
    briefing = services.briefings.create_draft([article_id])
    assert briefing.id is not None
    quoted = [item.text for section in services.briefings.document(briefing.id).sections for item in section.items]
    assert quoted == [lines[2]]
    # an accepted headline is still a headline: the officer adds it by hand if wanted (issue 15)
    headline = services.annotations.for_article(article_id)[0]
    services.annotations.accept([headline.id])
    again = services.briefings.create_draft([article_id])
    assert again.id is not None
    quoted = [item.text for section in services.briefings.document(again.id).sections for item in section.items]
    assert quoted == [lines[2]]
