"""The HTML live preview mirrors the exported note."""

from __future__ import annotations

import re
from html import unescape

from briefing_app.export import BriefingDocument, BriefingItem, BriefingSection, render_preview_html
from briefing_app.export.formatting import outline

TAG = re.compile(r"<[^>]+>")


def _headings(html: str) -> list[str]:
    return [unescape(TAG.sub("", m)) for m in re.findall(r"<h[12]>(.*?)</h[12]>", html, re.S)]


def test_same_headings_in_same_order_as_docx(reopened, sample: BriefingDocument) -> None:
    html = render_preview_html(sample)
    docx_heads = [p.text for p in reopened.paragraphs if p.style.name in ("Title", "Heading 1")]
    assert _headings(html) == docx_heads == outline(sample)


def test_content_present(sample: BriefingDocument) -> None:
    html = render_preview_html(sample)
    text = unescape(TAG.sub("", html))
    assert text.count("OFFICIAL-SENSITIVE – UK EYES ONLY") == 2  # top and bottom
    assert "28 November 2026" in text and "[1]" in text and "Officer comment:" in text
    assert "भारत" in text
    assert '<a href="https://www.thehindu.com/' in html
    assert "Role / title" in text
    # Only the Qt rich-text subset: no CSS layout.
    assert "flex" not in html and "grid" not in html


def test_escapes_markup_and_omits_empty_parts() -> None:
    doc = BriefingDocument(
        title="<b>Title</b> & co",
        sections=[BriefingSection("x", "Empty", []),
                  BriefingSection("y", "Real", [BriefingItem("<script>alert(1)</script>\x00", 1)])],
    )
    html = render_preview_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html and "\x00" not in html
    assert _headings(html) == ["<b>Title</b> & co", "Real"]
