"""Write a :class:`BriefingDocument` as a Word briefing note in the house style.

The exporter opens the template (the bundled house style or a user's own
``.docx``/``.dotx``), removes its body content while keeping the page set-up,
writes the note, and saves it atomically: a temporary file in the target
folder replaced over the target in one step, so an existing note is never
left half-written.
"""

from __future__ import annotations

import copy
import errno
import io
import logging
import os
import re
import stat
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefing_app.domain.tempfiles import remove_stale

from . import formatting as fmt
from .model import BriefingDocument
from .styles import StyleResolver, house_template_path, paragraph_has_numbering

log = logging.getLogger(__name__)

P = WD_STYLE_TYPE.PARAGRAPH
C = WD_STYLE_TYPE.CHARACTER
T = WD_STYLE_TYPE.TABLE

HEADER_FILL = "1F3864"
NAVY = RGBColor(0x1F, 0x38, 0x64)
LINK_BLUE = RGBColor(0x05, 0x63, 0xC1)
CS_FALLBACK_FONT = "Nirmala UI"
CORE_PROPERTY_LIMIT = 255

# Relative column widths of the two tables (scaled to the template's text width).
METADATA_WIDTHS = (0.2, 0.8)
ACTOR_WIDTHS = (0.25, 0.15, 0.35, 0.125, 0.125)
COMMITMENT_WIDTHS = (0.18, 0.11, 0.43, 0.15, 0.13)
TIMELINE_WIDTHS = (0.2, 0.8)

_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


class ExportFailed(Exception):
    """The briefing could not be exported; ``str(exc)`` is a one-line message for the user."""


@dataclass
class ExportReport:
    """Outcome of an export: where it went, what was approximated, how long it took."""

    path: Path
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


# ---------------------------------------------------------------------- public API
def export_docx(
    doc: BriefingDocument,
    out_path: str | Path,
    template: str | Path | None = None,
    warnings: list[str] | None = None,
) -> Path:
    """Export ``doc`` to ``out_path`` (atomically) and return the written path.

    ``template`` is a ``.docx``/``.dotx`` whose styles and page set-up are used
    (default: the bundled house style). Styles the template lacks are taken
    from the house style or a default style; a message for each is appended to
    ``warnings`` if a list is given. Raises :class:`ExportFailed` with a
    one-line message when the note cannot be written; an existing file at
    ``out_path`` is then left untouched.
    """
    report = export_docx_report(doc, out_path, template)
    if warnings is not None:
        warnings.extend(report.warnings)
    return report.path


def export_docx_report(
    doc: BriefingDocument, out_path: str | Path, template: str | Path | None = None
) -> ExportReport:
    """Like :func:`export_docx` but return an :class:`ExportReport` (path, warnings, seconds)."""
    started = time.perf_counter()
    target = Path(out_path).expanduser()
    _check_target(target)
    document, warnings = build_document(doc, template)
    _atomic_save(document, target)
    return ExportReport(target, warnings, time.perf_counter() - started)


def build_document(doc: BriefingDocument, template: str | Path | None = None) -> tuple[DocxDocument, list[str]]:
    """Build the note in memory; return the python-docx document and the style warnings."""
    document = open_template(template)
    try:
        writer = _Writer(document)
        writer.write(doc)
    except ExportFailed:
        raise
    except (ValueError, KeyError, TypeError) as exc:  # python-docx refusing content: a bug here
        log.exception("building the briefing failed")
        raise ExportFailed(f"Could not build the briefing: {exc}") from exc
    return document, writer.styles.warnings


def open_template(template: str | Path | None = None) -> DocxDocument:
    """Open ``template`` (default: the house style) with its body emptied; ``.dotx`` accepted."""
    path = Path(template).expanduser() if template else house_template_path()
    if not path.is_file():
        raise ExportFailed(f"Cannot use the template {path}: file not found.")
    try:
        data = path.read_bytes()
        document = docx.Document(io.BytesIO(_as_document_package(data)))
    except OSError as exc:
        raise ExportFailed(f"Cannot read the template {path}: {exc.strerror or exc}.") from exc
    except Exception as exc:  # noqa: BLE001 - any parse failure means "not a usable template"
        raise ExportFailed(f"Cannot use the template {path.name}: it is not a Word document (.docx/.dotx).") from exc
    _clear_body(document)
    return document


