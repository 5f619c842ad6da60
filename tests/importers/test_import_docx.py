"""Word .docx import: order of paragraphs/headings/tables, metadata, damaged and hostile files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph

from briefing_app.importers import ImportFailed, load_document
from briefing_app.importers.magic import OLE_MAGIC
from tests.importers.factories import (
    ARTICLE_TITLE,
    PARA_HINDI,
    PARA_SECURITY,
    PARA_TRADE,
    make_bomb_docx,
    make_docx,
    make_long_docx,
    make_zip_docx,
)


def test_text_in_order_with_table_and_metadata(sample_docx: Path) -> None:
    doc = load_document(sample_docx)
    assert doc.format == "docx"
    assert doc.title == ARTICLE_TITLE
    assert doc.author == "Desk Officer"
    # the file's creation date (2025-03-12 in its properties) is not the article's publication date
    assert doc.published == ""
    assert doc.source_path == str(sample_docx.resolve())
    expected_order = [ARTICLE_TITLE, PARA_SECURITY, "Trade and technology", PARA_TRADE, "Item | Detail",
                      "Exercise | Malabar", "Dialogue | 2+2", PARA_HINDI, "Closing paragraph after the table."]  # fmt: skip
    positions = [doc.text.index(part) for part in expected_order]
    assert positions == sorted(positions)
    assert f"{ARTICLE_TITLE}\n\n{PARA_SECURITY}" in doc.text
    assert "Item | Detail\nExercise | Malabar" in doc.text


def test_heading_is_title_without_core_title(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "untitled.docx", core_title="")
    assert load_document(path).title == ARTICLE_TITLE


def test_title_style_paragraph(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Intro before the title is body text.")
    document.add_heading("Official statement", level=0)  # level 0 = "Title" style
    document.add_paragraph("Body.")
    path = tmp_path / "title-style.docx"
    document.save(str(path))
    assert load_document(path).title == "Official statement"


def test_merged_cells_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Header across"
    for col, value in enumerate(("a", "b", "c")):
        table.cell(1, col).text = value
    path = tmp_path / "merged.docx"
    document.save(str(path))
    assert load_document(path).text == "Header across\na | b | c"


def test_corrupt_docx(tmp_path: Path, sample_docx: Path) -> None:
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(sample_docx.read_bytes()[:3000])
    with pytest.raises(ImportFailed, match=r"^truncated\.docx is corrupt"):
        load_document(truncated)


def test_random_bytes_docx(tmp_path: Path) -> None:
    path = tmp_path / "junk.docx"
    path.write_bytes(b"this is not a zip at all" * 10)
    with pytest.raises(ImportFailed, match=r"^junk\.docx is not a Word \.docx file"):
        load_document(path)


def test_zip_that_is_not_docx(tmp_path: Path) -> None:
    path = make_zip_docx(tmp_path / "archive.docx", {"readme.txt": b"hello", "data.csv": b"a,b\n"})
    with pytest.raises(ImportFailed, match=r"^archive\.docx is a zip file but not a Word document"):
        load_document(path)


def test_docx_with_broken_xml(tmp_path: Path, sample_docx: Path) -> None:
    import zipfile

    path = tmp_path / "badxml.docx"
    with zipfile.ZipFile(sample_docx) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(ImportFailed, match=r"^badxml\.docx is corrupt"):
        load_document(path)


def test_password_protected_docx(tmp_path: Path) -> None:
    # Encrypted Office files are OLE compound files holding an "EncryptionInfo" stream.
    path = tmp_path / "secret.docx"
    path.write_bytes(OLE_MAGIC + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 2000)
    with pytest.raises(ImportFailed) as info:
        load_document(path)
    assert str(info.value).startswith("secret.docx is password-protected")


def test_legacy_doc_renamed(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(OLE_MAGIC + b"\0" * 504 + "WordDocument".encode("utf-16-le") + b"\0" * 2000)
    with pytest.raises(ImportFailed, match=r"^old\.docx is an old Word 97-2003 document"):
        load_document(path)


def test_zip_bomb_by_ratio(tmp_path: Path, sample_docx: Path) -> None:
    path = make_bomb_docx(tmp_path / "bomb.docx", sample_docx, member_mb=20, members=1)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(
        ImportFailed, match=r"^bomb\.docx contains a part compressed \d+:1 \(possible zip bomb\)"
    ):
        load_document(path)


def test_zip_bomb_by_total_size(tmp_path: Path, sample_docx: Path) -> None:
    # Many parts below the ratio threshold that add up to more than the cap.
    path = make_bomb_docx(tmp_path / "wide.docx", sample_docx, member_mb=4, members=52)
    with pytest.raises(ImportFailed, match=r"^wide\.docx expands to more than 200\.0 MB"):
        load_document(path)


def test_empty_docx(tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    with pytest.raises(ImportFailed, match=r"^blank\.docx is empty$"):
        load_document(path)


def test_date_comes_from_the_dateline_and_tool_authors_are_dropped(tmp_path: Path) -> None:
    import docx

    document = docx.Document()  # python-docx's template: author "python-docx", created 2013
    document.add_paragraph("Germany and India sign green hydrogen partnership")
    document.add_paragraph("Berlin, 4 November 2025: Germany and India signed a partnership on green hydrogen.")
    path = tmp_path / "dated.docx"
    document.save(path)
    doc = load_document(path)
    assert doc.published == "2025-11-04"
    assert doc.author == ""


def test_a_50000_paragraph_report_imports_with_one_style_lookup_per_style(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Finding the title used to search styles.xml for every paragraph (minutes for a long report)."""
    lookups: list[str] = []
    original = Paragraph.style

    def counted(paragraph: Paragraph) -> object:
        lookups.append(paragraph.text[:20])
        return original.fget(paragraph)  # type: ignore[union-attr]

    monkeypatch.setattr(Paragraph, "style", property(counted, original.fset))
    path = make_long_docx(tmp_path / "long.docx", 50_000, "Annual maritime security review")
    doc = load_document(path)
    assert doc.title == "Annual maritime security review", "the Heading 1 after 50,000 paragraphs is found"
    assert doc.text.count("of the long maritime security report.") == 50_000
    assert "Paragraph 49999 of the long" in doc.text
    assert len(lookups) <= 3, "one style lookup per style used (Normal, List Paragraph, Heading 1)"
