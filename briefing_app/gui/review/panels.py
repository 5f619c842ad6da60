"""Side panels of the review workspace: entities (by label), pillar passages, notes."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence
from PySide6.QtWidgets import QHeaderView, QMenu, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from briefing_app.domain.identity import entity_key
from briefing_app.domain.models import AnnotationKind, AnnotationStatus, ArticleStatus
from briefing_app.gui.palette import LABEL_NAMES, label_colour
from briefing_app.gui.storage_guard import ArticleRows, calm_for_article, status_bar_of
from briefing_app.gui.workers import next_step
from briefing_app.nlp.types import SHOWN_LABELS
from briefing_app.services.changes import ChangeSet
from briefing_app.services.entities import EntityGroup, Mention
from briefing_app.services.open_suggestions import counts_as_open

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from briefing_app.gui.review.controller import ReviewController

ROLE = Qt.ItemDataRole.UserRole + 7

#: Entities put in the Entities panel per event-loop turn when it is filled in the background
#: (a 40,000-word report has over a thousand: all at once held the window ~30 ms more).
FILL_CHUNK = 200

#: From this many tags drawn the Entities panel is filled in the background after an analysis; a
#: normal article's few hundred are read and shown at once, in the same turn as before.
BACKGROUND_FILL = 1000

#: The worker task of the Entities panel's background fill (one at a time: a newer drops an older).
LOAD_TASK = "entities-panel"


def _key_of(snapshot: Any) -> str:
    """The entity (canonical key) an entity tag's snapshot belongs to."""
    return str(snapshot.entity_id or entity_key(snapshot.label, snapshot.text))


def _snippet(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Panel(QWidget):
    def __init__(self, controller: ReviewController, columns: list[str], name: str) -> None:
        super().__init__(controller.window)
        self.controller = controller
        self.setObjectName(name)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName(f"{name}Tree")
        self.tree.setHeaderLabels(columns)
        self.tree.setColumnCount(len(columns))
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(columns)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        self.menu: QMenu | None = None
        self._stale = False
        #: Whether the panel's tab is the one shown in its dock area (set from the dock's visibilityChanged:
        #: a panel tabbed behind another still reports isVisible()).
        self.on_screen = True
        window = controller.window
        #: The article whose rows the panel shows (a read held busy for another clears it: see ArticleRows).
        self.article_rows = ArticleRows(window, name.removesuffix("Panel"), lambda: window.current_article_id,
                                        lambda: window.tasks.closed, self.show_line, lambda: self.refresh())

    def refresh(self) -> None:
        """Rebuild the list (each panel defines it)."""

    def show_line(self, line: str) -> None:
        """Show only ``line``, greyed, in place of the rows (they were another article's)."""
        self.tree.clear()
        item = QTreeWidgetItem([line, ""])
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        item.setToolTip(0, line)
        self.tree.addTopLevelItem(item)

    def request_refresh(self) -> None:
        """Rebuild now if the panel is on screen, else when it is next shown.

        A panel tabbed behind another is not rebuilt on every edit: on a report with tens of
        thousands of tags that rebuild is what made a single accept pause the window."""
        if self.on_screen:
            self._stale = False
            self.refresh()
        else:
            self._stale = True

    def set_on_screen(self, visible: bool) -> None:
        """Follow the dock's tab; catch up on edits made while the panel was behind another tab."""
        self.on_screen = visible
        if visible and self._stale:
            self._stale = False
            self.refresh()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        """What a click or Enter on ``item`` does (each panel defines it)."""

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        menu = self.context_menu(item) if item is not None else None
        if menu is not None:
            self.menu = menu
            menu.popup(self.tree.viewport().mapToGlobal(pos))

    def context_menu(self, item: QTreeWidgetItem) -> QMenu | None:
        """The context menu for ``item`` (None when it has none)."""
        return None

    def _collapsed_heads(self) -> set[str]:
        """Keys (label or pillar id) of the collapsed top-level rows."""
        heads = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return {head.data(0, ROLE)[1] for head in heads
                if head is not None and head.data(0, ROLE) and not head.isExpanded()}  # (not show_line's)

    def item_by_text(self, text: str, column: int = 0) -> QTreeWidgetItem | None:
        """First item (any depth) whose text in ``column`` equals ``text``."""
        found = self.tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, column)
        return found[0] if found else None


