"""Does a learned pillar layer transfer to unseen text? Leave-one-SET-out test.

Per passage of the six development sets, the layer's features (the scorer's decision and scores for the passage and
its neighbours, the document's pillar shares, entity classes, shape and genre cues, hashed stemmed words) and a
per-pillar logistic regression trained on five sets decide the sixth. The scorer's passages are corrected --
a pillar ADDED where the model gives p >= ADD, a scorer's pillar REMOVED where p <= DROP -- and scored per gold
sentence as ``briefing-app eval`` does. The blend (ADD, DROP) of the "nested" row is picked by an inner
leave-one-set-out on the five training sets only (never a look at the left-out set): the best mean inner gain
whose worst inner set loses at most 0.003.

    PYTHONPATH=. OPENBLAS_NUM_THREADS=1 python scripts/pillar_learned.py          # the table (~15 min, loaded machine)
    NESTED=0 ... python scripts/pillar_learned.py                                 # fixed blends only (~3 min)

Result (wave 9, 178 dev articles, 3,298 scored passages; pillar F1 per left-out set; L2 = 3):

    variant        gold    round3    round4    round6   heldout  heldout2     mean     gain    worst
    scorer       0.9211    0.8874    0.8096    0.7253    0.8400    0.8247   0.8347  +0.0000  +0.0000
    nested       0.9187    0.8995    0.8188    0.7353    0.8412    0.8345   0.8413  +0.0067  -0.0024
    0.80/0.03    0.9202    0.9021    0.8188    0.7367    0.8458    0.8340   0.8429  +0.0083  -0.0009
    0.85/0.03    0.9212    0.8995    0.8165    0.7387    0.8446    0.8345   0.8425  +0.0078  +0.0001
    0.90/-0.01   0.9222    0.8950    0.8160    0.7370    0.8412    0.8364   0.8413  +0.0066  +0.0011
    nested picks: gold 0.80/0.06, round3 0.85/0.03, round4 0.80/0.03, round6 0.85/0.06, heldout 0.90/-0.01,
                  heldout2 0.85/0.03
    per genre, left out, scorer -> nested: round 6 debate 0.609 -> 0.651, transcript 0.753 -> 0.770, communique
    0.746 -> 0.756, analysis 0.714 -> 0.699, release 0.914 -> 0.889, wire 0.936 -> 0.918 (one article each),
    news 0.558 =; heldout 2 release 0.837 -> 0.858, communique 0.893 -> 0.907, news 0.830 -> 0.843, wire 0.863
    -> 0.871, analysis 0.839 -> 0.846, debate 0.751 -> 0.754, transcript 0.779 -> 0.779.

The honest (nested) gain is +0.0067 with no set worse than -0.0024: nearly twice the round-8 add-only blend
(+0.0037) but short of the +0.008 adoption bar; a fixed blend reaches +0.008 only when picked on the left-out sets
themselves. L2 = 3 was chosen among 1, 3, 10, 50 on the fixed-blend rows (L2 = 1: nested +0.0052, worst -0.0042;
10: +0.006 at best; 50: +0.002); without the hashed words the best blend gains +0.004; 800 steps instead of 400
change nothing. Removing a scorer's pillar alone (ADD 1.01) never gains; beside additions at DROP 0.03 it helps
heldout and round 3 and costs round 6. A pillar inherited from the sentence before is never removed (the layer
reads only the passage's own words and its neighbours' decisions). Wired into the analysis as a trial, the layer
also changed three made-up tests' decisions (a reporter's question given energy, a rules-only headline losing
defence) -- one more reason it is not shipped.

Development sets only (the cache of scripts/pillar_transfer.py); never a held-out or validation set.
"""
from __future__ import annotations

import argparse
import math
import os
import sys
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

sys.path.insert(0, "scripts")
sys.path.insert(0, ".")
import pillar_transfer as T  # noqa: E402

from briefing_app.nlp import pillars as P  # noqa: E402
from briefing_app.nlp.evaluation import passage_counts, sentence_pillars  # noqa: E402
from briefing_app.nlp.pillars import STOPWORDS, tokens  # noqa: E402
from briefing_app.nlp.transcript import speaker_labels  # noqa: E402
from briefing_app.nlp.types import EntitySpan, Passage  # noqa: E402

