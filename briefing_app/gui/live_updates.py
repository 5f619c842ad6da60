"""Others' changes shown live (desk mode, issue 19): the open article and the Library list follow
what another officer (or another window, or a command-line task) changed, within seconds.

Every :data:`~briefing_app.services.live.POLL_SECONDS` the window's worker runs
:meth:`ChangeFeed.check` (one small query; rows are read only when it moved). On PostgreSQL a
listening connection wakes the check at once (a ``QSocketNotifier`` on its socket). What changed
is applied like an undo step's change set: only the touched tags, passages and notes are redrawn,
so the officer's scroll position, selection and undo list stay as they were. Undo never reverts
the other officer's change: a step touching their rows is refused (services/changes.py).

A check that was running while the officer made an edit is dropped (it may have read the rows
before the edit) and the next one starts from the same state, so an own edit is never undone on
screen by an older read.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QLabel

from briefing_app.domain.models import Annotation, AnnotationKind, AnnotationStatus, Note
from briefing_app.gui.article_view import PillarMark
from briefing_app.gui.review.controller import BULK_RENDER
from briefing_app.nlp.types import SHOWN_LABELS
from briefing_app.services.bulk_status import BulkStatus, Group
from briefing_app.services.changes import ChangeSet, Pair
from briefing_app.services.live import (
    POLL_SECONDS,
    Changed,
    ChangeFeed,
    ChangeListener,
    FeedState,
    FeedUpdate,
)

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)

#: The worker key of the checks (a new check makes an older one's answer stale).
TASK = "live-changes"
#: How long the notice stays (ms).
NOTICE_MS = 60_000


class LiveUpdates(QObject):
    """Polls (and on PostgreSQL listens) for others' changes and applies them to the window."""

    #: The notice shown ("Updated: Bram changed 3 tags at 14:02").
    noticed = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.feed = ChangeFeed(window.services.db)
        self.state: FeedState | None = None
        self._again = False  # a check was asked for while one ran
        self.notice = QLabel("", window)
        self.notice.setObjectName("liveNotice")
        self.notice.setStyleSheet("color: #57534e; padding: 0 6px;")
        self.notice.setVisible(False)
        window.statusBar().addPermanentWidget(self.notice)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(lambda: self.notice.setVisible(False))
        self.timer = QTimer(self)
        self.timer.setInterval(int(POLL_SECONDS * 1000))
        self.timer.timeout.connect(self.check_now)
        window.articleShown.connect(lambda _id: self.restart())
        window.analysisFinished.connect(lambda _id: self.restart())
        # The officer's own edits: a check in flight may have read the rows before them.
        window.undo_stack.indexChanged.connect(lambda _i: self._own_edit())
        controller = getattr(getattr(window, "review", None), "controller", None)
        if controller is not None:
            controller.changed.connect(self._own_edit)
        self.listener: ChangeListener | None = None
        self._socket: QSocketNotifier | None = None
        if window.services.db.is_server:
            self._listen()
        self.restart()
        self.timer.start()

    # -- listening (PostgreSQL) ----------------------------------------------------------------
    def _listen(self) -> None:
        try:
            self.listener = ChangeListener(self.window.services.db)
        except Exception:  # noqa: BLE001 (no notifications: the poll still shows every change)
            log.warning("Not listening for desk changes; polling only", exc_info=True)
            return
        self._socket = QSocketNotifier(self.listener.fileno(), QSocketNotifier.Type.Read, self)
        self._socket.activated.connect(self._notified)

    def _notified(self, *_args: Any) -> None:
        if self.listener is None:
            return
        try:
            notices = self.listener.drain()
        except Exception:  # noqa: BLE001 (the server went away: keep polling; it reconnects the pool)
            log.warning("Stopped listening for desk changes; polling only", exc_info=True)
            self._stop_listening()
            return
        current = self.window.current_article_id
        if any(n.table == "article" or n.article_id == current for n in notices):
            self.check_now()

    def _stop_listening(self) -> None:
        if self._socket is not None:
            self._socket.setEnabled(False)
            self._socket = None
        if self.listener is not None:
            self.listener.close()
            self.listener = None

    def stop(self) -> None:
        """Stop polling and listening (the window closes)."""
        self.timer.stop()
        self.window.tasks.cancel(TASK)
        self._stop_listening()

    # -- checking --------------------------------------------------------------------------------
    def restart(self) -> None:
        """Start again from what the database holds now (another article, or it was redrawn)."""
        article_id = self.window.current_article_id
        self.state = None
        feed = self.feed
        self.window.tasks.start(TASK, lambda _p, _c: feed.start(article_id), self._started,
                                self._failed)

    def _started(self, state: FeedState) -> None:
        if state.article_id == self.window.current_article_id:
            self.state = state
        if self._again:
            self._again = False
            self.check_now()

    def check_now(self) -> None:
        """Ask the database what changed (in the worker); at most one check at a time."""
        if self.window.tasks.is_busy(TASK):
            self._again = True
            return
        state = self.state
        if state is None or state.article_id != self.window.current_article_id:
            self.restart()
            return
        feed = self.feed

        def work(_progress: object, _cancelled: object) -> Prepared | None:
            update = feed.check(state)
            return None if update is None else prepare(update)

        self.window.tasks.start(TASK, work, self._checked, self._failed)

    def _own_edit(self) -> None:
        if self.window.tasks.is_busy(TASK):
            self.window.tasks.cancel(TASK)  # (its answer is dropped; the next check reads again)
            self._again = True

    def _failed(self, exc: BaseException, _tb: str) -> None:
        # A busy or unreachable database: say nothing now, the next poll tries again.
        log.info("Checking for others' changes failed: %s", exc)
        if self._again:
            self._again = False

    def _checked(self, answer: Prepared | None) -> None:
        if self._again:
            self._again = False
            QTimer.singleShot(0, self, self.check_now)
        if answer is None or self.state is None or answer[0].state.article_id != self.window.current_article_id:
            return
        self.state = answer[0].state
        self.apply(*answer)

    # -- showing -----------------------------------------------------------------------------------
    def apply(self, update: FeedUpdate, drawing: dict[Any, Drawn] | None = None,
              drawn_changes: ChangeSet | None = None) -> None:
        """Show the changed rows in place, tell who changed them, and refresh the Library list.

        ``drawing`` and ``drawn_changes``: what the view would draw of each changed tag and the changes as
        the window draws them (:func:`prepare`, computed in the worker; computed here when not given)."""
        window = self.window
        notice = ""
        if update.article_gone:
            notice = "Updated: this article was deleted by another officer"
        else:
            self.feed.drop_outdated(update)
        if not update.article_gone and update.changes:
            drawing = drawing if drawing is not None else _drawing(update)
            shown = self._shown_differently(update, drawing)
            controller = window.review.controller
            if drawn_changes is None:
                drawn_changes = as_shown(update.changes)
            controller.changes_applied(drawn_changes, False)
            self.feed.shown(update)
            if shown:
                notice = self._describe(update, shown, drawing)
        if update.library_changed:
            window.refresh_library()
        if notice:
            self.show_notice(notice)

    def show_notice(self, text: str) -> None:
        """Show the quiet notice for a minute."""
        self.notice.setText(text)
        self.notice.setToolTip(text)
        self.notice.setVisible(True)
        self._notice_timer.start(NOTICE_MS)
        self.noticed.emit(text)

    def _shown_differently(self, update: FeedUpdate, drawing: dict[Any, Drawn]) -> list[Changed]:
        """The changed rows the window shows otherwise (its own edits are shown already), compared
        on what the view draws: a dictionary look-up per row, also for thousands of them."""
        view = self.window.view
        officer = self.window.services.db.officer
        found: list[Changed] = []
        for row in update.rows:
            if row.model is Annotation:
                entity, after = drawing[(row.model, row.id)]
                drawn = (view.entity_marks if entity else view.pillar_marks).get(row.id)
                if _drawn_as(drawn, entity) != after:
                    found.append(row)
            elif row.model is Note:
                if row.pair[1] is None:  # deleted
                    if row.id in view.note_spans:
                        found.append(row)
                elif row.id not in view.note_spans or row.by != officer:
                    found.append(row)
            elif row.pair[1] is not None and row.by != officer:
                found.append(row)  # the article's details or status
        return found

    @staticmethod
    def _describe(update: FeedUpdate, rows: list[Changed], drawing: dict[Any, Drawn]) -> str:
        """"Updated: Bram changed 3 tags and 1 note at 14:02"."""
        counts = {"tag": 0, "passage": 0, "note": 0, "article": 0}
        for row in rows:
            if row.model is Annotation:
                counts["tag" if drawing[(row.model, row.id)][0] else "passage"] += 1
            elif row.model is Note:
                counts["note"] += 1
            else:
                counts["article"] += 1
        parts = [f"{n} {what}{'' if n == 1 else 's'}" for what, n in counts.items() if n and what != "article"]
        if counts["article"]:
            parts.append("the article's details")
        what = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        names = update.written_by(rows)
        who = names[0] if names else "Another officer"
        if len(names) > 1:
            who = f"{names[0]} and {len(names) - 1} other{'' if len(names) == 2 else 's'}"
        at = update.written_at(rows)
        when = (at.astimezone() if at is not None else datetime.now().astimezone()).strftime("%H:%M")
        return f"Updated: {who} changed {what} at {when}"



