"""Edit → Preferences… saves the author, markings, template and model."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from briefing_app.gui.preferences import PreferencesDialog
from briefing_app.settings import Settings, load_settings


def test_preferences_are_saved_and_reloaded(qtbot: QtBot, tmp_path: Path) -> None:
    template = tmp_path / "house.docx"
    template.write_bytes(b"PK")  # existence is what the dialog checks
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.author.setText("  Desk Officer, Gulf Team ")
    dialog.markings.setPlainText("official\nOFFICIAL-SENSITIVE\n\nsecret\nofficial\n")
    dialog.default_marking.setCurrentText("OFFICIAL-SENSITIVE")
    dialog.template.setText(str(template))
    dialog.model.setText("en_core_web_md")
    dialog.accept()
    saved = load_settings()
    assert saved.author == "Desk Officer, Gulf Team"
    assert saved.classifications == ["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET"]
    assert saved.default_classification == "OFFICIAL-SENSITIVE"
    assert saved.template == str(template)
    assert saved.model == "en_core_web_md"


def test_missing_template_and_empty_markings_are_refused(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))
    settings = Settings()
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.markings.setPlainText("   \n")
    dialog.accept()
    dialog.markings.setPlainText("UNCLASSIFIED")
    dialog.template.setText(str(tmp_path / "nowhere.docx"))
    dialog.accept()
    assert len(warnings) == 2 and "at least one" in warnings[0] and "does not exist" in warnings[1]
    assert not dialog.result()
    assert load_settings().classifications == Settings().classifications


def test_a_string_of_markings_in_the_file_offers_the_default_markings(qtbot: QtBot) -> None:
    from briefing_app.settings import DEFAULT_CLASSIFICATIONS, settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('{"classifications": "SECRET"}', encoding="utf-8")
    dialog = PreferencesDialog(load_settings())
    qtbot.addWidget(dialog)
    offered = [dialog.default_marking.itemText(i) for i in range(dialog.default_marking.count())]
    assert offered == DEFAULT_CLASSIFICATIONS  # not S, E, C, R, E, T
    assert dialog.marking_list() == DEFAULT_CLASSIFICATIONS


def test_preferences_on_a_full_disk_are_not_half_applied_and_the_dialog_stays_open(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    import briefing_app.gui.preferences as preferences

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warnings.append(text))

    def full(_settings: Settings) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "settings.json")

    monkeypatch.setattr(preferences, "save_settings", full)
    settings = Settings(author="Desk Officer, India Team")
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.author.setText("Desk Officer, Gulf Team")
    dialog.accept()
    assert warnings and warnings[0].startswith("The change was not saved: the disk is full")
    assert not dialog.result(), "the dialog stays open with what was typed"
    assert dialog.author.text() == "Desk Officer, Gulf Team"
    assert settings.author == "Desk Officer, India Team", "the window keeps the preferences it had"
