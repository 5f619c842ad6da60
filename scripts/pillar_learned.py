"""Does a learned pillar model transfer to unseen text better than the hand lexicon? Leave-one-SET-out test.

Per gold sentence of the six development sets, features are the scorer's own signals -- its decision, its final
(saturated) scores, each sentence's own lexicon scores before the document's context, the document topic's
strengths, position and shape cues -- and hashed stemmed word unigrams and bigrams (``pillars.tokens``). A per-pillar
L2-regularised logistic regression (numpy, full-batch gradient descent; sentences where a pillar is only acceptable
are left out of that pillar's loss) is trained on five sets and decides the sixth, compared with

    a  the current scorer
    b  the learned model alone (probability >= 0.5)
    c  blends: the scorer's choice, a pillar added where the model is confident (p >= HI) and a scorer's pillar
       dropped where the model is sure it is wrong (p <= LO); ``c*`` picks HI/LO by an inner leave-one-set-out on
       the five training sets only (no look at the left-out set).

    PYTHONPATH=. python scripts/pillar_learned.py        # the table (about a minute on a loaded machine)

Result (round 8, 178 dev articles, 3,052 sentences; pillar F1 per left-out set; HI/LO of the blend, "none": the
scorer's pillars are never dropped):

    variant             gold  round3  round4  round6  heldout  heldout2   mean   worst vs a
    a scorer          0.9211  0.8874  0.8096  0.7253  0.8400   0.8247   0.8347   +0.0000
    b learned         0.8988  0.8617  0.8181  0.7019  0.8321   0.8333   0.8243   -0.0257
    c 0.70/none       0.9163  0.8874  0.8195  0.7270  0.8424   0.8322   0.8375   -0.0048
    c 0.80/none       0.9197  0.8864  0.8179  0.7273  0.8435   0.8320   0.8378   -0.0014
    c 0.90/none       0.9229  0.8858  0.8156  0.7287  0.8415   0.8319   0.8377   -0.0015
    c 0.80/0.10       0.9176  0.8858  0.8170  0.7206  0.8473   0.8337   0.8370   -0.0047
    c* nested, all 16 blends      0.9229  0.8864  0.8196  0.7204  0.8424   0.8331   0.8375   -0.0049
    c* nested, add-only (BLENDS=add)  0.9229  0.8864  0.8195  0.7270  0.8424   0.8320   0.8384   -0.0010

The model alone loses (-0.010 mean, -0.026 on gold). Dropping a scorer's pillar where the model disagrees hurts
round 6, so the nested pick over all 16 blends fails there. The add-only blend (the scorer's choice plus any pillar
the model gives p >= HI, HI picked 0.7-0.9 by an inner leave-one-set-out on the training sets only) meets the
adoption rule: round 6 +0.0017, heldout 2 +0.0073, mean +0.0037, worst -0.0010 (gold). Small: a few sentences a set.

Development sets only (the cache of scripts/pillar_transfer.py); never a held-out or validation set.
"""
from __future__ import annotations

import math
import os
import sys
import zlib

import numpy as np

sys.path.insert(0, "scripts")
sys.path.insert(0, ".")
import pillar_transfer as T  # noqa: E402

from briefing_app.nlp import pillar_topic as PT  # noqa: E402
from briefing_app.nlp import pillars as P  # noqa: E402
from briefing_app.nlp.evaluation import passage_counts  # noqa: E402

HASH_DIM = 2048
L2 = 1.0
STEPS = 400
RATE = 0.05
#: BLENDS=add: only the add-only blends (the scorer's pillars never dropped), the nested pick among them too
BLENDS = [(hi, lo) for hi in (0.7, 0.8, 0.9, 1.01)
          for lo in ((-0.01,) if os.environ.get("BLENDS") == "add" else (-0.01, 0.05, 0.1, 0.2))]


def replay(scorer: P.PillarScorer, d: dict) -> tuple[list, dict, list]:
    """The scorer's passages of one cached article, its sentences' own raw scores and the document topic."""
    seen: dict = {}
    orig = PT.DocumentTopic.build.__func__  # type: ignore[attr-defined]

    def build(cls, sc, text, spans, scored, labels, bodies):
        topic = orig(cls, sc, text, spans, scored, labels, bodies)
        seen.update(topic=topic, scored=list(scored), labels=labels)
        return topic
    PT.DocumentTopic.build = classmethod(build)  # type: ignore[method-assign,assignment]
    try:
        ps = scorer.passages(d["gold"].text, d["spans"], d["ep"], d["sp"])
    finally:
        PT.DocumentTopic.build = classmethod(orig)  # type: ignore[method-assign,assignment]
    return ps, seen, d["spans"]


