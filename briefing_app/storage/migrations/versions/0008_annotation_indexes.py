"""indexes for one article's tags: counts and open suggestions read from the index alone

``ix_annotation_counts`` (article_id, kind, status, label) answers the library row's counts and
the open-suggestion counts of an article without reading its tag rows (a long report has
thousands, each carrying its text and provenance); ``ix_annotation_entity`` (article_id,
entity_id) finds the mentions of the few entities an edit touched.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_annotation_counts", "annotation", ["article_id", "kind", "status", "label"],
                    unique=False, if_not_exists=True)
    op.create_index("ix_annotation_entity", "annotation", ["article_id", "entity_id"],
                    unique=False, if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_annotation_entity", table_name="annotation", if_exists=True)
    op.drop_index("ix_annotation_counts", table_name="annotation", if_exists=True)
