"""Export time of a 100-passage briefing (DESIGN §6 target: under 1 s).

Two figures: the exporter alone (``BriefingDocument`` -> .docx), and the whole
path the GUI and CLI take (stored briefing -> ``BriefingService.document`` ->
.docx) on a temporary database holding 100 passages from 5 articles.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

TARGET_S = 1.0
PASSAGES = 100
REPEATS = 5


def _best(fn, repeats: int = REPEATS) -> float:  # noqa: ANN001
    fn()  # warm-up: imports, template cache
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def _stored_briefing(folder: Path) -> tuple[object, int]:
    from briefing_app.importers.base import ImportedDocument
    from briefing_app.services import Services
    from tests.benchmarks.sample_briefing import PILLARS, make_sample_document

    services = Services.open(folder / "bench.db")
    sample = make_sample_document(PASSAGES)
    article_ids = []
    for n, src in enumerate(sample.sources):
        body = " ".join(i.text for s in sample.sections for i in s.items if i.source_number == src.number)
        doc = ImportedDocument(title=src.title, text=f"{src.title}.\n\n{body} ({n})", source_path="",
                               outlet=src.outlet, published=src.published, url=src.url, format="paste")
        article_ids.append(services.articles.add(doc).id)
    briefing = services.briefings.create(title=sample.title, subject=sample.subject, to=sample.to,
                                         from_=sample.from_, classification=sample.classification,
                                         caveat=sample.caveat)
    services.briefings.update(briefing.id, summary=sample.summary, next_steps=sample.next_steps,
                              assessment=sample.assessment)
    pillar_ids = [p for p, _name in PILLARS]
    for i in range(PASSAGES):
        article_id = article_ids[i % len(article_ids)]
        text = services.articles.get(article_id).text
        start = len(text.split("\n\n")[0]) + 2
        end = min(len(text), start + 160 + (i % 5) * 40)
        services.briefings.add_item(briefing.id, article_id, start, end, pillar_ids[i % len(pillar_ids)],
                                    comment="Consistent with our reporting." if i % 4 == 0 else "")
    return services, briefing.id


def run() -> list[tuple[str, str]]:
    """Figures with their target."""
    from briefing_app.export import export_docx
    from tests.benchmarks.sample_briefing import make_sample_document

    doc = make_sample_document(PASSAGES)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        engine = _best(lambda: export_docx(doc, folder / "engine.docx"))
        services, briefing_id = _stored_briefing(folder)
        try:
            def whole() -> None:
                export_docx(services.briefings.document(briefing_id), folder / "stored.docx")  # type: ignore[attr-defined]

            stored = _best(whole)
            items = len(services.briefings.items(briefing_id))  # type: ignore[attr-defined]
        finally:
            services.close()  # type: ignore[attr-defined]
    verdict = lambda s: "ok" if s < TARGET_S else "OVER TARGET"  # noqa: E731
    return [
        (f"export {PASSAGES}-passage briefing (exporter only)",
         f"{engine * 1000:.0f} ms (target < {TARGET_S * 1000:.0f} ms) {verdict(engine)}"),
        (f"export stored {items}-passage briefing (service+exporter, no actors)",
         f"{stored * 1000:.0f} ms (target < {TARGET_S * 1000:.0f} ms) {verdict(stored)}"),
    ]


if __name__ == "__main__":
    for name, value in run():
        print(f"{name:<58} {value}")
