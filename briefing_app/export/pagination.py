"""How many pages an exported note fills, measured on the very document the export writes (issue 15).

:func:`estimate_pages` walks the body of the python-docx document that :func:`build_document` made: every
paragraph is broken into lines with the widths of the template's font (Arial metrics, which Liberation Sans
and Arimo share; ``resources/font_metrics.json``), at the size, indents and spacing its style and direct
formatting give, inside the template's page and margins; table rows take the height of their tallest cell
and never split. The result is fractional: ``1.4`` means the text ends two-fifths down page 2. Checked
against LibreOffice's page count in ``tests/export/test_page_estimate.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from functools import cache

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Length
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefing_app.resources import resource_file

from .model import BriefingDocument

EMU_PER_PT = 12700
DEFAULT_SIZE_PT = 11.0
DEFAULT_TAB_PT = 36.0  # Word's default tab stops every 1.27 cm
CELL_MARGIN_PT = 5.4  # Word's default left and right cell margin, 0.19 cm
ROW_RULE_PT = 0.5  # a table row's border
KEEP_LINES = 2  # widow/orphan control: a paragraph never leaves one line alone on a page


@cache
def _metrics() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(resource_file("font_metrics.json").read_text(encoding="utf-8"))
    return data


def text_width_pt(text: str, size_pt: float, bold: bool = False) -> float:
    """Width of ``text`` set in the template's font at ``size_pt``."""
    face = _metrics()["bold" if bold else "regular"]
    widths: dict[str, int] = face["widths"]  # type: ignore[assignment]
    fallback = widths.get("n", 556)
    return sum(widths.get(ch, fallback) for ch in text) * size_pt / 1000


def line_height_pt(size_pt: float, multiple: float = 1.0) -> float:
    """Height of one line of text at ``size_pt`` with a line-spacing ``multiple``."""
    return size_pt * float(_metrics()["regular"]["line"]) * multiple  # type: ignore[arg-type]


@dataclass
class _Format:
    size: float = DEFAULT_SIZE_PT
    bold: bool = False
    before: float = 0.0
    after: float = 0.0
    multiple: float = 1.0
    exact: float = 0.0  # exact or at-least line height in pt, 0 = multiple of the font's line
    left: float = 0.0
    right: float = 0.0
    first: float = 0.0
    keep_next: bool = False


def _pt(value: Length | None) -> float | None:
    return None if value is None else int(value) / EMU_PER_PT


def _style_chain(style: ParagraphStyle | None) -> list[ParagraphStyle]:
    chain: list[ParagraphStyle] = []
    while style is not None and style not in chain:
        chain.append(style)
        style = style.base_style
    return chain


_FIELDS = ("before", "after", "multiple", "exact", "left", "right", "first", "keep_next")


def _first(attr: str, items: list) -> object:  # noqa: ANN001 - python-docx proxies
    for item in items:
        value = getattr(item, attr)
        if value is not None:
            return value
    return None


def _fill(fmt: _Format, items: list, fonts: list) -> None:  # noqa: ANN001 - python-docx proxies
    """Set the fields of ``fmt`` found in ``items`` (paragraph formats) and ``fonts``, first found wins."""
    size = _first("size", fonts)
    if size is not None:
        fmt.size = _pt(size) or fmt.size  # type: ignore[arg-type]
    bold = _first("bold", fonts)
    if bold is not None:
        fmt.bold = bool(bold)
    for attr, name in (("space_before", "before"), ("space_after", "after"), ("left_indent", "left"),
                       ("right_indent", "right"), ("first_line_indent", "first")):
        value = _first(attr, items)
        if value is not None:
            setattr(fmt, name, _pt(value) or 0.0)  # type: ignore[arg-type]
    spacing = _first("line_spacing", items)
    if isinstance(spacing, Length):
        fmt.exact, fmt.multiple = _pt(spacing) or 0.0, 1.0
    elif isinstance(spacing, float):
        fmt.exact, fmt.multiple = 0.0, spacing
    keep = _first("keep_with_next", items)
    if keep is not None:
        fmt.keep_next = bool(keep)


