"""No network, ever: a full session runs with every socket connection made to fail.

Attempts are recorded as well as refused, so a component that caught the
error and carried on quietly would still fail the test.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.services import Services
from briefing_app.settings import Settings
from tests.gui.opening import open_and_analyse

PACKAGE = Path(__file__).resolve().parents[2] / "briefing_app"

PAGE = """<!doctype html><html><head><title>India and US review defence ties</title>
<meta property="og:site_name" content="The Daily Example">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://tracker.example.com/t.js"></script></head>
<body><nav>Home | World | Share on Twitter</nav>
<article><h1>India and US review defence ties</h1>
<img src="https://images.example.com/photo.jpg">
<p>Prime Minister Narendra Modi spoke with President Donald Trump on Tuesday about joint military
exercises and defence industrial co-production in the Indo-Pacific.</p>
<p>They agreed to expand bilateral trade and investment and to strengthen supply chains for
semiconductors, and welcomed progress on the India–US COMPACT.</p>
<p>Also Read: Ten things to know about the summit</p></article></body></html>"""


class NetworkAttempt(OSError):
    """Raised instead of any connection."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    attempts: list[str] = []

    def refuse(what: str):  # type: ignore[no-untyped-def]
        def blocked(*args: object, **kwargs: object) -> object:
            attempts.append(f"{what}{args[1:] if what == 'socket.connect' else args}")
            raise NetworkAttempt(f"network access attempted: {what}")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield attempts


def test_patch_really_blocks_connections(no_network: list[str]) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("example.com", 80), timeout=1)
    with pytest.raises(NetworkAttempt):
        socket.getaddrinfo("example.com", 443)
    assert len(no_network) == 2


def test_full_session_without_network(qtbot: QtBot, db_path: Path, tmp_path: Path, no_network: list[str]) -> None:
    from briefing_app.nlp.model_loading import DEFAULT_MODEL, load_pipeline

    # Loading the model from scratch (not the cached one) never reaches out either.
    assert "ner" in load_pipeline(DEFAULT_MODEL).pipe_names

    page = tmp_path / "article.html"
    page.write_text(PAGE, encoding="utf-8")
    window = MainWindow(Services.open(db_path), Settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.analyzer is not None, timeout=60_000)
    # Import (an HTML page full of remote links) and analyse.
    article_id = open_and_analyse(qtbot, window, page)
    services = window.services
    text = window.view.text
    assert "Also Read" not in text
    # Correct: relabel a suggestion, reject one, add one of the officer's own.
    entities = [a for a in services.annotations.for_article(article_id) if a.kind == "entity"]
    modi = next(a for a in entities if a.text == "Narendra Modi")
    services.annotations.update(modi.id or 0, status="accepted")
    others = [a for a in entities if a.text not in ("Narendra Modi", "Indo-Pacific")]
    if others:
        services.annotations.remove(others[0].id or 0)
    start = text.index("Indo-Pacific")
    for clash in [a for a in entities if a.start < start + 12 and a.end > start]:
        services.annotations.remove(clash.id or 0)
    services.annotations.add(article_id, "entity", start, start + len("Indo-Pacific"), "LOC")
    first = (0, text.index(".") + 1)
    tagged = {a.label for a in services.annotations.for_article(article_id)
              if a.kind == "pillar" and a.start < first[1] and a.end > first[0]}
    untagged = next(p for p in services.pillars.ids() if p not in tagged)
    services.annotations.add(article_id, "pillar", *first, untagged)
    window.render_annotations()
    assert window.view.label_at(start) == "LOC"
    # Export.
    out = window.export_briefing_to(tmp_path / "briefing.docx", [article_id])
    assert out is not None
    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Narendra Modi" in body or "Indo-Pacific" in body
    window.close()
    services.close()
    assert no_network == [], f"network access was attempted: {no_network}"


def test_no_code_path_downloads_anything() -> None:
    """Static guard: no networking library or model download call in the application's code."""
    forbidden = re.compile(
        r"\bimport (?:requests|httpx|urllib3|aiohttp)\b|\bfrom (?:requests|httpx|urllib3|aiohttp)\b"
        r"|urllib\.request|http\.client|\burlopen\(|spacy\.cli|spacy\.cli\.download|\bfetch_url\("
        r"|\bsocket\.(?:socket|create_connection)\(|QNetworkAccessManager|QtNetwork"
    )
    # The analysis process imports spaCy without its command line (nlp/model_loading.import_spacy_lean): the one
    # line naming that module, so it can be kept out.
    allowed = {"briefing_app/nlp/model_loading.py": {'_CLI = "spacy.cli"'}}
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if forbidden.search(line) and line.split("  #")[0].strip() not in allowed.get(rel, ()):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    assert offenders == []
