"""Speed of the app's analysis against the stock spaCy pipeline (DESIGN §6 target: ratio <= 1.0).

A benchmark helper for bench_analysis.py, kept out of the installed package.
"""

from __future__ import annotations

import time
from typing import Any

from briefing_app.nlp.analyzer import Analyzer, create_analyzer
from briefing_app.nlp.model_loading import DEFAULT_MODEL


def _best_of(fn: Any, repeats: int) -> float:
    best = float("inf")
    for _ in range(max(1, repeats)):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def bench_analysis(text: str, repeats: int = 3, analyzer: Analyzer | None = None,
                   model: str = DEFAULT_MODEL) -> dict[str, float]:
    """Best-of-``repeats`` seconds of stock ``nlp(text)`` (all default components) and of the app's analysis.

    Returns ``stock_seconds``, ``app_seconds``, ``ratio`` (app/stock), ``words`` and
    ``words_per_second`` of the app.
    """
    import spacy

    stock = spacy.load(model)
    stock.max_length = max(stock.max_length, len(text) + 1)
    app = analyzer or create_analyzer(model)
    stock(text[:2000])
    app.analyze(text[:2000])
    stock_s = _best_of(lambda: stock(text), repeats)
    app_s = _best_of(lambda: app.analyze(text), repeats)
    words = len(text.split())
    return {"stock_seconds": round(stock_s, 4), "app_seconds": round(app_s, 4),
            "ratio": round(app_s / stock_s, 3) if stock_s else 0.0, "words": words,
            "words_per_second": round(words / app_s, 1) if app_s else 0.0}


if __name__ == "__main__":  # pragma: no cover - manual benchmark
    import sys
    from pathlib import Path

    from briefing_app.domain.text import normalize_text

    sample = normalize_text(Path(sys.argv[1]).read_text(encoding="utf-8"))
    print(bench_analysis(sample * int(sys.argv[2]) if len(sys.argv) > 2 else sample))
