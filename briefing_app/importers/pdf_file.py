"""PDF files with a text layer (pypdf): text reflowed into paragraphs, document info as metadata."""

from __future__ import annotations

import io
import logging
import os
import re
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from briefing_app.domain.wording import count
from briefing_app.importers.base import ImportedDocument, ImportFailed
from briefing_app.importers.common import (
    clean_meta,
    file_author,
    finish_text,
    read_bytes,
    stem_title,
)
from briefing_app.importers.magic import PDF_MAGIC
from briefing_app.importers.pdf_reflow import reflow_pages
from briefing_app.importers.text_meta import is_placeholder_title, read_text_meta

# pypdf logs what it finds wrong with a damaged file ("EOF marker not found") as warnings, and we say the
# problem in our own words; where nothing set up logging (the command line) Python would print them bare
# on stderr above our message. A handler of its own stops that; a window's log file still gets them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

# Titles that PDF printers put in the info dictionary instead of the real one.
_PRINTER_TITLE = re.compile(
    r"^(?:microsoft\s+(?:word|powerpoint)\s+-\s+)|\.(?:docx?|odt|rtf|txt|html?)$", re.I
)
_USELESS_TITLES = frozenset({"untitled", "document", "title", "slide 1", "print"})


def load_pdf(path: str | os.PathLike[str]) -> ImportedDocument:
    """Import a PDF's text layer; scanned, encrypted and damaged PDFs raise ImportFailed."""
    data = read_bytes(path)  # one capped read of a regular file; pypdf never opens the path itself
    if PDF_MAGIC not in data[:1024]:
        raise ImportFailed.for_file(path, "is not a PDF file (corrupt or a different format)")
    try:
        reader = PdfReader(io.BytesIO(data))
        _unlock(path, reader)
        pages = reader.pages
        page_count = len(pages)
        if page_count == 0:
            raise ImportFailed.for_file(path, "is corrupt (no pages found)")
    except ImportFailed:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise ImportFailed.for_file(path, "is corrupt (its PDF structure could not be read)") from exc

    warnings: list[str] = []
    texts: list[str] = []
    failed: list[int] = []
    for number in range(page_count):
        try:
            texts.append(pages[number].extract_text() or "")
        except FileNotDecryptedError as exc:
            raise ImportFailed.for_file(
                path, "is password-protected; remove the password and try again"
            ) from exc
        except Exception:  # pypdf raises many types on damaged content streams
            failed.append(number + 1)
            texts.append("")
    if failed:
        warnings.append(f"{count(len(failed), 'page')} could not be read: {_page_list(failed)}.")
    text = finish_text(reflow_pages(texts))
    if not text:
        reason = "has no text layer (scanned?); run it through OCR and import the result"
        if failed and len(failed) == page_count:
            reason = "is corrupt (no page could be read)"
        raise ImportFailed.for_file(path, reason)
    blank = [n + 1 for n, t in enumerate(texts) if not t.strip() and n + 1 not in failed]
    if blank:
        warnings.append(
            f"{len(blank)} of {count(page_count, 'page')} {'has' if len(blank) == 1 else 'have'} no text layer "
            f"(scanned?): {_page_list(blank)}."
        )

    info = _info(reader)
    meta = read_text_meta(text)
    text = meta.text or text
    title = _clean_title(info.get("/Title", "")) or meta.title or stem_title(path)
    return ImportedDocument(
        title=title,
        text=text,
        source_path=str(Path(path).resolve()),
        outlet=meta.outlet,
        author=file_author(info.get("/Author", "")) or meta.author,
        # the file's creation date is when the PDF was made, not when the article was published
        published=meta.published,
        url=meta.url,
        format="pdf",
        warnings=warnings,
    )


def _unlock(path: str | os.PathLike[str], reader: PdfReader) -> None:
    """Open PDFs that only restrict editing (empty user password); refuse real passwords."""
    if not reader.is_encrypted:
        return
    try:
        result = reader.decrypt("")
    except DependencyError as exc:
        raise ImportFailed.for_file(
            path, "is encrypted with AES, which this installation cannot decrypt (cryptography missing)"
        ) from exc
    except (PdfReadError, NotImplementedError) as exc:
        raise ImportFailed.for_file(path, "uses an unsupported kind of PDF encryption") from exc
    if result == PasswordType.NOT_DECRYPTED:
        raise ImportFailed.for_file(path, "is password-protected; remove the password and try again")


def _info(reader: PdfReader) -> dict[str, str]:
    """The document information dictionary as plain strings ({} when unreadable)."""
    try:
        metadata = reader.metadata
    except Exception:  # a damaged info dictionary must not stop the import
        return {}
    if not metadata:
        return {}
    result: dict[str, str] = {}
    for key in ("/Title", "/Author", "/CreationDate"):
        try:
            value = metadata.get(key)
        except Exception:  # indirect objects may point nowhere
            continue
        if value is not None:
            result[key] = str(value)
    return result


def _clean_title(raw: str) -> str:
    title = _PRINTER_TITLE.sub("", clean_meta(raw)).strip()
    return "" if title.casefold() in _USELESS_TITLES or is_placeholder_title(title) else title


def _page_list(numbers: list[int], limit: int = 10) -> str:
    shown = ", ".join(str(n) for n in numbers[:limit])
    return shown + (", …" if len(numbers) > limit else "")
