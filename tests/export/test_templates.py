"""Templates: the committed house style, user templates lacking styles, .dotx."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from briefing_app.export import ExportFailed, export_docx, export_docx_report
from briefing_app.export import styles as styles_mod
from briefing_app.resources import resource_path
from tests.benchmarks.sample_briefing import make_sample_document

REPO = Path(__file__).resolve().parents[2]
TEMPLATE = resource_path("briefing_template.docx")

#: Every style the exporter asks for (it must never need a fallback with the house template).
HOUSE_STYLES = {
    WD_STYLE_TYPE.PARAGRAPH: ("Normal", "Title", "Heading 1", "Heading 2", "List Bullet", "List Number",
                              "Briefing Passage", "Officer Comment", "Classification", "Header", "Footer",
                              "Metadata Label", "Table Text", "Table Heading", "Source Entry", "Caption"),
    WD_STYLE_TYPE.CHARACTER: ("Hyperlink", "Citation"),
    WD_STYLE_TYPE.TABLE: ("Briefing Table", "Metadata Table", "Table Grid"),
}


def test_template_is_generated_deterministically(tmp_path: Path) -> None:
    out = tmp_path / "t.docx"
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_template.py"), str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == TEMPLATE.read_bytes(), "run scripts/make_template.py and commit the result"


def test_template_defines_every_style() -> None:
    document = docx.Document(str(TEMPLATE))
    for kind, names in HOUSE_STYLES.items():
        for name in names:
            assert name in document.styles, name
            assert document.styles[name].type == kind, name
    assert not document.paragraphs  # empty body
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7


def test_template_names_complex_script_fonts() -> None:
    document = docx.Document(str(TEMPLATE))
    styles_el = document.styles.element
    defaults = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for rpr in (defaults, document.styles["Normal"].element.rPr, document.styles["Heading 1"].element.rPr):
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:cs")) == "Nirmala UI"
        assert fonts.get(qn("w:eastAsia"))
        assert fonts.get(qn("w:asciiTheme")) is None  # explicit fonts, not overridden by the theme


def test_house_template_gives_no_warnings(tmp_path: Path) -> None:
    report = export_docx_report(make_sample_document(12), tmp_path / "a.docx")
    assert report.warnings == []
    assert report.path == tmp_path / "a.docx"


def _passage_styles(path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for p in docx.Document(str(path)).paragraphs:
        counts[p.style.name] = counts.get(p.style.name, 0) + 1
    return counts


def test_python_docx_default_template_imports_missing_styles(tmp_path: Path) -> None:
    template = tmp_path / "plain.docx"
    docx.Document().save(str(template))
    warnings: list[str] = []
    out = export_docx(make_sample_document(12), tmp_path / "b.docx", template=template, warnings=warnings)
    joined = "\n".join(warnings)
    for name in ("Briefing Passage", "Officer Comment", "Classification", "Source Entry", "Hyperlink"):
        assert name in joined
    assert "Heading 1" not in joined  # the default template has it
    counts = _passage_styles(out)
    assert counts["Briefing Passage"] == 12 and counts["Heading 1"] >= 6
    # Page set-up comes from the user's template (US Letter in python-docx's default).
    assert round(docx.Document(str(out)).sections[0].page_width.inches, 1) == 8.5


def _strip_styles(path: Path, keep: set[str]) -> None:
    document = docx.Document()
    for style in list(document.styles):
        if style.name not in keep:
            style.element.getparent().remove(style.element)
    document.save(str(path))


def test_template_with_deleted_styles_still_exports(tmp_path: Path) -> None:
    template = tmp_path / "bare.docx"
    _strip_styles(template, {"Normal"})
    warnings: list[str] = []
    out = export_docx(make_sample_document(12), tmp_path / "c.docx", template=template, warnings=warnings)
    assert any("Heading 1" in w for w in warnings)
    reopened = docx.Document(str(out))
    headings = [p.text for p in reopened.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Key points"
    # Imported list styles have no numbering definition here: markers are written as text.
    bullets = [p.text for p in reopened.paragraphs if p.style.name == "List Bullet"]
    assert bullets and all(b.startswith("•\t") for b in bullets)
    steps = [p.text for p in reopened.paragraphs if p.style.name == "List Number"]
    assert steps[0].startswith("1.\t") and steps[1].startswith("2.\t")


def test_no_house_template_falls_back_to_normal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Even without the house template to import from: no KeyError, default style, warnings."""
    template = tmp_path / "bare.docx"
    _strip_styles(template, {"Normal"})
    monkeypatch.setattr(styles_mod, "_house_styles_element", lambda: None)
    warnings: list[str] = []
    out = export_docx(make_sample_document(6), tmp_path / "d.docx", template=template, warnings=warnings)
    assert any("Briefing Passage" in w for w in warnings)
    assert all("house style" not in w for w in warnings)
    reopened = docx.Document(str(out))
    names = {p.style.name for p in reopened.paragraphs}
    assert names == {"Normal"}
    texts = [p.text for p in reopened.paragraphs]
    assert "Key points" in texts and any(t.startswith("•\t") for t in texts)
    assert any("[1]" in t for t in texts)
    head = reopened.sections[0].header.paragraphs[0]
    assert head.text == "OFFICIAL-SENSITIVE – UK EYES ONLY" and head.runs[0].bold
    assert reopened.tables[1].rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_dotx_template_is_accepted(tmp_path: Path) -> None:
    dotx = tmp_path / "house.dotx"
    with zipfile.ZipFile(TEMPLATE) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    out = export_docx(make_sample_document(3), tmp_path / "e.docx", template=dotx)
    assert docx.Document(str(out)).paragraphs[0].style.name == "Title"


def test_template_with_content_is_emptied_but_keeps_header_content(tmp_path: Path) -> None:
    template = tmp_path / "busy.docx"
    base = docx.Document(str(TEMPLATE))
    base.add_paragraph("OLD BODY TEXT")
    base.sections[0].header.paragraphs[0].text = "Department of Examples"
    base.save(str(template))
    out = export_docx(make_sample_document(3), tmp_path / "f.docx", template=template)
    reopened = docx.Document(str(out))
    assert "OLD BODY TEXT" not in [p.text for p in reopened.paragraphs]
    header = [p.text for p in reopened.sections[0].header.paragraphs]
    assert header == ["OFFICIAL-SENSITIVE – UK EYES ONLY", "Department of Examples"]


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_unusable_template_fails_cleanly(tmp_path: Path, content: bytes) -> None:
    template = tmp_path / "bad.docx"
    template.write_bytes(content)
    with pytest.raises(ExportFailed) as err:
        export_docx(make_sample_document(2), tmp_path / "g.docx", template=template)
    assert "\n" not in str(err.value) and "bad.docx" in str(err.value)
    assert not (tmp_path / "g.docx").exists()


def test_missing_template_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(ExportFailed, match="not found"):
        export_docx(make_sample_document(2), tmp_path / "h.docx", template=tmp_path / "nope.docx")
