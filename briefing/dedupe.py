"""Near-duplicate articles: the same wire story as printed by two outlets.

Reading the same Reuters story from three papers would make it three "sources" and triple
its weight in the key points. Each article becomes a set of 5-word shingles; MinHash
signatures banded into LSH buckets find candidate pairs in about linear time, and the
exact shingle overlap of each candidate decides. Groups keep their first article.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from .models import Article

SHINGLE = 5  # words per shingle
PERMUTATIONS = 64
BANDS = 32  # 32 bands of 2 rows: a pair at 0.5 Jaccard is missed 1 time in 10,000
MIN_JACCARD = 0.5  # two outlets' edits of one story overlap at least this much
MIN_CONTAINMENT = 0.85  # or one is (almost) wholly inside the other
FULL_BUCKET = 64  # buckets up to this size have every pair checked
MIN_SHINGLES = 12  # shorter texts are compared only when identical
_CHUNK = 8192
_WORD = re.compile(r"\w+")
_MULTIPLIER = np.uint64(0x100000001B3)

Signature = npt.NDArray[np.uint64]


class _Hashes:
    """Random permutations shared by every article of one run.

    Words are hashed with CRC-32, not Python's per-process salted ``hash``: the same
    articles must give the same groups on every run (a salted hash made rare pairs come and go).
    """

    def __init__(self, seed: int = 20240601) -> None:
        rng = np.random.default_rng(seed)
        self.a = rng.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
        self.b = rng.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)

    def shingles(self, words: list[str]) -> npt.NDArray[np.uint64]:
        """The distinct hashed word 5-grams of ``words``."""
        ids = np.array([zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words],
                       dtype=np.uint64)
        if len(ids) < SHINGLE:
            return np.empty(0, dtype=np.uint64)
        count = len(ids) - SHINGLE + 1
        hashed = np.zeros(count, dtype=np.uint64)
        for j in range(SHINGLE):
            hashed = hashed * _MULTIPLIER + ids[j : j + count]
        return np.unique(hashed)

    def signature(self, shingles: npt.NDArray[np.uint64]) -> Signature:
        """MinHash: per permutation, the least multiply-shift hash over the shingles."""
        best = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)
        for start in range(0, len(shingles), _CHUNK):
            part = shingles[start : start + _CHUNK]
            values = (self.a[:, None] * part[None, :] + self.b[:, None]) >> np.uint64(16)
            best = np.minimum(best, values.min(axis=1))
        return best


def _overlap(x: npt.NDArray[np.uint64], y: npt.NDArray[np.uint64]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger) of two shingle sets."""
    common = len(np.intersect1d(x, y, assume_unique=True))
    union = len(x) + len(y) - common
    return common / union if union else 0.0, common / max(1, min(len(x), len(y)))


def _same(x: npt.NDArray[np.uint64], y: npt.NDArray[np.uint64]) -> bool:
    jaccard, containment = _overlap(x, y)
    return jaccard >= MIN_JACCARD or containment >= MIN_CONTAINMENT


def _candidates(signatures: list[Signature]) -> set[tuple[int, int]]:
    """Pairs (by position) whose signatures agree on all rows of at least one band."""
    if len(signatures) < 2:
        return set()
    matrix = np.vstack(signatures)
    rows = PERMUTATIONS // BANDS
    pairs: set[tuple[int, int]] = set()
    for band in range(BANDS):
        key = np.zeros(len(matrix), dtype=np.uint64)
        for column in matrix[:, band * rows : (band + 1) * rows].T:
            key = key * _MULTIPLIER + column
        order = np.argsort(key, kind="stable")
        ranked = key[order]
        starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
        ends = np.r_[starts[1:], len(ranked)]
        for start, end in zip(starts, ends, strict=True):
            if end - start > 1:
                pairs.update(_bucket_pairs(sorted(order[start:end].tolist())))
    return pairs


def _bucket_pairs(members: list[int]) -> Iterable[tuple[int, int]]:
    """The pairs of one bucket to check: all of them in a small bucket; in a huge one (many
    templated texts alike) each member against the first and its neighbour, which keeps the
    work linear and still joins a whole group of copies through the union-find."""
    if len(members) <= FULL_BUCKET:
        return ((x, y) for n, x in enumerate(members) for y in members[n + 1 :])
    first = members[0]
    return [*((first, y) for y in members[1:]), *pairwise(members[1:])]


def find_duplicates(articles: Sequence[Article]) -> list[tuple[str, ...]]:
    """Groups of ids of articles that tell the same story (2+ each, first = earliest)."""
    return [tuple(articles[i].id for i in g) for g in duplicate_groups(articles)]


def duplicate_groups(articles: Sequence[Article]) -> list[list[int]]:
    """Like :func:`find_duplicates`, as indices into ``articles``."""
    hashes = _Hashes()
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    exact: dict[str, int] = {}
    sets: dict[int, npt.NDArray[np.uint64]] = {}
    signatures: list[Signature] = []
    for i, article in enumerate(articles):
        words = _WORD.findall(article.text.lower())
        norm = " ".join(words)
        if norm in exact:
            join(exact[norm], i)
            continue
        exact[norm] = i
        shingles = hashes.shingles(words)
        if len(shingles) >= MIN_SHINGLES:
            sets[i] = shingles
            signatures.append(hashes.signature(shingles))
    order = list(sets)
    for i, j in _candidates(signatures):
        a, b = order[i], order[j]
        if root(a) != root(b) and _same(sets[a], sets[b]):
            join(a, b)
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in range(len(articles)):
        groups[root(i)].append(i)
    return [g for _, g in sorted(groups.items()) if len(g) > 1]


def collapse(
    articles: Sequence[Article], groups: list[list[int]] | None = None
) -> tuple[list[Article], dict[str, tuple[Article, ...]]]:
    """Articles with each duplicate group reduced to its first article, and what went."""
    dropped: set[int] = set()
    duplicates: dict[str, tuple[Article, ...]] = {}
    for group in duplicate_groups(articles) if groups is None else groups:
        first, rest = group[0], group[1:]
        dropped.update(rest)
        duplicates[articles[first].id] = tuple(articles[i] for i in rest)
    kept = [a for i, a in enumerate(articles) if i not in dropped]
    return kept, duplicates


class MetaStore(Protocol):
    """Where the groups of the last run are kept (the article library)."""

    def get_meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...


@functools.cache
def _detector_version() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def collapse_cached(
    articles: Sequence[Article], store: MetaStore
) -> tuple[list[Article], dict[str, tuple[Article, ...]]]:
    """:func:`collapse`, reusing last run's groups when the articles are all unchanged."""
    from .library import article_hash

    # The detector's own source is in the digest: retuned detection must not reuse old groups.
    hashes = "".join(article_hash(a) for a in articles)
    digest = hashlib.sha256(f"{_detector_version()}{hashes}".encode()).hexdigest()
    saved = store.get_meta("duplicates")
    if saved:
        with contextlib.suppress(ValueError, TypeError, KeyError):
            data = json.loads(saved)
            if data["digest"] == digest:
                return collapse(articles, [list(map(int, g)) for g in data["groups"]])
    groups = duplicate_groups(articles)
    store.set_meta("duplicates", json.dumps({"digest": digest, "groups": groups}))
    return collapse(articles, groups)