def features(scorer: P.PillarScorer, d: dict) -> tuple[list[np.ndarray], list[set], list[set], list[set]]:
    """One feature row per gold sentence, the scorer's choice, the required and the acceptable pillars."""
    order = [p.id for p in scorer.pillars]
    ps, seen, spans = replay(scorer, d)
    topic = seen["topic"]
    own = {s[0]: item for s, item in zip(spans, seen["scored"], strict=True)}
    labels = seen["labels"]
    g = d["gold"]
    n = max(len(g.sentences), 1)
    rows, chosen_all, req, acc_all = [], [], [], []
    for i, (s0, s1, exp, acc) in enumerate(g.sentences):
        chosen: set[str] = set()
        final = dict.fromkeys(order, 0.0)
        mine = dict.fromkeys(order, 0.0)
        furniture = 1.0
        turn = 0.0
        for p in ps:
            if passage_counts(p, s0, s1):
                chosen.update(p.pillars)
                for k, v in p.scores.items():
                    final[k] = max(final[k], v)
                item = own.get(p.start)
                if item is not None:
                    furniture = 0.0
                    for k, v in item[0].items():
                        mine[k] = max(mine[k], 1 - math.exp(-v / scorer.saturation))
                if p.start in labels:
                    turn = 1.0
        text = g.text[s0:s1]
        toks = P.tokens(text)
        dense = ([1.0 if k in chosen else 0.0 for k in order] + [final[k] for k in order] + [mine[k] for k in order]
                 + [topic.strength.get(k, 0.0) for k in order] + [1.0 if k in topic.pillars else 0.0 for k in order]
                 + [i / n, 1.0 if i == 0 else 0.0, furniture, turn, math.log1p(len(toks)),
                    1.0 if text.rstrip().endswith("?") else 0.0, 1.0 if "\n" in g.text[max(0, s0 - 2):s0] else 0.0])
        hashed = np.zeros(HASH_DIM)
        words = [t for t in toks if t not in P.STOPWORDS]
        for gram in words + [a + " " + b for a, b in zip(words, words[1:], strict=False)]:
            hashed[zlib.crc32(gram.encode()) % HASH_DIM] = 1.0
        rows.append(np.concatenate([np.array(dense), hashed]))
        chosen_all.append(chosen)
        req.append(set(exp))
        acc_all.append(set(acc) - set(exp))
    return rows, chosen_all, req, acc_all


class Model:
    """Per-pillar logistic regressions on standardised dense features and binary hashed features."""

    def __init__(self, order: list[str]) -> None:
        self.order = order

    def fit(self, X: np.ndarray, req: list[set], acc: list[set]) -> Model:
        n_dense = X.shape[1] - HASH_DIM
        self.mu = np.zeros(X.shape[1])
        self.sd = np.ones(X.shape[1])
        self.mu[:n_dense] = X[:, :n_dense].mean(0)
        self.sd[:n_dense] = X[:, :n_dense].std(0) + 1e-6
        Z = (X - self.mu) / self.sd
        Y = np.array([[1.0 if k in r else 0.0 for k in self.order] for r in req])
        M = np.array([[0.0 if k in a else 1.0 for k in self.order] for a in acc])  # acceptable: out of the loss
        W = np.zeros((Z.shape[1], len(self.order)))
        b = np.log((Y.mean(0) + 1e-3) / (1 - Y.mean(0) + 1e-3))
        m1, v1, mb, vb = np.zeros_like(W), np.zeros_like(W), np.zeros_like(b), np.zeros_like(b)
        n = len(Z)
        for t in range(1, STEPS + 1):  # Adam, full batch (deterministic)
            p = 1 / (1 + np.exp(-(Z @ W + b)))
            G = (p - Y) * M / n
            gW = Z.T @ G + L2 * W / n
            gb = G.sum(0)
            m1 = 0.9 * m1 + 0.1 * gW
            v1 = 0.999 * v1 + 0.001 * gW ** 2
            mb = 0.9 * mb + 0.1 * gb
            vb = 0.999 * vb + 0.001 * gb ** 2
            W -= RATE * (m1 / (1 - 0.9 ** t)) / (np.sqrt(v1 / (1 - 0.999 ** t)) + 1e-8)
            b -= RATE * (mb / (1 - 0.9 ** t)) / (np.sqrt(vb / (1 - 0.999 ** t)) + 1e-8)
        self.W, self.b = W, b
        return self

    def proba(self, X: np.ndarray) -> np.ndarray:
        return 1 / (1 + np.exp(-(((X - self.mu) / self.sd) @ self.W + self.b)))


