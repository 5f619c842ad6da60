"""ArticleService library features: filters, counts, search with hit spans, batch import, delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import select

from briefing_app.domain.models import Annotation
from briefing_app.importers import from_paste
from briefing_app.services import DuplicateArticle, Services
from briefing_app.services.articles import LibraryFilter, parse_snippet

MARITIME = "India and Japan discussed maritime security in the Indo-Pacific with Prime Minister Modi."
TRADE = "Trade ministers reviewed semiconductor supply chains and the free trade agreement."
ENERGY = "Officials launched green hydrogen projects and clean energy investment."


def _add(services: Services, body: str, title: str, published: str = "", status: str = "new") -> int:
    article = services.articles.add(from_paste(body, title=title, published=published))
    assert article.id is not None
    if status != "new":
        services.articles.set_status(article.id, status)
    return article.id


def _annotate(services: Services, article_id: int, body: str, phrase: str, label: str, entity_id: str = "",
              kind: str = "entity", status: str = "suggested") -> None:
    start = body.index(phrase)
    with services.db.session() as session:
        session.add(Annotation(article_id=article_id, kind=kind, start=start, end=start + len(phrase), label=label,
                               text=phrase, entity_id=entity_id, status=status))
        session.commit()


@pytest.fixture
def library(services: Services) -> dict[str, int]:
    ids = {
        "maritime": _add(services, MARITIME, "Maritime talks", "2024-05-02", "reviewed"),
        "trade": _add(services, TRADE, "Trade review", "2025-01-15", "in_review"),
        "energy": _add(services, ENERGY, "Energy projects"),
    }
    _annotate(services, ids["maritime"], MARITIME, "Modi", "PERSON", "PERSON:narendra modi")
    _annotate(services, ids["maritime"], MARITIME, "Japan", "GPE", "GPE:japan", status="accepted")
    _annotate(services, ids["maritime"], MARITIME, "India", "GPE", "GPE:india", status="rejected")
    _annotate(services, ids["maritime"], MARITIME, MARITIME, "security", kind="pillar")
    _annotate(services, ids["maritime"], MARITIME, MARITIME, "defence", kind="pillar", status="accepted")
    _annotate(services, ids["trade"], TRADE, TRADE, "trade", kind="pillar")
    _annotate(services, ids["trade"], TRADE, "free trade agreement", "LAW", "LAW:free trade agreement")
    return ids


def _ids(services: Services, **filters: str) -> set[int]:
    return {s.id for s in services.articles.list_summaries(LibraryFilter(**filters))}


def test_counts_leave_rejected_tags_out_and_count_open_suggestions(services: Services,
                                                                   library: dict[str, int]) -> None:
    rows = {r.id: r for r in services.articles.list_summaries()}
    maritime = rows[library["maritime"]]
    # Two suggestions are still undecided, but the article is marked reviewed: none is open (the one
    # rule of services/open_suggestions, shared by the library, the review bar and the panels).
    assert (maritime.entity_count, maritime.pillar_count, maritime.open_suggestions) == (2, 2, 0)
    assert rows[library["trade"]].open_suggestions == 2
    assert maritime.pillars == ("defence", "security")
    assert rows[library["energy"]].entity_count == 0 and rows[library["energy"]].pillars == ()
    # Newest first without a search.
    assert [r.id for r in services.articles.list_summaries()] == [library["energy"], library["trade"],
                                                                  library["maritime"]]


def test_filters_by_pillar_entity_date_and_status(services: Services, library: dict[str, int]) -> None:
    assert _ids(services, pillar="trade") == {library["trade"]}
    assert _ids(services, pillar="security") == {library["maritime"]}
    assert _ids(services, entity="PERSON:narendra modi") == {library["maritime"]}
    assert _ids(services, entity="modi") == {library["maritime"]}, "a typed name matches case-insensitively"
    assert _ids(services, entity="India") == set(), "a rejected mention does not count"
    assert _ids(services, date_from="2025-01-01") == {library["trade"]}
    assert _ids(services, date_from="2024-01-01", date_to="2024-12-31") == {library["maritime"]}
    assert _ids(services, status="in_review") == {library["trade"]}
    assert _ids(services, status="reviewed", pillar="trade") == set()
    assert _ids(services, query="semiconductor", status="in_review") == {library["trade"]}
    assert _ids(services, query="semiconductor", status="new") == set()


def test_search_ranks_and_returns_hit_spans_in_plain_snippets(services: Services,
                                                              library: dict[str, int]) -> None:
    rows = services.articles.list_summaries(LibraryFilter(query="maritime secur"))
    assert [r.id for r in rows] == [library["maritime"]]
    snippet, hits = rows[0].snippet, rows[0].hits
    assert [snippet[s:e] for s, e in hits] == ["maritime", "security"], "the last word is a prefix"
    assert "\x02" not in snippet and "\x03" not in snippet
    hits_only = services.articles.search_hits("hydrogen")
    assert [h.article_id for h in hits_only] == [library["energy"]]
    assert services.articles.search("hydrogen")[0][1].count("[[hydrogen]]") == 1
    # FTS syntax typed by the officer is taken literally, never as a query language.
    assert services.articles.list_summaries(LibraryFilter(query='"AND OR NEAR( *')) == []
    assert services.articles.list_summaries(LibraryFilter(query="!!!")) == []


def test_parse_snippet_handles_adjacent_and_unclosed_markers() -> None:
    assert parse_snippet("a \x02b\x03\x02c\x03 d") == ("a bc d", ((2, 3), (3, 4)))
    assert parse_snippet("\x02x") == ("x", ())


def test_search_follows_metadata_edits_and_deletion(services: Services, library: dict[str, int]) -> None:
    services.articles.update_metadata(library["energy"], title="Hydrogen corridor")
    assert _ids(services, query="corridor") == {library["energy"]}
    services.articles.delete(library["energy"])
    assert _ids(services, query="corridor") == set()
    assert _ids(services, query="hydrogen") == set()


def test_delete_many_removes_annotations_too(services: Services, library: dict[str, int]) -> None:
    assert services.articles.delete_many([library["maritime"], library["trade"]]) == 2
    with services.db.session() as session:
        left = session.exec(select(Annotation)).all()
    assert left == []
    assert services.articles.count() == 1
    assert services.articles.search_hits("maritime") == [] or all(
        h.article_id not in (library["maritime"], library["trade"]) for h in services.articles.search_hits("maritime"))
    if services.db.engine.dialect.name == "sqlite":  # the FTS5 index agrees with the table
        with services.db.engine.connect() as conn:
            integrity = conn.execute(text("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')"))
            assert integrity is not None


def test_entity_choices_use_the_most_frequent_name(services: Services, library: dict[str, int]) -> None:
    _annotate(services, library["energy"], ENERGY, "Officials", "PERSON", "PERSON:narendra modi")
    choices = {c.key: c for c in services.articles.entity_choices()}
    assert choices["PERSON:narendra modi"].articles == 2
    assert "GPE:india" not in choices, "rejected mentions are not offered"
    assert services.articles.entity_choices(labels=["LAW"])[0].name == "free trade agreement"
    assert services.articles.entity_choices(labels=[]) == []


def test_import_files_reports_each_file_and_stores_nothing_partial(services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("First readout\n\n" + MARITIME, encoding="utf-8")
    (folder / "sub" / "b.html").write_text(
        "<html><head><title>Trade review</title></head><body><nav>Home | World</nav>"
        f"<article><h1>Trade review</h1><p>{TRADE}</p><p>{ENERGY}</p></article></body></html>", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"this is not a zip file at all")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    seen: list[tuple[int, int, str]] = []
    outcomes = services.articles.import_files([folder], progress=lambda d, t, n: seen.append((d, t, n)))
    by_name = {o.name: o for o in outcomes}
    assert by_name["a.txt"].status == "imported"
    assert by_name["b.html"].status == "imported" and by_name["b.html"].title == "Trade review"
    for bad in ("broken.docx", "empty.txt", "binary.txt"):
        assert by_name[bad].status == "failed", by_name[bad]
        assert bad in by_name[bad].message
    assert services.articles.count() == 2
    assert seen[-1] == (5, 5, "") and seen[0][1] == 5

    before = {(r.id, r.title) for r in services.articles.list_summaries()}
    again = services.articles.import_files([folder / "a.txt", folder / "sub"])
    assert [o.status for o in again] == ["duplicate", "duplicate"]
    assert "Already in the library" in again[0].message
    assert {(r.id, r.title) for r in services.articles.list_summaries()} == before


def test_import_files_stops_when_cancelled(services: Services, tmp_path: Path) -> None:
    for number in range(3):
        (tmp_path / f"{number}.txt").write_text(f"Readout {number}\n\n{MARITIME} {number}", encoding="utf-8")
    stopped: list[bool] = []

    def progress(done: int, _total: int, _name: str) -> None:
        if done == 1:  # Stop pressed once the first file is in
            stopped.append(True)

    outcomes = services.articles.import_files([tmp_path], progress=progress, cancel=lambda: bool(stopped))
    assert [o.status for o in outcomes] == ["imported", "skipped", "skipped"]
    assert services.articles.count() == 1


def test_pasted_duplicate_is_refused(services: Services) -> None:
    services.articles.add(from_paste(MARITIME, title="One"))
    with pytest.raises(DuplicateArticle):
        services.articles.add(from_paste("  " + MARITIME + "\r\n", title="Other title"))


def test_search_of_a_common_word_ranks_the_newest_articles_and_a_rare_word_every_match(
        services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk library (issue 19): a word found in a full page of the newest articles is ranked among
    them; otherwise every match is ranked. On SQLite every match is ranked always."""
    import briefing_app.storage.fulltext as fulltext

    monkeypatch.setattr(fulltext, "RECENT_WINDOW", 4)
    # The old reports say "maritime" most often: ranking every match would put them first.
    old = [_add(services, f"Report {i}: the corridor talks covered maritime patrols, maritime law and "
                          "maritime domain awareness.", f"Old {i}") for i in range(3)]
    new = [_add(services, f"Bulletin {i}: maritime patrols resumed near the strait.", f"New {i}") for i in range(4)]
    common = {h.article_id for h in services.articles.search_hits("maritime", limit=3)}
    rare = {h.article_id for h in services.articles.search_hits("corridor", limit=3)}
    assert rare == set(old)  # fewer than a page among the newest four: every match, the oldest included
    if services.db.engine.dialect.name == "postgresql":
        assert common <= set(new) and len(common) == 3
    else:
        assert len(common) == 3
    panel = services.articles.list_summaries(LibraryFilter(query="corrid"), limit=3)
    assert {s.id for s in panel} == set(old)  # the library panel's search, prefix being typed


