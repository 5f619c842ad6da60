"""The exported .docx, reopened with python-docx: structure, styles, tables, links, properties."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from briefing_app.export import (
    BriefingDocument,
    BriefingItem,
    BriefingSection,
    KeyActor,
    SourceRef,
    export_docx,
)
from briefing_app.export.formatting import outline
from tests.benchmarks.sample_briefing import make_sample_document

HYPERLINK_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def body_paragraphs(document) -> list:
    """Body paragraphs in order (not those inside tables)."""
    return list(document.paragraphs)


def test_styles_used(reopened) -> None:
    used = {p.style.name for p in reopened.paragraphs}
    for name in ("Title", "Heading 1", "List Bullet", "List Number", "Briefing Passage",
                 "Officer Comment", "Source Entry", "Caption"):
        assert name in used, name
    assert reopened.tables[0].style.name == "Metadata Table"
    assert reopened.tables[1].style.name == "Briefing Table"


def test_headings_follow_input_order(reopened, sample: BriefingDocument) -> None:
    title = [p.text for p in reopened.paragraphs if p.style.name == "Title"]
    headings = [p.text for p in reopened.paragraphs if p.style.name == "Heading 1"]
    assert title == [sample.title.replace("'", "’")]
    assert [*title, *headings] == outline(sample)
    assert headings[0] == "Key points"
    assert headings[-4:] == ["Assessment", "Next steps", "Key actors", "Sources"]


def test_each_section_holds_its_passages_with_citations(reopened, sample: BriefingDocument) -> None:
    paragraphs = body_paragraphs(reopened)
    by_heading: dict[str, list] = {}
    current = None
    for p in paragraphs:
        if p.style.name == "Heading 1":
            current = p.text
            by_heading[current] = []
        elif current is not None:
            by_heading[current].append(p)
    for section in sample.sections:
        body = by_heading[section.heading]
        passages = [p for p in body if p.style.name == "Briefing Passage"]
        assert len(passages) == len(section.items)
        for p, item in zip(passages, section.items, strict=True):
            assert p.text.startswith("“") and f"” [{item.source_number}]" in p.text
            assert p.text.endswith(f"[{item.source_number}]")
        comments = [p for p in body if p.style.name == "Officer Comment"]
        assert len(comments) == sum(1 for i in section.items if i.comment)
        for c in comments:
            assert c.text.startswith("Officer comment: ")
            assert c.runs[0].bold


def test_metadata_table(reopened, sample: BriefingDocument) -> None:
    table = reopened.tables[0]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows == [
        ["To", sample.to],
        ["From", sample.from_],
        ["Date", "28 November 2026"],
        ["Subject", sample.subject.replace("'", "’")],
        ["Reference", sample.reference],
    ]
    assert table.rows[0].cells[0].paragraphs[0].style.name == "Metadata Label"


def test_actors_table_header_repeats_and_is_shaded(reopened, sample: BriefingDocument) -> None:
    table = reopened.tables[1]
    header = table.rows[0]
    assert [c.text for c in header.cells] == ["Name", "Type", "Role / title", "Mentions", "Articles"]
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    for cell in header.cells:
        shd = cell._tc.tcPr.find(qn("w:shd"))
        assert shd is not None and shd.get(qn("w:fill")) == "1F3864"
    assert len(table.rows) == len(sample.actors) + 1
    first = sample.actors[0]
    assert [c.text for c in table.rows[1].cells] == [
        first.name, first.type, first.role, str(first.mentions), str(first.articles)]
    # Fixed widths that fill the text column.
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"


def test_sources_are_numbered_with_real_hyperlinks(exported: Path, reopened, sample) -> None:
    entries = [p for p in reopened.paragraphs if p.style.name == "Source Entry"]
    assert len(entries) == len(sample.sources)
    src = sample.sources[0]
    assert entries[0].text == f"[1]\t{src.outlet}, “{src.title}”, 27 November 2026, {src.url}"
    rels = {r.rId: r for r in reopened.part.rels.values() if r.reltype == HYPERLINK_RT}
    assert {r.target_ref for r in rels.values()} == {s.url for s in sample.sources}
    assert all(r.is_external for r in rels.values())
    links = list(reopened.element.body.iter(qn("w:hyperlink")))
    assert len(links) == len(sample.sources)
    for link in links:
        rel = rels[link.get(qn("r:id"))]
        run_style = link.find(qn("w:r")).find(qn("w:rPr")).find(qn("w:rStyle")).get(qn("w:val"))
        assert reopened.styles.get_by_id(run_style, 2).name == "Hyperlink"
        assert "".join(t.text for t in link.iter(qn("w:t"))) == rel.target_ref
    with zipfile.ZipFile(exported) as zf:
        rels_xml = zf.read("word/_rels/document.xml.rels").decode()
    for s in sample.sources:
        assert f'Target="{s.url.replace("&", "&amp;")}" TargetMode="External"' in rels_xml


def test_core_properties(reopened, sample: BriefingDocument) -> None:
    props = reopened.core_properties
    assert props.title == sample.title
    assert props.author == sample.from_
    assert props.subject == sample.subject
    assert props.keywords == "India; United States; Quad; trade; defence"
    assert props.category == "OFFICIAL-SENSITIVE – UK EYES ONLY"
    assert props.comments == ""


def test_marking_in_header_and_footer_of_every_page(reopened) -> None:
    section = reopened.sections[0]
    assert not section.different_first_page_header_footer
    head = section.header.paragraphs[0]
    assert head.text == "OFFICIAL-SENSITIVE – UK EYES ONLY"
    assert head.alignment == WD_ALIGN_PARAGRAPH.CENTER and head.runs[0].bold
    footer = section.footer
    texts = [p.text for p in footer.paragraphs]
    assert texts[-1] == "OFFICIAL-SENSITIVE – UK EYES ONLY"
    assert footer.paragraphs[-1].runs[0].bold
    instr = [el.text.split()[0] for el in footer._element.iter(qn("w:instrText"))]
    assert instr == ["PAGE", "NUMPAGES"]
    assert texts[0].startswith("Page ") and " of " in texts[0]


def test_page_setup_is_a4(reopened) -> None:
    section = reopened.sections[0]
    assert abs(section.page_width.cm - 21.0) < 0.01 and abs(section.page_height.cm - 29.7) < 0.01
    assert 2.0 <= section.left_margin.cm <= 3.0


def test_control_characters_and_long_properties_are_sanitised(tmp_path: Path) -> None:
    bad = "\x00\x01\x08\x0b\x0c\x0e\x1f\x7f"
    doc = BriefingDocument(
        title=f"Bad{bad} title " + "x" * 400,
        subject=f"sub{bad}ject", to=f"to{bad}", from_=f"from{bad}", date="2026-11-28",
        reference=f"ref{bad}", classification=f"SECRET{bad}", caveat=f"cav{bad}",
        summary=[f"sum{bad}mary"],
        sections=[BriefingSection("defence", f"Def{bad}ence",
                                  [BriefingItem(f"pass{bad}age", 1, comment=f"com{bad}ment")])],
        assessment=f"assess{bad}ment", next_steps=[f"st{bad}ep"],
        actors=[KeyActor(f"na{bad}me", f"ty{bad}pe", f"ro{bad}le", 3, 1)],
        sources=[SourceRef(1, f"out{bad}let", f"ti{bad}tle", "2026-11-01", f"https://ex.org/a{bad}b")],
        keywords=[f"key{bad}word"],
    )
    out = export_docx(doc, tmp_path / "bad.docx")
    with zipfile.ZipFile(out) as zf:
        for name in zf.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                data = zf.read(name).decode("utf-8")
                assert not any(ch in data for ch in bad), name
    reopened = docx.Document(str(out))
    texts = [p.text for p in reopened.paragraphs]
    assert "Defence" in texts
    assert any(t == "“passage” [1]" for t in texts)
    assert any(t == "Officer comment: comment" for t in texts)
    assert reopened.tables[1].rows[1].cells[0].text == "name"
    props = reopened.core_properties
    assert len(props.title) == 255 and props.title.startswith("Bad title ")
    assert props.subject == "subject" and props.author == "from" and props.keywords == "keyword"
    assert props.category == "SECRET – cav"
    rels = [r.target_ref for r in reopened.part.rels.values() if r.reltype == HYPERLINK_RT]
    assert rels == ["https://ex.org/ab"]


def test_empty_parts_are_omitted(tmp_path: Path) -> None:
    doc = BriefingDocument(
        title="Minimal note",
        summary=["", "   "],
        sections=[BriefingSection("trade", "Trade", []),
                  BriefingSection("energy", "Energy", [BriefingItem("  ", 1)]),
                  BriefingSection("health", "", [BriefingItem("Vaccines.", 1)])],
        sources=[SourceRef(1, "Outlet", "", "", "")],
    )
    out = export_docx(doc, tmp_path / "min.docx")
    reopened = docx.Document(str(out))
    headings = [p.text for p in reopened.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["Health", "Sources"]
    assert len(reopened.tables) == 0  # no metadata rows, no actors
    assert [p.text for p in reopened.paragraphs if p.style.name == "Source Entry"] == ["[1]\tOutlet"]
    assert outline(doc) == ["Minimal note", "Health", "Sources"]


def test_non_web_urls_are_not_linked(tmp_path: Path) -> None:
    doc = BriefingDocument(title="t", sources=[
        SourceRef(1, "A", "T", "", "javascript:alert(1)"),
        SourceRef(2, "B", "T", "not a date", "https://example.org/x?a=1&b=2"),
    ])
    reopened = docx.Document(str(export_docx(doc, tmp_path / "u.docx")))
    rels = [r.target_ref for r in reopened.part.rels.values() if r.reltype == HYPERLINK_RT]
    assert rels == ["https://example.org/x?a=1&b=2"]
    entries = [p.text for p in reopened.paragraphs if p.style.name == "Source Entry"]
    assert entries[0].endswith("javascript:alert(1)")
    assert entries[1] == "[2]\tB, “T”, not a date, https://example.org/x?a=1&b=2"


def test_hundred_passages(tmp_path: Path) -> None:
    doc = make_sample_document(100)
    assert sum(len(s.items) for s in doc.sections) == 100
    reopened = docx.Document(str(export_docx(doc, tmp_path / "100.docx")))
    assert sum(1 for p in reopened.paragraphs if p.style.name == "Briefing Passage") == 100
