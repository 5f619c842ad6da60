"""lesson store: the officer's corrections, independent of article rows (issue 13)

Existing corrections (rejected, added and relabelled tags, tagged or untagged passages,
merged aliases) become lessons, so an upgraded library keeps what it was taught. Where a
surface was both rejected and confirmed with the same label, the latest edit wins. The
helpers are inline on purpose: a migration must not change when the app's code does.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0003"
down_revision = "0002"
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
    _lessons_from_existing_corrections()


_LEFT = re.compile(r"(\S+)[ \t]*$")
_RIGHT = re.compile(r"[ \t]*(\S+)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")


def _context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """(sentence, token left, token right) of ``text[start:end]``."""
    if not 0 <= start <= end <= len(text):
        return "", "", ""
    begin = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 1500), start):
        begin = m.end()
    m = _SENTENCE_END.search(text, end)
    finish = m.start() + 1 if m and text[m.start()] != "\n" else (m.start() if m else len(text))
    left = _LEFT.search(text, max(0, start - 60), start)
    right = _RIGHT.match(text, end, min(len(text), end + 60))
    return (text[begin:finish].strip(), left.group(1) if left else "", right.group(1) if right else "")


def _lessons_from_existing_corrections() -> None:
    conn = op.get_bind()
    texts = dict(conn.execute(sa.text("SELECT id, text FROM article")).fetchall())
    rows = conn.execute(sa.text(
        "SELECT article_id, kind, start, \"end\", label, text, origin, status, original, updated_at "
        "FROM annotation WHERE status = 'rejected' OR origin = 'user' OR original != '' ORDER BY updated_at, id"
    )).fetchall()
    latest: dict[tuple[str, ...], dict[str, object]] = {}
    for article_id, kind, start, end, label, surface, origin, status, original, updated in rows:
        try:
            before = json.loads(original) if original else {}
        except ValueError:
            before = {}
        old_label = before.get("label", label) if isinstance(before, dict) else label
        lesson: dict[str, object] | None = None
        if kind == "entity":
            if status == "rejected":
                lesson = {"action": "reject", "label": old_label}
            elif origin == "user":
                lesson = {"action": "add", "label": label}
            elif old_label != label:
                lesson = {"action": "relabel", "label": label, "from_label": old_label}
            key: tuple[str, ...] = ("entity", " ".join(surface.split()).casefold(),
                                    str(lesson["label"]) if lesson else "")
        else:
            if status == "rejected":
                lesson = {"action": "pillar_remove", "label": old_label}
            elif origin == "user":
                lesson = {"action": "pillar_add", "label": label}
            key = ("pillar", surface, label)
        if lesson is None or not surface.strip():
            continue
        sentence, left, right = _context(texts.get(article_id, ""), start, end)
        if kind == "pillar":
            sentence, left, right = surface, "", ""
        lesson.update(text=" ".join(surface.split()) if kind == "entity" else surface.strip(),
                      context=sentence, left=left, right=right, article_id=article_id, created_at=updated)
        latest[key] = lesson  # rows come oldest first: the latest correction of a surface wins
    for key_, name, label, aliases, updated in conn.execute(sa.text(
            "SELECT key, name, label, aliases, updated_at FROM canonicalentity")).fetchall():
        try:
            merged = json.loads(aliases or "[]")
        except ValueError:
            merged = []
        for alias in merged:
            if isinstance(alias, str) and alias.strip() and alias != name:
                latest[("alias", alias.casefold(), "")] = {
                    "action": "alias", "text": " ".join(alias.split()), "label": label, "canonical": name,
                    "entity_key": key_, "context": "", "left": "", "right": "", "article_id": None,
                    "created_at": updated}
    now = datetime.now(UTC).isoformat(sep=" ")
    for lesson in latest.values():
        conn.execute(sa.text(
            "INSERT INTO lesson (action, text, label, from_label, from_text, canonical, entity_key, context, "
            "\"left\", \"right\", article_id, created_at, updated_at, superseded_by, withdrawn) VALUES "
            "(:action, :text, :label, :from_label, '', :canonical, :entity_key, :context, :left, :right, "
            ":article_id, :created_at, :created_at, NULL, 0)"),
            {"from_label": "", "canonical": "", "entity_key": "", **lesson,
             "created_at": lesson.get("created_at") or now})


def downgrade() -> None:
    with op.batch_alter_table("lesson", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_lesson_article_id"))
        batch_op.drop_index(batch_op.f("ix_lesson_action"))
    op.drop_table("lesson")
