"""lesson store: the officer's corrections, independent of article rows (issue 13)

Revision ID: 0002_lessons
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0002_lessons"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lesson",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("action", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("label", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("from_label", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("from_text", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("canonical", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("entity_key", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("context", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("left", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("right", sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("superseded_by", sa.Integer(), nullable=True),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("lesson", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_lesson_action"), ["action"], unique=False)
        batch_op.create_index(batch_op.f("ix_lesson_article_id"), ["article_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("lesson", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lesson_article_id"))
        batch_op.drop_index(batch_op.f("ix_lesson_action"))
    op.drop_table("lesson")
