"""Extractive summaries of one article and key points across many, always whole sentences.

The ranking lives in :mod:`briefing.summary_rank` (lead prior x TF-IDF centrality x length
and form quality, then maximal marginal relevance); this module maps it onto the pipeline's
records. Summaries list sentence indices in article order; key points come best first, and a
key point said by several articles (near-duplicate sentences, cosine >= ``DUPLICATE``) cites
every one of them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .models import Analysis, Citation, KeyPoint, Sentence
from .sentences import make_sentences
from .summary_rank import (
    DUPLICATE,
    SentenceGraph,
    build_graph,
    cap,
    rank_across,
    scores,
    select,
    similarity_to,
)


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
    """The most central, non-redundant sentences across articles, each cited, best first.

    Candidates are every sentence of the articles or, when there are more than
    ``MAX_SENTENCES`` in all, each article's opening sentences (:func:`cap`): the lead prior
    would rarely pick a later one, and the work stays linear in the articles. Past
    ``MAX_SENTENCES`` the ranking runs on the sparse TF-IDF rows (:mod:`briefing.summary_rank`),
    so nothing quadratic in the sentence count is built. The candidates are deliberately not
    each article's own summary (``Analysis.summary``), though that would be about 2.5 times
    less work: the sparse ranking then gives exactly what the dense one would on the same
    sentences, and a reprinted lead sentence is found, and cited, in every article carrying
    it, not only in those whose summary happened to keep it.

    A point cites its own article first, then, in article order, every other article with
    a near-duplicate sentence (cosine >= ``DUPLICATE``), at its most similar sentence.
    """
    if n <= 0 or not analyses:
        return ()
    graph = build_graph(cap([[s.text for s in a.sentences] for a in analyses]))
    points: list[KeyPoint] = []
    for row in select(graph, scores(graph), n):
        doc, index = int(graph.doc[row]), int(graph.index[row])
        citations = [Citation(analyses[doc].article.id, analyses[doc].sentences[index].index)]
        cited = {analyses[doc].article.id}
        for other, best in _best_duplicates(graph, row):
            analysis = analyses[other]
            if analysis.article.id in cited:
                continue
            cited.add(analysis.article.id)
            citations.append(
                Citation(analysis.article.id, analysis.sentences[int(graph.index[best])].index)
            )
        points.append(KeyPoint(analyses[doc].sentences[index].text, tuple(citations)))
    return tuple(points)


def _best_duplicates(graph: SentenceGraph, row: int) -> list[tuple[int, int]]:
    """``(document, row)`` for every document holding a near-duplicate of ``row``, in
    document order, with its most similar row (the first one on a tie)."""
    sim = similarity_to(graph, row)
    hits = np.flatnonzero(sim >= DUPLICATE)
    if hits.size == 0:
        return []
    docs = graph.doc[hits]
    order = np.lexsort((hits, -sim[hits], docs))
    docs, hits = docs[order], hits[order]
    first = np.ones(len(hits), dtype=bool)
    first[1:] = docs[1:] != docs[:-1]
    return list(zip(docs[first].tolist(), hits[first].tolist(), strict=True))
