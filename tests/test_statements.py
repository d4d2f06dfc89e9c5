"""Who said what for which country, on the parse: attribution rules, coreference,
affiliation, stance from the act, quotations, joint statements, actors.yaml.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from briefing.actors import ActorBook, load_actors, parse_actors
from briefing.errors import ConfigError
from briefing.models import Article, Statement
from briefing.positions import find_statements, group_positions
from briefing.positions.parse import MODEL
from briefing.sentences import make_sentences
from briefing.stance import STANCES, stance_verb, to_plover

from .conftest import shared_path

pytestmark = pytest.mark.skipif(not (MODEL / "config.cfg").is_file(),
                                reason="the parsing model is not built (make model)")


def run(text: str, actors: ActorBook | None = None, art_id: str = "a1",
        published: str = "") -> list[Statement]:
    article = Article(id=art_id, path=f"{art_id}.txt", title="", text=text, published=published)
    return list(find_statements(article, make_sentences(text), actors))


def by_sentence(statements: list[Statement]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for s in statements:
        out.setdefault(s.sentence, set()).add(s.country)
    return out


def test_he_is_the_last_speaker_not_the_last_leader_named() -> None:
    text = (
        "Moldovan Foreign Minister Ion Rusu said the border talks would go on. "
        "Romanian President Dan Petrescu visited a factory in Iasi on Sunday. "
        "\u201cThe door remains open,\u201d he said."
    )
    found = run(text)
    assert [(s.sentence, s.country, s.speaker) for s in found] == [
        (0, "MDA", "Ion Rusu"), (2, "MDA", "Ion Rusu")
    ]


def test_surname_role_and_pronoun_refer_back_to_the_person_introduced() -> None:
    text = (
        "Estonian Foreign Minister Kadri Tamm arrived in Warsaw on Monday. "
        "Tamm said the alliance must stay united. "
        "The Estonian foreign minister noted that talks would continue. "
        "The minister added that sanctions should stay. "
        "He warned against complacency."
    )
    found = run(text)
    assert [(s.sentence, s.country) for s in found] == [(1, "EST"), (2, "EST"), (3, "EST"),
                                                        (4, "EST")]
    assert {s.speaker for s in found} == {"Kadri Tamm"}


def test_a_definite_description_of_a_state_refers_to_the_state_named_last() -> None:
    text = (
        "Norway and Denmark asked Iceland on Friday to join the fisheries accord. "
        "The island nation has rejected the request, saying its quotas were unfair. "
        "The countries have warned of further talks."
    )
    found = run(text)
    assert [(s.sentence, s.country) for s in found] == [(0, "NOR"), (1, "ISL")]
    assert found[1].speaker == "Iceland"  # not the plural "the countries" of sentence 2


def test_a_body_is_named_whole_not_as_a_person_called_union() -> None:
    found = run("The African Union said the vote in the border province should be postponed. "
                "The European Union warned that new tariffs would follow.")
    assert [(s.country, s.speaker) for s in found] == [("AU", "African Union"),
                                                       ("EU", "European Union")]


def test_a_role_then_the_name_in_apposition_names_the_person() -> None:
    (s,) = run("Moldova's president, Ana Lungu, called for more air defence.")
    assert (s.country, s.speaker, s.stance) == ("MDA", "Ana Lungu", "DEMAND")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("NATO Secretary-General Lars Holm said allies must spend more.", "Lars Holm"),
        ("EU Commission President Greta von der Aa said Europe would stand firm.",
         "Greta von der Aa"),
        ("Saudi Crown Prince Khalid bin Fahd said the kingdom wanted calm.", "Khalid bin Fahd"),
    ],
)
def test_a_name_keeps_its_particles_and_loses_its_bodys_acronym(text: str,
                                                                 speaker: str) -> None:
    (s,) = run(text)
    assert s.speaker == speaker


def test_a_bodys_name_may_start_with_an_adjective() -> None:
    (s,) = run("European Commission President Greta von der Aa said Europe would stand firm.")
    assert (s.country, s.speaker) == ("EU", "Greta von der Aa")


def test_a_leaders_title_gives_the_country_not_the_place_of_the_sentence() -> None:
    (s,) = run("US President Barack Obama has hailed the agreement in Paris.")
    assert (s.country, s.speaker, s.stance) == ("USA", "Barack Obama", "SUPPORT")
    assert s.speaker_kind == "official"


def test_a_speaker_describing_other_countries_speaks_only_for_their_own() -> None:
    (s,) = run("Russia and China are committed to a peaceful solution, "
               "Russian Foreign Minister Sergey Lavrov said.")
    assert (s.country, s.joint, s.speaker) == ("RUS", (), "Sergey Lavrov")


def test_apposition_and_possessive_give_the_country() -> None:
    (s,) = run("Anna Berg, Norway's defence minister, said the patrols would go on.")
    assert (s.country, s.speaker) == ("NOR", "Anna Berg")
    (s,) = run("Chile's chief negotiator Rosa Vial said the deal was not perfect.")
    assert s.country == "CHL" and "Rosa Vial" in (s.speaker or "")
    assert s.claim.startswith("says the deal was not perfect")


def test_no_comment_is_no_statement() -> None:
    assert run("A spokesman for the Danish ministry did not respond to requests for comment.") == []
    assert run("The Danish ministry declined to comment on the report.") == []


def test_narrative_meetings_and_fighting_are_not_statements() -> None:
    text = ("Fighting continued near the Latvian border on Monday. "
            "Polish and Czech leaders met in Prague. Latvia is a member of the alliance.")
    assert run(text) == []


def test_a_joint_statement_is_one_statement_filed_once() -> None:
    found = run("Poland and Lithuania agreed to reopen the border crossing.")
    assert len(found) == 1
    (s,) = found
    assert (s.country, s.joint, s.stance) == ("POL", ("LTU",), "AGREE")
    positions = group_positions(found)
    assert [p.iso3 for p in positions] == ["POL"]


def test_a_joint_statement_is_filed_under_the_party_the_article_has_heard_most() -> None:
    text = ("Lithuanian Foreign Minister Ona Kairys said the border must reopen. "
            "Kairys said trade had suffered. "
            "Poland and Lithuania agreed to reopen the border crossing.")
    s = run(text)[-1]
    assert (s.sentence, s.country, s.joint) == (2, "LTU", ("POL",))


def test_a_quotation_attributed_at_its_end_is_one_statement() -> None:
    text = ("\u201cWe will not accept this. It is a provocation. Nobody should doubt our "
            "resolve,\u201d Kenyan President Joseph Mwangi said on Friday.")
    (s,) = run(text)
    assert s.country == "KEN" and s.speaker == "Joseph Mwangi"
    assert (s.citations[0].sentence, s.citations[0].last) == (0, 2)


@pytest.mark.parametrize("mark", ["\"", "\u201c"])
def test_straight_quotes_closing_a_running_quotation_leave_the_speaker_outside(
        mark: str) -> None:
    close = "\"" if mark == "\"" else "\u201d"
    text = (f"{mark}We will not accept this. It is a provocation. Nobody should doubt our "
            f"resolve,{close} Kenyan President Joseph Mwangi said on Friday.")
    (s,) = run(text)
    assert (s.country, s.speaker) == ("KEN", "Joseph Mwangi")
    assert (s.citations[0].sentence, s.citations[0].last) == (0, 2)


def test_a_negation_inside_the_quotation_is_not_the_speakers() -> None:
    text = ("The host asked whether a deal was possible. \"Absolutely not. Not this year,\" "
            "Kenyan President Joseph Mwangi replied.")
    (s,) = run(text)
    assert (s.country, s.speaker) == ("KEN", "Joseph Mwangi")
    assert (s.citations[0].sentence, s.citations[0].last) == (1, 2)


def test_an_answer_after_a_quoted_question_is_the_answerers() -> None:
    text = ("Kenyan President Joseph Mwangi asked, \"Will you reopen the border?\" "
            "\"Not yet. We need guarantees first,\" Ugandan President Paul Okello said.")
    first, second = run(text)
    assert (first.country, first.sentence) == ("KEN", 0)
    assert (second.country, second.speaker) == ("UGA", "Paul Okello")
    assert (second.citations[0].sentence, second.citations[0].last) == (1, 2)


def test_an_unnamed_official_belongs_to_the_country_whose_officials_were_named() -> None:
    text = ("Fighting near the border with Chad and Niger went on for a week. Chadian and "
            "Nigerien troops moved north. A review team has been sent to the region, "
            "according to two Kenyan defence officials. \"We need the basic facts first,\" "
            "one defence official said.")
    found = {s.sentence: s for s in run(text)}
    assert found[2].speaker == "two Kenyan defence officials" and found[2].country == "KEN"
    assert (found[3].speaker, found[3].country) == ("one defence official", "KEN")
    assert len(run(text)) == 2  # "according to X" is one statement, not one more for its clause


@pytest.mark.parametrize("intro", [
    "Kenyan spokeswoman Amina Otieno said the border would stay shut.",
    "Kenya's trade minister, Ms. Otieno, said the border would stay shut.",
])
def test_he_is_not_a_woman_the_article_says_is_one(intro: str) -> None:
    text = (f"Ugandan Trade Minister Paul Okello said talks would resume. {intro} "
            "\"We will wait,\" he said.")
    found = {s.sentence: s for s in run(text)}
    assert found[2].speaker == "Paul Okello"


def test_an_institution_speaks_and_its_unnamed_spokesman_speaks_for_it() -> None:
    text = ("Riverside Children's Hospital has asked the court for a new hearing. "
            "A hospital spokesman said: \"We have new evidence. We want it heard.\" "
            "The hearing is set for Monday.")
    first, second = run(text)
    assert first.speaker == "Riverside Children's Hospital" and first.country == ""
    assert second.speaker == "Riverside Children's Hospital spokesman"
    assert (second.citations[0].sentence, second.citations[0].last) == (1, 2)


def test_a_bare_surname_is_no_leader_of_a_country_the_article_never_names() -> None:
    # "Biya" alone (the knowledge base's Cameroonian president) in an article on Cameroon ...
    said = {s.sentence: s for s in run("The talks in Cameroon ended on Monday. Biya said "
                                       "they were over.", published="2010-03-01")}
    assert said[1].country == "CMR"
    # ... but not a namesake in one that never names Cameroon
    said = {s.sentence: s for s in run("The farmers' talks in Eldoret ended on Monday. "
                                       "Biya said they were over.", published="2010-03-01")}
    assert said[1].country != "CMR"


def test_a_state_speaking_by_its_name_is_an_official_voice() -> None:
    (s,) = run("Ukraine said it would keep the corridor open.")
    assert (s.country, s.speaker_kind) == ("UKR", "official")


def test_a_quotation_after_an_attributed_one_is_the_same_speakers() -> None:
    text = ("\u201cWe will not move,\u201d Kenyan President Joseph Mwangi said on Friday. "
            "\u201cThe border stays shut until the talks end.\u201d Trade fell by a third.")
    (s,) = run(text)
    assert (s.country, s.stance) == ("KEN", "REJECT")
    assert (s.citations[0].sentence, s.citations[0].last) == (0, 1)


def test_a_quotation_attributed_first_carries_over_its_sentences() -> None:
    text = ("Canadian General Lee Grant told reporters that the radar \u201cis purely "
            "defensive. It is not aimed at anyone. It is aimed at the threat we all see.\u201d "
            "The radar was built in 2019.")
    (s,) = run(text)
    assert s.country == "CAN"
    assert (s.citations[0].sentence, s.citations[0].last) == (0, 2)


def test_an_embedded_tweet_belongs_to_its_author_not_to_the_people_it_names() -> None:
    text = ("British Prime Minister Tom Hale said the talks were over. "
            "Great meeting with Prime Minister Tom Hale today, the deal is done! "
            "\u2014 Jane Roe (@janeroe) March 3, 2017. Hale said nothing else.")
    found = run(text)
    assert [(s.sentence, s.speaker) for s in found] == [
        (0, "Tom Hale"), (1, "Jane Roe"), (3, "Tom Hale")
    ]


def test_stance_comes_from_the_act_not_from_the_reported_words() -> None:
    (s,) = run("Lavrov said Western countries had failed to keep their promises.")
    assert s.stance == "ACCUSE" and s.country == "RUS"
    (s,) = run("Lavrov said the talks in Geneva had failed.")
    assert s.stance == "STATEMENT"  # a thing failed: no one is accused
    (s,) = run("Chile said the weather would improve and promised nothing.")
    assert s.stance == "STATEMENT"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Chile expressed concern over the tests.", "CONCERN"),
        ("Chile urged Peru to return to talks.", "DEMAND"),
        ("Chile called for an inquiry.", "DEMAND"),
        ("Chile agreed to extend the truce.", "AGREE"),
        ("Chile said it would support the bid.", "SUPPORT"),
        ("Chile said it would not attend the summit.", "REJECT"),
        ("Chile denied any role in the raid.", "DENY"),
        ("Chile rejected the offer.", "REJECT"),
        ("Chile condemned the attack.", "DISAPPROVE"),
        ("Chile warned of retaliation.", "WARN"),
        ("Chile accused Peru of spying.", "ACCUSE"),
        ("Chile has threatened to close the border.", "THREATEN"),
        ("Chile does not support the plan.", "OPPOSE"),
        ("Chile said the weather was fine.", "STATEMENT"),
        ("Chile said the sanctions on its ports must be lifted.", "DEMAND"),
    ],
)
def test_stance_labels(text: str, label: str) -> None:
    (s,) = run(text)
    assert (s.country, s.stance) == ("CHL", label)
    assert label in STANCES


def test_the_claim_is_the_act_and_its_object() -> None:
    (s,) = run("The Chinese foreign ministry opposed the radar deployment.")
    assert (s.country, s.stance, s.claim) == ("CHN", "OPPOSE", "opposes the radar deployment")
    assert s.speaker_kind == "official"


def test_international_bodies_are_their_own_group() -> None:
    found = run("The United Nations Security Council condemned the launch.")
    (s,) = found
    assert (s.country, s.speaker_kind) == ("UN", "international")
    (position,) = group_positions(found)
    assert (position.kind, position.iso3) == ("body", "UN")


def test_seats_of_government_speak_for_their_country() -> None:
    found = run("The Kremlin denied the report. The Pentagon said the drill would go ahead.")
    assert [(s.country, s.stance) for s in found] == [("RUS", "DENY"), ("USA", "STATEMENT")]


def test_the_ministry_refers_back_to_the_ministry_introduced() -> None:
    text = ("The Danish foreign ministry summoned the ambassador. "
            "The ministry said the remarks were unacceptable.")
    assert by_sentence(run(text)) == {1: {"DNK"}}


def test_news_agencies_are_sources_not_speakers() -> None:
    text = (
        "Belgian Prime Minister Jan Peeters met the envoy. "
        "Peeters warned of a long winter, according to China's Xinhua News Agency. "
        "The talks were useful, Peeters told Reuters. "
        "A ceasefire was agreed, Reuters reported."
    )
    found = run(text)
    assert [(s.sentence, s.country) for s in found] == [(1, "BEL"), (2, "BEL")]


def test_a_person_is_not_the_country_in_their_name() -> None:
    (s,) = run("Senior adviser Lisa Monaco said the review was finished.")
    assert s.country != "MCO" and s.speaker == "Lisa Monaco"


def test_a_full_name_is_not_a_famous_namesake() -> None:
    (s,) = run("David Albright, a physicist at a research institute, said the site was active.")
    assert s.speaker == "David Albright" and s.country != "USA"


def test_speakers_with_no_country_are_kept_as_other_voices() -> None:
    found = run("Jane Doakes said the rules were unclear.")
    (position,) = group_positions(found)
    assert (position.kind, position.iso3, position.statements[0].speaker) == (
        "other", "", "Jane Doakes")


def test_statement_records_sentence_and_citation() -> None:
    (s,) = run("Intro line here.\n\nFinland rejected the proposal.", art_id="x9")
    assert s.citations[0].article == "x9" and s.sentence == 1
    assert s.text == "Finland rejected the proposal."


def test_builtin_leaders_are_known() -> None:
    (s,) = run("Putin said the talks had failed.")
    assert (s.country, s.speaker) == ("RUS", "Vladimir Putin")


def test_stance_verbs_for_the_memo() -> None:
    assert stance_verb("OPPOSE") == "opposes"
    assert stance_verb("CONCERN") == "expresses concern"
    assert stance_verb("STATEMENT") == "says"
    assert stance_verb("nonsense") == "says"
    assert to_plover("CONCERN") == "DISAPPROVE" and to_plover("STATEMENT") == ""


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
    find_statements(article, sentences)
    assert time.perf_counter() - started < 2.0  # about 0.2 s on one core; loose for CI


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
    (unknown,) = run("Petraitis said the border would stay shut.")
    assert unknown.country == "" and unknown.speaker == "Petraitis"


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



SEEDS = ("000_4be53d44bcec675c.txt", "002_dd1462571483b60c.txt")


@pytest.fixture(scope="module")
def seed_positions() -> dict[str, list[Statement]]:
    statements: list[Statement] = []
    for name in SEEDS:
        path = shared_path(f"corpus/seeds/{name}")
        text = path.read_text(encoding="utf-8")
        statements += run(text, art_id=name[:3])
    return {p.iso3: list(p.statements) for p in group_positions(statements)}


def test_seeds_countries_and_no_others(seed_positions: dict[str, list[Statement]]) -> None:
    found = set(seed_positions)
    assert {"KOR", "RUS", "CHN"} <= found <= {"USA", "KOR", "RUS", "CHN", "PRK"}


def test_seeds_lavrov_speaks_for_russia_only(
    seed_positions: dict[str, list[Statement]],
) -> None:
    for statements in seed_positions.values():
        for s in statements:
            if s.speaker and "Lavrov" in s.speaker:  # alone, or jointly with Yun
                assert "RUS" in (s.country, *s.joint), s.text
    assert not any("Lavrov" in (s.speaker or "") for s in seed_positions["CHN"])


def test_seeds_mann_and_china(seed_positions: dict[str, list[Statement]]) -> None:
    china = [s for s in seed_positions["CHN"] if "maintained its opposition" in s.text]
    assert china and china[0].stance == "OPPOSE"
    for iso3, statements in seed_positions.items():
        if iso3 != "USA":
            assert not any(s.speaker == "David Mann" for s in statements)


def test_a_missing_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.errors import BriefingError
    from briefing.positions import parse

    monkeypatch.setattr(parse, "MODEL", tmp_path / "model")
    parse.model.cache_clear()
    try:
        with pytest.raises(BriefingError, match="make model"):
            parse.model()
    finally:
        parse.model.cache_clear()


def test_an_organisation_speaking_by_its_initials_is_named_in_full() -> None:
    text = ("Harbour Lane Children's Hospital treated the boy for six months. "
            "HLCH said in a statement that it would ask the court to rule again.")
    assert {s.speaker for s in run(text) if s.sentence == 1} == {
        "Harbour Lane Children's Hospital"}


def test_a_leads_unnamed_official_is_the_official_the_next_sentence_names() -> None:
    lead = ("A bus crashed near Harare in Zimbabwe on Sunday, killing 14 people, "
            "a Zimbabwean official said. ")
    named = run(lead + "Most of the passengers were farmers, police spokesman Tendai Moyo "
                "said. The police spokesman added that the driver had survived.")
    assert [(s.sentence, s.country, s.speaker) for s in named] == [
        (0, "ZWE", "Tendai Moyo"), (1, "ZWE", "Tendai Moyo"), (2, "ZWE", "Tendai Moyo")]
    # a speaker named further on is someone else: the official stays unnamed
    later = run(lead + "Zimbabwe is in mourning. "
                "The Zimbabwean president, Tendai Moyo, said the army would help.")
    assert [s.speaker for s in later] == ["a Zimbabwean official", "Tendai Moyo"]


def test_he_is_the_known_person_the_story_has_just_returned_to() -> None:
    text = (
        "Moldovan Foreign Minister Ion Rusu said the border talks would go on. "
        "Romanian President Dan Petrescu said the talks had stalled. "
        "Rusu also is in a stronger position since the vote in March. "
        "\u201cWe have more friends than before,\u201d he said."
    )
    assert [(s.sentence, s.speaker) for s in run(text)] == [
        (0, "Ion Rusu"), (1, "Dan Petrescu"), (3, "Ion Rusu")]


def test_a_report_in_an_adverbial_clause_is_its_speakers_statement_too() -> None:
    text = ("After Senator Ana Ruiz argued that the tax should be cut, "
            "Governor Tom Bell said only that her numbers did not add up.")
    found = run(text)
    assert sorted(s.speaker for s in found) == ["Ana Ruiz", "Tom Bell"]
    assert {s.speaker: s.claim.split()[0] for s in found} == {"Ana Ruiz": "argues",
                                                               "Tom Bell": "says"}


def test_an_undated_article_takes_a_knowledge_base_role_only_in_a_country_it_names() -> None:
    # the actor dictionaries hold a São Tomé official of the same name in 2006-2008; an
    # undated article about Washington gives no date to check that role against
    text = ("Sen. Ted Cruz said the spending bill would fail in the United States Senate. "
            "The United States Congress must vote by Friday.")
    assert [(s.speaker, s.country) for s in run(text) if s.sentence == 0] == [("Ted Cruz", "USA")]


def test_a_count_of_a_groups_members_is_not_the_group_named_before() -> None:
    text = 'House Republicans approved the bill on Thursday. Three Republicans voted "present."'
    assert [(s.sentence, s.speaker) for s in run(text)] == [(0, "House Republicans")]


def test_a_photo_caption_written_as_a_sentence_is_no_statement() -> None:
    text = ("Rep. Ana Ruiz said the bill would pass. "
            "Rep. Tom Bell (R-Ohio), center, speaks to reporters Thursday after the vote.")
    assert [s.sentence for s in run(text)] == [0]


def test_a_claim_leaves_out_bracketed_asides() -> None:
    text = ("Senator Ana Ruiz of the United States said the plan by Rep. Tom Bell (R-Ohio) "
            "was cruel.")
    assert [s.claim for s in run(text)] == ["says the plan by Rep. Tom Bell was cruel"]


def test_an_abbreviated_title_gives_the_role_a_later_description_refers_to() -> None:
    text = ("Sen. Ana Ruiz said on Thursday that the Pentagon had kept her committee in the "
            "dark. The longtime senator argued that the administration must do better.")
    assert [(s.sentence, s.speaker) for s in run(text)] == [(0, "Ana Ruiz"), (1, "Ana Ruiz")]


def test_a_company_introduced_with_its_suffix_is_known_by_its_name_later() -> None:
    text = ("Canada-based snack maker Maple Crunch Ltd on Tuesday left Chile, and President "
            "Ana Ruiz said its plant would be given to workers. Maple Crunch confirmed later "
            "that its plant had been seized by the Chilean government. Chile is in crisis, "
            "Ruiz said.")
    assert [(s.speaker, s.country) for s in run(text) if s.sentence == 1] == [
        ("Maple Crunch Ltd", "CAN")]


def test_a_headline_is_no_statement_but_a_short_report_is() -> None:
    text = ("Ruiz Says Talks With Chile Will Go On. "
            "Mayor Ana Ruiz said the talks with Chile would go on. "
            "\u201cWill they?\u201d Ruiz said.")
    assert [s.sentence for s in run(text)] == [1, 3]  # "Ruiz said." is its own sentence


def test_she_in_a_dependent_clause_is_the_subject_of_the_clause_it_depends_on() -> None:
    text = ("President Tom Bell said the aid was arriving. "
            "Mayor Ana Ruiz held a news conference in which she urged the government to "
            "send more help.")
    assert {s.speaker for s in run(text) if s.sentence == 1} == {"Ana Ruiz"}


def test_a_speaker_given_by_role_is_the_one_holder_of_that_role_the_article_names() -> None:
    text = ("Estonia closed the northern border crossing on Friday. "
            "Estonia's interior minister said on Saturday that the closure was temporary. "
            "Lorries queued for ten kilometres. "
            "Interior Minister Lauri Saar, who visited the crossing, said it would reopen soon.")
    assert [(s.sentence, s.speaker) for s in run(text)] == [
        (1, "Lauri Saar"), (3, "Lauri Saar")]
    # two holders of the role: the article does not say which one spoke
    two = run(text + " Mart Kask, the interior minister in 2019, said closures were a mistake.")
    assert {s.speaker for s in two if s.sentence == 1} == {"Estonia's interior minister"}
    # an office is not its holder
    office = run("Estonia closed the border. Estonia's prime minister's office said the "
                 "closure was temporary. Lorries queued. Prime Minister Kaja Tamm said it "
                 "would reopen.")
    assert {s.speaker for s in office if s.sentence == 1} == {
        "Estonia's prime minister's office"}


def test_a_country_before_a_common_noun_names_no_organisation() -> None:
    # "the Latvian market" / "the UK market" is a market: "the firm" cannot be it
    text = ("Saule Foods makes bread in Riga. The firm said the UK market had grown by 8% "
            "last year.")
    assert {s.speaker for s in run(text)} <= {"Saule Foods"}


def test_what_a_report_describes_is_no_frame_and_a_place_before_a_role_is_no_name() -> None:
    # "Nothing the governor said" describes a noun: the senator's "said" is the act; and
    # "the Ohio senator" is the senator from Ohio named before, not a person called Ohio
    text = ('Sen. Ana Ruiz, R-Ohio, said the budget failed the state. Nothing the governor '
            'said "will calm the markets," the Ohio senator said on Tuesday.')
    assert [(s.sentence, s.speaker) for s in run(text)] == [(0, "Ana Ruiz"), (1, "Ana Ruiz")]


def test_two_people_the_tagger_ran_together_are_two_speakers_without_their_brackets() -> None:
    # one person entity across "and": two names; "(Vt.)" beside a name is no part of it
    for text in ("Sen. Ann Ruiz and Governor Tom Bell suggested that the plan would fail.",
                 "Sen. Ann Ruiz (Vt.) and former Ohio governor Tom Bell suggested that the "
                 "plan would fail."):
        assert [s.speaker for s in run(text)] == ["Ann Ruiz and Tom Bell"], text


def test_the_name_after_a_title_and_its_office_is_the_speaker() -> None:
    text = ("Estonia closed the border. Secretary of Trade Ana Ruiz said the closure would "
            "hurt exporters. Minister of Foreign Affairs Tom J. Bell said it was temporary.")
    assert [(s.sentence, s.speaker) for s in run(text)] == [(1, "Ana Ruiz"), (2, "Tom J. Bell")]
    # in lower case before the name, as AP style writes "former secretary of state"
    lower = run('"The border must reopen," said former secretary of trade Ana Ruiz, who '
                'praised President Tom Bell.')
    assert [s.speaker for s in lower] == ["Ana Ruiz"]


def test_a_name_beside_a_noun_of_business_is_a_company_the_firm_refers_to() -> None:
    text = ("Latvia's government said it had taken over a plant owned by the Danish firm "
            "Holm-Berg. The firm said it had acted lawfully. US phone company Saule Tel said "
            "it would bid.")
    assert [(s.sentence, s.country, s.speaker) for s in run(text)][1:] == [
        (1, "DNK", "Holm-Berg"), (2, "USA", "Saule Tel")]


def test_what_an_unnamed_source_reports_is_not_the_act_of_the_people_in_it() -> None:
    assert run("Military analysts say President Tom Bell of Latvia would recognize the "
               "folly of a long war.") == []
    # a clause coordinated with the report is no part of it
    found = run("Sen. Ann Ruiz insisted the vote was fair, but Latvian officials argue it "
                "was rigged.")
    assert [(s.country, s.speaker) for s in found] == [
        ("", "Ann Ruiz"), ("LVA", "Latvian officials")]


def test_doubled_spaces_parse_as_single_ones() -> None:
    text = ("Latvian lawmakers, looking for a way to force a vote, seized the floor from the "
            "ruling party on Wednesday and said they would stay.")
    one = run(text)
    two = run(text.replace(" and said", " and  said"))
    assert [(s.country, s.speaker) for s in two] == [(s.country, s.speaker) for s in one] == [
        ("LVA", "Latvian lawmakers")]


def test_the_country_leader_is_the_last_official_of_that_country_named() -> None:
    text = ("Latvian President Ilze Berga spoke with Estonian Prime Minister Jaan Tamm on "
            "Friday. Berga urged Tallinn to reopen the border. Tamm said Estonia would decide "
            "next week. The Latvian leader warned that the closure hurt both economies.")
    assert [(s.sentence, s.country, s.speaker) for s in run(text, published="2022-07-29")][
        -1] == (3, "LVA", "Ilze Berga")


def test_a_report_set_between_commas_belongs_to_the_name_after_it() -> None:
    found = run("Any serious reading of the minister's actions, said Anna Berg, an expert at "
                "the Riga Institute, would see this as a retreat.")
    assert [s.speaker for s in found] == ["Anna Berg"]
    # after "told", the name is the one listening
    told = run('"Prices will fall," Ivo Kask, chief economist at Saule Bank, told Agence '
               'France-Presse.')
    assert not any("Agence" in (s.speaker or "") for s in told)


def test_a_role_held_for_a_named_person_speaks_for_that_persons_country() -> None:
    text = ("Latvian Foreign Minister Ilze Berga met her Estonian counterpart in Tallinn. "
            "Berga's spokeswoman said the talks had been useful.")
    assert [(s.sentence, s.country) for s in run(text)][-1] == (1, "LVA")


def test_a_country_a_speaker_is_an_expert_on_is_not_their_country() -> None:
    text = ('"The talks will fail," said Anna Berg, an expert on Latvia at a Washington '
            "institute.")
    assert [s.country for s in run(text)] != ["LVA"]


def test_a_pronoun_refers_to_a_person_named_earlier_in_its_own_sentence() -> None:
    text = ("Trade Minister Jon Berg said talks would go on. While Ana Ruiz has admitted that "
            "the plan was late, she has also insisted that it will work. It was expected that "
            "Maria Lund would resign before now, but she dismissed reports that she had lost "
            "support.")
    speakers = {(s.sentence, s.speaker) for s in run(text)}
    assert speakers == {(0, "Jon Berg"), (1, "Ana Ruiz"), (2, "Maria Lund")}


def test_a_name_inside_what_a_pronoun_reports_is_not_its_antecedent() -> None:
    text = ('Analyst Ana Ruiz follows the exchange. Nordbank is "trying to buy them off," she '
            "said.")
    assert [s.speaker for s in run(text) if s.sentence == 1] == ["Ana Ruiz"]


def test_a_report_inside_what_a_stance_verb_states_is_its_content() -> None:
    # not "the Russian nationalists want" filed under Russia as the sentence's report
    text = "Ana Ruiz has warned that the Russian nationalists want a new vote."
    (statement,) = run(text)
    assert (statement.speaker, statement.stance, statement.country) == ("Ana Ruiz", "WARN", "")


def test_claims_revelations_and_descriptions_are_reports() -> None:
    text = ("Nordbank claims the merger was never agreed. Finance Minister Jon Berg described "
            "the deal as reckless. Ana Ruiz revealed that talks had resumed.")
    assert {(s.sentence, s.speaker) for s in run(text)} == {
        (0, "Nordbank"), (1, "Jon Berg"), (2, "Ana Ruiz")}


def test_according_to_a_role_and_a_name_is_the_named_person() -> None:
    text = "The robot can walk and talk, according to chief designer Jon Berg."
    assert [s.speaker for s in run(text)] == ["Jon Berg"]


def test_contending_and_boasting_are_reports() -> None:
    text = ("Prosecutor Ana Ruiz contends that the firm hid its losses. Jon Berg boasted "
            "that sales had doubled.")
    assert {s.sentence for s in run(text)} == {0, 1}


def test_a_family_name_said_first_keeps_the_country_its_person_was_placed_in() -> None:
    text = ("Nine people died when a lorry hit a minibus in China's Shandong province on "
            "Monday. Chinese state media said the minibus was carrying farm workers. Zhao "
            "Minghe, a police officer from the Dezhou City Public Security Bureau, said that "
            "the road was not open yet. Zhao said that those involved lacked road safety "
            "knowledge.")
    found = {(s.sentence, s.speaker, s.country) for s in run(text)}
    # state media are no unnamed official whom the next sentence names
    assert found == {(1, "Chinese state media", "CHN"), (2, "Zhao Minghe", "CHN"),
                     (3, "Zhao Minghe", "CHN")}
