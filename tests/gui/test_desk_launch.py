"""The window on a desk database (issue 19): launched with a PostgreSQL URL given as ``--db`` or
chosen in Preferences, it opens the shared library; no file lock, no password stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui.preferences import PreferencesDialog
from briefing_app.importers import ImportedDocument
from briefing_app.services import Services
from briefing_app.settings import Settings, load_settings, settings_path
from briefing_app.storage.paths import default_db_path


@pytest.fixture
def desk_url(pg_cluster: object) -> Iterator[str]:
    name = f"g_{uuid.uuid4().hex[:12]}"
    yield pg_cluster.create_database(name)  # type: ignore[attr-defined]
    pg_cluster.drop_database(name)  # type: ignore[attr-defined]


def _launch(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("briefing-app")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BRIEFING_APP_STARTUP_PROBE": "quit"}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300, env=env)


@pytest.mark.postgresql
def test_the_window_opens_a_desk_database_given_as_db_or_saved_in_preferences(desk_url: str, tmp_path: Path) -> None:
    out = _launch("--db", desk_url)
    assert out.returncode == 0, out.stderr
    services = Services.open(desk_url)  # the window made the schema and seeded the pillars
    try:
        assert services.pillars.ids()
        services.articles.add(ImportedDocument(title="Shared", text="A desk-wide article on maritime talks.",
                                               source_path=""))
    finally:
        services.close()
    # Preferences chose the desk database: no --db needed, and the article is there.
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"version": 2, "database": desk_url}), encoding="utf-8")
    out = _launch()
    assert out.returncode == 0, out.stderr
    assert not default_db_path().exists()  # the desk database was opened, not the default file
    assert not list(tmp_path.glob("**/*.lock"))


def test_preferences_save_a_desk_database_address_but_never_a_password(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.database.setText("postgresql+psycopg://officer:hunter2@deskserver/briefings")
    dialog.accept()
    assert warnings and "password" in warnings[0] and "hunter2" not in warnings[0]
    assert not settings_path().exists() or "hunter2" not in settings_path().read_text(encoding="utf-8")
    dialog.database.setText("postgresql+psycopg://officer@deskserver/briefings")
    dialog.accept()
    assert load_settings().database == "postgresql+psycopg://officer@deskserver/briefings"
    # a hand-edited file with a password is read without it, and saved without it
    settings_path().write_text(json.dumps({"version": 2, "database": "postgresql://o:pw@h/db"}), encoding="utf-8")
    assert load_settings().database == "postgresql://o@h/db"
