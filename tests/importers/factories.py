"""Builders for the fixture files the importer tests create in tmp_path."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from pypdf import PdfWriter

ARTICLE_TITLE = "India and US review defence ties"
PARA_SECURITY = (
    "The two sides discussed maritime security cooperation in the Indo-Pacific region and agreed to "
    "deepen intelligence sharing arrangements, noting that the regional security architecture must "
    "remain open, inclusive and based on international law and the peaceful settlement of disputes."
)
PARA_TRADE = (
    "Officials reviewed progress on the bilateral trade agreement negotiations and the resilience of "
    "critical supply chains for semiconductors and pharmaceuticals across both economies, with a view "
    "to concluding the first tranche by autumn. Ministers also welcomed new investments in clean energy."
)
PARA_HINDI = "भारत और अमेरिका ने रक्षा सहयोग पर चर्चा की। 🇮🇳🤝🇺🇸"


def make_docx(path: Path, *, core_title: str = ARTICLE_TITLE, with_table: bool = True) -> Path:
    """A .docx with a heading, body paragraphs, a subheading, a table and core properties."""
    document = docx.Document()
    props = document.core_properties
    props.title = core_title
    props.author = "Desk Officer"
    props.created = dt.datetime(2025, 3, 12, 9, 30)
    document.add_heading(ARTICLE_TITLE, level=1)
    document.add_paragraph(PARA_SECURITY)
    document.add_heading("Trade and technology", level=2)
    document.add_paragraph(PARA_TRADE)
    if with_table:
        table = document.add_table(rows=3, cols=2)
        for row, (left, right) in enumerate(
            (("Item", "Detail"), ("Exercise", "Malabar"), ("Dialogue", "2+2"))
        ):
            table.cell(row, 0).text = left
            table.cell(row, 1).text = right
    document.add_paragraph(PARA_HINDI)
    document.add_paragraph("Closing paragraph after the table.")
    document.save(str(path))
    return path


def convert_to_pdf(source: Path, outdir: Path) -> Path:
    """Convert ``source`` with LibreOffice (private profile, so parallel runs do not collide)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError(
            "LibreOffice is required for the PDF tests: apt-get install -y libreoffice-writer-nogui"
        )
    profile = outdir / "lo-profile"
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    pdf = outdir / (source.stem + ".pdf")
    if not pdf.exists():
        raise RuntimeError(f"LibreOffice did not produce {pdf}")
    return pdf


def make_blank_pdf(path: Path, pages: int = 2) -> Path:
    """A PDF whose pages carry no text at all (what a scan looks like to a text extractor)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def encrypt_pdf(source: Path, target: Path, user_password: str, owner_password: str = "owner") -> Path:
    """Copy ``source`` encrypted with RC4-128 (pure Python in pypdf, no extra package needed)."""
    writer = PdfWriter(clone_from=str(source))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    with open(target, "wb") as handle:
        writer.write(handle)
    return target


def make_zip_docx(path: Path, members: dict[str, bytes]) -> Path:
    """A zip with the given members, deflated."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def make_bomb_docx(path: Path, template: Path, *, member_mb: int, members: int) -> Path:
    """A real .docx plus ``members`` highly compressible parts of ``member_mb`` MB of zeros each."""
    shutil.copy(template, path)
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for index in range(members):
            with archive.open(f"word/media/pad{index}.bin", "w", force_zip64=True) as handle:
                for _ in range(member_mb):
                    handle.write(chunk)
    return path


def make_long_docx(path: Path, paragraphs: int, heading: str) -> Path:
    """A .docx of ``paragraphs`` body paragraphs in two styles, then a Heading 1 paragraph ``heading``.

    document.xml is written directly: python-docx itself needs half a minute to add 50,000 paragraphs.
    """
    base = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("placeholder")
    document.save(base)
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{"ListParagraph" if n % 2 else "Normal"}"/></w:pPr>'
        f"<w:r><w:t>Paragraph {n} of the long maritime security report.</w:t></w:r></w:p>"
        for n in range(paragraphs)
    )
    body += f'<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>{escape(heading)}</w:t></w:r></w:p>'
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w='
           f'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body>'
           "</w:document>")
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = xml.encode() if info.filename == "word/document.xml" else source.read(info.filename)
            target.writestr(info.filename, data)
    return path
