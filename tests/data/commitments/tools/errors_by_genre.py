"""False positives and misses of the commitments extractor, by genre, on one or more gold sets (issue 16).

Usage, from the repository root (DEV sets only: never a held-out or validation set):

    PYTHONPATH=. python tests/data/commitments/tools/errors_by_genre.py dev_round6 heldout_round3 [--tp]

Prints each set's P/R (span overlap + action, as ``briefing-app eval-commitments``), then a count of errors per
genre and kind, then every error as ``set  genre  FP|FN  file  [action] who=... 'clause'``. Genres come from the
``index.json`` of the text folders that have one (``gold_round6``, ``gold_heldout_round2``); "-" elsewhere.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from briefing_app.domain.text import normalize_text
from briefing_app.nlp.analyzer import create_analyzer
from briefing_app.nlp.commitment_eval import Score, tally

DATA = Path(__file__).resolve().parents[2]
GOLD = DATA / "commitments"
#: Each dev set: its gold folder and the folders holding its texts.
SETS = {
    "dev": (GOLD / "dev", [DATA / "gold", DATA / "gold_round3"]),
    "dev_round4": (GOLD / "dev_round4", [DATA / "gold_round4"]),
    "dev_round6": (GOLD / "dev_round6", [DATA / "gold_round6"]),
    "heldout": (GOLD / "heldout", [DATA / "gold_heldout"]),
    "heldout_round2": (GOLD / "heldout_round2", [GOLD / "heldout_round2" / "texts", DATA / "gold_heldout"]),
    "heldout_round3": (GOLD / "heldout_round3", [DATA / "gold_heldout_round2"]),
}


def _genres(folders: list[Path]) -> dict[str, str]:
    out: dict[str, str] = {}
    for folder in folders:
        index = folder / "index.json"
        if index.is_file():
            out.update({f"{k}.txt": v.get("genre", "-") for k, v in json.loads(index.read_text()).items()})
    return out


def main(argv: list[str]) -> int:
    show_tp = "--tp" in argv
    names = [a for a in argv if not a.startswith("--")] or list(SETS)
    unknown = [n for n in names if n not in SETS]
    if unknown:
        print(f"unknown set(s): {', '.join(unknown)}; choose from {', '.join(SETS)}")
        return 2
    analyzer = create_analyzer(None, find_commitments=True)
    if analyzer.mode != "model":
        print(f"commitments need the spaCy model: {analyzer.mode_message}")
        return 2
    rows: list[tuple[str, str, str, str, str]] = []
    for name in names:
        gold_dir, text_dirs = SETS[name]
        genres = _genres(text_dirs)
        score = Score()
        for path in sorted(gold_dir.glob("*.commitments.json")):
            doc = json.loads(path.read_text(encoding="utf-8"))
            text_file = doc["text_file"]
            text_path = next(d / text_file for d in text_dirs if (d / text_file).is_file())
            text = normalize_text(text_path.read_text(encoding="utf-8"))
            gold = doc["commitments"]
            pred = [c.to_json() for c in analyzer.analyze(text).commitments]
            matched_gold, matched_pred = tally(score, gold, pred, use_action=True)
            genre = genres.get(text_file, "-")
            for i, g in enumerate(gold):
                if i not in matched_gold:
                    rows.append((name, genre, "FN", text_file, f"[{g['action']}] {text[g['start']:g['end']][:160]!r}"))
            for i, p in enumerate(pred):
                if i not in matched_pred or show_tp:
                    kind = "FP" if i not in matched_pred else "TP"
                    rows.append((name, genre, kind, text_file,
                                 f"[{p['action']}] who={p['who']} {text[p['start']:p['end']][:160]!r}"))
        print(f"{name:<16} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}  "
              f"TP {score.tp}  FP {score.fp}  FN {score.fn}")
    print()
    for (name, genre, kind), n in sorted(Counter((r[0], r[1], r[2]) for r in rows).items()):
        print(f"{name:<16} {genre:<24} {kind}  {n}")
    print()
    for row in sorted(rows):
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
