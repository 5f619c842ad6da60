"""Entities: mentions grouped into canonical entities; rename, merge and split them.

A mention is an entity annotation; mentions sharing ``entity_id`` are one
entity. :class:`CanonicalEntity` rows hold the officer's name for an entity
and the surface forms merged into it (aliases); each merge also records alias
lessons (``lessons.LessonService``), which is what the analyser learns from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import select as sa_select
from sqlmodel import select

from briefing_app.domain.identity import display_name, entity_key, label_of, name_of
from briefing_app.domain.models import (
    Annotation,
    AnnotationKind,
    AnnotationOrigin,
    AnnotationStatus,
    CanonicalEntity,
    LessonAction,
    utcnow,
)
from briefing_app.domain.text import sanitize_for_xml
from briefing_app.services.annotations import original_of
from briefing_app.services.changes import ChangeSet, RowSnapshot
from briefing_app.services.lessons import LessonService
from briefing_app.storage.database import Database


@dataclass(slots=True)
class Mention:
    """One mention of an entity in an article."""

    annotation_id: int
    start: int
    end: int
    text: str
    status: str


@dataclass(slots=True)
class EntityGroup:
    """An entity as the panel shows it."""

    key: str
    label: str
    name: str
    aliases: list[str]
    mentions: list[Mention] = field(default_factory=list)

    @property
    def surfaces(self) -> list[str]:
        """Distinct surface forms of the mentions, most frequent first."""
        return [t for t, _ in Counter(m.text for m in self.mentions).most_common()]


class EntityService:
    """Canonical entities across the library."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.lessons = LessonService(db)

    def canonical(self, key: str) -> CanonicalEntity | None:
        """The canonical row of ``key`` or None."""
        with self.db.session() as session:
            return session.get(CanonicalEntity, key)

    def groups(self, article_id: int, keys: Collection[str] | None = None) -> list[EntityGroup]:
        """Entities mentioned in an article (rejected mentions excluded), by label then name.

        ``keys``: only these entities (the panel updates the few an edit touched, not all of a
        long report's thousands).
        """
        table = Annotation.__table__  # type: ignore[attr-defined]
        # Core rows rather than ORM objects: a long report has thousands of mentions.
        query = (
            sa_select(table.c.id, table.c.start, table.c.end, table.c.text, table.c.label,
                      table.c.status, table.c.entity_id)
            .where(table.c.article_id == article_id, table.c.kind == AnnotationKind.ENTITY, table.c.status != AnnotationStatus.REJECTED)
            .order_by(table.c.start)
        )
        if keys is not None:
            # A tag without an entity id is keyed by its label and text (filtered below). One IN list
            # (not "IN ... OR = ''"): SQLite then reads only those entities' rows by the entity index.
            query = query.where(table.c.entity_id.in_([*keys, ""]))
        with self.db.engine.connect() as conn:
            rows = conn.execute(query).all()
        groups: dict[str, EntityGroup] = {}
        for ann_id, start, end, text, label, status, entity_id in rows:
            key = entity_id or entity_key(label, text)
            if keys is not None and key not in keys:
                continue
            group = groups.get(key)
            if group is None:
                group = groups[key] = EntityGroup(key=key, label=label, name="", aliases=[])
            group.mentions.append(Mention(ann_id, start, end, text, status))
        if groups:
            names = CanonicalEntity.__table__.c  # type: ignore[attr-defined]
            with self.db.engine.connect() as conn:  # Core rows: no ORM session per edit
                canon = {c.key: c for c in conn.execute(sa_select(names.key, names.name, names.aliases).where(
                    names.key.in_(list(groups))))}
        else:
            canon = {}
        for key, group in groups.items():
            row = canon.get(key)
            if row is not None:
                group.name = row.name
                group.aliases = list(row.aliases)
            surfaces = group.surfaces
            group.name = display_name(group.name, (m.text for m in group.mentions))
            known = set(group.aliases)
            extra = [s for s in surfaces if s != group.name and s not in known]
            group.aliases = [a for a in group.aliases if a != group.name] + extra
        return sorted(groups.values(), key=lambda g: (g.label, g.name.casefold()))

    def display_name(self, key: str) -> str:
        """The officer's name for an entity, else its most common surface form, else the key."""
        row = self.canonical(key)
        if row is not None:
            return row.name
        with self.db.session() as session:
            texts = session.exec(select(Annotation.text).where(
                Annotation.entity_id == key, Annotation.status != AnnotationStatus.REJECTED)).all()
        return display_name(None, texts) or name_of(key)

    def library_entities(self, label: str | None = None, limit: int = 200) -> list[tuple[str, str]]:
        """(key, display name) of entities across the library, most mentioned first."""
        with self.db.session() as session:
            query = select(Annotation.entity_id, Annotation.text).where(
                Annotation.kind == AnnotationKind.ENTITY, Annotation.status != AnnotationStatus.REJECTED, Annotation.entity_id != "")
            if label:
                query = query.where(Annotation.label == label)
            rows = session.exec(query).all()
            names = {c.key: c.name for c in session.exec(select(CanonicalEntity))}
        per_key: dict[str, Counter[str]] = {}
        for key, text in rows:
            per_key.setdefault(key, Counter())[text] += 1
        ranked = sorted(per_key.items(), key=lambda kv: -sum(kv[1].values()))[:limit]
        return [(k, display_name(names.get(k), c.elements())) for k, c in ranked]

    # -- edits ---------------------------------------------------------------------------------
    def rename(self, key: str, name: str) -> ChangeSet:
        """Set the canonical name of an entity; the old name stays as an alias."""
        name = " ".join(sanitize_for_xml(name).split())
        if not name:
            raise ValueError("The name is empty.")
        old_name = self.display_name(key)
        with self.db.session() as session:
            row = session.get(CanonicalEntity, key)
            before = RowSnapshot.of(row) if row is not None else None
            if row is None:
                row = CanonicalEntity(key=key, name=name, label=label_of(key))
            aliases = [a for a in row.aliases if a != name]
            if old_name != name and old_name not in aliases and old_name != key:
                aliases.append(old_name)
            row.name = name
            row.aliases = aliases
            row.updated_at = utcnow()
            session.add(row)
            session.commit()
            session.refresh(row)
            return ChangeSet(f"Rename entity “{name}”", entities=[(before, RowSnapshot.of(row))])

    def merge(self, source_key: str, target_key: str) -> ChangeSet:
        """Make every mention of ``source_key`` a mention of ``target_key`` (library-wide).

        The target's canonical row gains the source's surface forms as aliases;
        mentions take the target's label and count as accepted.
        """
        if source_key == target_key:
            raise ValueError("An entity cannot be merged into itself.")
        target_name = self.display_name(target_key)
        source_name = self.display_name(source_key)
        target_label = label_of(target_key)
        changes = ChangeSet(f"Merge “{source_name}” into “{target_name}”")
        with self.db.session() as session:
            mentions = session.exec(select(Annotation).where(
                Annotation.entity_id == source_key, Annotation.kind == AnnotationKind.ENTITY)).all()
            if not mentions:
                raise ValueError(f"“{source_name}” has no mentions to merge.")
            target = session.get(CanonicalEntity, target_key)
            target_before = RowSnapshot.of(target) if target is not None else None
            if target is None:
                target = CanonicalEntity(key=target_key, name=target_name, label=target_label)
            source = session.get(CanonicalEntity, source_key)
            source_before = RowSnapshot.of(source) if source is not None else None
            aliases: list[str] = list(target.aliases)
            extra = [source_name] + (list(source.aliases) if source else [])
            extra += [m.text for m in mentions if m.status != AnnotationStatus.REJECTED]
            for alias in extra:
                if alias and alias != target.name and alias not in aliases:
                    aliases.append(alias)
            target.aliases = aliases
            target.updated_at = utcnow()
            session.add(target)
            if source is not None:
                session.delete(source)
            now = utcnow()
            befores = []
            for ann in mentions:
                befores.append(RowSnapshot.of(ann))
                if not ann.original and ann.origin != AnnotationOrigin.USER:
                    ann.original = original_of(ann)
                ann.entity_id = target_key
                ann.label = target_label
                if ann.status == AnnotationStatus.SUGGESTED:
                    ann.status = AnnotationStatus.ACCEPTED
                ann.updated_at = now
                session.add(ann)
            session.commit()
            session.refresh(target)
            changes.entities.append((target_before, RowSnapshot.of(target)))
            if source_before is not None:
                changes.entities.append((source_before, None))
            for before, ann in zip(befores, mentions, strict=True):
                session.refresh(ann)
                changes.annotations.append((before, RowSnapshot.of(ann)))
            name = target.name
        # one alias lesson per surface form merged, learned where its first mention stands
        first: dict[str, Annotation] = {}
        for ann in mentions:
            if ann.status != AnnotationStatus.REJECTED and ann.text != name:
                first.setdefault(ann.text, ann)
        for surface, ann in first.items():
            changes.extend(self.lessons.record(LessonAction.ALIAS, surface, target_label, canonical=name,
                                               entity_key=target_key, article_id=ann.article_id,
                                               span=(ann.start, ann.end)))
        return changes

    def split(self, key: str, surface: str) -> ChangeSet:
        """Split the mentions written ``surface`` off ``key`` into an entity of their own."""
        label = label_of(key)
        new_key = entity_key(label, surface)
        if new_key == key:
            new_key = f"{new_key}#split"
        changes = ChangeSet(f"Split “{surface}” off")
        with self.db.session() as session:
            mentions = session.exec(select(Annotation).where(
                Annotation.entity_id == key, Annotation.kind == AnnotationKind.ENTITY, Annotation.text == surface)).all()
            if not mentions:
                raise ValueError(f"No mention written “{surface}” belongs to this entity.")
            row = session.get(CanonicalEntity, key)
            if row is not None:
                aliases = [a for a in row.aliases if a != surface]
                if aliases != row.aliases:
                    entity_before = RowSnapshot.of(row)
                    row.aliases = aliases
                    row.updated_at = utcnow()
                    session.add(row)
                    changes.entities.append((entity_before, row))
            now = utcnow()
            befores = []
            for ann in mentions:
                befores.append(RowSnapshot.of(ann))
                ann.entity_id = new_key
                ann.updated_at = now
                session.add(ann)
            session.commit()
            changes.entities = [(b, RowSnapshot.of(r)) for b, r in changes.entities]
            for before, ann in zip(befores, mentions, strict=True):
                session.refresh(ann)
                changes.annotations.append((before, RowSnapshot.of(ann)))
        changes.extend(self.lessons.withdraw_alias(surface, key))
        return changes
