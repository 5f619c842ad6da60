"""Visible text says "Country or city", "Agreement / initiative"..., never an OntoNotes code (GPE, LAW, NORP...)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from briefing_app.gui.main_window import MainWindow
from briefing_app.gui.review.menus import entity_menu, selection_menu
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.labels import LABEL_NAMES
from briefing_app.nlp.types import ALL_LABELS, AnalysisResult, EntitySpan, Passage
from tests.gui.conftest import LAPTOP

RAW = re.compile(r"\b(?:" + "|".join(ALL_LABELS) + r")\b")
TEXT = "Ruritania and the Borduria Development Bank signed the Zed Accord in Kessel on Friday."
ENTS = [("Ruritania", "GPE"), ("Borduria Development Bank", "ORG"), ("Zed Accord", "LAW"), ("Kessel", "LOC"),
        ("Friday", "DATE")]


def _menu_texts(menu: QMenu) -> list[str]:
    out = [menu.title()]
    for action in menu.actions():
        out += [action.text(), action.toolTip(), action.statusTip()]
        if action.menu() is not None:
            out += _menu_texts(action.menu())  # type: ignore[arg-type]
    return out


def _widget_texts(root: QWidget) -> list[str]:
    out = []
    for button in root.findChildren(QAbstractButton):
        out += [button.text(), button.toolTip()]
    for tree in root.findChildren(QTreeWidget):
        stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            out += [item.text(c) for c in range(item.columnCount())] + [item.toolTip(c) for c in range(item.columnCount())]
            stack += [item.child(i) for i in range(item.childCount())]
    for action in root.findChildren(QAction):
        out += [action.text(), action.toolTip(), action.statusTip()]
    return out


@pytest.fixture
def window(open_window: Callable[..., MainWindow]) -> MainWindow:
    win = open_window(size=LAPTOP)
    article = win.services.articles.add(ImportedDocument(title="Zed Accord", text=TEXT, source_path=""))
    assert article.id is not None
    spans = [EntitySpan(TEXT.index(s), TEXT.index(s) + len(s), label, s, "model", f"{label}:{s}", 0.8)
             for s, label in ENTS]
    win.services.articles.save_analysis(article.id, AnalysisResult(
        text=TEXT, entities=spans, passages=[Passage(0, len(TEXT), ["trade"], {"trade": 0.9}, ["bank"])]))
    win.show_article(article.id)
    return win


def test_no_visible_text_shows_a_raw_label(qtbot: QtBot, window: MainWindow) -> None:
    texts = []
    for action in window.menuBar().actions():
        texts += _menu_texts(action.menu()) if action.menu() is not None else [action.text()]  # type: ignore[arg-type]
    window.review.entities_panel.refresh()
    texts += _widget_texts(window.legend) + _widget_texts(window.review.entities_panel)
    texts += _widget_texts(window.review.lessons_panel)
    controller = window.review.controller
    marks = window.view.entity_marks
    assert len(marks) == len(ENTS)
    for annotation_id, mark in marks.items():
        texts.append(window.view.tooltip_at(mark.start + 1))
        menu = entity_menu(controller, annotation_id, window)
        assert menu is not None
        texts += _menu_texts(menu)
    texts += _menu_texts(selection_menu(controller, 0, 4, window))
    joined = "\n".join(t for t in texts if t)
    raw = sorted(set(RAW.findall(joined)))
    assert raw == [], f"raw labels visible: {raw}"
    for words in ("Country or city", "Organisation", "Agreement / initiative", "Region or place", "Date"):
        assert words in joined


def test_one_mapping_names_every_label() -> None:
    from briefing_app.gui.palette import LABEL_NAMES as GUI_NAMES

    assert GUI_NAMES is LABEL_NAMES
    assert set(ALL_LABELS) <= set(LABEL_NAMES)
    assert not any(RAW.search(name) for name in LABEL_NAMES.values())


def test_a_known_name_says_where_it_came_from_without_jargon(window: MainWindow) -> None:
    bank = window.services.articles.add(ImportedDocument(title="Bank", text="The World Bank lent more.", source_path=""))
    assert bank.id is not None
    start = bank.text.index("World Bank")
    window.services.articles.save_analysis(bank.id, AnalysisResult(text=bank.text, entities=[
        EntitySpan(start, start + 10, "ORG", "World Bank", "gazetteer", "ORG:world bank")]))
    window.show_article(bank.id)
    tip = window.view.tooltip_at(start + 1)
    assert "Origin: list of known names" in tip and "the name is on the list of known names" in tip
    assert "gazetteer" not in tip