def test_two_word_searches_find_the_article_whichever_word_is_common(services: Services) -> None:
    """Both ways of asking PostgreSQL (whole words to the index and the prefix on the rows, or all of
    it to the index) give the same answer; the word statistics exist after ANALYZE."""
    target = _add(services, "The hydrogen corridor will link the maritime ports.", "Target")
    for i in range(12):
        _add(services, f"Maritime patrol report number {i} from the coast guard.", f"Patrol {i}")
    if services.db.engine.dialect.name == "postgresql":
        with services.db.engine.begin() as conn:
            conn.execute(text("ANALYZE article"))
        fts = services.articles._full_text("hydrogen maritim")
        assert fts is not None and fts.params["fts_exact"] == "'hydrogen'"  # the prefix checked on the rows
    for query in ("hydrogen maritim", "maritime hydrog", "maritime hydrogen", "hydrogen"):
        hits = services.articles.search_hits(query)
        assert [h.article_id for h in hits] == [target], query


def test_library_size_is_exact_on_small_libraries_and_estimated_on_huge_desk_ones(
        services: Services, library: dict[str, int], monkeypatch: pytest.MonkeyPatch) -> None:
    import briefing_app.services.articles as articles

    size = services.articles.size()
    assert (size.count, size.exact, size.words()) == (3, True, "3 articles")
    if services.db.engine.dialect.name == "postgresql":
        with services.db.engine.begin() as conn:
            conn.execute(text("ANALYZE article"))
        monkeypatch.setattr(articles, "ESTIMATE_FROM", 2)
        size = services.articles.size()
        assert (size.count, size.exact, size.words()) == (3, False, "about 3 articles")
    assert articles.LibrarySize(1_000_000, exact=False).words() == "about 1,000,000 articles"
    assert articles.LibrarySize(1).words() == "1 article"
