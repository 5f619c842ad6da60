"""The one rule for "open suggestions": what the officer can see and still has to decide.

The library column, the review bar, the status line and the side panels all count with this module,
so they agree. A suggestion counts when:

- it is still *suggested* (neither accepted nor rejected);
- its article is not marked *reviewed* (the officer has declared the article done);
- it is visible: a pillar passage whose pillar the legend shows, or an entity whose label is shown
  by default (not CARDINAL, ORDINAL, … see ``SHOWN_LABELS``) and not hidden in the legend.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import BindParameter, bindparam, text
from sqlalchemy.engine import Connection

from briefing_app.domain.models import AnnotationKind, AnnotationStatus, ArticleStatus
from briefing_app.nlp.types import SHOWN_LABELS


@dataclass(frozen=True)
class Visibility:
    """Labels and pillars the officer has hidden in the legend."""

    hidden_labels: frozenset[str] = field(default_factory=frozenset)
    hidden_pillars: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, hidden_labels: Iterable[str] = (), hidden_pillars: Iterable[str] = ()) -> Visibility:
        """From any iterables (e.g. the view's sets)."""
        return cls(frozenset(hidden_labels), frozenset(hidden_pillars))

    def shows(self, kind: str, label: str) -> bool:
        """Whether a tag of ``kind`` ("entity"/"pillar") and ``label`` (label or pillar id) is drawn."""
        if kind == AnnotationKind.PILLAR:
            return label not in self.hidden_pillars
        return label in SHOWN_LABELS and label not in self.hidden_labels


@dataclass(frozen=True)
class OpenCounts:
    """Open suggestions of one article."""

    entity: int = 0
    pillar: int = 0

    @property
    def total(self) -> int:
        """Entities and pillar passages together."""
        return self.entity + self.pillar

    def as_dict(self) -> dict[str, int]:
        """``{"entity": n, "pillar": m}``."""
        return {"entity": self.entity, "pillar": self.pillar}


def counts_as_open(kind: str, label: str, status: str, article_status: str,
                   visibility: Visibility | None = None) -> bool:
    """The rule for one tag (panels use it for their per-entity and per-pillar figures)."""
    visible = status == AnnotationStatus.SUGGESTED and (visibility or Visibility()).shows(kind, label)
    return bool(article_open(int(visible), article_status))


def open_condition(visibility: Visibility | None = None, alias: str = "n") -> tuple[str, dict[str, object],
                                                                         list[BindParameter[Any]]]:
    """SQL condition on an annotation row (table alias ``alias``): a suggestion the officer can see.

    Returns the condition, its parameters and their bind declarations (for ``text().bindparams``).
    The article's *reviewed* status is applied by the caller (:func:`article_open`).
    """
    vis = visibility or Visibility()
    labels = [label for label in SHOWN_LABELS if label not in vis.hidden_labels]
    params: dict[str, object] = {}
    binds: list[BindParameter[Any]] = []
    entity_rule = "0 = 1"
    if labels:
        entity_rule = f"({alias}.kind = 'entity' AND {alias}.label IN :open_labels)"
        params["open_labels"] = labels
        binds.append(bindparam("open_labels", expanding=True))
    pillar_rule = f"{alias}.kind = 'pillar'"
    if vis.hidden_pillars:
        pillar_rule += f" AND {alias}.label NOT IN :open_hidden_pillars"
        params["open_hidden_pillars"] = sorted(vis.hidden_pillars)
        binds.append(bindparam("open_hidden_pillars", expanding=True))
    return f"({alias}.status = 'suggested' AND ({entity_rule} OR ({pillar_rule})))", params, binds


def article_open(visible_suggestions: int, article_status: str) -> int:
    """Open suggestions of an article from its visible suggested tags: none once it is reviewed."""
    return 0 if article_status == ArticleStatus.REVIEWED else visible_suggestions


def open_suggestions(conn: Connection, article_ids: Iterable[int] | None = None,
                     visibility: Visibility | None = None) -> dict[int, OpenCounts]:
    """Open suggestions per article (``article_ids``; None = the whole library).

    Articles without any are absent from the result. Same rule as :func:`counts_as_open`, in SQL.
    """
    condition, params, binds = open_condition(visibility)
    sql = ("SELECT n.article_id, n.kind, count(*) FROM annotation n JOIN article a ON a.id = n.article_id "
           f"WHERE {condition} AND a.status != 'reviewed'")
    if article_ids is not None:
        ids = sorted({int(i) for i in article_ids})
        if not ids:
            return {}
        # ids are ints: inlining them avoids SQLite's parameter limit on large selections.
        sql += f" AND n.article_id IN ({','.join(str(i) for i in ids)})"
    sql += " GROUP BY n.article_id, n.kind"
    counts: dict[int, dict[str, int]] = {}
    for article_id, kind, n in conn.execute(text(sql).bindparams(*binds), params).all():
        counts.setdefault(int(article_id), {"entity": 0, "pillar": 0})[str(kind)] = int(n)
    return {aid: OpenCounts(c["entity"], c["pillar"]) for aid, c in counts.items()}
