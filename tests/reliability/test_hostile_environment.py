"""A hostile environment around the window: locked/read-only export targets, a template missing
styles, a missing or broken spaCy model, and closing the window while analysis runs."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.analyzer import create_analyzer
from briefing_app.services import Services
from briefing_app.settings import Settings

ARTICLE = (
    "Leaders discuss defence and trade\n\n"
    "Prime Minister Narendra Modi spoke with President Donald Trump on Tuesday about joint military "
    "exercises and defence industrial co-production.\n"
    "They agreed to expand bilateral trade and investment and to strengthen supply chains.\n"
)


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    for name in ("warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, title, text, *a, **k: seen.append((title, text)))
    return seen


def _window(qtbot: QtBot, db_path: Path, settings: Settings | None = None, model: str | None = None) -> MainWindow:
    window = MainWindow(Services.open(db_path), settings or Settings(), model=model)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.analyzer is not None, timeout=60_000)
    return window


def _analysed_article(qtbot: QtBot, window: MainWindow, text: str = ARTICLE) -> int:
    with qtbot.waitSignal(window.analysisFinished, timeout=60_000):
        article_id = window.add_document(ImportedDocument(title="Call", text=text, source_path=""))
    assert article_id is not None
    return article_id


def _close(window: MainWindow) -> None:
    window.close()
    window.services.close()


@pytest.mark.parametrize("target", ["read_only_file", "locked_by_another_program", "folder_vanished"])
def test_export_to_an_unwritable_target_says_so_and_keeps_the_old_file(
    target: str, qtbot: QtBot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    warnings_shown: list[tuple[str, str]],
) -> None:
    window = _window(qtbot, db_path)
    article_id = _analysed_article(qtbot, window)
    out = tmp_path / "note.docx"
    out.write_bytes(b"the officer's previous note")
    if target == "read_only_file":
        os.chmod(out, stat.S_IRUSR)
    elif target == "locked_by_another_program":
        real_replace = os.replace

        def locked(src: object, dst: object) -> None:
            if Path(str(dst)) == out:
                raise PermissionError(13, "The process cannot access the file because it is being used")
            real_replace(src, dst)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", locked)
    else:
        out = tmp_path / "gone" / "note.docx"
    assert window.export_briefing_to(out, [article_id]) is None
    assert warnings_shown and warnings_shown[0][0] == "Export failed"
    assert "Cannot save the briefing" in warnings_shown[0][1]
    if target != "folder_vanished":
        os.chmod(out, stat.S_IRUSR | stat.S_IWUSR)
        assert out.read_bytes() == b"the officer's previous note"
        assert not [p for p in out.parent.iterdir() if p.name.startswith(".~")], "no temp file left behind"
    # Nothing the officer did is lost: the article and its tags are still there.
    assert window.services.annotations.for_article(article_id)
    assert window.services.db.integrity_check() == ["ok"]
    _close(window)


def test_template_missing_styles_still_exports(qtbot: QtBot, db_path: Path, tmp_path: Path,
                                               warnings_shown: list[tuple[str, str]]) -> None:
    template = docx.Document()
    styles = template.styles.element
    for style in list(styles):
        style_id = style.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}styleId") or ""
        if style_id.startswith(("Heading", "Title", "List", "Table", "Intense", "Subtitle", "Quote")):
            styles.remove(style)
    buffer = io.BytesIO()
    template.save(buffer)
    path = tmp_path / "bare-template.docx"
    path.write_bytes(buffer.getvalue())
    window = _window(qtbot, db_path, Settings(template=str(path)))
    article_id = _analysed_article(qtbot, window)
    out = window.export_briefing_to(tmp_path / "note.docx", [article_id])
    assert out is not None and warnings_shown == []
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Narendra Modi" in text or "defence" in text.lower()
    _close(window)


@pytest.fixture
def broken_model(tmp_path: Path) -> Path:
    model = tmp_path / "broken_model"
    model.mkdir()
    (model / "config.cfg").write_text("[nlp]\nlang = \"en\"\npipeline = [\"ner\"\n  this is not a config", "utf-8")
    (model / "meta.json").write_text("{\"name\": \"broken\"", "utf-8")
    return model


@pytest.mark.parametrize("which", ["missing", "broken"])
def test_missing_or_broken_model_runs_rules_only_and_says_so(
    which: str, qtbot: QtBot, db_path: Path, tmp_path: Path, broken_model: Path,
    warnings_shown: list[tuple[str, str]],
) -> None:
    model = str(tmp_path / "no_such_model") if which == "missing" else str(broken_model)
    analyzer = create_analyzer(model)
    assert analyzer.mode == "rules-only" and model in analyzer.mode_message
    window = _window(qtbot, db_path, model=model)
    assert window.analyzer is not None and window.analyzer.mode == "rules-only"
    assert "Rules-only mode" in window.model_status.text()
    assert model in window.model_status.toolTip()
    article_id = _analysed_article(qtbot, window)
    article = window.services.articles.get(article_id)
    assert article is not None and article.analysis_mode == "rules-only"
    # Rules still find the titled names and the pillars; the officer can work as usual.
    entities = {a.text for a in window.services.annotations.for_article(article_id) if a.kind == "entity"}
    assert "Narendra Modi" in entities
    assert warnings_shown == []
    window.grab().save(str(tmp_path / "rules_only.png"))
    _close(window)


def test_closing_the_window_while_analysis_runs_ends_threads_cleanly(
    qtbot: QtBot, db_path: Path, warnings_shown: list[tuple[str, str]]
) -> None:
    window = _window(qtbot, db_path)
    long_text = "Long report\n\n" + (ARTICLE.split("\n", 2)[2] + "\n") * 2_500
    progressed: list[int] = []
    window.progress.valueChanged.connect(progressed.append)
    article_id = window.add_document(ImportedDocument(title="Long", text=long_text, source_path=""))
    assert article_id is not None
    key = f"analysis:{article_id}"
    assert window.tasks.is_busy(key)
    qtbot.waitUntil(lambda: bool(progressed), timeout=60_000)
    window.close()  # closeEvent cancels and waits for the worker
    assert QThreadPool.globalInstance().activeThreadCount() == 0
    article = window.services.articles.get(article_id)
    assert article is not None and article.analysed_at is None, "the cancelled analysis stored nothing"
    assert window.services.db.integrity_check() == ["ok"]
    assert warnings_shown == []
    window.services.close()
    # Reopening picks the article up again and analyses it in full.
    window = _window(qtbot, db_path)
    with qtbot.waitSignal(window.analysisFinished, timeout=120_000):
        window.show_article(article_id)
    assert window.services.articles.is_analysed(article_id)
    _close(window)
