"""Choosing an importer for a file, importing pasted text, and expanding folders."""

from __future__ import annotations

import importlib
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from urllib.parse import urlparse

from briefing_app.importers.base import ImportedDocument, ImportFailed, describe_exception, display_name
from briefing_app.importers.common import finish_text, first_line_title
from briefing_app.importers.dates import iso_date
from briefing_app.importers.files import check_regular, read_capped
from briefing_app.importers.limits import MAX_FILE_BYTES, format_size
from briefing_app.importers.magic import OLE_MAGIC, PDF_MAGIC, ZIP_MAGIC

Importer = Callable[[str | os.PathLike[str]], ImportedDocument]

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".docx", ".html", ".htm", ".pdf")
# format -> (what the user calls it, "module:function"); modules load on first use, which keeps
# trafilatura/pypdf/python-docx out of application start-up.
_IMPORTERS: dict[str, tuple[str, str]] = {
    "txt": ("text", "briefing_app.importers.txt:load_txt"),
    "docx": ("Word", "briefing_app.importers.docx_file:load_docx"),
    "html": ("web page", "briefing_app.importers.html_file:load_html"),
    "pdf": ("PDF", "briefing_app.importers.pdf_file:load_pdf"),
}
_BY_SUFFIX = {".txt": "txt", ".text": "txt", ".md": "txt", ".docx": "docx", ".html": "html",
              ".htm": "html", ".pdf": "pdf"}  # fmt: skip
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_UNTITLED = "Pasted text"
_PASTE_TITLE_CHARS = 80
_SNIFF_BYTES = 2048


def sniff_format(path: str | os.PathLike[str], suffix_format: str) -> str:
    """Correct the suffix's guess with the file's first bytes (a PDF saved as .html, a page saved as .txt)."""
    head = read_capped(path, head=_SNIFF_BYTES)
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC) or head.startswith(OLE_MAGIC):
        return "docx" if suffix_format in ("docx", "txt", "html") else suffix_format
    if suffix_format == "txt" and _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")):
        return "html"
    return suffix_format


def load_document(path: str | os.PathLike[str]) -> ImportedDocument:
    """Import one file, choosing the importer by suffix and content; raise ImportFailed on any failure."""
    name = display_name(path)
    suffix = Path(path).suffix.lower()
    try:
        if not os.path.exists(path):
            raise ImportFailed.for_file(path, "was not found")
        if os.path.isdir(path):
            raise ImportFailed.for_file(path, "is a folder, not a file")
        # Pipes, sockets and devices (or links to them) are never opened: a FIFO would block
        # for ever and /dev/zero never ends. stat() follows links and opens nothing.
        info = check_regular(path)
        if suffix not in _BY_SUFFIX:
            kind = f"'{suffix}'" if suffix else "without an extension"
            raise ImportFailed.for_file(
                path, f"has an unsupported file type {kind} (supported: {', '.join(SUPPORTED_SUFFIXES)})"
            )
        if info.st_size > MAX_FILE_BYTES:  # before anything is read
            raise ImportFailed.for_file(path, f"is too large to import ({format_size(info.st_size)}; "
                                              f"the limit is {format_size(MAX_FILE_BYTES)})")
        fmt = sniff_format(path, _BY_SUFFIX[suffix])
    except ImportFailed:
        raise
    except PermissionError as exc:
        raise ImportFailed(f"{name} cannot be read (permission denied)") from exc
    except OSError as exc:
        raise ImportFailed(f"{name} cannot be read ({exc.strerror or describe_exception(exc)})") from exc
    kind, target = _IMPORTERS[fmt]
    try:
        return _resolve(target)(path)
    except ImportFailed:
        raise
    except PermissionError as exc:
        raise ImportFailed(f"{name} cannot be read (permission denied)") from exc
    except MemoryError as exc:
        raise ImportFailed(f"{name} is too large to import (out of memory)") from exc
    except RecursionError as exc:
        raise ImportFailed(f"{name} is too deeply nested to import as a {kind} file") from exc
    except Exception as exc:  # any library failure becomes a one-line user message
        raise ImportFailed(f"{name} could not be read as a {kind} file ({describe_exception(exc)})") from exc


