"""One name per speaker across the selected articles (briefing/positions/speakers.py).

Each article is read on its own, so several articles name one person in several ways; the
memo must name them one way, without merging different people. Every sentence here is
written for these tests.
"""

from __future__ import annotations

import json

import pytest

from briefing.briefing import analyse, build_briefing
from briefing.config import Config
from briefing.models import Article, Citation, Position, Statement
from briefing.positions import find_statements, group_positions
from briefing.positions.parse import MODEL
from briefing.render import render_json
from briefing.sentences import make_sentences

needs_model = pytest.mark.skipif(not (MODEL / "config.cfg").is_file(),
                                 reason="the parsing model is not built (make model)")


def articles(*texts: str) -> list[Article]:
    return [Article(id=f"a{i}", path=f"a{i}.txt", title="", text=t)
            for i, t in enumerate(texts)]


def memo(*texts: str) -> tuple[Position, ...]:
    """The positions section for these articles, through the real pipeline."""
    found = [s for a in articles(*texts) for s in find_statements(a, make_sentences(a.text))]
    return group_positions(found)


def speakers(positions: tuple[Position, ...]) -> dict[str, list[tuple[str | None, str]]]:
    """Per group: (speaker, article of the first citation) of each statement."""
    return {p.iso3: [(s.speaker, s.article) for s in p.statements] for p in positions}


def st(speaker: str, country: str, article: str, person: bool = True,
       kind: str = "official") -> Statement:
    return Statement(text=f"{speaker} of {article} said a thing number {len(speaker)}.",
                     country=country, speaker=speaker, stance="STATEMENT",
                     citations=(Citation(article, 0),), speaker_kind=kind, person=person)


@needs_model
def test_a_surname_in_another_article_becomes_the_full_name() -> None:
    positions = memo("Moldovan Foreign Minister Ion Rusu said the border talks would go on.",
                     "Moldova and Romania met again in Chisinau. "
                     "Rusu said the talks had been useful for Moldova.")
    assert speakers(positions)["MDA"] == [("Ion Rusu", "a0"), ("Ion Rusu", "a1")]
    (moldova,) = [p for p in positions if p.iso3 == "MDA"]
    assert [s.speaker_kind for s in moldova.statements] == ["official", "official"]


@needs_model
def test_a_surname_two_people_share_is_left_alone() -> None:
    positions = memo("Hungarian Finance Minister Anna Varga said the budget would balance. "
                     "Hungarian Economy Minister Peter Varga said growth would return.",
                     "Varga said the deficit would shrink in Hungary. Hungary expects growth.")
    got = [name for name, _ in speakers(positions)["HUN"]]
    assert got == ["Anna Varga", "Peter Varga", "Varga"]


@needs_model
def test_a_person_of_no_country_joins_the_one_person_another_article_placed() -> None:
    # "Kim" alone has no country; the other article placed Kim Jong Il in North Korea.
    positions = memo("North Korean leader Kim Jong Il said the talks had failed.",
                     "Kim said the sanctions were an act of war.")
    assert speakers(positions) == {"PRK": [("Kim Jong Il", "a0"), ("Kim Jong Il", "a1")]}
    assert {s.speaker_kind for p in positions for s in p.statements} == {"official"}


@needs_model
def test_two_kims_keep_a_bare_kim_apart() -> None:
    positions = memo("North Korean leader Kim Jong Il said the talks had failed.",
                     "North Korean leader Kim Jong Un said the missile test was a success.",
                     "Kim said the sanctions were an act of war.")
    found = speakers(positions)
    assert found["PRK"] == [("Kim Jong Il", "a0"), ("Kim Jong Un", "a1")]
    assert found[""] == [("Kim", "a2")]


@needs_model
def test_a_title_the_parse_kept_goes_when_the_person_is_known() -> None:
    positions = memo("Senate Majority Leader Harry Reid said the bill would not pass.",
                     "Harry Reid said the Senate would not vote on it.")
    assert speakers(positions)["USA"] == [("Harry Reid", "a0"), ("Harry Reid", "a1")]


@needs_model
def test_a_leading_article_is_written_one_way() -> None:
    positions = memo("The Kremlin said the talks would resume in Geneva.",
                     "Sanctions will stay, the Kremlin said.")
    assert speakers(positions)["RUS"] == [("the Kremlin", "a0"), ("the Kremlin", "a1")]


def test_different_first_names_never_merge_and_their_surname_stays() -> None:
    (usa,) = group_positions([st("Madeleine Albright", "USA", "a0"),
                              st("David Albright", "USA", "a1", kind="expert"),
                              st("Albright", "USA", "a2")])
    assert [(s.speaker, s.speaker_kind) for s in usa.statements] == [
        ("Madeleine Albright", "official"), ("David Albright", "expert"), ("Albright", "official")]


def test_a_full_name_without_its_middle_initial_is_the_same_person() -> None:
    (usa,) = group_positions([st("John Q. Marsh", "USA", "a0"), st("John Marsh", "USA", "a1"),
                              st("Marsh", "USA", "a2"), st("Sen. Marsh", "USA", "a3")])
    assert {s.speaker for s in usa.statements} == {"John Q. Marsh"}


def test_a_surname_maps_only_within_its_group() -> None:
    # Two countries each with their own Varga: nothing crosses between placed groups.
    positions = group_positions([st("Anna Varga", "HUN", "a0"), st("Varga", "SVK", "a1")])
    assert speakers(positions) == {"HUN": [("Anna Varga", "a0")], "SVK": [("Varga", "a1")]}


def test_a_person_placed_in_two_groups_leaves_the_unplaced_surname_alone() -> None:
    positions = group_positions([st("Anna Varga", "HUN", "a0"), st("Anna Varga", "SVK", "a1"),
                                 st("Varga", "", "a2", kind="")])
    assert speakers(positions)[""] == [("Varga", "a2")]


def test_joint_speakers_are_renamed_part_by_part() -> None:
    positions = group_positions([st("Anna Varga", "HUN", "a0"), st("Imre Kovacs", "HUN", "a0"),
                                 st("Varga and Kovacs", "HUN", "a1")])
    assert speakers(positions)["HUN"][-1] == ("Anna Varga and Imre Kovacs", "a1")


def test_a_body_is_not_a_person_whatever_its_last_word() -> None:
    # "Republicans" is not the surname of "House Republicans": only named people map.
    positions = group_positions([st("House Republicans", "USA", "a0", person=False),
                                 st("Republicans", "USA", "a1", person=False)])
    assert [s.speaker for s in positions[0].statements] == ["House Republicans", "Republicans"]


@needs_model
def test_the_json_memo_shows_the_unified_names() -> None:
    chosen = [analyse(a) for a in articles(
        "Moldovan Foreign Minister Ion Rusu said the border talks would go on.",
        "Moldova and Romania met again in Chisinau. "
        "Rusu said the talks had been useful for Moldova.")]
    data = json.loads(render_json(build_briefing(chosen, Config(), date="2024-01-01")))
    (moldova,) = [p for p in data["positions"] if p["iso3"] == "MDA"]
    assert [s["speaker"] for s in moldova["statements"]] == ["Ion Rusu", "Ion Rusu"]
