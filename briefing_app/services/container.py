"""One object bundling the services of an open database."""

from __future__ import annotations

from pathlib import Path

from briefing_app.services import desk  # noqa: F401  (stamps and checks every write)
from briefing_app.services.annotations import AnnotationService
from briefing_app.services.articles import ArticleService
from briefing_app.services.briefings import BriefingService
from briefing_app.services.changes import ChangeService
from briefing_app.services.entities import EntityService
from briefing_app.services.lessons import LessonService
from briefing_app.services.notes import NoteService
from briefing_app.services.pillars import PillarService
from briefing_app.storage.database import Database, open_database


class Services:
    """The services of one database file."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.pillars = PillarService(db)
        self.pillars.seed_defaults()
        self.articles = ArticleService(db)
        self.annotations = AnnotationService(db, self.pillars.ids())
        self.briefings = BriefingService(db)
        self.notes = NoteService(db)
        self.entities = EntityService(db)
        self.changes = ChangeService(db)
        self.lessons = LessonService(db)

    @classmethod
    def open(cls, path: str | Path, officer: str = "") -> Services:
        """Open (and migrate) the database at ``path`` (a file or a desk URL); ``officer`` names the
        writer in every row changed (default: the operating-system user)."""
        db = open_database(path)
        if officer.strip():
            db.officer = officer.strip()
        return cls(db)

    def close(self) -> None:
        """Release the database."""
        self.db.close()