#: Of one changed tag: whether it is an entity (else a passage), and what the view would draw of it now.
Drawn = tuple[bool, tuple[Any, ...] | None]
#: A checked update made ready for the window in the worker: the update, what the view would draw of
#: each changed tag, and the changes as the window draws them.
Prepared = tuple[FeedUpdate, dict[Any, Drawn], ChangeSet]


def prepare(update: FeedUpdate) -> Prepared:
    """Everything :meth:`LiveUpdates.apply` needs that reads the snapshots (run it in the worker)."""
    return update, _drawing(update), as_shown(update.changes)


def as_shown(changes: ChangeSet) -> ChangeSet:
    """``changes`` as the window should draw them: when another officer changed only the decision
    of many tags (their "Accept all remaining"), those tags are handed over as bulk status
    changes, so the window recolours what is on screen first and patches the panels' counts,
    as it does for the officer's own accept-all, instead of redrawing thousands of tags row by
    row and rebuilding the Entities panel in one event-loop turn."""
    decided: dict[tuple[int, AnnotationKind, AnnotationStatus, AnnotationStatus], list[int]] = {}
    others: list[Pair] = []
    for pair in changes.annotations:
        before, after = pair
        if before is not None and after is not None and before.status != after.status \
                and _same_drawing(before, after):
            key = (after.article_id, after.kind, before.status, after.status)
            decided.setdefault(key, []).append(after.id)
        else:
            others.append(pair)
    if sum(len(ids) for ids in decided.values()) <= BULK_RENDER:
        return changes
    bulk: dict[tuple[int, AnnotationStatus], BulkStatus] = {}
    now = datetime.now()
    for (article_id, kind, was, status), ids in decided.items():
        step = bulk.setdefault((article_id, status), BulkStatus(article_id, status, now, []))
        # (version, original and time are not drawn: the groups only say which tags and what they were)
        step.groups.append(Group(tuple(ids), kind, 0, was, None, now))
    return replace(changes, annotations=others, bulk=[*changes.bulk, *bulk.values()])