class _StyleCache:
    """Each paragraph style's format and numbering, read once per estimate (python-docx lookups are slow)."""

    def __init__(self, document: DocxDocument) -> None:
        self.styles = {s.style_id: s for s in document.styles if isinstance(s, ParagraphStyle)}
        self.default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self._formats: dict[str, tuple[_Format, bool]] = {}

    def get(self, style_id: str) -> tuple[_Format, bool]:
        if style_id not in self._formats:
            style = self.styles.get(style_id, self.default)
            chain = _style_chain(style)
            fmt = _Format()
            _fill(fmt, [s.paragraph_format for s in chain], [s.font for s in chain])
            numbered = False
            for item in chain:
                ppr = item.element.find(qn("w:pPr"))
                if ppr is not None and ppr.find(qn("w:numPr")) is not None:
                    numbered = True
            self._formats[style_id] = (fmt, numbered)
        return self._formats[style_id]


def _format(paragraph: Paragraph, styles: _StyleCache) -> tuple[_Format, bool]:
    """Size, weight, spacing and indents of a paragraph (direct formatting over its style chain), and
    whether it carries automatic numbering or bullets (a marker and a tab)."""
    ppr = paragraph._p.pPr
    style_el = ppr.find(qn("w:pStyle")) if ppr is not None else None
    base, numbered = styles.get(style_el.get(qn("w:val")) if style_el is not None else "")
    fmt = replace(base)
    if ppr is not None:
        _fill(fmt, [paragraph.paragraph_format], [])
        numbered = numbered or ppr.find(qn("w:numPr")) is not None
    runs = paragraph.runs
    sizes = [_pt(r.font.size) for r in runs if r.font.size is not None]
    if sizes:
        fmt.size = max(s for s in sizes if s is not None)
    if runs and all(r.bold for r in runs if r.text.strip()):
        fmt.bold = True
    return fmt, numbered


def _paragraph_text(paragraph: Paragraph) -> tuple[str, list[bool]]:
    """The paragraph's text (runs and hyperlinks) and, per character, whether it is bold."""
    text: list[str] = []
    bold: list[bool] = []
    for r in paragraph._p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        is_bold = rpr is not None and rpr.find(qn("w:b")) is not None
        for child in r:
            if child.tag == qn("w:t") and child.text:
                text.append(child.text)
                bold.extend([is_bold] * len(child.text))
            elif child.tag == qn("w:tab"):
                text.append("\t")
                bold.append(False)
    return "".join(text), bold


