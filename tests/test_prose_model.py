"""The trained prose model: its features, the shipped weights, and how summaries and key
points use its verdict. Every sentence here is written for the test."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from briefing import prose_model
from briefing.models import Analysis, Article
from briefing.prose_model import FEATURES, PAGE_FEATURES, SENTENCE_FEATURES, features, not_prose
from briefing.sentences import make_sentences
from briefing.summary import key_points, summarize_sentences

NEWS = [
    "The council of Harbourton voted on Tuesday to close the old ferry terminal by March.",
    "Mayor Ines Calder said the building had cost the town 2 million euros in repairs last year.",
    "Ferry operators told reporters they would move to the northern quay.",
    "The terminal opened in 1964 and once handled four ferries a day.",
]
NOTICE = [
    "You can add your location to your posts from the app or the website.",
    "You can always remove it from your settings.",
]


def column(name: str) -> int:
    return FEATURES.index(name)


def test_features_have_one_row_per_sentence_and_one_column_per_name() -> None:
    x = features(NEWS + NOTICE, [0] * len(NEWS) + [1] * len(NOTICE))
    assert x.shape == (len(NEWS) + len(NOTICE), len(FEATURES))
    assert len(FEATURES) == len(SENTENCE_FEATURES) + len(PAGE_FEATURES)
    assert features([], []).shape == (0, len(FEATURES))


def test_page_features_are_shared_by_the_sentences_of_a_page() -> None:
    x = features(NEWS + NOTICE, [0] * len(NEWS) + [1] * len(NOTICE))
    page = x[:, len(SENTENCE_FEATURES) :]
    assert (page[: len(NEWS)] == page[0]).all()
    assert (page[len(NEWS) :] == page[-1]).all()
    # The news page quotes someone and is dated; the notice addresses the reader.
    assert x[0, column("page_reporting")] > x[-1, column("page_reporting")] == 0.0
    assert x[0, column("page_time")] > x[-1, column("page_time")] == 0.0
    assert x[-1, column("page_second_person")] > x[0, column("page_second_person")] == 0.0


def test_sentence_features_read_the_form_of_the_sentence() -> None:
    x = features(["Read the full report", "Officials said the road reopened on Friday."], [0, 0])
    assert x[0, column("ends_sentence")] == 0.0 and x[1, column("ends_sentence")] == 1.0
    assert x[1, column("reporting")] == 1.0 and x[1, column("time")] == 1.0
    assert x[0, column("first")] == 1.0 and x[1, column("position")] == 1.0


def test_the_shipped_model_matches_the_features_and_keeps_news_prose() -> None:
    model = prose_model.model()
    assert model is not None
    assert len(model.weights) == len(FEATURES)
    assert 0.0 < model.threshold < 1.0
    assert not not_prose(NEWS, [0] * len(NEWS)).any()
    p = model.probability(features(NEWS + NOTICE, [0] * len(NEWS) + [1] * len(NOTICE)))
    assert p[len(NEWS) :].min() > p[: len(NEWS)].max()  # the notice looks less like prose


@pytest.fixture
def strict(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A model that judges every sentence not to be prose (threshold 0)."""
    shipped = prose_model.model()
    assert shipped is not None
    strict_model = replace(shipped, threshold=0.0)
    monkeypatch.setattr(prose_model, "model", lambda: strict_model)
    yield


def test_a_page_without_prose_gives_only_its_first_sentence(strict: None) -> None:
    sentences = make_sentences(" ".join(NEWS))
    assert summarize_sentences(sentences, 3) == (0,)


def test_without_a_model_nothing_is_judged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prose_model, "model", lambda: None)
    assert not not_prose(NOTICE, [0, 0]).any()
    assert len(summarize_sentences(make_sentences(" ".join(NEWS)), 3)) == 3


def test_sentences_judged_not_prose_are_never_key_points(strict: None) -> None:
    analyses = []
    for n, text in enumerate((" ".join(NEWS), " ".join(NEWS[:2]))):
        article = Article(f"a{n}", f"a{n}.txt", f"Ferry terminal {n}", text)
        sentences = make_sentences(text)
        analyses.append(Analysis(article, sentences, (0,), ()))
    assert key_points(analyses, 3) == ()


def test_a_model_file_for_other_features_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"features": ["length"], "mean": [0], "scale": [1], "weights": [1], '
                    '"bias": 0, "threshold": 0.5, "page_threshold": 0.9}')  # fmt: skip
    monkeypatch.setattr(prose_model, "_MODEL", path)
    prose_model.model.cache_clear()
    try:
        assert prose_model.model() is None
    finally:
        monkeypatch.undo()
        prose_model.model.cache_clear()
    assert np.isfinite(prose_model.model().bias)  # type: ignore[union-attr]
