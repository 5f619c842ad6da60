"""The "what's new" example (issue 16): an earlier and a later article on India–Japan, auto-drafted in the
real builder, its Drafted tab screenshotted, the note exported and its pages rendered.

Run from the repository root (needs LibreOffice and poppler-utils):

    .venv/bin/python docs/make_whats_new_example.py [OUT_DIR]

Writes ``briefing-drafted.png`` (the builder's Drafted tab, 1366x768) and ``whats-new-page<N>.png``
(70 dpi) into OUT_DIR (default: docs/); the .docx stays in a temporary folder (its path is printed). The two articles are the texts of
``tests/gui/briefing/test_whats_new.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from briefing_app.services import Services  # noqa: E402
from briefing_app.services.analysis import AnalysisService  # noqa: E402
from briefing_app.gui.app import application  # noqa: E402
from briefing_app.gui.main_window import MainWindow  # noqa: E402
from briefing_app.importers import load_document  # noqa: E402
from briefing_app.nlp.analyzer import create_analyzer  # noqa: E402
from briefing_app.settings import Settings  # noqa: E402
from tests.gui.briefing.test_whats_new import EARLIER, LATER  # noqa: E402


def settle(app: QApplication, rounds: int = 30) -> None:
    """Let layouts and repaints finish."""
    for _ in range(rounds):
        app.processEvents()


def main(out: Path) -> int:
    """Build the library, draft and export the note, save the screenshot and the pages."""
    work = Path(tempfile.mkdtemp(prefix="whats-new-"))
    services = Services.open(work / "example.db")
    analysis = AnalysisService(services.db, create_analyzer())
    ids = []
    for name, text, meta in (("earlier.txt", EARLIER, dict(outlet="The Hindu", published="2026-01-09")),
                             ("later.txt", LATER, dict(outlet="Nikkei Asia", published="2026-02-02"))):
        (work / name).write_text(text, encoding="utf-8")
        article = services.articles.add(load_document(work / name))
        assert article.id is not None
        services.articles.update_metadata(article.id, **meta)
        analysis.analyze_article(article.id)
        ids.append(article.id)
    services.close()

    app = application()
    window = MainWindow(Services.open(work / "example.db"), Settings(author="Desk Officer, India Team"))
    window.resize(1366, 768)
    window.show()
    while window.analyzer is None:
        settle(app, 1)
    window.show_article(ids[1])
    builder = window.briefing_builder
    window.workspace.setCurrentWidget(builder)
    settle(app)
    briefing_id = builder.auto_draft([ids[1]])
    assert briefing_id is not None
    while builder.drafting:
        settle(app, 1)
    builder.set_field("title", "India–Japan: trade target raised, critical minerals group")
    builder.show_timeline(True)
    builder.tabs.setCurrentWidget(builder.drafted_panel)
    builder.update_preview()
    QThreadPool.globalInstance().waitForDone()
    settle(app)
    out.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(out / "briefing-drafted.png"))
    note = work / "whats-new-example.docx"
    builder.export_to(note)
    QThreadPool.globalInstance().waitForDone()
    settle(app)
    window.close()
    QThreadPool.globalInstance().waitForDone()

    folder = Path(tempfile.mkdtemp(prefix="whats-new-pdf-"))
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder / 'lo'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(note)],
                   check=True, capture_output=True, timeout=180)
    subprocess.run(["pdftoppm", "-png", "-r", "70", str(folder / (note.stem + ".pdf")), str(out / "whats-new-page")],
                   check=True, timeout=120)
    for page in sorted(out.glob("whats-new-page-*.png")):
        page.rename(out / page.name.replace("page-", "page").replace("page0", "page"))
    print(f"wrote {out / 'briefing-drafted.png'}, {note} and its pages in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs"))
