"""Analysis speed against stock spaCy on the worst pathological imports (DESIGN §6 target: ratio <= 1.0).

The kinds that were quadratic or many times stock spaCy before round 12 (scripts/pathological_inputs.py
generates them and prints the whole table): a report with acronyms pasted as one line, an all-caps annex on
one line, a delegation list of thousands of people, a list of bodies defined with their acronyms, a report
repeated with its acronym definitions, URL soup from an HTML export; 200 kB each, one line.
"""

from __future__ import annotations

#: The worst kinds (scripts/pathological_inputs.py) and the size they are measured at (thousands of characters).
KINDS = ("acronym_line", "all_caps", "name_list", "acronym_defs", "repeated_defs", "url_soup")
SIZE_KB = 200


def run() -> list[tuple[str, str]]:
    """Figures for the benchmark runner."""
    from briefing_app.nlp.analyzer import create_analyzer
    from scripts.pathological_inputs import make
    from tests.benchmarks.analysis_speed import bench_analysis

    analyzer = create_analyzer()
    rows = []
    for kind in KINDS:
        r = bench_analysis(make(kind, SIZE_KB), repeats=1, analyzer=analyzer)
        rows.append((f"analysis/stock ratio, {kind} ({SIZE_KB} kB, one line)",
                     f"{r['ratio']:.2f}  (target <= 1.0; app {r['app_seconds']:.2f} s, "
                     f"stock {r['stock_seconds']:.2f} s)"))
    return rows


if __name__ == "__main__":
    for name, value in run():
        print(f"{name:<60} {value}")
