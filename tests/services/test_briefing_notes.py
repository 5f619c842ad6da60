"""A note the minister reads in two minutes (issue 15): budget, trimmed quotes, dates, merged actors."""

from __future__ import annotations

import pytest

from briefing_app.domain.models import Annotation
from briefing_app.export.formatting import item_text
from briefing_app.importers.base import ImportedDocument
from briefing_app.services import Services

OLD = ("WASHINGTON D.C.: President Donald Trump will make his first visit to India in February this year, "
       "the White House said on Thursday. Trump spoke with Prime Minister Narendra Modi about defence "
       "cooperation and trade. Joseph R. Biden, the former Vice President, welcomed the visit.")
NEW = ("Prime Minister Modi met President Biden at the G-7 Summit in Apulia. Modi and Biden agreed to expand "
       "defence industrial cooperation across the Indo-Pacific and to deepen trade ties this year.")


def _article(services: Services, title: str, text: str, published: str) -> int:
    article = services.articles.add(ImportedDocument(title=title, text=text, source_path="", outlet="Wire",
                                                     published=published, format="paste"))
    assert article.id is not None
    return article.id


def _entity(services: Services, article_id: int, text: str, phrase: str, label: str, role: str = "",
            nth: int = 0) -> None:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    services.annotations.add(article_id, "entity", start, start + len(phrase), label, role=role)


@pytest.fixture
def articles(services: Services) -> tuple[int, int]:
    old = _article(services, "Trump to visit India", OLD, "2020-01-17")
    new = _article(services, "Leaders meet at the G-7", NEW, "2024-06-14")
    _entity(services, old, OLD, "Donald Trump", "PERSON", "President")
    _entity(services, old, OLD, "Trump", "PERSON", nth=1)
    _entity(services, old, OLD, "Narendra Modi", "PERSON", "Prime Minister")
    _entity(services, old, OLD, "Joseph R. Biden", "PERSON", "Vice President")
    _entity(services, new, NEW, "Modi", "PERSON", "Prime Minister")
    _entity(services, new, NEW, "Biden", "PERSON", "President")
    _entity(services, new, NEW, "Modi", "PERSON", nth=1)
    _entity(services, new, NEW, "Biden", "PERSON", nth=1)
    _entity(services, new, NEW, "G-7 Summit", "EVENT")
    return old, new


def test_key_actors_merge_aliases_across_articles_and_date_old_roles(services: Services,
                                                                      articles: tuple[int, int]) -> None:
    briefing = services.briefings.create(title="Note", date="2026-12-01")
    assert briefing.id is not None
    old, new = articles
    services.briefings.add_item(briefing.id, old, 0, OLD.index(" Trump spoke") , "diplomacy")
    services.briefings.add_item(briefing.id, new, 0, len(NEW), "defence")
    actors = services.briefings.document(briefing.id).actors
    names = [a.name for a in actors]
    assert len(names) == len(set(names))
    assert sum("Modi" in n for n in names) == 1 and sum("Biden" in n for n in names) == 1
    modi = next(a for a in actors if "Modi" in a.name)
    assert modi.mentions == 3 and modi.articles == 2
    assert modi.role == "Prime Minister (2024)"  # from the newest article, dated: it predates the note
    trump = next(a for a in actors if "Trump" in a.name)
    assert trump.role == "President (2020)"
    assert [a.type for a in actors if "G-7" in a.name or "G7" in a.name] == ["Event"]  # a summit is an event
    # the officer edits a role and removes a row; both are kept with the briefing
    services.briefings.edit_actor(briefing.id, modi.key, role="Prime Minister of India")
    services.briefings.edit_actor(briefing.id, trump.key, removed=True)
    edited = {a.name: a.role for a in services.briefings.document(briefing.id).actors}
    assert edited[modi.name] == "Prime Minister of India" and trump.name not in edited
    # a rename in the Entities panel is the name the table prints
    services.entities.rename(modi.key, "Shri Narendra Modi")
    renamed = [a.name for a in services.briefings.document(briefing.id).actors]
    assert "Shri Narendra Modi" in renamed and sum("Modi" in n for n in renamed) == 1


