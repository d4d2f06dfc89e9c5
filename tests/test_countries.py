"""The country gazetteer: names, demonyms, capitals, abbreviations and the false friends."""

from __future__ import annotations

import re

import pytest

from briefing.countries import country_code, country_name, find_countries, trie_regex


def isos(text: str, context: str | None = None) -> list[str]:
    return [m.iso3 for m in find_countries(text, context)]


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Russia objected.", "RUS"),
        ("The Russian Federation objected.", "RUS"),
        ("South Korea agreed.", "KOR"),
        ("The Republic of Korea agreed.", "KOR"),
        ("North Korea fired a missile.", "PRK"),
        ("The Democratic People's Republic of Korea fired.", "PRK"),
        ("Ivory Coast voted.", "CIV"),
        ("Côte d'Ivoire voted.", "CIV"),
        ("Iran responded.", "IRN"),
        ("Britain responded.", "GBR"),
        ("Burma responded.", "MMR"),
        ("Viet Nam and Vietnam are one.", "VNM"),
    ],
)
def test_names_and_short_names(text: str, iso3: str) -> None:
    assert isos(text)[0] == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("A South Korean envoy arrived.", "KOR"),
        ("An Emirati delegation arrived.", "ARE"),
        ("Emiratis voted.", "ARE"),
        ("Russians voted.", "RUS"),
        ("Britons voted.", "GBR"),
        ("French troops left.", "FRA"),
        ("Filipino sailors left.", "PHL"),
        ("Burmese troops left.", "MMR"),
        ("Kyrgyz officials met.", "KGZ"),
        ("Vietnamese-led forces advanced.", "VNM"),
    ],
)
def test_demonyms_singular_and_plural(text: str, iso3: str) -> None:
    assert isos(text) == [iso3]


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Moscow said no.", "RUS"),
        ("Beijing said no.", "CHN"),
        ("Seoul said no.", "KOR"),
        ("Pyongyang said no.", "PRK"),
        ("Washington said no.", "USA"),
        ("The Kremlin said no.", "RUS"),
        ("The White House said no.", "USA"),
        ("The Pentagon said no.", "USA"),
        ("The Blue House said no.", "KOR"),
        ("Downing Street said no.", "GBR"),
        ("Whitehall said no.", "GBR"),
        ("The Quai d'Orsay said no.", "FRA"),
        ("Zhongnanhai said no.", "CHN"),
    ],
)
def test_capitals_and_seats_of_government(text: str, iso3: str) -> None:
    assert isos(text) == [iso3]


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("The U.S. said no.", "USA"),
        ("The US said no.", "USA"),
        ("The UK said no.", "GBR"),
        ("The U.K. said no.", "GBR"),
        ("The DPRK said no.", "PRK"),
        ("The ROK said no.", "KOR"),
        ("The PRC said no.", "CHN"),
        ("The UAE said no.", "ARE"),
        ("The DRC said no.", "COD"),
        ("A US-led coalition formed.", "USA"),
    ],
)
def test_abbreviations(text: str, iso3: str) -> None:
    assert isos(text) == [iso3]


def test_georgia_the_state_is_not_the_country() -> None:
    text = "The governor of Georgia signed the bill in Atlanta."
    assert isos(text) == []
    assert isos("Storms hit Atlanta, Georgia on Monday.") == []


def test_georgia_the_country_with_caucasus_context() -> None:
    text = "Georgia accused Moscow of provocations near Tbilisi."
    assert isos(text) == ["GEO", "RUS", "GEO"]


def test_people_called_jordan_or_chad_are_not_countries() -> None:
    assert isos("Michael Jordan scored and Chad Smith drummed.") == []
    assert isos("Jordan Peterson spoke to the crowd.") == []
    assert isos("Jordan and Chad signed a trade pact.") == ["JOR", "TCD"]
    assert isos("King Abdullah of Jordan met the envoy.") == ["JOR"]


def test_turkey_the_food_is_not_the_country() -> None:
    assert isos("Turkey sandwiches were served.") == []
    assert isos("Turkey warned Syria.") == ["TUR", "SYR"]


