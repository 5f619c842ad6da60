"""Saved web pages: main text without clutter, metadata, charsets, fallback, no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from briefing_app.importers import ImportFailed, html_file, load_document

URL = "https://www.example-news.in/world/india-us-leaders-hold-call-2025-03-12"
P1 = (
    "Prime Minister Narendra Modi and US President Donald Trump spoke on the phone on Wednesday and "
    "reviewed the progress of the India–US COMPACT, covering defence, trade and technology cooperation."
)
P2 = (
    "The leaders agreed to expand joint military exercises and to deepen cooperation on critical and "
    "emerging technologies, including semiconductors and artificial intelligence, the ministry said."
)
P3 = (
    "They also discussed the early conclusion of a mutually beneficial bilateral trade agreement and "
    "agreed that the two sides would remain in touch on regional and global issues of mutual interest."
)
PAGE = f"""<!DOCTYPE html>
<!-- saved from url=(0071){URL} -->
<html lang="en"><head><meta charset="utf-8">
<title>India, US leaders hold call on defence and trade | Example News</title>
<meta property="og:title" content="India, US leaders hold call on defence and trade">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="{URL}">
<link rel="canonical" href="{URL}">
<meta name="author" content="Asha Verma">
<meta property="article:published_time" content="2025-03-12T09:30:00+05:30">
<script>var tracking = "SCRIPT_TEXT"; fetch("https://tracker.example/p");</script>
<style>.x {{ color: red }} STYLE_TEXT</style>
</head><body>
<div id="cookie-banner">This website uses cookies to improve your experience. <button>Accept all cookies</button></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World NAV_TEXT</a></li></ul></nav></header>
<main><article>
<h1>India, US leaders hold call on defence and trade</h1>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
<p>{P1}</p>
<p>{P2}</p>
<p><strong>Also Read: Quad foreign ministers to meet in Tokyo next month</strong></p>
<p>{P3}</p>
<p>Share this article</p>
<p>Follow us on Twitter and Instagram</p>
<p>(With inputs from agencies)</p>
</article>
<aside><h3>Related Stories</h3><ul><li><a href="/a">ASIDE_TEXT one</a></li></ul></aside>
</main>
<footer><p>© 2025 Example News. FOOTER_TEXT</p></footer>
</body></html>
"""
CLUTTER = ("SCRIPT_TEXT", "STYLE_TEXT", "NAV_TEXT", "ASIDE_TEXT", "FOOTER_TEXT", "Also Read", "Share",
           "Tweet", "Follow us", "cookies", "tracker.example")  # fmt: skip


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if anything tries to resolve a host or open a connection."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted during import")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_article_text_and_metadata(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "call.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    assert doc.format == "html"
    assert doc.title == "India, US leaders hold call on defence and trade"
    assert doc.outlet == "Example News"
    assert doc.author == "Asha Verma"
    assert doc.published == "2025-03-12"
    assert doc.url == URL
    for paragraph in (P1, P2, P3, "(With inputs from agencies)"):
        assert paragraph in doc.text
    assert doc.text.index(P1) < doc.text.index(P2) < doc.text.index(P3)
    assert f"{P2}\n\n{P3}" in doc.text  # the Also Read line is gone, paragraphs stay apart
    for clutter in CLUTTER:
        assert clutter not in doc.text, clutter


def test_declared_windows_1252_charset(tmp_path: Path) -> None:
    page = PAGE.replace(
        '<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    )
    page = page.replace("India–US COMPACT", "India–US “COMPACT” in Genève")
    path = tmp_path / "latin.htm"
    path.write_bytes(page.encode("cp1252"))
    doc = load_document(path)
    assert "India–US “COMPACT” in Genève" in doc.text


def test_undeclared_non_utf8_detected(tmp_path: Path) -> None:
    page = PAGE.replace('<meta charset="utf-8">', "").replace(
        "India–US COMPACT", "Café résumé naïve São Paulo"
    )
    path = tmp_path / "undeclared.html"
    path.write_bytes(page.encode("cp1252"))
    assert "Café résumé naïve São Paulo" in load_document(path).text


def test_fallback_when_trafilatura_finds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_file, "_extract_with_trafilatura", lambda page: None)
    path = tmp_path / "fallback.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    assert P1 in doc.text and P3 in doc.text
    for clutter in ("SCRIPT_TEXT", "STYLE_TEXT", "NAV_TEXT", "FOOTER_TEXT", "Also Read", "Follow us"):
        assert clutter not in doc.text, clutter
    assert doc.title == "India, US leaders hold call on defence and trade"  # og:title
    assert doc.outlet == "Example News"
    assert doc.url == URL
    assert doc.warnings and "could not be isolated" in doc.warnings[0]


def test_tiny_page_still_imports(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "tiny.html"
    path.write_text(
        "<html><head><title>Note</title></head><body><p>Short note.</p></body></html>", encoding="utf-8"
    )
    doc = load_document(path)
    assert "Short note." in doc.text
    assert doc.title == "Note"


def test_page_without_text(tmp_path: Path) -> None:
    path = tmp_path / "scripts-only.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body><script>b()</script></body></html>")
    with pytest.raises(ImportFailed, match=r"^scripts-only\.html contains no readable text$"):
        load_document(path)


def test_empty_html(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(b"  \n")
    with pytest.raises(ImportFailed, match=r"^empty\.html is empty$"):
        load_document(path)


def test_huge_page_uses_fast_extraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_file, "MAX_TRAFILATURA_CHARS", 1000)
    path = tmp_path / "huge.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_document(path)
    assert P1 in doc.text and "SCRIPT_TEXT" not in doc.text
    assert doc.warnings


def test_import_in_worker_thread(tmp_path: Path) -> None:
    # The GUI imports in worker threads: nothing may rely on signals or the main thread.
    from concurrent.futures import ThreadPoolExecutor

    path = tmp_path / "threaded.html"
    path.write_text(PAGE, encoding="utf-8")
    with ThreadPoolExecutor(max_workers=1) as pool:
        doc = pool.submit(load_document, path).result(timeout=60)
    assert P3 in doc.text


def test_a_10_mb_page_in_one_block_imports_its_text(tmp_path: Path) -> None:
    """libxml2 drops a text node over 10 MB: the page parsed as empty and 'contains no readable text'."""
    sentence = "Ministers discussed maritime security and trade in the Indo-Pacific region. "
    block = sentence * (10_500_000 // len(sentence))
    path = tmp_path / "huge.html"
    path.write_text(f"<html><head><title>Indo-Pacific review</title></head><body><div>{block}</div></body></html>",
                    encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "Indo-Pacific review"
    assert doc.text.count("maritime security") == block.count("maritime security")


def test_the_plain_text_fallback_keeps_non_latin_text_of_an_undeclared_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the extractor gives up, the fallback read undeclared UTF-8 as Latin-1 (mojibake)."""
    monkeypatch.setattr(html_file, "_extract_with_trafilatura", lambda _page: None)
    path = tmp_path / "hindi.html"
    path.write_bytes("<html><head><title>रक्षा वार्ता</title></head><body><div>भारत और अमेरिका ने रक्षा सहयोग पर "
                     "चर्चा की।</div></body></html>".encode())
    doc = load_document(path)
    assert doc.text == "भारत और अमेरिका ने रक्षा सहयोग पर चर्चा की।"
    assert doc.title == "रक्षा वार्ता"
