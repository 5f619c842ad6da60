"""Word .docx files: body paragraphs, headings and tables in order, core properties as metadata."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefing_app.importers.base import ImportedDocument, ImportFailed
from briefing_app.importers.common import (
    clean_meta,
    file_author,
    finish_text,
    read_bytes,
    require_text,
    stem_title,
)
from briefing_app.importers.limits import check_zip_members
from briefing_app.importers.magic import OLE_MAGIC, ZIP_MAGIC
from briefing_app.importers.text_meta import is_placeholder_title, read_text_meta

_ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
_CELL_SEPARATOR = " | "


def check_docx_container(path: str | os.PathLike[str], data: bytes | None = None) -> None:
    """Refuse encrypted, legacy, corrupt, non-Word and zip-bomb files before python-docx opens them.

    ``data`` is the file's content when it was already read.
    """
    if data is None:
        data = read_bytes(path)
    head = data[:8]
    if head.startswith(OLE_MAGIC):
        if _ENCRYPTION_STREAM in data:
            raise ImportFailed.for_file(
                path, "is password-protected (encrypted); open it in Word, remove the password and save again"
            )
        raise ImportFailed.for_file(
            path, "is an old Word 97-2003 document, not .docx; save it as .docx first"
        )
    if not head.startswith(ZIP_MAGIC):
        raise ImportFailed.for_file(path, "is not a Word .docx file (corrupt or a different format)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_zip_members(path, archive)
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise ImportFailed.for_file(path, "is corrupt (damaged zip container)") from exc
    if "word/document.xml" not in names:
        raise ImportFailed.for_file(path, "is a zip file but not a Word document (no word/document.xml)")


def load_docx(path: str | os.PathLike[str]) -> ImportedDocument:
    """Import a .docx: text in document order, title from core properties or a Title/Heading paragraph."""
    data = read_bytes(path)  # one capped read of a regular file; python-docx never opens the path itself
    check_docx_container(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx/lxml raise many types for damaged packages
        raise ImportFailed.for_file(path, "is corrupt (its Word content could not be read)") from exc
    is_title_style = _TitleStyles()
    blocks: list[str] = []
    heading_title = ""
    for block in _iter_blocks(document):
        if isinstance(block, Paragraph):
            paragraph_text = block.text
            blocks.append(paragraph_text)
            if not heading_title and paragraph_text.strip() and is_title_style(block):
                heading_title = paragraph_text
        else:
            blocks.append("\n".join(_table_lines(block)))
    meta = read_text_meta(require_text(path, finish_text("\n\n".join(b for b in blocks if b.strip()))))
    text = require_text(path, meta.text)
    core = document.core_properties
    # Core properties only when real: LibreOffice writes "Word Document", python-docx its own name.
    core_title = clean_meta(core.title)
    if is_placeholder_title(core_title):
        core_title = ""
    title = core_title or clean_meta(heading_title) or meta.title or stem_title(path)
    return ImportedDocument(
        title=title,
        text=text,
        source_path=str(Path(path).resolve()),
        outlet=meta.outlet,
        author=file_author(core.author) or meta.author,
        # the file's creation date is when the file was made (often a years-old template), not publication
        published=meta.published,
        url=meta.url,
        format="docx",
    )


def _iter_blocks(container: Any) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of the body (or a cell) in document order."""
    yield from container.iter_inner_content()


class _TitleStyles:
    """Whether a paragraph has a Title/Heading style, looked up once per style id.

    python-docx finds a paragraph's style by searching styles.xml, for every paragraph:
    a 50,000-paragraph report took minutes. A document uses a handful of styles.
    """

    def __init__(self) -> None:
        self._by_id: dict[str | None, bool] = {}

    def __call__(self, paragraph: Paragraph) -> bool:
        ppr = paragraph._p.pPr
        style_id = ppr.style if ppr is not None else None
        known = self._by_id.get(style_id)
        if known is None:
            known = self._by_id[style_id] = _is_title_style(paragraph)
        return known


def _is_title_style(paragraph: Paragraph) -> bool:
    try:
        style = paragraph.style
        name = (style.name if style is not None else "") or ""
    except (KeyError, ValueError):
        return False
    return name == "Title" or name.startswith("Heading")


def _table_lines(table: Table) -> list[str]:
    """One line per row, cells joined by " | " (merged cells once); nested tables flattened."""
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[object] = set()  # lxml elements hash by identity; merged cells share one
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            parts: list[str] = []
            for block in _iter_blocks(cell):
                if isinstance(block, Paragraph):
                    parts.append(block.text.strip())
                else:
                    parts.extend(_table_lines(block))
            cells.append(" ".join(p for p in parts if p))
        if any(cells):
            lines.append(_CELL_SEPARATOR.join(cells).strip())
    return lines
