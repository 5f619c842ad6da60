"""Keyboard actions of the review workspace and the shortcuts sheet generated from real QActions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QTextBrowser, QVBoxLayout, QWidget

from briefing_app.gui.palette import LABEL_NAMES
from briefing_app.nlp.types import SHOWN_LABELS

#: One key per shown entity label, in legend order (digits, then '-' for the eleventh).
LABEL_KEYS: dict[str, str] = dict(zip(SHOWN_LABELS, [*"1234567890", "-"], strict=False))
#: Pillars take Ctrl+digit in taxonomy order (Shift+digit is layout-dependent: Shift+1 is '!').
PILLAR_KEY_PREFIX = "Ctrl+"


@dataclass(slots=True)
class ActionSpec:
    """What one review action is called, its keys and where its keys work."""

    name: str
    text: str
    keys: tuple[str, ...]
    slot: Callable[[], object]  # any return value is ignored
    in_view: bool = True  # keys active only while the article text has focus
    tip: str = ""


def make_action(parent: QWidget, view: QWidget, spec: ActionSpec) -> QAction:
    """A QAction from ``spec``; view-scoped ones are added to ``view`` so single keys never fire
    while the officer types in another field."""
    action = QAction(spec.text, parent)
    action.setObjectName(f"review_{spec.name}")
    action.setShortcuts([QKeySequence(k) for k in spec.keys])
    if spec.tip:
        action.setToolTip(spec.tip)
        action.setStatusTip(spec.tip)
    action.triggered.connect(lambda _checked=False: spec.slot())
    if spec.in_view:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        view.addAction(action)
    else:
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        parent.addAction(action)
    return action


def _keys(action: QAction) -> str:
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str, str]]:
    """(group, action text, keys) for every action with a shortcut in the window's menus,
    then any other window action with a shortcut; generated from the live QActions."""
    rows: list[tuple[str, str, str]] = []
    seen: set[int] = set()

    def walk(menu: QMenu, group: str) -> None:
        for action in menu.actions():
            sub = action.menu()  # typed QObject: QAction lives in QtGui, its menu is a QMenu
            if isinstance(sub, QMenu):
                walk(sub, f"{group} › {sub.title().replace('&', '')}")
            elif not action.isSeparator() and action.shortcuts():
                seen.add(id(action))
                rows.append((group, action.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
                             _keys(action)))

    for top in window.menuBar().actions():
        top_menu = top.menu()
        if isinstance(top_menu, QMenu):
            walk(top_menu, top.text().replace("&", ""))
    for action in window.findChildren(QAction):
        if id(action) not in seen and action.shortcuts() and action.text() and action.isVisible():
            seen.add(id(action))
            rows.append(("Other", action.text().replace("&", ""), _keys(action)))
    return rows


def shortcut_conflicts(window: QMainWindow) -> list[str]:
    """Key sequences bound to more than one action in the same scope (should be empty)."""
    owners: dict[tuple[str, str], list[str]] = {}
    for action in window.findChildren(QAction):
        if action.shortcutContext() in (Qt.ShortcutContext.WidgetWithChildrenShortcut,
                                        Qt.ShortcutContext.WidgetShortcut):
            widgets = action.associatedObjects()
            scope = ",".join(sorted(str(id(w)) for w in widgets if not isinstance(w, QMenu))) or "none"
        else:
            scope = "window"
        for seq in action.shortcuts():
            owners.setdefault((scope, seq.toString()), []).append(action.text())
    # A window-wide key also shadows the same key of a widget-scoped action.
    window_keys = {k for (scope, k) in owners if scope == "window"}
    clashes = [f"{k}: {', '.join(v)}" for (scope, k), v in owners.items() if len(v) > 1]
    clashes += [f"{k}: {', '.join(v)} (also window-wide)" for (scope, k), v in owners.items()
                if scope != "window" and k in window_keys]
    return clashes


def shortcut_table_markdown(window: QMainWindow) -> str:
    """The README's shortcut table (Markdown), from the same live actions as the F1 sheet."""
    lines = ["| Menu | Action | Keys |", "|---|---|---|"]
    for group, text, keys in shortcut_rows(window):
        cells = (c.replace("|", "\\|") for c in (group, text, keys))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def shortcut_sheet_html(window: QMainWindow) -> str:
    """The Help → Keyboard shortcuts sheet as HTML."""
    parts = ["<h2>Keyboard shortcuts</h2>",
             "<p>Single-key shortcuts work while the article text has the focus (click it or press "
             "<b>Esc</b> in a panel). Select text with <b>Shift+arrows</b> "
             "(<b>Ctrl+Shift+→</b> for whole words).</p>"]
    group = None
    for g, text, keys in shortcut_rows(window):
        if g != group:
            if group is not None:
                parts.append("</table>")
            parts.append(f"<h3>{_html(g)}</h3><table cellspacing='0' cellpadding='3'>")
            group = g
        parts.append(f"<tr><td style='padding-right:18px'><b><tt>{_html(keys)}</tt></b></td>"
                     f"<td>{_html(text)}</td></tr>")
    if group is not None:
        parts.append("</table>")
    return "".join(parts)


class ShortcutSheet(QDialog):
    """Non-modal window listing every keyboard shortcut."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setHtml(shortcut_sheet_html(window))
        layout.addWidget(self.browser)
        self.resize(560, 640)


def label_action_text(label: str) -> str:
    """Menu text of a label action."""
    return LABEL_NAMES.get(label, label).replace("&", "&&")


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