def f1(preds: list[set], req: list[set], acc: list[set]) -> float:
    return T.sentence_f1(zip(preds, req, acc, strict=True))


def blend(chosen: list[set], prob: np.ndarray, order: list[str], hi: float, lo: float) -> list[set]:
    out = []
    for c, row in zip(chosen, prob, strict=True):
        s = {k for k in c if row[order.index(k)] > lo} | {k for j, k in enumerate(order) if row[j] >= hi}
        out.append(s)
    return out


def learned(prob: np.ndarray, order: list[str], cut: float = 0.5) -> list[set]:
    return [{k for j, k in enumerate(order) if row[j] >= cut} for row in prob]


def main() -> None:
    data = T.load()
    scorer = P.default_scorer()
    order = [p.id for p in scorer.pillars]
    per_set: dict[str, tuple] = {}
    for s in T.SETS:
        X, C, R, A = [], [], [], []
        for (ss, _name), d in sorted(data.items(), key=lambda kv: kv[0]):
            if ss != s:
                continue
            rows, ch, rq, ac = features(scorer, d)
            X += rows
            C += ch
            R += rq
            A += ac
        per_set[s] = (np.array(X), C, R, A)
        print(f"{s}: {len(C)} sentences", file=sys.stderr)

    def stack(sets: list[str]) -> tuple:
        return (np.vstack([per_set[s][0] for s in sets]), sum((per_set[s][1] for s in sets), []),
                sum((per_set[s][2] for s in sets), []), sum((per_set[s][3] for s in sets), []))

    heads = ["a scorer", "b learned"] + [f"c {hi:.2f}/{lo:.2f}" for hi, lo in BLENDS] + ["c* nested"]
    table: dict[str, list[float]] = {h: [] for h in heads}
    picks = []
    for s in T.SETS:
        train = [t for t in T.SETS if t != s]
        X, C, R, A = stack(train)
        model = Model(order).fit(X, R, A)
        Xs, Cs, Rs, As = per_set[s]
        prob = model.proba(Xs)
        table["a scorer"].append(f1(Cs, Rs, As))
        table["b learned"].append(f1(learned(prob, order), Rs, As))
        for hi, lo in BLENDS:
            table[f"c {hi:.2f}/{lo:.2f}"].append(f1(blend(Cs, prob, order, hi, lo), Rs, As))
        # nested: choose the blend by leave-one-set-out within the five training sets
        gains = {bl: [] for bl in BLENDS}
        for inner in train:
            rest = [t for t in train if t != inner]
            Xi, Ci, Ri, Ai = stack(rest)
            mi = Model(order).fit(Xi, Ri, Ai)
            Xv, Cv, Rv, Av = per_set[inner]
            pv = mi.proba(Xv)
            base = f1(Cv, Rv, Av)
            for bl in BLENDS:
                gains[bl].append(f1(blend(Cv, pv, order, *bl), Rv, Av) - base)
        # the rule's own criterion on the inner folds: best mean gain whose worst inner fold loses at most 0.005
        ok = [bl for bl in BLENDS if min(gains[bl]) >= -0.005] or [(1.01, -0.01)]
        pick = max(ok, key=lambda bl: (sum(gains[bl]) / len(gains[bl]), -bl[0], bl[1]))
        picks.append(pick)
        table["c* nested"].append(f1(blend(Cs, prob, order, *pick), Rs, As))
        print(f"{s}: done (nested pick HI/LO {pick})", file=sys.stderr)
    print(f"{'variant':16s} " + " ".join(f"{s[:14]:>14s}" for s in T.SETS) + "       mean   worst-vs-a")
    a = table["a scorer"]
    for h in heads:
        v = table[h]
        worst = min(x - y for x, y in zip(v, a, strict=True))
        print(f"{h:16s} " + " ".join(f"{x:14.4f}" for x in v) + f" {sum(v) / len(v):10.4f} {worst:+10.4f}")
    print("nested picks (HI/LO) per left-out set:", dict(zip(T.SETS, picks, strict=True)))


if __name__ == "__main__":
    main()
