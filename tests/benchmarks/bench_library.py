"""Library benchmark (DESIGN §6): search a 10,000-article library, import throughput.

Fills a temporary database with 10,000 synthetic articles (about 350 words and 30
annotations each, FTS5 index kept by the triggers), then times what the library
panel runs: ranked search with snippets, search combined with filters, and the
unfiltered listing. Import throughput is measured on real files (.txt, .html,
.docx) through the importers and ArticleService.add, one transaction per file.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from briefing_app.domain.text import text_hash
from briefing_app.importers import iter_importable, load_document
from briefing_app.services import Services
from briefing_app.services.articles import LibraryFilter

ARTICLES = 10_000
SEARCH_LIMIT = 200  # what the library panel asks for
TARGET_MS = 50.0

_SUBJECTS = ["India", "The United States", "Japan", "Australia", "The European Union", "France", "Indonesia",
             "The Quad", "Prime Minister Modi", "President Biden", "The defence minister", "Officials",
             "The navy", "Trade negotiators", "The foreign secretary", "ASEAN partners"]
_VERBS = ["discussed", "reviewed", "agreed to expand", "welcomed progress on", "launched", "signed",
          "called for", "committed to", "held talks on", "announced funding for"]
_OBJECTS = ["maritime security in the Indo-Pacific", "joint military exercises", "semiconductor supply chains",
            "a free trade agreement", "critical and emerging technologies", "clean energy investment",
            "counter-terrorism cooperation", "student mobility and diaspora ties", "vaccine production",
            "space cooperation", "cyber security standards", "defence industrial co-production",
            "the Malabar naval exercise", "green hydrogen projects", "a strategic dialogue",
            "artificial intelligence research", "rare earth minerals", "port infrastructure"]
_TAILS = ["during the visit to New Delhi", "at the summit in Tokyo", "in a joint statement",
          "on the sidelines of the G20", "after a phone call on Tuesday", "in Washington this week",
          "ahead of the ministerial meeting", "according to a readout"]
_LABELS = ["PERSON", "ORG", "GPE", "LOC", "DATE", "LAW", "EVENT"]
_PILLARS = ["defence", "security", "trade", "technology", "energy", "health", "people", "diplomacy"]
_QUERIES = ["maritime", "semiconductor supply", "Malabar", "hydrogen projects", "Tokyo summit", "quad",
            "vaccine", "rare earth", "cyber", "zanzibar"]


def _sentence(rng: random.Random) -> str:
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}."


def _article_text(rng: random.Random, number: int) -> str:
    paragraphs = [" ".join(_sentence(rng) for _ in range(6)) for _ in range(5)]
    # A unique token per article keeps every text distinct (duplicates are refused).
    return f"Readout {number}\n\n" + "\n\n".join(paragraphs) + f"\n\nReference BR-{number:05d}."


def fill_library(services: Services, count: int = ARTICLES, seed: int = 7) -> None:
    """Insert ``count`` articles with annotations in bulk (triggers keep FTS5 in sync)."""
    rng = random.Random(seed)
    now = datetime.now(UTC).isoformat(sep=" ")
    with services.db.engine.begin() as conn:
        for number in range(count):
            body = _article_text(rng, number)
            day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            article_id = conn.execute(text(
                "INSERT INTO article (title, outlet, author, url, published, source_path, format, text, "
                "text_hash, status, analysis_mode, created_at, updated_at) VALUES (:title, :outlet, '', '', "
                ":published, '', 'txt', :text, :hash, :status, 'model', :now, :now)"
            ), {"title": f"Readout {number}: {rng.choice(_OBJECTS)}", "outlet": rng.choice(["MEA", "PIB", "Reuters"]),
                "published": day, "text": body, "hash": text_hash(body),
                "status": rng.choice(["new", "in_review", "reviewed"]), "now": now}).lastrowid
            anns = []
            for _ in range(24):
                start = rng.randrange(0, len(body) - 20)
                anns.append({"a": article_id, "kind": "entity", "s": start, "e": start + 8,
                             "label": rng.choice(_LABELS), "text": body[start:start + 8],
                             "eid": f"GPE:{rng.choice(_SUBJECTS).lower()}", "now": now})
            for _ in range(6):
                start = rng.randrange(0, len(body) - 100)
                anns.append({"a": article_id, "kind": "pillar", "s": start, "e": start + 100,
                             "label": rng.choice(_PILLARS), "text": "", "eid": "", "now": now})
            conn.execute(text(
                "INSERT INTO annotation (article_id, kind, start, \"end\", label, text, entity_id, role, origin, "
                "status, confidence, why, original, created_by, created_at, updated_at) VALUES (:a, :kind, :s, "
                ":e, :label, :text, :eid, '', 'model', 'suggested', 1.0, '[]', NULL, 'bench', :now, :now)"
            ), anns)


def _time_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    fn()  # warm the page cache once
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _write_import_files(folder: Path, count: int) -> None:
    import docx

    rng = random.Random(11)
    for number in range(count):
        body = _article_text(rng, 100_000 + number)
        kind = number % 3
        if kind == 0:
            (folder / f"a{number}.txt").write_text(body, encoding="utf-8")
        elif kind == 1:
            paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
            (folder / f"a{number}.html").write_text(
                f"<html><head><title>Readout {number}</title><script>var x=1;</script></head><body>"
                f"<nav><a href='/'>Home</a></nav><article><h1>Readout {number}</h1>{paragraphs}</article>"
                "<footer>Share this</footer></body></html>", encoding="utf-8")
        else:
            document = docx.Document()
            for paragraph in body.split("\n\n"):
                document.add_paragraph(paragraph)
            document.save(str(folder / f"a{number}.docx"))


def run() -> list[tuple[str, str]]:
    """Fill a 10,000-article library and report search time and import throughput."""
    figures: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        services = Services.open(Path(tmp) / "library.db")
        try:
            started = time.perf_counter()
            fill_library(services)
            figures.append((f"fill {ARTICLES:,} articles (bulk, with FTS5 triggers)",
                            f"{time.perf_counter() - started:.1f} s"))
            articles = services.articles
            timings = {q: _time_ms(lambda q=q: articles.list_summaries(LibraryFilter(query=q), limit=SEARCH_LIMIT))
                       for q in _QUERIES}
            worst_query = max(timings, key=lambda q: timings[q])
            figures.append(("search, median over 10 queries (ranked, snippets, counts)",
                            f"{statistics.median(timings.values()):.1f} ms (target < {TARGET_MS:.0f} ms)"))
            figures.append((f"search, slowest query ('{worst_query}')",
                            f"{timings[worst_query]:.1f} ms (target < {TARGET_MS:.0f} ms)"))
            filtered = LibraryFilter(query="maritime", pillar="defence", status="reviewed",
                                     date_from="2023-01-01", date_to="2024-12-31")
            figures.append(("search + pillar, status and date filters",
                            f"{_time_ms(lambda: articles.list_summaries(filtered, limit=SEARCH_LIMIT)):.1f} ms "
                            f"(target < {TARGET_MS:.0f} ms)"))
            figures.append(("search_hits only (FTS5 + snippets, 200 hits)",
                            f"{_time_ms(lambda: articles.search_hits('semiconductor')):.1f} ms"))
            figures.append((f"list all {ARTICLES:,} articles with counts (no search)",
                            f"{_time_ms(lambda: articles.list_summaries(), repeat=3):.0f} ms"))
            figures.append(("entity filter choices",
                            f"{_time_ms(lambda: articles.entity_choices(), repeat=3):.0f} ms"))

            folder = Path(tmp) / "incoming"
            folder.mkdir()
            files = 150
            _write_import_files(folder, files)
            started = time.perf_counter()
            imported = 0
            for path in iter_importable([folder]):
                articles.add(load_document(path))
                imported += 1
            elapsed = time.perf_counter() - started
            figures.append((f"import throughput ({imported} .txt/.html/.docx files into the big library)",
                            f"{imported / elapsed:.1f} articles/s (analysis queued separately)"))
        finally:
            services.close()
    return figures


if __name__ == "__main__":
    for name, value in run():
        print(f"{name:<62} {value}")
