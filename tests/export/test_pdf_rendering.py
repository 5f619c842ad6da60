"""Render an exported note with LibreOffice and check what a reader actually sees."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefing_app.export import BriefingDocument, KeyActor, export_docx
from tests.benchmarks.sample_briefing import make_sample_document
from tests.fonts import require_devanagari_font

from .conftest import pdf_pages, require_tools, to_pdf

MARKING = "OFFICIAL-SENSITIVE – UK EYES ONLY"


@pytest.fixture(scope="module")
def long_doc() -> BriefingDocument:
    """Several pages, with a key-actors table long enough to break across pages."""
    doc = make_sample_document(40)
    doc.actors = doc.actors + [
        KeyActor(f"Official number {i}", "Person", f"Deputy Secretary, Department {i}", 40 - i, 1 + i % 4)
        for i in range(45)
    ]
    return doc


@pytest.fixture(scope="module")
def rendered(long_doc: BriefingDocument, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    require_tools("soffice", "pdftotext")
    folder = tmp_path_factory.mktemp("pdf")
    note = export_docx(long_doc, folder / "long.docx")
    pdf = to_pdf(note, folder)
    return pdf, pdf_pages(pdf)


def test_several_pages(rendered) -> None:
    _, pages = rendered
    assert len(pages) >= 4


def test_marking_in_header_and_footer_of_every_page(rendered) -> None:
    _, pages = rendered
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == MARKING, f"page {number} header"
        assert lines[-1] == MARKING, f"page {number} footer"
        assert f"Page {number} of {len(pages)}" in page


def test_headings_citations_and_sources(rendered, long_doc: BriefingDocument) -> None:
    _, pages = rendered
    text = "\n".join(pages)
    flat = re.sub(r"\s+", " ", text)
    for heading in ["Key points", *(s.heading for s in long_doc.sections),
                    "Assessment", "Next steps", "Key actors", "Sources"]:
        assert re.search(rf"^\s*{re.escape(heading)}\s*$", text, re.M), heading
    order = [flat.index(h) for h in ("Key points", "Defence", "Assessment", "Next steps", "Key actors", "Sources")]
    assert order == sorted(order)
    assert "[1]" in text and "[5]" in text
    assert "[1] The Hindu, “India, US agree to expand defence and trade ties”, 27 November 2026," in flat
    assert "https://www.thehindu.com/news/national/india-us-ties/article1.ece" in flat
    assert "28 November 2026" in flat and "Officer comment:" in flat


def test_devanagari_is_rendered(rendered) -> None:
    require_devanagari_font()
    pdf, pages = rendered
    text = "\n".join(pages)
    assert "भारत" in text and "अमेरिका" in text
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Devanagari" in fonts or "Nirmala" in fonts or "Lohit" in fonts or "FreeSans" in fonts, fonts


def test_actor_table_header_repeats_on_each_page(rendered) -> None:
    _, pages = rendered
    table_pages = [p for p in pages if "Official number" in p]
    assert len(table_pages) >= 2, "table should break across pages for this test"
    for page in table_pages:
        assert re.search(r"Name\s+Type\s+Role / title\s+Mentions\s+Articles", page)
