"""`briefing-app export-briefing`: every option, and one-line errors that store nothing."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from briefing_app.cli import main
from briefing_app.importers import load_document
from briefing_app.resources import resource_path
from briefing_app.services import Services
from briefing_app.services.analysis import AnalysisService
from briefing_app.services.export_request import check_export_request

ALLOWED = ["UNCLASSIFIED", "OFFICIAL", "RESTRICTED", "CONFIDENTIAL", "SECRET"]


@pytest.fixture
def analysed_db(services: Services, db_target: str, analyzer: object) -> str:
    """A database holding the bundled sample article, analysed (article #1)."""
    article = services.articles.add(load_document(resource_path("sample_article.txt")))
    assert article.id == 1
    AnalysisService(services.db, analyzer).analyze_article(article.id)  # type: ignore[arg-type]
    return db_target


def _briefing_count(services: Services) -> int:
    return len(services.briefings.all())


def test_auto_draft_then_existing_briefing_with_every_option(
    analysed_db: str, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft.docx"
    assert main(["export-briefing", "--db", str(analysed_db), "--articles", "1", "--title", "Call note",
                 "--classification", "secret", "--out", str(out)]) == 0
    assert "briefing #1" in capsys.readouterr().out
    note = docx.Document(str(out))
    assert note.core_properties.title == "Call note"
    assert note.sections[0].header.paragraphs[0].text == "SECRET"
    stored = services.briefings.get(1)
    assert stored is not None and (stored.title, stored.classification) == ("Call note", "SECRET")

    out2 = tmp_path / "again.docx"
    template = resource_path("briefing_template.docx")
    assert main(["export-briefing", "--db", str(analysed_db), "--articles", "1", "--briefing", "1",
                 "--classification", "RESTRICTED", "--template", str(template), "--out", str(out2)]) == 0
    assert docx.Document(str(out2)).sections[0].header.paragraphs[0].text == "RESTRICTED"
    assert _briefing_count(services) == 1  # --briefing exports the stored one, no new draft


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--briefing", "9"], "no briefing #9"),
        (["--articles", "1,x"], "comma-separated"),
        (["--articles", "7"], "no article #7"),
        ([], "give --articles"),
        (["--articles", "1", "--classification", "TOP SECRET"], "unknown classification"),
        (["--articles", "1", "--template", "missing.docx"], "no such template"),
    ],
)
def test_bad_arguments_give_one_line_and_store_nothing(
    analysed_db: str, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    extra: list[str], message: str,
) -> None:
    status = main(["export-briefing", "--db", str(analysed_db), *extra, "--out", str(tmp_path / "x.docx")])
    err = capsys.readouterr().err
    assert status == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert _briefing_count(services) == 0
    assert not (tmp_path / "x.docx").exists()


def test_unwritable_target_or_broken_template_keeps_the_file_and_no_draft(
    analysed_db: str, services: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked.docx"
    locked.write_bytes(b"old")
    locked.chmod(0o444)
    assert main(["export-briefing", "--db", str(analysed_db), "--articles", "1", "--out", str(locked)]) == 2
    assert "read-only" in capsys.readouterr().err
    assert locked.read_bytes() == b"old"
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip")
    assert main(["export-briefing", "--db", str(analysed_db), "--articles", "1", "--template", str(broken),
                 "--out", str(tmp_path / "y.docx")]) == 2
    assert "not a Word document" in capsys.readouterr().err
    assert _briefing_count(services) == 0


def test_missing_database_is_refused_without_creating_it(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "nowhere" / "x.db"
    assert main(["export-briefing", "--db", str(db), "--articles", "1", "--out", str(tmp_path / "z.docx")]) == 2
    assert "no such database" in capsys.readouterr().err
    assert not db.parent.exists()


def test_check_export_request_normalises_the_classification(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    db.write_bytes(b"")
    assert check_export_request(str(db), None, " confidential ", ALLOWED) == "CONFIDENTIAL"
    assert check_export_request(str(db), None, None, ALLOWED) is None
    assert check_export_request(str(db), None, "  ", ALLOWED) is None
    with pytest.raises(ValueError, match="choose one of"):
        check_export_request(str(db), None, "COSMIC", ALLOWED)