#: hashed stemmed words and word pairs
HASH_DIM = 2048
#: entity classes counted per sentence
ENTITY_CLASSES = ("GPE", "ORG", "PERSON", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "MONEY", "PERCENT")
#: the reasons the scorer gives that say where a pillar came from (inherited, lent by the topic, the headline)
REASON_CUES = ("continues the previous sentence", "answers the question before it", "the document's subject",
               "the headline's subject", "two parties in the headline", "a question about a partner")
#: the reasons of a pillar inherited from the passage before (never removed by the layer)
INHERITED = ("continues the previous sentence", "answers the question before it")
#: the reason shown for a pillar the layer added
ADDED_REASON = "like the passages it was trained on"


def _dense_size(k: int) -> int:
    return len(dense_names(k))


def dense_names(k: int) -> list[str]:
    """Names of the dense features (``k`` pillars), for reading the weights."""
    names = []
    for group in ("chosen", "score", "rel", "prev", "next", "prev_score", "next_score", "prev2", "next2",
                  "doc_share", "doc_mean", "doc_max_run"):
        names += [f"{group}:{i}" for i in range(k)]
    names += [f"ent:{c}" for c in ENTITY_CLASSES] + [f"why:{r}" for r in REASON_CUES]
    names += ["position", "first", "last", "scored", "n_chosen", "log_tokens", "question", "line_start", "turn",
              "prev_question", "doc_turns", "doc_questions", "log_passages", "has_digit", "quote", "prev_scored",
              "next_scored", "same_line_prev"]
    return names


def passage_features(text: str, passages: Sequence[Passage], spans: Sequence[tuple[int, int, Sequence[EntitySpan]]],
                     order: Sequence[str], turn_starts: set[int]) -> np.ndarray:
    """One feature row per passage of one document (``spans`` aligned with ``passages``)."""
    k = len(order)
    n = len(passages)
    index = {p: j for j, p in enumerate(order)}
    chosen = np.zeros((n + 4, k))  # two empty rows of padding either side
    score = np.zeros((n + 4, k))
    scored = np.zeros(n + 4)
    question = np.zeros(n + 4)
    for i, p in enumerate(passages):
        for pid in p.pillars:
            chosen[i + 2, index[pid]] = 1.0
        for pid, v in p.scores.items():
            if pid in index:
                score[i + 2, index[pid]] = v
        scored[i + 2] = 1.0 if p.scores or p.pillars else 0.0
        question[i + 2] = 1.0 if text[p.start:p.end].rstrip().endswith("?") else 0.0
    body = slice(2, n + 2)
    share = chosen[body].mean(0) if n else np.zeros(k)
    mean = score[body].mean(0) if n else np.zeros(k)
    # the longest run of consecutive passages carrying each pillar (a passage's sentences share one), as a share
    run_max = np.zeros(k)
    run = np.zeros(k)
    for i in range(n):
        run = (run + 1) * chosen[i + 2]
        run_max = np.maximum(run_max, run)
    run_max = np.log1p(run_max)
    doc_turns = len(turn_starts) / max(n, 1)
    doc_questions = float(question[body].mean()) if n else 0.0
    rows = np.zeros((n, _dense_size(k) + HASH_DIM))
    for i, p in enumerate(passages):
        r = i + 2
        snippet = text[p.start:p.end]
        top = score[r].max()
        rel = score[r] / top if top > 0 else np.zeros(k)
        ents = spans[i][2] if i < len(spans) else ()
        ent_counts = [math.log1p(sum(1 for e in ents if e.label == c)) for c in ENTITY_CLASSES]
        why = [1.0 if reason in p.why else 0.0 for reason in REASON_CUES]
        toks = tokens(snippet)
        before = text[max(0, p.start - 2):p.start]
        prev_end = passages[i - 1].end if i else 0
        dense = np.concatenate([
            chosen[r], score[r], rel, chosen[r - 1], chosen[r + 1], score[r - 1], score[r + 1], chosen[r - 2],
            chosen[r + 2], share, mean, run_max, ent_counts, why,
            [i / max(n, 1), 1.0 if i == 0 else 0.0, 1.0 if i == n - 1 else 0.0, scored[r], len(p.pillars),
             math.log1p(len(toks)), question[r], 1.0 if (p.start == 0 or "\n" in before) else 0.0,
             1.0 if p.start in turn_starts else 0.0, question[r - 1], doc_turns, doc_questions, math.log1p(n),
             1.0 if any(c.isdigit() for c in snippet) else 0.0,
             1.0 if any(q in snippet for q in "\"“”") else 0.0, scored[r - 1], scored[r + 1],
             1.0 if i and "\n" not in text[prev_end:p.start] else 0.0]])
        rows[i, :len(dense)] = dense
        words = [t for t in toks if t not in STOPWORDS]
        for gram in words + [a + " " + b for a, b in zip(words, words[1:], strict=False)]:
            rows[i, len(dense) + zlib.crc32(gram.encode()) % HASH_DIM] = 1.0
    return rows


