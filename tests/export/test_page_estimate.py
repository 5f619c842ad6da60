"""The builder's page estimate against LibreOffice's real layout (issue 15): within half a page.

The real length is measured on the PDF: full pages before the last, plus how far down the last page's
body the lowest line of text reaches (pdftotext -bbox), so "1.46" means the text ends about halfway
down page 2. Run with ``-s`` to see the figures.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefing_app.export import BriefingDocument, BriefingItem, BriefingSection, export_docx
from briefing_app.export.docx_writer import build_document
from briefing_app.export.pagination import count_lines, estimate_pages, text_width_pt
from tests.benchmarks.sample_briefing import make_sample_document

from .conftest import require_tools, to_pdf

CM = 72 / 2.54


def real_pages(pdf: Path, top_cm: float = 2.6, bottom_cm: float = 2.4) -> float:
    """Pages the body text of ``pdf`` fills, as a fraction (house template margins)."""
    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', xml, re.S)
    height = float(pages[-1][0])
    top, bottom = top_cm * CM, height - bottom_cm * CM
    lows = [float(y2) for y1, y2 in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', pages[-1][1])
            if float(y1) > top and float(y2) < bottom]
    return len(pages) - 1 + ((max(lows) - top) / (bottom - top) if lows else 0.0)


def _quotes_only(words: int) -> BriefingDocument:
    text = " ".join(["cooperation"] * words) + "."
    return BriefingDocument(title="Long quotes", sections=[BriefingSection(
        "defence", "Defence", [BriefingItem(text, 1) for _ in range(14)])])


@pytest.mark.parametrize("name, doc", [
    ("short", make_sample_document(3)),
    ("two pages", make_sample_document(8)),
    ("three pages", make_sample_document(20)),
    ("long quotes", _quotes_only(60)),
])
def test_estimate_is_within_half_a_page_of_libreoffice(name: str, doc: BriefingDocument, tmp_path: Path) -> None:
    require_tools("soffice", "pdftotext")
    document, _ = build_document(doc)
    estimate = estimate_pages(document)
    pdf = to_pdf(export_docx(doc, tmp_path / "note.docx"), tmp_path)
    real = real_pages(pdf)
    print(f"{name}: estimated {estimate:.2f} pages, LibreOffice {real:.2f}")
    assert abs(estimate - real) <= 0.5


def test_lines_are_broken_with_the_fonts_widths() -> None:
    from briefing_app.export.pagination import _Format

    fmt = _Format(size=11)
    assert text_width_pt("iiii", 11) < text_width_pt("MMMM", 11)  # proportional, not a character count
    assert count_lines("word " * 10, [], fmt, 400) == 1
    assert count_lines("word " * 100, [], fmt, 400) > 5