class EntitiesPanel(_Panel):
    """Entities of the article grouped by label, with mention counts and aliases.

    Click an entity to jump to (and flash) its next mention; double-click renames it; the
    context menu merges it into another entity or splits an alias off.
    """

    #: After every fill (at once or in the background): the tree shows the current entities.
    refreshed = Signal()

    def __init__(self, controller: ReviewController) -> None:
        super().__init__(controller, ["Entity", "Mentions"], "entitiesPanel")
        # A fixed width for the counts: sized to its contents, every count changed by an edit
        # made the header measure thousands of rows again.
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.tree.fontMetrics().horizontalAdvance("9999 (999 open)") + 16)
        # F2 is taken window-wide (article details): rename by double-click or the context menu.
        self.tree.setEditTriggers(QTreeWidget.EditTrigger.DoubleClicked)
        self.tree.itemChanged.connect(self._item_changed)
        self.groups: dict[str, EntityGroup] = {}
        self._cycle: dict[str, int] = {}
        self._filling = False
        self._mentions: dict[int, tuple[str, Mention]] | None = None
        #: A background fill: the worker's generation awaited, then the fill's remaining steps.
        self._load: int | None = None
        self._steps: Iterator[bool] | None = None
        self._heads: dict[str, QTreeWidgetItem] = {}
        self._items: dict[str, QTreeWidgetItem] = {}
        self._by_label: dict[str, dict[str, EntityGroup]] = {}
        #: What the tree was last filled for (``_fill_state``); None when it shows no article's entities.
        self._state: tuple[object, ...] | None = None

    def _fill_state(self) -> tuple[object, ...]:
        """What a fill depends on besides the entities themselves (the article, what is hidden,
        and whether the article counts as reviewed: then nothing is open)."""
        c = self.controller
        return (c.window.current_article_id, frozenset(c.view.hidden_labels),
                c.article_status() == ArticleStatus.REVIEWED)

    @property
    def loading(self) -> bool:
        """True while a fill read in the background (:meth:`refresh_in_background`) has not been
        shown in full yet: the tree still shows what it was filled with before."""
        return self._load is not None or self._steps is not None

    @calm_for_article
    def refresh(self) -> None:
        """Reload from the database now, keeping the expanded state of the labels."""
        self._drop_load()
        article_id = self.controller.window.current_article_id
        groups = self.controller.services.entities.groups(article_id) if article_id is not None else []
        hidden = self.controller.view.hidden_labels
        for _ in self._fill_steps([g for g in groups if g.label in SHOWN_LABELS and g.label not in hidden]):
            pass  # all at once
        self.refreshed.emit()

    def request_refresh(self, background: bool = False) -> None:
        """As :meth:`_Panel.request_refresh`; ``background``: a long article's (BACKGROUND_FILL
        tags drawn or more) is read and filled as :meth:`refresh_in_background` does."""
        if background and self.on_screen and len(self.controller.view.entity_marks) >= BACKGROUND_FILL:
            self._stale = False
            self.refresh_in_background()
        else:
            super().request_refresh()

    def refresh_in_background(self) -> None:
        """Reload without holding the window: the entities are read in a worker (the one
        pattern, gui/workers) and the tree is filled FILL_CHUNK entities per event-loop turn,
        then shown at once; ``refreshed`` is emitted after. A newer fill (another article, a
        legend change, an edit that rebuilds the panel) drops this one's result."""
        article_id = self.controller.window.current_article_id
        if article_id is None:
            self.refresh()
            return
        self._drop_load()
        hidden = frozenset(self.controller.view.hidden_labels)
        entities = self.controller.services.entities

        def work(_progress: object, _cancelled: object) -> tuple[int, list[EntityGroup]]:
            groups = entities.groups(article_id)
            return article_id, [g for g in groups if g.label in SHOWN_LABELS and g.label not in hidden]

        self._load = self.controller.window.tasks.start(
            LOAD_TASK, work, self._loaded, lambda exc, tb: self._load_failed(exc, tb, article_id))

    def _load_failed(self, exc: BaseException, tb: str, article_id: int) -> None:
        """A background read that failed: no longer "loading"; held busy, the tree keeps what it showed
        when that is this article's entities, else it is cleared and read again by itself (ArticleRows);
        either is said in the status bar."""
        self._load = None
        problem = self.article_rows.describe(article_id)(exc)
        if problem is None:
            log.error("Reading the entities failed:\n%s", tb)
            return
        log.warning("Entities not read: %s", problem)
        if article_id != self.controller.window.current_article_id:
            return  # read for an article no longer shown: its own read answers
        status_bar_of(self)(problem)
        self.article_rows.not_read(article_id)

    def show_line(self, line: str) -> None:
        """As :meth:`_Panel.show_line`; the panel no longer follows any article's entities."""
        self._drop_load()
        self._filling = True
        super().show_line(line)
        self._filling = False
        self._state = None
        self._mentions = None
        self.groups, self._heads, self._items, self._by_label = {}, {}, {}, {}

    def _loaded(self, result: tuple[int, list[EntityGroup]]) -> None:
        article_id, groups = result
        self._load = None
        if article_id != self.controller.window.current_article_id:
            return  # read for an article no longer shown (its own fill follows or came already)
        steps = self._steps = self._fill_steps(groups)
        self._fill_step(steps)

    def _fill_step(self, steps: Iterator[bool]) -> None:
        """One chunk of a background fill, the next in a later turn (tied to the panel)."""
        if self._steps is not steps:
            return  # dropped: a newer fill took over
        if next(steps, None) is None:
            self._steps = None
            self.refreshed.emit()
            return
        next_step(self, lambda: self._fill_step(steps))

    def _drop_load(self) -> None:
        """Forget a background fill in flight (its result, or its remaining steps, are dropped)."""
        if self._load is not None:
            self.controller.window.tasks.cancel(LOAD_TASK)
            self._load = None
        self._steps = None

    def _fill_steps(self, groups: list[EntityGroup]) -> Iterator[bool]:
        """Fill the tree with ``groups`` (already filtered); yields between chunks of FILL_CHUNK
        entities. The rows are built apart from the tree and put in at the end in one go (the
        view lays them out once), so a fill cut short leaves the tree as it was."""
        state = self._fill_state()
        open_rule = (self.controller.article_status(), self.controller.visibility())
        self._open_rule = open_rule  # (an edit between chunks finds the panel loading: never sets it)
        heads: dict[str, QTreeWidgetItem] = {}
        items: dict[str, QTreeWidgetItem] = {}
        by_label: dict[str, dict[str, EntityGroup]] = {}
        for n, g in enumerate(groups, 1):
            head = heads.get(g.label)
            if head is None:
                head = heads[g.label] = self._new_head(g.label)
            item = QTreeWidgetItem()
            self._fill_item(item, g)
            head.addChild(item)
            items[g.key] = item
            by_label.setdefault(g.label, {})[g.key] = g
            if n % FILL_CHUNK == 0 and n < len(groups):
                yield True
        collapsed = self._collapsed_heads()
        self._filling = True
        self.tree.clear()
        self._mentions = None
        self._state = state
        self.groups = {g.key: g for g in groups}
        self._by_label = by_label
        self._items = items
        order = list(SHOWN_LABELS)
        self._heads = {label: heads[label] for label in sorted(heads, key=order.index)}
        self.tree.addTopLevelItems(list(self._heads.values()))
        for label, head in self._heads.items():
            self._fill_head(label)
            head.setExpanded(label not in collapsed)
        self._filling = False
        self.article_rows.read(state[0])

    def update_entities(self, keys: set[str]) -> bool:
        """Redraw only the entities ``keys`` (those an edit touched, before and after it).

        Returns False, changing nothing, when the panel must be rebuilt instead (another article,
        labels shown or hidden, the article marked reviewed or no longer reviewed since the fill).
        """
        if not self.in_step():
            return False
        article_id = self.controller.window.current_article_id
        assert article_id is not None  # part of the fill state
        hidden = self.controller.view.hidden_labels
        fresh = {g.key: g for g in self.controller.services.entities.groups(article_id, keys)
                 if g.label in SHOWN_LABELS and g.label not in hidden}
        self._open_rule = (self.controller.article_status(), self.controller.visibility())
        labels: set[str] = set()
        self._filling = True
        mentions = self._mentions  # kept in step: only these entities' mentions change
        for key in keys:
            old = self.groups.pop(key, None)
            item = self._items.pop(key, None)
            group = fresh.get(key)
            if old is not None:
                labels.add(old.label)
                self._by_label.get(old.label, {}).pop(key, None)
                if mentions is not None:
                    for m in old.mentions:
                        if mentions.get(m.annotation_id, (None,))[0] == key:
                            del mentions[m.annotation_id]
            if group is not None and mentions is not None:
                mentions.update((m.annotation_id, (key, m)) for m in group.mentions)
            if item is not None and (group is None or old is None or old.label != group.label
                                     or old.name != group.name):
                parent = item.parent()
                if parent is not None:
                    parent.removeChild(item)
                item = None
            if group is None:
                continue
            labels.add(group.label)
            if item is None:  # a new entity, or one whose place in the list changed
                item = QTreeWidgetItem()
                head = self._heads.get(group.label)
                if head is None:
                    head = self._add_head(group.label)
                    head.setExpanded(True)
                name = group.name.casefold()
                place = sum(1 for g in self._by_label.get(group.label, {}).values() if g.name.casefold() < name)
                head.insertChild(place, item)
            self._fill_item(item, group)
            self.groups[key] = group
            self._by_label.setdefault(group.label, {})[key] = group
            self._items[key] = item
        for label in labels:
            self._fill_head(label)
        self._filling = False
        return True

    def in_step(self) -> bool:
        """Whether the panel shows what it was last filled for (else it must be rebuilt)."""
        return self.on_screen and not self._stale and not self.loading \
            and self._state == self._fill_state()

    def _mention_index(self) -> dict[int, tuple[str, Mention]]:
        """Annotation id -> (entity key, its mention), built once per fill and kept in step after."""
        if self._mentions is None:
            self._mentions = {m.annotation_id: (key, m) for key, g in self.groups.items() for m in g.mentions}
        return self._mentions

    def update_mentions(self, changes: ChangeSet, backwards: bool) -> set[str] | None:
        """Follow the tags an edit only decided on (accept, its undo): the same entity, text and
        span, another status; that mention's open count is redrawn, nothing read again.

        Returns the entities of the edit's other tags (for :meth:`update_entities`), or None,
        changing nothing, when the panel must be rebuilt instead (as update_entities).
        """
        if not self.in_step():
            return None
        article_id = self.controller.window.current_article_id
        rest: set[str] = set()
        decided: list[tuple[Mention, str, str]] = []
        for before, after in changes.annotations:
            keys = {_key_of(s) for s in (before, after) if s is not None and s.kind == AnnotationKind.ENTITY}
            if not keys:
                continue
            found = self._mention_index().get(after.id) if before is not None and after is not None else None
            if (found is None or len(keys) != 1 or found[0] not in keys or after.article_id != article_id
                    or AnnotationStatus.REJECTED in (before.status, after.status)
                    or (before.start, before.end, before.label, before.text)
                    != (after.start, after.end, after.label, after.text)):
                rest |= keys
                continue
            decided.append((found[1], found[0], str((before if backwards else after).status)))
        if decided:
            self._open_rule = (self.controller.article_status(), self.controller.visibility())
            self._filling = True
            for mention, _key, status in decided:
                mention.status = status
            for key in {key for _m, key, _s in decided}:
                self._items[key].setText(1, self._mention_count(self.groups[key]))
            self._filling = False
        return rest

    def update_statuses(self, changes: ChangeSet, backwards: bool) -> bool:
        """Follow bulk status changes (accept all remaining, its undo): the same entities and
        mentions, so only the open counts of those touched are redrawn, nothing read again.

        Returns False, changing nothing, when the panel must be rebuilt instead (as update_entities).
        """
        if not changes.bulk:
            return True
        if not self.in_step():
            return False
        mentions = self._mention_index()
        article_id = self.controller.window.current_article_id
        touched: set[str] = set()
        for bulk in changes.bulk:
            if bulk.article_id != article_id:
                continue
            for annotation_id, status in bulk.statuses(backwards).items():
                found = mentions.get(annotation_id)
                if found is not None:  # (a pillar, or a label the panel does not show)
                    found[1].status = status
                    touched.add(found[0])
        self._open_rule = (self.controller.article_status(), self.controller.visibility())
        self._filling = True
        for key in touched:
            self._items[key].setText(1, self._mention_count(self.groups[key]))
        self._filling = False
        return True

    @staticmethod
    def _new_head(label: str) -> QTreeWidgetItem:
        """A label's top-level row (not in the tree yet)."""
        head = QTreeWidgetItem()
        head.setData(0, ROLE, ("label", label))
        head.setBackground(0, QBrush(QColor(label_colour(label))))
        head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return head

    def _add_head(self, label: str) -> QTreeWidgetItem:
        """The label's top-level row, in the order of SHOWN_LABELS."""
        head = self._new_head(label)
        order = list(SHOWN_LABELS)
        place = sum(1 for other in self._heads if order.index(other) < order.index(label))
        self.tree.insertTopLevelItem(place, head)
        self._heads[label] = head
        return head

    def _fill_head(self, label: str) -> None:
        """The label row's count of entities and mentions (removed once it has none)."""
        head = self._heads.get(label)
        if head is None:
            return
        members = list(self._by_label.get(label, {}).values())
        if not members:
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(head))
            del self._heads[label]
            return
        head.setText(0, f"{LABEL_NAMES.get(label, label)} ({len(members)})")
        head.setText(1, str(sum(len(g.mentions) for g in members)))

    def _fill_item(self, item: QTreeWidgetItem, g: EntityGroup) -> None:
        """An entity's row: name, mentions (open ones), tooltip and its aliases under it."""
        item.setText(0, g.name)
        item.setText(1, self._mention_count(g))
        if item.data(0, ROLE) is None:  # a new row (each change costs the view a pass)
            item.setData(0, ROLE, ("entity", g.key))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        tip = f"{g.name} — {LABEL_NAMES.get(g.label, g.label)}"
        if g.aliases:
            tip += "\nAlso written: " + ", ".join(g.aliases)
        item.setToolTip(0, tip + "\nClick: jump to the next mention · double-click: rename")
        for child in item.takeChildren():
            del child
        counts = Counter(m.text for m in g.mentions)
        for alias in g.aliases:
            child = QTreeWidgetItem([f"aka “{alias}”", str(counts.get(alias, 0))])
            child.setData(0, ROLE, ("alias", g.key, alias))
            child.setForeground(0, QBrush(QColor("#4b5563")))
            item.addChild(child)

    def _mention_count(self, g: EntityGroup) -> str:
        """The Mentions column of an entity: all, and how many are open."""
        article_status, visibility = self._open_rule
        # The rule asked once per status, not once per mention (an entity of a long report has hundreds).
        by_status = Counter(m.status for m in g.mentions)
        open_n = sum(n for status, n in by_status.items()
                     if counts_as_open("entity", g.label, status, article_status, visibility))
        return f"{len(g.mentions)}" + (f" ({open_n} open)" if open_n else "")

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ROLE)
        if not data or data[0] == "label":
            return
        group = self.groups.get(data[1])
        if group is None:
            return
        mentions = [m for m in group.mentions if data[0] == "entity" or m.text == data[2]]
        if not mentions:
            return
        # Repeated clicks walk through the mentions.
        slot = f"{data[0]}:{data[1]}:{data[2] if len(data) > 2 else ''}"
        index = self._cycle.get(slot, -1) + 1
        mention = mentions[index % len(mentions)]
        self._cycle[slot] = index % len(mentions)
        self.controller.set_current("entity", mention.annotation_id, announce=True)
        self.controller.view.flash(mention.start, mention.end)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        data = item.data(0, ROLE)
        if data and data[0] == "entity":
            group = self.groups.get(data[1])
            if group is not None and item.text(0).strip() and item.text(0).strip() != group.name:
                key, name = data[1], item.text(0)
                # Rebuilding the tree inside itemChanged would delete the item being edited.
                QTimer.singleShot(0, lambda: self.controller.rename(key, name))
            elif group is not None:
                self._filling = True
                item.setText(0, group.name)
                self._filling = False

    def context_menu(self, item: QTreeWidgetItem) -> QMenu | None:
        data = item.data(0, ROLE)
        if not data or data[0] == "label":
            return None
        group = self.groups.get(data[1])
        if group is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("entityPanelMenu")
        if data[0] == "alias":
            alias = data[2]
            act = menu.addAction(f"Split “{alias}” off into its own entity".replace("&", "&&"),
                                 lambda: self.controller.split(group.key, alias))
            act.setObjectName("split")
            act.setEnabled(any(m.text == alias for m in group.mentions))
            return menu
        rename = menu.addAction("Rename…", lambda: self.tree.editItem(item, 0))
        rename.setObjectName("rename")
        merge = menu.addMenu("Merge into")
        merge.setObjectName("mergeMenu")
        others = sorted((g for g in self.groups.values() if g.key != group.key),
                        key=lambda g: (g.label != group.label, g.label, g.name))
        for other in others:
            act = merge.addAction(f"{other.name} ({LABEL_NAMES.get(other.label, other.label)})".replace("&", "&&"),
                                  partial(self.controller.merge, group.key, other.key))
            act.setData(other.key)
        merge.setEnabled(bool(others))
        splits = [a for a in group.aliases if any(m.text == a for m in group.mentions)]
        if splits:
            sub = menu.addMenu("Split off")
            sub.setObjectName("splitMenu")
            for alias in splits:
                sub.addAction(f"“{alias}”".replace("&", "&&"),
                              partial(self.controller.split, group.key, alias))
        return menu


