"""Which pages of a workspace share no subject with the others (and so are no article of it)?

A workspace is a set of articles about one event. Pages that are not articles at all — a
web-archive crawl notice, a "Tweet with a location" widget, an archive's collection blurb, a
spam video page — read as fluent prose, so no sentence-shape feature tells them from news
(:mod:`briefing.prose_model` finds almost none of them). What gives them away is that they
are about something else: their words are not the words of the other pages.

Each page's *coherence* is the cosine between its content terms (stemmed, stop words out,
sublinear counts) and those of all the other pages together. Real articles of one event share
names and terms; an unrelated page shares almost none. Coherence depends on the workspace
(pages of one category share less than pages of one event), so a page is judged against the
others: it is *off topic* when its coherence is below ``OFF_TOPIC`` times the median
coherence of the other pages.

Two pages have no "others" to judge each by: they share no subject when their coherence is
below the absolute floor ``PAIR_FLOOR`` (what a page sharing nothing with the rest scores in
any workspace), and then the workspace is the longer page's: the shorter (a notice, a
widget page, a blurb) is set aside. One page alone is never set aside.

``OFF_TOPIC`` and ``PAIR_FLOOR`` are chosen by cross-validation over folds of clusters of the
furniture check (``bench/tune_coherence.py``); nothing here names a source or a topic.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from .textstats import content_terms

#: A page is off topic below this share of the median coherence of the other pages.
OFF_TOPIC = 0.35
#: Two pages below this coherence share no subject (the shorter is set aside).
PAIR_FLOOR = 0.06
#: Fewest pages for which "the other pages" say what the workspace is about.
MIN_PAGES = 3

Vector = npt.NDArray[np.float64]


def coherence(pages: Sequence[str]) -> Vector:
    """Cosine of each page's content terms (1 + log count) to those of all the other pages
    (their counts summed first), 0 for a page without terms."""
    n = len(pages)
    columns: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for i, text in enumerate(pages):
        for term in content_terms(text):
            rows.append(i)
            cols.append(columns.setdefault(term, len(columns)))
    if not columns:
        return np.zeros(n)
    m = len(columns)
    cells, counts = np.unique(np.asarray(rows) * m + np.asarray(cols), return_counts=True)
    row, col = np.divmod(cells, m)
    tf = counts.astype(np.float64)
    total = np.bincount(col, weights=tf, minlength=m)
    own = 1.0 + np.log(tf)
    rest = total[col] - tf  # the term's count on the other pages
    other = np.where(rest > 0, 1.0 + np.log(np.maximum(rest, 1.0)), 0.0)
    whole = 1.0 + np.log(total)  # a term's weight on "all the other pages" of a page without it
    dot = np.bincount(row, weights=own * other, minlength=n)
    own_norm = np.sqrt(np.bincount(row, weights=own * own, minlength=n))
    # |others|^2 = every term at its full weight, corrected on the page's own terms.
    change = np.bincount(row, weights=other * other - whole[col] ** 2, minlength=n)
    other_norm = np.sqrt(np.maximum(float(whole @ whole) + change, 0.0))
    denominator = own_norm * other_norm
    return np.asarray(np.divide(dot, denominator, out=np.zeros(n), where=denominator > 0))


def relative_coherence(pages: Sequence[str]) -> Vector:
    """Each page's coherence over the median coherence of the other pages (1 when there are
    too few pages, or the others share nothing either)."""
    c = coherence(pages)
    n = len(pages)
    out = np.ones(n)
    if n < MIN_PAGES:
        return out
    median = _median_of_others(c)
    np.divide(c, median, out=out, where=median > 0)
    return out


def _median_of_others(values: Vector) -> Vector:
    """For each value, the median of all the others (one sort, no quadratic step)."""
    n = len(values)
    order = np.argsort(values, kind="stable")
    ranked = values[order]
    rank = np.empty(n, dtype=np.intp)
    rank[order] = np.arange(n)

    def others_at(j: int) -> Vector:  # the j-th smallest of the others, for every value
        return np.asarray(np.where(j < rank, ranked[j], ranked[min(j + 1, n - 1)]))

    m = n - 1
    if m % 2:
        return others_at(m // 2)
    return np.asarray((others_at(m // 2 - 1) + others_at(m // 2)) / 2.0)


def shorter_of_unrelated_pair(pages: Sequence[str], floor: float = PAIR_FLOOR) -> int | None:
    """Of two pages sharing no subject (coherence below ``floor``), the index of the one with
    fewer content terms; ``None`` when they share one, are as long, or are not two."""
    if len(pages) != 2 or coherence(pages)[0] >= floor:
        return None
    sizes = [len(content_terms(text)) for text in pages]
    if sizes[0] == sizes[1]:
        return None
    return int(sizes[1] < sizes[0])


def off_topic(
    pages: Sequence[str], threshold: float = OFF_TOPIC, floor: float = PAIR_FLOOR
) -> npt.NDArray[np.bool_]:
    """Which pages share no subject with the rest of the workspace."""
    if len(pages) == 2:
        out = np.zeros(2, dtype=bool)
        shorter = shorter_of_unrelated_pair(pages, floor)
        if shorter is not None:
            out[shorter] = True
        return out
    return np.asarray(relative_coherence(pages) < threshold, dtype=bool)