def test_quotes_skip_datelines_trim_with_ellipsis_paraphrase_and_resolve_dates(
        services: Services, articles: tuple[int, int]) -> None:
    old, _new = articles
    briefing = services.briefings.create(title="Note", date="2026-12-01")
    assert briefing.id is not None
    first = services.briefings.add_item(briefing.id, old, 0, OLD.index(" Trump spoke"), "defence")
    assert first.text.startswith("President Donald Trump")  # the dateline is not quoted
    second = services.briefings.add_item(briefing.id, old, OLD.index("Trump spoke"), OLD.index(" Joseph"), "security")
    item = services.briefings.document(briefing.id).sections[0].items[0]
    assert item.text.endswith("in February this year [2020], the White House said on Thursday [16 January 2020].")
    keep = [(0, first.text.index(" will")), (first.text.index("in February"), len(first.text))]
    services.briefings.trim_item(first.id or 0, keep)
    services.briefings.update_item(second.id or 0, paraphrase="The two leaders discussed defence and trade.")
    sections = services.briefings.document(briefing.id).sections
    trimmed = sections[0].items[0]
    assert trimmed.kind == "trimmed" and trimmed.original == first.text
    assert item_text(trimmed) == "“President Donald Trump […] in February this year [2020], the White House said " \
                                 "on Thursday [16 January 2020].”"
    paraphrase = sections[1].items[0]
    assert item_text(paraphrase) == "The two leaders discussed defence and trade."  # no quotation marks
    assert paraphrase.source_number == 1


def test_newest_first_orders_each_section_by_source_date(services: Services, articles: tuple[int, int]) -> None:
    old, new = articles
    briefing = services.briefings.create(title="Note")
    assert briefing.id is not None
    services.briefings.add_item(briefing.id, old, 0, OLD.index(" Trump spoke"), "defence")
    services.briefings.add_item(briefing.id, new, 0, len(NEW), "defence")
    dates = [i.published for i in services.briefings.document(briefing.id).sections[0].items]
    assert dates == ["2020-01-17", "2024-06-14"]
    services.briefings.update(briefing.id, newest_first=True)
    dates = [i.published for i in services.briefings.document(briefing.id).sections[0].items]
    assert dates == ["2024-06-14", "2020-01-17"]


def test_auto_draft_fills_to_the_budget_with_every_article_represented(services: Services) -> None:
    sentence = ("The {n} delegation of article {a} agreed to deepen defence and maritime security cooperation "
                "with joint patrols and new industrial partnerships.")
    ids = []
    for a in range(4):
        text = " ".join(sentence.format(n=n, a=a) for n in range(12))
        article_id = _article(services, f"Article {a}", text, f"2026-0{a + 1}-10")
        ids.append(article_id)
        start = 0
        for n in range(12):
            end = text.index(".", start) + 1
            ann = services.annotations.add(article_id, "pillar", start, end - 1, "defence" if n % 2 else "security")
            with services.db.session() as session:  # model suggestions: the first article's are the strongest
                row = session.get(Annotation, ann.id)
                assert row is not None
                row.status, row.confidence = "suggested", 0.9 if a == 0 else 0.5
                session.add(row)
                session.commit()
            start = end + 1
    briefing = services.briefings.create(title="Two pages")
    assert briefing.id is not None and services.briefings.get(briefing.id).page_budget == 2.0  # type: ignore[union-attr]
    placed = services.briefings.fill_draft(briefing.id, ids)
    items = services.briefings.items(briefing.id)
    assert placed == len(items) > 4
    assert {i.article_id for i in items} == set(ids)  # the weak articles are represented too
    assert services.briefings.estimate_pages(briefing.id) <= 2.0
    services.briefings.update(briefing.id, page_budget=1)
    assert services.briefings.fill_draft(briefing.id, ids) < placed
    assert services.briefings.estimate_pages(briefing.id) <= 1.0


def _suggest(services: Services, article_id: int, text: str, sentence: str, pillar: str, confidence: float,
             status: str = "suggested") -> None:
    start = text.index(sentence)
    ann = services.annotations.add(article_id, "pillar", start, start + len(sentence), pillar)
    with services.db.session() as session:
        row = session.get(Annotation, ann.id)
        assert row is not None
        row.status, row.confidence = status, confidence
        session.add(row)
        session.commit()


def test_auto_draft_files_a_sentence_with_a_topic_under_the_topic_not_the_engagement(services: Services) -> None:
    talks = "Prime Minister Modi spoke with President Trump about joint exercises and defence co-production."
    call = "The two leaders held a warm telephone conversation and agreed to stay in close touch."
    chosen = "The ministers also discussed trade, but both sides agreed to keep talking through their envoys."
    text = f"{talks} {call} {chosen}"
    article_id = _article(services, "Leaders' call", text, "2026-02-10")
    # the engagement is surer than the topic: the sentence is still about defence
    _suggest(services, article_id, text, talks, "diplomacy", 0.98)
    _suggest(services, article_id, text, talks, "defence", 0.90)
    _suggest(services, article_id, text, call, "diplomacy", 0.95)  # engagement alone: diplomacy
    # the officer accepted only the engagement: their choice stands
    _suggest(services, article_id, text, chosen, "diplomacy", 0.80, status="accepted")
    _suggest(services, article_id, text, chosen, "trade", 0.90)
    placed = {c.text: c.pillar_id for c in services.briefings.draft_candidates([article_id])}
    assert placed == {talks: "defence", call: "diplomacy", chosen: "diplomacy"}