class PillarsPanel(_Panel):
    """Passages per pillar; click jumps to the passage and makes it the tag under review."""

    def __init__(self, controller: ReviewController) -> None:
        super().__init__(controller, ["Passage", "Score"], "pillarsPanel")

    @calm_for_article
    def refresh(self) -> None:
        """Rebuild from the marks shown in the view (the database's state)."""
        view = self.controller.view
        article_status = self.controller.article_status()
        visibility = self.controller.visibility()
        collapsed = self._collapsed_heads()
        self.tree.clear()
        by_pillar: dict[str, list] = {}
        for mark in sorted(view.visible_pillar_marks(), key=lambda m: m.start):
            by_pillar.setdefault(mark.pillar_id, []).append(mark)
        for pid in view.pillar_order:
            marks = by_pillar.get(pid, [])
            if not marks:
                continue
            open_n = sum(1 for m in marks if counts_as_open("pillar", pid, m.status, article_status, visibility))
            head = QTreeWidgetItem([f"{view.pillar_names.get(pid, pid)} ({len(marks)})",
                                    f"{open_n} open" if open_n else ""])
            head.setData(0, ROLE, ("pillar", pid))
            colour = QColor(view.pillar_colours.get(pid, "#888888"))
            colour.setAlpha(90)
            head.setBackground(0, QBrush(colour))
            self.tree.addTopLevelItem(head)
            for mark in marks:
                prefix = "◌ " if mark.status == AnnotationStatus.SUGGESTED else "● "
                child = QTreeWidgetItem([prefix + _snippet(view.text[mark.start:mark.end]),
                                         f"{mark.confidence:.0%}"])
                child.setData(0, ROLE, ("passage", mark.annotation_id))
                child.setToolTip(0, view.text[mark.start:mark.end])
                head.addChild(child)
            head.setExpanded(pid not in collapsed)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ROLE)
        if data and data[0] == "passage":
            mark = self.controller.view.pillar_marks.get(data[1])
            if mark is not None:
                self.controller.set_current("pillar", mark.annotation_id)
                self.controller.view.flash(mark.start, mark.end)


