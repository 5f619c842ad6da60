"""Write ``heldout_round5/NAME.commitments.json`` from the clause strings of ``heldout_round5_w10d_spec.py`` (offsets found, never counted)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_extra import build  # noqa: E402
from heldout_round5_w10d_spec import SPEC  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(build(SPEC, "heldout_round5"))
