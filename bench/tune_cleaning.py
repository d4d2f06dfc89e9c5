"""Choose the heading thresholds of :class:`briefing.clean.Shape` by cross-validation.

    python bench/tune_cleaning.py [--folds K]

On the dev clusters of the furniture check (never the final slice): every line the other
cleaning rules keep is put to :func:`briefing.clean.is_heading` under each candidate
setting; a line counts as removed correctly when labelled furniture or headline, wrongly
when labelled ok, credit or tweet (fragments do not count either way). The score is F0.5,
which weighs a wrongly removed line of prose twice as heavily as a heading left in. For
each fold the best setting on the other folds is scored on it (the held-out figures);
the setting best on all dev folds is the one to write into ``Shape``. Ties go to the
first setting in grid order, each grid listed from its most conservative value.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_furniture import labelled, norm
from furniture_data import docs, fold, is_final, load_labels

from briefing.clean import SHAPE, Shape, clean_article, is_heading

GRID = {
    "short_words": range(6, 15),
    "title_words": (12, 16, 20),
    "title_ratio": (0.8, 0.7, 0.6, 0.5),
    "question_words": (0, 6, 10),
    "lead_words": (45, 80, 120),
}


@dataclass(frozen=True)
class Item:
    """One labelled line that survives the other rules, as the heading test sees it."""

    cluster: str
    text: str
    before_prose: bool
    positive: bool


def items() -> tuple[list[Item], Counter[str]]:
    """Lines left for the heading test, and per cluster the lines other rules removed."""
    rows = {(str(r["doc"]), int(r["start"])): r for r in load_labels()}  # type: ignore[call-overload]
    no_headings = replace(SHAPE, headings=False)
    out: list[Item] = []
    removed: Counter[str] = Counter()
    for doc in docs():
        if is_final(doc.cluster):
            continue
        kept = {norm(line): line for line in clean_article(doc.text, shape=no_headings).lines}
        prose_seen = False
        for line in labelled(doc, rows):
            if line.label in ("fragment",) or not line.key:
                continue
            positive = line.label in ("furniture", "headline")
            text = kept.get(line.key)
            if text is None:
                removed[f"{doc.cluster}|{'tp' if positive else 'fp'}"] += 1
                continue
            out.append(Item(doc.cluster, text, not prose_seen, positive))
            prose_seen = prose_seen or not positive
    return out, removed


def score(counts: Counter[str]) -> float:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    beta2 = 0.25
    denominator = (1 + beta2) * tp + beta2 * fn + fp
    return (1 + beta2) * tp / denominator if denominator else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    lines, removed = items()
    if not lines:
        print("../shared not found: nothing to tune")
        return
    shapes = [
        Shape(**dict(zip(GRID, values, strict=True)))
        for values in itertools.product(*GRID.values())
    ]
    # counts[shape][fold] -> Counter of tp/fp/fn
    table: list[list[Counter[str]]] = []
    for shape in shapes:
        per_fold = [Counter() for _ in range(args.folds)]
        for key, n in removed.items():
            cluster, kind = key.split("|")
            per_fold[fold(cluster, args.folds)][kind] += n
        for item in lines:
            gone = is_heading(item.text, shape, before_prose=item.before_prose)
            kind = ("tp" if gone else "fn") if item.positive else ("fp" if gone else "tn")
            per_fold[fold(item.cluster, args.folds)][kind] += 1
        table.append(per_fold)

    def total(i: int, folds: list[int]) -> Counter[str]:
        out: Counter[str] = Counter()
        for f in folds:
            out += table[i][f]
        return out

    every = list(range(args.folds))
    for k in every:
        train = [f for f in every if f != k]
        best = max(range(len(shapes)), key=lambda i: score(total(i, train)))
        held = table[best][k]
        p = 100 * held["tp"] / max(1, held["tp"] + held["fp"])
        r = 100 * held["tp"] / max(1, held["tp"] + held["fn"])
        print(f"fold {k + 1}: chosen {shapes[best]}  held-out P {p:5.1f} R {r:5.1f}")
    best = max(range(len(shapes)), key=lambda i: score(total(i, every)))
    c = total(best, every)
    print(f"best on all dev folds: {shapes[best]}  (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")


if __name__ == "__main__":
    main()