def _same_drawing(before: Any, after: Any) -> bool:
    """Whether two snapshots of a tag draw alike apart from the decision (compared in the
    database's form when both have it: no conversion of thousands of values)."""
    if before.is_raw and after.is_raw:
        old, new = before.raw(), after.raw()
        return all(old[column] == new[column] for column in _DRAWN_COLUMNS)
    return all(getattr(before, column) == getattr(after, column) for column in _DRAWN_COLUMNS)


#: What the view and the panels draw of a tag besides its decision: when none of these changed,
#: the tag is only recoloured.
_DRAWN_COLUMNS = ("kind", "start", "end", "label", "text", "entity_id", "role", "origin", "confidence", "why")




def _drawing(update: FeedUpdate) -> dict[Any, Drawn]:
    """What the view would draw of each changed tag (reads the snapshots' columns: run it in the
    worker, not on the window thread)."""
    found: dict[Any, Drawn] = {}
    for row in update.rows:
        if row.model is Annotation:
            before, after = row.pair
            entity = (after if after is not None else before).kind == AnnotationKind.ENTITY
            found[(row.model, row.id)] = (entity, _drawn_as(after, entity))
    return found


def _drawn_as(row: Any, entity: bool) -> tuple[Any, ...] | None:
    """What the view draws of a tag (its mark, or a row snapshot): span, label and decision; None
    when it draws nothing (no row, rejected, or an entity label the view does not show)."""
    if row is None or row.status == AnnotationStatus.REJECTED:
        return None
    label = row.pillar_id if isinstance(row, PillarMark) else row.label
    if entity and label not in SHOWN_LABELS:
        return None
    return (row.start, row.end, label, row.status)