class ImportCancelled(Exception):
    """The officer stopped the import while this file was being read."""


def load_document_cancellable(path: str | os.PathLike[str], cancel: Callable[[], bool],
                              poll_seconds: float = 0.1) -> ImportedDocument:
    """load_document, but stop waiting as soon as ``cancel()`` turns true (raise ImportCancelled).

    The file is read in a helper thread that is abandoned on cancel: its result is dropped
    and it stores nothing, so Stop and Quit never wait for a slow file. The size caps bound
    how long the abandoned reader can still run.
    """
    if cancel():
        raise ImportCancelled(display_name(path))
    outcome: list[ImportedDocument | BaseException] = []

    def run() -> None:
        try:
            outcome.append(load_document(path))
        except BaseException as exc:  # handed to the waiting thread, which raises it
            outcome.append(exc)

    reader = threading.Thread(target=run, name=f"import {display_name(path)}", daemon=True)
    reader.start()
    while reader.is_alive():
        reader.join(poll_seconds)
        if reader.is_alive() and cancel():
            raise ImportCancelled(display_name(path))
    result = outcome[0]
    if isinstance(result, BaseException):
        raise result
    return result


def _resolve(target: str) -> Importer:
    module_name, _, function = target.partition(":")
    importer: Importer = getattr(importlib.import_module(module_name), function)
    return importer


def from_paste(
    text: str, title: str = "", outlet: str = "", published: str = "", url: str = ""
) -> ImportedDocument:
    """Import pasted text with the metadata typed next to it."""
    body = finish_text(text or "")
    if not body:
        raise ImportFailed("Pasted text is empty")
    warnings: list[str] = []
    iso = iso_date(published)
    if published.strip() and not iso:
        warnings.append(f"Date '{published.strip()}' was not understood; use YYYY-MM-DD.")
    clean_url = url.strip()
    if clean_url and not clean_url.startswith(("http://", "https://")) and "." in clean_url.split("/")[0]:
        clean_url = "https://" + clean_url
    outlet = " ".join(outlet.split())
    if not outlet and clean_url:
        outlet = re.sub(r"^www\d?\.", "", urlparse(clean_url).hostname or "")
    return ImportedDocument(
        title=" ".join(title.split()) or _paste_title(body),
        text=body,
        source_path="",
        outlet=outlet,
        published=iso,
        url=clean_url,
        format="paste",
        warnings=warnings,
    )


def _paste_title(body: str) -> str:
    line = first_line_title(body)
    if line:
        return line
    first = body.split("\n", 1)[0].strip()
    cut = first[:_PASTE_TITLE_CHARS].rsplit(" ", 1)[0]
    return (cut + "…") if cut else _UNTITLED


def iter_importable(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Yield files to import: folders expanded recursively in sorted order.

    Inside folders, hidden files and folders, Office lock files (``~$x.docx``), unsupported
    suffixes and the ``<page>_files`` folders browsers save next to a page are skipped.
    Paths given explicitly are yielded as they are (even missing or unsupported ones),
    so that load_document can tell the user what is wrong with them. Each file is yielded once.
    """
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        candidates = _walk(path) if path.is_dir() else iter((path,))
        for candidate in candidates:
            key = candidate.resolve() if candidate.exists() else candidate.absolute()
            if key not in seen:
                seen.add(key)
                yield candidate


def _walk(root: Path) -> Iterator[Path]:
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        siblings = {Path(f).stem for f in filenames if Path(f).suffix.lower() in (".html", ".htm")}
        dirnames[:] = [
            d for d in dirnames
            if not d.startswith(".") and not (d.endswith("_files") and d[: -len("_files")] in siblings)
        ]  # fmt: skip
        for filename in filenames:
            if _importable_name(filename):
                found.append(Path(folder, filename))
    found.sort(key=lambda p: p.relative_to(root).parts)
    return iter(found)


def _importable_name(filename: str) -> bool:
    return not filename.startswith((".", "~$")) and Path(filename).suffix.lower() in SUPPORTED_SUFFIXES
