"""The large-input paths: key points over thousands of articles without a dense cosine matrix,
and statements merged through an index instead of pairwise, with the same results."""

from __future__ import annotations

import functools
import random
from dataclasses import replace

import numpy as np
import pytest

from briefing import summary, summary_rank
from briefing.models import Analysis, Article, Citation, Sentence, Statement
from briefing.positions import group_positions, merge_statements
from briefing.positions import grouping as positions
from briefing.textstats import TermMatrix

from .test_summary import HARBOUR, STRIKE, STRIKE_OTHER_OUTLET, analysis

VOCAB = [f"w{i}" for i in range(2000)]


def sentence(rng: random.Random) -> str:
    return "The " + " ".join(rng.sample(VOCAB, rng.randint(6, 20))) + "."


def synthetic(count: int, seed: int) -> list[Analysis]:
    """``count`` articles of 1 to 4 random sentences; articles come in groups of 1 to 3 that
    open with the same sentence, as wire copy reprinted by several outlets does."""
    rng = random.Random(seed)
    out: list[Analysis] = []
    lead = sentence(rng)
    left = 0
    for i in range(count):
        if left == 0:
            lead, left = sentence(rng), rng.randint(1, 3)
        left -= 1
        texts = [lead, *(sentence(rng) for _ in range(rng.randint(0, 3)))]
        sentences, at = [], 0
        for k, t in enumerate(texts):
            sentences.append(Sentence(k, t, at, at + len(t)))
            at += len(t) + 1
        article = Article(f"a{i}", f"a{i}.md", f"a{i}", " ".join(texts))
        out.append(Analysis(article, tuple(sentences), (0,), ()))
    return out


def small_cluster() -> list[Analysis]:
    news = [analysis("harbour", HARBOUR), analysis("strike-a", STRIKE)]
    return [*news, *synthetic(30, 7), analysis("strike-b", STRIKE_OTHER_OUTLET)]


def holders(analyses: list[Analysis]) -> dict[str, list[Citation]]:
    """Every (article, sentence) holding each sentence text, in article order."""
    found: dict[str, list[Citation]] = {}
    for a in analyses:
        for s in a.sentences:
            found.setdefault(s.text, []).append(Citation(a.article.id, s.index))
    return found


def test_sparse_centrality_and_similarities_equal_the_dense_ones() -> None:
    docs = [[s.text for s in a.sentences] for a in small_cluster()]
    for chosen in (docs, docs[:1], [*docs[:3], [], *docs[3:6]]):
        dense = summary_rank.build_graph(chosen, dense=True)
        sparse = summary_rank.build_graph(chosen, dense=False)
        assert sparse.similarity is None
        np.testing.assert_allclose(
            summary_rank.centrality(sparse), summary_rank.centrality(dense), atol=1e-12
        )
        for row in range(0, len(dense.texts), 7):
            np.testing.assert_allclose(
                summary_rank.similarity_to(sparse, row),
                summary_rank.similarity_to(dense, row),
                atol=1e-12,
            )
        relevance = summary_rank.scores(dense)
        assert summary_rank.select(sparse, summary_rank.scores(sparse), 9) == (
            summary_rank.select(dense, relevance, 9)
        )


