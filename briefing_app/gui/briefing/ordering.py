"""Pure helpers computing a briefing's new item order for moves (no Qt, no database)."""

from __future__ import annotations

Order = list[tuple[int, str]]  # [(item_id, pillar_id)] in stored order


def place(order: Order, ids: list[int], pillar_id: str, index: int) -> Order:
    """``order`` with ``ids`` moved into section ``pillar_id`` before its ``index``-th row.

    ``index`` counts the rows of that section as they were shown before the move
    (the moved rows included), which is what a drop position gives.
    """
    moving_set = set(ids)
    section = [i for i, p in order if p == pillar_id]
    keep_before = sum(1 for i in section[:max(index, 0)] if i not in moving_set)
    rest = [(i, p) for i, p in order if i not in moving_set]
    moving = [(i, pillar_id) for i in ids]
    seen = 0
    last = -1
    insert_at: int | None = None
    for pos, (_i, p) in enumerate(rest):
        if p != pillar_id:
            continue
        if seen == keep_before:
            insert_at = pos
            break
        seen += 1
        last = pos
    if insert_at is None:
        insert_at = last + 1 if last >= 0 else len(rest)
    return rest[:insert_at] + moving + rest[insert_at:]


def step(order: Order, item_id: int, delta: int, pillars: list[str]) -> tuple[str, int] | None:
    """Where one item goes when moved up (``delta=-1``) or down (``+1``): (pillar, index) or None.

    At the edge of its section it crosses into the neighbouring pillar section
    (taxonomy order ``pillars``): to the end of the previous one or the top of the next one.
    """
    current = next((p for i, p in order if i == item_id), None)
    if current is None:
        return None
    section = [i for i, p in order if p == current]
    index = section.index(item_id)
    if delta < 0 and index > 0:
        return current, index - 1
    if delta > 0 and index < len(section) - 1:
        return current, index + 2
    if current not in pillars:
        return None
    neighbour = pillars.index(current) + (1 if delta > 0 else -1)
    if not 0 <= neighbour < len(pillars):
        return None
    target = pillars[neighbour]
    return (target, 0) if delta > 0 else (target, sum(1 for _i, p in order if p == target))