@dataclass
class LayerModel:
    """Per-pillar logistic regressions on standardised dense features and binary hashed features."""

    order: list[str]
    mu: np.ndarray
    sd: np.ndarray
    W: np.ndarray
    b: np.ndarray
    add_at: float = 1.01
    drop_at: float = -0.01

    def proba(self, X: np.ndarray) -> np.ndarray:
        """Each row's probability of each pillar (rows x pillars)."""
        z = ((X - self.mu) / self.sd) @ self.W + self.b
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit(X: np.ndarray, order: list[str], req: Sequence[set[str]], acc: Sequence[set[str]], *, l2: float = 1.0,
        steps: int = 400, rate: float = 0.05) -> LayerModel:
    """Fit the regressions (Adam, full batch, deterministic); a pillar only acceptable for a row is out of its loss."""
    n_dense = X.shape[1] - HASH_DIM
    mu = np.zeros(X.shape[1])
    sd = np.ones(X.shape[1])
    mu[:n_dense] = X[:, :n_dense].mean(0)
    sd[:n_dense] = X[:, :n_dense].std(0) + 1e-6
    D = (X[:, :n_dense] - mu[:n_dense]) / sd[:n_dense]
    # the hashed words are binary and sparse: kept as (row, column) pairs, which makes a step ~50x cheaper
    rows, cols = np.nonzero(X[:, n_dense:])  # sorted by row
    by_row = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else np.zeros(0, dtype=int)
    col_order = np.argsort(cols, kind="stable")
    cols_sorted = cols[col_order]
    by_col = np.flatnonzero(np.r_[True, cols_sorted[1:] != cols_sorted[:-1]]) if len(cols) else by_row
    Y = np.array([[1.0 if p in r else 0.0 for p in order] for r in req])
    M = np.array([[0.0 if p in a else 1.0 for p in order] for a in acc])
    k = len(order)
    n = len(X)
    W = np.zeros((X.shape[1], k))
    b = np.log((Y.mean(0) + 1e-3) / (1 - Y.mean(0) + 1e-3))
    m1, v1, mb, vb = np.zeros_like(W), np.zeros_like(W), np.zeros_like(b), np.zeros_like(b)
    gW = np.zeros_like(W)
    for t in range(1, steps + 1):
        hashed = np.zeros((n, k))
        if len(rows):
            hashed[rows[by_row]] = np.add.reduceat(W[n_dense + cols], by_row, axis=0)
        p = 1 / (1 + np.exp(-np.clip(D @ W[:n_dense] + hashed + b, -30, 30)))
        G = (p - Y) * M / n
        gW[:n_dense] = D.T @ G
        gW[n_dense:] = 0.0
        if len(rows):
            gW[n_dense + cols_sorted[by_col]] = np.add.reduceat(G[rows[col_order]], by_col, axis=0)
        gW += l2 * W / n
        gb = G.sum(0)
        m1 = 0.9 * m1 + 0.1 * gW
        v1 = 0.999 * v1 + 0.001 * gW ** 2
        mb = 0.9 * mb + 0.1 * gb
        vb = 0.999 * vb + 0.001 * gb ** 2
        W -= rate * (m1 / (1 - 0.9 ** t)) / (np.sqrt(v1 / (1 - 0.999 ** t)) + 1e-8)
        b -= rate * (mb / (1 - 0.9 ** t)) / (np.sqrt(vb / (1 - 0.999 ** t)) + 1e-8)
    return LayerModel(list(order), mu, sd, W, b)


