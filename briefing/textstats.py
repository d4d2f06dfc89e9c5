"""Bag-of-words statistics for sentence scoring: tokens, stop words, a light stemmer, TF-IDF.

Only what extractive summarisation needs, with no external data: the stop-word list ships in
``briefing/data/stopwords_en.txt`` and the stemmer is a small suffix stripper (a few rules of
Porter's step 1), which is enough to let *attack*/*attacks*/*attacked* meet in a vector space.
Tokens are whitespace-separated and lower-cased; each distinct token is turned into a term once
(edge punctuation and possessive stripped, stop words dropped, stem) and memoised, so the hot
path is C-level string splitting and dict look-ups, then numpy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import chain, count
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

_EDGES = "".join(chr(c) for c in range(33, 127) if not chr(c).isalnum()) + "“”‘’—–…«»„‚•·"
_DOUBLE = re.compile(r"([b-df-hj-km-np-tv-xz])\1$")


@cache
def stopwords() -> frozenset[str]:
    """The English stop words shipped with the package."""
    text = (Path(__file__).parent / "data" / "stopwords_en.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def stem(word: str) -> str:
    """A light English suffix stripper (plural, -ed, -ing) for a lower-cased word."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word:
        return word
    if word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if not re.search(r"[aeiouy]", base):
                break
            word = base[:-1] if _DOUBLE.search(base) else base
            break
    return word


def words(text: str) -> list[str]:
    """Lower-cased whitespace tokens of ``text``, punctuation still attached (see :func:`_term`)."""
    return text.lower().split()


def words_per_text(texts: Sequence[str]) -> tuple[list[str], list[int]]:
    """The :func:`words` of all ``texts`` in one list, and how many came from each text.

    Lower-cases the texts joined by NUL in one call, unless a text itself contains NUL.
    """
    joined = "\x00".join(texts)
    if joined.count("\x00") == len(texts) - 1:
        lowered = joined.lower().split("\x00") if texts else []
    else:
        lowered = [t.lower() for t in texts]
    lists = [t.split() for t in lowered]
    return list(chain.from_iterable(lists)), [len(w) for w in lists]


def content_terms(text: str) -> list[str]:
    """Stemmed terms of ``text`` without punctuation, stop words and one-letter tokens."""
    if len(_TERMS) > _TERMS_LIMIT:
        _TERMS.clear()
    return [t for t in map(_term, words(text)) if t]


_TERMS: dict[str, str] = {}
_TERMS_LIMIT = 500_000
_COUNT_CELLS = 1 << 20


def _term(word: str) -> str:
    """The stemmed term of a lower-cased token, ``""`` for a stop word or punctuation (memoised)."""
    term = _TERMS.get(word)
    if term is None:
        core = word.strip(_EDGES).replace("\u2019", "'")
        if core.endswith("'s"):
            core = core[:-2]
        keep = len(core) > 1 and core not in stopwords() and any(c.isalnum() for c in core)
        term = _TERMS[word] = stem(core) if keep else ""
    return term


@dataclass(frozen=True)
class TermMatrix:
    """L2-normalised TF-IDF rows in coordinate form: ``data[k]`` sits at ``(rows[k], cols[k])``,
    sorted by row, then column."""

    rows: npt.NDArray[np.int64]
    cols: npt.NDArray[np.int64]
    data: npt.NDArray[np.float64]
    shape: tuple[int, int]

    def csr(self) -> Any:
        """The rows as a ``scipy.sparse.csr_matrix`` (no copy of the values). SciPy is
        imported here: a cached build never needs it, and it costs a fifth of a second."""
        import scipy.sparse as sp

        indptr = np.searchsorted(self.rows, np.arange(self.shape[0] + 1))  # rows are sorted
        return sp.csr_matrix((self.data, self.cols, indptr), shape=self.shape)

    def cosine(self) -> npt.NDArray[np.float64]:
        """The dense row-by-row cosine similarity matrix (rows are unit vectors).

        A scipy sparse-times-dense product: a dense ``@`` would go through a threaded BLAS,
        which spends more time waking its threads than multiplying such small matrices.
        """
        x = self.csr()
        dense_t = np.zeros((self.shape[1], self.shape[0]))
        dense_t[self.cols, self.rows] = self.data
        return np.asarray(x @ dense_t, dtype=np.float64)


def term_matrix(flat: Sequence[str], counts: Sequence[int]) -> TermMatrix:
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf over the rows) of token runs.

    Row ``r`` holds the next ``counts[r]`` tokens of ``flat``, lower-cased as
    :func:`words_per_text` gives them; each distinct token is mapped once (memoised) to a term
    by :func:`_term`. Per token there is one C-level dict look-up; the rest is numpy.
    """
    n_rows = len(counts)
    cache = _TERMS
    missing = set(flat).difference(cache)
    if len(cache) + len(missing) > _TERMS_LIMIT:
        cache.clear()
        missing = set(flat)
    for w in missing:
        _term(w)
    terms = list(map(cache.__getitem__, flat))
    unique_terms = dict.fromkeys(terms)
    unique_terms.pop("", None)
    columns = dict(zip(unique_terms, count()))
    columns[""] = -1
    cols = np.fromiter(map(columns.__getitem__, terms), np.int64, count=len(terms))
    n_cols = max(len(unique_terms), 1)
    rows = np.repeat(np.arange(n_rows, dtype=np.int64), counts)
    keep = cols >= 0
    cells = rows[keep] * n_cols + cols[keep]
    if n_rows * n_cols <= _COUNT_CELLS:  # counting beats sorting when the grid is small
        tally = np.bincount(cells, minlength=n_rows * n_cols)
        keys = np.flatnonzero(tally)
        tf = tally[keys]
    else:
        keys, tf = np.unique(cells, return_counts=True)
    row_of, col_of = np.divmod(keys, n_cols)
    df = np.bincount(col_of, minlength=n_cols).astype(np.float64)
    idf = np.log((1.0 + n_rows) / (1.0 + df)) + 1.0
    data = (1.0 + np.log(tf.astype(np.float64))) * idf[col_of]
    norms = np.sqrt(np.bincount(row_of, weights=data * data, minlength=n_rows))
    data /= np.where(norms > 0, norms, 1.0)[row_of]
    return TermMatrix(row_of, col_of, data, (n_rows, n_cols))
