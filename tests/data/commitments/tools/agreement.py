"""Agreement of two blind annotations of the same texts: the second scored against the first, as the extractor is.

usage (from the repository root):
``PYTHONPATH=. python tests/data/commitments/tools/agreement.py FIRST_DIR SECOND_DIR``
Prints the aggregate lines only (no item of either annotation), so it may be run on a held-out set.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from briefing_app.nlp.commitment_eval import Score, tally


def agreement(first: Path, second: Path) -> tuple[int, Score, Score]:
    """(files, span overlap + action, span only) of ``second`` scored against ``first``."""
    strict, span = Score(), Score()
    files = 0
    for path in sorted(second.glob("*.commitments.json")):
        gold = json.loads((first / path.name).read_text(encoding="utf-8"))["commitments"]
        other = json.loads(path.read_text(encoding="utf-8"))["commitments"]
        files += 1
        tally(strict, gold, other, use_action=True)
        tally(span, gold, other, use_action=False)
    return files, strict, span


if __name__ == "__main__":
    n, strict, span = agreement(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{n} files; second annotation scored against the first")
    for name, s in (("span overlap + action", strict), ("span only", span)):
        print(f"{name:<24} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}  "
              f"(first {s.tp + s.fn}, second {s.tp + s.fp}, agreed {s.tp})")
