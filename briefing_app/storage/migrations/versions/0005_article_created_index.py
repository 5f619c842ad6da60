"""index on article.created_at: the library view reads one page, newest first, without a full scan

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # IF NOT EXISTS: a library built by a development build of this index (numbered 0004 there) opens too.
    op.create_index("ix_article_created_at", "article", ["created_at"], unique=False, if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_article_created_at", table_name="article", if_exists=True)
