"""Behaviour of the extractive summariser and the cross-article key points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.models import Analysis, Article, Citation, KeyPoint
from briefing.sentence_form import stands_alone
from briefing.sentences import make_sentences
from briefing.summary import key_points, summarize, summarize_across, summarize_sentences
from briefing.summary_rank import Profile, rank_across

SHARED = Path(__file__).resolve().parents[2] / "shared"

HARBOUR = (
    "The port authority of Westmere approved a plan on Tuesday to dredge the northern harbour "
    "so that larger container ships can dock there from next spring. "
    "The dredging will cost about 40 million euros and will be paid for by a levy on cargo. "
    "Scroll down for video. "
    "Local fishermen said the works would drive fish away from the bay for at least a season. "
    "Why would anyone dredge a harbour in the middle of the breeding season? "
    "The authority said the dredging would be paused between April and June to protect fish. "
    "Shipping companies welcomed the plan and said it would cut waiting times at sea. "
    "The harbour was last dredged in 1998, when ships were half the size they are today. "
    "A public consultation on the levy will open next month."
)

STRIKE = (
    "Rail workers in the province of Kessel began a 48-hour strike on Monday over pay and "
    "staffing, halting most regional trains. "
    "The union says its members have had no pay rise for three years while prices rose sharply. "
    "The rail operator called the strike irresponsible and urged the union to return to talks. "
    "Commuters crowded onto buses, and traffic on the main roads into the city doubled. "
    "The provincial government said it would not intervene in the dispute."
)

STRIKE_OTHER_OUTLET = (
    "Regional trains stood still across Kessel on Monday as a two-day strike took hold. "
    "The union says its members have not had a pay rise for three years, while prices have "
    "risen sharply. "
    "Bus companies added extra services, but many commuters were late for work. "
    "Talks between the union and the operator are expected to resume on Thursday."
)


def analysis(article_id: str, text: str) -> Analysis:
    sentences = make_sentences(text)
    article = Article(id=article_id, path=f"{article_id}.md", title=article_id, text=text)
    return Analysis(article, sentences, summarize_sentences(sentences), ())


def test_summary_sentences_are_verbatim_in_article_order_and_counted() -> None:
    summary = summarize(HARBOUR, 3)
    assert len(summary) == 3
    positions = [HARBOUR.index(s) for s in summary]
    assert positions == sorted(positions)
    assert all(s.strip() and s in HARBOUR for s in summary)


@pytest.mark.parametrize("n", [1, 2, 4, 6])
def test_summary_respects_the_requested_count(n: int) -> None:
    assert len(summarize(HARBOUR, n)) == n


def test_summary_starts_from_the_lead_and_skips_furniture_and_questions() -> None:
    summary = summarize(HARBOUR, 3)
    assert summary[0].startswith("The port authority of Westmere approved")
    assert not any("Scroll down" in s or s.rstrip().endswith("?") for s in summary)


def test_short_and_empty_texts() -> None:
    assert summarize("", 3) == []
    assert summarize("   \n\n ", 3) == []
    one = "The bridge over the Lune reopened on Friday after two years of repairs."
    assert summarize(one, 3) == [one]
    two = one + " Drivers had used a ferry in the meantime."
    assert len(summarize(two, 3)) == 2
    assert summarize(HARBOUR, 0) == []
    assert summarize_sentences((), 3) == ()


def test_summary_is_deterministic() -> None:
    first = summarize(HARBOUR + "\n\n" + STRIKE, 4)
    assert all(summarize(HARBOUR + "\n\n" + STRIKE, 4) == first for _ in range(3))


def test_repeated_sentences_are_not_both_chosen() -> None:
    lead = "The city council voted on Wednesday to close the old coal plant by the end of 2027."
    text = " ".join(
        [
            lead,
            lead,
            "About 300 people work at the plant, and the council promised to retrain them.",
            "The plant supplies a fifth of the region's electricity in winter.",
            "A new wind farm on the coast is meant to replace most of that power.",
            "Opposition members said the timetable was too tight to keep the lights on.",
        ]
    )
    summary = summarize(text, 3)
    assert summary.count(lead) == 1
    assert len(summary) == 3
    assert summarize(f"{lead} {lead}", 3) == [lead]


def test_summarize_across_returns_pairs_in_reading_order_from_several_documents() -> None:
    docs = [make_sentences(HARBOUR), make_sentences(STRIKE), make_sentences(STRIKE_OTHER_OUTLET)]
    pairs = summarize_across(docs, 4)
    assert len(pairs) == 4
    assert pairs == sorted(pairs)
    assert len({d for d, _ in pairs}) >= 2
    assert all(0 <= i < len(docs[d]) for d, i in pairs)
    shared = "The union says its members have had no pay rise for three years"
    assert sum(docs[d][i].text.startswith(shared) for d, i in pairs) <= 1


def test_key_points_merge_near_duplicates_across_articles() -> None:
    analyses = [analysis("strike-a", STRIKE), analysis("strike-b", STRIKE_OTHER_OUTLET)]
    points = key_points(analyses, 3)
    assert 1 <= len(points) <= 3
    assert all(isinstance(p, KeyPoint) for p in points)
    shared = [p for p in points if p.text.startswith("The union says its members")]
    assert len(shared) == 1
    cited = {c.article for c in shared[0].citations}
    assert cited == {"strike-a", "strike-b"}
    for c in shared[0].citations:
        source = next(a for a in analyses if a.article.id == c.article)
        assert source.sentences[c.sentence].text.startswith("The union says its members")
    texts = [p.text for p in points]
    assert len(texts) == len(set(texts))


def test_key_points_are_cited_deterministic_and_bounded() -> None:
    analyses = [analysis("harbour", HARBOUR), analysis("strike", STRIKE)]
    points = key_points(analyses, 4)
    assert len(points) == 4
    assert key_points(analyses, 4) == points
    for p in points:
        first = p.citations[0]
        assert isinstance(first, Citation)
        source = next(a for a in analyses if a.article.id == first.article)
        assert source.sentences[first.sentence].text == p.text
    assert key_points([], 5) == ()
    assert key_points(analyses, 0) == ()


def test_briefing_beats_lead3_on_cnndm_dev() -> None:
    path = SHARED / "bench" / "cnndm_dev.jsonl"
    if not path.is_file():
        pytest.skip(f"shared benchmark data not found at {path}")
    rouge_scorer = pytest.importorskip("rouge_score.rouge_scorer")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = {"briefing": [0.0, 0.0, 0.0], "lead": [0.0, 0.0, 0.0]}
    for row in rows:
        sentences = make_sentences(row["text"])
        outputs = {
            "briefing": [sentences[i].text for i in summarize_sentences(sentences, 3)],
            "lead": [s.text for s in sentences[:3]],
        }
        for name, out in outputs.items():
            score = scorer.score(row["summary"], "\n".join(" ".join(s.split()) for s in out))
            for k, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
                totals[name][k] += score[key].fmeasure
    for ours, lead in zip(totals["briefing"], totals["lead"], strict=True):
        assert ours > lead


# Three outlets on one invented event: each carries the central fact (the dam's opening) in
# its own words, and each has local colour, a fragment, a question or a caption of its own.
DAM_A = (
    "Crowds gathered in the valley of Orlen on Saturday to watch the new hydroelectric dam "
    "open. "
    "Officials in Orlen said the new Varna hydroelectric dam opened on Saturday after six "
    "years of construction. "
    "The project cost 900 million crowns. "
    "But many farmers downstream remain worried about their water supply. "
    "Will the river still reach the delta in summer?"
)
DAM_B = (
    "Regional minister Tomas Ardel cut the ribbon at the hydroelectric plant. "
    "The new Varna hydroelectric dam opened on Saturday after six years of construction, "
    "officials in Orlen said. "
    "It will supply power to about 200,000 homes. "
    "Engineers from four countries worked on the turbines, which were shipped by river barge."
)
DAM_C = (
    "Photo: the spillway at dusk "
    "After six years of construction, the Varna hydroelectric dam in Orlen opened on Saturday, "
    "officials said. "
    "This was the largest public works project in the region's history. "
    "Environmental groups in Orlen have asked the courts to review the permits for the "
    "reservoir."
)


def dam_points(n: int = 5) -> tuple[KeyPoint, ...]:
    return key_points([analysis("a", DAM_A), analysis("b", DAM_B), analysis("c", DAM_C)], n)


def test_key_points_put_the_fact_every_article_carries_first_cited_to_all() -> None:
    points = dam_points()
    first = points[0]
    assert "Varna hydroelectric dam" in first.text and "opened on Saturday" in first.text
    assert [c.article for c in first.citations][1:] == sorted(
        c.article for c in first.citations[1:]
    )
    assert {c.article for c in first.citations} == {"a", "b", "c"}
    texts = {"a": DAM_A, "b": DAM_B, "c": DAM_C}
    for c in first.citations:
        cited = make_sentences(texts[c.article])[c.sentence].text
        assert "Varna hydroelectric dam" in cited


def test_key_points_merge_the_retellings_of_one_fact() -> None:
    points = dam_points()
    assert sum("Varna hydroelectric dam" in p.text for p in points) == 1
    assert len({p.text for p in points}) == len(points)


def test_key_points_leave_out_fragments_questions_and_captions() -> None:
    points = dam_points(10)
    assert points
    for p in points:
        assert not p.text.startswith(("But ", "It ", "This ", "Photo"))
        assert not p.text.rstrip().endswith("?")
    assert all(stands_alone(p.text) for p in points)


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("The council approved the budget for the new school on Monday evening.", True),
        ('"We will rebuild the bridge by spring," Mayor Lena Orsk said on Tuesday.', True),
        ("But the council approved the budget for the new school on Monday.", False),
        ("However, the council delayed the vote on the new school until March.", False),
        ("He said the council would approve the budget for the school on Monday.", False),
        ("They were taken to the regional hospital with minor injuries.", False),
        ('"We will rebuild the bridge by spring," she said on Tuesday evening.', False),
        ("The bridge will be rebuilt by the spring, he added.", False),
        ('"It will take a year," she warned, before the council voted on the plan.', False),
        ('"The bridge will be rebuilt by the spring and the road reopened.', False),
        ("Will the bridge be rebuilt by the spring of next year?", False),
        ("The long wait for the new bridge in Orsk is finally over!", False),
        ("WHY THE BRIDGE MATTERS", False),
        ("Photo: the old bridge before the flood", False),
        ("Bridge Repairs Begin In Orsk After Winter Floods.", False),
        ("Rescued: the ferry crew were brought ashore by a lifeboat from Orsk.", False),
        ("The mayor said: the bridge will be rebuilt by the spring of next year.", True),
    ],
)
def test_stands_alone(text: str, alone: bool) -> None:
    assert stands_alone(text) is alone


@pytest.mark.parametrize(
    "text",
    [
        "“The river will be back to normal within a week, if the weather holds.”",
        'Everyone in the village helped to fill the sandbags that night."',
        "“The water came up faster than anyone expected, and we lost the lower road.",
    ],
)
def test_quotations_without_their_speaker_do_not_stand_alone(text: str) -> None:
    assert not stands_alone(text)


def test_lead_only_profile_takes_the_first_usable_sentences_round_robin() -> None:
    lead_only = Profile(100.0, 0.0, 25.0, 1.0, lead_only=True)
    harbour = [s.text for s in make_sentences(HARBOUR)]
    picked = rank_across([harbour], 4, lead_only)
    # "Scroll down for video." (furniture) and the question are passed over
    assert [i for _, i in picked] == [0, 1, 3, 5]
    strike = [s.text for s in make_sentences(STRIKE)]
    assert rank_across([harbour, strike], 3, lead_only) == [(0, 0), (1, 0), (0, 1)]


def test_summary_passes_over_an_opening_exclamation() -> None:
    kicker = "The long wait is finally over for the ferry passengers of Westmere!"
    lead = "The port authority of Westmere reopened the ferry terminal on Monday morning."
    rest = "Ferries to the three islands will sail every hour until the end of September."
    assert summarize(f"{kicker} {lead} {rest}", 2) == [lead, rest]
