"""Briefing export: ``BriefingDocument`` -> house-style Word note, plus the HTML live preview.

No Qt imports here; the GUI and the CLI both call :func:`export_docx`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import BriefingDocument, BriefingItem, BriefingSection, KeyActor, SourceRef

if TYPE_CHECKING:
    from .docx_writer import ExportFailed, ExportReport, build_document, export_docx, export_docx_report
    from .preview import render_preview_html

# python-docx and the writer load on first use (PEP 562), not at start-up: the window
# must show in under a second and an export is seconds away at the earliest.
_LAZY = {
    "ExportFailed": "docx_writer", "ExportReport": "docx_writer", "build_document": "docx_writer",
    "export_docx": "docx_writer", "export_docx_report": "docx_writer", "render_preview_html": "preview",
}


def __getattr__(name: str) -> Any:
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{module_name}"), name)
    globals()[name] = value
    return value

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
