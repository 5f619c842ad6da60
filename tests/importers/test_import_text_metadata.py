"""Metadata written in the text itself, placeholder file properties, and PDF reflow after abbreviations (issue 15)."""

from __future__ import annotations

from pathlib import Path

import docx

from briefing_app.importers import load_document
from briefing_app.importers.pdf_reflow import reflow_lines

BODY = ("India and the United States agreed on Thursday to expand defence cooperation, officials said.\n"
        "The two sides will meet again in February.")


def test_a_source_line_is_the_link_not_the_title(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text("SOURCE: https://www.thehindu.com/news/india-us-ties.ece\n"
                    "India, US agree to expand defence ties\nBy Jane Doe, The Hindu\n"
                    "New Delhi, 14 October 2025: " + BODY, encoding="utf-8")
    doc = load_document(path)
    assert doc.url == "https://www.thehindu.com/news/india-us-ties.ece"
    assert doc.title == "India, US agree to expand defence ties"
    assert doc.author == "Jane Doe" and doc.outlet == "The Hindu"
    assert doc.published == "2025-10-14"
    assert "SOURCE:" not in doc.text and doc.text.startswith("India, US agree")


def test_a_bare_url_first_line_is_the_link(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text("https://example.org/world/india-us-call\n\nLeaders hold a call\n\n" + BODY, encoding="utf-8")
    doc = load_document(path)
    assert (doc.url, doc.title, doc.outlet) == ("https://example.org/world/india-us-call", "Leaders hold a call",
                                                "example.org")


def test_docx_placeholder_title_is_ignored(tmp_path: Path) -> None:
    for placeholder in ("Word Document", "python-docx", "Microsoft Word - draft.docx"):
        document = docx.Document()
        document.core_properties.title = placeholder
        document.add_paragraph("Quad partners launch a ports initiative")
        document.add_paragraph(BODY)
        path = tmp_path / "note.docx"
        document.save(path)
        doc = load_document(path)
        assert doc.title == "Quad partners launch a ports initiative", placeholder
        assert doc.author == ""  # python-docx's default author is no byline


def test_pdf_reflow_keeps_paragraphs_together_after_abbreviations() -> None:
    width = "x" * 60
    lines = [
        f"The agreement was welcomed by Mr. {width[:40]}",
        "Modi and by the ambassador, who spoke of a new chapter for India and the U.S.",
        "defence industries over the coming decade, building on Resolution No.",
        "1540 and the commitments of the previous year in the region.",
        "",
        "A new paragraph starts here.",
    ]
    text = reflow_lines(lines)
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 2, paragraphs
    assert "India and the U.S. defence industries" in paragraphs[0]
    assert "Mr. " in paragraphs[0] and "No. 1540" in paragraphs[0]
