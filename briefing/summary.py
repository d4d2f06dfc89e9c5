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
from .summary_rank import DUPLICATE, build_graph, cap, rank_across, scores, select


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
    """The most central, non-redundant sentences across articles, each cited, best first."""
    if n <= 0 or not analyses:
        return ()
    graph = build_graph(cap([[s.text for s in a.sentences] for a in analyses]))
    points: list[KeyPoint] = []
    for row in select(graph, scores(graph), n):
        doc, index = int(graph.doc[row]), int(graph.index[row])
        citations = [Citation(analyses[doc].article.id, analyses[doc].sentences[index].index)]
        sim = graph.similarity[row]
        for other, analysis in enumerate(analyses):
            if any(c.article == analysis.article.id for c in citations):
                continue
            rows = np.flatnonzero(graph.doc == other)
            if len(rows) == 0:
                continue
            best = int(rows[np.argmax(sim[rows])])
            if sim[best] >= DUPLICATE:
                citations.append(
                    Citation(analysis.article.id, analysis.sentences[int(graph.index[best])].index)
                )
        points.append(KeyPoint(analyses[doc].sentences[index].text, tuple(citations)))
    return tuple(points)
