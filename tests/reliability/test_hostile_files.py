"""Malformed and oddly encoded files: import either gives clean text or one clear line, never a crash.

Whatever imports is stored, analysed and read back; whatever fails says which
file and why, and leaves the library as it was.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from briefing_app.domain.text import normalize_text
from briefing_app.importers import ImportedDocument, ImportFailed, load_document
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.services import Services
from briefing_app.services.analysis import AnalysisService

TEXT = "Prime Minister Narendra Modi met President Donald Trump in Washington."


def _good_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph(TEXT)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = change(info.filename, src.read(info.filename))
            if content is not None:
                dst.writestr(info.filename, content)
    return out.getvalue()


def _pdf_with_text() -> bytes:
    """A tiny valid PDF with a text layer (hand-written objects, offsets computed)."""
    stream = b"BT /F1 12 Tf 72 720 Td (" + TEXT.encode() + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


GOOD_DOCX = _good_docx()
GOOD_PDF = _pdf_with_text()

#: file name -> bytes. Names carry the suffix the importer is chosen by.
FILES: dict[str, bytes] = {
    # Word
    "empty.docx": b"",
    "truncated.docx": GOOD_DOCX[: len(GOOD_DOCX) // 2],
    "random_with_zip_magic.docx": b"PK\x03\x04" + bytes(range(256)) * 20,
    "zip_without_document.docx": _rezip(GOOD_DOCX, lambda n, c: None if n == "word/document.xml" else c),
    "broken_xml.docx": _rezip(GOOD_DOCX, lambda n, c: c[: len(c) // 2] if n == "word/document.xml" else c),
    "nul_in_xml.docx": _rezip(GOOD_DOCX, lambda n, c: c.replace(b"Narendra", b"Nare\x00ndra")
                              if n == "word/document.xml" else c),
    "plain_text_named.docx": TEXT.encode(),
    "old_word_ole.docx": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000,
    # PDF
    "garbage.pdf": b"%PDF-1.7\n" + bytes(range(256)) * 40,
    "truncated.pdf": GOOD_PDF[: len(GOOD_PDF) // 2],
    "no_text_layer.pdf": GOOD_PDF.replace(b"(" + TEXT.encode() + b") Tj", b"(" + b" " * len(TEXT) + b") Tj"),
    "header_only.pdf": b"%PDF-1.4\n%%EOF\n",
    "html_named.pdf": b"<html><body><p>" + TEXT.encode() + b"</p></body></html>",
    # HTML
    "unclosed_tags.html": b"<html><body><div><p>" + TEXT.encode() + b"<p><b><i>still open",
    "deep_nesting.html": b"<html><body>" + b"<div>" * 50_000 + TEXT.encode() + b"</div>" * 50_000 + b"</body></html>",
    "binary_named.html": bytes(range(256)) * 30,
    "scripts_only.html": b"<html><head><script>alert(1)</script><style>p{}</style></head><body></body></html>",
    "nul_bytes.html": b"<html><body><p>Prime\x00 Minister Narendra Modi\x00 met Trump.</p></body></html>",
    "lying_charset.html": b'<html><head><meta charset="utf-16"></head><body><p>' + TEXT.encode() + b"</p></body></html>",
    "invalid_utf8.html": b"<html><body><p>" + TEXT.encode() + b" \xff\xfe\xc0\xaf \xed\xa0\x80</p></body></html>",
    # Plain text with invalid or unusual encodings
    "invalid_utf8.txt": TEXT.encode() + b" \xff\xfe\xfd \xc0\xaf \xed\xa0\x80 \x80\x81 end.",
    "latin1.txt": "Réunion à Genève: Narendra Modi et Emmanuel Macron.".encode("latin-1"),
    "utf16_no_bom.txt": TEXT.encode("utf-16-le"),
    "utf16_bom.txt": TEXT.encode("utf-16"),
    "random_bytes.txt": bytes((i * 7919) % 256 for i in range(5000)),
    "nul_only.txt": b"\x00" * 1000,
    "crlf_and_cr.txt": b"Title\r\n\r\n" + TEXT.encode() + b"\rSecond line.\r\n",
    "mixed_utf8_cp1252.txt": "Modi’s visit — “historic”".encode() + " and Macron’s reply".encode("cp1252"),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_malformed_or_odd_file_imports_cleanly_or_fails_clearly(
    name: str, tmp_path: Path, services: Services, analyzer: Analyzer
) -> None:
    path = tmp_path / name
    path.write_bytes(FILES[name])
    try:
        doc = load_document(path)
    except ImportFailed as exc:
        message = str(exc)
        assert name in message and "\n" not in message and "Traceback" not in message
        assert services.articles.list_summaries() == []
        return
    assert isinstance(doc, ImportedDocument)
    assert doc.text == normalize_text(doc.text), "importers hand over normalised text"
    try:
        article = services.articles.add(doc)
    except ValueError as exc:  # nothing readable inside (e.g. only NULs)
        assert "empty" in str(exc)
        return
    assert article.id is not None
    AnalysisService(services.db, analyzer).analyze_article(article.id)
    stored = services.articles.get(article.id)
    assert stored is not None and stored.text == doc.text
    for ann in services.annotations.for_article(article.id):
        assert stored.text[ann.start:ann.end] == ann.text


@pytest.mark.parametrize("name", ["invalid_utf8.txt", "unclosed_tags.html", "invalid_utf8.html", "crlf_and_cr.txt"])
def test_recoverable_files_keep_their_readable_text(name: str, tmp_path: Path) -> None:
    """Files that are damaged only in places still bring the readable text in."""
    path = tmp_path / name
    path.write_bytes(FILES[name])
    doc = load_document(path)
    assert "Donald Trump" in doc.text
