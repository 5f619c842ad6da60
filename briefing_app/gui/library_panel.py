"""The library panel: searchable, filterable, sortable table of every article in the database."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence, QPainter, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefing_app.domain.models import Article
from briefing_app.domain.wording import count
from briefing_app.gui.review.status import STATUS_NAMES
from briefing_app.gui.storage_guard import calm_when_busy, refused_write, status_bar_of
from briefing_app.gui.undo import ChangeCommand
from briefing_app.nlp.labels import label_name
from briefing_app.nlp.types import SHOWN_LABELS
from briefing_app.services import Services
from briefing_app.services.articles import REVIEW_STATUSES, ArticleSummary, LibraryFilter
from briefing_app.services.changes import ChangeSet
from briefing_app.services.open_suggestions import Visibility

ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3

SEARCH_LIMIT = 200  # ranked results shown for a search (the rest are less relevant)
PAGE_SIZE = 200  # rows read from the database at a time while browsing (more as the officer scrolls)
COLUMNS = ("Title", "Outlet", "Date", "Status", "Entities", "Pillars", "Open")
COLUMN_TIPS = (
    "Title of the article (search hits appear under it)",
    "Outlet or source",
    "Published date",
    "Review status",
    "Entity mentions (rejected ones not counted)",
    "Pillars tagged in the article",
    "Open suggestions: shown tags the analyser proposed that nobody has accepted or rejected yet "
    "(none once the article is marked reviewed)",
)
TITLE, OUTLET, DATE, STATUS, ENTITIES, PILLARS, OPEN = range(len(COLUMNS))
#: The database sort key of each column (services/articles.SORT_KEYS).
SORT_KEY_OF_COLUMN = ("title", "outlet", "date", "status", "entities", "pillars", "open")
_NO_DATE = QDate(1900, 1, 1)  # the "any date" value of the date filters
_HIT_BACKGROUND = QColor("#fde68a")


class LibraryModel(QAbstractTableModel):
    """Article summaries as table rows; the raw value for sorting is under SORT_ROLE.

    While browsing, rows come a page at a time: ``fetch(offset)`` reads the next page and Qt asks
    for it (``canFetchMore``/``fetchMore``) as the table scrolls near the end.
    """

    def __init__(self, pillar_names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ArticleSummary] = []
        self.pillar_names = pillar_names
        self.fetch: Callable[[int], list[ArticleSummary]] | None = None

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and self.fetch is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self.fetch is None:
            return
        page = self.fetch(len(self.rows))
        if len(page) < PAGE_SIZE:
            self.fetch = None  # the end of the list
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMN_TIPS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == ARTICLE_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == SORT_ROLE:
            return self._sort_key(row, col, index.row())
        if role == SNIPPET_ROLE:
            return (row.snippet, row.hits) if col == TITLE else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (ENTITIES, PILLARS, OPEN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == OPEN and row.open_suggestions:
            return QColor("#9a3412")
        return None

    def _display(self, row: ArticleSummary, col: int) -> str:
        if col == TITLE:
            return row.title or "(untitled)"
        if col == OUTLET:
            return row.outlet
        if col == DATE:
            return row.published[:10]
        if col == STATUS:
            return STATUS_NAMES.get(row.status, row.status)
        if col == ENTITIES:
            return str(row.entity_count)
        if col == PILLARS:
            return str(len(row.pillars))
        return str(row.open_suggestions) if row.open_suggestions else ""

    def _sort_key(self, row: ArticleSummary, col: int, position: int) -> Any:
        if col == TITLE:
            return (row.title or "").casefold()
        if col == OUTLET:
            return row.outlet.casefold()
        if col == DATE:
            return row.published or ""
        if col == STATUS:
            return REVIEW_STATUSES.index(row.status) if row.status in REVIEW_STATUSES else 9
        if col == ENTITIES:
            return row.entity_count
        if col == PILLARS:
            return len(row.pillars)
        if col == OPEN:
            return row.open_suggestions
        return position

    def _tooltip(self, row: ArticleSummary, col: int) -> str:
        if col == PILLARS:
            names = ", ".join(self.pillar_names.get(p, p) for p in row.pillars)
            return f"{names} ({count(row.pillar_count, 'tagged passage')})" if names else "No pillar tagged"
        parts = [row.title or "(untitled)"]
        by = " · ".join(x for x in (row.outlet, row.author, row.published[:10]) if x)
        if by:
            parts.append(by)
        parts.append(f"{STATUS_NAMES.get(row.status, row.status)} · {count(row.entity_count, 'entity', 'entities')} · "
                     f"{count(len(row.pillars), 'pillar')} · {count(row.open_suggestions, 'open suggestion')}")
        if row.snippet:
            parts.append(row.snippet)
        return "\n".join(parts)

    def set_rows(self, rows: list[ArticleSummary],
                 fetch: Callable[[int], list[ArticleSummary]] | None = None) -> None:
        """Replace every row; ``fetch(offset)``, when given, reads the pages after them."""
        self.beginResetModel()
        self.rows = rows
        self.fetch = fetch if len(rows) >= PAGE_SIZE else None
        self.endResetModel()

    def update_rows(self, rows: Iterable[ArticleSummary]) -> None:
        """Replace the rows of these articles in place (search snippets are kept)."""
        position = {r.id: i for i, r in enumerate(self.rows)}
        for fresh in rows:
            i = position.get(fresh.id)
            if i is None:
                continue
            old = self.rows[i]
            fresh.snippet, fresh.hits = old.snippet, old.hits
            self.rows[i] = fresh
            self.dataChanged.emit(self.index(i, 0), self.index(i, len(COLUMNS) - 1))

    def row_of(self, article_id: int) -> ArticleSummary | None:
        """The summary of ``article_id`` when it is among the rows read."""
        return next((r for r in self.rows if r.id == article_id), None)

    def remove_ids(self, ids: set[int]) -> None:
        """Drop the rows of deleted articles."""
        for i in reversed(range(len(self.rows))):
            if self.rows[i].id in ids:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self.rows[i]
                self.endRemoveRows()


class LibraryProxy(QSortFilterProxyModel):
    """Sorts in the database while browsing (pages keep the order of the whole list), in memory
    for the ranked search results (all of them are loaded)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Called with (column, order) to sort in the database; returns False to sort in memory.
        self.sort_in_database: Callable[[int, Qt.SortOrder], bool] | None = None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.sort_in_database is not None and self.sort_in_database(column, order):
            if self.sortColumn() != -1:
                super().sort(-1, order)  # the database's order, as read (no sorting in memory)
            return
        super().sort(column, order)


