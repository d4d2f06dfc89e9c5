"""Is a sentence the article's own prose? A small trained model over the shape of the sentence
and of its page.

The cleaner (:mod:`briefing.clean`) removes what has the *form* of furniture, line by line. What
is left over is prose-shaped but still not news: a page that is no article at all (a web-archive
notice, a "Tweet with a location" widget, a video page's blurb), an uncredited caption, a
fragment. Those are told apart less by any one word than by the page around them: news prose
names people and places, quotes someone ("said", "told"), gives numbers and tells of the past;
a notice addresses the reader ("you", "your"), is short and in the present tense. So each
sentence is described by a handful of closed-class and shape features, of itself and averaged
over its page, and a logistic regression weighs them.

The weights (``briefing/data/prose_model.json``, a few dozen numbers) and the threshold are
learnt by ``bench/train_prose_model.py`` on the dev part of the labelled furniture check, with
folds by cluster; nothing here names a source or a topic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from .clean.shape import capital_share, ends_sentence, is_capitals
from .sentence_form import is_question, leans_on_context

Matrix = npt.NDArray[np.float64]

_MODEL = Path(__file__).parent / "data" / "prose_model.json"
_TOKEN = re.compile(r"[^\W_][\w'’.\-]*")
# Closed classes, lower-cased: reporting verbs of news prose, the reader addressed, the writer.
_REPORTING = frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "tells",
        "according",
        "added",
        "adds",
        "announced",
        "stated",
        "reported",
        "confirmed",
    ]
)
_SECOND = frozenset(["you", "your", "you're", "yours", "yourself", "you'll", "you've"])
_FIRST = frozenset(["i", "me", "my", "we", "our", "us", "i'm", "we're", "i've"])
# When: news is dated ("on Tuesday", "in March", "last year", "in 2012").
_TIME = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "yesterday",
        "today",
        "tonight",
        "week",
        "weekend",
        "month",
        "year",
        "years",
        "ago",
    ]
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_THIRD = frozenset(["he", "she", "they", "his", "her", "their", "him", "them"])
_URL = re.compile(r"https?://|www\.|\.com\b|@\w|#\w")
_PAST = re.compile(r"[a-z]{3,}ed$")
#: Sentence features, then the same averaged over the sentence's page (see :func:`features`).
SENTENCE_FEATURES = (
    "log_words",
    "ends_sentence",
    "capital_share",
    "capitals",
    "digits",
    "url",
    "second_person",
    "first_person",
    "reporting",
    "past",
    "time",
    "third_person",
    "names",
    "leans",
    "question",
    "position",
    "first",
)
PAGE_FEATURES = (
    "page_log_sentences",
    "page_prose",
    "page_reporting",
    "page_second_person",
    "page_names",
    "page_past",
    "page_digits",
    "page_time",
    "page_third_person",
)
FEATURES = SENTENCE_FEATURES + PAGE_FEATURES
#: Sentence features that are averaged over the page (in ``PAGE_FEATURES`` order, after the
#: page's size and its share of prose-shaped sentences).
_AVERAGED = ("reporting", "second_person", "names", "past", "digits", "time", "third_person")


@dataclass(frozen=True)
class ProseModel:
    """Standardisation, weights and the decision threshold of the logistic regression."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float
    page_threshold: float = 1.0

    def probability(self, x: Matrix) -> Matrix:
        """Probability that each row of ``x`` (see :func:`features`) is *not* prose."""
        z = (x - np.asarray(self.mean)) / np.asarray(self.scale)
        logit = z @ np.asarray(self.weights) + self.bias
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(logit, -30, 30))), dtype=np.float64)

    def to_json(self) -> dict[str, object]:
        return {
            "features": list(FEATURES),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "weights": list(self.weights),
            "bias": self.bias,
            "threshold": self.threshold,
            "page_threshold": self.page_threshold,
        }


@cache
def model() -> ProseModel | None:
    """The shipped model, or ``None`` when its file is absent or was built for other features."""
    if not _MODEL.is_file():
        return None
    data = json.loads(_MODEL.read_text("utf-8"))
    if data.get("features") != list(FEATURES):
        return None
    return ProseModel(
        tuple(data["mean"]),
        tuple(data["scale"]),
        tuple(data["weights"]),
        float(data["bias"]),
        float(data["threshold"]),
        float(data["page_threshold"]),
    )


def _sentence_row(text: str, index: int, size: int) -> list[float]:
    return [*_text_features(text), index / max(size - 1, 1), float(index == 0)]


@lru_cache(maxsize=1 << 16)
def _text_features(text: str) -> tuple[float, ...]:
    """The features of a sentence's own text (cached: a sentence is ranked for its article's
    summary, then again for the key points)."""
    tokens = _TOKEN.findall(text)
    lower = [t.lower().replace("’", "'").rstrip(".") for t in tokens]
    n = max(len(tokens), 1)
    # A name: a capitalised word that is not the sentence's first (which is capitalised anyway).
    names = sum(1 for t in tokens[1:] if t[0].isupper())
    return (
        float(np.log1p(len(tokens))),
        float(ends_sentence(text.strip())),
        capital_share(text),
        float(is_capitals(text)),
        sum(1 for t in tokens if t[0].isdigit()) / n,
        float(bool(_URL.search(text))),
        sum(1 for t in lower if t in _SECOND) / n,
        sum(1 for t in lower if t in _FIRST) / n,
        float(any(t in _REPORTING for t in lower)),
        sum(1 for t in lower if _PAST.search(t)) / n,
        float(any(t in _TIME or _YEAR.fullmatch(t) for t in lower)),
        sum(1 for t in lower if t in _THIRD) / n,
        names / n,
        float(leans_on_context(text)),
        float(is_question(text)),
    )


def features(texts: Sequence[str], doc: Sequence[int]) -> Matrix:
    """One row per sentence: its own features, then its page's (``doc`` names each one's page).

    A page's *prose share* is the share of its sentences that end like a sentence and have at
    least 8 words.
    """
    n = len(texts)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    docs = np.asarray(doc, dtype=np.intp)
    sizes = np.bincount(docs)
    seen: dict[int, int] = {}
    own = []
    for text, d in zip(texts, docs.tolist(), strict=True):
        index = seen.get(d, 0)
        seen[d] = index + 1
        own.append(_sentence_row(text, index, int(sizes[d])))
    x = np.asarray(own, dtype=np.float64)
    col = {name: i for i, name in enumerate(SENTENCE_FEATURES)}
    prose = (x[:, col["ends_sentence"]] > 0) & (x[:, col["log_words"]] >= np.log1p(8))
    counts = np.maximum(sizes, 1).astype(np.float64)

    def page_mean(values: Matrix) -> Matrix:
        return np.asarray((np.bincount(docs, weights=values, minlength=len(sizes)) / counts)[docs])

    page = [np.log1p(sizes[docs].astype(np.float64)), page_mean(prose.astype(np.float64))]
    page += [page_mean(x[:, col[name]]) for name in _AVERAGED]
    return np.column_stack([x, *page])


def not_prose(texts: Sequence[str], doc: Sequence[int]) -> npt.NDArray[np.bool_]:
    """Which sentences the shipped model judges not to be the article's prose (none without
    a model)."""
    m = model()
    if m is None or not texts:
        return np.zeros(len(texts), dtype=bool)
    p = m.probability(features(texts, doc))
    docs = np.asarray(doc, dtype=np.intp)
    page = np.bincount(docs, weights=p) / np.maximum(np.bincount(docs), 1)
    return np.asarray((p >= m.threshold) | (page[docs] >= m.page_threshold), dtype=bool)
