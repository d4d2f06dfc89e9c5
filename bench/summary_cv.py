"""Cross-validated choice of the summariser's profile: k folds over the whole dev set.

Items are put in folds by ``sha1(id)``: one fifth (``sha1 % 5 == 0``) is the **final slice**,
never used to choose anything and printed only with ``--final``; the rest, sorted by
``sha1(id)``, are dealt out into ``FOLDS`` folds. Each candidate profile of
:mod:`briefing.summary_rank` (lead reach, centrality weight, ideal sentence length) is scored
on every cross-validation item; per fold we take its mean ROUGE minus the baseline's on the
same items.

**Surest gain rule**: among the candidates whose *worst* fold still beats the baseline on
each of the three ROUGE figures, take the one with the best mean gain; when none does, fall
back to the lead-biased candidate for single articles (the lead is a strong prior for news),
or, for clusters (where one outlet's lead is no summary of the cluster), to the candidate
whose worst fold and figure loses least. The rule itself is checked
by nested cross-validation: for each fold, the rule is applied to the other folds only and
its pick is scored on the fold left out.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from briefing.summary_rank import (
    ARTICLE,
    CLUSTER,
    Profile,
    SentenceGraph,
    build_graph,
    cap,
    pick,
)

FOLDS = 5
METRICS = ("rouge1", "rouge2", "rougeLsum")


def _hash(item_id: str) -> int:
    return int(hashlib.sha1(item_id.encode("utf-8")).hexdigest(), 16)


def is_final(item_id: str) -> bool:
    """The final slice: about one item in five, by ``sha1(id) % 5 == 0``."""
    return _hash(item_id) % 5 == 0


def folds_of(ids: Sequence[str]) -> np.ndarray[Any, Any]:
    """Each item's fold: ``-1`` for the final slice; the others sorted by ``sha1(id)`` and
    dealt out in turn, so that the folds differ in size by one item at most."""
    folds = np.full(len(ids), -1)
    rest = sorted((_hash(i), k) for k, i in enumerate(ids) if not is_final(i))
    for rank, (_, k) in enumerate(rest):
        folds[k] = rank % FOLDS
    return folds


@dataclass
class Item:
    """One benchmark item: its sentences per document, graph and reference."""

    id: str
    docs: list[list[str]]
    reference: str
    graph: SentenceGraph = field(init=False)

    def __post_init__(self) -> None:
        self.graph = build_graph(cap(self.docs))

    def texts(self, rows: Sequence[int]) -> list[str]:
        pairs = sorted((int(self.graph.doc[r]), int(self.graph.index[r])) for r in rows)
        return [self.docs[d][i] for d, i in pairs]


def article_grid() -> list[tuple[str, Profile]]:
    """Single-article candidates: lead reach x centrality weight x ideal length."""
    grid = itertools.product(
        (25.0, 50.0, 100.0, 200.0), (0.0, 0.1, 0.3, 0.6), (20.0, 25.0, 35.0), (1.0, 0.5)
    )
    return [(name(*g), Profile(*g)) for g in grid]


def cluster_grid() -> list[tuple[str, Profile]]:
    """Cluster candidates: lead reach x centrality weight x ideal length."""
    grid = itertools.product(
        (100.0, 300.0, 1000.0, 3000.0), (0.5, 1.0, 3.0, 6.0), (25.0, 50.0, 75.0), (1.0, 0.5)
    )
    return [(name(*g), Profile(*g)) for g in grid]


def name(lead: float, weight: float, ideal: float, leaning: float) -> str:
    return f"lead {lead:g} w {weight:g} len {ideal:g} lean {leaning:g}"


class Scorer:
    """ROUGE F1 x 100 per item, memoised on the chosen sentences."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self._scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
        self._memo: dict[tuple[str, tuple[str, ...]], tuple[float, float, float]] = {}

    def __call__(self, item: Item, sentences: Sequence[str]) -> tuple[float, float, float]:
        lines = tuple(" ".join(s.split()) for s in sentences)
        key = (item.id, lines)
        if key not in self._memo:
            score = self._scorer.score(item.reference, "\n".join(lines))
            r1, r2, rl = (100 * score[m].fmeasure for m in METRICS)
            self._memo[key] = (r1, r2, rl)
        return self._memo[key]