class TitleDelegate(QStyledItemDelegate):
    """Draws the title elided, and in search mode a second line with the hits highlighted."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        snippet = index.data(SNIPPET_ROLE)
        if snippet and snippet[0]:
            size.setHeight(option.fontMetrics.height() * 2 + 8)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        snippet = index.data(SNIPPET_ROLE)
        if not snippet or not snippet[0]:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = option.rect.adjusted(4, 2, -4, -2)
        metrics = option.fontMetrics
        line = metrics.height()
        painter.save()
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        title = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        title_rect = QRect(rect.left(), rect.top(), rect.width(), line)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        painter.setFont(option.font)
        self._paint_snippet(painter, QRect(rect.left(), rect.top() + line + 2, rect.width(), line), *snippet)
        painter.restore()

    @staticmethod
    def _paint_snippet(painter: QPainter, rect: QRect, text: str, hits: tuple[tuple[int, int], ...]) -> None:
        """Draw ``text`` on one line, hit spans on a highlight, elided at the right edge."""
        metrics = painter.fontMetrics()
        text = " ".join(text.split("\n"))
        if hits:
            # Keep the first hit in view: cut the text before it when it would push the hit far right.
            lead = text[: hits[0][0]]
            room = rect.width() // 4
            if metrics.horizontalAdvance(lead) > room:
                kept = metrics.elidedText(lead, Qt.TextElideMode.ElideLeft, room)
                shift = len(lead) - len(kept)
                text = kept + text[hits[0][0]:]
                hits = tuple((s - shift, e - shift) for s, e in hits)
        pieces: list[tuple[str, bool]] = []
        last = 0
        for start, end in hits:
            pieces += [(text[last:start], False), (text[start:end], True)]
            last = end
        pieces.append((text[last:], False))
        x = rect.left()
        right = rect.right()
        grey = QColor("#4b5563")
        for piece, is_hit in pieces:
            piece = " ".join(piece.split("\n"))
            if not piece:
                continue
            width = metrics.horizontalAdvance(piece)
            if x + width > right:
                piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, right - x)
                width = metrics.horizontalAdvance(piece)
            box = QRect(x, rect.top(), width, rect.height())
            if is_hit:
                painter.fillRect(box, _HIT_BACKGROUND)
            painter.setPen(QColor("#111111") if is_hit else grey)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, piece)
            x += width
            if x >= right:
                break


class EntityFilterBox(QComboBox):
    """Editable entity filter: the list of the library's entities is (re)loaded when opened."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.line_edit().setPlaceholderText("Any entity")
        self.line_edit().setClearButtonEnabled(True)
        self.setToolTip("Show articles mentioning this entity (pick one from the list, or type a name)")
        self.stale = True

    def line_edit(self) -> QLineEdit:
        """The text field (an editable combo box always has one)."""
        edit = self.lineEdit()
        assert edit is not None, "setEditable(True) creates the line edit"
        return edit

    def showPopup(self) -> None:  # noqa: N802 (Qt API)
        if self.stale:
            self.reload()
        super().showPopup()

    def reload(self) -> None:
        """Fill the list with the library's entities, most widespread first."""
        typed = self.currentText()
        self.blockSignals(True)
        self.clear()
        for choice in self.services.articles.entity_choices(SHOWN_LABELS, limit=500):
            self.addItem(f"{choice.name}  ({label_name(choice.label)}, {choice.articles})", choice.key)
        self.setCurrentIndex(-1)
        self.setEditText(typed)
        self.blockSignals(False)
        self.stale = False

    def value(self) -> str:
        """The entity key chosen from the list, or the name typed."""
        text = self.currentText().strip()
        index = self.findText(text)
        if index >= 0:
            return str(self.itemData(index))
        return text


