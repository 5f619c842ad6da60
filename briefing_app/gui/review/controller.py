"""The review workspace's logic: what the current tag is, what each key/menu does, and keeping
the view, panels and status in step with the database after every edit (incrementally)."""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QMenu

from briefing_app.domain.models import AnnotationKind, AnnotationOrigin, AnnotationStatus
from briefing_app.domain.wording import count
from briefing_app.gui.article_view import EntityMark, PillarMark, entity_span
from briefing_app.gui.palette import LABEL_NAMES
from briefing_app.gui.review.commands import review_command
from briefing_app.gui.review.note_dialog import NoteDialog
from briefing_app.gui.storage_guard import ArticleRows, calm_for_article, refused_write
from briefing_app.nlp.taxonomy import context_pillar
from briefing_app.nlp.types import SHOWN_LABELS
from briefing_app.services import AnnotationConflict
from briefing_app.services.annotations import step_boundary
from briefing_app.services.article_tally import ArticleTally
from briefing_app.services.changes import ChangeSet
from briefing_app.services.open_suggestions import Visibility
from briefing_app.storage.errors import StaleEdit, describe_storage_error

if TYPE_CHECKING:
    from briefing_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)

Mark = EntityMark | PillarMark


def mark_of(snapshot: object) -> Mark | None:
    """The view mark of an annotation snapshot/row, or None when it is not drawn."""
    if snapshot is None or getattr(snapshot, "status", "") == AnnotationStatus.REJECTED:
        return None
    s = snapshot
    if s.kind == AnnotationKind.ENTITY:  # type: ignore[attr-defined]
        if s.label not in SHOWN_LABELS:  # type: ignore[attr-defined]
            return None
        return EntityMark(s.id, s.start, s.end, s.label, s.status, s.origin,  # type: ignore[attr-defined]
                          s.confidence, s.why)  # type: ignore[attr-defined]
    return PillarMark(s.id, s.start, s.end, s.label, s.status, s.origin,  # type: ignore[attr-defined]
                      s.confidence, s.why)  # type: ignore[attr-defined]


#: More changed tags than this are shown by one render of the article rather than tag by tag.
BULK_RENDER = 40


