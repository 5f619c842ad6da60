"""`briefing-app import` and `briefing-app analyze` on every supported format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_app import cli
from briefing_app.services import Services
from tests.importers.factories import ARTICLE_TITLE, convert_to_pdf, make_docx

HTML_PAGE = """<html><head><title>Leaders meet in Delhi</title><script>var tracker = 1;</script></head>
<body><nav>Home | World | Sport</nav><article><h1>Leaders meet in Delhi</h1>
<p>Prime Minister Narendra Modi met President Emmanuel Macron in New Delhi to discuss defence cooperation,
including submarines and jet engines, and a roadmap for space and civil nuclear energy.</p>
<p>Also Read: Five things to know</p></article><footer>Share this story</footer></body></html>"""


@pytest.fixture(autouse=True)
def session_analyzer(analyzer: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI uses the session's analyser instead of loading the model again."""
    monkeypatch.setattr(cli, "_analyzer", lambda _model=None, commitments=False: analyzer)


@pytest.fixture(scope="module")
def pdf_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cli_pdf")
    return convert_to_pdf(make_docx(folder / "review.docx"), folder)


@pytest.fixture
def batch(tmp_path: Path, pdf_file: Path) -> Path:
    folder = tmp_path / "batch"
    (folder / "nested").mkdir(parents=True)
    (folder / "note.txt").write_text("Quad foreign ministers meet\n\nThe Quad foreign ministers met in Tokyo "
                                     "to discuss maritime security and critical minerals.", encoding="utf-16")
    (folder / "nested" / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    make_docx(folder / "review.docx", core_title="Review", with_table=False)
    (folder / "review.pdf").write_bytes(pdf_file.read_bytes())
    (folder / "zero.txt").write_bytes(b"")
    return folder


def test_import_reports_each_file_analyses_and_exits_1_when_one_failed(
    batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    assert cli.main(["import", str(batch), "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert out.count("imported #") == 4
    assert "failed: zero.txt" in err and "Traceback" not in err
    assert "4 imported, 0 already in the library, 1 failed" in out
    services = Services.open(db)
    try:
        rows = {r.title: r for r in services.articles.list_summaries()}
        assert set(rows) >= {"Quad foreign ministers meet", "Leaders meet in Delhi", ARTICLE_TITLE}
        assert all(services.articles.is_analysed(r.id) for r in rows.values())
        assert rows["Leaders meet in Delhi"].entity_count > 0
        page = services.articles.get(rows["Leaders meet in Delhi"].id)
        assert page is not None and "Also Read" not in page.text and "tracker" not in page.text
    finally:
        services.close()

    # Re-importing says so, changes nothing and is not an error.
    assert cli.main(["import", str(batch / "nested"), str(batch / "note.txt"), "--db", str(db)]) == 0
    out, _err = capsys.readouterr()
    assert out.count("duplicate: ") == 2 and "0 imported, 2 already in the library, 0 failed" in out


def test_import_says_a_file_was_stored_before_its_long_analysis(
    batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing_app.services.analysis import AnalysisService

    said_before: list[str] = []
    analyse = AnalysisService.analyze_article

    def watched(self: AnalysisService, article_id: int, *args: object, **kwargs: object) -> object:
        said_before.append(capsys.readouterr().out)  # what the terminal showed when the analysis began
        return analyse(self, article_id, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(AnalysisService, "analyze_article", watched)
    assert cli.main(["import", str(batch / "note.txt"), "--db", str(tmp_path / "lib.db")]) == 0
    assert said_before and "imported #1: note.txt: Quad foreign ministers meet" in said_before[0]


def test_import_of_a_missing_path_fails_but_the_rest_is_imported(
    batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    assert cli.main(["import", str(tmp_path / "nowhere.txt"), str(batch / "note.txt"), "--db", str(db)]) == 1
    out, err = capsys.readouterr()
    assert "nowhere.txt was not found" in err and "1 imported" in out


def test_import_of_an_empty_folder_says_nothing_was_found(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert cli.main(["import", str(tmp_path / "empty"), "--db", str(tmp_path / "lib.db")]) == 1
    assert "no importable files" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["note.txt", "nested/page.html", "review.docx", "review.pdf"])
def test_analyze_accepts_every_format(batch: Path, name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["analyze", str(batch / name)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["text"] and result["entities"]
    for ent in result["entities"]:
        assert result["text"][ent["start"]:ent["end"]] == ent["text"]


def test_a_damaged_pdf_is_said_in_one_line_without_the_pdf_librarys_own_complaint(tmp_path: Path) -> None:
    # a fresh process: pytest's own logging handlers hide what Python prints when nothing set logging up
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 the rest of the file was lost")
    done = subprocess.run([sys.executable, "-m", "briefing_app.cli", "analyze", str(broken)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(Path(cli.__file__).parents[1])})
    assert done.returncode == 2
    assert done.stderr == "briefing-app: error: broken.pdf is corrupt (its PDF structure could not be read)\n"


def test_analyze_of_a_bad_file_is_one_line_and_status_2(batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["analyze", str(batch / "zero.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("briefing-app: error: zero.txt") and err.count("\n") == 1
