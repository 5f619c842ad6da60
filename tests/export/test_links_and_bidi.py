"""Sources in the note: only web and mail addresses become links; bidi overrides never reach titles or link text."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import docx
import pytest

from briefing_app.export import BriefingDocument, SourceRef, export_docx, render_preview_html

HYPERLINK_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
RLO, PDF, RLI, PDI = "\u202e", "\u202c", "\u2067", "\u2069"
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
ARABIC = "وزير الخارجية"  # "foreign minister": real right-to-left text


def _sources(*urls: str) -> BriefingDocument:
    return BriefingDocument(title="Sources", sources=[
        SourceRef(n, f"Outlet {n}", f"Title {n}", "2025-03-12", url) for n, url in enumerate(urls, start=1)])


def _links(path: Path) -> list[str]:
    reopened = docx.Document(str(path))
    return [r.target_ref for r in reopened.part.rels.values() if r.reltype == HYPERLINK_RT]


def test_only_http_https_and_mailto_sources_become_links(tmp_path: Path) -> None:
    doc = _sources("ftp://files.example.org/report.pdf", "https://example.org/a", "mailto:desk@example.org",
                   "file:///etc/passwd", "http://example.org/b")
    assert _links(export_docx(doc, tmp_path / "note.docx")) == [
        "https://example.org/a", "mailto:desk@example.org", "http://example.org/b"]
    html = render_preview_html(doc)
    assert re.findall(r'<a href="([^"]+)"', html) == [
        "https://example.org/a", "mailto:desk@example.org", "http://example.org/b"]
    text = unescape(re.sub(r"<[^>]+>", "", html))
    assert "ftp://files.example.org/report.pdf" in text, "shown as plain text"
    entries = [p.text for p in docx.Document(str(tmp_path / "note.docx")).paragraphs
               if p.style.name == "Source Entry"]
    assert entries[0].endswith("ftp://files.example.org/report.pdf")


@pytest.mark.parametrize("control", [RLO, "\u202a", "\u202b", PDF, "\u202d", "\u2066", RLI, "\u2068", PDI])
def test_bidi_controls_are_stripped_from_titles_and_link_text_but_arabic_stays(
    tmp_path: Path, control: str
) -> None:
    doc = BriefingDocument(title=f"Talks {control}with {ARABIC}{PDF}", sources=[
        SourceRef(1, f"Wire{control}", f"{ARABIC} visits {control}Delhi", "2025-03-12",
                  f"https://example.org/{control}gpj.exe")])
    out = export_docx(doc, tmp_path / "note.docx")
    reopened = docx.Document(str(out))
    shown = "\n".join(p.text for p in reopened.paragraphs) + reopened.core_properties.title
    assert not BIDI_CONTROLS.search(shown)
    assert ARABIC in shown and "Talks with " + ARABIC in shown
    assert _links(out) == ["https://example.org/gpj.exe"]
    html = render_preview_html(doc)
    assert not BIDI_CONTROLS.search(unescape(html))
    assert ARABIC in unescape(html) and 'href="https://example.org/gpj.exe"' in html