def _as_document_package(data: bytes) -> bytes:
    """Turn a ``.dotx`` package into a ``.docx`` one (python-docx only opens documents)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            types = zf.read("[Content_Types].xml")
            if _DOTX_MAIN.encode() not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in zf.infolist():
                    blob = zf.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        blob = blob.replace(_DOTX_MAIN.encode(), _DOCX_MAIN.encode())
                    dst.writestr(info, blob)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data


def _clear_body(document: DocxDocument) -> None:
    """Remove all body content but keep the final section properties (page size, margins, headers)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


# ---------------------------------------------------------------------- writing
def _clip(value: object) -> str:
    return fmt.clean(value)[:CORE_PROPERTY_LIMIT]


class _Writer:
    """Writes one briefing into an emptied template document."""

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self.styles = StyleResolver(document)
        self.body_width = self._text_width()

    # -- style helpers ------------------------------------------------------
    def pstyle(self, name: str, *fallbacks: str):
        return self.styles.get(name, P, (*fallbacks, "Normal"))

    def cstyle(self, name: str):
        return self.styles.get(name, C)

    def para(self, style_name: str, *fallbacks: str, container=None) -> Paragraph:
        target = container if container is not None else self.document
        paragraph = target.add_paragraph()
        style = self.pstyle(style_name, *fallbacks)
        if style is not None:
            paragraph.style = style
        return paragraph

    def _text_width(self) -> int:
        section = self.document.sections[-1]
        page, left, right = section.page_width, section.left_margin, section.right_margin
        # A template may leave the page size or margins unset.
        if page is None or left is None or right is None:
            width = 0
        else:
            width = int(page) - int(left) - int(right)
        return width if width > Cm(5) else int(Cm(16))

    # -- the document -------------------------------------------------------
    def write(self, doc: BriefingDocument) -> None:
        self._ensure_complex_script_font()
        self._write_marking(doc)
        self._write_title_block(doc)
        self._write_summary(doc)
        self._write_new_since(doc)
        self._write_commitments(doc)
        for section in fmt.visible_sections(doc):
            self._write_section(section)
        self._write_timeline(doc)
        self._write_assessment(doc)
        self._write_next_steps(doc)
        self._write_actors(doc)
        self._write_sources(doc)
        self._write_properties(doc)

    def heading(self, text: str, level: int = 1) -> Paragraph:
        p = self.para(f"Heading {level}")
        p.add_run(text)
        if not self.styles.is_native(f"Heading {level}"):
            p.paragraph_format.keep_with_next = True
            for run in p.runs:
                run.bold = True
                run.font.size = Pt(14 if level == 1 else 12)
                run.font.color.rgb = NAVY
        return p

    def _write_title_block(self, doc: BriefingDocument) -> None:
        title = self.para("Title")
        title.add_run(fmt.document_title(doc))
        if not self.styles.is_native("Title"):
            for run in title.runs:
                run.bold = True
                run.font.size = Pt(20)
        rows = fmt.metadata_rows(doc)
        if not rows:
            return
        table = self._table(len(rows), 2, "Metadata Table", METADATA_WIDTHS)
        for row, (label, value) in zip(table.rows, rows, strict=True):
            label_cell, value_cell = row.cells
            p = label_cell.paragraphs[0]
            style = self.pstyle("Metadata Label", "Table Text")
            if style is not None:
                p.style = style
            run = p.add_run(label)
            if not self.styles.is_native("Metadata Label"):
                run.bold = True
            self._cell_text(value_cell, value)
        # Breathing space between the title block and the first heading.
        spacer = self.document.add_paragraph()
        spacer.paragraph_format.space_after = Pt(0)

    def _write_summary(self, doc: BriefingDocument) -> None:
        bullets = fmt.key_points(doc)
        if bullets:
            self.heading(fmt.SUMMARY_HEADING)
            self._cited_list(bullets)

    def _cited_list(self, entries: list[tuple[str, str]]) -> None:
        """Bullets, each with its citation marker in the Citation style."""
        paragraphs = self._list([text for text, _cite in entries], "List Bullet", numbered=False)
        for p, (_text, cite) in zip(paragraphs, entries, strict=True):
            if cite:
                p.add_run(" ")
                self._citation_run(p, cite)

    def _citation_run(self, p: Paragraph, text: str) -> None:
        run = p.add_run(text)
        style = self.cstyle("Citation")
        if style is not None:
            run.style = style
        else:
            run.bold = True

    def _write_new_since(self, doc: BriefingDocument) -> None:
        if not doc.new_since:
            return
        self.heading(fmt.new_since_heading(doc))
        self._cited_list([fmt.new_since_parts(line) for line in doc.new_since])

    def _write_commitments(self, doc: BriefingDocument) -> None:
        if not doc.commitments:
            return
        self.heading(fmt.COMMITMENTS_HEADING)
        columns = fmt.COMMITMENT_COLUMNS
        table = self._table(len(doc.commitments) + 1, len(columns), "Briefing Table", COMMITMENT_WIDTHS)
        header = table.rows[0]
        self._mark_header_row(header)
        for cell, text in zip(header.cells, columns, strict=True):
            self._header_cell(cell, text)
        for row, c in zip(table.rows[1:], doc.commitments, strict=True):
            values = (c.who, c.action, c.what, c.when, fmt.citations(c.sources))
            for cell, value in zip(row.cells, values, strict=True):
                self._cell_text(cell, fmt.prose(value))

    def _write_timeline(self, doc: BriefingDocument) -> None:
        if not doc.timeline:
            return
        self.heading(fmt.TIMELINE_HEADING)
        table = self._table(len(doc.timeline), 2, "Metadata Table", TIMELINE_WIDTHS)
        for row, event in zip(table.rows, doc.timeline, strict=True):
            date_cell, text_cell = row.cells
            p = date_cell.paragraphs[0]
            style = self.pstyle("Metadata Label", "Table Text")
            if style is not None:
                p.style = style
            run = p.add_run(fmt.clean(event.date))
            if not self.styles.is_native("Metadata Label"):
                run.bold = True
            self._cell_text(text_cell, fmt.prose(event.text))
            text_cell.paragraphs[0].add_run(" ")
            self._citation_run(text_cell.paragraphs[0], fmt.citation(event.source))

    def _write_section(self, section) -> None:
        self.heading(fmt.section_heading(section))
        for item in section.items:
            text = fmt.clean(item.text)
            if not text:
                continue
            comment = fmt.prose(item.comment)
            p = self.para("Briefing Passage", "Quote")
            p.add_run(fmt.item_text(item))
            p.add_run(" ")
            cite = p.add_run(fmt.citation(item.source_number))
            style = self.cstyle("Citation")
            if style is not None:
                cite.style = style
            else:
                cite.bold = True
            if not self.styles.is_native("Briefing Passage"):
                p.paragraph_format.left_indent = Cm(0.5)
            if comment:
                p.paragraph_format.keep_with_next = True
                c = self.para("Officer Comment", "Quote")
                label = c.add_run(fmt.COMMENT_LABEL + " ")
                label.bold = True
                body = c.add_run(comment)
                if not self.styles.is_native("Officer Comment"):
                    c.paragraph_format.left_indent = Cm(0.5)
                    for run in (label, body):
                        run.italic = True
                        run.font.color.rgb = RGBColor(0x38, 0x56, 0x23)

    def _write_assessment(self, doc: BriefingDocument) -> None:
        blocks = fmt.paragraphs(doc.assessment)
        if blocks:
            self.heading(fmt.ASSESSMENT_HEADING)
            for block in blocks:
                self.para("Normal").add_run(block)

    def _write_next_steps(self, doc: BriefingDocument) -> None:
        steps = fmt.non_empty(doc.next_steps)
        if steps:
            self.heading(fmt.NEXT_STEPS_HEADING)
            self._list(steps, "List Number", numbered=True)

    def _write_actors(self, doc: BriefingDocument) -> None:
        if not doc.actors:
            return
        self.heading(fmt.ACTORS_HEADING)
        table = self._table(len(doc.actors) + 1, len(fmt.ACTOR_COLUMNS), "Briefing Table", ACTOR_WIDTHS)
        rows = table.rows
        header = rows[0]
        self._mark_header_row(header)
        for i, (cell, text) in enumerate(zip(header.cells, fmt.ACTOR_COLUMNS, strict=True)):
            self._header_cell(cell, text, right=i >= 3)
        for row, actor in zip(rows[1:], doc.actors, strict=True):
            values = (actor.name, actor.type, actor.role, actor.mentions, actor.articles)
            for i, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
                self._cell_text(cell, fmt.clean(value), right=i >= 3)
        caption = self.para("Caption")
        caption.add_run("Mentions: times named across the cited articles; Articles: number of cited articles naming the actor.")

    def _write_sources(self, doc: BriefingDocument) -> None:
        sources = fmt.sorted_sources(doc)
        if not sources:
            return
        self.heading(fmt.SOURCES_HEADING)
        for src in sources:
            text, url = fmt.source_parts(src)
            p = self.para("Source Entry", "List Paragraph")
            if not self.styles.is_native("Source Entry"):
                p.paragraph_format.left_indent = Cm(0.9)
                p.paragraph_format.first_line_indent = Cm(-0.9)
            p.add_run(f"{fmt.citation(src.number)}\t{text}")
            if url:
                if text:
                    p.add_run(", ")
                if fmt.is_linkable(url):
                    self._hyperlink(p, url, url)
                else:
                    p.add_run(url)

    # -- header and footer --------------------------------------------------
    def _write_marking(self, doc: BriefingDocument) -> None:
        text = fmt.marking(doc)
        odd_even = bool(self.document.settings.odd_and_even_pages_header_footer)
        for index, section in enumerate(self.document.sections):
            headers = [section.header]
            footers = [section.footer]
            if section.different_first_page_header_footer:
                headers.append(section.first_page_header)
                footers.append(section.first_page_footer)
            if odd_even:
                headers.append(section.even_page_header)
                footers.append(section.even_page_footer)
            for header in headers:
                if index == 0 or not header.is_linked_to_previous:
                    header.is_linked_to_previous = False
                    self._header_marking(header, text)
            for footer in footers:
                if index == 0 or not footer.is_linked_to_previous:
                    footer.is_linked_to_previous = False
                    self._footer_marking(footer, text)

    def _marking_paragraph(self, paragraph: Paragraph, text: str) -> None:
        style = self.pstyle("Classification", "Header")
        if style is not None:
            paragraph.style = style
        # The marking is centred and bold whatever the template's style says.
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.bold = True
        run.font.cs_bold = True

    def _header_marking(self, header, text: str) -> None:
        paragraphs = header.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0].text.strip() and not _has_drawing(paragraphs[0]):
            target = paragraphs[0]
        elif paragraphs:
            target = paragraphs[0].insert_paragraph_before()
        else:
            target = header.add_paragraph()
        self._marking_paragraph(target, text)
        target.paragraph_format.space_after = Pt(0)

    def _footer_marking(self, footer, text: str) -> None:
        # Drop empty paragraphs (python-docx and Word leave one); keep real content such as an address.
        for p in footer.paragraphs:
            if not p.text.strip() and not _has_drawing(p) and not _has_field(p):
                p._p.getparent().remove(p._p)
        if not any(_has_field(p, "PAGE") for p in footer.paragraphs):
            page = footer.add_paragraph()
            style = self.pstyle("Footer")
            if style is not None:
                page.style = style
            page.alignment = WD_ALIGN_PARAGRAPH.CENTER
            page.add_run("Page ")
            _add_field(page, "PAGE", "1")
            page.add_run(" of ")
            _add_field(page, "NUMPAGES", "1")
        self._marking_paragraph(footer.add_paragraph(), text)

    # -- tables -------------------------------------------------------------
    def _table(self, rows: int, cols: int, style_name: str, widths: tuple[float, ...]) -> Table:
        table = self.document.add_table(rows=rows, cols=cols)
        style = self.styles.get(style_name, T, ("Table Grid",))
        if style is not None:
            table.style = style
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        emus = [int(self.body_width * w) for w in widths]
        for col, width in zip(table.columns, emus, strict=True):
            col.width = Emu(width)
        for row in table.rows:
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            for cell, width in zip(row.cells, emus, strict=True):
                cell.width = Emu(width)
        _set_table_width(table, sum(emus))
        return table

    def _mark_header_row(self, row) -> None:
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))  # repeated at the top of each page

    def _header_cell(self, cell, text: str, right: bool = False) -> None:
        tc_pr = cell._tc.get_or_add_tcPr()
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), HEADER_FILL)
        tc_pr.append(shd)
        p = cell.paragraphs[0]
        style = self.pstyle("Table Heading", "Table Text")
        if style is not None:
            p.style = style
        run = p.add_run(text)
        run.bold = True
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        if right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def _cell_text(self, cell, text: str, right: bool = False) -> None:
        p = cell.paragraphs[0]
        style = self.pstyle("Table Text")
        if style is not None:
            p.style = style
        p.add_run(text)
        if right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    # -- lists and links ----------------------------------------------------
    def _list(self, entries: list[str], style_name: str, numbered: bool) -> list[Paragraph]:
        style = self.pstyle(style_name, "List Paragraph")
        automatic = paragraph_has_numbering(self.document, style)
        out = []
        for n, entry in enumerate(entries, start=1):
            p = self.document.add_paragraph()
            out.append(p)
            if style is not None:
                p.style = style
            if automatic:
                p.add_run(entry)
            else:  # the style has no numbering here: write the marker as text
                p.paragraph_format.left_indent = Cm(0.63)
                p.paragraph_format.first_line_indent = Cm(-0.63)
                p.paragraph_format.tab_stops.add_tab_stop(Cm(0.63))
                p.add_run(f"{n}.\t{entry}" if numbered else f"•\t{entry}")
        return out

    def _hyperlink(self, paragraph: Paragraph, url: str, text: str) -> None:
        r_id = self.document.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), r_id)
        link.set(qn("w:history"), "1")
        run = OxmlElement("w:r")
        r_pr = OxmlElement("w:rPr")
        style = self.cstyle("Hyperlink")
        if style is not None:
            r_style = OxmlElement("w:rStyle")
            r_style.set(qn("w:val"), style.style_id)
            r_pr.append(r_style)
        else:
            color = OxmlElement("w:color")
            color.set(qn("w:val"), str(LINK_BLUE))
            underline = OxmlElement("w:u")
            underline.set(qn("w:val"), "single")
            r_pr.append(color)
            r_pr.append(underline)
        run.append(r_pr)
        t = OxmlElement("w:t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
        link.append(run)
        paragraph._p.append(link)

    # -- properties and fonts -----------------------------------------------
    def _write_properties(self, doc: BriefingDocument) -> None:
        props = self.document.core_properties
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.title = _clip(doc.title)
        props.author = _clip(doc.from_)
        props.last_modified_by = _clip(doc.from_)
        props.subject = _clip(doc.subject)
        props.keywords = _clip("; ".join(fmt.non_empty(doc.keywords)))
        props.category = _clip(fmt.marking(doc))
        props.content_status = _clip(fmt.clean(doc.classification))
        props.identifier = _clip(doc.reference)
        props.comments = ""
        props.created = now
        props.modified = now
        props.revision = 1

    def _ensure_complex_script_font(self) -> None:
        """Give the document a Devanagari-capable complex-script font if the template names none."""
        styles_el = self.document.styles.element
        defaults = styles_el.find(qn("w:docDefaults"))
        if defaults is None:
            return
        rpr_default = defaults.find(qn("w:rPrDefault"))
        rpr = rpr_default.find(qn("w:rPr")) if rpr_default is not None else None
        if rpr is None:
            return
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        if fonts.get(qn("w:cs")) is None and fonts.get(qn("w:cstheme")) is None:
            fonts.set(qn("w:cs"), CS_FALLBACK_FONT)


# ---------------------------------------------------------------------- XML helpers
def _add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a complex field (``PAGE``, ``NUMPAGES``) as fldChar runs with a cached result."""
    p = paragraph._p
    ref = paragraph.runs[-1]._r if paragraph.runs else None
    r_pr = ref.find(qn("w:rPr")) if ref is not None else None

    def run(child) -> None:
        r = OxmlElement("w:r")
        if r_pr is not None:
            r.append(copy.deepcopy(r_pr))
        r.append(child)
        p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run(begin)
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} \\* MERGEFORMAT "
    run(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run(sep)
    t = OxmlElement("w:t")
    t.text = placeholder
    run(t)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run(end)


def _has_field(paragraph: Paragraph, name: str | None = None) -> bool:
    p = paragraph._p
    texts = [el.text or "" for el in p.iter(qn("w:instrText"))]
    texts += [el.get(qn("w:instr")) or "" for el in p.iter(qn("w:fldSimple"))]
    if name is None:
        return bool(texts)
    return any(t.strip().split(" ")[0].upper() == name for t in texts if t.strip())


def _has_drawing(paragraph: Paragraph) -> bool:
    p = paragraph._p
    return any(True for _ in p.iter(qn("w:drawing"))) or any(True for _ in p.iter(qn("w:pict")))


def _set_table_width(table: Table, width: int) -> None:
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblW")):
        tbl_pr.remove(old)
    tbl_w = OxmlElement("w:tblW")
    tbl_w.set(qn("w:w"), str(int(Emu(width).twips)))
    tbl_w.set(qn("w:type"), "dxa")
    # CT_TblPr order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize,
    # tblStyleColBandSize, tblW, jc, ...
    anchor = None
    for tag in ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout",
                "w:tblCellMar", "w:tblLook"):
        anchor = tbl_pr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is not None:
        anchor.addprevious(tbl_w)
    else:
        tbl_pr.append(tbl_w)


# ---------------------------------------------------------------------- saving
def _check_target(target: Path) -> None:
    """Refuse early (before any work) when the target cannot be written."""
    parent = target.parent
    if not target.name:
        raise ExportFailed("Cannot save the briefing: no file name given.")
    if not parent.is_dir():
        raise ExportFailed(f"Cannot save the briefing: the folder {parent} does not exist.")
    if target.is_dir():
        raise ExportFailed(f"Cannot save the briefing: {target} is a folder, not a file.")
    if target.exists():
        mode = target.stat().st_mode
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
            raise ExportFailed(f"Cannot save the briefing: {target.name} is read-only.")
        lock = _open_elsewhere(target)
        if lock is not None:
            # Windows refuses the replace of a file Word has open; Linux and macOS let it happen, and the
            # program's next save would put its old copy back over the export
            program = "LibreOffice" if lock.name.startswith(".~lock.") else "Word"
            raise ExportFailed(f"Cannot save the briefing: {target.name} is open in {program} (its lock file "
                               f"{lock.name} is beside it). Close it there and export again, or delete the "
                               f"lock file if {program} is not running.")


def _open_elsewhere(target: Path) -> Path | None:
    """The lock file LibreOffice (".~lock.<name>#") or Word ("~$<name>", the name's first one or two letters
    replaced when long) keeps beside a document it has open, if there is one."""
    name = target.name
    # Word's owner file keeps the name whole up to 6 letters before the extension, drops the first at 7,
    # the first two from 8 on
    word = f"~${name[min(max(len(target.stem) - 6, 0), 2):]}"
    for candidate in (f".~lock.{name}#", word):
        lock = target.with_name(candidate)
        if lock.is_file():
            return lock
    return None


def _new_file_mode(target: Path) -> int:
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


#: Our temporary export files: ``.~<stem>-<pid>-<random>.tmp`` (older versions: no pid).
EXPORT_TEMP_PATTERNS = (re.compile(r"\.~.*-(?P<pid>\d+)-[a-z0-9_]+\.tmp"), re.compile(r"\.~.*-[a-z0-9_]{8}\.tmp"))


def _atomic_save(document: DocxDocument, target: Path) -> None:
    """Save to a temporary file beside ``target`` and atomically replace ``target`` with it."""
    _check_target(target)
    # Temporary files of exports that were killed midway (never those another live process writes).
    remove_stale(target.parent, EXPORT_TEMP_PATTERNS)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".~{target.stem[:40]}-{os.getpid()}-", suffix=".tmp",
                                        dir=target.parent)
    except OSError as exc:
        raise ExportFailed(
            f"Cannot save the briefing: the folder {target.parent} is not writable ({exc.strerror})."
        ) from exc
    tmp = Path(tmp_name)
    try:
        # The whole package is built in memory first (a note is kilobytes to a few megabytes): a full disk or a
        # failing write then meets one plain write, not python-docx's zip writer half way, whose unclosed archive
        # would try to finish itself on the dead file later
        package = io.BytesIO()
        document.save(package)
        with os.fdopen(fd, "wb") as fh:
            fh.write(package.getbuffer())
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.chmod(tmp, _new_file_mode(target))
        except OSError:
            pass
        os.replace(tmp, target)
    except PermissionError as exc:
        raise ExportFailed(
            f"Cannot save the briefing: {target.name} is open in another program or read-only."
        ) from exc
    except IsADirectoryError as exc:
        raise ExportFailed(f"Cannot save the briefing: {target} is a folder, not a file.") from exc
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            raise ExportFailed(f"Cannot save the briefing: the disk is full (no room for {target.name} in "
                               f"{target.parent}); nothing was written.") from exc
        raise ExportFailed(f"Cannot save the briefing to {target}: {exc.strerror or exc}.") from exc
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                log.warning("could not remove temporary file %s", tmp)