def decide(passages: Sequence[Passage], prob: np.ndarray, order: Sequence[str], add_at: float, drop_at: float,
           keep: Callable[[int], tuple[set[str], set[str]]] | None = None) -> list[Passage]:
    """The passages with the layer's corrections: pillars added at ``prob >= add_at``, the scorer's dropped at
    ``prob <= drop_at``. ``keep(i)`` gives passage ``i``'s (officer-tagged, officer-untagged) pillars, left alone."""
    out = []
    for i, (p, row) in enumerate(zip(passages, prob, strict=True)):
        have = set(p.pillars)
        # a pillar the passage took from the sentence or question before it stays: that rule reads the passage's
        # neighbour, the layer only its own words
        inherited = any(reason in p.why for reason in INHERITED)
        drop = set() if inherited else {pid for pid in have if row[order.index(pid)] <= drop_at}
        add = {pid for j, pid in enumerate(order) if row[j] >= add_at and pid not in have}
        if (drop or add) and keep is not None:  # asked only when the layer would change something
            tagged, untagged = keep(i)
            drop -= tagged
            add -= untagged
        if not drop and not add:
            out.append(p)
            continue
        pillars = [pid for pid in order if (pid in have and pid not in drop) or pid in add]
        why = [] if not pillars else list(p.why) + ([ADDED_REASON] if add and ADDED_REASON not in p.why else [])
        out.append(replace(p, pillars=pillars, why=why))
    return out


ADD = (0.8, 0.85, 0.9, 0.95, 1.01)
DROP = (-0.01, 0.03, 0.06)
BLENDS = [(a, d) for a in ADD for d in DROP]
NONE = (1.01, -0.01)
#: the regularisation and length of the fit (environment L2, STEPS to try others)
L2 = float(os.environ.get("L2", "3.0"))
STEPS = int(os.environ.get("STEPS", "400"))
#: the worst inner-set loss a blend may have to be picked
WORST = -0.003
GENRE_SETS = ("gold_round6", "gold_heldout_round2")


def doc_rows(scorer: P.PillarScorer, d: dict, order: list[str]) -> dict[str, Any]:
    """One cached article's passages, feature rows and (required, acceptable) pillars per passage."""
    g = d["gold"]
    text = g.text
    ps = scorer.passages(text, d["spans"], d["ep"], d["sp"])
    sp = d["sp"]
    if sp is None:
        sp = speaker_labels(text) if ":" in text or "–" in text else []
    X = passage_features(text, ps, d["spans"], order, {lab.start for lab in sp})
    if os.environ.get("HASHED") == "none":  # the scorer's signals and cues only, no words
        X[:, X.shape[1] - HASH_DIM:] = 0.0
    req, acc, use = [], [], []
    for p in ps:
        r: set[str] = set()
        a: set[str] = set()
        hit = False
        for s0, s1, exp, ac in g.sentences:
            if passage_counts(p, s0, s1):
                r |= set(exp)
                a |= set(ac)
                hit = True
        req.append(r)
        acc.append(a - r)
        use.append(hit)
    return dict(X=X, ps=ps, req=req, acc=acc, use=np.array(use, dtype=bool), gold=g, genre=d.get("genre", "unknown"))


def load_sets(order: list[str]) -> dict[str, list[dict]]:
    """Every dev set's articles as :func:`doc_rows`."""
    data = T.load()
    scorer = P.default_scorer()
    return {s: [doc_rows(scorer, d, order) for (ss, _n), d in sorted(data.items(), key=lambda kv: kv[0]) if ss == s]
            for s in T.SETS}


def stack(docs: Sequence[dict]) -> tuple[np.ndarray, list[set], list[set]]:
    X = np.vstack([d["X"][d["use"]] for d in docs])
    R = [r for d in docs for r, u in zip(d["req"], d["use"], strict=True) if u]
    A = [a for d in docs for a, u in zip(d["acc"], d["use"], strict=True) if u]
    return X, R, A


def fit_on(per: dict[str, list[dict]], sets: Sequence[str], order: list[str]) -> LayerModel:
    X, R, A = stack([d for s in sets for d in per[s]])
    return fit(X, order, R, A, l2=L2, steps=STEPS)


