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
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import pairwise
from pathlib import Path
from typing import Any, Protocol

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
_BLOCK = 4096  # rows of band keys per block
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


def _band_keys(signature: Signature) -> npt.NDArray[np.uint32]:
    """One 32-bit key per LSH band: the band's rows folded into one number.

    32 bits, not 64: a chance collision only adds a candidate pair, which the exact
    shingle check then rejects (about 40 such pairs among 100,000 texts).
    """
    rows = signature.reshape(BANDS, PERMUTATIONS // BANDS)
    key = np.zeros(BANDS, dtype=np.uint64)
    for column in rows.T:
        key = key * _MULTIPLIER + column
    return ((key >> np.uint64(32)) ^ key).astype(np.uint32)


def _candidates(
    band: Callable[[int], npt.NDArray[np.uint32]],
) -> Iterator[tuple[int, int]]:
    """Pairs (by row, in order) whose band keys agree in at least one band; ``band(b)``
    gives band ``b``'s key of every row (one band at a time: the matrix is never copied).

    Pairs are kept as one 8-byte number each in a numpy array, not as a set of tuples:
    thousands of templated texts alike make millions of candidate pairs.
    """
    found = np.empty(0, dtype=np.int64)
    count = 0
    for b in range(BANDS):
        key = band(b)
        count = len(key)
        if count < 2:
            break
        order = np.argsort(key, kind="stable")
        ranked = key[order]
        starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
        ends = np.r_[starts[1:], len(ranked)]
        pairs = array("q")
        for start, end in zip(starts, ends, strict=True):
            if end - start > 1:
                members = sorted(order[start:end].tolist())
                pairs.extend(x * count + y for x, y in _bucket_pairs(members))
        if pairs:
            found = np.union1d(found, np.frombuffer(pairs, dtype=np.int64))
    for at in range(0, len(found), _BLOCK):
        for pair in found[at : at + _BLOCK].tolist():
            yield divmod(pair, count)


def _bucket_pairs(members: list[int]) -> Iterable[tuple[int, int]]:
    """The pairs of one bucket to check: all of them in a small bucket; in a huge one (many
    templated texts alike) each member against the first and its neighbour, which keeps the
    work linear and still joins a whole group of copies through the union-find."""
    if len(members) <= FULL_BUCKET:
        return ((x, y) for n, x in enumerate(members) for y in members[n + 1 :])
    first = members[0]
    return [*((first, y) for y in members[1:]), *pairwise(members[1:])]


class _Rows:
    """Rows of a fixed width appended one at a time to fixed-size numpy blocks: no list of
    small arrays, and no copy of everything each time a growing array would double."""

    def __init__(self, width: int, dtype: type[np.unsignedinteger[Any]]) -> None:
        self._width, self._dtype = width, dtype
        self._blocks: list[npt.NDArray[Any]] = []
        self._fill = _BLOCK

    def __len__(self) -> int:
        return (len(self._blocks) - 1) * _BLOCK + self._fill if self._blocks else 0

    def append(self, row: npt.NDArray[Any]) -> None:
        if self._fill == _BLOCK:
            self._blocks.append(np.empty((_BLOCK, self._width), dtype=self._dtype))
            self._fill = 0
        self._blocks[-1][self._fill] = row
        self._fill += 1

    def column(self, j: int) -> npt.NDArray[Any]:
        if not self._blocks:
            return np.empty(0, dtype=self._dtype)
        parts = [b[:, j] for b in self._blocks[:-1]]
        return np.concatenate([*parts, self._blocks[-1][: self._fill, j]])


class Detector:
    """Near-duplicate detection fed one text at a time, keeping only compact fingerprints.

    Per text it keeps a 16-byte digest of its words (exact copies), and for texts long
    enough 32 LSH band keys of 4 bytes, in numpy blocks: never the text, its shingles or
    even a Python object per text. The candidate pairs are checked on their exact shingles,
    recomputed from texts fetched on demand (``text_of``): 100,000 texts cost about 200
    bytes each, and give the groups :func:`duplicate_groups` always gave.
    """

    def __init__(self) -> None:
        self._hashes = _Hashes()
        self._digests = _Rows(2, np.uint64)
        self._bands = _Rows(BANDS, np.uint32)
        self._order = array("q")  # text number of each row of band keys
        self._parent = array("q")

    def __len__(self) -> int:
        return len(self._parent)

    def add(self, text: str) -> None:
        """Fingerprint the next text (texts are numbered from 0 in the order added)."""
        i = len(self._parent)
        self._parent.append(i)
        words = _WORD.findall(text.lower())
        norm = " ".join(words).encode("utf-8", "surrogatepass")
        self._digests.append(
            np.frombuffer(hashlib.blake2b(norm, digest_size=16).digest(), dtype=np.uint64)
        )
        shingles = self._hashes.shingles(words)
        if len(shingles) >= MIN_SHINGLES:
            self._bands.append(_band_keys(self._hashes.signature(shingles)))
            self._order.append(i)

    def groups(self, text_of: Callable[[int], str]) -> list[list[int]]:
        """Groups of text numbers telling the same story (2+ each, first = earliest)."""
        copy = self._join_exact_copies()
        # Exact copies stand aside, as if never added: their first is compared for them.
        rows = np.frombuffer(self._order, dtype=np.int64) if self._order else np.empty(0, int)
        wanted = ~copy[rows]
        texts = rows[wanted]
        shingles = functools.lru_cache(maxsize=256)(
            lambda i: self._hashes.shingles(_WORD.findall(text_of(i).lower()))
        )
        for x, y in _candidates(lambda b: self._bands.column(b)[wanted]):
            a, b = int(texts[x]), int(texts[y])
            if self._root(a) != self._root(b) and _same(shingles(a), shingles(b)):
                self._join(a, b)
        found: dict[int, list[int]] = {}
        for i in range(len(self._parent)):
            top = self._root(i)
            if top != i:
                found.setdefault(top, [top]).append(i)
        return [found[top] for top in sorted(found)]

    def _join_exact_copies(self) -> npt.NDArray[np.bool_]:
        """Join each text to the first with the same words; True for those later copies."""
        high, low = self._digests.column(0), self._digests.column(1)
        copy = np.zeros(len(high), dtype=bool)
        if len(high) < 2:
            return copy
        order = np.lexsort((low, high))  # stable: each run of equal digests starts earliest
        same = (high[order][1:] == high[order][:-1]) & (low[order][1:] == low[order][:-1])
        starts = np.where(np.r_[True, ~same], np.arange(len(order)), 0)
        first = order[np.maximum.accumulate(starts)]
        for at in np.flatnonzero(np.r_[False, same]).tolist():
            self._join(int(first[at]), int(order[at]))
        copy[order[np.r_[False, same]]] = True
        return copy

    def _root(self, i: int) -> int:
        parent = self._parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def _join(self, i: int, j: int) -> None:
        ri, rj = self._root(i), self._root(j)
        if ri != rj:
            self._parent[max(ri, rj)] = min(ri, rj)


def find_duplicates(articles: Sequence[Article]) -> list[tuple[str, ...]]:
    """Groups of ids of articles that tell the same story (2+ each, first = earliest)."""
    return [tuple(articles[i].id for i in g) for g in duplicate_groups(articles)]


def duplicate_groups(articles: Sequence[Article]) -> list[list[int]]:
    """Like :func:`find_duplicates`, as indices into ``articles``."""
    detector = Detector()
    for article in articles:
        detector.add(article.text)
    return detector.groups(lambda i: articles[i].text)


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


def groups_digest() -> hashlib._Hash:
    """A running digest of one load's article hashes (fed in order) for :func:`cached_groups`.

    The detector's own source is in it: retuned detection must not reuse old groups.
    """
    return hashlib.sha256(_detector_version().encode())


def cached_groups(
    digest: str, count: int, store: MetaStore, detect: Callable[[], list[list[int]]]
) -> list[list[int]]:
    """Last run's groups if ``digest`` (of ``count`` articles) is unchanged, else ``detect()``'s."""
    saved = store.get_meta("duplicates")
    if saved:
        with contextlib.suppress(ValueError, TypeError, KeyError):
            data = json.loads(saved)
            if data["digest"] == digest:
                groups = [list(map(int, g)) for g in data["groups"]]
                if all(0 <= i < count for g in groups for i in g):
                    return groups
    groups = detect()
    store.set_meta("duplicates", json.dumps({"digest": digest, "groups": groups}))
    return groups
