"""Why the pillar learning curve does (not) move: what the learner adopts, what it could gain, how far from adoption.

Development sets only (the cache of ``scripts/pillar_transfer.py``). For each set and seed, at k corrected articles:

* what the learner adopts (calibrated settings, pillars whose learned cues are kept, removed cues);
* for each calibration candidate: its ORACLE gain (pillar F1 on the scored articles themselves with the candidate
  applied: a diagnostic of what the family could give, never an adoption rule) and its evidence on the k reviewed
  articles (pooled F1 gain, sentences decided better / worse and the sign test's p, articles better / worse);
* for the learned cues: the left-out sentences they fix and break per pillar (adoption needs fixes - breaks >=
  ``ADOPT_MARGIN`` and fixes >= ``ADOPT_RATIO`` x breaks) and the oracle of all of them, unjudged.

    python scripts/pillar_diagnose.py            # the dev mix and the three retired held-out sets, k = 10, 20
    ONLY=gold_heldout STEPS=20 TOP=8 python scripts/pillar_diagnose.py
"""
from __future__ import annotations

import os
import random
import sys
from collections import defaultdict

sys.path.insert(0, ".")
sys.path.insert(0, "scripts")
import pillar_transfer as T  # noqa: E402

from briefing_app.nlp import pillar_calibration as PC  # noqa: E402
from briefing_app.nlp import pillar_learning as PL  # noqa: E402
from briefing_app.nlp import pillars as P  # noqa: E402

SETS = "gold+gold_round3+gold_round4+gold_round6,gold_heldout,gold_heldout_round2,gold_heldout_round3"


def cue_evidence(reviewed, scorer, ep, folds=10):
    """Per pillar: (left-out sentences fixed, broken) by the learned cues, as ``fit_learned_cues`` judges them."""
    rows = PL._rows(reviewed, scorer, ep)
    pillars = [p.id for p in scorer.pillars]
    arts = sorted({r.article for r in rows})
    fixes, breaks = defaultdict(int), defaultdict(int)
    for held in [arts[i::folds] for i in range(min(folds, len(arts)))]:
        part = PL.fit_cues([r for r in rows if r.article not in held], pillars, scorer.threshold)
        PL.tally_left_out(rows, set(held), PL.learned_only(part), scorer, pillars, fixes, breaks)
    return {p: (fixes[p], breaks[p]) for p in pillars if fixes[p] or breaks[p]}


def main():
    data = T.load()
    base = P.default_scorer()
    fast = PC._memoised(base)
    top = int(os.environ.get("TOP", "5"))
    steps = [int(k) for k in os.environ.get("STEPS", "10,20").split(",")]
    for s in os.environ.get("ONLY", SETS).split(","):
        files = sorted(k for k in data if k[0] in s.split("+"))
        print(f"=== {s} ({len(files)} articles)")
        for seed in (13, 1, 2)[:int(os.environ.get("SEEDS", "3"))]:
            order = list(files)
            random.Random(seed).shuffle(order)
            size = min(20, len(order) // 2)
            train, test = [data[k] for k in order[:size]], [data[k] for k in order[size:]]
            ep = train[0]["ep"]
            f0 = T.f1(fast, test)
            for k in steps:
                lessons, reviewed = T.train_material(base, train[:k])
                learner = PL.PillarLearner.build(lessons, base, reviewed, ep)
                cues = learner.cues
                n = sum(len(v) for v in cues.cues.values()) if cues else 0
                drops = {p: sorted(v) for p, v in cues.drops.items()} if cues else {}
                print(f" seed {seed} k={k}: F1(k=0) {f0:.4f}; settings {learner.settings}; {n} learned cues, "
                      f"adopted for {sorted(learner.adopted)}; removed {drops}")
                arts = PC._articles(reviewed)
                now = PC._counts(fast, arts, ep)
                keys = list(now)
                rows = []
                for name, step in PC.CANDIDATES:
                    value = round(max(0.0, PC.setting(base, name) + step), 3)
                    scorer = fast.with_settings({name: value})
                    c = PC._counts(scorer, arts, ep)
                    pairs = [(PC._score(a), PC._score(b)) for key in keys for a, b in zip(c[key], now[key], strict=True)]
                    better, worse = sum(a > b for a, b in pairs), sum(a < b for a, b in pairs)
                    art_b = sum(PC._f1(c[key]) > PC._f1(now[key]) for key in keys)
                    art_w = sum(PC._f1(c[key]) < PC._f1(now[key]) for key in keys)
                    gain = PC._f1(PC._flat(c, keys)) - PC._f1(PC._flat(now, keys))
                    rows.append((T.f1(scorer, test) - f0, f"{name} {step:+.2f}", gain, better, worse,
                                 PC.sign_test(better, worse), art_b, art_w))
                rows.sort(key=lambda r: -r[0])
                for r in rows[:top]:
                    print(f"    {r[1]:>28s}: oracle {r[0]:+.4f} | reviewed: F1 {r[2]:+.4f}, sentences {r[3]}/{r[4]} "
                          f"p={r[5]:.3f}, articles {r[6]}/{r[7]}")
                model = PL.fit_learned_cues(reviewed, base, ep, judge=False)
                if model is not None:
                    unjudged = PL.PillarLearner(cues=PL.CueModel(cues=model.cues, alone=model.alone,
                                                                 adopted=model.adopted, min_hits=model.min_hits))
                    print(f"    learned cues unjudged: oracle {T.f1(base.with_learner(unjudged), test) - f0:+.4f}; "
                          f"left-out fixed/broken {cue_evidence(reviewed, base, ep)}")


if __name__ == "__main__":
    main()
