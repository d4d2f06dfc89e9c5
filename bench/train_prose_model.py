"""Train the prose model (:mod:`briefing.prose_model`) on the dev part of the furniture check.

    python bench/train_prose_model.py [--folds 5] [--dry-run]

Every dev document (never the final slice) is read through the real ingest and split into
sentences, as the memo sees them; each sentence takes the label of the line it came from
(``bench_furniture.line_of``): furniture, headline or fragment are *not prose* (the positive
class), ok/credit/tweet lines are prose; sentences matched to no line are left out. The
features are :func:`briefing.prose_model.features` over each page.

Model: L2-regularised logistic regression fitted by Newton's method (deterministic: no seed
is needed, but the fold assignment is the check's fixed hash). The penalty and the threshold
are chosen by cross-validation over folds *of clusters*: for each penalty, each fold is
predicted by a model fitted on the others; the (penalty, threshold) with the best F0.5 on the
pooled held-out predictions wins (F0.5: dropping a sentence of prose costs twice what leaving
a bad one does). Per-fold held-out precision/recall are printed; the model written to
``briefing/data/prose_model.json`` is then fitted on all dev folds.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_furniture import BAD, labelled, line_of, not_an_article, read
from furniture_data import docs, fold, is_final, load_labels

from briefing.prose_model import _MODEL, FEATURES, ProseModel, features
from briefing.sentences import make_sentences

PENALTIES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)  # L2 strength on standardised features
THRESHOLDS = tuple(round(0.3 + 0.05 * i, 2) for i in range(13))  # 0.30 .. 0.90
PAGE_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 19))  # 0.05 .. 0.90


@dataclass(frozen=True)
class Data:
    """Every dev sentence as the memo sees it: features, label (1 = not prose, NaN when
    matched to no labelled line), cluster, page number, and whether its page has no prose."""

    x: np.ndarray
    y: np.ndarray
    clusters: list[str]
    page: np.ndarray
    page_junk: np.ndarray  # per page

    def rows(self, keep: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Features and labels of the labelled rows among ``keep``."""
        use = keep & ~np.isnan(self.y)
        return self.x[use], self.y[use]


def dataset() -> Data:
    rows = {(str(r["doc"]), int(r["start"])): r for r in load_labels()}  # type: ignore[call-overload]
    xs, ys, clusters, pages, junk = [], [], [], [], []
    for doc in docs():
        if is_final(doc.cluster):
            continue
        article = read(doc)
        if article is None:
            continue
        doc_lines = labelled(doc, rows)
        sentences = [s.text for s in make_sentences(article.text)]
        if not sentences:
            continue
        for text, row in zip(sentences, features(sentences, [0] * len(sentences)), strict=True):
            line = line_of(text, doc_lines)
            xs.append(row)
            ys.append(np.nan if line is None else float(line.label in BAD))
            clusters.append(doc.cluster)
            pages.append(len(junk))
        junk.append(not_an_article(doc_lines))
    return Data(np.asarray(xs), np.asarray(ys), clusters, np.asarray(pages), np.asarray(junk))


def chosen_penalty() -> float:
    """The penalty the shipped model was fitted with (for refitting it on fewer folds)."""
    return float(json.loads(_MODEL.read_text("utf-8"))["penalty"])