def count_lines(text: str, bold: list[bool], fmt: _Format, width_pt: float) -> int:
    """Lines ``text`` takes when broken at spaces into lines ``width_pt`` wide (first line indented)."""
    if not text.strip():
        return 1
    lines = 1
    x = fmt.first
    available = width_pt
    index = 0
    for token in _tokens(text):
        piece_bold = bool(bold[index]) if index < len(bold) else fmt.bold
        index += len(token)
        if token == "\t":
            # Hanging indent ("[1]<tab>text"): the tab goes to the left indent; else to the next default stop.
            x = 0.0 if fmt.first < 0 and x < 0 else (int(x // DEFAULT_TAB_PT) + 1) * DEFAULT_TAB_PT
            continue
        width = text_width_pt(token, fmt.size, piece_bold or fmt.bold)
        if token.isspace():
            x += width
            continue
        if x + width > available and x > 0:
            lines += 1
            x = 0.0
            while width > available:  # a word (a URL) longer than the line breaks anywhere
                lines += 1
                width -= available
        x += width
    return lines


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    word = ""
    for ch in text:
        if ch in " \t":
            if word:
                out.append(word)
                word = ""
            out.append(ch)
        elif ch == "/" or ch == "-":  # a URL or a hyphenated word may break after / and -
            out.append(word + ch)
            word = ""
        else:
            word += ch
    if word:
        out.append(word)
    return out


@dataclass
class _Block:
    before: float
    line: float
    lines: int
    after: float
    keep_next: bool = False
    atomic: bool = False  # a table row: never split


def _paragraph_block(paragraph: Paragraph, width_pt: float, styles: _StyleCache) -> _Block:
    fmt, numbered = _format(paragraph, styles)
    text, bold = _paragraph_text(paragraph)
    if numbered:
        text = "•\t" + text  # the marker and its tab, as Word draws them
    lines = count_lines(text, bold, fmt, width_pt - fmt.left - fmt.right)
    line = fmt.exact or line_height_pt(fmt.size, fmt.multiple)
    return _Block(fmt.before, line, lines, fmt.after, fmt.keep_next)


def _cell_margins(table: Table) -> tuple[float, float]:
    """(top + bottom, left + right) cell margins in pt: the table's own, else its style's, else Word's."""
    vertical, horizontal = 0.0, 2 * CELL_MARGIN_PT
    sources = [table._tbl.tblPr]
    style = table.style
    while style is not None:
        sources.append(style.element.find(qn("w:tblPr")))
        style = style.base_style
    for tbl_pr in sources:
        mar = tbl_pr.find(qn("w:tblCellMar")) if tbl_pr is not None else None
        if mar is None:
            continue
        sides = {name: _twips_pt(mar.find(qn(f"w:{name}"))) for name in ("top", "bottom", "left", "right")}
        vertical = sides["top"] + sides["bottom"]
        horizontal = (sides["left"] or CELL_MARGIN_PT) + (sides["right"] or CELL_MARGIN_PT)
        break
    return vertical, horizontal


def _twips_pt(element: object) -> float:
    """A ``w:w`` width in twips as points (0 when absent)."""
    if element is None:
        return 0.0
    return int(element.get(qn("w:w"), "0")) / 20  # type: ignore[attr-defined]


def _table_blocks(table: Table, styles: _StyleCache) -> list[_Block]:
    blocks: list[_Block] = []
    vertical, horizontal = _cell_margins(table)
    for row in table.rows:
        height = vertical
        for cell in row.cells:
            width = (_pt(cell.width) or 100.0) - horizontal
            cell_height = 0.0
            for paragraph in cell.paragraphs:
                b = _paragraph_block(paragraph, width, styles)
                cell_height += b.before + b.line * b.lines + b.after
            height = max(height, vertical + cell_height)
        blocks.append(_Block(0.0, height + ROW_RULE_PT, 1, 0.0, atomic=True))
    return blocks


def estimate_pages(document: DocxDocument) -> float:
    """Pages the body of ``document`` fills, as a fraction (``2.3``: a third of the way down page 3)."""
    section = document.sections[-1]
    page_h = _pt(section.page_height) or 842.0
    page_w = _pt(section.page_width) or 595.0
    top, bottom = _pt(section.top_margin) or 72.0, _pt(section.bottom_margin) or 72.0
    left, right = _pt(section.left_margin) or 72.0, _pt(section.right_margin) or 72.0
    body_h = page_h - top - bottom
    body_w = page_w - left - right
    blocks: list[_Block] = []
    styles = _StyleCache(document)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(_paragraph_block(Paragraph(child, document._body), body_w, styles))
        elif child.tag == qn("w:tbl"):
            blocks.extend(_table_blocks(Table(child, document._body), styles))
    return _flow(blocks, body_h)


def estimate_note_pages(doc: BriefingDocument, template: str | None = None) -> float:
    """Pages ``doc`` fills when exported with ``template`` (the house style when it cannot be used)."""
    from .docx_writer import ExportFailed, build_document

    try:
        document, _warnings = build_document(doc, template)
    except ExportFailed:
        document, _warnings = build_document(doc, None)
    return estimate_pages(document)


def _flow(blocks: list[_Block], body_h: float) -> float:
    """Pour the blocks onto pages of height ``body_h``; return the filled pages as a fraction."""
    pages = 1
    y = 0.0
    for n, block in enumerate(blocks):
        before = block.before if y > 0 else 0.0  # no space before at the top of a page
        need = before + block.line * min(block.lines, KEEP_LINES if not block.atomic else 1)
        if block.keep_next and n + 1 < len(blocks):
            nxt = blocks[n + 1]
            need += block.line * block.lines + block.after + nxt.before + nxt.line * min(nxt.lines, KEEP_LINES)
        if y > 0 and y + need > body_h:
            pages += 1
            y = 0.0
            before = 0.0
        y += before
        remaining = block.lines
        while remaining:
            fit = int((body_h - y) // block.line) if block.line > 0 else remaining
            if block.atomic or fit >= remaining:
                y += block.line * remaining
                break
            fit = max(0, fit)
            if remaining - fit < KEEP_LINES and fit > 0:
                fit = max(0, remaining - KEEP_LINES)  # widow control: carry two lines over
            remaining -= fit
            pages += 1
            y = 0.0
        y = min(body_h, y + block.after)
    return pages - 1 + y / body_h
