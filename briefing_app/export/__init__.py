"""Briefing export: ``BriefingDocument`` -> house-style Word note, plus the HTML live preview.

No Qt imports here; the GUI and the CLI both call :func:`export_docx`.
"""

from __future__ import annotations

from .docx_writer import ExportFailed, ExportReport, build_document, export_docx, export_docx_report
from .model import BriefingDocument, BriefingItem, BriefingSection, KeyActor, SourceRef
from .preview import render_preview_html

__all__ = [
    "BriefingDocument",
    "BriefingItem",
    "BriefingSection",
    "ExportFailed",
    "ExportReport",
    "KeyActor",
    "SourceRef",
    "build_document",
    "export_docx",
    "export_docx_report",
    "render_preview_html",
]
