"""Choose :data:`briefing.coherence.OFF_TOPIC` by cross-validation over folds of clusters.

    python bench/tune_coherence.py [--folds 5]

Every dev cluster of the furniture check (never the final slice) is a workspace; each of its
pages gets its relative coherence (:func:`briefing.coherence.relative_coherence`) over the
sentences the memo sees. A page is *not an article* when none of its labelled lines is prose
(``bench_furniture.not_an_article``). For each fold, the threshold with the best F0.5 on the
other folds' pages (setting a news page aside costs twice what keeping a notice does; the
lowest of equals, which sets the fewest aside) is scored on the fold; the constant to ship is
the one chosen on all dev folds.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_furniture import clusters, not_an_article
from furniture_data import fold
from train_prose_model import counts, f05

from briefing.coherence import relative_coherence
from briefing.sentences import make_sentences

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 13))  # 0.05 .. 0.60


def pages(folds: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """Relative coherence, "not an article" and fold of every dev page, and its id."""
    score, junk, fold_of, ids = [], [], [], []
    for cluster, items in clusters(False).items():
        items = [i for i in items if i[2].id]
        texts = [" ".join(s.text for s in make_sentences(a.text)) for _, _, a in items]
        for (doc, doc_lines, _), r in zip(items, relative_coherence(texts), strict=True):
            score.append(float(r))
            junk.append(not_an_article(doc_lines))
            fold_of.append(fold(cluster, folds))
            ids.append(doc.id)
    return np.asarray(score), np.asarray(junk, dtype=float), np.asarray(fold_of), ids


def best(score: np.ndarray, junk: np.ndarray) -> float:
    """The threshold with the best F0.5 (flagged: below it), the lowest of equals."""
    return max(reversed(THRESHOLDS), key=lambda t: f05(*counts(-score, junk, -t + 1e-12)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    score, junk, fold_of, ids = pages(args.folds)
    if not len(score):
        print("../shared not found: nothing to tune on")
        return
    print(f"{len(score)} dev pages, {int(junk.sum())} not an article")
    pooled = [0, 0, 0]
    for k in range(args.folds):
        test = fold_of == k
        t = best(score[~test], junk[~test])
        tp, fp, fn = counts(-score[test], junk[test], -t + 1e-12)
        pooled = [a + b for a, b in zip(pooled, (tp, fp, fn), strict=True)]
        print(f"  fold {k + 1}: threshold {t:.2f} (chosen on the others); held out: set aside "
              f"{tp + fp} of {int(test.sum())} pages (tp {tp}, fp {fp}, fn {fn})")  # fmt: skip
    tp, fp, fn = pooled
    print(f"pooled held-out: tp {tp}, fp {fp}, fn {fn}, F0.5 {f05(tp, fp, fn):.3f}")
    print(f"chosen on all dev folds: OFF_TOPIC = {best(score, junk):.2f}")
    order = np.argsort(score)[:12]
    print("lowest pages:", ", ".join(f"{ids[i]} {score[i]:.2f}{'*' if junk[i] else ''}"
                                     for i in order))  # fmt: skip


if __name__ == "__main__":
    main()
