"""Extractive summaries of one article and key points across many, always whole sentences.

The ranking lives in :mod:`briefing.summary_rank` (lead prior x TF-IDF centrality x length
and form quality, then maximal marginal relevance); this module maps it onto the pipeline's
records. Summaries list sentence indices in article order; key points come best first, and a
key point said by several articles (sentences with cosine >= ``CARRIES``) cites every one
of them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .models import Analysis, Citation, KeyPoint, Sentence
from .sentence_form import stands_alone
from .sentences import make_sentences
from .summary_rank import (
    SentenceGraph,
    Vector,
    build_graph,
    cap,
    rank_across,
    scores,
    select,
    similarity_to,
)

#: Cosine from which another article's sentence carries the same fact (and is cited). Below
#: ``DUPLICATE`` (0.7, a reprint): outlets retell a fact in their own words.
CARRIES = 0.5
#: Rows whose cross-article support is measured: the best by cluster relevance.
_POOL = 50


def summarize_sentences(sentences: Sequence[Sentence], n: int = 3) -> tuple[int, ...]:
    """Indices (in article order) of the ``n`` sentences that best summarise an article.

    Fewer than ``n`` only when the article is shorter, or when every sentence left is a
    near-duplicate of one already chosen.
    """
    if n <= 0 or not sentences:
        return ()
    picked = rank_across([[s.text for s in sentences]], n)
    return tuple(sorted(i for _, i in picked))


def summarize(text: str, sentences: int = 3) -> list[str]:
    """Summarise ``text`` in ``sentences`` whole sentences taken verbatim, in article order."""
    sents = make_sentences(text)
    return [sents[i].text for i in summarize_sentences(sents, sentences)]


def summarize_across(docs: Sequence[Sequence[Sentence]], n: int = 9) -> list[tuple[int, int]]:
    """``(document, sentence)`` index pairs of an ``n``-sentence summary of several documents.

    Pairs are in reading order: by document, then by position in it.
    """
    if n <= 0:
        return []
    return sorted(rank_across([[s.text for s in d] for d in docs], n))


def key_points(analyses: Sequence[Analysis], n: int = 5) -> tuple[KeyPoint, ...]:
    """The sentences that tell the story across articles, each cited, the central event first.

    Only sentences that stand on their own are candidates (:func:`stands_alone`: no fragment
    leaning on the sentence before, no question, no heading or caption). Across several
    articles a candidate's weight is its cluster relevance (quality x (lead prior + centrality))
    times ``1 + support``, the support being the summed cosine of the best-matching sentence
    in each other article that carries it (cosine >= ``CARRIES``): a fact reported by several
    outlets comes first.
    Only the ``_POOL`` most relevant candidates by the cluster relevance
    (:func:`briefing.summary_rank.scores`) that stand alone are weighed, one similarity row
    each, so nothing quadratic is built past ``MAX_SENTENCES``. Points are then chosen by
    maximal marginal relevance, which never takes a retelling of a chosen point (cosine >=
    ``CARRIES``): a fact several articles carry is one point.

    Candidates are every sentence of the articles or, when there are more than
    ``MAX_SENTENCES`` in all, each article's opening sentences (:func:`cap`). A point cites
    its own article first, then, in article order, every other article carrying it (cosine
    >= ``CARRIES``), at its most similar sentence.
    """
    if n <= 0 or not analyses:
        return ()
    graph = build_graph(cap([[s.text for s in a.sentences] for a in analyses]))
    relevance = _usable_pool(graph, scores(graph), max(_POOL, 4 * n))
    if graph.n_docs > 1:
        relevance = _with_support(graph, relevance)
    points: list[KeyPoint] = []
    for row in select(graph, relevance, n, duplicate=CARRIES):
        if relevance[row] <= 0:
            break
        doc, index = int(graph.doc[row]), int(graph.index[row])
        citations = [Citation(analyses[doc].article.id, analyses[doc].sentences[index].index)]
        cited = {analyses[doc].article.id}
        for other, best in _carriers(graph, row):
            analysis = analyses[other]
            if analysis.article.id in cited:
                continue
            cited.add(analysis.article.id)
            citations.append(
                Citation(analysis.article.id, analysis.sentences[int(graph.index[best])].index)
            )
        points.append(KeyPoint(analyses[doc].sentences[index].text, tuple(citations)))
    return tuple(points)


def _usable_pool(graph: SentenceGraph, relevance: Vector, pool: int) -> Vector:
    """``relevance`` kept for the ``pool`` most relevant rows that stand alone, 0 elsewhere.

    Rows are tested best first, so only a few of thousands of sentences are looked at.
    """
    kept = np.zeros_like(relevance)
    found = 0
    prose = ~graph.not_prose
    for row in np.argsort(-relevance, kind="stable").tolist():
        if found >= pool or relevance[row] <= 0:
            break
        if prose[row] and stands_alone(graph.texts[row]):
            kept[row] = relevance[row]
            found += 1
    return kept


def _with_support(graph: SentenceGraph, relevance: Vector) -> Vector:
    """Key-point weights: relevance x (1 + support) for the rows with a relevance.

    Multiplying keeps the lead prior's order among sentences every article carries (the same
    wire story reprinted: each of its sentences is "carried" everywhere).
    """
    weight = np.zeros_like(relevance)
    for row in np.flatnonzero(relevance > 0).tolist():
        support = sum(sim for _, _, sim in _carriers_scored(graph, row))
        weight[row] = relevance[row] * (1.0 + support)
    return weight


def _carriers(graph: SentenceGraph, row: int) -> list[tuple[int, int]]:
    """``(document, row)`` for every other document carrying ``row`` (cosine >= ``CARRIES``),
    in document order, with its most similar row (the first one on a tie)."""
    return [(doc, best) for doc, best, _ in _carriers_scored(graph, row)]


def _carriers_scored(graph: SentenceGraph, row: int) -> list[tuple[int, int, float]]:
    """:func:`_carriers` with each carrying row's cosine."""
    sim = similarity_to(graph, row)
    hits = np.flatnonzero((sim >= CARRIES) & (graph.doc != graph.doc[row]))
    if hits.size == 0:
        return []
    docs = graph.doc[hits]
    order = np.lexsort((hits, -sim[hits], docs))
    docs, hits = docs[order], hits[order]
    first = np.ones(len(hits), dtype=bool)
    first[1:] = docs[1:] != docs[:-1]
    return list(
        zip(docs[first].tolist(), hits[first].tolist(), sim[hits[first]].tolist(), strict=True)
    )