def fit(x: np.ndarray, y: np.ndarray, penalty: float) -> ProseModel:
    """Logistic regression on standardised ``x`` by Newton's method, L2 penalty on every
    weight but the bias (deterministic: it starts from zero weights)."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.column_stack([(x - mean) / scale, np.ones(len(x))])
    w = np.zeros(z.shape[1])
    ridge = penalty * np.eye(z.shape[1])
    ridge[-1, -1] = 0.0
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -30, 30)))
        gradient = z.T @ (p - y) / len(y) + ridge @ w
        hessian = (z * (p * (1 - p))[:, None]).T @ z / len(y) + ridge + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-10:
            break
    return ProseModel(
        tuple(round(float(v), 6) for v in mean),
        tuple(round(float(v), 6) for v in scale),
        tuple(round(float(v), 6) for v in w[:-1]),
        round(float(w[-1]), 6),
        0.5,
    )


def counts(p: np.ndarray, y: np.ndarray, threshold: float) -> tuple[int, int, int]:
    flagged = p >= threshold
    return (
        int((flagged & (y == 1)).sum()),
        int((flagged & (y == 0)).sum()),
        int((~flagged & (y == 1)).sum()),
    )


def f05(tp: int, fp: int, fn: int) -> float:
    denominator = 1.25 * tp + 0.25 * fn + fp
    return 1.25 * tp / denominator if denominator else 0.0


def page_means(p: np.ndarray, page: np.ndarray) -> np.ndarray:
    """The mean of ``p`` over each page."""
    return np.bincount(page, weights=p) / np.maximum(np.bincount(page), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dry-run", action="store_true", help="do not write the model")
    args = parser.parse_args()
    data = dataset()
    if not len(data.y):
        print("../shared not found: nothing to train on")
        return
    k = np.asarray([fold(c, args.folds) for c in data.clusters])
    labelled_ = ~np.isnan(data.y)
    y = data.y[labelled_]
    print(f"{len(y)} labelled dev sentences, {int(y.sum())} not prose, "
          f"{len(data.page_junk)} pages ({int(data.page_junk.sum())} without prose), "
          f"{len(set(data.clusters))} clusters")  # fmt: skip
    held: dict[float, np.ndarray] = {}
    for penalty in PENALTIES:
        p = np.zeros(len(data.y))
        for f in range(args.folds):
            test = k == f
            model = fit(*data.rows(~test), penalty)
            p[test] = model.probability(data.x[test])
        held[penalty] = p
    penalty, threshold = max(
        ((c, t) for c in PENALTIES for t in THRESHOLDS),
        key=lambda ct: f05(*counts(held[ct[0]][labelled_], y, ct[1])),
    )
    p = held[penalty]
    tp, fp, fn = counts(p[labelled_], y, threshold)
    print(f"sentences: penalty {penalty}, threshold {threshold}; pooled held-out F0.5 "
          f"{f05(tp, fp, fn):.3f} (tp {tp}, fp {fp}, fn {fn})")  # fmt: skip
    for f in range(args.folds):
        test = (k == f)[labelled_]
        tp, fp, fn = counts(p[labelled_][test], y[test], threshold)
        print(f"  fold {f + 1}: held-out P {100 * tp / max(1, tp + fp):5.1f} "
              f"R {100 * tp / max(1, tp + fn):5.1f} (tp {tp}, fp {fp}, fn {fn}, prose dropped "
              f"{100 * fp / max(1, int((y[test] == 0).sum())):.1f}%)")  # fmt: skip
    # Pages: the mean held-out probability over a page's sentences against "no prose at all";
    # the highest threshold among the best (the most conservative) wins.
    means = page_means(p, data.page)
    junk = data.page_junk.astype(float)
    page_threshold = max(reversed(PAGE_THRESHOLDS), key=lambda t: f05(*counts(means, junk, t)))
    tp, fp, fn = counts(means, junk, page_threshold)
    print(f"pages: threshold {page_threshold}; pooled held-out F0.5 {f05(tp, fp, fn):.3f} "
          f"(tp {tp}, fp {fp}, fn {fn})")  # fmt: skip
    page_fold = np.zeros(len(junk), dtype=int)
    page_fold[data.page] = k
    for f in range(args.folds):
        test = page_fold == f
        tp, fp, fn = counts(means[test], junk[test], page_threshold)
        print(
            f"  fold {f + 1}: pages flagged {tp + fp} of {int(test.sum())} "
            f"(tp {tp}, fp {fp}, fn {fn})"
        )
    final = replace(
        fit(*data.rows(np.ones(len(data.y), dtype=bool)), penalty),
        threshold=threshold,
        page_threshold=page_threshold,
    )
    for name, weight in sorted(zip(FEATURES, final.weights, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {name:<20} {weight:+.2f}")
    if not args.dry_run:
        out = {"penalty": penalty, **final.to_json()}
        _MODEL.write_text(json.dumps(out, indent=1) + "\n", "utf-8")
        print(f"written {_MODEL}")


if __name__ == "__main__":
    main()
