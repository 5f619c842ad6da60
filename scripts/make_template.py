"""Generate ``briefing_app/resources/briefing_template.docx``, the Briefing Builder house style.

A development script (not shipped in the package): run it after changing the house style
and commit the result; tests/export/test_templates.py checks the two agree.

Run from the repository root (deterministic: the same bytes every run)::

    .venv/bin/python scripts/make_template.py

The template defines every style the exporter (``briefing_app/export``) uses:
A4 portrait, 2.5 cm margins, Arial 11 pt body, dark navy headings, and a
Devanagari-capable complex-script font ("Nirmala UI", present on Windows 8+;
LibreOffice substitutes e.g. Noto Sans Devanagari) on every style so Hindi
names and quotations render. Users may replace the template with their own;
missing styles are then imported from this one by the exporter.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "briefing_app" / "resources" / "briefing_template.docx"

FONT = "Arial"
CS_FONT = "Nirmala UI"  # Windows font with Devanagari (and other Indic scripts)
EA_FONT = "Arial"
NAVY = RGBColor(0x1F, 0x38, 0x64)
DARK = RGBColor(0x26, 0x26, 0x26)
GREY = RGBColor(0x59, 0x59, 0x59)
COMMENT = RGBColor(0x38, 0x56, 0x23)  # dark green, distinct from the passages
LINK = RGBColor(0x05, 0x63, 0xC1)
RULE = "A6A6A6"
HEADER_FILL = "1F3864"
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)

# Table styles of python-docx's default template that the house style drops.
KEEP_TABLE_STYLES = {"Normal Table", "Table Grid"}


def _set_fonts(rpr, ascii_font: str = FONT, cs_font: str = CS_FONT) -> None:
    """Replace ``w:rFonts`` (theme attributes included) with explicit fonts for all scripts."""
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:ascii"), ascii_font)
    fonts.set(qn("w:hAnsi"), ascii_font)
    fonts.set(qn("w:eastAsia"), EA_FONT)
    fonts.set(qn("w:cs"), cs_font)
    rpr.insert(0, fonts)


def _cs_size(rpr, half_points: int) -> None:
    """Set the complex-script size (``w:szCs``) to match ``w:sz``."""
    for old in rpr.findall(qn("w:szCs")):
        rpr.remove(old)
    el = OxmlElement("w:szCs")
    el.set(qn("w:val"), str(half_points))
    sz = rpr.find(qn("w:sz"))
    if sz is not None:
        sz.addnext(el)
    else:
        rpr.append(el)


def _border(ppr, side: str, color: str, size: int = 6, space: int = 1) -> None:
    """Add a single-line paragraph border on ``side`` (top/left/bottom/right)."""
    pbdr = ppr.find(qn("w:pBdr"))
    if pbdr is None:
        pbdr = OxmlElement("w:pBdr")
        # pBdr must precede shd/tabs/spacing/ind/jc in CT_PPr order.
        anchor = None
        for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
            anchor = ppr.find(qn(tag))
            if anchor is not None:
                break
        if anchor is not None:
            anchor.addprevious(pbdr)
        else:
            ppr.append(pbdr)
    el = OxmlElement(f"w:{side}")
    el.set(qn("w:val"), "single")
    el.set(qn("w:sz"), str(size))
    el.set(qn("w:space"), str(space))
    el.set(qn("w:color"), color)
    pbdr.append(el)


def _strip_ppr(style, *tags: str) -> None:
    """Remove paragraph properties (e.g. theme borders) inherited from the default template."""
    ppr = style.element.pPr
    if ppr is None:
        return
    for tag in tags:
        for el in ppr.findall(qn(tag)):
            ppr.remove(el)


def _para_style(doc, name: str, base: str | None = "Normal"):
    styles = doc.styles
    if name in styles:
        style = styles[name]
    else:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.quick_style = True
    if base:
        style.base_style = styles[base]
    return style


def _char_style(doc, name: str):
    styles = doc.styles
    if name in styles:
        return styles[name]
    style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    style.base_style = styles["Default Paragraph Font"]
    return style


def _font(style, size: float, *, bold: bool | None = None, italic: bool | None = None,
          color: RGBColor | None = DARK, ascii_font: str = FONT) -> None:
    f = style.font
    f.size = Pt(size)
    f.bold = bold
    f.italic = italic
    f.color.rgb = color
    f.name = ascii_font
    rpr = style.element.get_or_add_rPr()
    _set_fonts(rpr, ascii_font)
    _cs_size(rpr, int(size * 2))
    # Complex-script runs (Devanagari) take bold/italic from w:bCs/w:iCs.
    for flag, tag, cs_tag in ((bold, "w:b", "w:bCs"), (italic, "w:i", "w:iCs")):
        if flag and rpr.find(qn(cs_tag)) is None:
            el = OxmlElement(cs_tag)
            rpr.find(qn(tag)).addnext(el)


def _spacing(style, before: float, after: float, line: float | None = 1.08) -> None:
    pf = style.paragraph_format
    pf.space_before = Pt(before)
    pf.space_after = Pt(after)
    if line is not None:
        pf.line_spacing = line


def _table_style(doc, name: str, *, inside_v: bool, header: bool) -> None:
    """A table style with thin grey rules, cell padding and (optionally) a navy header row."""
    styles = doc.styles
    style = styles[name] if name in styles else styles.add_style(name, WD_STYLE_TYPE.TABLE)
    el = style.element
    for child in list(el):
        if child.tag not in (qn("w:name"),):
            el.remove(child)
    el.set(qn("w:type"), "table")
    xml = f"""
