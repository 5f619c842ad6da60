"""Popup menus of the article text: click a tag, click a pillar bar, right-click a selection.

Menu entries show the same keys as the keyboard actions; they act on the
clicked tag explicitly (and do not jump to the next suggestion).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from briefing_app.domain.models import AnnotationOrigin, AnnotationStatus
from briefing_app.gui.article_view import entity_span
from briefing_app.gui.palette import LABEL_NAMES
from briefing_app.gui.review.shortcuts import LABEL_KEYS, PILLAR_KEY_PREFIX, label_action_text
from briefing_app.nlp.types import SHOWN_LABELS

if TYPE_CHECKING:
    from briefing_app.gui.review.controller import ReviewController


def _add(menu: QMenu, text: str, slot: Callable[[], object], keys: str = "", name: str = "") -> QAction:
    action = QAction(text, menu)
    if keys:
        # Shown in the menu, and active only while this menu has the focus.
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    if name:
        action.setObjectName(name)
    action.triggered.connect(lambda _c=False: slot())
    menu.addAction(action)
    return action


def _pillar_keys(controller: ReviewController) -> dict[str, str]:
    return {p.id: f"{PILLAR_KEY_PREFIX}{i + 1}" for i, p in enumerate(controller.services.pillars.all()[:9])}


def entity_menu(controller: ReviewController, annotation_id: int, parent: QWidget) -> QMenu | None:
    """Menu for a clicked entity tag."""
    mark = controller.view.entity_marks.get(annotation_id)
    if mark is None:
        return None
    text = controller.view.text[mark.start:mark.end]
    short = text if len(text) <= 40 else text[:39] + "…"
    menu = QMenu(parent)
    menu.setObjectName("entityMenu")
    status = "suggestion" if mark.status == AnnotationStatus.SUGGESTED else ("added by you" if mark.origin == AnnotationOrigin.USER
                                                              else "accepted")
    menu.addSection(f"“{short}” — {LABEL_NAMES.get(mark.label, mark.label)}, {status}".replace("&", "&&"))
    if mark.status == AnnotationStatus.SUGGESTED:
        _add(menu, "&Accept", lambda: controller.accept(annotation_id, advance=False), "A", "accept")
    _add(menu, "&Reject" if mark.origin != AnnotationOrigin.USER else "&Remove",
         lambda: controller.reject(annotation_id, advance=False), "R", "reject")
    labels = menu.addMenu("Change &label")
    labels.setObjectName("labelMenu")
    for label in SHOWN_LABELS:
        act = _add(labels, label_action_text(label),
                   partial(controller.apply_label, label, annotation_id, advance=False),
                   LABEL_KEYS.get(label, ""), f"label_{label}")
        act.setCheckable(True)
        act.setChecked(label == mark.label)
    menu.addSeparator()
    q = f"“{short}”".replace("&", "&&")
    _add(menu, f"Apply {LABEL_NAMES.get(mark.label, mark.label)} to all {q} in this &article",
         lambda: controller.apply_to_all("article", annotation_id=annotation_id), "Shift+A", "applyArticle")
    _add(menu, f"Apply {LABEL_NAMES.get(mark.label, mark.label)} to all {q} in the li&brary",
         lambda: controller.apply_to_all("library", annotation_id=annotation_id), "", "applyLibrary")
    _add(menu, f"Remove all {q} in this article",
         lambda: controller.apply_to_all("article", reject=True, annotation_id=annotation_id), "",
         "rejectArticle")
    merge = menu.addMenu("&Merge into")
    merge.setObjectName("mergeMenu")
    ann = controller.services.annotations.get(annotation_id)
    source_key = ann.entity_id if ann is not None else ""
    article_id = controller.window.current_article_id or 0
    groups = [g for g in controller.services.entities.groups(article_id) if g.key != source_key]
    same = [g for g in groups if g.label == mark.label]
    others = [g for g in groups if g.label != mark.label]
    for group in same + others:
        act = _add(merge, f"{group.name} ({LABEL_NAMES.get(group.label, group.label)})".replace("&", "&&"),
                   partial(controller.merge, source_key, group.key))
        act.setData(group.key)
    if not groups:
        merge.setEnabled(False)
    menu.addSeparator()
    _add(menu, "Add &note…", lambda: controller.add_note((mark.start, mark.end), annotation_id),
         "Ctrl+Shift+N", "note")

    def add_sentence_to_briefing() -> None:
        controller.set_current("entity", annotation_id, announce=False)
        controller.add_to_briefing()

    _add(menu, "Add sentence to &briefing", add_sentence_to_briefing, "B", "briefing")
    return menu


def pillar_menu(controller: ReviewController, annotation_id: int, parent: QWidget) -> QMenu | None:
    """Menu for a clicked pillar bar: accept/reject, toggle pillars on the passage, note, briefing."""
    mark = controller.view.pillar_marks.get(annotation_id)
    if mark is None:
        return None
    names = {p.id: p.name for p in controller.services.pillars.all()}
    menu = QMenu(parent)
    menu.setObjectName("pillarMenu")
    status = "suggestion" if mark.status == AnnotationStatus.SUGGESTED else "accepted"
    menu.addSection(f"{names.get(mark.pillar_id, mark.pillar_id)} passage ({status})".replace("&", "&&"))
    if mark.status == AnnotationStatus.SUGGESTED:
        _add(menu, "&Accept", lambda: controller.accept(annotation_id, advance=False), "A", "accept")
    _add(menu, "&Reject" if mark.origin != AnnotationOrigin.USER else "&Remove",
         lambda: controller.reject(annotation_id, advance=False), "R", "reject")
    sub = menu.addMenu("&Pillars of this passage")
    sub.setObjectName("pillarsMenu")
    present = {m.pillar_id for m in controller.view.pillar_marks.values()
               if (m.start, m.end) == (mark.start, mark.end)}
    keys = _pillar_keys(controller)
    for pid, name in names.items():
        act = _add(sub, name.replace("&", "&&"),
                   partial(controller.apply_pillar, pid, (mark.start, mark.end), advance=False),
                   keys.get(pid, ""), f"pillar_{pid}")
        act.setCheckable(True)
        act.setChecked(pid in present)
    menu.addSeparator()
    _add(menu, "Add &note…", lambda: controller.add_note((mark.start, mark.end), annotation_id),
         "Ctrl+Shift+N", "note")
    _add(menu, f"Add passage to &briefing ({names.get(mark.pillar_id, mark.pillar_id)})".replace("&(", "("),
         lambda: controller.window.add_passage_to_briefing(controller.window.current_article_id or 0,
                                                           mark.start, mark.end, mark.pillar_id),
         "B", "briefing")
    return menu


def selection_menu(controller: ReviewController, start: int, end: int, parent: QWidget) -> QMenu:
    """Right-click on selected text: add an entity, tag a pillar, note, briefing, copy."""
    menu = QMenu(parent)
    menu.setObjectName("selectionMenu")
    text = controller.view.text[start:end]
    short = " ".join(text.split())
    short = short if len(short) <= 40 else short[:39] + "…"
    menu.addSection(f"“{short}”".replace("&", "&&"))
    article_id = controller.window.current_article_id or 0
    add = menu.addMenu("Add &entity")
    add.setObjectName("addEntityMenu")
    e_start, e_end = entity_span(controller.view.text, start, end)

    def add_entity(label: str) -> None:
        controller.perform(lambda: controller.services.annotations.add_change(
            article_id, "entity", e_start, e_end, label))

    for label in SHOWN_LABELS:
        _add(add, label_action_text(label), partial(add_entity, label), LABEL_KEYS.get(label, ""), f"add_{label}")
    tag = menu.addMenu("Tag &pillar")
    tag.setObjectName("tagPillarMenu")
    keys = _pillar_keys(controller)
    for p in controller.services.pillars.all():
        _add(tag, p.name.replace("&", "&&"),
             partial(controller.apply_pillar, p.id, (start, end), advance=False),
             keys.get(p.id, ""), f"pillar_{p.id}")
    _add(menu, "Add &note…", lambda: controller.add_note((start, end)), "Ctrl+Shift+N", "note")
    try:
        from briefing_app.gui.briefing.feature import add_to_briefing_menu
    except ImportError:  # the builder feature is optional for this menu
        add_to_briefing_menu = None  # type: ignore[assignment]
    if add_to_briefing_menu is not None:
        add_to_briefing_menu(controller.window, menu, start, end)
    else:
        brief = menu.addMenu("Add to &briefing")
        for p in controller.services.pillars.all():
            _add(brief, p.name.replace("&", "&&"),
                 partial(controller.window.add_passage_to_briefing, article_id, start, end, p.id))
    menu.addSeparator()
    _add(menu, "&Copy", controller.view.editor.copy, "Ctrl+C", "copy")
    return menu


def show_context_menu(controller: ReviewController, global_pos: QPoint, offset: int) -> QMenu | None:
    """Right-click in the text: the selection menu, else the tag's menu, else copy/note."""
    view = controller.view
    menu: QMenu | None
    if view.editor.textCursor().hasSelection():
        start, end = view.selection_span()
        if end <= start:
            controller.say("The selection holds no word.")
            return None
        menu = selection_menu(controller, start, end, view)
    else:
        ann = None
        for probe in (offset, offset - 1):
            if 0 <= probe < len(view.text):
                ann = view.annotation_at(probe)
                if ann is not None:
                    break
        if ann is not None:
            controller.set_current("entity", ann, announce=False)
            menu = entity_menu(controller, ann, view)
        else:
            span = controller.sentence_at(min(offset, max(0, len(view.text) - 1)))
            menu = QMenu(view)
            menu.setObjectName("textMenu")
            _add(menu, "Add &note on this sentence…", lambda: controller.add_note(span), "", "note")
    if menu is not None:
        controller.show_menu(menu, global_pos)
    return menu
