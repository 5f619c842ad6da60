"""settings.json cannot break the app: bad values fall back to defaults, old files are upgraded."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from briefing_app import settings as settings_module
from briefing_app.cli import main
from briefing_app.importers import load_document
from briefing_app.resources import resource_path
from briefing_app.services import Services
from briefing_app.settings import (
    DEFAULT_CLASSIFICATIONS,
    SETTINGS_VERSION,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)


def _write(content: Any) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_a_number_for_hidden_labels_gives_the_default_and_a_warning(
    caplog: pytest.LogCaptureFixture, qtbot: QtBot, db_path: Path
) -> None:
    _write({"hidden_labels": 5, "author": "Desk Officer, Gulf Team"})
    with caplog.at_level(logging.WARNING):
        loaded = load_settings()
    assert loaded.hidden_labels == []
    assert loaded.author == "Desk Officer, Gulf Team"  # the good value is kept
    assert any("hidden_labels" in m for m in _warnings(caplog))
    # ... and the window starts with these settings (it raised TypeError before).
    from briefing_app.gui.main_window import MainWindow

    window = MainWindow(Services.open(db_path), loaded)
    qtbot.addWidget(window)
    window.services.close()


def test_a_string_of_markings_gives_the_default_markings(caplog: pytest.LogCaptureFixture) -> None:
    _write({"classifications": "SECRET", "model": "en_core_web_md"})
    with caplog.at_level(logging.WARNING):
        loaded = load_settings()
    assert loaded.classifications == DEFAULT_CLASSIFICATIONS  # not ["S", "E", "C", "R", "E", "T"]
    assert loaded.model == "en_core_web_md"
    assert any("classifications" in m for m in _warnings(caplog))


@pytest.mark.parametrize(
    ("content", "field"),
    [
        ({"hidden_labels": ["PERSON", "NOT_A_LABEL"]}, "hidden_labels"),
        ({"hidden_pillars": "trade"}, "hidden_pillars"),
        ({"sample_opened": "yes"}, "sample_opened"),
        ({"author": 42}, "author"),
        ({"classifications": []}, "classifications"),
        ({"classifications": ["OFFICIAL", 5]}, "classifications"),
        ({"template": None}, "template"),
    ],
)
def test_each_bad_value_is_logged_and_replaced_by_its_default(
    caplog: pytest.LogCaptureFixture, content: dict[str, Any], field: str
) -> None:
    _write({**content, "author" if field != "author" else "model": "kept"})
    with caplog.at_level(logging.WARNING):
        loaded = load_settings()
    assert getattr(loaded, field) == getattr(Settings(), field)
    assert "kept" in (loaded.author, loaded.model)
    assert any(field in m for m in _warnings(caplog))


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '"SECRET"', "null", "\x00\xff"])
def test_an_unreadable_file_or_a_non_object_gives_defaults(
    caplog: pytest.LogCaptureFixture, content: str
) -> None:
    _write(content)
    with caplog.at_level(logging.WARNING):
        assert load_settings() == Settings()
    assert _warnings(caplog)


def test_the_default_marking_must_be_one_of_the_markings(caplog: pytest.LogCaptureFixture) -> None:
    _write({"classifications": ["OFFICIAL", "SECRET"], "default_classification": "secret"})
    assert load_settings().default_classification == "SECRET"  # spelt as listed
    _write({"classifications": ["OFFICIAL", "SECRET"], "default_classification": "TOP SECRET"})
    with caplog.at_level(logging.WARNING):
        assert load_settings().default_classification == "OFFICIAL"  # the lowest marking
    assert any("default_classification" in m for m in _warnings(caplog))


def test_a_file_from_before_versions_is_upgraded_and_saved_with_the_version() -> None:
    old = {"author": "Desk Officer", "classifications": ["OFFICIAL", "SECRET"],
           "default_classification": "OFFICIAL", "hidden_labels": ["CARDINAL"], "sample_opened": True,
           "last_export_dir": "/tmp/out"}
    _write(old)  # version 1: the files written before settings carried a version
    loaded = load_settings()
    assert loaded.version == SETTINGS_VERSION == 2
    assert {k: getattr(loaded, k) for k in old} == old
    save_settings(loaded)
    assert json.loads(settings_path().read_text(encoding="utf-8"))["version"] == SETTINGS_VERSION


def test_upgrade_hooks_run_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    # A future version 3 that renamed "author" to "from_line" and back: the chain 1 -> 2 -> 3 runs.
    monkeypatch.setattr(settings_module, "SETTINGS_VERSION", 3)
    monkeypatch.setitem(settings_module.UPGRADES, 2, lambda raw: {**raw, "author": raw["author"].upper()})
    upgraded = settings_module.upgrade({"author": "desk"})
    assert upgraded == {"author": "DESK", "version": 3}


def test_a_newer_file_keeps_the_fields_this_version_does_not_know(caplog: pytest.LogCaptureFixture) -> None:
    _write({"version": SETTINGS_VERSION + 1, "author": "Me", "window": {"theme": "dark"}})
    with caplog.at_level(logging.WARNING):
        loaded = load_settings()
    assert loaded.author == "Me"
    save_settings(loaded)
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["window"] == {"theme": "dark"} and saved["version"] == SETTINGS_VERSION + 1


def test_code_cannot_store_a_bad_value() -> None:
    settings = Settings()
    with pytest.raises(ValueError):
        settings.hidden_labels = 5  # type: ignore[assignment]


def test_export_refuses_a_marking_that_is_not_configured(
    services: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # {"classifications": "SECRET"} used to allow "E" (a letter of the string) as a marking.
    _write({"classifications": "SECRET"})
    services.articles.add(load_document(resource_path("sample_article.txt")))
    out = tmp_path / "note.docx"
    status = main(["export-briefing", "--db", str(db_path), "--articles", "1", "--classification", "e",
                   "--out", str(out)])
    err = capsys.readouterr().err
    assert status == 2
    assert "unknown classification 'e'" in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
