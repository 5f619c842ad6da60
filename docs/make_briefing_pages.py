"""Build a realistic two-article briefing through the services, export it, and render its pages.

Run from the repository root (needs LibreOffice and poppler-utils):

    .venv/bin/python docs/make_briefing_pages.py [OUT_DIR]

It imports ``briefing_app/resources/sample_article.txt`` and the shared India–US sample (tests/data/samples),
analyses both, fills in the header, summary, assessment and next steps as an
officer would, auto-drafts the passages to the two-page budget, trims one quote
with "[…]", paraphrases another, comments on a few, exports ``briefing-example.docx`` and writes
``docs/briefing-export-page1.png`` and ``-page2.png`` (70 dpi).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from briefing_app.services import Services  # noqa: E402
from briefing_app.services.analysis import AnalysisService  # noqa: E402
from briefing_app.services.briefings import DraftOptions  # noqa: E402
from briefing_app.export import export_docx  # noqa: E402
from briefing_app.importers import load_document  # noqa: E402
from briefing_app.nlp.analyzer import create_analyzer  # noqa: E402
from briefing_app.resources import resource_path  # noqa: E402

ARTICLES = [
    (resource_path("sample_article.txt"),
     dict(outlet="Sample Wire", published="2026-10-14", url="https://example.org/news/india-australia-call")),
    (REPO / "tests" / "data" / "samples" / "india-us-leaders-call.txt",
     dict(title="Modi and Trump review India–US Comprehensive Global Strategic Partnership",
          outlet="Sample Daily", published="2026-11-27",
          url="https://example.org/world/india-us-leaders-call")),
]

COMMENTS = {
    "defence": "Matches our reporting on AUSINDEX; reciprocal logistics access is the practical gain.",
    "trade": "CECA by year-end is ambitious; officials privately expect slippage into next year.",
    "security": "Language on a rules-based order is standard; note the explicit maritime framing.",
}


def build(workdir: Path) -> Path:
    """Create the database, the briefing and the .docx in ``workdir``; return the .docx path."""
    services = Services.open(workdir / "example.db")
    analysis = AnalysisService(services.db, create_analyzer())
    ids = []
    for path, meta in ARTICLES:
        article = services.articles.add(load_document(path))
        assert article.id is not None
        services.articles.update_metadata(article.id, **meta)
        analysis.analyze_article(article.id)
        ids.append(article.id)
    svc = services.briefings
    briefing = svc.create(title="Briefing note")
    assert briefing.id is not None
    svc.update(
        briefing.id,
        title="India: leaders' calls with Australia and the United States",
        subject="Read-out of Prime Minister Modi's calls with Prime Minister Albanese and President Trump",
        to="Director, South Asia and Indo-Pacific",
        from_="Desk Officer, India Team",
        date="2026-11-28",
        reference="IND/2026/117",
        classification="OFFICIAL",
        caveat="SENSITIVE",
        summary=[
            "Both calls reaffirmed leader-level commitment: India is using them to show momentum with "
            "two Quad partners ahead of the Annual Summit in Canberra.",
            "Defence co-operation is the common thread: naval exercises and logistics with Australia, "
            "interoperability under COMPACT with the United States.",
            "Trade is the test: a CECA with Australia by year-end and lower barriers with the US are "
            "promised, but neither has a firm date.",
            "Health, education and mobility featured only in the Australian call; energy and "
            "technology in both.",
        ],
        assessment=(
            "Neither call produced new commitments; their value is in the signal. New Delhi is "
            "presenting a steady partnership agenda with both capitals despite friction over tariffs "
            "with Washington.\n\n"
            "The defence and maritime strands are the most likely to deliver in the next six months; "
            "trade outcomes will depend on domestic politics in all three countries."
        ),
        next_steps=[
            "Update lines to take for the Minister before the Annual Summit.",
            "Seek the Australian read-out of the logistics arrangements.",
            "Commission a short note on COMPACT milestones for the next ministerial dialogue.",
        ],
    )
    # The header first, then the passages: Auto-draft fills what is left of the two-page budget.
    svc.fill_draft(briefing.id, ids, DraftOptions(per_pillar=2))
    items = svc.items(briefing.id)
    longest = max(items, key=lambda i: len(i.text))
    words = longest.text.split(" ")
    # Keep the opening clause whole (never cut inside a name), then the closing words.
    comma = longest.text.find(", ")
    cut_from = comma + 1 if comma > 0 else len(" ".join(words[:6])) + 1
    cut_to = len(longest.text) - len(" ".join(words[-8:]))
    svc.trim_item(longest.id or 0, [(0, cut_from), (cut_to, len(longest.text))])
    for item in items:
        comment = COMMENTS.pop(item.pillar_id, "")
        if comment and item.id != longest.id:
            svc.update_item(item.id or 0, comment=comment)
    people = next((i for i in items if i.pillar_id == "people" and i.id != longest.id), None)
    if people is not None:  # a paraphrase: the officer's words, no quotation marks, citation kept
        svc.update_item(people.id or 0, paraphrase="Both Prime Ministers welcomed the number of Indian students "
                                                   "in Australia and the easier visas for graduates.")
    # Comments lengthen the note: drop the weakest passages again until the estimate fits the budget.
    while svc.estimate_pages(briefing.id) > 2.0:
        spare = [i for i in svc.items(briefing.id) if i.id != longest.id and not i.comment and not i.paraphrase]
        if not spare:
            break
        svc.remove_item(spare[-1].id or 0)
    print(f"estimated {svc.estimate_pages(briefing.id):.2f} pages")
    document = svc.document(briefing.id)
    services.close()
    return export_docx(document, workdir / "briefing-example.docx")


def render(note: Path, out_dir: Path) -> list[Path]:
    """PDF via LibreOffice, then every page as PNG (70 dpi); the first two go to ``out_dir``."""
    folder = note.parent
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'lo'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(note)],
                   check=True, capture_output=True, timeout=180)
    pdf = note.with_suffix(".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(pdf), str(folder / "page")], check=True, timeout=120)
    pages = sorted(folder.glob("page-*.png"))
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for n, page in enumerate(pages[:2], start=1):
        target = out_dir / f"briefing-export-page{n}.png"
        target.write_bytes(page.read_bytes())
        written.append(target)
    print(f"{len(pages)} pages rendered in {folder}")
    return written


def main() -> int:
    """Build, export and render."""
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs"
    workdir = Path(tempfile.mkdtemp(prefix="briefing-example-"))
    note = build(workdir)
    for path in render(note, out_dir):
        print(f"wrote {path}")
    print(f"note: {note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
