"""briefing length budget, section order, key-actor edits; trimmed and paraphrased items (issue 15)

Existing briefings get a 2-page budget, reading order and no actor edits; existing items
keep quoting their whole passage (empty ``quote`` and ``paraphrase``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_KEEP_IDS = {"sqlite_autoincrement": True}


def upgrade() -> None:
    # table_kwargs: should batch mode recreate a table, its ids stay never-reused (AUTOINCREMENT, 0002).
    with op.batch_alter_table("briefing", schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column("page_budget", sa.Float(), nullable=False, server_default="2.0"))
        batch_op.add_column(sa.Column("newest_first", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("actor_edits", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default="{}"))
    with op.batch_alter_table("briefingitem", schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.add_column(sa.Column("quote", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("paraphrase", sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("briefingitem", schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.drop_column("paraphrase")
        batch_op.drop_column("quote")
    with op.batch_alter_table("briefing", schema=None, table_kwargs=_KEEP_IDS) as batch_op:
        batch_op.drop_column("actor_edits")
        batch_op.drop_column("newest_first")
        batch_op.drop_column("page_budget")
