"""Web pages saved from a browser: main text via trafilatura, metadata, offline only.

trafilatura is only ever given the decoded page as a string; none of its download
functions is called, so nothing touches the network.
"""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import lxml.html
import trafilatura
from lxml import etree

from briefing_app.importers.base import ImportedDocument, ImportFailed
from briefing_app.importers.common import (
    clean_meta,
    finish_text,
    first_line_title,
    read_bytes,
    require_text,
    stem_title,
)
from briefing_app.importers.dates import iso_date
from briefing_app.importers.encodings import guess_encoding

_HEAD_BYTES = 4096
# trafilatura needs ~1.5 s per MB; beyond this, pages get the fast plain lxml extraction.
MAX_TRAFILATURA_CHARS = 8_000_000
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# Browsers mark saved pages with: <!-- saved from url=(0042)https://example.com/... -->
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "input", "menu", "dialog", "object", "embed",
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr table blockquote pre "
    "figcaption figure br hr address".split()
)
# A site name that is only a domain is shown without "www.".
_WWW = re.compile(r"^www\d?\.", re.IGNORECASE)


def decode_html_bytes(data: bytes) -> tuple[str, str]:
    """Decode a page using its BOM, declared charset, UTF-8 or a detected charset; return (text, encoding)."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):  # fmt: skip
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding
    match = _META_CHARSET.search(data[:_HEAD_BYTES])
    if match:
        declared = match.group(1).decode("ascii", errors="ignore")
        try:
            codecs.lookup(declared)
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # wrong declaration: fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = guess_encoding(data) or "cp1252"  # the web's default for undeclared pages
    return data.decode(encoding, errors="replace"), encoding


def load_html(path: str | os.PathLike[str]) -> ImportedDocument:
    """Import a saved web page: article text without clutter, plus title/outlet/author/date/url."""
    data = read_bytes(path)
    if not data.strip():
        raise ImportFailed.for_file(path, "is empty")
    page, _encoding = decode_html_bytes(data)
    warnings: list[str] = []
    result = _extract_with_trafilatura(page) if len(page) <= MAX_TRAFILATURA_CHARS else None
    body = result.text if result is not None else ""
    text = finish_text(_paragraphs(body))
    meta_tree = _parse_tree(page)
    if not text:
        # A fresh tree (_plain_text prunes it), parsed without libxml2's 10 MB limit on one text
        # node: a page whose article is one huge block otherwise parses as empty. The file size
        # cap bounds what this can cost.
        fallback_tree = _parse_tree(page, huge=True)
        if fallback_tree is None:
            raise ImportFailed.for_file(path, "is not a readable web page")
        text = finish_text(_plain_text(fallback_tree))
        warnings.append("The main article could not be isolated; all visible text of the page was imported.")
    require_text(path, text, "contains no readable text")

    url = clean_meta(getattr(result, "url", "")) or _saved_from_url(page) or _meta(meta_tree, "og:url")
    title = (
        clean_meta(getattr(result, "title", ""))
        or _meta(meta_tree, "og:title")
        or _tree_title(meta_tree)
        or first_line_title(text)
        or stem_title(path)
    )
    outlet = clean_meta(getattr(result, "sitename", "")) or _meta(meta_tree, "og:site_name") or _host(url)
    return ImportedDocument(
        title=title,
        text=text,
        source_path=str(Path(path).resolve()),
        outlet=_WWW.sub("", outlet),
        author=clean_meta(getattr(result, "author", "")),
        published=iso_date(getattr(result, "date", "")),
        url=url if url.startswith(("http://", "https://")) else "",
        format="html",
        warnings=warnings,
    )


def _extract_with_trafilatura(page: str) -> trafilatura.settings.Document | None:
    """Run trafilatura on the page string (no URL is given, so nothing is fetched)."""
    result = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
    )
    if result is None or isinstance(result, dict):
        return None
    return result


def _paragraphs(body: str | None) -> str:
    """trafilatura puts one paragraph per line; separate them with blank lines."""
    if not body:
        return ""
    return "\n\n".join(line for line in body.split("\n") if line.strip())


def _parse_tree(page: str, huge: bool = False) -> lxml.html.HtmlElement | None:
    # The page is handed over as UTF-8 bytes (a str cannot carry an XML encoding declaration); say so, or
    # lxml reads undeclared bytes as Latin-1. One parser per call: parsers are not thread-safe.
    parser = lxml.html.HTMLParser(encoding="utf-8", huge_tree=huge)
    try:
        return lxml.html.document_fromstring(page.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError):
        return None


def _meta(tree: lxml.html.HtmlElement | None, prop: str) -> str:
    if tree is None:
        return ""
    values = tree.xpath(f'//meta[@property="{prop}" or @name="{prop}"]/@content')
    return clean_meta(values[0]) if values else ""


def _tree_title(tree: lxml.html.HtmlElement | None) -> str:
    if tree is None:
        return ""
    for xpath in ("//title", "//h1"):
        found = tree.xpath(xpath)
        if found:
            value = clean_meta(found[0].text_content())
            if value:
                return value
    return ""


def _saved_from_url(page: str) -> str:
    match = _SAVED_FROM.search(page[:_HEAD_BYTES])
    return match.group(1) if match else ""


def _host(url: str) -> str:
    return (urlparse(url).hostname or "") if url else ""


def _plain_text(tree: lxml.html.HtmlElement) -> str:
    """Fallback: visible text of the page with line breaks at block elements."""
    body = tree.find("body")
    root = body if body is not None else tree
    for element in list(root.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if tag and element.text:
                parts.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
