"""The drafted parts of a note (issue 16) in the Word export, the preview and the page estimate."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
from docx.shared import Emu

from briefing_app.export import BriefingDocument, build_document, export_docx, render_preview_html
from briefing_app.export.model import CitedLine, CommitmentRow, TimelineRow
from briefing_app.export.pagination import estimate_note_pages, estimate_pages
from tests.benchmarks.sample_briefing import make_sample_document

from .conftest import require_tools, to_pdf
from .test_page_estimate import real_pages


def _drafted(doc: BriefingDocument, commitments: int = 4) -> BriefingDocument:
    return replace(
        doc,
        key_points=[CitedLine("India and Japan raised their trade target to $500 billion by 2030.", [1, 2]),
                    CitedLine("The two sides agreed to launch a working group on critical minerals.", [1])],
        new_since=[CitedLine("trade target $200 billion → $500 billion", [1], [3], "figure-changed", True),
                   CitedLine("India, Japan: agreed to launch a joint working group (by March 2027)", [1], [3],
                             "commitment")],
        new_since_date="2026-01-09",
        commitments=[CommitmentRow("India, Japan", "agree", f"launch joint working group number {n} on critical "
                                   "minerals and supply chains", "March 2027", [1, 2]) for n in range(commitments)],
        timeline=[TimelineRow("2 February 2026", "Modi and Ishiba met in Tokyo for the annual summit.", 1),
                  TimelineRow("March 2027", "Deadline for the working group on critical minerals.", 1)],
    )


def test_headings_order_citations_and_the_commitments_table(tmp_path: Path) -> None:
    doc = _drafted(make_sample_document(4))
    out = export_docx(doc, tmp_path / "note.docx")
    note = docx.Document(str(out))
    headings = [p.text for p in note.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Key points", "New since 9 January 2026", "Commitments and deliverables"]
    assert headings.index("Timeline") > headings.index(doc.sections[-1].heading)  # after the pillar sections
    texts = [p.text for p in note.paragraphs]
    assert any(t.endswith("$500 billion by 2030. [1, 2]") for t in texts)
    assert any(t.endswith("Changed figure: trade target $200 billion → $500 billion [1]; earlier [3]")
               for t in texts)
    assert any(t.endswith("(by March 2027) [1]; not in [3]") for t in texts)
    table = next(t for t in note.tables if t.rows[0].cells[0].text == "Who")
    assert [c.text for c in table.rows[0].cells] == ["Who", "Action", "What", "When", "Source"]
    assert [c.text for c in table.rows[1].cells][3:] == ["March 2027", "[1, 2]"]
    section = note.sections[-1]
    body = section.page_width - section.left_margin - section.right_margin
    widths = [c.width for c in table.rows[1].cells]
    assert abs(sum(widths, Emu(0)) - body) < Emu(20000)  # the table fills the text width, no more
    assert widths[2] == max(widths)  # "What" gets the room


def test_the_preview_shows_the_same_parts() -> None:
    html = render_preview_html(_drafted(make_sample_document(2)))
    for text in ("Key points", "New since 9 January 2026", "Commitments and deliverables", "Timeline",
                 "$200 billion → $500 billion", "[1]; earlier [3]"):
        assert text in html


def test_the_page_estimate_counts_the_drafted_parts() -> None:
    plain = make_sample_document(6)
    assert estimate_note_pages(_drafted(plain, 12)) > estimate_note_pages(_drafted(plain, 2)) \
        > estimate_note_pages(plain)


def test_the_estimate_of_a_drafted_note_matches_libreoffice(tmp_path: Path) -> None:
    require_tools("soffice", "pdftotext")
    doc = _drafted(make_sample_document(8), 10)
    document, _ = build_document(doc)
    estimate = estimate_pages(document)
    real = real_pages(to_pdf(export_docx(doc, tmp_path / "note.docx"), tmp_path))
    print(f"drafted note: estimated {estimate:.2f} pages, LibreOffice {real:.2f}")
    assert abs(estimate - real) <= 0.5