class LibraryPanel(QWidget):
    """Search box, filters and the article table.

    Signals carry article ids; the window decides what opening, editing or analysing means.
    """

    articleActivated = Signal(int)  # the current row changed to this article
    editRequested = Signal(int)  # "Edit details…"
    analyseRequested = Signal(list)  # "Analyse again"
    articlesDeleted = Signal(list)  # after the deletion was committed (or redone)
    articlesRestored = Signal(list)  # a deletion was undone
    refreshed = Signal()  # the table shows the current filters' result
    statusesChanged = Signal(list)  # articles whose review status was set here (or that setting undone/redone)

    def __init__(self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.services = services
        self.undo_stack = undo_stack
        pillars = services.pillars.all()
        self.model = LibraryModel({p.id: p.name for p in pillars}, self)
        self.proxy = LibraryProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._current_id: int | None = None
        self._quiet = False  # True while the panel itself moves the selection
        #: What the legend hides: open suggestions are counted as the officer sees them.
        self.visibility = Visibility()

        self.search = QLineEdit(self)
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText("Search all articles (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=180)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)

        self.pillar_filter = QComboBox(self)
        self.pillar_filter.addItem("All pillars", "")
        for pillar in pillars:
            self.pillar_filter.addItem(pillar.name, pillar.id)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem("Any status", "")
        for status in REVIEW_STATUSES:
            self.status_filter.addItem(STATUS_NAMES[status], status)
        self.entity_filter = EntityFilterBox(services, self)
        self.date_from = self._date_edit("From: any date", "Published on or after")
        self.date_to = self._date_edit("To: any date", "Published on or before")
        self.clear_filters = QPushButton("Clear", self)
        self.clear_filters.setToolTip("Clear the search and every filter")
        self.clear_filters.clicked.connect(self.reset_filters)
        for combo in (self.pillar_filter, self.status_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.entity_filter.activated.connect(lambda _i: self.refresh())
        # A typed name applies after a pause, like the search (Return may be a window shortcut).
        self.entity_filter.line_edit().returnPressed.connect(self.refresh)
        self.entity_filter.line_edit().textEdited.connect(lambda _t: self._search_timer.start())
        self.entity_filter.line_edit().textChanged.connect(self._entity_text_changed)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.refresh())

        self.summary = QLabel(self)
        self.summary.setObjectName("librarySummary")
        self.summary.setStyleSheet("color: #4b5563;")

        self.table = QTableView(self)
        self.table.setObjectName("libraryTable")
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(TITLE, TitleDelegate(self.table))
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _i: self._edit_current())
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(28)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for col in range(len(COLUMNS)):
            if col != TITLE:
                header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Short headers for the count columns keep the title readable in a narrow dock.
        self.proxy.setHeaderData(ENTITIES, Qt.Orientation.Horizontal, "Ent")
        self.proxy.setHeaderData(PILLARS, Qt.Orientation.Horizontal, "Pil")
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self._filters = LibraryFilter()
        self.proxy.sort_in_database = self._sort_in_database

        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.setHorizontalSpacing(4)
        filters.setVerticalSpacing(4)
        filters.addWidget(self.pillar_filter, 0, 0)
        filters.addWidget(self.status_filter, 0, 1)
        filters.addWidget(self.entity_filter, 1, 0, 1, 2)
        filters.addWidget(self.date_from, 2, 0)
        filters.addWidget(self.date_to, 2, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.clear_filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addLayout(bottom)
        layout.addWidget(self.table, 1)

        self.delete_action = QAction("&Delete…", self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_selected)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.table.addAction(self.delete_action)
        find = QShortcut(QKeySequence.StandardKey.Find, self.window())
        find.activated.connect(self.focus_search)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Fixed widths for the short columns; drop the least useful ones when the dock is narrow.

        While searching only Title (with the hit snippet under it) and Date are shown, so the
        snippet gets the width. Everything hidden stays in the row's tooltip.
        """
        metrics = self.table.fontMetrics()
        pad = 16
        widths = {OUTLET: metrics.horizontalAdvance("Hindustan Ti") + pad,
                  DATE: metrics.horizontalAdvance("2025-12-31") + pad,
                  STATUS: metrics.horizontalAdvance("In review") + pad,
                  ENTITIES: metrics.horizontalAdvance("999") + pad, PILLARS: metrics.horizontalAdvance("Pil") + pad,
                  OPEN: metrics.horizontalAdvance("Open") + pad}
        searching = bool(self.search.text().strip()) and any(r.snippet for r in self.model.rows)
        hidden = {OUTLET, STATUS, ENTITIES, PILLARS, OPEN} if searching else set()
        available = self.table.viewport().width() or self.width()
        min_title = metrics.averageCharWidth() * 22
        for col in (PILLARS, ENTITIES, OUTLET, STATUS, OPEN):
            if available - sum(w for c, w in widths.items() if c not in hidden) >= min_title:
                break
            hidden.add(col)
        for col, width in widths.items():
            self.table.setColumnHidden(col, col in hidden)
            self.table.setColumnWidth(col, width)
        line = metrics.height()
        self.table.verticalHeader().setDefaultSectionSize(line * 2 + 10 if searching else line + 10)

    def _date_edit(self, any_text: str, tip: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_NO_DATE)
        edit.setSpecialValueText(any_text)
        edit.setDate(_NO_DATE)
        edit.setToolTip(f"{tip} (set to the earliest value, or Clear, for any date)")
        return edit

    # -- the API the window and tests use -------------------------------------------------------
    def filters(self) -> LibraryFilter:
        """The search and filters currently set."""
        def iso(edit: QDateEdit) -> str:
            return "" if edit.date() == _NO_DATE else edit.date().toString("yyyy-MM-dd")

        return LibraryFilter(
            query=self.search.text().strip(), pillar=str(self.pillar_filter.currentData() or ""),
            entity=self.entity_filter.value(), date_from=iso(self.date_from), date_to=iso(self.date_to),
            status=str(self.status_filter.currentData() or ""),
        )

    @calm_when_busy
    def refresh(self, current: int | None = None) -> None:
        """Reload the table for the current search and filters, keeping the current article.

        Browsing reads the first page only (more as the table scrolls); a search reads its
        ranked results at once.
        """
        self._search_timer.stop()
        if current is not None:
            self._current_id = current
        f = self.filters()
        self._filters = f
        header = self.table.horizontalHeader()
        shown: int | None
        if f.query:
            rows = self.services.articles.list_summaries(f, limit=SEARCH_LIMIT, visibility=self.visibility)
            self._quiet = True
            self.model.set_rows(rows)
            # Relevance order while searching, until the officer clicks a column.
            self.proxy.sort(-1)
            header.setSortIndicatorShown(False)
            shown = len(rows)
        else:
            header.setSortIndicatorShown(True)
            # Reads the first page in the order of the header (see _sort_in_database).
            self.proxy.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            shown = self._count_shown(f)  # (read before the selection goes quiet: a busy read leaves it live)
            self._quiet = True
        self._fit_columns()
        self._select_id(self._current_id)
        self._quiet = False
        self.entity_filter.stale = True
        self._update_summary(f, shown)
        self.refreshed.emit()

    def _sort_in_database(self, column: int, order: Qt.SortOrder) -> bool:
        """While browsing: read the first page sorted by ``column`` (-1: newest first)."""
        f = self._filters
        if f.query:
            return False  # ranked results: sorted in memory
        sort = SORT_KEY_OF_COLUMN[column] if 0 <= column < len(SORT_KEY_OF_COLUMN) else None
        descending = order == Qt.SortOrder.DescendingOrder

        def fetch(offset: int) -> list[ArticleSummary]:
            return self.services.articles.list_summaries(f, limit=PAGE_SIZE, offset=offset, sort=sort,
                                                         descending=descending, visibility=self.visibility)

        first = fetch(0)  # read before the selection goes quiet: a busy read leaves it live
        quiet, self._quiet = self._quiet, True
        self.model.set_rows(first, fetch)
        self._select_id(self._current_id)
        self._quiet = quiet
        return True

    @calm_when_busy
    def refresh_rows(self, article_ids: Iterable[int]) -> None:
        """Update the counts and metadata of some rows without reloading the table."""
        ids = list(article_ids)
        self.model.update_rows(self.services.articles.list_summaries(article_ids=ids, visibility=self.visibility))
        self.entity_filter.stale = True

    def update_counts(self, article_id: int, status: str, entities: int, pillars: int, open_suggestions: int,
                      pillar_ids: tuple[str, ...]) -> None:
        """Give one row the counts its article has now, known without a query (the open
        article's tally, services/article_tally); its title, dates and snippet stay."""
        row = self.model.row_of(article_id)
        if row is not None:
            self.model.update_rows([replace(row, status=status, entity_count=entities, pillar_count=pillars,
                                            open_suggestions=open_suggestions, pillars=pillar_ids)])
        self.entity_filter.stale = True

    def count(self) -> int:
        """Number of articles shown."""
        return self.proxy.rowCount()

    def article_ids(self) -> list[int]:
        """Ids of the articles shown, in display order."""
        return [int(self.proxy.index(r, 0).data(ARTICLE_ID_ROLE)) for r in range(self.proxy.rowCount())]

    def summary_at(self, row: int) -> ArticleSummary:
        """The summary shown in display row ``row``."""
        return self.model.rows[self.proxy.mapToSource(self.proxy.index(row, 0)).row()]

    def setCurrentRow(self, row: int) -> None:  # noqa: N802 (mirrors QListWidget, used by tests)
        """Make display row ``row`` current (opens that article)."""
        self.table.setCurrentIndex(self.proxy.index(row, 0))

    def currentRow(self) -> int:  # noqa: N802 (mirrors QListWidget)
        """Display row of the current article, or -1."""
        return self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1

    def selectAll(self) -> None:  # noqa: N802 (mirrors QListWidget, used by tests)
        """Select every row shown (the current article stays open)."""
        self.table.selectAll()

    def selected_article_ids(self) -> list[int]:
        """Articles selected in the table, in display order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [int(self.proxy.index(r, 0).data(ARTICLE_ID_ROLE)) for r in rows]

    def select_article(self, article_id: int | None) -> None:
        """Select the row of ``article_id`` without opening it again."""
        self._current_id = article_id
        self._quiet = True
        self._select_id(article_id)
        self._quiet = False

    def focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def reset_filters(self) -> None:
        """Clear the search and every filter, then reload."""
        for widget in (self.search, self.pillar_filter, self.status_filter, self.entity_filter,
                       self.date_from, self.date_to):
            widget.blockSignals(True)
        self.search.clear()
        self.pillar_filter.setCurrentIndex(0)
        self.status_filter.setCurrentIndex(0)
        self.entity_filter.setCurrentIndex(-1)
        self.entity_filter.setEditText("")
        self.date_from.setDate(_NO_DATE)
        self.date_to.setDate(_NO_DATE)
        for widget in (self.search, self.pillar_filter, self.status_filter, self.entity_filter,
                       self.date_from, self.date_to):
            widget.blockSignals(False)
        self.refresh()

    # -- actions --------------------------------------------------------------------------------
    def set_status(self, article_ids: list[int], status: str) -> None:
        """Change the review status through the undo stack (a busy database or another officer's
        change of the same article: nothing changes, the rows show what is stored, the status bar says why)."""
        with refused_write(status_bar_of(self), lambda: self.refresh_rows(article_ids)) as refused:
            changes = self.services.changes.set_statuses(article_ids, status)
        if refused:
            return
        if changes:
            changes.description = f"Mark {count(len(changes.statuses), 'article')} as {STATUS_NAMES.get(status, status)}"
            self.undo_stack.push(ChangeCommand(self.services.changes, changes, self._statuses_set))

    def _statuses_set(self, changes: ChangeSet, _backwards: bool) -> None:
        """After a status set here, its undo or redo: the rows, and whoever follows review statuses."""
        self.refresh_rows(changes.article_ids())
        self.statusesChanged.emit(sorted(changes.article_ids()))

    def delete_selected(self) -> bool:
        """Ask, then delete the selected articles with their annotations, notes and briefing passages."""
        ids = self.selected_article_ids()
        if not ids:
            return False
        rows = {r.id: r for r in self.services.articles.list_summaries(article_ids=ids)}
        if len(ids) == 1:
            row = rows.get(ids[0])
            what = f"“{row.title}”" if row is not None else "this article"
        else:
            what = f"these {len(ids)} articles"
        tags = sum(r.entity_count + r.pillar_count for r in rows.values())
        answer = QMessageBox.question(
            self, "Delete from the library",
            f"Delete {what} from the library?\n\n{'Its' if len(ids) == 1 else 'Their'} {tags} tags, notes and any "
            "passages used in briefings "
            "are deleted too. Edit ▸ Undo brings them back.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        # Refused (another officer changed one of them, a busy or full database): nothing is deleted
        # (one transaction), the rows show what is stored, the status bar says why.
        with refused_write(status_bar_of(self), lambda: self.refresh_rows(ids)) as refused:
            changes = self.services.articles.delete_change(ids)
        if refused:
            return False
        # pushing removes the rows (the command's first redo only refreshes: the service already deleted them)
        self.undo_stack.push(ChangeCommand(self.services.changes, changes, self._deletion_replayed))
        return True

    def _deletion_replayed(self, changes: ChangeSet, backwards: bool) -> None:
        """Undo of a deletion shows the articles again; redo removes them again."""
        ids = sorted(s.id for s, _ in changes.rows if s is not None and s.model is Article)
        if not changes.rows or not ids:
            return
        if backwards:
            self.refresh()
            self.articlesRestored.emit(ids)
        else:
            self._rows_deleted(ids)

    def _rows_deleted(self, ids: list[int]) -> None:
        # Removing rows moves Qt's current index to a neighbour: do not open that one by surprise.
        self._quiet = True
        self.model.remove_ids(set(ids))
        if self._current_id in ids:
            self._current_id = None
        self._select_id(self._current_id)
        self._quiet = False
        self.entity_filter.stale = True
        f = self.filters()
        self._update_summary(f, self.model.rowCount() if f.query else self._count_shown(f))
        self.articlesDeleted.emit(ids)

    def _context_menu(self, pos: Any) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self.table.setCurrentIndex(index)
        ids = self.selected_article_ids()
        if not ids:
            return
        menu = QMenu(self)
        menu.addAction("Edit &details…", self._edit_current).setEnabled(len(ids) == 1)
        status_menu = menu.addMenu("Mark &as")
        for status in REVIEW_STATUSES:
            status_menu.addAction(STATUS_NAMES[status], partial(self.set_status, ids, status))
        menu.addAction("&Analyse again", lambda: self.analyseRequested.emit(ids))
        menu.addSeparator()
        menu.addAction(self.delete_action)
        self.context_menu = menu  # kept for tests
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _edit_current(self) -> None:
        ids = self.selected_article_ids()
        if len(ids) == 1:
            self.editRequested.emit(ids[0])

    # -- internals ------------------------------------------------------------------------------
    def _entity_text_changed(self, text: str) -> None:
        # Clearing the entity box removes the filter at once; typing waits for Enter.
        if not text.strip():
            self.refresh()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            article_id = int(current.data(ARTICLE_ID_ROLE))
            self._current_id = article_id
            self.articleActivated.emit(article_id)

    def _select_id(self, article_id: int | None) -> None:
        if article_id is None:
            self.table.clearSelection()
            return
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ARTICLE_ID_ROLE) == article_id:
                index = self.proxy.index(row, 0)
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return
        self.table.clearSelection()

    def _count_shown(self, f: LibraryFilter) -> int | None:
        """Articles the filters let through while browsing; None when nothing filters (the whole library)."""
        return None if f.is_empty() else self.services.articles.count_matching(f)

    def _update_summary(self, f: LibraryFilter, shown: int | None) -> None:
        """The line under the search: matches, "N of M articles", or the library's size.

        ``shown`` None means the whole library is listed: its size is read once (a server's
        estimate on a huge desk library, see ArticleService.size), never counted twice.
        """
        size = self.services.articles.size()
        total = size.count
        if f.query:
            shown = shown or 0
            more = " (most relevant shown)" if shown >= SEARCH_LIMIT else ""
            text = f"{shown} match{'es' if shown != 1 else ''} for “{f.query}”{more}"
        elif shown is not None:
            text = f"{shown:,} of {size.words()}"
        else:
            text = size.words()
            shown = total
        if not shown and total:
            text += " — none match; press Clear"
        self.summary.setText(text)
        self.clear_filters.setEnabled(not f.is_empty())