class NotesPanel(_Panel):
    """All notes of the article: click jumps, double-click edits, Delete removes."""

    def __init__(self, controller: ReviewController) -> None:
        super().__init__(controller, ["Note", "On"], "notesPanel")
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self._edit(item))
        delete = QAction("Delete note", self.tree)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(lambda: self._delete(self.tree.currentItem()))
        self.tree.addAction(delete)

    @calm_for_article
    def refresh(self) -> None:
        """Reload the notes of the current article."""
        article_id = self.controller.window.current_article_id
        notes = self.controller.services.notes.for_article(article_id) if article_id is not None else []
        text = self.controller.view.text
        self.tree.clear()
        for note in notes:
            item = QTreeWidgetItem([_snippet(note.body, 90), _snippet(text[note.start:note.end], 40)])
            item.setData(0, ROLE, ("note", note.id))
            item.setToolTip(0, note.body)
            item.setToolTip(1, text[note.start:note.end])
            self.tree.addTopLevelItem(item)
        if not notes:
            empty = QTreeWidgetItem(["No notes yet: select text and press Ctrl+Shift+N.", ""])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(empty)

    def _note_id(self, item: QTreeWidgetItem | None) -> int | None:
        data = item.data(0, ROLE) if item is not None else None
        return int(data[1]) if data and data[0] == "note" else None

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        note_id = self._note_id(item)
        note = self.controller.services.notes.get(note_id) if note_id is not None else None
        if note is not None:
            self.controller.view.flash(note.start, max(note.end, note.start + 1))

    def _edit(self, item: QTreeWidgetItem | None) -> None:
        note_id = self._note_id(item)
        if note_id is not None:
            self.controller.edit_note(note_id)

    def _delete(self, item: QTreeWidgetItem | None) -> None:
        note_id = self._note_id(item)
        if note_id is not None:
            self.controller.delete_note(note_id)

    def context_menu(self, item: QTreeWidgetItem) -> QMenu | None:
        if self._note_id(item) is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("notesPanelMenu")
        menu.addAction("Edit…", lambda: self._edit(item)).setObjectName("edit")
        menu.addAction("Delete", lambda: self._delete(item)).setObjectName("delete")
        return menu
