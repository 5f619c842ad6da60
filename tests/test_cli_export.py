"""`briefing-app export-briefing`: a note over its page budget is said, as the Briefing tab says it."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_app.cli import main
from briefing_app.importers import ImportedDocument
from briefing_app.services import Services

PARAGRAPH = ("Coastguard vessels from both countries will patrol the shared shipping lanes together from "
             "next spring, the ministers said, and will exchange liaison officers at their regional centres.")


def _note(db: Path, passages: int, budget: float) -> int:
    services = Services.open(db)
    try:
        text = "\n\n".join(f"{k}. {PARAGRAPH}" for k in range(passages))
        article = services.articles.add(ImportedDocument(title="Patrols", text=text, source_path=""))
        briefing = services.briefings.create(title="Patrols note")
        assert article.id is not None and briefing.id is not None
        services.briefings.update(briefing.id, page_budget=budget)
        at = 0
        for _ in range(passages):
            start = text.index(PARAGRAPH, at)
            services.briefings.add_item(briefing.id, article.id, start, start + len(PARAGRAPH), "security")
            at = start + 1
        return briefing.id
    finally:
        services.close()


def test_a_note_over_its_page_budget_is_warned_of(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "x.db"
    long_note, short_note = _note(db, 40, 1.0), _note(db, 2, 1.0)
    capsys.readouterr()
    assert main(["export-briefing", "--db", str(db), "--briefing", str(long_note), "--out",
                 str(tmp_path / "long.docx")]) == 0
    err = capsys.readouterr().err
    assert "warning: estimated" in err and "over the 1-page budget; trim or remove passages" in err
    assert main(["export-briefing", "--db", str(db), "--briefing", str(short_note), "--out",
                 str(tmp_path / "short.docx")]) == 0
    assert capsys.readouterr().err == ""
