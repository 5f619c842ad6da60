"""Write ``dev_round7/NAME.commitments.json`` from the clause strings of ``dev_round7_w7b_spec.py`` (offsets found, never counted)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_extra import build  # noqa: E402
from dev_round7_w7b_spec import SPEC  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(build(SPEC, "dev_round7"))
