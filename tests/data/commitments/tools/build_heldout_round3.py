"""Write ``heldout_round3/NAME.commitments.json`` from the clause strings of the three blind annotators' spec
modules (``heldout_round3_c1_spec.py``, ``_c2_``, ``_c4_``: one article each, offsets found, never counted)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_extra import build  # noqa: E402
from heldout_round3_c1_spec import SPEC as C1  # noqa: E402
from heldout_round3_c2_spec import SPEC as C2  # noqa: E402
from heldout_round3_c4_spec import SPEC as C4  # noqa: E402

if __name__ == "__main__":
    assert not (C1.keys() & C2.keys() or C1.keys() & C4.keys() or C2.keys() & C4.keys()), "an article annotated twice"
    raise SystemExit(build(C1 | C2 | C4, "heldout_round3"))
