"""Plain-text import: encodings, binary refusal, empty files, titles."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from briefing_app.domain.text import normalize_text
from briefing_app.importers import ImportFailed, load_document
from tests.importers.factories import PARA_HINDI, PARA_SECURITY

BODY = f"India and US review defence ties\n\n{PARA_SECURITY}\n"


def test_utf8_text_title_and_whole_text(tmp_path: Path) -> None:
    path = tmp_path / "talks.txt"
    path.write_text(BODY, encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "India and US review defence ties"
    assert doc.text == normalize_text(BODY)  # the title line stays in the text
    assert doc.format == "txt"
    assert doc.source_path == str(path.resolve())
    assert doc.warnings == []


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_unicode_with_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "bom.txt"
    data = BODY + PARA_HINDI
    raw = data.encode(encoding)
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    path.write_bytes(raw)
    doc = load_document(path)
    assert doc.text == normalize_text(data)
    assert "\ufeff" not in doc.text


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes(BODY.encode("utf-16-le"))
    assert load_document(path).text == normalize_text(BODY)


def test_cp1252_detected(tmp_path: Path) -> None:
    text = (
        "Café diplomacy — the “strategic” dialogue\n\n"
        "Ministers met in Genève and São Paulo; the communiqué praised the naïve optimism of the résumé. "
        "Officials said the €5 billion fund would be reviewed – again – next year.\n"
    )
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_document(path)
    assert doc.text == normalize_text(text)
    assert doc.title == "Café diplomacy — the “strategic” dialogue"
    assert doc.warnings == [
        "The text's character set was guessed as Western European (cp1252); check accented letters."]


@pytest.mark.parametrize(
    "text",
    [
        # One accented letter gives charset-normalizer little to go on: it ranked
        # hp_roman8 first ("K—ln") for the first, and offered only Big5 ("K闤n") for the second.
        "Ministers met in K\u00f6ln on Monday to discuss NATO. The Bundestag voted.\n",
        "The envoy flew to K\u00f6ln on Friday.\n",
    ],
)
def test_latin1_text_with_a_single_accented_letter_keeps_it(tmp_path: Path, text: str) -> None:
    path = tmp_path / "koeln.txt"
    path.write_bytes(text.encode("latin-1"))
    assert load_document(path).text == normalize_text(text)


def test_emoji_and_devanagari_round_trip(tmp_path: Path) -> None:
    text = f"{PARA_HINDI}\n\nनमस्ते 👋🏽 — ZWJ family 👨‍👩‍👧 and combining e\u0301.\n"
    path = tmp_path / "unicode.txt"
    path.write_text(text, encoding="utf-8")
    doc = load_document(path)
    assert doc.text == normalize_text(text)
    assert "🇮🇳🤝🇺🇸" in doc.text and "👨‍👩‍👧" in doc.text
    assert "é" in doc.text  # NFC composed


def test_binary_renamed_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    with pytest.raises(ImportFailed) as info:
        load_document(path)
    message = str(info.value)
    assert "photo.txt" in message and "is not a text file" in message
    assert "\n" not in message


def test_control_garbage_without_nul_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(b % 31 + 1 for b in range(4000)))
    with pytest.raises(ImportFailed, match="garbage.txt is not a text file"):
        load_document(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n", codecs.BOM_UTF8, "  \n".encode("utf-16")])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=r"^empty\.txt is empty$"):
        load_document(path)


def test_long_first_line_gives_stem_title(tmp_path: Path) -> None:
    path = tmp_path / "long_first_line.txt"
    path.write_text("word " * 100 + "\n\nSecond paragraph.", encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "long first line"
    assert doc.text.startswith("word word")


def test_markdown_heading_title(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Talking points\n\nPoint one.\n", encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "Talking points"
    assert doc.text.startswith("# Talking points")


def test_crlf_and_clutter_lines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(
        b"Title line\r\n\r\nFirst paragraph.\r\nAlso Read: Something else\r\nSecond paragraph.\r\n"
    )
    doc = load_document(path)
    assert "\r" not in doc.text
    assert "Also Read" not in doc.text
    assert doc.text == "Title line\n\nFirst paragraph.\nSecond paragraph."


def test_html_saved_as_txt_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Sniffed page</title></head><body><article>"
        f"<p>{PARA_SECURITY}</p></article></body></html>",
        encoding="utf-8",
    )
    doc = load_document(path)
    assert doc.format == "html"
    assert "<p>" not in doc.text and "maritime security" in doc.text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_hindi_utf16_without_bom(tmp_path: Path, encoding: str) -> None:
    """Devanagari has NUL bytes only in its spaces and punctuation; it used to be refused as binary."""
    text = f"भारत-अमेरिका रक्षा वार्ता\n\n{PARA_HINDI}\n\nदोनों देशों ने समुद्री सुरक्षा, व्यापार और प्रौद्योगिकी पर सहयोग बढ़ाने का निर्णय लिया।\n"
    path = tmp_path / "hindi.txt"
    path.write_bytes(text.encode(encoding))
    doc = load_document(path)
    assert doc.text == normalize_text(text)
    assert doc.title == "भारत-अमेरिका रक्षा वार्ता"


def test_a_stray_nul_is_removed_with_a_warning_and_the_text_kept(tmp_path: Path) -> None:
    path = tmp_path / "glitch.txt"
    path.write_bytes(BODY.replace("defence ties", "defence\x00 ties").encode("utf-8"))
    doc = load_document(path)
    assert doc.text == normalize_text(BODY)
    assert doc.warnings == ["A stray NUL byte was removed from the text."]


@pytest.mark.parametrize("data", [
    PARA_SECURITY.encode("utf-8") + b"\x00" * 40,  # a run of NULs: not a stray glitch
    bytes(range(256)) * 40,  # every byte value, NULs included
    b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + bytes(range(1, 200)) * 20,  # an executable's start
    "\x01\x02\x03\x04 plain words".encode("utf-16-le") * 100,  # NULs on one side, but control characters
])
def test_binary_data_with_nuls_is_still_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(data)
    with pytest.raises(ImportFailed, match=r"^data\.txt is not a text file"):
        load_document(path)


def test_a_stray_nul_in_a_tiny_file_is_not_taken_for_utf16(tmp_path: Path) -> None:
    path = tmp_path / "tiny.txt"
    path.write_bytes(b"Talks in Delhi\x00 today.")  # even length, the NUL at an odd position
    doc = load_document(path)
    assert doc.text == "Talks in Delhi today."


@pytest.mark.parametrize(
    "text",
    [
        # Few accented letters: charset-normalizer finds cp1252 (or mac_latin2) just as clean and the Western
        # reading gives "£ódŸ", "Dvoøák", "Szõke", "Gdañsk", "Vaòková"
        "The delegation reached Łódź on Tuesday to discuss the rail corridor.\n",
        "The orchestra played Dvořák in Prague before the trade talks.\n",
        "Ambassador Anna Szőke said the talks in Budapest had been useful.\n",
        "The minister visited Gdańsk and Poznań to open a port terminal.\n",
        "The mayor of Brno, Markéta Vaňková, met the delegation.\n",
        "Talks in Łódź and Kraków went well; Mr Šťastný and Ms Szőke attended.\n",
    ],
)
def test_central_european_text_with_few_accented_letters_keeps_them(tmp_path: Path, text: str) -> None:
    path = tmp_path / "names.txt"
    path.write_bytes(text.encode("cp1250"))
    doc = load_document(path)
    assert doc.text == normalize_text(text)
    assert doc.warnings == [
        "The text's character set was guessed as Central European (cp1250); check accented letters."]


@pytest.mark.parametrize(
    "text",
    [
        "The price was £5 and ¥300 at 20°C, ½ of it paid in España by señor García.\n",
        "Portuguese officials in São Tomé discussed ações and the irmãs of Brasília.\n",
        "Søren and Åsa met in Århus; Þórður and Guðrún stayed in Reykjavík.\n",
        "Il presidente è andato a Roma, però non può restare; «Això és història».\n",
    ],
)
def test_western_text_is_not_taken_for_central_european(tmp_path: Path, text: str) -> None:
    path = tmp_path / "west.txt"
    path.write_bytes(text.encode("cp1252"))
    assert load_document(path).text == normalize_text(text)
