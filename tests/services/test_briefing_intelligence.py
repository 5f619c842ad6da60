"""Key points, timeline and what's new over small libraries; every line cites its passage."""

from __future__ import annotations

import pytest

from briefing_app.importers.base import ImportedDocument
from briefing_app.nlp.analyzer import create_analyzer
from briefing_app.services import Services
from briefing_app.services.intelligence import IntelligenceService

EARLIER = (
    "India and Japan review their partnership\n"
    "Prime Minister Narendra Modi and Prime Minister Shigeru Ishiba held talks in Tokyo on Friday. "
    "The two leaders set a bilateral trade target of $200 bn by 2030. "
    "India and Japan agreed to expand defence exercises in the Indian Ocean."
)
LATER = (
    "India and Japan raise their trade target\n"
    "Prime Minister Narendra Modi spoke with Prime Minister Shigeru Ishiba by phone on Monday. "
    "The two leaders raised the bilateral trade target to $500 bn by 2030. "
    "India and Japan signed a semiconductor supply chain agreement in New Delhi. "
    "Ishiba will visit New Delhi in March for the annual summit."
)
OTHER_OUTLET = (
    "Modi and Ishiba talk trade\n"
    "The two leaders raised the bilateral trade target to $500 bn by 2030, officials said. "
    "Japan will provide a loan of $2 billion for the high-speed rail project in Gujarat."
)


def _add(services: Services, text: str, published: str, outlet: str) -> int:
    article = services.articles.add(ImportedDocument(title=text.split("\n")[0], text=text, source_path="",
                                                     outlet=outlet, published=published, format="paste"))
    assert article.id is not None
    return article.id


@pytest.fixture
def library(services: Services) -> tuple[IntelligenceService, int, int, int]:
    earlier = _add(services, EARLIER, "2026-01-09", "The Hindu")
    later = _add(services, LATER, "2026-02-02", "Nikkei")
    other = _add(services, OTHER_OUTLET, "2026-02-02", "Mint")
    return IntelligenceService(services.db, create_analyzer()), earlier, later, other


def _cited(service: IntelligenceService, article_id: int, start: int, end: int) -> str:
    return service.facts([article_id])[0].text[start:end]


def test_timeline_in_date_order_resolved_against_each_article(library) -> None:
    service, earlier, later, other = library
    events = service.timeline([earlier, later, other])
    dated = [(e.date, e.kind) for e in events]
    assert ("2026-01-09", "meeting") in dated  # "held talks in Tokyo on Friday" of an article dated Fri 9 Jan
    assert ("2026-02-02", "call") in dated  # "spoke ... by phone on Monday", article of Monday 2 Feb
    assert ("2026-03", "visit") in dated  # "will visit New Delhi in March"
    assert [e.date for e in events] == sorted(e.date for e in events)
    for e in events:
        assert e.text in _cited(service, e.citation.article_id, e.citation.start, e.citation.end)


def test_key_points_one_per_pillar_and_near_duplicates_cite_both(library) -> None:
    service, earlier, later, other = library
    points = service.key_points([later, other])
    assert 3 <= len(points) <= 6 or len(points) == len({p.pillar for p in points})
    trade = [p for p in points if "$500 bn" in p.text]
    assert len(trade) == 1, "the same statement from two outlets is one bullet"
    assert {c.article_id for c in trade[0].citations} == {later, other}
    for p in points:
        c = p.citations[0]
        assert _cited(service, c.article_id, c.start, c.end) == p.text


def test_whats_new_finds_new_commitment_changed_figure_and_actors(library) -> None:
    service, earlier, later, other = library
    assert service.earlier_articles([later]) == [earlier]
    items = service.whats_new([later])
    kinds = {(i.kind, i.text) for i in items}
    new_commitments = [i for i in items if i.kind == "commitment"]
    assert any(i.text.startswith("India, Japan: sign a semiconductor supply chain agreement") for i in new_commitments)
    assert not any("defence exercises" in i.text for i in new_commitments)
    figure = [i for i in items if i.kind == "figure-changed"]
    assert len(figure) == 1 and "$200 bn -> $500 bn" in figure[0].text
    assert figure[0].later is not None and figure[0].earlier is not None
    assert _cited(service, later, figure[0].later.start, figure[0].later.end) == "$500 bn"
    assert _cited(service, earlier, figure[0].earlier.start, figure[0].earlier.end) == "$200 bn"
    assert ("topic-appeared", "technology") in kinds or any(k == "topic-appeared" for k, _ in kinds)


def test_nothing_new_against_itself(library) -> None:
    service, earlier, later, other = library
    items = service.whats_new([later], earlier_ids=[later])
    assert items == []
