"""List the pillar errors on gold sets, per pillar and genre: the sentences the scorer misses and its false alarms.

Usage: python scripts/pillar_errors.py tests/data/gold_round6 [more gold folders] [--pillar people] [--kind miss|fa]

Each line: set, genre, what the gold expects, what the scorer chose, its reasons, and the sentence; grouped so
that the classes of error (vocabulary a pillar lacks, ambiguous words, furniture) can be read off. Development
sets only: never point it at a held-out or validation set.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from briefing_app.nlp.analyzer import create_analyzer
from briefing_app.nlp.evaluation import analysed_gold, passage_counts, pillar_outcomes


def main() -> None:
    """Print the misses and false alarms of every gold folder given, grouped by pillar, kind and genre."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--pillar", help="only this pillar")
    ap.add_argument("--kind", choices=("miss", "fa"), help="only misses or only false alarms")
    args = ap.parse_args()
    analyzer = create_analyzer(None)
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for path, gold, genre, result in analysed_gold(args.folders, analyzer):
        for s0, s1, expected, acceptable in gold.sentences:
            chosen: set[str] = set()
            why: list[str] = []
            for p in result.passages:
                if passage_counts(p, s0, s1):
                    chosen.update(p.pillars)
                    why += p.why
            text = " ".join(gold.text[s0:s1].split())[:220]
            line = (f"[{path.parent.name}] gold={sorted(expected)} chosen={sorted(chosen)} why={why[:5]}\n"
                    f"      {text}")
            for pillar, outcome in pillar_outcomes(expected, chosen, acceptable):
                if outcome != "tp":
                    groups[(pillar, "miss" if outcome == "fn" else "fa", genre)].append(line)
    for (pillar, kind, genre), lines in sorted(groups.items()):
        if (args.pillar and pillar != args.pillar) or (args.kind and kind != args.kind):
            continue
        print(f"== {pillar} {'missed' if kind == 'miss' else 'false alarms'} in {genre}: {len(lines)}")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
