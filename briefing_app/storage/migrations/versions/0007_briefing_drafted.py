"""briefing.drafted: key points, commitments, "new since" and timeline drafted for a briefing (issue 16)

One JSON column on ``briefing`` keeps the generated lines with their citations and the officer's
decisions on them (accepted, edited, dropped), so a second auto-draft keeps those decisions.
Existing briefings get an empty object (nothing drafted yet). A plain ADD COLUMN: the table is not
recreated, so its AUTOINCREMENT ids stay as they are.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("briefing", sa.Column("drafted", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("briefing", schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column("drafted")
