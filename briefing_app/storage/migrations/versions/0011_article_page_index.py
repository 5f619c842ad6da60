"""index on article (created_at, id): the library's first page without sorting the whole table

The library view reads one page ordered ``created_at DESC, id DESC``. ``ix_article_created_at``
(0005) serves the first key only; PostgreSQL then sorts every row sharing a time (a desk
library of a million articles: 1.3 s on the GUI thread at first paint). The pair answers the
order from the index on both engines.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_article_created_at_id", "article", ["created_at", "id"], unique=False, if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_article_created_at_id", table_name="article", if_exists=True)
