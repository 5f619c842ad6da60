"""Pillar learning curve, fast, and across genres or regions (development sets only; never the held-out ones).

Caches the analyser's inputs to the pillar scorer for every dev article once (in the temp folder), then, per
k = 0, 5, 10, 20 corrected articles, fits the pillar learner on what a perfect officer's corrections leave
(pillar lessons and reviewed sentences, taken from the gold) and re-scores only the pillar passages of the
other articles. Approximates ``briefing-app eval --learning-curve`` for pillars (entity lessons are not
simulated) in about a minute:

    python scripts/pillar_transfer.py dev      # each dev set, 8 seeds
    python scripts/pillar_transfer.py genre    # learn on one genre of all dev sets, score on the others
    python scripts/pillar_transfer.py region   # the same per region
    python scripts/pillar_transfer.py convention  # a synthetic officer with another convention, on real text
"""
from __future__ import annotations

import json
import os
import pickle
import random
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, ".")
from briefing_app.nlp import pillars as P  # noqa: E402
from briefing_app.nlp.evaluation import (  # noqa: E402
    find_gold_files,
    pillar_outcomes,
    read_gold,
    read_index,
    sentence_pillars,
)
from briefing_app.nlp.pillar_learning import PillarExample, PillarLearner  # noqa: E402

#: the analyser's inputs depend on the branch's code: one cache per worktree (PILLAR_TRANSFER_CACHE overrides)
CACHE = Path(os.environ.get("PILLAR_TRANSFER_CACHE") or Path(tempfile.gettempdir())
             / f"pillar_transfer_cache_{zlib.crc32(str(Path.cwd().resolve()).encode()):08x}.pkl")
#: gold_heldout, gold_heldout_round2 and gold_heldout_round3: retired held-out sets, now dev
SETS = ["gold", "gold_round3", "gold_round4", "gold_round6", "gold_heldout", "gold_heldout_round2", "gold_heldout_round3"]


def build_cache():
    from briefing_app.nlp.analyzer import create_analyzer
    calls = {}
    orig = P.PillarScorer.passages

    def rec(self, text, spans, entity_pillars=None, speakers=None):
        calls[text] = (spans, entity_pillars, speakers)
        return orig(self, text, spans, entity_pillars, speakers)
    P.PillarScorer.passages = rec
    an = create_analyzer()
    data = {}
    for s in SETS:
        idx = {}
        for f in find_gold_files(Path("tests/data") / s):
            idx.update({k: v for k, v in read_index(f.parent).items()})
            g = read_gold(f)
            an.analyze(g.text)
            spans, ep, sp = calls[g.text]
            meta = idx.get(f.name.removesuffix(".gold.json"), {"genre": "unknown", "region": "unknown"})
            data[(s, f.name)] = dict(gold=g, spans=spans, ep=ep, sp=sp, genre=meta["genre"], region=meta["region"])
    P.PillarScorer.passages = orig
    CACHE.write_bytes(pickle.dumps(data))
    return data


def load():
    return pickle.loads(CACHE.read_bytes()) if CACHE.exists() else build_cache()


def predicted(scorer, d):
    g = d["gold"]
    ps = scorer.passages(g.text, d["spans"], d["ep"], d["sp"])
    return [sentence_pillars(ps, s0, s1) for s0, s1, _exp, _acc in g.sentences]


def sentence_f1(rows):
    """Micro pillar F1 over (predicted, expected, acceptable) sentence rows, scored as ``briefing-app eval`` does."""
    counts = Counter(outcome for pr, exp, acc in rows for _p, outcome in pillar_outcomes(exp, pr, acc))
    tp = counts["tp"]
    return 2 * tp / (2 * tp + counts["fp"] + counts["fn"]) if tp else 0.0


def f1(scorer, docs):
    return sentence_f1((pr, exp, acc) for d in docs
                       for (_s0, _s1, exp, acc), pr in zip(d["gold"].sentences, predicted(scorer, d), strict=False))


def train_material(base, docs, start_id=0):
    """What a perfect officer's corrections leave: lessons and reviewed sentences."""
    lessons, reviewed = [], []
    for i, d in enumerate(docs):
        g = d["gold"]
        pred = predicted(base, d)
        for (s0, s1, exp, acc), pr in zip(g.sentences, pred, strict=False):
            text = g.text[s0:s1]
            for p in sorted(pr - exp - acc):
                lessons.append((text, p, False, ""))
            for p in sorted(exp - pr):
                lessons.append((text, p, True, ""))
            labels = frozenset(exp | (pr & acc))
            inside = ()
            for a, b, ents in d["spans"]:
                if a < s1 and s0 < b:
                    inside = tuple(ents)
                    break
            reviewed.append(PillarExample(start_id + i, text, labels, inside, g.text, s0, s1))
    return lessons, reviewed


