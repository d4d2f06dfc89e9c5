"""Many articles are analysed on every core, in order, with the same results."""

from __future__ import annotations

import pytest

import briefing.parallel
from briefing.briefing import analyse, analyse_batch
from briefing.models import Article
from briefing.parallel import analyse_many


def test_parallel_analysis_keeps_order_and_results(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(briefing.parallel, "MIN_PARALLEL", 4)
    monkeypatch.setattr(briefing.parallel, "CHUNK", 3)
    articles = [
        Article(
            f"a{n}",
            f"a{n}.md",
            f"T{n}",
            f"France said on day {n} that talks would go on. "
            f"Germany agreed with Paris on point {n}.",
        )
        for n in range(10)
    ]
    done: list[int] = []
    result = analyse_many(articles, sentences=1, actors=None, progress=done.append, workers=2)
    assert result == [analyse(a, sentences=1) for a in articles]
    assert sum(done) == 10 and len(done) == 4  # one report per chunk of 3


def test_a_batch_is_parsed_together_with_the_same_results() -> None:
    """analyse_batch (what each worker runs) parses every article's sentences at once; the
    analyses are those of one article at a time, a sentence shared by two articles too."""
    shared = "The Polish minister said Warsaw would sign the grain deal."
    articles = [
        Article("a", "a.md", "Grain", f"{shared} Critics said the deal was too slow."),
        Article("b", "b.md", "Ports", "Latvia rejected the port plan on Monday."),
        Article("c", "c.md", "Empty", ""),
        Article("d", "d.md", "Grain again", f"Talks went on. {shared}"),
    ]
    assert analyse_batch(articles, sentences=1) == [analyse(a, sentences=1) for a in articles]