class ReviewController(QObject):
    """Owns the review actions; every edit is a service call wrapped in a ChangeCommand."""

    changed = Signal()  # after any review change was applied or undone (panels refresh)
    currentChanged = Signal()
    message = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.services = window.services
        self.view = window.view
        self.current: tuple[str, int] | None = None  # ("entity" | "pillar", annotation id)
        #: The tag the officer last accepted or relabelled by key or menu. After such an edit the
        #: review moves on by itself; Shift+A / Shift+L still mean that tag, and N/P can go back to it.
        self.last_edited: tuple[str, int] | None = None
        #: True while the current tag was reached by that automatic move (not chosen by the officer).
        self.auto_advanced = False
        self._current_key: tuple[int, int, int, int] | None = None
        self.last_message = ""
        self.note_dialog: NoteDialog | None = None
        self.popup: QMenu | None = None
        #: The change set last applied or undone (and whether undone), while ``changed`` is emitted:
        #: the panels redraw only what it touched.
        self.applied: tuple[ChangeSet, bool] | None = None
        #: True while an edit is pushed on the undo stack (its first redo only draws it; a later redo
        #: is the officer's Ctrl+Y and shows the tag it changed)
        self._pushing = False
        self._nav_cache: tuple[object, tuple[list, list]] | None = None
        self._counts_memo: tuple[tuple[int, Visibility], dict[str, int]] | None = None
        self._status_memo: tuple[int, str] | None = None
        #: The open article's tags by state (library row and status line counts), with the view's
        #: render it belongs to; followed from each change set instead of counted again.
        self._tally: tuple[int, ArticleTally] | None = None
        #: Why the last edit was not saved when the database refused it (another officer's change,
        #: busy, full, read-only), else None: a dialog with the officer's text stays open then.
        self.refused: str | None = None
        #: Articles an edit touched whose move from "new" to "in review" the database refused: moved
        #: with the next saved edit.
        self.unmoved: set[int] = set()
        #: The article whose note dots the view draws (a read held busy for another removes them), and
        #: which drawing of it: drawn anew (shown again, its analysis stored), the view has no dots left,
        #: so a read held busy then reads again by itself as for another article.
        self.article_rows = ArticleRows(window, "notes", lambda: (window.current_article_id, self.view.renders),
                                        lambda: window.tasks.closed, lambda _line: self.view.set_notes({}),
                                        lambda: self.refresh_notes())

    # -- messages ------------------------------------------------------------------------------
    def say(self, text: str, timeout_ms: int = 8000) -> None:
        """Show a message in the status bar (and remember it for tests)."""
        self.last_message = text
        self.window.statusBar().showMessage(text, timeout_ms)
        self.message.emit(text)

    # -- performing edits ----------------------------------------------------------------------
    def perform(self, edit: Callable[[], ChangeSet]) -> ChangeSet | None:
        """Run a service edit; push it on the undo stack, or explain why it was refused."""
        if self.popup is not None and self.popup.isVisible():
            self.popup.close()  # an action was chosen (also when triggered by its key)
        self.refused = None
        try:
            changes = edit()
        except AnnotationConflict as exc:
            self.say(f"Not changed: {exc}")
            return None
        except KeyError:
            self.say("Not changed: that tag or note no longer exists (reload the article).")
            return None
        except ValueError as exc:
            self.say(f"Not changed: {exc}")
            return None
        except Exception as exc:
            problem = describe_storage_error(exc)  # a busy or full database: say so, nothing was changed
            if problem is None:
                raise
            if isinstance(exc, StaleEdit) and self.window.current_article_id is not None:
                self.window.show_article(self.window.current_article_id)  # the merged state: theirs
            self.refused = problem
            self.changed.emit()  # the panels read what is stored (a name typed in the Entities tree, say)
            self.say(problem)
            return None
        if not changes:
            self.say("Nothing to change.")
            return None
        # The edit is saved; moving its article from "new" to "in review" is a second write (the edit
        # services write in transactions of their own). If the database refuses that one, the edit
        # still goes on the undo stack, its article stays "new" (what the status line shows), the
        # officer is told, and the move is written with the next saved edit (in its change set).
        with refused_write(lambda problem: log.warning("Review status not moved: %s", problem)) as not_moved:
            self.services.changes.mark_in_review(changes, also=self.unmoved)
        if not_moved:
            self.unmoved |= changes.article_ids() - {a for a, _, _ in changes.statuses}
        else:
            self.unmoved.clear()
        self._pushing = True
        try:
            self.window.undo_stack.push(review_command(self, changes))
        finally:
            self._pushing = False
        note = f" ({count(changes.skipped, 'overlapping occurrence')} left unchanged)" if changes.skipped else ""
        saved = f"{changes.description}{note} — saved. Ctrl+Z undoes."
        if not_moved:
            saved += (" The article stays “new” until your next saved edit moves it into review: "
                      f"{not_moved.problem}")
        self.say(saved, 15000 if not_moved else 8000)
        return changes

    def changes_applied(self, changes: ChangeSet, backwards: bool) -> None:
        """Bring the screen in line with the database after a change was done or undone.

        Only the annotations that changed are re-rendered (update_entity /
        update_pillar); an undo of an edit in another article shows that article.
        """
        if changes.lessons:  # what was learned (or unlearned) reaches the articles already in the library
            library_lessons = getattr(getattr(self.window, "review", None), "library_lessons", None)
            if library_lessons is not None:
                library_lessons.lessons_changed(changes)
        if backwards and self.unmoved:
            # Its edit undone, an article whose move was refused has nothing left to move for (another
            # edit of it still standing leaves it "new" as shown, until its next edit moves it).
            self.unmoved -= changes.article_ids()
        self.forget_counts()
        self._follow_tally(changes, backwards)
        self.applied = (changes, backwards)
        try:
            self._apply(changes, backwards)
        finally:
            self.applied = None

    def _apply(self, changes: ChangeSet, backwards: bool) -> None:
        article_id = self.window.current_article_id
        touched = changes.article_ids()
        if len(touched) == 1 and article_id not in touched:
            self.window.show_article(next(iter(touched)))  # full render of the other article
            self.changed.emit()
            return
        last: tuple[str, int] | None = None
        if changes.bulk:
            self._apply_bulk(changes, backwards, article_id)
        if len(changes.annotations) > BULK_RENDER:
            # Many tags changed by snapshot (apply to all in a long report): one redraw, in slices.
            entities: list[tuple[Mark | None, int]] = []
            drawn = self.view.entity_marks
            for before, after in changes.annotations:
                ref = after if after is not None else before
                if ref.article_id != article_id:
                    continue
                shown = before if backwards else after
                if ref.kind == AnnotationKind.ENTITY:
                    old = drawn.get(ref.id)
                    if (old is not None and shown is not None and shown.status != AnnotationStatus.REJECTED
                            and (old.start, old.end, old.label) == (shown.start, shown.end, shown.label)):
                        # only the decision changed (accept all): keep the drawn mark's other fields
                        entities.append((replace(old, status=shown.status, origin=shown.origin), ref.id))
                    else:
                        entities.append((mark_of(shown), ref.id))
                else:
                    self.view.update_pillar(mark_of(shown), ref.id)  # type: ignore[arg-type]
            self.view.update_entities(entities)  # type: ignore[arg-type]
            if changes.notes:
                self.refresh_notes()
            self._refresh_library_rows(touched, article_id)
            self._show_current_frame()
            self.changed.emit()
            return
        for pair in changes.annotations:
            after = pair[0] if backwards else pair[1]
            ref = pair[1] if pair[1] is not None else pair[0]
            if ref.article_id != article_id:
                continue
            mark = mark_of(after)
            version = self.view.marks_version
            shown_before: Mark | None
            if ref.kind == AnnotationKind.ENTITY:
                shown_before = self.view.entity_marks.get(ref.id)
                self.view.update_entity(mark, ref.id)  # type: ignore[arg-type]
            else:
                shown_before = self.view.pillar_marks.get(ref.id)
                self.view.update_pillar(mark, ref.id)  # type: ignore[arg-type]
            self._patch_navigation(version, ref.kind, shown_before, mark)
            if mark is not None:
                last = (ref.kind, ref.id)
        if changes.notes:
            self.refresh_notes()
        library = self.window.library
        if (changes.statuses and library.filters().status) or any(a != article_id for a in touched):
            # A status filter the article may now leave, or other articles changed (apply to all
            # in the library): the list itself is read again.
            refresh = getattr(self.window, "refresh_library", None)
            if callable(refresh):
                refresh()
        elif touched:
            # The library's counts follow every edit (one row, not the whole table).
            self._refresh_library_rows(touched, article_id)
        if (backwards or not self._pushing) and last is not None and self._one_place(changes, last):
            # Ctrl+Z / Ctrl+Y show the tag they changed, also far from where the officer is now reading
            # (a boundary change with the tags it swallowed is one place; "apply to all" is not)
            self.set_current(*last)
        elif self.current is not None and self.current_mark() is None:
            self.view.set_current(None)
        else:
            self._show_current_frame()
        self.changed.emit()

    @staticmethod
    def _one_place(changes: ChangeSet, last: tuple[str, int]) -> bool:
        """Whether every tag ``changes`` touched overlaps the tag ``last`` (before or after the change)."""
        spans = [(r.start, r.end) for pair in changes.annotations for r in pair if r is not None]
        mine = [(r.start, r.end) for pair in changes.annotations for r in pair
                if r is not None and (r.kind, r.id) == last]
        return bool(mine) and all(any(s < e2 and s2 < e for s2, e2 in mine) for s, e in spans)

    def _refresh_library_rows(self, touched: set[int], article_id: int | None) -> None:
        """The library rows of the articles an edit touched: the open article's from its tally
        (nothing counted again), any other's read from the database."""
        library = self.window.library
        tally = self.tally() if article_id is not None and article_id in touched else None
        if tally is not None:
            status = self.article_status()
            library.update_counts(tally.article_id, status, tally.entity_count(), tally.pillar_count(),
                                  tally.open_counts(library.visibility, status).total, tally.pillar_ids())
            touched = touched - {tally.article_id}
        if touched:
            library.refresh_rows(touched)

    def tally(self) -> ArticleTally | None:
        """The open article's tally (read once after each full render, then followed edit by edit)."""
        article_id = self.window.current_article_id
        if article_id is None:
            return None
        render = self.view.renders
        if self._tally is None or self._tally[0] != render or self._tally[1].article_id != article_id:
            # After an analysis its worker read them with the marks drawn: not counted again here.
            drawn = self.window.take_tally(article_id)
            self._tally = (render, drawn if drawn is not None else ArticleTally.read(self.services.db, article_id))
        return self._tally[1]

    def forget_tally(self) -> None:
        """The open article's tags changed by other means than a change set: count them again."""
        self._tally = None

    def _follow_tally(self, changes: ChangeSet, backwards: bool) -> None:
        held = self._tally
        if held is None:
            return
        if held[0] != self.view.renders or held[1].article_id != self.window.current_article_id \
                or not held[1].follow(changes, backwards):
            self._tally = None

    def _apply_bulk(self, changes: ChangeSet, backwards: bool, article_id: int | None) -> None:
        """Bulk status changes (accept all remaining): each drawn mark takes its tag's new status;
        spans, labels and the rest are as drawn (the edit changed only the status)."""
        view = self.view
        drawn, passages = view.entity_marks, view.pillar_marks
        recoloured: list[EntityMark] = []
        for bulk in changes.bulk:
            if bulk.article_id != article_id:
                continue
            statuses = bulk.statuses(backwards)
            for i in bulk.ids(AnnotationKind.ENTITY):
                old = drawn.get(i)
                if old is not None:  # (a label the view does not draw has no mark)
                    recoloured.append(EntityMark(i, old.start, old.end, old.label, statuses[i], old.origin,
                                                 old.confidence, old.why))
            for i in bulk.ids(AnnotationKind.PILLAR):
                passage = passages.get(i)
                if passage is not None:
                    view.update_pillar(replace(passage, status=statuses[i]), i)
        if recoloured:
            view.recolour_entities(recoloured)

    # -- the current item (keyboard review) -----------------------------------------------------
    def current_mark(self) -> Mark | None:
        """The mark under review, if it is still drawn."""
        if self.current is None:
            return None
        kind, ann = self.current
        return (self.view.entity_marks if kind == AnnotationKind.ENTITY else self.view.pillar_marks).get(ann)

    def set_current(self, kind: str, annotation_id: int, announce: bool = True) -> None:
        """Make a tag the one under review: frame it and scroll to it."""
        self.auto_advanced = False
        self.current = (kind, annotation_id)
        mark = self.current_mark()
        if mark is None:
            self.current = None
            self.view.set_current(None)
            return
        self._current_key = _key(kind, mark)
        self.view.set_current((mark.start, mark.end))
        if announce:
            self.say(self.describe(mark), 0)
        self.currentChanged.emit()

    def clear_current(self) -> None:
        """Nothing under review."""
        self.auto_advanced = False
        self.current = None
        self.view.set_current(None)
        self.currentChanged.emit()

    def _show_current_frame(self) -> None:
        mark = self.current_mark()
        self.view.current_span = (mark.start, mark.end) if mark is not None else None
        self.view._update_extra_selections()

    def visibility(self) -> Visibility:
        """What the legend hides (open-suggestion counts follow it everywhere)."""
        return Visibility.of(self.view.hidden_labels, self.view.hidden_pillars)

    def article_status(self) -> str:
        """Review status of the current article ("" when none is shown), read once per event-loop
        turn (one edit asks for it from the status line, the panels and the library row)."""
        article_id = self.window.current_article_id
        if article_id is None:
            return ""
        if self._status_memo is None or self._status_memo[0] != article_id:
            self._forget_next_turn()
            self._status_memo = (article_id, self.services.articles.status(article_id) or "")
        return self._status_memo[1]

    def open_total(self) -> int:
        """Open suggestions of the current article, by the one rule (services/open_suggestions)."""
        article_id = self.window.current_article_id
        if article_id is None:
            return 0
        counts = self.open_counts(article_id)
        return counts["entity"] + counts["pillar"]

    def open_counts(self, article_id: int) -> dict[str, int]:
        """Open suggestions of an article by kind: the open article's from its tally; another's
        read once per event-loop turn."""
        if article_id == self.window.current_article_id:
            tally = self.tally()
            if tally is not None:
                return tally.open_counts(self.visibility(), self.article_status()).as_dict()
        key = (article_id, self.visibility())
        if self._counts_memo is None or self._counts_memo[0] != key:
            self._forget_next_turn()
            self._counts_memo = (key, self.services.annotations.open_counts(article_id, key[1]))
        return self._counts_memo[1]

    def _forget_next_turn(self) -> None:
        if self._counts_memo is None and self._status_memo is None:
            QTimer.singleShot(0, self, self.forget_counts)

    def forget_counts(self) -> None:
        """The database changed: read the open counts and the status again when next asked."""
        self._counts_memo = None
        self._status_memo = None

    def describe(self, mark: Mark) -> str:
        """One line about a tag for the status bar."""
        open_left = self.open_total()
        status = "suggestion" if mark.status == AnnotationStatus.SUGGESTED else (
            "added by you" if mark.origin == AnnotationOrigin.USER else "accepted")
        text = " ".join(self.view.text[mark.start:mark.end].split())
        if isinstance(mark, EntityMark):
            what = f"“{text}” — {LABEL_NAMES.get(mark.label, mark.label)} ({status}, {mark.origin}, " \
                   f"{mark.confidence:.0%})"
            keys = "A accept · R reject · 1–9, 0, - relabel · Shift+A apply to all"
        else:
            name = self.view.pillar_names.get(mark.pillar_id, mark.pillar_id)
            what = f"{name} passage “{text[:60]}{'…' if len(text) > 60 else ''}” ({status})"
            keys = "A accept · R reject · Ctrl+1–8 toggle pillars"
        return f"{what}   [{open_left} open] {keys} · N/P next/previous"

    def _nav_items(self) -> list[tuple[tuple[int, int, int, int], str, Mark]]:
        return self._navigation()[0]

    def _navigation(self) -> tuple[list[tuple[tuple[int, int, int, int], str, Mark]],
                                   list[tuple[tuple[int, int, int, int], str, Mark]]]:
        """Every shown tag in reading order, and the open suggestions among them; sorted once per
        change of the marks (a long report has thousands; N after each accept would sort them all)."""
        view = self.view
        version = (view.marks_version, id(view.entity_marks), id(view.pillar_marks))
        if self._nav_cache is not None and self._nav_cache[0] == version:
            return self._nav_cache[1]
        items: list[tuple[tuple[int, int, int, int], str, Mark]] = []
        for m in view.entity_marks.values():
            if m.label not in view.hidden_labels:
                items.append((_key("entity", m), "entity", m))
        for p in view.visible_pillar_marks():
            items.append((_key("pillar", p), "pillar", p))
        items.sort(key=lambda i: i[0])
        open_items = [i for i in items if i[2].status == AnnotationStatus.SUGGESTED]
        self._nav_cache = (version, (items, open_items))
        return items, open_items

    def _patch_navigation(self, version: int, kind: str, old: Mark | None, new: Mark | None) -> None:
        """Follow one redrawn tag in the sorted navigation lists (instead of sorting them again),
        when they were up to date with the view before it (``version``)."""
        view = self.view
        cache = self._nav_cache
        if cache is None or cache[0] != (version, id(view.entity_marks), id(view.pillar_marks)):
            return
        items, open_items = cache[1]

        def shown(mark: Mark) -> bool:
            return (mark.pillar_id not in view.hidden_pillars if isinstance(mark, PillarMark)
                    else mark.label not in view.hidden_labels)

        for listed, wanted in ((items, shown), (open_items,
                                                lambda m: shown(m) and m.status == AnnotationStatus.SUGGESTED)):
            if old is not None:
                key = _key(kind, old)
                at = bisect.bisect_left(listed, key, key=lambda i: i[0])
                if at < len(listed) and listed[at][0] == key:
                    del listed[at]
            if new is not None and wanted(new):
                bisect.insort(listed, (_key(kind, new), kind, new), key=lambda i: i[0])
        self._nav_cache = ((view.marks_version, id(view.entity_marks), id(view.pillar_marks)), (items, open_items))

    def go_suggestion(self, step: int) -> None:
        """Move to the next (step 1) or previous (-1) open suggestion, wrapping around.

        The tag just accepted or relabelled stays on the way too, so P goes back to it.
        """
        _all, open_items = self._navigation()
        items = open_items
        if self.last_edited is not None:
            kind, ann = self.last_edited
            mark = (self.view.entity_marks if kind == AnnotationKind.ENTITY else self.view.pillar_marks).get(ann)
            shown = mark is not None and (mark.pillar_id not in self.view.hidden_pillars
                                          if isinstance(mark, PillarMark) else mark.label not in self.view.hidden_labels)
            if mark is not None and shown and mark.status != AnnotationStatus.SUGGESTED:
                extra = (_key(kind, mark), kind, mark)
                items = open_items[:]
                bisect.insort(items, extra, key=lambda i: i[0])
        if not open_items and not (step < 0 and items):
            self.clear_current()
            self.say("No open suggestions in this article. Ctrl+Shift+R marks it reviewed.")
            return
        if self.current_mark() is not None and self._current_key is not None:
            here = self._current_key
        elif self.current is not None and self._current_key is not None:
            here = self._current_key  # the current tag was just removed: continue from its place
        else:
            pos = self.view.offsets.to_codepoint(self.view.editor.textCursor().position())
            here = (pos, pos, -1, -1) if step > 0 else (pos, pos, 2, 1 << 62)
        if step > 0:
            at = bisect.bisect_right(items, here, key=lambda i: i[0])
            chosen, wrapped = (items[at], False) if at < len(items) else (items[0], True)
        else:
            at = bisect.bisect_left(items, here, key=lambda i: i[0])
            chosen, wrapped = (items[at - 1], False) if at > 0 else (items[-1], True)
        self.set_current(chosen[1], chosen[2].annotation_id)
        if wrapped:
            self.say("(wrapped around) " + self.last_message, 0)

    def go_to_end(self, end: bool) -> None:
        """Ctrl+End / Ctrl+Home: the end or start of the article, with the text focused."""
        editor = self.view.editor
        if self.popup is not None and self.popup.isVisible():
            self.popup.close()
        editor.setFocus()
        # the tag under review is left behind: N / P go on from here (P after Ctrl+End: the last suggestion),
        # not from that tag, out of sight at the other end
        self.clear_current()
        editor.setTextCursor(self.view.cursor_at(len(self.view.text) if end else 0))
        bar = editor.verticalScrollBar()
        bar.setValue(bar.maximum() if end else bar.minimum())

    # -- what an action applies to -------------------------------------------------------------
    def selection(self) -> tuple[int, int] | None:
        """The snapped text selection, if any (and different from the tag under review)."""
        if not self.view.editor.textCursor().hasSelection():
            return None
        start, end = self.view.selection_span()
        mark = self.current_mark()
        if mark is not None and (mark.start, mark.end) == (start, end):
            return None
        return start, end

    def _raw_selection_without_words(self) -> bool:
        return self.view.editor.textCursor().hasSelection() and self.view.selection_span()[0] == \
            self.view.selection_span()[1]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The passage (pillar sentence) around ``offset``, else its line."""
        covering = [m for m in self.view.pillar_marks.values() if m.start <= offset < m.end]
        if covering:
            best = min(covering, key=lambda m: m.end - m.start)
            return best.start, best.end
        text = self.view.text
        start = text.rfind("\n", 0, offset) + 1
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def target_span(self) -> tuple[int, int] | None:
        """Selection, else the tag under review, else the sentence at the text cursor."""
        sel = self.selection()
        if sel is not None:
            return sel if sel[1] > sel[0] else None
        mark = self.current_mark()
        if mark is not None:
            return mark.start, mark.end
        if not self.view.text:
            return None
        pos = self.view.offsets.to_codepoint(self.view.editor.textCursor().position())
        span = self.sentence_at(min(pos, max(0, len(self.view.text) - 1)))
        return span if span[1] > span[0] else None

    def _article(self) -> int | None:
        if self.window.current_article_id is None:
            self.say("Open an article first.")
        return self.window.current_article_id

    # -- edits on the current tag / selection --------------------------------------------------
    def accept(self, annotation_id: int | None = None, advance: bool = True) -> None:
        """Accept the given tag or the one under review."""
        ann = annotation_id if annotation_id is not None else self._need_current()
        if ann is None:
            return
        kind = AnnotationKind.ENTITY if ann in self.view.entity_marks else AnnotationKind.PILLAR
        if self.perform(lambda: self.services.annotations.accept([ann])):
            self._edited(kind, ann, advance)

    def _edited(self, kind: str, annotation_id: int, advance: bool) -> None:
        """After an accept or relabel: remember the tag, then move on to the next suggestion."""
        self.last_edited = (kind, annotation_id)
        if advance:
            self.go_suggestion(1)
            self.auto_advanced = True

    def reject(self, annotation_id: int | None = None, advance: bool = True) -> None:
        """Reject (suggestion) or delete (user tag) the given tag or the one under review."""
        ann = annotation_id if annotation_id is not None else self._need_current()
        if ann is None:
            return
        if self.perform(lambda: self.services.annotations.reject([ann])) and advance:
            self.go_suggestion(1)

    def _need_current(self) -> int | None:
        if self.current_mark() is None:
            self.say("Move to a tag first: N / P go to the next / previous suggestion, or click a tag.")
            return None
        assert self.current is not None
        return self.current[1]

    def apply_label(self, label: str, annotation_id: int | None = None, advance: bool = True) -> None:
        """Label the selection (adds an entity) or relabel the tag under review."""
        article_id = self._article()
        if article_id is None:
            return
        sel = self.selection() if annotation_id is None else None
        if sel is not None:
            sel = entity_span(self.view.text, *sel)
            if sel[1] <= sel[0]:
                self.say("Not added: the selection holds no word.")
                return
            changes = self.perform(
                lambda: self.services.annotations.add_change(article_id, AnnotationKind.ENTITY, sel[0], sel[1], label))
            if changes:
                self.view.editor.setTextCursor(self.view.cursor_at(sel[1]))
                self.set_current("entity", changes.annotations[0][1].id, announce=False)
            return
        if self._raw_selection_without_words():
            self.say("Not added: the selection holds no word.")
            return
        ann = annotation_id if annotation_id is not None else self._need_current()
        if ann is None:
            return
        mark = self.view.entity_marks.get(ann)
        if mark is None:
            self.say("That is a pillar passage: use Ctrl+1–8 to change its pillars.")
            return
        if mark.label == label:
            self.accept(ann, advance)
            return
        if self.perform(lambda: self.services.annotations.relabel(ann, label)):
            self._edited("entity", ann, advance)

    def apply_pillar(self, pillar_id: str, span: tuple[int, int] | None = None, advance: bool = True) -> None:
        """Tag the selection / current passage / sentence with a pillar, or untag it."""
        article_id = self._article()
        if article_id is None:
            return
        mark = self.current_mark()
        if span is None:
            sel = self.selection()
            if sel is not None:
                span = sel
            elif isinstance(mark, PillarMark):
                if mark.pillar_id == pillar_id and mark.status == AnnotationStatus.SUGGESTED:
                    self.accept(mark.annotation_id, advance)
                    return
                span = (mark.start, mark.end)
            elif mark is not None:
                span = self.sentence_at(mark.start)
            else:
                span = self.target_span()
        if span is None or span[1] <= span[0]:
            self.say("Not tagged: select a passage first.")
            return
        start, end = span
        self.perform(lambda: self.services.annotations.toggle_pillar(article_id, start, end, pillar_id))

    def apply_to_all(self, scope: str, reject: bool = False, annotation_id: int | None = None) -> None:
        """Apply the tag's label (or its removal) to every occurrence in the article or library.

        Without ``annotation_id``: the tag just edited when the review moved on by itself after
        that edit (relabel "PMO", Shift+A: every "PMO"), else the tag under review.
        """
        if annotation_id is None and self.auto_advanced and self.last_edited is not None \
                and self.last_edited[1] in self.view.entity_marks:
            annotation_id = self.last_edited[1]
        ann = annotation_id if annotation_id is not None else self._need_current()
        if ann is None:
            return
        if ann not in self.view.entity_marks:
            self.say("“Apply to all” works on entity tags.")
            return
        self.perform(lambda: self.services.annotations.apply_to_all(ann, scope, reject=reject))

    def move_edge(self, edge: str, grow: bool) -> None:
        """Grow or shrink the entity tag under review by one word at its ``edge`` ("start" or "end").

        One action, one lesson: the new boundary is learned, the old surface is not rejected.
        """
        ann = self._need_current()
        if ann is None:
            return
        mark = self.view.entity_marks.get(ann)
        if mark is None:
            self.say("Boundaries move on entity tags.")
            return
        start, end = step_boundary(self.view.text, mark.start, mark.end, edge, grow)
        if (start, end) == (mark.start, mark.end):
            self.say("The tag cannot move further that way.")
            return
        self.perform(lambda: self.services.annotations.change_boundary(ann, start, end))

    def drag_boundary(self, annotation_id: int, start: int, end: int) -> None:
        """An edge of the tag under review was dragged to ``[start, end)``: one boundary change."""
        self.perform(lambda: self.services.annotations.change_boundary(annotation_id, start, end))
        self._show_current_frame()

    def accept_all_remaining(self) -> None:
        """Accept every open suggestion of the article."""
        article_id = self._article()
        if article_id is not None:
            self.perform(lambda: self.services.annotations.accept_all_remaining(article_id))

    def set_status(self, status: str) -> None:
        """Set the article's review status (undoable)."""
        article_id = self._article()
        if article_id is not None:
            self.perform(lambda: self.services.changes.set_status(article_id, status))

    def merge(self, source_key: str, target_key: str) -> None:
        """Merge one entity into another (library-wide)."""
        self.perform(lambda: self.services.entities.merge(source_key, target_key))

    def split(self, key: str, surface: str) -> None:
        """Split a surface form off an entity."""
        self.perform(lambda: self.services.entities.split(key, surface))

    def rename(self, key: str, name: str) -> None:
        """Rename an entity's canonical name."""
        self.perform(lambda: self.services.entities.rename(key, name))

    # -- notes ---------------------------------------------------------------------------------
    def add_note(self, span: tuple[int, int] | None = None, annotation_id: int | None = None) -> NoteDialog | None:
        """Open the note dialog for the selection / current tag / sentence; saving adds the note."""
        article_id = self._article()
        if article_id is None:
            return None
        if span is None:
            span = self.target_span()
            if annotation_id is None and self.selection() is None and self.current_mark() is not None:
                annotation_id = self.current[1] if self.current else None
        if span is None:
            self.say("Select the passage the note is about first.")
            return None
        start, end = span
        dialog = NoteDialog(self.view.text[start:end], parent=self.window)

        def save() -> None:
            body = dialog.body()
            self.perform(lambda: self.services.notes.add(article_id, start, end, body, annotation_id))

        return self._open_note_dialog(dialog, save)

    def edit_note(self, note_id: int) -> NoteDialog | None:
        """Open the note dialog on an existing note."""
        note = self.services.notes.get(note_id)
        if note is None:
            self.say("That note no longer exists.")
            return None
        dialog = NoteDialog(self.view.text[note.start:note.end], note.body, parent=self.window)
        return self._open_note_dialog(
            dialog, lambda: self.perform(lambda: self.services.notes.update(note_id, dialog.body())))

    def _open_note_dialog(self, dialog: NoteDialog, save: Callable[[], object]) -> NoteDialog:
        self.note_dialog = dialog

        def saved() -> bool:
            # Saved before the dialog closes: when the database refuses the note (busy, full,
            # read-only) the dialog stays open with the officer's text and says why.
            save()
            if self.refused is None:
                return True
            dialog.show_problem(self.refused)
            return False

        dialog.saver = saved

        def closed(_result: int) -> None:
            dialog.deleteLater()
            self.note_dialog = None

        dialog.finished.connect(closed)
        dialog.open()
        return dialog

    def delete_note(self, note_id: int) -> None:
        """Delete a note (undoable)."""
        self.perform(lambda: self.services.notes.delete(note_id))

    @calm_for_article
    def refresh_notes(self) -> None:
        """Redraw the note dots of the current article."""
        article_id = self.window.current_article_id
        notes = self.services.notes.for_article(article_id) if article_id is not None else []
        self.view.set_notes({n.id: (n.start, n.end) for n in notes if n.id is not None})

    # -- briefing ------------------------------------------------------------------------------
    def best_pillar(self, start: int, end: int) -> str | None:
        """The briefing section for ``[start, end)``: the pillar of the passage overlapping it most, decided before
        suggested, a topic before diplomacy (a sentence about defence co-production between two leaders is filed
        under Defence, as the auto-draft files it), then the surest."""
        context = context_pillar()
        best: tuple[int, bool, bool, float, str] | None = None
        for m in self.view.visible_pillar_marks():
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > 0:
                rank = (overlap, m.status != AnnotationStatus.SUGGESTED, m.pillar_id != context, m.confidence,
                        m.pillar_id)
                if best is None or rank > best:
                    best = rank
        return best[4] if best else None

    def add_to_briefing(self, pillar_id: str | None = None) -> None:
        """Send the selection (or current passage / sentence) to the current briefing."""
        article_id = self._article()
        if article_id is None:
            return
        mark = self.current_mark()
        span = self.selection()
        if span is None:
            if isinstance(mark, PillarMark):
                span = (mark.start, mark.end)
                pillar_id = pillar_id or mark.pillar_id
            elif mark is not None:
                span = self.sentence_at(mark.start)
            else:
                span = self.target_span()
        if span is None or span[1] <= span[0]:
            self.say("Select the passage to add to the briefing first.")
            return
        start, end = span
        pillar_id = pillar_id or self.best_pillar(start, end)
        if pillar_id is None:
            self._choose_pillar_then(lambda pid: self.window.add_passage_to_briefing(article_id, start, end, pid))
            return
        self.window.add_passage_to_briefing(article_id, start, end, pillar_id)

    def _choose_pillar_then(self, then: Callable[[str], object]) -> None:
        menu = QMenu(self.window)
        menu.setObjectName("choosePillarMenu")
        menu.addSection("Which briefing section?")
        for p in self.services.pillars.all():
            menu.addAction(p.name.replace("&", "&&"), partial(then, p.id))
        self.popup = menu
        menu.installEventFilter(self)
        pos = self.view.editor.viewport().mapToGlobal(self.view.editor.cursorRect().bottomLeft())
        menu.popup(pos if pos is not None else QCursor.pos())

    # -- popups --------------------------------------------------------------------------------
    def show_menu(self, menu: QMenu, pos: QPoint) -> None:
        """Show a popup without blocking (tests find it in ``self.popup``)."""
        if self.popup is not None and self.popup is not menu:
            self.popup.close()
        self.popup = menu
        menu.installEventFilter(self)
        menu.popup(pos)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        """Ctrl+Home / Ctrl+End while a tag's menu is open: close it and go (a popup takes every key,
        so the window's own shortcuts would not fire until Esc)."""
        if isinstance(watched, QMenu) and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            for key, end in ((QKeySequence.StandardKey.MoveToStartOfDocument, False),
                             (QKeySequence.StandardKey.MoveToEndOfDocument, True)):
                if event.matches(key):
                    watched.close()
                    self.go_to_end(end)
                    return True
        return False


def _key(kind: str, mark: Mark) -> tuple[int, int, int, int]:
    return (mark.start, mark.end, 0 if kind == AnnotationKind.ENTITY else 1, mark.annotation_id)
