"""Desk search benchmark (issue 19): full-text search of a 1,000,000-article library on PostgreSQL.

Run alone: ``.venv/bin/python tests/benchmarks/bench_desk_search.py [ARTICLES]`` (default 1,000,000;
``make bench`` runs it too when PostgreSQL's binaries are installed). It starts a throwaway cluster
(tests/pg_cluster.py), creates the schema through the app (migrations, tsvector + GIN index), and
generates the library inside the server with one INSERT … SELECT over generate_series: article g
gets 60 words drawn from a fixed 155-word vocabulary of desk reporting (word i of article g is
vocabulary[(g·7919 + i·104729) mod 155], so the mix varies from article to article), a title
"Report g" and one of four outlets; every 1,000th article also says "hydrogen corridor" (a rare
phrase). The GIN index is built by the migration's index as rows arrive. Then it times what the
library panel runs: ``search_hits`` (ranked, 200 hits with snippets) for a rare word, a common word,
two words and a prefix being typed; each figure is the median of 5 runs after one warm-up.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

ARTICLES = 1_000_000
TARGET_MS = 100.0
QUERIES = {"rare word": "corridor", "common word": "maritime", "two words": "naval exercises",
           "prefix while typing": "semicond"}

_VOCABULARY = (
    "india united states japan australia europe france indonesia quad minister president officials navy "
    "trade negotiators foreign secretary asean partners discussed reviewed agreed expand welcomed progress "
    "launched signed called committed talks announced funding maritime security indo pacific joint military "
    "exercises semiconductor supply chains free agreement critical emerging technologies clean energy "
    "investment counter terrorism cooperation student mobility diaspora ties vaccine production space cyber "
    "standards defence industrial production malabar naval green projects strategic dialogue summit delhi "
    "washington tokyo canberra paris jakarta border ports shipping tariffs exports imports growth "
    "inflation budget parliament election coalition opposition statement spokesperson embassy visit "
    "delegation memorandum understanding framework roadmap bilateral multilateral regional global climate "
    "finance bank loans infrastructure railway highway airport power grid solar wind nuclear reactor fuel "
    "oil gas pipeline refinery fisheries agriculture food water health hospital education university "
    "research science innovation startup digital payments data privacy satellite launch rocket mission "
    "crew station lunar orbit weather monsoon flood drought relief rescue humanitarian aid"
).split()[:160]
assert "corridor" not in _VOCABULARY and "hydrogen" not in _VOCABULARY  # the rare phrase stays rare


def _generate(url: str, articles: int) -> float:
    """Fill the library inside the server; returns the seconds it took."""
    import psycopg

    from briefing_app.storage.target import server_url

    words = "ARRAY[" + ",".join(f"'{w}'" for w in _VOCABULARY) + "]"
    n = len(_VOCABULARY)
    sql = f"""
        INSERT INTO article (title, outlet, author, url, published, source_path, format, text, text_hash,
                             status, analysis_mode, created_at, updated_at, changed_by, version)
        SELECT 'Report ' || g, (ARRAY['Wire','Herald','Post','Times'])[1 + g % 4], '', '', '2026-01-01', '',
               'txt',
               (SELECT string_agg(({words})[1 + ((g::bigint * 7919 + i * 104729) % {n})::int], ' ')
                  FROM generate_series(1, 60) i)
               || CASE WHEN g % 1000 = 0 THEN ' hydrogen corridor' ELSE '' END,
               md5(g::text), 'new', '', now(), now(), 'bench', 1
        FROM generate_series(1, {articles}) g
    """
    dsn = server_url(url).replace("postgresql+psycopg://", "postgresql://")
    began = time.perf_counter()
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]
        conn.execute("VACUUM ANALYZE article")
    return time.perf_counter() - began


def run(articles: int = ARTICLES) -> list[tuple[str, str]]:
    """Figures: generation time and each query's median search time at ``articles`` articles."""
    from briefing_app.services import Services
    from tests.pg_cluster import Cluster, find_bin_dir

    bin_dir = find_bin_dir()
    if bin_dir is None:
        return [("desk search (PostgreSQL)", "skipped: PostgreSQL binaries not installed")]
    cluster = Cluster(bin_dir).start()
    try:
        url = cluster.create_database("desk_bench")
        Services.open(url).close()  # schema through the app's migrations
        seconds = _generate(url, articles)
        figures = [(f"desk library generated ({articles:,} articles)", f"{seconds:.0f} s")]
        services = Services.open(url)
        try:
            for name, query in QUERIES.items():
                services.articles.search_hits(query)  # warm-up
                times = []
                for _ in range(5):
                    t0 = time.perf_counter()
                    hits = services.articles.search_hits(query)
                    times.append((time.perf_counter() - t0) * 1000)
                median = statistics.median(times)
                figures.append((f"desk search at {articles:,} articles, {name} ({query!r}, {len(hits)} hits)",
                                f"{median:.0f} ms (target < {TARGET_MS:.0f} ms)"))
        finally:
            services.close()
        return figures
    finally:
        cluster.stop()


if __name__ == "__main__":
    for label, value in run(int(sys.argv[1]) if len(sys.argv) > 1 else ARTICLES):
        print(f"{label}: {value}")
