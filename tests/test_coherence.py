"""Pages that share no subject with the rest of the workspace are set aside: no summary, no
key point, a note in the memo. Every page here is written for the test."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from briefing.briefing import analyse, build_briefing, set_aside
from briefing.coherence import (
    PAIR_FLOOR,
    _median_of_others,
    coherence,
    off_topic,
    relative_coherence,
    shorter_of_unrelated_pair,
)
from briefing.config import Config
from briefing.models import Article
from briefing.render import render_json, render_markdown
from briefing.templates import find_template

FERRY = [
    "The council of Harbourton voted on Tuesday to close the old ferry terminal by March. "
    "Mayor Ines Calder said the terminal had cost the town two million euros in repairs. "
    "Ferry operators will move their boats to the northern quay of Harbourton.",
    "Harbourton will shut its ferry terminal in March after a council vote on Tuesday, "
    "Mayor Ines Calder announced. The repairs to the terminal cost the town millions, she "
    "said, and the ferry companies are to use the northern quay instead.",
    "Ferry passengers in Harbourton face a move to the northern quay: the council voted to "
    "close the ageing terminal, whose repairs Mayor Ines Calder called too costly for the town.",
]
NOTICE = (
    "These snapshots are kept so that a link in an old page still leads somewhere. "
    "Collections are gathered by volunteers and stored for researchers to browse later."
)
OTHER_TOPICS = [
    "The orchestra of Velmora gave its first concert in the rebuilt opera house on Friday.",
    "Velmora's opera house reopened with an orchestra concert, its conductor said.",
    "Wheat harvests in the Trasque valley fell by a third after the spring floods.",
    "Farmers in the Trasque valley lost a third of their wheat to the floods this spring.",
]


def test_an_unrelated_page_among_pages_of_one_event_is_off_topic() -> None:
    pages = [*FERRY, NOTICE]
    c = coherence(pages)
    assert c[-1] < 0.1 < min(c[:-1])
    assert off_topic(pages).tolist() == [False, False, False, True]
    assert relative_coherence(pages)[-1] < 0.35 < relative_coherence(pages)[:-1].min()


def test_of_two_pages_sharing_no_subject_the_shorter_is_set_aside() -> None:
    assert off_topic([FERRY[0], NOTICE]).tolist() == [False, True]
    assert off_topic([NOTICE, FERRY[0]]).tolist() == [True, False]
    assert shorter_of_unrelated_pair([NOTICE, FERRY[1]]) == 0
    # Two pages of one event, or of two subjects sharing some words, keep both.
    assert not off_topic(FERRY[:2]).any()
    assert coherence(OTHER_TOPICS[:2])[0] >= PAIR_FLOOR
    assert not off_topic(OTHER_TOPICS[:2]).any()
    # Nothing to tell them by: unrelated, and as long as each other.
    even = [
        "Wheat harvests fell sharply in the valley.",
        "Orchestra concerts resumed at the opera house.",
    ]
    assert coherence(even)[0] == 0.0 and not off_topic(even).any()


def test_too_few_pages_or_a_workspace_of_many_subjects_set_nothing_aside() -> None:
    assert not off_topic([NOTICE]).any() and len(off_topic([])) == 0
    # Pages of several subjects, each shared by two pages: every page has a neighbour.
    assert not off_topic(OTHER_TOPICS + FERRY[:2]).any()
    assert coherence(["", *FERRY]).tolist()[0] == 0.0  # no terms: nothing to compare


def test_the_median_of_the_others_is_the_median_without_each_value() -> None:
    rng = np.random.default_rng(0)
    for n in range(3, 10):
        values = rng.integers(0, 4, n).astype(float)
        expected = [np.median(np.delete(values, i)) for i in range(n)]
        assert np.allclose(_median_of_others(values), expected)


def article(n: int, text: str) -> Article:
    return Article(f"a{n}", f"a{n}.txt", f"Article {n}", text)


def test_build_briefing_neither_summarises_nor_cites_a_page_set_aside(tmp_path: Path) -> None:
    articles = [article(n, text) for n, text in enumerate([*FERRY, NOTICE])]
    analyses = [analyse(a) for a in articles]
    assert set_aside(analyses) == {"a3"}
    briefing = build_briefing(analyses, Config(root=tmp_path), date="2024-01-02")
    assert briefing.set_aside == ("a3",)
    assert [len(a.summary) > 0 for a in briefing.analyses] == [True, True, True, False]
    assert briefing.key_points
    assert all(c.article != "a3" for k in briefing.key_points for c in k.citations)
    memo = render_markdown(briefing, find_template("memo", tmp_path))
    notice_section = memo.split("Article 3")[1]
    assert "Not summarised: it shares no subject with the other articles" in notice_section
    assert "snapshots" not in memo.split("## Article summaries")[1].split("## Sources")[0]
    assert '"set_aside": [\n    "a3"\n  ]' in render_json(briefing)
