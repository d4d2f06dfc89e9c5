"""Sentence ranking for extractive news summaries, of one article or of a cluster of them.

Each sentence *i* gets a relevance ``quality_i * (lead_i + weight * centrality_i)``:

* ``lead_i = exp(-w_i / lead_words)`` where ``w_i`` is the number of words before the sentence
  in its own document. News is written top-down (the inverted pyramid), so the first ~100 words
  carry most of the story; counting words rather than sentences keeps the prior stable whatever
  the sentence splitter does with long sentences.
* ``centrality_i``: degree centrality in the TF-IDF cosine graph of all sentences (one sparse
  product, then numpy reductions; no pairwise Python loop), scaled to ``[0, 1]``. Across
  several documents an edge to *another* document counts double: a fact reported by several
  outlets is what the cluster is about. Up to ``MAX_SENTENCES`` sentences the cosine matrix
  is dense; beyond that (key points over thousands of articles) nothing quadratic is built:
  with ``X`` the unit TF-IDF rows, the degrees are ``X·(Xᵀ·1)`` minus each row's own
  document's share and itself, and MMR only needs the cosines to the few rows it picks.
* ``quality_i`` prefers informative, highlight-sized sentences: it falls off linearly below
  ``MIN_WORDS`` words and as ``ideal_words / n`` above the profile's ``ideal_words``
  (relevance per word, so two tight sentences beat one rambling one), and is cut for
  questions and exclamations (a teaser's voice: "The wait is over!"), for page furniture
  ("Scroll down for video", "Click here", "PUBLISHED:", photo credits) and, by the
  profile's ``leaning`` factor, for sentences that lean on the one before ("But …", "…, he
  said.": :func:`briefing.sentence_form.leans_on_context`).

Sentences are then picked greedily by maximal marginal relevance, ``relevance - LAMBDA * best
relevance * max cosine to the sentences already chosen``, and a near-duplicate of a chosen
sentence (cosine >= ``DUPLICATE``) is never picked.

Two profiles set these constants, both chosen by 5-fold cross-validation over the whole dev
sets with a "surest gain" rule (``bench/summary_cv.py``, ``bench/README.md``): the best mean
gain among the candidates whose worst fold still beats the baseline on each ROUGE figure,
else a fallback. A single article (:data:`ARTICLE`) is the fallback: no ranked candidate beat
LEAD-3 reliably (gains on the dev folds did not survive unseen news), so it takes the first
usable sentences in reading order (``lead_only``, :func:`select_lead`): the lead, minus
furniture, questions, scraps and repeats. A cluster (:data:`CLUSTER`) trusts consensus: each
outlet's lead is only its own framing, so the lead prior decays over 1,000 words, centrality
weighs as much as the lead, and longer sentences (50 words) are fine. Nothing in them names a
source or a data set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import numpy.typing as npt

from .prose_model import not_prose
from .sentence_form import leans_on_context
from .textstats import TermMatrix, term_matrix, words_per_text


@dataclass(frozen=True)
class Profile:
    """How far the lead prior reaches (in words), how much centrality weighs against it, the
    sentence length above which relevance falls off as ``ideal_words / n``, and the factor for
    a sentence that leans on its context (:func:`briefing.sentence_form.leans_on_context`)."""

    lead_words: float
    weight: float
    ideal_words: float = 25.0
    leaning: float = 1.0
    lead_only: bool = False


ARTICLE = Profile(lead_words=100.0, weight=0.0, lead_only=True)
CLUSTER = Profile(lead_words=1000.0, weight=1.0, ideal_words=50.0)
MIN_WORDS = 8.0
LAMBDA = 0.5
DUPLICATE = 0.7
MAX_SENTENCES = 2000
_MIN_PER_DOC = 8
_CROSS_DOC_WEIGHT = 2.0
_QUESTION = 0.3
_FURNITURE_PENALTY = 0.3

_FURNITURE = (
    "scroll down", "click here", "watch the video", "read more", "sign up for",
    "all rights reserved", "copyright", "published:", "updated:", "photo:", "photos:",
    "pictured", "on twitter", "on facebook",
)  # fmt: skip
_CLOSERS = " \t\n\"'’”)]"

Vector = npt.NDArray[np.float64]


@dataclass(frozen=True)
class SentenceGraph:
    """The sentences of a set of documents: where each sits, and their cosine similarities.

    ``terms`` are the L2-normalised TF-IDF rows. ``similarity`` is their dense cosine matrix
    (sentences x sentences, zero diagonal) when there are at most ``MAX_SENTENCES`` rows;
    beyond that it is ``None`` and ``matrix`` holds the rows as a ``scipy.sparse.csr_matrix``,
    from which :func:`similarity_to` computes the one row it is asked for. ``not_prose``
    marks the rows the prose model (:func:`briefing.prose_model.not_prose`) judges are not
    the article's prose: they count as furniture.
    """

    similarity: Vector | None
    doc: npt.NDArray[np.intp]
    index: npt.NDArray[np.intp]
    n_words: Vector
    words_before: Vector
    texts: tuple[str, ...]
    n_docs: int
    terms: TermMatrix
    matrix: Any
    not_prose: npt.NDArray[np.bool_]


def build_graph(docs: Sequence[Sequence[str]], *, dense: bool | None = None) -> SentenceGraph:
    """Vectorise the sentences of ``docs`` (each a sequence of sentence texts).

    ``dense`` forces (or forbids) the dense cosine matrix; by default it is built for at
    most ``MAX_SENTENCES`` sentences.
    """
    texts = tuple(t for d in docs for t in d)
    sizes = [len(d) for d in docs]
    doc = np.repeat(np.arange(len(docs), dtype=np.intp), sizes)
    starts = np.cumsum([0, *sizes[:-1]]) if sizes else np.zeros(0, np.intp)
    index = np.arange(len(texts), dtype=np.intp) - np.repeat(starts, sizes).astype(np.intp)
    flat, counts = words_per_text(texts)
    n_words = np.array(counts, dtype=np.float64)
    doc_words = np.bincount(doc, weights=n_words, minlength=len(docs))
    running = np.cumsum(n_words) - n_words
    words_before = running - np.repeat(np.cumsum(doc_words) - doc_words, sizes)
    terms = term_matrix(flat, counts)
    similarity: Vector | None = None
    if dense if dense is not None else len(texts) <= MAX_SENTENCES:
        similarity = terms.cosine()
        np.fill_diagonal(similarity, 0.0)
    n_docs = sum(1 for d in docs if d)
    matrix = terms.csr() if similarity is None else None
    return SentenceGraph(
        similarity,
        doc,
        index,
        n_words,
        words_before,
        texts,
        n_docs,
        terms,
        matrix,
        not_prose(texts, doc.tolist()),
    )


def similarity_to(graph: SentenceGraph, row: int) -> Vector:
    """The cosine of sentence ``row`` to every sentence (0 to itself).

    Without a dense matrix this is one sparse matrix-vector product, linear in the number
    of stored TF-IDF entries.
    """
    if graph.similarity is not None:
        return np.asarray(graph.similarity[row], dtype=np.float64)
    x = graph.matrix
    start, end = int(x.indptr[row]), int(x.indptr[row + 1])
    vector = np.zeros(x.shape[1])
    vector[x.indices[start:end]] = x.data[start:end]
    sim = np.asarray(x @ vector, dtype=np.float64)
    sim[row] = 0.0
    return sim


def _degrees(graph: SentenceGraph) -> Vector:
    """Row sums of the cosine matrix (cross-document edges weighted), never materialising it.

    ``total = X·(Xᵀ·1)`` is each row's cosine to all rows; ``own`` is its cosine to the rows
    of its own document, ``x_i · Σ_{j in doc(i)} x_j``, with the per-document column sums
    looked up for every stored entry; ``x_i · x_i`` (1, or 0 for an empty row) removes the
    diagonal. Cost: a sort of the stored entries, then ``bincount`` sums.
    """
    t = graph.terms
    n, m = t.shape
    column_sums = np.bincount(t.cols, weights=t.data, minlength=m)
    total = np.bincount(t.rows, weights=t.data * column_sums[t.cols], minlength=n)
    itself = np.bincount(t.rows, weights=t.data * t.data, minlength=n)
    if graph.n_docs <= 1:
        return np.asarray(np.maximum(total - itself, 0.0), dtype=np.float64)
    keys = graph.doc[t.rows].astype(np.int64) * m + t.cols
    _, inverse = np.unique(keys, return_inverse=True)
    doc_sums = np.bincount(inverse.ravel(), weights=t.data)
    own = np.bincount(t.rows, weights=t.data * doc_sums[inverse.ravel()], minlength=n)
    score = own - itself + _CROSS_DOC_WEIGHT * (total - own)
    return np.asarray(np.maximum(score, 0.0), dtype=np.float64)


def centrality(graph: SentenceGraph) -> Vector:
    """Degree centrality in the cosine graph, cross-document edges weighted up, in [0, 1]."""
    sim = graph.similarity
    if sim is None:
        score = _degrees(graph)
    else:
        if graph.n_docs > 1:
            same = graph.doc[:, None] == graph.doc[None, :]
            sim = np.where(same, sim, _CROSS_DOC_WEIGHT * sim)
        score = sim.sum(axis=1)
    top = float(score.max()) if score.size else 0.0
    return np.asarray(score / top if top > 0 else np.zeros_like(score), dtype=np.float64)


def quality(graph: SentenceGraph, profile: Profile = ARTICLE) -> Vector:
    """How usable each sentence is in a summary, in [0, 1], from its length and form."""
    n = np.maximum(graph.n_words, 1.0)
    q = np.minimum(1.0, n / MIN_WORDS) * np.minimum(1.0, profile.ideal_words / n)
    form = np.ones(len(graph.texts))
    if profile.leaning != 1.0:
        form[[i for i, t in enumerate(graph.texts) if leans_on_context(t)]] *= profile.leaning
    ends = [t.rstrip(_CLOSERS) for t in graph.texts]
    form[[i for i, t in enumerate(ends) if t.endswith(("?", "!"))]] *= _QUESTION
    joined = "\x00".join(graph.texts).lower()
    hits = [i for phrase in _FURNITURE if phrase in joined for i in _find_all(joined, phrase)]
    if hits:
        if joined.count("\x00") == len(graph.texts) - 1:
            starts = [0, *(i + 1 for i in _find_all(joined, "\x00"))]
        else:  # a sentence contains NUL itself: measure the sentences one by one
            starts = np.cumsum([0, *(len(t.lower()) + 1 for t in graph.texts)])[:-1].tolist()
        rows = np.unique(np.searchsorted(starts, hits, side="right") - 1)
        form[rows] *= _FURNITURE_PENALTY
    form[graph.not_prose] *= _FURNITURE_PENALTY
    return np.asarray(q * form, dtype=np.float64)


def _find_all(text: str, phrase: str) -> list[int]:
    """Start offsets of every occurrence of ``phrase`` in ``text``."""
    found: list[int] = []
    at = text.find(phrase)
    while at >= 0:
        found.append(at)
        at = text.find(phrase, at + 1)
    return found


def profile_for(graph: SentenceGraph) -> Profile:
    """:data:`CLUSTER` when the sentences come from more than one document, else :data:`ARTICLE`."""
    return CLUSTER if graph.n_docs > 1 else ARTICLE


def scores(graph: SentenceGraph, profile: Profile | None = None) -> Vector:
    """The relevance of each sentence before redundancy control."""
    p = profile or profile_for(graph)
    lead = np.exp(-graph.words_before / p.lead_words)
    relevance = quality(graph, p) * (lead + p.weight * centrality(graph))
    return np.asarray(relevance, dtype=np.float64)


def select(
    graph: SentenceGraph, relevance: Vector, n: int, duplicate: float = DUPLICATE
) -> list[int]:
    """Greedy maximal-marginal-relevance choice of up to ``n`` rows, best first; a row with
    cosine >= ``duplicate`` to a chosen one is never chosen."""
    m = len(relevance)
    if m == 0 or n <= 0:
        return []
    available = relevance > 0
    if not available.any():
        available[:] = True
    redundancy = np.zeros(m)
    scale = float(relevance.max()) or 1.0
    chosen: list[int] = []
    while len(chosen) < n and available.any():
        gain = np.where(available, relevance - LAMBDA * scale * redundancy, -np.inf)
        best = int(np.argmax(gain))
        chosen.append(best)
        sim = similarity_to(graph, best)
        redundancy = np.maximum(redundancy, sim)
        available[best] = False
        available &= sim < duplicate
    return chosen


def cap(docs: Sequence[Sequence[str]]) -> list[Sequence[str]]:
    """``docs`` cut to their opening sentences when there are more than ``MAX_SENTENCES``.

    Each keeps at least ``_MIN_PER_DOC``, so thousands of documents give more rows than the
    dense matrix is built for and :func:`build_graph` goes sparse; the cut bounds the work
    (linear in the documents), and the lead prior makes the cut sentences unlikely picks.
    """
    if sum(len(d) for d in docs) <= MAX_SENTENCES:
        return list(docs)
    keep = max(_MIN_PER_DOC, MAX_SENTENCES // max(len(docs), 1))
    return [d[:keep] for d in docs]


def select_lead(graph: SentenceGraph, profile: Profile, n: int) -> list[int]:
    """The first ``n`` usable rows in reading order (document by document, round robin).

    Usable: full quality form (no furniture, no question, not leaning on its context when
    the profile penalises that), at least half ``MIN_WORDS`` words, and no near-duplicate of
    a row already taken. Unusable rows fill in, in reading order, when too few are usable,
    but never a row the prose model (:func:`briefing.prose_model.not_prose`) judges not to
    be prose: a page with none of it gives only its first sentence.
    """
    form = (
        quality(graph, replace(profile, ideal_words=np.inf))
        * np.minimum(1.0, np.maximum(graph.n_words, 1.0) / MIN_WORDS) ** -1
    )
    order = np.lexsort((graph.doc, graph.index))
    usable = (form >= 1.0) & (graph.n_words >= MIN_WORDS / 2)
    prose = ~graph.not_prose
    chosen: list[int] = []
    for wanted in (True, False):
        for row in order.tolist():
            if len(chosen) >= n:
                return chosen
            if usable[row] != wanted or row in chosen or not prose[row]:
                continue
            if chosen and max(similarity_to(graph, row)[chosen]) >= DUPLICATE:
                continue
            chosen.append(row)
    if not chosen and len(order) and n > 0:  # no prose at all: only the first sentence
        chosen.append(int(order[0]))
    return chosen


def pick(graph: SentenceGraph, n: int, profile: Profile | None = None) -> list[int]:
    """Up to ``n`` rows by the profile's method, best (or first) first."""
    p = profile or profile_for(graph)
    if p.lead_only:
        return select_lead(graph, p, n)
    return select(graph, scores(graph, p), n)


def rank_across(
    docs: Sequence[Sequence[str]], n: int, profile: Profile | None = None
) -> list[tuple[int, int]]:
    """Up to ``n`` ``(document, sentence)`` pairs that best summarise ``docs``, best first."""
    graph = build_graph(cap(docs))
    rows = pick(graph, n, profile)
    return [(int(graph.doc[r]), int(graph.index[r])) for r in rows]
