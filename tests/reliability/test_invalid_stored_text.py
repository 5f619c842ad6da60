"""One invalid byte in a stored text: the article still opens, is repaired once, and backups get the repair.

SQLite keeps whatever bytes it is given (a damaged page, another program's write);
Python's sqlite3 refused to read such a TEXT value, so the article, and every list
showing its title, failed with "Could not decode to UTF-8".
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

import pytest

from briefing_app.importers import ImportedDocument, load_document
from briefing_app.services import Services

BODY = "Prime Minister Narendra Modi met President Donald Trump in Washington to discuss defence ties."


def _poison(db_path: Path, article_id: int, column: str, raw: bytes) -> None:
    """Write ``raw`` (not UTF-8) into a TEXT column directly, as a damaged page or another program would."""
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"UPDATE article SET {column} = CAST(? AS TEXT) WHERE id = ?", (raw, article_id))
    conn.close()


def _raw(db_path: Path, article_id: int, column: str) -> bytes:
    with sqlite3.connect(db_path) as conn:
        value: bytes = conn.execute(f"SELECT CAST({column} AS BLOB) FROM article WHERE id = ?",
                                    (article_id,)).fetchone()[0]
    conn.close()
    return value


def test_an_article_with_an_invalid_byte_opens_is_repaired_and_searchable(
    db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    services = Services.open(db_path)
    article = services.articles.add(ImportedDocument(title="Leaders meet", text=BODY, source_path=""))
    assert article.id is not None
    services.close()
    _poison(db_path, article.id, "text", BODY.replace("Trump", "Tr\xffump").encode("latin-1"))
    _poison(db_path, article.id, "title", b"Leaders \xc3 meet")
    with pytest.raises(UnicodeDecodeError):
        _raw(db_path, article.id, "text").decode("utf-8")

    services = Services.open(db_path)
    try:
        with caplog.at_level(logging.WARNING):
            assert [s.title for s in services.articles.list_summaries()] == ["Leaders \ufffd meet"]
            opened = services.articles.get(article.id)
        assert opened is not None
        assert opened.text == BODY.replace("Trump", "Tr\ufffdump"), "the rest of the text is intact"
        assert "repaired" in caplog.text and "invalid" in caplog.text
        # Written back repaired: every later read and every backup holds valid UTF-8.
        assert _raw(db_path, article.id, "text").decode("utf-8") == opened.text
        assert _raw(db_path, article.id, "title").decode("utf-8") == "Leaders \ufffd meet"
        assert services.articles.search("Washington")[0][0] == article.id
        with services.db.engine.connect() as conn:
            conn.exec_driver_sql("INSERT INTO article_fts(article_fts) VALUES ('integrity-check')")
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        services.close()


def test_a_file_name_with_an_invalid_byte_imports(services: Services, tmp_path: Path) -> None:
    """Linux file names are bytes; one that is not UTF-8 used to fail with 'surrogates not allowed'."""
    name = b"caf\xe9 report.txt"
    folder = tmp_path / "in"
    folder.mkdir()
    path = Path(folder, name.decode("utf-8", "surrogateescape"))
    try:
        path.write_text(BODY, encoding="utf-8")
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system refuses file names that are not UTF-8")
    [outcome] = services.articles.import_files([folder])
    assert outcome.status == "imported", outcome.message
    assert outcome.name == "caf\ufffd report.txt"
    stored = services.articles.get(outcome.article_id)  # type: ignore[arg-type]
    assert stored is not None and stored.source_path.endswith("caf\ufffd report.txt")
    assert load_document(path).text == BODY
