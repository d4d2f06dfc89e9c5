"""Who said what for which country: attribution, memory, agencies, stance, actors.yaml."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.actors import ActorBook, load_actors, parse_actors
from briefing.errors import ConfigError
from briefing.models import Article, Statement
from briefing.positions import group_positions
from briefing.sentences import make_sentences
from briefing.stance import STANCES, stance_verb, to_plover
from briefing.positions import find_statements

from .conftest import shared_path


def run(text: str, actors: ActorBook | None = None, art_id: str = "a1") -> list[Statement]:
    article = Article(id=art_id, path=f"{art_id}.txt", title="", text=text)
    return list(find_statements(article, make_sentences(text), actors))


def by_sentence(statements: list[Statement]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for s in statements:
        out.setdefault(s.sentence, set()).add(s.country)
    return out


def test_title_and_name_then_surname_then_role_then_pronoun() -> None:
    text = (
        "Estonian Foreign Minister Kadri Tamm arrived in Warsaw on Monday. "
        "Tamm said the alliance must stay united. "
        "The Estonian foreign minister noted that talks would continue. "
        "The minister added that sanctions should stay. "
        "He warned against complacency."
    )
    found = run(text)
    assert [(s.sentence, s.country) for s in found] == [
        (0, "EST"), (1, "EST"), (2, "EST"), (3, "EST"), (4, "EST")
    ]
    assert {s.speaker for s in found} == {"Kadri Tamm"}


def test_apposition_gives_the_country() -> None:
    text = "Anna Berg, Norway's defence minister, said the patrols would go on."
    (s,) = run(text)
    assert (s.country, s.speaker) == ("NOR", "Anna Berg")


def test_he_after_an_unplaced_person_is_not_pinned_on_an_earlier_one() -> None:
    text = (
        "Chilean President Marta Vidal spoke first. "
        "Then the economist Peter Holm took the floor. "
        "He said the plan was too expensive."
    )
    assert by_sentence(run(text)) == {0: {"CHL"}}


def test_news_agencies_are_sources_not_speakers() -> None:
    text = (
        "Belgian Prime Minister Jan Peeters met the envoy. "
        "Peeters warned of a long winter, according to China's Xinhua News Agency. "
        "The talks were useful, Peeters told Reuters. "
        "A ceasefire was agreed, Reuters reported. "
        "The deal holds, he told Defense News (Yonhap)."
    )
    found = run(text)
    assert {s.country for s in found} == {"BEL"}
    assert "CHN" not in {s.country for s in found}


def test_two_countries_as_one_subject_give_two_statements() -> None:
    assert by_sentence(run("Peru and Chile are committed to the treaty.")) == {
        0: {"PER", "CHL"}
    }
    assert by_sentence(run("Washington and Seoul formally began talks on tariffs.")) == {
        0: {"USA", "KOR"}
    }


def test_leading_clause_is_not_the_subject() -> None:
    text = ("As Brazil and Argentina continue their talks, Mexican officials expressed "
            "concern over the plan.")
    (s,) = run(text)
    assert (s.country, s.stance) == ("MEX", "CONCERN")


def test_reported_content_is_not_the_speakers_action() -> None:
    text = "Military officials in Seoul said that Japan will send ships to the drill."
    assert by_sentence(run(text)) == {0: {"KOR"}}


def test_trailing_attribution_adds_the_speaker() -> None:
    text = "Laos has deployed troops to the border, Vietnam's defence ministry said on Monday."
    found = run(text)
    assert {s.country for s in found} == {"LAO", "VNM"}
    vnm = next(s for s in found if s.country == "VNM")
    assert vnm.speaker == "Vietnam's defence ministry"


def test_the_ministry_resolves_to_the_ministry_in_context() -> None:
    text = (
        "The Danish foreign ministry summoned the ambassador. "
        "The ministry said the remarks were unacceptable."
    )
    assert by_sentence(run(text)) == {0: {"DNK"}, 1: {"DNK"}}


def test_quote_opened_early_and_attributed_later() -> None:
    text = (
        "“We will not accept this. It is a provocation,” Kenyan President "
        "Joseph Mwangi said on Friday."
    )
    found = run(text)
    assert found and {s.country for s in found} == {"KEN"}
    assert {s.sentence for s in found} == set(range(len(make_sentences(text))))


def test_quote_attributed_first_carries_over_its_sentences() -> None:
    text = (
        "Canadian General Lee Grant told reporters that the radar “is purely defensive. "
        "It is not aimed at China. It is aimed at the threat we all see.”"
    )
    found = run(text)
    assert {s.country for s in found} == {"CAN"}
    assert len(found) == 3


def test_the_north_in_a_korean_article() -> None:
    text = "North Korea fired two missiles on Monday. The North has threatened more tests."
    assert by_sentence(run(text)) == {0: {"PRK"}, 1: {"PRK"}}


def test_the_two_countries_and_the_nation_refer_back() -> None:
    text = (
        "Russia and China are committed to talks, officials said. "
        "Last month, the two countries urged Iran to return to talks. "
        "Later, Iran tested a rocket. The reclusive nation has threatened more tests."
    )
    got = by_sentence(run(text))
    assert got[1] == {"RUS", "CHN"}
    assert got[3] == {"IRN"}


def test_user_actors_file_teaches_new_people(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(
        "actors:\n  - name: Ona Petraitis\n    country: LTU\n    role: Foreign Minister\n"
        "    aliases: [Petraitis]\n",
        encoding="utf-8",
    )
    book = load_actors(path)
    assert [s.country for s in run("Petraitis said the border would stay shut.", book)] == [
        "LTU"
    ]
    assert run("Petraitis said the border would stay shut.") == []


def test_builtin_leaders_are_known() -> None:
    (s,) = run("Putin said the talks had failed.")
    assert (s.country, s.speaker) == ("RUS", "Vladimir Putin")


def test_load_actors_without_path_is_empty() -> None:
    assert load_actors(None) == ActorBook()


def test_malformed_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - name: A\n    country: [RUS\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_actors(path)
    assert str(path) in str(err.value) and "line" in str(err.value)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("actors:\n  - name: Ann\n    country: XX\n", ["entry 1 (Ann)", "country"]),
        ("actors:\n  - country: RUS\n", ["entry 1", "name"]),
        ("actors:\n  - Ann\n", ["entry 1", "mapping"]),
        ("actors:\n  - name: Ann\n    country: RUS\n    colour: red\n",
         ["entry 1 (Ann)", "colour"]),
        ("actors: {name: Ann}\n", ["list"]),
        ("people: []\n", ["people"]),
    ],
)
def test_wrong_shapes_name_the_entry(tmp_path: Path, body: str, words: list[str]) -> None:
    path = tmp_path / "actors.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_actors(path)
    for word in words:
        assert word in str(err.value)


def test_missing_actors_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_actors(tmp_path / "nope.yaml")


def test_parse_actors_accepts_an_empty_file() -> None:
    assert parse_actors("") == ActorBook()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Chile has maintained its opposition to the pipeline.", "OPPOSE"),
        ("Chile expressed concern over the tests.", "CONCERN"),
        ("Chile urged Peru to return to talks.", "DEMAND"),
        ("Chile called for an inquiry.", "DEMAND"),
        ("Chile agreed to extend the truce.", "AGREE"),
        ("Chile said it would support the bid.", "SUPPORT"),
        ("Chile denied any role in the raid.", "DENY"),
        ("Chile rejected the offer.", "REJECT"),
        ("Chile condemned the attack.", "DISAPPROVE"),
        ("Chile warned of retaliation.", "WARN"),
        ("Chile accused Peru of spying.", "ACCUSE"),
        ("Chile has threatened to close the border.", "THREATEN"),
        ("Chile said the weather was fine.", "STATEMENT"),
        ("While Chile respects the decision, it does not support the plan.", "OPPOSE"),
    ],
)
def test_stance_labels(text: str, label: str) -> None:
    assert classify_stance(text) == label
    assert label in STANCES


def test_stance_verbs_for_the_memo() -> None:
    assert stance_verb("OPPOSE") == "opposes"
    assert stance_verb("CONCERN") == "expresses concern"
    assert stance_verb("DEMAND") == "urges"
    assert stance_verb("SUPPORT") == "supports"
    assert stance_verb("STATEMENT") == "says"
    assert stance_verb("nonsense") == "says"
    assert to_plover("CONCERN") == "DISAPPROVE" and to_plover("STATEMENT") == ""


def test_statement_records_sentence_and_citation() -> None:
    (s,) = run("Intro line here.\n\nFinland rejected the proposal.", art_id="x9")
    assert s.citations[0].article == "x9" and s.sentence == 1
    assert s.text == "Finland rejected the proposal."


def test_a_thousand_word_article_is_fast() -> None:
    para = (
        "Hungarian Prime Minister Lajos Kis met his Austrian counterpart in Vienna. "
        "Kis said the pipeline would be finished next year. "
        "The project has been delayed by floods and by disputes over costs. "
        "Austria and Slovakia are committed to the plan, officials said. "
        "The minister warned that prices could rise. Engineers expect work to resume soon. "
    )
    text = "\n\n".join([para] * 13)  # about 1,000 words
    article = Article(id="big", path="big.txt", title="", text=text)
    sentences = make_sentences(text)
    find_statements(article, sentences)
    started = time.perf_counter()
    for _ in range(5):
        find_statements(article, sentences)
    per_article = (time.perf_counter() - started) / 5
    assert per_article < 0.25, per_article  # a few ms normally; loose for busy CI machines


SEEDS = ("000_4be53d44bcec675c.txt", "002_dd1462571483b60c.txt")


@pytest.fixture(scope="module")
def seed_positions() -> dict[str, list[Statement]]:
    statements: list[Statement] = []
    for name in SEEDS:
        path = shared_path(f"corpus/seeds/{name}")
        text = path.read_text(encoding="utf-8")
        statements += run(text, art_id=name[:3])
    return {p.iso3: list(p.statements) for p in group_positions(statements)}


def test_seeds_have_exactly_the_five_countries(seed_positions: dict[str, list[Statement]]) -> None:
    assert set(seed_positions) == {"USA", "KOR", "RUS", "CHN", "PRK"}


def test_seeds_every_lavrov_statement_is_russian(
    seed_positions: dict[str, list[Statement]],
) -> None:
    for iso3, statements in seed_positions.items():
        for s in statements:
            if s.speaker and "Lavrov" in s.speaker:
                assert iso3 == "RUS", s.text
    russian = [s.text for s in seed_positions["RUS"]]
    assert any("Xinhua" in t for t in russian)
    assert any(t.startswith("The Russian foreign minister noted") for t in russian)
    assert not any("Xinhua" in s.text for s in seed_positions["CHN"])


def test_seeds_mann_yun_china_and_north_korea(
    seed_positions: dict[str, list[Statement]],
) -> None:
    assert any(s.speaker == "David Mann" for s in seed_positions["USA"])
    assert any(s.speaker == "Yun Byung-se" for s in seed_positions["KOR"])
    china = [s for s in seed_positions["CHN"] if "maintained its opposition" in s.text]
    assert china and china[0].stance == "OPPOSE"
    assert any(s.stance == "THREATEN" for s in seed_positions["PRK"])
    for iso3, statements in seed_positions.items():
        if iso3 != "USA":
            assert not any(s.speaker == "David Mann" for s in statements)
        if iso3 != "KOR":
            assert not any(s.speaker == "Yun Byung-se" for s in statements)


def test_state_media_and_seats_speak_for_their_country() -> None:
    text = ("Pyongyang's state media said the launch was a success. "
            "The Kremlin denied the report. The Chinese foreign ministry urged restraint.")
    found = run(text)
    assert [(s.country, s.speaker, s.stance) for s in found] == [
        ("PRK", "Pyongyang's state media", "STATEMENT"),
        ("RUS", "Kremlin", "DENY"),
        ("CHN", "Chinese foreign ministry", "DEMAND"),
    ]


def test_private_people_and_outlets_are_not_the_state() -> None:
    text = (
        "The French striker scored twice on Sunday. "
        "A German magazine quoted an aide as saying the talks had failed. "
        "Michelle Obama said the garden was thriving. "
        "The German appears to have run out of ideas."
    )
    assert run(text) == []


def test_a_subordinate_subject_when_the_main_clause_names_nobody() -> None:
    text = "The stopover came as the Nepali leader prepared to fly to the summit."
    assert by_sentence(run(text)) == {0: {"NPL"}}


def test_domestic_actors_act_where_they_are() -> None:
    text = "Protesters in Tbilisi blocked the main avenue on Friday."
    assert by_sentence(run(text)) == {0: {"GEO"}}
    assert run("A man died in a road accident in Chile on Friday.") == []