def probs(model: LayerModel, docs: Sequence[dict]) -> list[np.ndarray]:
    return [model.proba(d["X"]) if len(d["X"]) else np.zeros((0, len(model.order))) for d in docs]


def f1(docs: Sequence[dict], prob: Sequence[np.ndarray], order: list[str], blend: tuple[float, float]) -> float:
    """Micro pillar F1 over the gold sentences of ``docs`` with the layer's corrections at ``blend``."""
    rows = []
    for d, pr in zip(docs, prob, strict=True):
        ps = decide(d["ps"], pr, order, *blend)
        for s0, s1, exp, acc in d["gold"].sentences:
            rows.append((sentence_pillars(ps, s0, s1), set(exp), set(acc)))
    return T.sentence_f1(rows)


def pick_blend(per: dict[str, list[dict]], sets: Sequence[str], order: list[str], log: Any = None
               ) -> tuple[tuple[float, float], dict]:
    """The blend chosen by leave-one-set-out over ``sets`` (and each blend's gains per left-out set)."""
    gains: dict[tuple[float, float], list[float]] = {bl: [] for bl in BLENDS}
    for inner in sets:
        model = fit_on(per, [t for t in sets if t != inner], order)
        pv = probs(model, per[inner])
        base = f1(per[inner], pv, order, NONE)
        for bl in BLENDS:
            gains[bl].append(f1(per[inner], pv, order, bl) - base)
        if log:
            log(f"  inner {inner} done")
    ok = [bl for bl in BLENDS if min(gains[bl]) >= WORST] or [NONE]
    return max(ok, key=lambda bl: (float(np.mean(gains[bl])), -bl[0], bl[1])), gains


def main() -> None:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    t0 = time.time()

    def log(msg: str) -> None:
        print(f"[{time.time() - t0:5.0f}s] {msg}", file=sys.stderr, flush=True)
    order = [p.id for p in P.default_scorer().pillars]
    per = load_sets(order)
    log("features")
    nested = os.environ.get("NESTED", "1") == "1"
    table: dict[Any, list[float]] = {"scorer": [], "nested": []}
    table.update({bl: [] for bl in BLENDS})
    picks = {}
    genres: dict[str, dict[str, tuple[float, float]]] = {}
    for s in T.SETS:
        train = [t for t in T.SETS if t != s]
        model = fit_on(per, train, order)
        pv = probs(model, per[s])
        table["scorer"].append(f1(per[s], pv, order, NONE))
        for bl in BLENDS:
            table[bl].append(f1(per[s], pv, order, bl))
        pick = pick_blend(per, train, order)[0] if nested else NONE
        picks[s] = pick
        table["nested"].append(f1(per[s], pv, order, pick))
        if s in GENRE_SETS:
            for genre in sorted({d["genre"] for d in per[s]}):
                idx = [i for i, d in enumerate(per[s]) if d["genre"] == genre]
                docs, pg = [per[s][i] for i in idx], [pv[i] for i in idx]
                genres.setdefault(s, {})[genre] = (f1(docs, pg, order, NONE), f1(docs, pg, order, pick))
        log(f"{s} done, nested pick ADD/DROP {pick}")
    print(f"{'variant':12s} " + " ".join(f"{s.removeprefix('gold_')[:9]:>9s}" for s in T.SETS)
          + "     mean     gain    worst")
    base = table["scorer"]
    for h, v in table.items():
        g = [x - y for x, y in zip(v, base, strict=True)]
        name = h if isinstance(h, str) else f"{h[0]:.2f}/{h[1]:.2f}"
        print(f"{name:12s} " + " ".join(f"{x:9.4f}" for x in v)
              + f" {np.mean(v):8.4f} {np.mean(g):+8.4f} {min(g):+8.4f}")
    print("nested picks (ADD/DROP) per left-out set:", picks)
    for s, rows in genres.items():
        print(f"\n{s} per genre (left out; scorer -> scorer+layer at its nested pick)")
        for genre, (a, b) in rows.items():
            n = sum(1 for d in per[s] if d["genre"] == genre)
            print(f"  {genre:24s} {n:3d} articles  {a:.4f} -> {b:.4f}  {b - a:+.4f}")


if __name__ == "__main__":
    main()
