"""One object bundling the services of an open database."""

from __future__ import annotations

from pathlib import Path

from briefing_app.core.services.annotations import AnnotationService
from briefing_app.core.services.articles import ArticleService
from briefing_app.core.services.briefings import BriefingService
from briefing_app.core.services.changes import ChangeService
from briefing_app.core.services.entities import EntityService
from briefing_app.core.services.lessons import LessonService
from briefing_app.core.services.notes import NoteService
from briefing_app.core.services.pillars import PillarService
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
    def open(cls, path: str | Path) -> Services:
        """Open (and migrate) the database at ``path``."""
        return cls(open_database(path))

    def close(self) -> None:
        """Release the database."""
        self.db.close()
