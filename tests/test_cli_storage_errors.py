"""Busy or full database on the command line: one line on stderr saying what was and was not saved,
a non-zero exit status, no traceback, and no half-made draft briefing left behind."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy.exc
import sqlmodel

from briefing_app import cli
from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.services.articles import ArticleService
from briefing_app.storage import database
from tests.fulldisk import fill, free_up, small_disk


@pytest.fixture(autouse=True)
def session_analyzer(analyzer: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI uses the session's analyser instead of loading the model again."""
    monkeypatch.setattr(cli, "_analyzer", lambda _model=None, commitments=False: analyzer)


def _articles(folder: Path, n: int, words: int = 40) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = " ".join(f"Ministers{i} discussed defence trade item{k}." for k in range(words))
        (folder / f"a{i}.txt").write_text(f"Article number {i}\n\n{body}", encoding="utf-8")
    return folder


def _count(db_path: Path, table: str = "article") -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def _full() -> sqlalchemy.exc.OperationalError:
    return sqlalchemy.exc.OperationalError("INSERT", {}, sqlite3.OperationalError("database or disk is full"))


def _one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip() and not line.startswith("warning:")]
    assert "Traceback" not in err
    assert len(lines) == 1, lines
    return lines[0]


def test_import_while_another_process_holds_the_write_lock(tmp_path: Path, db_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    Services.open(db_path).close()
    folder = _articles(tmp_path / "in", 3)
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)  # the real timeout is 5 s
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
         "c.execute('BEGIN IMMEDIATE'); print('locked', flush=True); time.sleep(60)", str(db_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        status = cli.main(["import", str(folder), "--db", str(db_path)])
    finally:
        holder.kill()
        holder.wait()
    line = _one_error_line(capsys.readouterr().err)
    assert status == 1
    assert line.startswith("briefing-app: error: Imported 0 of 3 files; stopped: the database is busy")
    assert line.endswith("Nothing else was changed.")
    assert _count(db_path) == 0


def test_import_stopped_midway_says_which_files_were_saved(tmp_path: Path, db_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    Services.open(db_path).close()
    folder = _articles(tmp_path / "in", 4)
    real_add = ArticleService.add
    calls = {"n": 0}

    def add_until_full(self: ArticleService, doc: ImportedDocument) -> object:
        calls["n"] += 1
        if calls["n"] == 3:
            raise _full()
        return real_add(self, doc)

    monkeypatch.setattr(ArticleService, "add", add_until_full)
    status = cli.main(["import", str(folder), "--db", str(db_path)])
    out, err = capsys.readouterr()
    line = _one_error_line(err)
    assert status == 1
    # Stored before the problem, and said so: the two later files were not (nor were the two analysed).
    assert "Imported 2 of 4 files, 2 not yet analysed; stopped: the disk is full (briefing.db needs at least" in line
    assert str(db_path.parent) in line and line.endswith("Nothing else was changed.")
    assert out.count("imported #") == 2
    assert _count(db_path) == 2


def test_import_on_a_real_full_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _articles(tmp_path / "in", 8, words=6000)  # ~300 KB of text each
    with small_disk(tmp_path / "disk", size="4m") as disk:
        db_path = disk / "x.db"
        Services.open(db_path).close()
        fill(disk, leave=1536 * 1024)
        status = cli.main(["import", str(folder), "--db", str(db_path)])
        out, err = capsys.readouterr()
        line = _one_error_line(err)
        assert status == 1
        assert "; stopped: the disk is full (x.db needs at least" in line and str(disk) in line
        saved = out.count("imported #")
        assert line.startswith(f"briefing-app: error: Imported {saved} of 8 files")
        free_up(disk)
        services = Services.open(db_path)
        assert services.db.integrity_check() == ["ok"]
        assert services.articles.count() == saved
        services.close()


def test_export_briefing_when_the_database_fills_up_leaves_no_draft(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    services = Services.open(db_path)
    article = services.articles.add(ImportedDocument(title="Talks", source_path="",
                                                     text="Ministers discussed defence cooperation in Delhi."))
    services.close()
    real_commit = sqlmodel.Session.commit
    calls = {"n": 0}

    def second_commit_fails(self: sqlmodel.Session) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise _full()
        real_commit(self)

    monkeypatch.setattr(sqlmodel.Session, "commit", second_commit_fails)
    out = tmp_path / "note.docx"
    status = cli.main(["export-briefing", "--db", str(db_path), "--articles", str(article.id),
                       "--title", "Weekly", "--out", str(out)])
    line = _one_error_line(capsys.readouterr().err)
    assert status != 0
    assert "the disk is full" in line.lower()
    assert not out.exists()
    assert _count(db_path, "briefing") == 0, "no empty draft briefing is left behind"


# python-docx's zip writer, left half way by the full disk, used to try to finish itself on the dead file when
# collected: an error nobody sees, now a failure
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_export_briefing_to_a_full_disk(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    services = Services.open(db_path)
    article = services.articles.add(ImportedDocument(title="Talks", source_path="",
                                                     text="Ministers discussed defence cooperation in Delhi."))
    services.close()
    with small_disk(tmp_path / "disk", size="1m") as disk:
        fill(disk)
        status = cli.main(["export-briefing", "--db", str(db_path), "--articles", str(article.id),
                           "--out", str(disk / "note.docx")])
        line = _one_error_line(capsys.readouterr().err)
        assert status != 0
        assert "the disk is full" in line and "note.docx" in line
        assert [p.name for p in disk.iterdir()] == ["filler.bin"], "no temporary file is left"
    assert _count(db_path, "briefing") == 0, "no empty draft briefing is left behind"
