"""Write ``heldout_round2/NAME.commitments.json`` from the clause strings of ``heldout_round2_spec.py`` (offsets found, never counted)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[3]
sys.path.insert(0, str(HERE))

from heldout_round2_spec import SPEC  # noqa: E402


def main() -> int:
    from briefing_app.domain.text import normalize_text

    total = 0
    for (folder, name), items in SPEC.items():
        text = (ROOT / folder / f"{name}.txt").read_text(encoding="utf-8")
        assert text.startswith(normalize_text(text)), f"{name}: offsets would shift when normalised"
        out = []
        for clause, who, action, what, when, negated in items:
            start = text.find(clause)
            assert start >= 0 and text.find(clause, start + 1) < 0, f"{name}: {clause!r} not found exactly once"
            assert who, f"{name}: {clause!r} has no who"
            out.append({"start": start, "end": start + len(clause), "who": who, "action": action, "what": what,
                        "when": when, "negated": negated})
        out.sort(key=lambda c: c["start"])
        for a, b in zip(out, out[1:], strict=False):
            assert a["end"] <= b["start"], f"{name}: overlapping spans"
        dest = HERE.parent / "heldout_round2" / f"{name}.commitments.json"
        dest.write_text(json.dumps({"text_file": f"{name}.txt", "commitments": out}, ensure_ascii=False, indent=1)
                        + "\n", encoding="utf-8")
        total += len(out)
    print(f"{len(SPEC)} files, {total} commitments")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