def profile_system(profile: Profile, n: int) -> Callable[[Item], list[str]]:
    def run(item: Item) -> list[str]:
        return item.texts(pick(item.graph, n, profile))

    return run


@dataclass
class Result:
    """Per-item ROUGE (items x 3) of one system on the cross-validation items."""

    name: str
    per_item: np.ndarray[Any, Any]


def fold_means(values: np.ndarray[Any, Any], folds: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Mean per fold (FOLDS x 3)."""
    return np.array([values[folds == f].mean(axis=0) for f in range(FOLDS)])


def baseline_folds(
    baselines: Sequence[Result], folds: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """Per fold, the means (FOLDS x 3) of the baseline with the best mean ROUGE-1 overall."""
    best = max(baselines, key=lambda b: float(b.per_item[:, 0].mean()))
    return fold_means(best.per_item, folds)


def fold_deltas(
    r: Result, baselines: Sequence[Result], folds: np.ndarray[Any, Any]
) -> np.ndarray[Any, Any]:
    """Per fold and figure, the gain over the baseline (FOLDS x 3)."""
    return np.asarray(fold_means(r.per_item, folds) - baseline_folds(baselines, folds))


def surest(
    results: Sequence[Result],
    baselines: Sequence[Result],
    folds: np.ndarray[Any, Any],
    fallback: str | None,
    keep: np.ndarray[Any, Any] | None = None,
) -> tuple[str, bool]:
    """The surest-gain pick over the folds in ``keep`` (all by default).

    Among the candidates whose worst fold still beats the baseline on each of the three
    figures, the best mean gain, and ``True``; else ``(fallback, False)``, or, with no
    fallback, the candidate whose worst fold and figure loses least.
    """
    use = np.ones(FOLDS, dtype=bool) if keep is None else keep
    deltas = {r.name: fold_deltas(r, baselines, folds)[use] for r in results}
    sure = [(float(d.mean()), name) for name, d in deltas.items() if d.min() > 0]
    if sure:
        return max(sure)[1], True
    if fallback is not None:
        return fallback, False
    return max((float(d.min()), float(d.mean()), name) for name, d in deltas.items())[2], False


def nested(
    results: Sequence[Result],
    baselines: Sequence[Result],
    folds: np.ndarray[Any, Any],
    fallback: str | None,
) -> list[tuple[str, np.ndarray[Any, Any]]]:
    """For each fold: the rule's pick on the other folds and its gain on this one (3 figures)."""
    by_name = {r.name: r for r in results}
    base = baseline_folds(baselines, folds)
    out = []
    for f in range(FOLDS):
        keep = np.arange(FOLDS) != f
        name, _ = surest(results, baselines, folds, fallback, keep)
        out.append((name, fold_means(by_name[name].per_item, folds)[f] - base[f]))
    return out


def cv_report(
    title: str,
    items: Sequence[Item],
    candidates: Sequence[tuple[str, Profile]],
    current: Profile,
    baselines: Sequence[tuple[str, Callable[[Item], list[str]]]],
    n: int,
    scorer: Scorer,
    fallback: str | None,
    show: int = 8,
) -> str:
    """Print the CV table for ``items`` and return the chosen candidate's name."""
    folds = folds_of([it.id for it in items])
    cv = [it for it, f in zip(items, folds, strict=True) if f >= 0]
    folds = folds[folds >= 0]

    def run(name: str, system: Callable[[Item], list[str]]) -> Result:
        return Result(name, np.array([scorer(it, system(it)) for it in cv]))

    base = [run(name, system) for name, system in baselines]
    results = [run(name, profile_system(p, n)) for name, p in candidates]
    chosen, sure = surest(results, base, folds, fallback)
    shipped = next((name for name, p in candidates if p == current), None)
    base_f = baseline_folds(base, folds)
    sizes = [int((folds == f).sum()) for f in range(FOLDS)]
    top = max(base, key=lambda b: float(b.per_item[:, 0].mean())).name
    print(
        f"\n{title}: {len(cv)} items in {FOLDS} folds {sizes}; Δ = gain over {top}, "
        f"the baseline with the best mean R-1"
    )
    print(
        f"| {'system':<40} |    R-1 |    R-2 | R-Lsum | ΔR-1 mean [min, max] "
        "| ΔR-2 mean [min, max]  | ΔR-L mean [min, max]  | worst |"
    )
    print(f"|{'-' * 42}|{'-' * 8}|{'-' * 8}|{'-' * 8}|{'-' * 22}|{'-' * 23}|{'-' * 23}|{'-' * 7}|")

    def row(r: Result, mark: str = "") -> None:
        mean = r.per_item.mean(axis=0)
        delta = fold_means(r.per_item, folds) - base_f
        cells = [
            f"{delta[:, k].mean():+5.2f} [{delta[:, k].min():+5.2f}, {delta[:, k].max():+5.2f}]"
            for k in range(3)
        ]
        low = float(fold_deltas(r, base, folds).min())
        print(
            f"| {(r.name + mark)[:40]:<40} | {mean[0]:6.2f} | {mean[1]:6.2f} | {mean[2]:6.2f} "
            f"| {cells[0]:<20} | {cells[1]:<21} | {cells[2]:<21} | {low:+5.2f} |"
        )

    for b in base:
        row(b)

    def worst(r: Result) -> float:
        return float(fold_deltas(r, base, folds).min())

    ranked = sorted(results, key=lambda r: -float((fold_means(r.per_item, folds) - base_f).mean()))
    shown = ranked[:show] + sorted(ranked[show:], key=lambda r: -worst(r))[:3]
    for r in results:
        if r.name in (chosen, shipped, fallback) and r not in shown:
            shown.append(r)
    for r in shown:
        marks = (" *" if r.name == chosen else "") + (" (shipped)" if r.name == shipped else "")
        row(r, marks)
    print(
        f"({len(results)} candidates; the {show} best by mean gain, the 3 next best by worst "
        "fold, the pick *, the profile shipped (shipped) and the fallback)"
    )
    print(
        f"surest-gain pick: {chosen}"
        + ("" if sure else " (fallback: no candidate's worst fold beats the baseline)")
    )
    picks = nested(results, base, folds, fallback)
    gains = np.array([g for _, g in picks])
    print(
        "rule checked by nested CV (pick on 4 folds, score the 5th): gain "
        + ", ".join(
            f"{m} {gains[:, k].mean():+.2f} [{gains[:, k].min():+.2f}, {gains[:, k].max():+.2f}]"
            for k, m in enumerate(("R-1", "R-2", "R-L"))
        )
        + "; picks: "
        + "; ".join(sorted({name for name, _ in picks}))
    )
    return chosen


def final_report(
    title: str,
    items: Sequence[Item],
    systems: Sequence[tuple[str, Callable[[Item], list[str]]]],
    scorer: Scorer,
) -> None:
    """ROUGE of each system on the final slice (evaluate once, at the end)."""
    final = [it for it in items if is_final(it.id)]
    print(f"\n{title}: final slice, {len(final)} items (sha1(id) % 5 == 0)")
    print(f"| {'system':<40} |    R-1 |    R-2 | R-Lsum |")
    print(f"|{'-' * 42}|{'-' * 8}|{'-' * 8}|{'-' * 8}|")
    for name, system in systems:
        mean = np.array([scorer(it, system(it)) for it in final]).mean(axis=0)
        print(f"| {name[:40]:<40} | {mean[0]:6.2f} | {mean[1]:6.2f} | {mean[2]:6.2f} |")


__all__ = [
    "ARTICLE",
    "CLUSTER",
    "Item",
    "Scorer",
    "article_grid",
    "cluster_grid",
    "cv_report",
    "final_report",
    "folds_of",
    "is_final",
    "profile_system",
]
