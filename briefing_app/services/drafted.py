"""Key points, commitments, "new since" and timeline lines drafted for a briefing, and the officer's decisions.

They live in ``Briefing.drafted`` (one JSON object) so that auto-drafting again keeps what the officer did:

``{"article_ids": [...], "earlier_ids": [...], "compare_before": "", "since": "2026-01-09",
"show_timeline": false, "key_points": [row...], "commitments": [...], "new_since": [...], "timeline": [...]}``

Every row is a dict with ``key`` (stable across drafts: group, kind and the cited passage), ``text``,
``cites`` (``[[article_id, start, end], ...]``, the first is the passage the line opens at), ``status``
(``drafted`` | ``accepted`` | ``edited`` | ``dropped``) and per-group fields: commitments ``who``,
``action``, ``what``, ``when`` (as written), ``when_iso`` (resolved against the article date),
``negated``; new-since ``kind`` and ``earlier`` (a cite or None); timeline ``date``, ``when``, ``kind``.

:func:`generate` runs the drafting engine (slow: it parses the articles; call it off the GUI thread);
:func:`merge` lays a fresh draft over the stored one. Nothing here touches the database.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from briefing_app.domain.models import DraftedStatus
from briefing_app.domain.quotes import quote_start

if TYPE_CHECKING:
    # Only a type: the window's start then never compiles nlp/commitments (155 KB of source, one call
    # holding the GIL ~85 ms where no bytecode is cached): the builder imports it when it first drafts.
    from briefing_app.services.intelligence import IntelligenceService

GROUPS = ("key_points", "commitments", "new_since", "timeline")
STATUSES = tuple(DraftedStatus)
#: What the officer may change per group (``text`` of a commitment is composed from its fields).
EDITABLE = {"key_points": ("text",), "new_since": ("text",), "timeline": ("text", "date"),
            "commitments": ("who", "action", "what", "when")}
MAX_COMMITMENTS = 15
MAX_TIMELINE = 15
MAX_NEW_ENTITIES = 5  # new actors, and new initiatives, each
EARLIER_LIMIT = 5  # earlier articles compared with (the most recent before the selection)

#: The readable verb of an action whose object is itself a verb phrase ("agreed to launch ...").
_STEERING = {"agree": "agreed to", "decide": "decided to", "commit": "committed to", "pledge": "pledged to",
             "promise": "promised to", "vow": "vowed to", "resolve": "resolved to", "direct": "directed",
             "ask": "asked", "task": "tasked"}


def commitment_text(who: str, action: str, what: str, when: str = "", negated: bool = False) -> str:
    """One readable line: "India, Japan: agreed to launch a joint working group (by March 2027)"."""
    verb = action.strip()
    first = what.split(" ", 1)[0].lower() if what.strip() else ""
    if verb in _STEERING and first != verb:
        verb = _STEERING[verb]
    if negated:
        verb = f"did not {action.strip()}"
    body = " ".join(x for x in (verb, what.strip()) if x)
    line = f"{who.strip()}: {body}" if who.strip() else body[:1].upper() + body[1:]
    if when.strip():
        line += f" ({when.strip() if when.strip().lower().startswith(('by ', 'in ', 'on ', 'before ')) else 'by ' + when.strip()})"
    return line


def _cite(c: Any) -> list[int]:
    return [int(c.article_id), int(c.start), int(c.end)]


def _undated(sentence: str) -> str:
    """A sentence without the dateline or byline opening it ("TOKYO: ...")."""
    return sentence[quote_start(sentence):].strip() or sentence


def _figure_text(text: str) -> str:
    """"target trade: $200 billion -> $500 billion" -> "trade target $200 billion → $500 billion"."""
    topic, _, change = text.partition(": ")
    words = topic.split()
    words.sort(key=lambda w: w == "target")  # "trade target", not "target trade"
    return f"{' '.join(words)} {change.replace(' -> ', ' → ')}"


def generate(intel: IntelligenceService, article_ids: Sequence[int], compare_before: str = "",
             earlier_ids: Sequence[int] | None = None, topic_names: dict[str, str] | None = None,
             cancelled: Callable[[], bool] = lambda: False) -> dict[str, Any]:
    """A fresh draft of the four groups for the articles (parses them: run it in a worker).

    The earlier articles are ``earlier_ids`` if given, else the library's articles on the same
    relationship published before ``compare_before`` (default: before the earliest selected article).
    """
    ids = list(article_ids)
    names = topic_names or {}
    facts = intel.facts(ids)
    dates = {f.article_id: f.date for f in facts}
    # the comparison's cut-off as the officer sees it: given, else the earliest selected article's date
    first = min((f.published for f in facts if f.published), default="")
    out: dict[str, Any] = {"article_ids": ids, "compare_before": compare_before or first}
    out["key_points"] = [
        {"key": f"key_points:{k.citations[0].article_id}:{k.citations[0].start}", "text": _undated(k.text),
         "cites": [_cite(c) for c in k.citations], "status": DraftedStatus.DRAFTED, "pillar": k.pillar}
        for k in intel.key_points(ids)
    ]
    if cancelled():
        return out
    commitments: list[dict[str, Any]] = []
    by_span: dict[tuple[int, int, int], dict[str, Any]] = {}
    seen: dict[tuple[str, str, str], dict[str, Any]] = {}
    for article_id, c in intel.commitments(ids):
        who = ", ".join(c.who)
        same = seen.get((who, c.action, c.what.lower()))
        if same is not None:  # the same commitment reported by two outlets: one row citing both
            if all(x[0] != article_id for x in same["cites"]):
                same["cites"].append([article_id, c.start, c.end])
            by_span[(article_id, c.start, c.end)] = same
            continue
        row = {"key": f"commitments:{article_id}:{c.start}:{c.end}", "who": who, "action": c.action,
               "what": c.what, "when": c.when, "when_iso": c.resolved_when(dates.get(article_id)),
               "negated": c.negated, "cites": [[article_id, c.start, c.end]], "status": DraftedStatus.DRAFTED}
        row["text"] = commitment_text(who, c.action, c.what, c.when, c.negated)
        seen[(who, c.action, c.what.lower())] = row
        by_span[(article_id, c.start, c.end)] = row
        commitments.append(row)
    out["commitments"] = commitments[:MAX_COMMITMENTS]
    out["timeline"] = [
        {"key": f"timeline:{e.citation.article_id}:{e.citation.start}:{e.date}", "date": e.date, "when": e.when,
         "kind": e.kind, "text": _undated(e.text), "cites": [_cite(e.citation)], "status": DraftedStatus.DRAFTED}
        for e in intel.timeline(ids)
    ][:MAX_TIMELINE]
    if cancelled():
        return out
    earlier = (list(earlier_ids) if earlier_ids is not None
               else intel.earlier_articles(ids, limit=EARLIER_LIMIT, before=compare_before or None))
    out["earlier_ids"] = earlier
    earlier_facts = intel.facts(earlier) if earlier else []
    out["since"] = max((f.published for f in earlier_facts if f.published), default="")
    rows: list[dict[str, Any]] = []
    counts: dict[str, int] = {}
    for item in (intel.whats_new(ids, earlier) if earlier else []):
        counts[item.kind] = counts.get(item.kind, 0) + 1
        if item.kind in ("actor", "initiative") and counts[item.kind] > MAX_NEW_ENTITIES:
            continue
        text = item.text
        if item.kind == "commitment" and item.later is not None:
            found = by_span.get((item.later.article_id, item.later.start, item.later.end))
            if found is not None:
                text = found["text"]
        elif item.kind == "figure-changed":
            text = _figure_text(text)
        elif item.kind.startswith("topic"):
            text = names.get(text, text.replace("_", " "))
        anchor = item.later or item.earlier
        assert anchor is not None
        rows.append({"key": f"new_since:{item.kind}:{anchor.article_id}:{anchor.start}:{anchor.end}",
                     "kind": item.kind, "text": text, "cites": [_cite(anchor)],
                     "earlier": _cite(item.earlier) if item.earlier is not None else None,
                     "later": item.later is not None, "status": DraftedStatus.DRAFTED})
    out["new_since"] = rows
    return out


def merge(stored: dict[str, Any] | None, fresh: dict[str, Any]) -> dict[str, Any]:
    """``fresh`` with the officer's decisions of ``stored`` kept.

    A row the officer accepted, edited or dropped keeps its state (found by key); one no longer drafted is
    kept too (the officer's decision outranks the draft). Rows left as drafted are replaced by the new draft.
    """
    old = copy.deepcopy(stored or {})
    out = copy.deepcopy(fresh)
    out["show_timeline"] = bool(old.get("show_timeline", False))
    for group in GROUPS:
        decided = {r["key"]: r for r in old.get(group, []) if r.get("status", DraftedStatus.DRAFTED) != DraftedStatus.DRAFTED}
        rows = [decided.pop(r["key"], r) for r in out.get(group, [])]
        rows += list(decided.values())
        out[group] = rows
    return out


def find(drafted: dict[str, Any], group: str, key: str) -> dict[str, Any]:
    """The row ``key`` of ``group`` (KeyError if absent)."""
    if group not in GROUPS:
        raise ValueError(f"Not a drafted group: {group}")
    for row in drafted.get(group, []):
        if row.get("key") == key:
            return row
    raise KeyError(key)


def edited(drafted: dict[str, Any], group: str, key: str, **change: object) -> dict[str, Any]:
    """A copy of ``drafted`` with one row changed: ``status=`` or the group's editable fields."""
    out = copy.deepcopy(drafted)
    row = find(out, group, key)
    touched = False
    for name, value in change.items():
        if name == "status":
            if value not in STATUSES:
                raise ValueError(f"Not a status: {value}")
            row["status"] = value
            continue
        if name not in EDITABLE[group]:
            raise ValueError(f"Not an editable field of {group}: {name}")
        text = " ".join(str(value).split())
        if name == "text" and not text:
            raise ValueError("A line cannot be empty; drop it instead.")
        if row.get(name) != text:
            row.setdefault("original", row.get("text", ""))
            row[name] = text
            touched = True
    if group == "commitments" and touched:
        row["text"] = commitment_text(row.get("who", ""), row.get("action", ""), row.get("what", ""),
                                      row.get("when", ""), bool(row.get("negated")))
        if "when" in change:
            row["when_iso"] = ""  # the officer's own words stand as written
    if touched and "status" not in change:
        row["status"] = DraftedStatus.EDITED
    return out


def live(drafted: dict[str, Any], group: str) -> list[dict[str, Any]]:
    """Rows of ``group`` that go into the note (not dropped; the timeline only when it is switched on)."""
    if group == "timeline" and not drafted.get("show_timeline"):
        return []
    return [r for r in drafted.get(group, []) if r.get("status") != DraftedStatus.DROPPED]


def cited_articles(drafted: dict[str, Any]) -> list[int]:
    """Articles the live rows cite, in note order (key points, new since, commitments, timeline)."""
    out: list[int] = []
    for group in ("key_points", "new_since", "commitments", "timeline"):
        for row in live(drafted, group):
            cites = list(row.get("cites", []))
            if row.get("earlier"):
                cites.insert(0, row["earlier"])
            for c in cites:
                if c[0] not in out:
                    out.append(int(c[0]))
    if live(drafted, "new_since"):
        for a in drafted.get("earlier_ids", []):
            if a not in out:
                out.append(int(a))
    return out


def partial_date(iso: str) -> str:
    """"2027-03" -> "March 2027", "2027-03-31" -> "31 March 2027", "2030" -> "2030"; other text unchanged."""
    from briefing_app.export.formatting import MONTHS

    parts = iso.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return iso
    if len(numbers) == 3 and 1 <= numbers[1] <= 12:
        return f"{numbers[2]} {MONTHS[numbers[1] - 1]} {numbers[0]}"
    if len(numbers) == 2 and 1 <= numbers[1] <= 12:
        return f"{MONTHS[numbers[1] - 1]} {numbers[0]}"
    return iso
