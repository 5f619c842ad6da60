"""Property tests: any sequence of review edits, undos and redos through the services keeps the
annotation invariants, and undoing everything gives back exactly the starting state.

Invariants (live = not rejected): every span lies inside the text and its ``text`` is the
article's text there; no two live annotations of the same kind and label overlap.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from briefing_app.domain.models import Annotation
from briefing_app.importers import ImportedDocument
from briefing_app.nlp.types import AnalysisResult, EntitySpan, Passage
from briefing_app.services import AnnotationConflict, Services
from briefing_app.services.changes import ChangeSet

TEXT = (
    "🇮🇳 Prime Minister Narendra Modi met President Donald Trump in Washington.\n"
    "Modi and Trump discussed 😀 defence, trade and the Quad in the Indo-Pacific.\n"
    "नरेंद्र मोदी said India and the US would deepen ties; Trump agreed with Modi."
)
LABELS = ("PERSON", "ORG", "GPE", "LOC", "EVENT", "LAW", "DATE")
PILLARS = ("defence", "security", "trade", "diplomacy")


def _suggestions() -> AnalysisResult:
    entities = []
    for surface, label in (("Narendra Modi", "PERSON"), ("Donald Trump", "PERSON"), ("Washington", "GPE"),
                           ("Indo-Pacific", "ORG"), ("India", "GPE"), ("Quad", "ORG")):
        start = TEXT.index(surface)
        entities.append(EntitySpan(start, start + len(surface), label, surface, source="model"))
    passages, start = [], 0
    for line in TEXT.split("\n"):
        passages.append(Passage(start, start + len(line), ["diplomacy", "defence"] if "Modi" in line else ["trade"]))
        start += len(line) + 1
    return AnalysisResult(text=TEXT, entities=entities, passages=passages)


def _rows(services: Services, article_id: int) -> list[tuple[object, ...]]:
    return sorted(
        (a.id, a.kind, a.start, a.end, a.label, a.status, a.origin, a.text)
        for a in services.annotations.for_article(article_id, include_rejected=True)
    )


class AnnotationEdits(RuleBasedStateMachine):
    """Random review sessions on one article, with a QUndoStack-like undo/redo history."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="ann-props-"))
        self.services = Services.open(self.folder / "props.db")
        article = self.services.articles.add(ImportedDocument(title="Props", text=TEXT, source_path=""))
        assert article.id is not None
        self.article_id = article.id
        self.services.articles.save_analysis(self.article_id, _suggestions())
        self.initial = _rows(self.services, self.article_id)
        self.done: list[ChangeSet] = []
        self.undone: list[ChangeSet] = []

    # -- helpers -------------------------------------------------------------------------------
    def _live(self) -> list[Annotation]:
        return self.services.annotations.for_article(self.article_id)

    def _push(self, changes: ChangeSet) -> None:
        if changes:
            self.done.append(changes)
            self.undone.clear()  # a new edit drops the redo history, as QUndoStack does

    def _attempt(self, edit: object) -> None:
        before = _rows(self.services, self.article_id)
        try:
            changes = edit()  # type: ignore[operator]
        except AnnotationConflict:
            assert _rows(self.services, self.article_id) == before, "a refused edit changed nothing"
            return
        self._push(changes)

    @initialize()
    def start(self) -> None:
        assert self.services.db.integrity_check() == ["ok"]

    # -- edits ---------------------------------------------------------------------------------
    @rule(data=st.data(), kind=st.sampled_from(["entity", "pillar"]))
    def add(self, data: st.DataObject, kind: str) -> None:
        start = data.draw(st.integers(-2, len(TEXT) + 2), label="start")
        end = data.draw(st.integers(start - 1, min(start + 40, len(TEXT) + 3)), label="end")
        label = data.draw(st.sampled_from(LABELS if kind == "entity" else PILLARS), label="label")
        self._attempt(lambda: self.services.annotations.add_change(self.article_id, kind, start, end, label))

    @precondition(lambda self: bool(self._live()))
    @rule(data=st.data())
    def relabel(self, data: st.DataObject) -> None:
        ann = data.draw(st.sampled_from(self._live()), label="annotation")
        label = data.draw(st.sampled_from(LABELS if ann.kind == "entity" else PILLARS), label="label")
        self._attempt(lambda: self.services.annotations.relabel(ann.id or 0, label))

    @precondition(lambda self: bool(self._live()))
    @rule(data=st.data())
    def resize(self, data: st.DataObject) -> None:
        ann = data.draw(st.sampled_from(self._live()), label="annotation")
        start = max(0, ann.start + data.draw(st.integers(-6, 6), label="d_start"))
        end = ann.end + data.draw(st.integers(-6, 6), label="d_end")

        def edit() -> ChangeSet:
            before, after = self.services.annotations.update(ann.id or 0, start=start, end=end)
            return ChangeSet("Resize", annotations=[(before, after)])

        self._attempt(edit)

    @precondition(lambda self: bool(self._live()))
    @rule(data=st.data())
    def reject_or_accept(self, data: st.DataObject) -> None:
        ann = data.draw(st.sampled_from(self._live()), label="annotation")
        if data.draw(st.booleans(), label="reject"):
            self._attempt(lambda: self.services.annotations.reject([ann.id or 0]))
        else:
            self._attempt(lambda: self.services.annotations.accept([ann.id or 0]))

    @rule(line=st.integers(0, 2), pillar=st.sampled_from(PILLARS))
    def toggle_pillar(self, line: int, pillar: str) -> None:
        starts = [0]
        for part in TEXT.split("\n")[:-1]:
            starts.append(starts[-1] + len(part) + 1)
        start = starts[line]
        end = start + len(TEXT.split("\n")[line])
        self._attempt(lambda: self.services.annotations.toggle_pillar(self.article_id, start, end, pillar))

    @precondition(lambda self: any(a.kind == "entity" for a in self._live()))
    @rule(data=st.data(), reject=st.booleans())
    def apply_to_all(self, data: st.DataObject, reject: bool) -> None:
        ann = data.draw(st.sampled_from([a for a in self._live() if a.kind == "entity"]), label="annotation")
        self._attempt(lambda: self.services.annotations.apply_to_all(ann.id or 0, "article", reject=reject))

    @rule()
    def accept_all(self) -> None:
        self._attempt(lambda: self.services.annotations.accept_all_remaining(self.article_id))

    @precondition(lambda self: bool(self.done))
    @rule()
    def undo(self) -> None:
        changes = self.done.pop()
        self.services.changes.undo(changes)
        self.undone.append(changes)

    @precondition(lambda self: bool(self.undone))
    @rule()
    def redo(self) -> None:
        changes = self.undone.pop()
        self.services.changes.redo(changes)
        self.done.append(changes)

    # -- invariants ----------------------------------------------------------------------------
    @invariant()
    def spans_inside_text_and_no_same_label_overlap(self) -> None:
        live = self._live()
        for ann in live:
            assert 0 <= ann.start < ann.end <= len(TEXT), ann
            assert ann.text == TEXT[ann.start:ann.end], ann
        for i, a in enumerate(live):
            for b in live[i + 1:]:
                if a.kind == b.kind and a.label == b.label:
                    assert not (a.start < b.end and b.start < a.end), (a, b)

    def teardown(self) -> None:
        try:
            # Undo everything: exactly the state the analysis left.
            while self.done:
                self.services.changes.undo(self.done.pop())
            assert _rows(self.services, self.article_id) == self.initial
            assert self.services.db.integrity_check() == ["ok"]
        finally:
            self.services.close()
            shutil.rmtree(self.folder, ignore_errors=True)


AnnotationEdits.TestCase.settings = settings(
    max_examples=40, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestAnnotationEdits = AnnotationEdits.TestCase
