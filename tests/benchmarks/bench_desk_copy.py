"""Take a copy / Bring back benchmark (issue 19, offline laptops), on an SQLite library.

Run alone: ``.venv/bin/python tests/benchmarks/bench_desk_copy.py [ARTICLES]`` (default 2,000).
Generates ARTICLES articles of 400 words (a fixed 13-word vocabulary rotated per article) with 20
suggested tags each, takes a copy of everything, accepts every 10th tag in the copy (Core update,
as the bulk accept does), then times the preview, the bring-back and bringing the same file back
again. Prints one line of figures (seconds); no threshold.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import insert, select, update  # noqa: E402

from briefing_app.domain.models import Annotation, Article  # noqa: E402
from briefing_app.services import Services  # noqa: E402
from briefing_app.services.changes import table_of  # noqa: E402
from briefing_app.services.desk_copy import bring_back, preview_bring_back, take_copy  # noqa: E402

WORDS = "officials discussed port access in colombo with ranil wickremesinghe and the navy".split()


def main(n_articles: int = 2000) -> str:
    folder = Path(tempfile.mkdtemp())
    desk = Services.open(folder / "desk.db", officer="Bram")
    articles, tags = table_of(Article), table_of(Annotation)
    with desk.db.engine.begin() as c:
        c.execute(insert(articles), [{"title": f"A{i}", "text_hash": f"h{i}", "status": "new",
                                      "text": " ".join(WORDS[(i + j) % len(WORDS)] for j in range(400)) + f" {i}"}
                                     for i in range(n_articles)])
        ids = [r[0] for r in c.execute(select(articles.c.id))]
        c.execute(insert(tags), [{"article_id": a, "kind": "entity", "start": k * 10, "end": k * 10 + 6,
                                  "label": "GPE", "text": "colomb", "origin": "model", "status": "suggested"}
                                 for a in ids for k in range(20)])
    out = folder / "laptop.sqlite"
    t = time.perf_counter()
    rows = take_copy(desk.db, out)
    t_copy = time.perf_counter() - t
    laptop = Services.open(out, officer="Asha")
    with laptop.db.engine.begin() as c:
        c.execute(update(tags).where(tags.c.id % 10 == 0).values(status="accepted", version=tags.c.version + 1))
    laptop.close()
    t = time.perf_counter()
    preview_bring_back(desk.db, out)
    t_preview = time.perf_counter() - t
    t = time.perf_counter()
    report = bring_back(desk.db, out)
    t_back = time.perf_counter() - t
    t = time.perf_counter()
    again = bring_back(desk.db, out)
    t_again = time.perf_counter() - t
    desk.close()
    return (f"{n_articles} articles, {rows} rows: take a copy {t_copy:.1f} s; preview {t_preview:.1f} s; "
            f"bring back {report.updated} edits {t_back:.1f} s; the same file again ({again.updated} edits) "
            f"{t_again:.1f} s")


if __name__ == "__main__":
    print(main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))
