"""Move arithmetic of the section tree (drop positions, move up/down across sections)."""

from __future__ import annotations

from briefing_app.gui.briefing.ordering import place, step

ORDER = [(1, "defence"), (2, "defence"), (3, "defence"), (4, "trade"), (5, "trade")]
PILLARS = ["defence", "security", "trade"]


def _sections(order: list[tuple[int, str]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for item_id, pillar in order:
        out.setdefault(pillar, []).append(item_id)
    return out


def test_place_within_a_section_counts_rows_as_shown() -> None:
    # Drop item 1 below item 2 (index 2 counts rows before the move).
    assert _sections(place(ORDER, [1], "defence", 2))["defence"] == [2, 1, 3]
    assert _sections(place(ORDER, [3], "defence", 0))["defence"] == [3, 1, 2]
    assert _sections(place(ORDER, [1], "defence", 3))["defence"] == [2, 3, 1]


def test_place_between_sections_and_into_an_empty_one() -> None:
    moved = _sections(place(ORDER, [2], "trade", 1))
    assert moved == {"defence": [1, 3], "trade": [4, 2, 5]}
    moved = _sections(place(ORDER, [4, 5], "security", 0))
    assert moved == {"defence": [1, 2, 3], "security": [4, 5]}
    assert len(place(ORDER, [4, 5], "security", 0)) == len(ORDER)


def test_step_moves_within_and_across_section_edges() -> None:
    assert step(ORDER, 2, -1, PILLARS) == ("defence", 0)
    assert step(ORDER, 2, +1, PILLARS) == ("defence", 3)
    assert _sections(place(ORDER, [2], *step(ORDER, 2, +1, PILLARS)))["defence"] == [1, 3, 2]
    # Bottom of defence moves to the top of the next pillar (security, empty).
    assert step(ORDER, 3, +1, PILLARS) == ("security", 0)
    # Top of trade moves to the end of security (the previous pillar).
    assert step(ORDER, 4, -1, PILLARS) == ("security", 0)
    assert step(ORDER, 1, -1, PILLARS) is None
    assert step(ORDER, 5, +1, PILLARS) is None
    assert step(ORDER, 99, +1, PILLARS) is None