def knobs():
    """Settings to try, e.g. KNOBS=ADOPT_MARGIN=2,MIN_ARTICLES=5 (constants of pillar_learning or pillar_calibration,
    or neighbour knobs)."""
    import briefing_app.nlp.pillar_calibration as PC
    import briefing_app.nlp.pillar_learning as PL
    for kv in os.environ.get("KNOBS", "").split(","):
        if kv:
            k, v = kv.split("=")
            if k in PL.NEIGHBOUR_KNOBS:
                PL.NEIGHBOUR_KNOBS[k] = float(v)
            else:
                setattr(PC if hasattr(PC, k) else PL, k, float(v))


def curve(base, train, test, steps=(0, 5, 10, 20)):
    out = []
    ep = train[0]["ep"] if train else None
    for k in steps:
        if k == 0:
            out.append(f1(base, test))
            continue
        lessons, reviewed = train_material(base, train[:k])
        if not lessons:
            out.append(f1(base, test))
            continue
        learner = PillarLearner.build(lessons, base, reviewed, ep)
        out.append(f1(base.with_learner(learner), test))
    return out


def relabelled(officer, d):
    """``d`` with its sentences' pillars as ``officer`` gives them (nothing merely acceptable)."""
    g = d["gold"]
    sentences = [(s0, s1, frozenset(pr), frozenset()) for (s0, s1, _e, _a), pr in zip(g.sentences, predicted(officer, d), strict=False)]
    return {**d, "gold": SimpleNamespace(text=g.text, sentences=sentences)}


def main():
    data = load()
    knobs()
    base = P.default_scorer()
    seeds = [13, 1, 2, 3, 4, 5, 6, 7][:int(os.environ.get("SEEDS", "8"))]
    mode = sys.argv[1] if len(sys.argv) > 1 else "dev"
    results = {}
    if mode == "dev":
        # a name with "+" (gold+gold_round3) is those sets together, split as ``eval --learning-curve A B`` does
        for s in os.environ.get("ONLY", "").split(",") if os.environ.get("ONLY") else SETS:
            files = sorted(k for k in data if k[0] in s.split("+"))
            rows = []
            for seed in seeds:
                order = list(files)
                random.Random(seed).shuffle(order)
                size = min(20, len(order) // 2)
                train = [data[k] for k in order[:size]]
                test = [data[k] for k in order[size:]]
                rows.append(curve(base, train, test))
            results[s] = rows
    elif mode == "convention":
        # a synthetic officer on real text: the dev articles tagged as the scorer would with one convention
        # changed (lends the topic readily / never, a second pillar readily), learned from k of them
        # CONVENTIONS='[{"relative_cut": 0.5}, ...]' (JSON) for others, e.g. officers who give more pillars
        for conv in (json.loads(os.environ["CONVENTIONS"]) if os.environ.get("CONVENTIONS") else
                     ({"topic.NOCUE_SHARE": 0.4}, {"topic.TOPIC_SHARE": 0.6}, {"relative_cut": 0.6})):
            officer = base.with_settings(conv)
            for s in os.environ.get("ONLY", "gold_round4,gold_round6").split(","):
                files = sorted(n for (ss, n) in data if ss == s)
                docs = {n: relabelled(officer, data[(s, n)]) for n in files}
                rows = []
                for seed in seeds:
                    order = list(files)
                    random.Random(seed).shuffle(order)
                    size = min(20, len(order) // 2)
                    rows.append(curve(base, [docs[n] for n in order[:size]], [docs[n] for n in order[size:]]))
                results[f"{s} {conv}"] = rows
    else:  # cross: learn on one genre (or region) of all dev sets, score on the others
        key = "genre" if mode == "genre" else "region"
        groups = {}
        for k, d in data.items():
            groups.setdefault(d[key], []).append(k)
        for grp, keys in sorted(groups.items()):
            if len(keys) < 6:
                continue
            others = [data[k] for k in data if data[k][key] != grp]
            rows = []
            for seed in seeds[:5]:
                order = sorted(keys)
                random.Random(seed).shuffle(order)
                rows.append(curve(base, [data[k] for k in order[:20]], others))
            results[f"{key}={grp}({len(keys)})"] = rows
    worst_drop = 0.0
    for name, rows in results.items():
        n = len(rows)
        mean = [sum(r[i] for r in rows) / n for i in range(4)]
        ends = [r[-1] - r[0] for r in rows]
        drops = [min(0.0, min(r[i] - r[i - 1] for i in range(1, 4))) for r in rows]  # the worst fall between steps
        worst_drop = min(worst_drop, min(drops))
        print(f"{name:28s} mean " + " ".join(f"{m:.4f}" for m in mean)
              + f" | k20-k0 mean {sum(ends)/n:+.4f} worst {min(ends):+.4f} | worst dip {min(drops):+.4f}")
        if os.environ.get("VERBOSE"):
            for seed, r in zip(seeds, rows, strict=False):
                print(f"    seed {seed:>2}: " + " ".join(f"{v:.4f}" for v in r))
    print(f"WORST DIP {worst_drop:+.4f}")


if __name__ == "__main__":
    main()