def test_key_points_sparse_equal_dense_with_merged_citations(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    analyses = small_cluster()
    dense = summary.key_points(analyses, 8)
    sparse_graph = functools.partial(summary_rank.build_graph, dense=False)
    monkeypatch.setattr(summary, "build_graph", sparse_graph)
    assert summary.key_points(analyses, 8) == dense
    assert max(len(p.citations) for p in dense) > 1
    sparse_all = summary.key_points(analyses, 40)
    monkeypatch.undo()
    assert summary.key_points(analyses, 40) == sparse_all
    union = [p for p in sparse_all if p.text.startswith("The union says its members")]
    assert sorted(c.article for c in union[0].citations) == ["strike-a", "strike-b"]


def test_key_points_over_thousands_of_articles_never_build_a_dense_matrix(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_dense(self: TermMatrix) -> None:
        raise AssertionError(f"dense cosine matrix of {self.shape[0]} rows")

    analyses = synthetic(3000, 11)
    assert sum(len(a.sentences) for a in analyses) > summary_rank.MAX_SENTENCES
    monkeypatch.setattr(TermMatrix, "cosine", no_dense)
    points = summary.key_points(analyses, 5)
    assert len(points) == 5
    assert points == summary.key_points(analyses, 5)
    same = holders(analyses)
    for p in points:  # random sentences are far apart: near-duplicates are the reprints
        first = p.citations[0]
        assert list(p.citations) == [first, *(c for c in same[p.text] if c != first)]
    assert max(len(p.citations) for p in points) > 1


def pairwise_merge(statements: list[Statement]) -> list[Statement]:
    """The reference rule: compare each statement with every claim so far, in order."""
    merged: list[Statement] = []
    words: list[frozenset[str]] = []
    for s in statements:
        w = positions._words(s.text)
        for i, m in enumerate(merged):
            if positions._same_claim(w, words[i]):
                cites = m.citations + tuple(c for c in s.citations if c not in m.citations)
                merged[i] = replace(m, citations=cites, speaker=m.speaker or s.speaker)
                break
        else:
            merged.append(s)
            words.append(w)
    return merged


def variants(rng: random.Random, n: int, vocabulary: int) -> list[Statement]:
    """Statements, many of them edited copies of earlier ones: words dropped, added, swapped,
    cut to a part (containment), so that both rules of the merge fire near their limits."""
    words = [f"v{i}" for i in range(vocabulary)]
    out: list[Statement] = []
    for _ in range(n):
        if out and rng.random() < 0.6:
            base = rng.choice(out).text.rstrip(".").split() or [rng.choice(words)]
            edit = rng.randrange(5)
            if edit == 0 and len(base) > 1:
                base.pop(rng.randrange(len(base)))
            elif edit == 1:
                base.insert(rng.randrange(len(base) + 1), rng.choice(words))
            elif edit == 2:
                base[rng.randrange(len(base))] = rng.choice(words)
            elif edit == 3:
                start = rng.randrange(max(1, len(base) - 5))
                base = base[start : start + rng.randint(5, 9)]
            else:
                base = base + rng.sample(words, rng.randint(1, 6))
            text = " ".join(base) + "."
        else:
            text = " ".join(rng.sample(words, rng.randint(1, min(16, vocabulary)))) + "."
        if rng.random() < 0.03:
            text = "..."  # no words at all: never merged
        country = rng.choice(["RUS", "UKR", "FIN"])
        speaker = rng.choice([None, None, "A. Speaker", "B. Speaker"])
        citation = Citation(f"art{rng.randrange(n // 3 + 1)}", rng.randrange(30))
        out.append(Statement(text, country, speaker, "STATEMENT", (citation,)))
    return out


@pytest.mark.parametrize("seed", range(8))
def test_indexed_merge_equals_the_pairwise_merge(seed: int) -> None:
    rng = random.Random(seed)
    statements = variants(rng, 600, rng.choice([12, 40, 200]))
    expected = {}
    for country in ("RUS", "UKR", "FIN"):
        mine = [s for s in statements if s.country == country]
        assert merge_statements(mine) == pairwise_merge(mine)
        expected[country] = pairwise_merge(mine)
    for position in group_positions(statements):
        assert list(position.statements) == expected[position.iso3]


def test_merging_many_distinct_statements_compares_few_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    same_claim = positions._same_claim

    def counted(a: frozenset[str], b: frozenset[str]) -> bool:
        nonlocal calls
        calls += 1
        return same_claim(a, b)

    monkeypatch.setattr(positions, "_same_claim", counted)
    rng = random.Random(3)
    statements = variants(rng, 20_000, 5000)
    merged = merge_statements([replace(s, country="RUS") for s in statements])
    assert len(merged) < len(statements)
    assert calls < 30 * len(statements)  # a pairwise scan makes about 10**8 here
