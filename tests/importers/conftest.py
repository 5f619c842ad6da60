"""Fixtures for the importer tests (files are generated, never checked in)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importers.factories import convert_to_pdf, make_docx


@pytest.fixture(scope="session")
def sample_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference .docx, built once."""
    return make_docx(tmp_path_factory.mktemp("docx") / "india-us.docx")


@pytest.fixture(scope="session")
def libreoffice_pdf(tmp_path_factory: pytest.TempPathFactory, sample_docx: Path) -> Path:
    """The reference .docx converted to PDF by LibreOffice, once per session (LibreOffice is required)."""
    outdir = tmp_path_factory.mktemp("pdf")
    try:
        return convert_to_pdf(sample_docx, outdir)
    except RuntimeError as exc:
        pytest.fail(str(exc))
