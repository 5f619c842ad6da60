"""Robustness of the lessons to an officer's convention slips (issue 13, round 16).

Copies dev gold folders into a temporary folder and injects a few convention slips into the articles the
simulated officer corrects (never into the scored ones): in one of every ``--every`` corrected articles, one
place or date tag is grown by the lower-case word on its left ("the West Bank", "by 2035") or a date frame is
cut to its number or name ("the end of 2027" -> "2027"). Then runs the learning curve's machinery on the same
splits twice, with the clean and with the slipped gold, and prints strict F1 on the untouched scored articles.
The slips must not make it fall.

    PYTHONHASHSEED=0 PYTHONPATH=$PWD python scripts/lesson_slips.py tests/data/gold tests/data/gold_round3 \\
        tests/data/gold_round4 tests/data/gold_round6 --seeds 3

Dev folders only: never run it on a held-out or validation set.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

from briefing_app.nlp.analyzer import create_analyzer
from briefing_app.nlp.evaluation import find_gold_files
from briefing_app.services.learning_curve import DEFAULT_STEPS, CurvePoint, learning_curve, split_gold

#: Slip kinds, taken in turn (the next one when an article offers none of a kind).
KINDS = ("place_the", "date_by", "date_frame")


def _slip(gold: dict[str, object], raw: str, kind: str) -> bool:
    """Inject one slip of ``kind`` into ``gold`` (entities of the text ``raw``); False when none fits."""
    entities = gold.get("entities")
    assert isinstance(entities, list)
    for ent in entities:
        start, end, label, text = ent["start"], ent["end"], ent["label"], ent.get("text", "")
        if raw[start:end] != text:
            continue  # offsets of a normalised text: leave it
        if kind in ("place_the", "date_by"):
            word = "the " if kind == "place_the" else "by "
            wanted = "PLACE" if kind == "place_the" else "DATE"
            at = start - len(word)
            if label == wanted and at >= 0 and raw[at:start] == word and (at == 0 or not raw[at - 1].isalnum()):
                ent["start"], ent["text"] = at, raw[at:end]
                return True
        elif label == "DATE":
            words = text.split()
            i = next((n for n, w in enumerate(words) if w[:1].isdigit() or w[:1].isupper()), -1)
            if i >= 2 and all(w.isalpha() and w.islower() for w in words[:i]):
                cut = text.index(words[i], len(" ".join(words[:i])))
                ent["start"], ent["text"] = start + cut, text[cut:]
                return True
    return False


def inject(train: list[Path], every: int) -> list[tuple[str, str]]:
    """Slip one tag in one article of every ``every`` of ``train`` (files rewritten in place); the slips made.

    The kinds are taken in turn, window by window: the first article of a window that offers the window's kind
    gets it (dates are rarer than places), else the window's first article gets a slip of any kind it offers.
    """
    made = []
    for window, at in enumerate(range(0, len(train), every)):
        paths = train[at:at + every]
        preferred = KINDS[window % len(KINDS)]
        tries = [(p, preferred) for p in paths] + [(paths[0], k) for k in KINDS if k != preferred]
        for path, kind in tries:
            gold = json.loads(path.read_text(encoding="utf-8"))
            raw = (path.parent / gold["text_file"]).read_text(encoding="utf-8")
            if _slip(gold, raw, kind):
                path.write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
                made.append((path.name, kind))
                break
    return made


def _mean(points: list[list[CurvePoint]], attr: str) -> list[float]:
    return [sum(getattr(run[i], attr) for run in points) / len(points) for i in range(len(points[0]))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="+", type=Path)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--every", type=int, default=5, help="slip one tag in one of every N corrected articles")
    parser.add_argument("--slipped-only", action="store_true",
                        help="skip the clean run (its figures are the learning curve's own: eval --learning-curve)")
    args = parser.parse_args(argv)
    analyzer = create_analyzer()
    seeds = [13, *range(1, args.seeds)][:args.seeds]
    clean_runs, slipped_runs, slips = [], [], []
    with tempfile.TemporaryDirectory(prefix="lesson-slips-") as tmp:
        for variant in ("slipped",) if args.slipped_only else ("clean", "slipped"):
            root = Path(tmp) / variant
            for folder in args.gold_dir:
                shutil.copytree(folder, root / folder.name, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
            files = [f for folder in args.gold_dir for f in find_gold_files(root / folder.name)]
            for seed in seeds:
                train, test = split_gold(files, seed=seed)
                if variant == "slipped":
                    # a fresh copy per seed: another split corrects other articles
                    for folder in args.gold_dir:
                        shutil.rmtree(root / folder.name)
                        shutil.copytree(folder, root / folder.name, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
                    made = inject(train, args.every)
                    slips.append(made)
                    print(f"seed {seed}: {len(made)} slips: " + ", ".join(k for _n, k in made), file=sys.stderr)
                curve = learning_curve(train, test, analyzer, DEFAULT_STEPS)
                (clean_runs if variant == "clean" else slipped_runs).append(curve.points)
                print(f"{variant} seed {seed}: " + "  ".join(f"k={p.corrected} {p.strict_f1:.4f}" for p in curve.points),
                      file=sys.stderr)
    if not clean_runs:
        clean_runs = slipped_runs  # nothing to compare with here: the diff column reads 0
    ks = [p.corrected for p in clean_runs[0]]
    clean, slipped = _mean(clean_runs, "strict_f1"), _mean(slipped_runs, "strict_f1")
    clean_e, slipped_e = _mean(clean_runs, "entity_f1"), _mean(slipped_runs, "entity_f1")
    print(f"Slips injected over {len(seeds)} splits: {sum(map(len, slips))} "
          f"({', '.join(f'{k} {sum(x == k for s in slips for _n, x in s)}' for k in KINDS)})")
    print(f"{'k':>4} {'strict clean':>13} {'strict slipped':>15} {'diff':>8} {'entity clean':>13} {'entity slipped':>15}"
          f" {'made clean':>11} {'made slipped':>13}")
    for i, k in enumerate(ks):
        made_c = sum(run[i].mistakes_made for run in clean_runs)
        made_s = sum(run[i].mistakes_made for run in slipped_runs)
        print(f"{k:>4} {clean[i]:>13.4f} {slipped[i]:>15.4f} {slipped[i] - clean[i]:>+8.4f} {clean_e[i]:>13.4f} "
              f"{slipped_e[i]:>15.4f} {made_c:>11} {made_s:>13}")
    print("per split, strict clean/slipped: " + "  ".join(
        f"seed {s}: " + " ".join(f"k={c.corrected} {c.strict_f1:.4f}/{d.strict_f1:.4f}" for c, d in zip(cr, sr, strict=True))
        for s, cr, sr in zip(seeds, clean_runs, slipped_runs, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
