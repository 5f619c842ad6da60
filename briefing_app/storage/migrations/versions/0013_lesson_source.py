"""lesson.source: the lessons file an imported lesson came from

A lesson imported from a colleague's lessons file has no article; without its file, the tooltip
of a tag it suggests could only say "imported or made in a deleted article". ``source`` keeps the
file's name ("" for the officer's own lessons and for lessons imported before this revision). A
plain ADD COLUMN: the table is not recreated, so its AUTOINCREMENT ids stay as they are.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("lesson", sa.Column("source", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("lesson", schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column("source")
