"""Import engine: files and pasted text -> ImportedDocument (no Qt here).

One module per format (txt, docx_file, html_file, pdf_file); dispatch chooses
between them. Every text is normalised with ``domain.text.normalize_text`` and
stripped of web clutter by ``boilerplate.strip_boilerplate``.
"""

from __future__ import annotations

from briefing_app.importers.base import ImportedDocument, ImportFailed
from briefing_app.importers.boilerplate import strip_boilerplate
from briefing_app.importers.dispatch import SUPPORTED_SUFFIXES, from_paste, iter_importable, load_document

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ImportFailed",
    "ImportedDocument",
    "from_paste",
    "iter_importable",
    "load_document",
    "strip_boilerplate",
]
