"""Cost of commitment extraction: the app's analysis with and without it, against stock ``nlp(text)``.

    .venv/bin/python tests/benchmarks/bench_commitments.py [REPEATS]

DESIGN §6 target: full analysis <= 1.0x stock. Prints figures; asserts nothing.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from analysis_speed import _best_of  # noqa: E402

from briefing_app.domain.text import normalize_text  # noqa: E402
from briefing_app.nlp.analyzer import create_analyzer  # noqa: E402
from briefing_app.nlp.commitments import load_parser  # noqa: E402
from briefing_app.nlp.model_loading import DEFAULT_MODEL  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"
#: The dev texts of the commitments gold (tests/data/commitments/README.md).
TEXT_DIRS = (DATA / "gold", DATA / "gold_round3")


def main(repeats: int = 3) -> dict[str, float]:
    import spacy

    text = normalize_text("\n\n".join(p.read_text(encoding="utf-8") for d in TEXT_DIRS
                                       for p in sorted(d.glob("*.txt"))))
    stock = spacy.load(DEFAULT_MODEL)
    stock.max_length = len(text) + 1
    with_parser = create_analyzer(find_commitments=True)  # the default analyser leaves commitments out
    without = replace(with_parser, find_commitments=False)
    load_parser()
    for fn in (lambda: stock(text[:3000]), lambda: with_parser.analyze(text[:3000])):
        fn()
    stock_s = _best_of(lambda: stock(text), repeats)
    off_s = _best_of(lambda: without.analyze(text), repeats)
    on_s = _best_of(lambda: with_parser.analyze(text), repeats)
    found = len(with_parser.analyze(text).commitments)
    return {"words": len(text.split()), "stock_seconds": round(stock_s, 3),
            "analysis_without_commitments": round(off_s, 3), "analysis_with_commitments": round(on_s, 3),
            "ratio_without": round(off_s / stock_s, 3), "ratio_with": round(on_s / stock_s, 3),
            "commitments": found}


if __name__ == "__main__":  # pragma: no cover - manual benchmark
    print(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
