"""an index for the overlap check of one tag edit: a tag's neighbours found without reading every tag

``ix_annotation_span`` (article_id, kind, end, start, status) answers "which live tag of this
article overlaps [start, end)?" from the index alone, by the tags ending after ``start``: every
accept, relabel and boundary change asks it, and a long report has thousands of tags, each row
carrying its text and provenance.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_annotation_span", "annotation", ["article_id", "kind", "end", "start", "status"],
                    unique=False, if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_annotation_span", table_name="annotation", if_exists=True)
