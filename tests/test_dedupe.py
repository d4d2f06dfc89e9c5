"""Near-duplicates: the same wire story from two outlets is collapsed, and both are known."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from briefing.dedupe import collapse, find_duplicates
from briefing.models import Article
from briefing.render import render_markdown
from briefing.workspace import Workspace

from .conftest import shared_path

WIRE = [
    "Officials from the two coastal states met in Lisbon on Tuesday to restart talks on the "
    "shared harbour, after eight months in which neither side would set a date.",
    "The foreign minister told reporters after the session that her government wanted a "
    "signed agreement before the summer holidays and would not reopen the question of costs.",
    "Fishing rights, the most divisive part of the old draft, will be handled by a separate "
    "working group that is due to report in the autumn, according to both delegations.",
    "Engineers say dredging the channel will take at least two years once the deal is signed, "
    "and that the works cannot begin until the environmental survey has been published.",
    "Port unions, which staged a one-day strike last month, said they would watch the talks "
    "closely and called for guarantees that no jobs would be lost during the construction.",
]
OTHER = [
    "The central bank left its main interest rate unchanged on Thursday, saying inflation was "
    "falling more slowly than it had expected at the start of the year.",
    "Economists had expected the decision, although two members of the rate-setting committee "
    "voted for a cut, the minutes published alongside the statement showed.",
    "The bank said it would look again at rates in June, when new forecasts for growth and "
    "prices will be available to the committee and to the public.",
]


def article(aid: str, paragraphs: list[str], outlet: str = "") -> Article:
    return Article(aid, f"{aid}.md", aid, "\n\n".join(paragraphs), outlet)


def test_the_same_wire_story_edited_by_two_outlets_is_one_group() -> None:
    # The second outlet cuts the last paragraph, rewords a sentence and adds its own line.
    edited = [*WIRE[:2], WIRE[2].replace("most divisive", "thorniest"), WIRE[3]]
    edited.append(
        "Our correspondent in Lisbon says the mood was better than at any time this year."
    )
    articles = [
        article("courier", WIRE, "Coast Courier"),
        article("bank", OTHER),
        article("daily", edited, "Rhine Daily"),
    ]
    assert find_duplicates(articles) == [("courier", "daily")]
    kept, duplicates = collapse(articles)
    assert [a.id for a in kept] == ["courier", "bank"]
    assert [a.outlet for a in duplicates["courier"]] == ["Rhine Daily"]


def test_a_shortened_copy_is_contained_in_the_original() -> None:
    articles = [article("full", WIRE + OTHER), article("short", WIRE[:3])]
    assert find_duplicates(articles) == [("full", "short")]


def test_different_stories_on_the_same_topic_are_kept_apart() -> None:
    follow_up = [
        "Talks on the shared harbour broke down on Friday when the two delegations failed to "
        "agree on who would pay for dredging the channel.",
        "The foreign minister said her government had been ready to sign but that the other "
        "side had reopened the question of costs at the last minute.",
    ]
    assert find_duplicates([article("a", WIRE), article("b", follow_up), article("c", OTHER)]) == []


def test_exact_copies_and_short_texts() -> None:
    short = [article("x", ["Talks resumed."]), article("y", ["Talks resumed."])]
    assert find_duplicates(short) == [("x", "y")]
    assert find_duplicates([article("x", ["Talks resumed."]), article("y", ["Talks ended."])]) == []
    assert find_duplicates([]) == []


def test_groups_of_three_keep_the_first(make_workspace: Callable[..., Path]) -> None:
    root = make_workspace(articles={})
    for n, outlet in enumerate(("Wire A", "Wire B", "Wire C"), 1):
        body = "\n\n".join(WIRE if n != 2 else WIRE[1:])
        (root / "sources" / f"s{n}.md").write_text(
            f"---\ntitle: Story {n}\noutlet: {outlet}\n---\n\n{body}\n", encoding="utf-8"
        )
    (root / "sources" / "z.md").write_text("# Bank\n\n" + "\n\n".join(OTHER), encoding="utf-8")
    ws = Workspace.open(root / "briefing.toml")
    result = ws.load()
    assert [a.id for a in result.articles] == ["s1", "z"]
    assert result.also_in("s1") == ("s2", "s3")
    assert [a.outlet for a in result.duplicates["s1"]] == ["Wire B", "Wire C"]
    assert [result.canonical(i) for i in ("s1", "s2", "s3", "z")] == ["s1", "s1", "s1", "z"]
    # The kept article itself knows what it stands for, to cite the copies beside it.
    assert [(r.id, r.outlet) for r in result.articles[0].also_in] == [
        ("s2", "Wire B"),
        ("s3", "Wire C"),
    ]
    assert ws.load(dedupe=False).articles[1].id == "s2"
    assert ws.load().also_in("s1") == ("s2", "s3")  # served from the library this time
    # The memo cites the copies beside the kept article, as sources of their own.
    memo = render_markdown(ws.build(ws.analyse_all(result.articles)), ws.template("memo"))
    assert "“Story 1”" in memo and "Also: Wire B, “Story 2”" in memo


def test_real_near_duplicates_in_the_bbc_corpus() -> None:
    path = shared_path("corpus/bbc_news_2225.jsonl")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    business = [r for r in rows if r["category"] == "business"]
    articles = [Article(r["id"], r["id"], r["title"], r["text"]) for r in business]
    groups = find_duplicates(articles)
    flat = {i for g in groups for i in g}
    # Republished stories (same text, other headline) and lightly edited versions.
    assert ("bbc-business-007", "bbc-business-253") in groups
    assert ("bbc-business-209", "bbc-business-229") in groups  # Man Utd offer, reworded
    assert ("bbc-business-290", "bbc-business-438") in groups  # "Bank holds interest rate"
    assert len(flat) < len(articles) // 5  # a handful, not a topic clustering
    by_id = {a.id: a for a in articles}
    for group in groups:
        titles = {by_id[i].title.split()[0] for i in group}
        assert len(group) <= 3, (group, titles)


def test_a_huge_bucket_of_templated_texts_costs_linear_pairs() -> None:
    # Issue 14: thousands of near-identical short files put every pair into one bucket.
    from briefing.dedupe import _bucket_pairs

    members = list(range(3000))
    assert len(list(_bucket_pairs(members))) < 2 * len(members)
    assert len(list(_bucket_pairs(members[:10]))) == 45  # a small bucket: every pair
    texts = [f"The harbour board said on Monday that it would pay {n} crowns to dredge the west "
             "channel before the autumn storms close the port to the larger ferries."
             for n in range(300)]
    groups = find_duplicates([article(f"t{n}", [t]) for n, t in enumerate(texts)])
    assert len(groups) == 1 and len(groups[0]) == 300
