"""Dispatch, paste, folder expansion, size caps and failure messages."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing_app.domain.text import normalize_text
from briefing_app.importers import (
    SUPPORTED_SUFFIXES,
    ImportedDocument,
    ImportFailed,
    from_paste,
    iter_importable,
    load_document,
)
from briefing_app.importers import txt as txt_module
from briefing_app.importers.limits import MAX_FILE_BYTES
from tests.importers.factories import PARA_HINDI, PARA_SECURITY


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (".txt", ".text", ".md", ".docx", ".html", ".htm", ".pdf")


def test_missing_file() -> None:
    with pytest.raises(ImportFailed, match=r"^nowhere\.txt was not found$"):
        load_document("/no/such/dir/nowhere.txt")


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "stuff.txt"
    folder.mkdir()
    with pytest.raises(ImportFailed, match=r"^stuff\.txt is a folder"):
        load_document(folder)


@pytest.mark.parametrize(("name", "shown"), [("sheet.xlsx", "'.xlsx'"), ("README", "without an extension")])
def test_unsupported_type(tmp_path: Path, name: str, shown: str) -> None:
    path = tmp_path / name
    path.write_text("data", encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        load_document(path)
    assert str(info.value).startswith(f"{name} has an unsupported file type {shown}")


def test_uppercase_suffix(tmp_path: Path) -> None:
    path = tmp_path / "NOTE.TXT"
    path.write_text("Hello there.", encoding="utf-8")
    assert load_document(path).text == "Hello there."


def test_too_large_file_names_the_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: costs no disk space
        handle.truncate(MAX_FILE_BYTES + 5 * 1024 * 1024)
    with pytest.raises(ImportFailed) as info:
        load_document(path)
    assert str(info.value) == "huge.txt is too large to import (65.0 MB; the limit is 60.0 MB)"


def test_unexpected_library_error_is_wrapped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(path: object) -> ImportedDocument:
        raise RuntimeError("internal state\nwith a second line")

    monkeypatch.setattr(txt_module, "load_txt", explode)
    path = tmp_path / "odd.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(ImportFailed) as info:
        load_document(path)
    assert (
        str(info.value)
        == "odd.txt could not be read as a text file (RuntimeError: internal state with a second line)"
    )


def test_package_import_is_light() -> None:
    import subprocess
    import sys

    code = "import sys, briefing_app.importers; print(sorted({'trafilatura', 'pypdf', 'docx'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_import_failed_is_one_line() -> None:
    assert str(ImportFailed("a\nb\r\n  c")) == "a b c"
    assert len(str(ImportFailed("x" * 1000))) <= 300


@pytest.mark.slow
def test_fifty_megabyte_text_imports(tmp_path: Path) -> None:
    paragraph = (PARA_SECURITY + " " + PARA_HINDI + "\n\n").encode("utf-8")
    path = tmp_path / "report.txt"
    repeats = 50 * 1024 * 1024 // len(paragraph)
    path.write_bytes(b"Annual report\n\n" + paragraph * repeats)
    assert path.stat().st_size > 49 * 1024 * 1024
    started = time.perf_counter()
    doc = load_document(path)
    elapsed = time.perf_counter() - started
    assert doc.title == "Annual report"
    assert doc.text.count(PARA_HINDI) == repeats
    assert elapsed < 30, f"50 MB import took {elapsed:.1f}s"


# --- paste ---------------------------------------------------------------------------------------


def test_from_paste_with_metadata() -> None:
    raw = f"  Leaders hold call\r\n\r\n{PARA_SECURITY}\r\nShare this article\r\n{PARA_HINDI}  "
    doc = from_paste(raw, title="  India–US call ", outlet="", published="12 March 2025",
                     url="https://www.mea.gov.in/press.htm")  # fmt: skip
    assert doc.format == "paste"
    assert doc.source_path == ""
    assert doc.title == "India–US call"
    assert doc.outlet == "mea.gov.in"
    assert doc.published == "2025-03-12"
    assert doc.url == "https://www.mea.gov.in/press.htm"
    assert doc.text == f"Leaders hold call\n\n{PARA_SECURITY}\n{PARA_HINDI}"
    assert doc.text == normalize_text(doc.text)


def test_from_paste_defaults_and_bad_date() -> None:
    doc = from_paste("First line is the title\nBody.", outlet="The Hindu", published="last Tuesday")
    assert doc.title == "First line is the title"
    assert doc.outlet == "The Hindu"
    assert doc.published == ""
    assert doc.warnings == ["Date 'last Tuesday' was not understood; use YYYY-MM-DD."]


def test_from_paste_long_first_line_title() -> None:
    doc = from_paste("word " * 100)
    assert doc.title.endswith("…") and len(doc.title) <= 81


@pytest.mark.parametrize("text", ["", "   \n\t ", "Advertisement\nShare"])
def test_from_paste_empty(text: str) -> None:
    with pytest.raises(ImportFailed, match=r"^Pasted text is empty$"):
        from_paste(text)


def test_emoji_devanagari_paste_round_trip() -> None:
    text = f"{PARA_HINDI}\nनमस्ते 👋🏽 👨‍👩‍👧"
    assert from_paste(text).text == text


# --- folders -------------------------------------------------------------------------------------


def test_iter_importable_nested_folder(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    files = [
        "b.txt", "a.docx", "sub/c.pdf", "sub/deeper/d.html", "sub/deeper/e.md", "z.htm",
        ".hidden.txt", ".git/config.txt", "sub/.cache/x.txt", "~$a.docx", "image.png", "notes.doc",
        "page.html", "page_files/ad.html", "sub/UPPER.TXT",
    ]  # fmt: skip
    for name in files:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    loose = tmp_path / "loose.txt"
    loose.write_text("y", encoding="utf-8")
    found = list(iter_importable([root, loose, root / "b.txt"]))
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "inbox/a.docx", "inbox/b.txt", "inbox/page.html", "inbox/sub/UPPER.TXT", "inbox/sub/c.pdf",
        "inbox/sub/deeper/d.html", "inbox/sub/deeper/e.md", "inbox/z.htm", "loose.txt",
    ]  # fmt: skip
    assert all(isinstance(p, Path) for p in found)


def test_iter_importable_passes_explicit_files_through(tmp_path: Path) -> None:
    explicit = [tmp_path / "missing.txt", tmp_path / "sheet.xlsx"]
    assert list(iter_importable(explicit)) == explicit


def test_folder_import_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "two.md").write_text("# Second\n\nText.", encoding="utf-8")
    titles = [load_document(p).title for p in iter_importable([tmp_path])]
    assert titles == ["First article.", "Second"]
