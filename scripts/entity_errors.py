"""List the entity errors on gold sets by overlap matching, per class and genre: missed and spurious entities.

Usage: python scripts/entity_errors.py tests/data/gold_round6 [more gold folders] [--kind missed|spurious] [--cls PERSON]
       [--strict]

Each line: set, genre, the entity (for a miss, what the tagger put there instead, if anything) and its context, grouped
so that the classes of error (unknown names, acronyms, sentence-initial words, furniture) can be read off. A miss
whose span the tagger did tag, with another class, is marked "as LABEL". Development sets only: never point it at
a held-out or validation set.

With ``--strict`` the listing follows the strict figure instead (exact start, end and class): each gold entity
without an exact match is filed under the evaluation's error kind (missed, wrong class, boundary too long / too
short / shifted) with what the tagger put over it, and each prediction overlapping no gold entity as "spurious".
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from briefing_app.nlp.analyzer import create_analyzer
from briefing_app.nlp.evaluation import (
    EntityMatching,
    GoldDoc,
    analysed_gold,
    match_entities,
    strict_outcomes,
)


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = " ".join(text[max(0, start - width):start].split())
    right = " ".join(text[end:end + width].split())
    return f"{left} [[{text[start:end]}]] {right}"


def _strict_errors(path: Path, gold: GoldDoc, genre: str, matching: EntityMatching,
                   groups: dict[tuple[str, str, str], list[str]]) -> None:
    """File each strict error of one article under (kind, gold class or predicted class, genre), as the eval
    counts them (:func:`~briefing_app.nlp.evaluation.strict_outcomes`)."""
    primary = matching.primary
    for kind, g, p in strict_outcomes(gold, matching.preds, primary):
        if kind in ("tp", "unmatched"):
            continue  # right, or a prediction already filed under the gold entity it overlaps
        if g is None:
            assert p is not None
            groups[("spurious", primary.get(p.label, p.label), genre)].append(
                f"[{path.parent.name}] {p.label}  {_context(gold.text, p.start, p.end)}")
            continue
        how = f" as {p.label}:{p.text!r}" if p is not None else ""
        groups[(kind, g[2], genre)].append(f"[{path.parent.name}]{how}  {_context(gold.text, g[0], g[1])}")


def main() -> None:
    """Print the missed and spurious entities of every gold folder given, grouped by kind, class and genre."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--kind", help="only this kind (missed, spurious; with --strict also wrong class, boundary ...)")
    ap.add_argument("--cls", help="only this gold class (PERSON, PLACE, ORG, DATE, INITIATIVE)")
    ap.add_argument("--strict", action="store_true", help="strict errors (exact start, end and class) by kind")
    args = ap.parse_args()
    analyzer = create_analyzer(None)
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for path, gold, genre, result in analysed_gold(args.folders, analyzer):
        matching = match_entities(gold, result.entities)
        if args.strict:
            _strict_errors(path, gold, genre, matching, groups)
            continue
        for (g0, g1, cls, _gtext), found in matching.pairs:
            if found is not None:
                continue
            other = [e for e in result.entities if min(e.end, g1) - max(e.start, g0) > 0]
            how = " as " + ",".join(f"{e.label}:{e.text!r}" for e in other) if other else ""
            groups[("missed", cls, genre)].append(f"[{path.parent.name}]{how}  {_context(gold.text, g0, g1)}")
        for p in matching.spurious:
            cls = matching.primary.get(p.label, p.label)
            hit = [g for g in gold.entities if min(p.end, g[1]) - max(p.start, g[0]) > 0]
            how = " over " + ",".join(f"{c}:{t!r}" for _a, _b, c, t in hit) if hit else ""
            groups[("spurious", cls, genre)].append(
                f"[{path.parent.name}] {p.label}{how}  {_context(gold.text, p.start, p.end)}")
    totals: dict[tuple[str, str], int] = defaultdict(int)
    for (kind, cls, genre), lines in sorted(groups.items()):
        if (args.kind and kind != args.kind) or (args.cls and cls != args.cls):
            continue
        totals[(kind, cls)] += len(lines)
        print(f"== {kind} {cls} in {genre}: {len(lines)}")
        print("\n".join("   " + line for line in lines))
    print("\n== totals")
    for (kind, cls), n in sorted(totals.items()):
        print(f"   {kind:<9} {cls:<11} {n}")


if __name__ == "__main__":
    main()
