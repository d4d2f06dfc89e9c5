"""Positions: one per country, the same claim from several articles merged, focus first."""

from __future__ import annotations

import pytest

from briefing.models import Citation, Statement
from briefing.positions import country_name, group_positions, merge_statements


def st(text: str, country: str, article: str = "a", sentence: int = 0,
       speaker: str | None = None, stance: str = "STATEMENT") -> Statement:
    return Statement(text, country, speaker, stance, (Citation(article, sentence),))


def test_one_position_per_country_with_readable_names() -> None:
    positions = group_positions([st("x one", "RUS"), st("y two", "KOR"), st("z three", "RUS")])
    assert [(p.country, p.iso3, len(p.statements)) for p in positions] == [
        ("Russia", "RUS", 2), ("South Korea", "KOR", 1)
    ]


def test_the_same_claim_from_several_articles_is_merged_with_all_citations() -> None:
    a = st("Finland said on Monday it would close two more border crossings with Russia.",
           "FIN", "a1", 3, stance="AGREE")
    b = st("Finland said on Monday it would close two more border crossings with Russia .",
           "FIN", "b7", 0, speaker="Elina Valtonen")
    c = st("Finland said Monday it would close two more border crossings with Russia.",
           "FIN", "c2", 5)
    other = st("Finland also summoned the Russian ambassador over the incident.", "FIN", "a1", 4)
    (position,) = group_positions([a, b, other, c])
    first, second = position.statements
    assert first.citations == (Citation("a1", 3), Citation("b7", 0), Citation("c2", 5))
    assert first.stance == "AGREE" and first.speaker == "Elina Valtonen"
    assert second.text.startswith("Finland also summoned")


def test_different_claims_are_not_merged() -> None:
    merged = merge_statements([
        st("Japan will raise defence spending next year, the ministry said.", "JPN", "a"),
        st("Japan will cut fishing quotas next year, the ministry said.", "JPN", "b"),
    ])
    assert len(merged) == 2


def test_focus_countries_come_first_in_the_given_order() -> None:
    statements = [st(f"s{i} text", c, sentence=i) for i, c in
                  enumerate(["USA", "USA", "USA", "CHN", "RUS", "KOR"])]
    order = [p.iso3 for p in group_positions(statements, focus=["KOR", "RUS"])]
    assert order == ["KOR", "RUS", "USA", "CHN"]
    lower = [p.iso3 for p in group_positions(statements, focus=["kor"])]
    assert lower[0] == "KOR"


def test_then_by_weight_then_by_name() -> None:
    heavy = st("Chile backed the plan.", "CHL", "a")
    heavy = Statement(heavy.text, "CHL", None, "SUPPORT",
                      (Citation("a", 0), Citation("b", 0), Citation("c", 0)))
    statements = [st("Peru spoke.", "PER"), st("Bolivia spoke.", "BOL"),
                  st("Argentina one.", "ARG", sentence=1), st("Argentina two x.", "ARG",
                                                              sentence=2), heavy]
    assert [p.iso3 for p in group_positions(statements)] == ["CHL", "ARG", "BOL", "PER"]


def test_country_name_reexported() -> None:
    assert country_name("PRK") == "North Korea"
    assert country_name("XYZ") == "XYZ"


def test_bodies_and_other_voices_are_groups_of_their_own() -> None:
    positions = group_positions([st("a claim", ""), st("b claim", "UN"), st("c claim", "NOR")])
    assert [(p.kind, p.iso3, p.country) for p in positions] == [
        ("country", "NOR", "Norway"), ("body", "UN", "United Nations"),
        ("other", "", "Other voices"),
    ]


def test_a_joint_statement_is_filed_once_under_its_first_party() -> None:
    joint = Statement("Norway and Sweden agreed to share the costs.", "NOR", None, "AGREE",
                      (Citation("a", 0),), joint=("SWE",))
    (position,) = group_positions([joint])
    assert position.iso3 == "NOR" and position.statements == (joint,)


def test_a_joint_statement_goes_where_the_selection_hears_most_or_to_the_focus() -> None:
    joint = Statement("Norway and Sweden agreed to share the costs.", "NOR", None, "AGREE",
                      (Citation("a", 0),), joint=("SWE",))
    swedish = [st("Sweden wants a fair split.", "SWE"), st("Sweden will pay first.", "SWE")]
    positions = group_positions([joint, *swedish])
    assert [(p.iso3, [(s.country, s.joint) for s in p.statements]) for p in positions] == [
        ("SWE", [("SWE", ("NOR",)), ("SWE", ()), ("SWE", ())])]
    focused = group_positions([joint, *swedish], focus=["NOR"])
    assert {p.iso3: len(p.statements) for p in focused} == {"NOR": 1, "SWE": 2}


def test_one_claim_repeated_thirty_thousand_times_merges_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from briefing.positions import grouping

    calls = 0
    same_claim = grouping._same_claim

    def counted(a: frozenset[str], b: frozenset[str]) -> bool:
        nonlocal calls
        calls += 1
        return same_claim(a, b)

    monkeypatch.setattr(grouping, "_same_claim", counted)
    text = "The Norwegian minister said Oslo would pay for the new harbour."
    merged = merge_statements([st(text, "NOR", sentence=i) for i in range(30_000)])
    assert len(merged) == 1 and len(merged[0].citations) == 30_000
    assert calls < 2 * 30_000  # all pairs would be 450 million


def test_a_repeated_sentence_is_parsed_once() -> None:
    # Issue 14 item 5: one sentence repeated to a megabyte must cost one parse, not thousands.
    from briefing.positions.parse import parse

    once, again, other = parse(["The envoy said the port was open.",
                                "The envoy said the port was open.", "Talks resumed."])
    assert once is again and other is not once