def test_washington_as_newspaper_person_or_state() -> None:
    assert isos("The Washington Post reported it.") == []
    assert isos("Denzel Washington won an award.") == []
    assert isos("Washington state passed a law.") == []
    assert isos("George Washington crossed the river.") == []
    assert isos("Washington imposed sanctions.") == ["USA"]


def test_us_the_pronoun_in_a_shouting_headline() -> None:
    assert isos("LET US PRAY FOR PEACE IN OUR TIME") == []
    assert isos("JOIN US TONIGHT FOR THE BIG SHOW") == []
    assert isos("CHINA WARNS U.S. OVER TARIFFS") == ["CHN", "USA"]
    assert isos("Tell us what you think.") == []


def test_niger_and_nigeria_are_different() -> None:
    assert isos("Niger and Nigeria share a border.") == ["NER", "NGA"]
    assert isos("Nigerien and Nigerian troops met.") == ["NER", "NGA"]
    assert isos("Unrest spread across the Niger Delta.") == ["NGA"]


def test_the_guineas() -> None:
    text = "Guinea, Equatorial Guinea, Guinea-Bissau and Papua New Guinea met."
    assert isos(text) == ["GIN", "GNQ", "GNB", "PNG"]
    assert isos("Pirates roam the Gulf of Guinea.") == []


def test_the_congos() -> None:
    text = ("The Democratic Republic of the Congo, DR Congo, Republic of Congo and "
            "Congo-Brazzaville.")
    assert isos(text) == ["COD", "COD", "COG", "COG"]
    assert isos("Kinshasa and Brazzaville face each other.") == ["COD", "COG"]


def test_dominica_and_the_dominican_republic() -> None:
    assert isos("Dominica and the Dominican Republic signed.") == ["DMA", "DOM"]


def test_korea_alone_is_ambiguous() -> None:
    assert isos("Korea has a long history.") == []
    assert isos("The Korean Peninsula remains tense.") == []
    assert isos("Talks between the two Koreas stalled.") == []


def test_the_north_resolves_only_in_a_korean_article() -> None:
    article = "North Korea tested a missile. The North said it would test more."
    assert isos("The North said it would test more.", article) == ["PRK"]
    assert isos("The North said it would test more.", "Brexit divides the North.") == []
    assert isos("Ships crossed the North Atlantic.", article) == []


def test_streets_named_after_countries() -> None:
    assert isos("Crowds filled Cuba Street on Sunday.") == []


def test_word_boundaries() -> None:
    assert isos("Omani and Romania; Indiana is not a country; Iranians, Iraqis.") == [
        "OMN", "ROU", "IRN", "IRQ"
    ]


def test_mentions_carry_offsets_and_kinds() -> None:
    text = "Russian Foreign Minister Sergey Lavrov met officials in Seoul."
    first, second = find_countries(text)
    assert (first.text, first.kind, text[first.start : first.end]) == ("Russian", "demonym",
                                                                       "Russian")
    assert (second.text, second.kind) == ("Seoul", "capital")


@pytest.mark.parametrize(
    ("iso3", "name"),
    [("RUS", "Russia"), ("KOR", "South Korea"), ("PRK", "North Korea"),
     ("USA", "United States"), ("CHN", "China"), ("GBR", "United Kingdom"), ("IRN", "Iran")],
)
def test_country_name(iso3: str, name: str) -> None:
    assert country_name(iso3) == name


def test_trie_regex_prefers_the_longest_word() -> None:
    pattern = re.compile(rf"\b(?:{trie_regex(['Guinea', 'Guinea-Bissau', 'Gui'])})\b")
    assert [m.group() for m in pattern.finditer("Guinea-Bissau, Guinea, Gui")] == [
        "Guinea-Bissau", "Guinea", "Gui"
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("RUS", "RUS"),
        ("tur", "TUR"),
        ("Turkey", "TUR"),
        ("turkey", "TUR"),
        ("TURKEY", "TUR"),
        ("united  states", "USA"),
        ("South Korea", "KOR"),
        ("uk", "GBR"),
        ("the Kremlin", "RUS"),
        ("Atlantis", None),
        ("", None),
    ],
)
def test_country_code_takes_codes_and_names_in_any_case(text: str, code: str | None) -> None:
    assert country_code(text) == code
