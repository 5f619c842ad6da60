"""The fast path's head constant matches the Alembic scripts."""

from __future__ import annotations

from briefing_app.storage import migrate


def test_head_constant_matches_the_migration_scripts() -> None:
    assert migrate.HEAD_REVISION == migrate.head_revision()
    assert migrate.HEAD_REVISION in migrate.known_revisions()
