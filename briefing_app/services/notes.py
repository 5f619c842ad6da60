"""Notes: the officer's free-text remarks on a span of an article (or on one tag)."""

from __future__ import annotations

from sqlmodel import col, select

from briefing_app.domain.models import Article, Note, utcnow
from briefing_app.domain.text import sanitize_for_xml
from briefing_app.services.changes import ChangeSet, RowSnapshot
from briefing_app.storage.database import Database

MAX_NOTE_CHARS = 20_000


class NoteService:
    """Add, edit and delete notes; every edit returns an undoable change set."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def for_article(self, article_id: int) -> list[Note]:
        """Notes of one article in text order."""
        with self.db.session() as session:
            return list(session.exec(
                select(Note).where(Note.article_id == article_id).order_by(col(Note.start), col(Note.id))
            ).all())

    def get(self, note_id: int) -> Note | None:
        """One note or None."""
        with self.db.session() as session:
            return session.get(Note, note_id)

    def add(self, article_id: int, start: int, end: int, body: str,
            annotation_id: int | None = None) -> ChangeSet:
        """Attach a note to ``[start, end)`` (a zero-length span marks a point)."""
        body = _clean(body)
        with self.db.session() as session:
            article = session.get(Article, article_id)
            if article is None:
                raise KeyError(article_id)
            if not 0 <= start <= end <= len(article.text):
                raise ValueError("The note's place is outside the article.")
            note = Note(article_id=article_id, start=start, end=end, body=body, annotation_id=annotation_id)
            session.add(note)
            session.commit()
            session.refresh(note)
            return ChangeSet("Add note", notes=[(None, RowSnapshot.of(note))])

    def update(self, note_id: int, body: str) -> ChangeSet:
        """Change a note's text."""
        body = _clean(body)
        with self.db.session() as session:
            note = session.get(Note, note_id)
            if note is None:
                raise KeyError(note_id)
            before = RowSnapshot.of(note)
            note.body = body
            note.updated_at = utcnow()
            session.add(note)
            session.commit()
            session.refresh(note)
            return ChangeSet("Edit note", notes=[(before, RowSnapshot.of(note))])

    def delete(self, note_id: int) -> ChangeSet:
        """Delete a note."""
        with self.db.session() as session:
            note = session.get(Note, note_id)
            if note is None:
                raise KeyError(note_id)
            before = RowSnapshot.of(note)
            session.delete(note)
            session.commit()
            return ChangeSet("Delete note", notes=[(before, None)])


def _clean(body: str) -> str:
    # Typed text may carry control characters or half an emoji pair (pasted): neither can be
    # stored or exported, so they go here, once, like imported text does.
    body = sanitize_for_xml(body.replace("\r\n", "\n").replace("\r", "\n")).strip()
    if not body:
        raise ValueError("The note is empty.")
    if len(body) > MAX_NOTE_CHARS:
        raise ValueError(f"The note is too long (over {MAX_NOTE_CHARS:,} characters).")
    return body
