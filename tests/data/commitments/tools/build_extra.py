"""Write ``dev/NAME.commitments.json`` from the clause strings of ``dev_extra_spec.py`` (offsets found, never counted).

:func:`build` is the one builder of every spec module here (``build_dev_round4.py``, ``build_heldout_round2.py``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(HERE))

Spec = dict[tuple[str, str], list[tuple[str, list[str], str, str, str, bool]]]


def build(spec: Spec, out_folder: str) -> int:
    """Write ``<out_folder>/NAME.commitments.json`` for every article of ``spec``; prints the counts."""
    from briefing_app.domain.text import normalize_text

    total = 0
    for (folder, name), items in spec.items():
        text = (ROOT / folder / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith(normalize_text(text)), f"{name}: offsets would shift when normalised"
        out: list[dict[str, Any]] = []
        for clause, who, action, what, when, negated in items:
            start = text.find(clause)
            assert start >= 0 and text.find(clause, start + 1) < 0, f"{name}: {clause!r} not found exactly once"
            assert who, f"{name}: {clause!r} has no who"
            out.append({"start": start, "end": start + len(clause), "who": who, "action": action, "what": what,
                        "when": when, "negated": negated})
        out.sort(key=lambda c: c["start"])
        for a, b in zip(out, out[1:], strict=False):
            assert a["end"] <= b["start"], f"{name}: overlapping spans"
        dest = HERE.parent / out_folder / f"{name}.commitments.json"
        dest.parent.mkdir(exist_ok=True)
        dest.write_text(json.dumps({"text_file": f"{name}.txt", "commitments": out}, ensure_ascii=False, indent=1)
                        + "\n", encoding="utf-8")
        total += len(out)
    print(f"{len(spec)} files, {total} commitments")
    return 0


if __name__ == "__main__":
    from dev_extra_spec import SPEC

    raise SystemExit(build(SPEC, "dev"))