<w:root xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:left w:val="{'single' if inside_v else 'nil'}" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:right w:val="{'single' if inside_v else 'nil'}" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="{RULE}"/>
      <w:insideV w:val="{'single' if inside_v else 'nil'}" w:sz="4" w:space="0" w:color="{RULE}"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="57" w:type="dxa"/><w:left w:w="113" w:type="dxa"/>
      <w:bottom w:w="57" w:type="dxa"/><w:right w:w="113" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  {'' if not header else f'''<w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/><w:color w:val="FFFFFF"/></w:rPr>
    <w:tblPr/>
    <w:trPr><w:tblHeader/></w:trPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{HEADER_FILL}"/></w:tcPr>
  </w:tblStylePr>'''}
</w:root>"""
    root = parse_xml(xml)
    for child in list(root):
        el.append(child)


def build() -> docx.Document:
    """Build the house-style template in memory."""
    doc = docx.Document()
    styles = doc.styles

    # Drop the ~150 decorative table styles of the default template.
    for style in list(styles):
        if style.type == WD_STYLE_TYPE.TABLE and style.name not in KEEP_TABLE_STYLES:
            style.element.getparent().remove(style.element)

    # Document defaults: explicit fonts for every script, British English, Hindi as complex script.
    defaults = styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:val"), "en-GB")
    lang.set(qn("w:eastAsia"), "en-GB")
    lang.set(qn("w:bidi"), "hi-IN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "120")
    spacing.set(qn("w:line"), "264")

    normal = styles["Normal"]
    _font(normal, 11)
    _spacing(normal, 0, 6)

    title = _para_style(doc, "Title")
    _strip_ppr(title, "w:pBdr", "w:contextualSpacing")
    _font(title, 20, bold=True, color=NAVY)
    _spacing(title, 0, 10, 1.0)
    title.element.get_or_add_pPr()
    _border(title.element.pPr, "bottom", HEADER_FILL, size=12, space=4)
    title_rpr = title.element.rPr
    for tag in ("w:spacing", "w:kern"):
        for el in title_rpr.findall(qn(tag)):
            title_rpr.remove(el)

    for level, size, before, after in ((1, 13, 16, 4), (2, 11.5, 12, 3), (3, 11, 10, 2)):
        h = _para_style(doc, f"Heading {level}")
        _font(h, size, bold=True, italic=False, color=NAVY)
        _spacing(h, before, after, 1.0)
        h.paragraph_format.keep_with_next = True

    for name in ("Heading 1 Char", "Heading 2 Char", "Heading 3 Char", "Title Char"):
        if name in styles:
            rp = styles[name].element.get_or_add_rPr()
            _set_fonts(rp)

    for name in ("List Bullet", "List Number"):
        s = _para_style(doc, name)
        _spacing(s, 0, 3)
        s.paragraph_format.left_indent = Cm(0.63)
        s.paragraph_format.first_line_indent = Cm(-0.63)

    quote = _para_style(doc, "Quote")
    _font(quote, 11, italic=True, color=DARK)
    _strip_ppr(quote, "w:pBdr")

    passage = _para_style(doc, "Briefing Passage")
    _font(passage, 11, color=DARK)
    _spacing(passage, 6, 3)
    # Indented, no side rule: Word and LibreOffice merge identical borders of adjacent
    # paragraphs, which would make consecutive passages read as one quotation.
    passage.paragraph_format.left_indent = Cm(0.75)
    passage.paragraph_format.right_indent = Cm(0.5)
    # a passage is a quotation with its citation: never split it across a page break
    passage.paragraph_format.keep_together = True

    comment = _para_style(doc, "Officer Comment")
    _font(comment, 10, italic=True, color=COMMENT)
    _spacing(comment, 0, 6)
    comment.paragraph_format.left_indent = Cm(0.75)
    comment.paragraph_format.right_indent = Cm(0.5)
    comment.paragraph_format.keep_together = True

    classification = _para_style(doc, "Classification")
    _font(classification, 10, bold=True, color=RGBColor(0, 0, 0))
    _spacing(classification, 0, 0, 1.0)
    classification.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    for name in ("Header", "Footer"):
        s = _para_style(doc, name)
        _font(s, 9, color=GREY)
        _spacing(s, 0, 0, 1.0)

    label = _para_style(doc, "Metadata Label")
    _font(label, 10, bold=True, color=NAVY)
    _spacing(label, 0, 0, 1.0)

    cell = _para_style(doc, "Table Text")
    _font(cell, 10, color=DARK)
    _spacing(cell, 0, 0, 1.0)

    heading_cell = _para_style(doc, "Table Heading", "Table Text")
    _font(heading_cell, 10, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF))

    source = _para_style(doc, "Source Entry")
    _font(source, 10, color=DARK)
    _spacing(source, 0, 4, 1.0)
    source.paragraph_format.left_indent = Cm(0.9)
    source.paragraph_format.first_line_indent = Cm(-0.9)
    source.paragraph_format.tab_stops.add_tab_stop(Cm(0.9))

    caption = _para_style(doc, "Caption")
    _font(caption, 9, italic=True, bold=False, color=GREY)
    _spacing(caption, 2, 8, 1.0)

    cite = _char_style(doc, "Citation")
    cite.font.color.rgb = NAVY
    cite.font.bold = True
    cite.font.size = Pt(9)

    link = _char_style(doc, "Hyperlink")
    link.font.color.rgb = LINK
    link.font.underline = True

    strong = _char_style(doc, "Strong")
    strong.font.bold = True

    _table_style(doc, "Briefing Table", inside_v=True, header=True)
    _table_style(doc, "Metadata Table", inside_v=False, header=False)

    # A4 portrait, 2.5 cm margins, header/footer 1.2 cm from the edge.
    section = doc.sections[0]
    section.page_width = Cm(21.0)
    section.page_height = Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin = Cm(2.6)
    section.bottom_margin = Cm(2.4)
    section.header_distance = Cm(1.2)
    section.footer_distance = Cm(1.2)
    section.different_first_page_header_footer = False

    # Empty body (the exporter writes it) and neutral document properties.
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    props = doc.core_properties
    props.title = "Briefing note"
    props.author = "Briefing Builder"
    props.last_modified_by = "Briefing Builder"
    props.comments = "Briefing Builder house style template"
    props.subject = ""
    props.keywords = ""
    props.category = ""
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME
    return doc


def deterministic_bytes(doc: docx.Document) -> bytes:
    """Save ``doc`` and re-zip it with fixed timestamps so the output is byte-identical every run."""
    raw = io.BytesIO()
    doc.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write the template (to ``argv[0]`` if given, else beside this script)."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else OUT
    target.write_bytes(deterministic_bytes(build()))
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
