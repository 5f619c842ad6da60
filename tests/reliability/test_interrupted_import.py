"""An import interrupted before analysis: importing the same files again analyses what never was."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app import cli
from briefing_app.nlp.analyzer import Analyzer
from briefing_app.services import Services
from briefing_app.services.analysis import AnalysisService

ARTICLE = ("Quad foreign ministers meet\n\nThe Quad foreign ministers met in Tokyo to discuss maritime security "
           "and critical minerals with Japan, India, Australia and the United States.")


@pytest.fixture(autouse=True)
def session_analyzer(analyzer: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI uses the session's analyser instead of loading the model again."""
    monkeypatch.setattr(cli, "_analyzer", lambda _model=None, commitments=False: analyzer)


def test_cli_reimport_analyses_an_article_the_interrupted_import_left_unanalysed(
    tmp_path: Path, analyzer: Analyzer, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "lib.db"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "quad.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "second.txt").write_text(ARTICLE.replace("Tokyo", "Canberra"), encoding="utf-8")
    # What a kill during the analyses of `briefing-app import` leaves: both stored, one analysed.
    services = Services.open(db)
    try:
        ids = {o.name: o.article_id for o in services.articles.import_files([folder])}
        AnalysisService(services.db, analyzer).analyze_article(ids["second.txt"])  # type: ignore[arg-type]
        assert not services.articles.is_analysed(ids["quad.txt"])  # type: ignore[arg-type]
    finally:
        services.close()

    assert cli.main(["import", str(folder), "--db", str(db)]) == 0
    lines = {line.split(": ")[1]: line for line in capsys.readouterr().out.splitlines() if ": " in line}
    assert lines["quad.txt"].startswith("duplicate: ") and "analysed now" in lines["quad.txt"]
    assert lines["second.txt"].startswith("duplicate: ") and "analysed now" not in lines["second.txt"]
    services = Services.open(db)
    try:
        assert services.articles.is_analysed(ids["quad.txt"])  # type: ignore[arg-type]
        assert services.articles.list_summaries(article_ids=[ids["quad.txt"]])[0].entity_count > 0  # type: ignore[list-item]
    finally:
        services.close()
