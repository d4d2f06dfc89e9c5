"""Choose :data:`briefing.coherence.OFF_TOPIC` and ``PAIR_FLOOR`` by cross-validation over
folds of clusters.

    python bench/tune_coherence.py [--folds 5]

Every dev cluster of the furniture check (never the final slice) is a workspace; each of its
pages gets its relative coherence (:func:`briefing.coherence.relative_coherence`) over the
sentences the memo sees. A page is *not an article* when none of its labelled lines is prose
(``bench_furniture.not_an_article``). For each fold, the threshold with the best F0.5 on the
other folds' pages (setting a news page aside costs twice what keeping a notice does; the
lowest of equals, which sets the fewest aside) is scored on the fold; the constant to ship is
the one chosen on all dev folds.

``PAIR_FLOOR`` likewise, on each page's absolute coherence (what a page sharing nothing with
the rest scores, in a workspace of any size), as the pair rule reads it: of two pages only
the shorter can be set aside, so the longer one is never flagged.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_furniture import clusters, not_an_article
from furniture_data import fold
from train_prose_model import counts, f05

from briefing.coherence import coherence, relative_coherence, shorter_of_unrelated_pair
from briefing.sentences import make_sentences

THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 13))  # 0.05 .. 0.60
FLOORS = tuple(round(0.01 * i, 2) for i in range(1, 16))  # 0.01 .. 0.15


@dataclass(frozen=True)
class Pages:
    """Every dev page: relative coherence, absolute coherence as the pair rule reads it,
    "not an article", fold and id."""

    relative: np.ndarray
    floor: np.ndarray
    junk: np.ndarray
    fold: np.ndarray
    ids: list[str]


def pages(folds: int) -> Pages:
    relative, floor, junk, fold_of, ids = [], [], [], [], []
    for cluster, items in clusters(False).items():
        items = [i for i in items if i[2].id]
        texts = [" ".join(s.text for s in make_sentences(a.text)) for _, _, a in items]
        absolute = coherence(texts).tolist()
        if len(texts) == 2:  # only the shorter page of a pair can go
            longer = 1 - (shorter_of_unrelated_pair(texts, floor=np.inf) or 0)
            absolute[longer] = np.inf
        elif len(texts) < 2:
            absolute = [np.inf] * len(texts)
        rel = relative_coherence(texts)
        for (doc, doc_lines, _), r, a in zip(items, rel, absolute, strict=True):
            relative.append(float(r))
            floor.append(a)
            junk.append(not_an_article(doc_lines))
            fold_of.append(fold(cluster, folds))
            ids.append(doc.id)
    return Pages(
        np.asarray(relative),
        np.asarray(floor),
        np.asarray(junk, dtype=float),
        np.asarray(fold_of),
        ids,
    )


def best(score: np.ndarray, junk: np.ndarray, grid: tuple[float, ...] = THRESHOLDS) -> float:
    """The threshold with the best F0.5 (flagged: below it), the lowest of equals."""
    return max(grid, key=lambda t: f05(*counts(-score, junk, -t + 1e-12)))  # first: lowest


def cross_validate(
    name: str, score: np.ndarray, data: Pages, folds: int, grid: tuple[float, ...]
) -> None:
    """Per fold, the threshold chosen on the others and its held-out counts; then the pooled
    held-out figure and the constant chosen on all dev folds."""
    junk = data.junk
    pooled = [0, 0, 0]
    for k in range(folds):
        test = data.fold == k
        t = best(score[~test], junk[~test], grid)
        tp, fp, fn = counts(-score[test], junk[test], -t + 1e-12)
        pooled = [a + b for a, b in zip(pooled, (tp, fp, fn), strict=True)]
        print(f"  fold {k + 1}: {name} {t:.2f} (chosen on the others); held out: set aside "
              f"{tp + fp} of {int(test.sum())} pages (tp {tp}, fp {fp}, fn {fn})")  # fmt: skip
    tp, fp, fn = pooled
    print(f"pooled held-out: tp {tp}, fp {fp}, fn {fn}, F0.5 {f05(tp, fp, fn):.3f}")
    print(f"chosen on all dev folds: {name} = {best(score, junk, grid):.2f}")
    order = np.argsort(score)[:12]
    print("lowest pages:", ", ".join(f"{data.ids[i]} {score[i]:.2f}{'*' if junk[i] else ''}"
                                     for i in order))  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    data = pages(args.folds)
    if not len(data.ids):
        print("../shared not found: nothing to tune on")
        return
    print(f"{len(data.ids)} dev pages, {int(data.junk.sum())} not an article")
    print("relative coherence (1 on a page of a workspace of one or two pages):")
    cross_validate("OFF_TOPIC", data.relative, data, args.folds, THRESHOLDS)
    print("absolute coherence, as the pair rule reads it:")
    cross_validate("PAIR_FLOOR", data.floor, data, args.folds, FLOORS)


if __name__ == "__main__":
    main()
