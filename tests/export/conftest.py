"""Shared fixtures for the export tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from briefing_app.export import BriefingDocument, export_docx
from tests.benchmarks.sample_briefing import make_sample_document


def require_tools(*names: str) -> None:
    """Skip (locally) or fail (in CI) when an external converter is missing."""
    missing = [n for n in names if shutil.which(n) is None]
    if missing:
        message = f"missing tools: {', '.join(missing)} (apt-get install libreoffice-writer-nogui poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def to_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert ``docx_path`` to PDF with LibreOffice headless; return the PDF path."""
    require_tools("soffice")
    profile = outdir / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(outdir), str(docx_path)],
        check=True, capture_output=True, timeout=180,
    )
    pdf = outdir / (docx_path.stem + ".pdf")
    assert pdf.is_file(), "LibreOffice produced no PDF"
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """Text of each PDF page (``pdftotext -layout``)."""
    require_tools("pdftotext")
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True, timeout=60).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


@pytest.fixture(scope="module")
def sample() -> BriefingDocument:
    """A realistic 30-passage briefing (several pages)."""
    return make_sample_document(30)


@pytest.fixture(scope="module")
def exported(sample: BriefingDocument, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``sample`` exported once with the house template."""
    out = tmp_path_factory.mktemp("export") / "briefing.docx"
    export_docx(sample, out)
    return out


@pytest.fixture(scope="module")
def reopened(exported: Path):
    """The exported note reopened with python-docx."""
    return docx.Document(str(exported))
