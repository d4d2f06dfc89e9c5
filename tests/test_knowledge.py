"""The actor knowledge base: date-valid roles, careful name matching, role nouns, bodies."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from briefing.models import SPEAKER_KINDS
from briefing.positions import knowledge
from briefing.positions.knowledge import (
    DATA,
    Body,
    Role,
    body,
    country_of_person,
    full_name,
    lookup_person,
    normalize_name,
    organisation,
    role_noun,
    role_of_code,
    state_body,
)

D = dt.date


def codes(roles: tuple[Role, ...]) -> list[tuple[str, str]]:
    return [(r.iso3, r.kind) for r in roles]


def test_data_file_is_small_and_generated() -> None:
    assert DATA.stat().st_size < 3_000_000
    raw = json.loads(gzip.decompress(DATA.read_bytes()))
    assert "gen_actor_kb.py" in raw["_about"]
    assert len(raw["persons"]) > 10_000


def test_normalize_ignores_case_accents_and_punctuation() -> None:
    assert normalize_name("U.N.") == "un"
    assert normalize_name("José  MARÍA Aznar") == "jose maria aznar"
    assert normalize_name("Ban Ki-moon") == "ban ki moon"
    assert normalize_name("O’Neill") == "oneill"


def test_role_applies_only_in_its_date_range() -> None:
    # Putin: prime minister 1999-2000 and 2008-2012, president 2000-2008 and from 2012.
    assert codes(lookup_person("Vladimir Putin", D(2016, 7, 1))) == [("RUS", "official")]
    roles = lookup_person("Vladimir Putin", D(2016, 7, 1))
    assert all(r.start is not None and r.start <= D(2016, 7, 1) for r in roles)
    # Before his first office only his dated "elite" role applies.
    assert {r.kind for r in lookup_person("Vladimir Putin", D(1990, 1, 1))} == {"expert"}


def test_without_a_date_the_latest_role_comes_first() -> None:
    roles = lookup_person("Vladimir Putin", None)
    assert len(roles) > 1
    dated = [r for r in roles if r.dated]
    assert dated[0].start == max(r.start for r in dated if r.start)
    assert not roles[-1].dated  # the undated default goes last


def test_name_matching_is_robust_to_case_accents_and_titles() -> None:
    on = D(2016, 7, 1)
    for name in ("Sergey Lavrov", "SERGEY LAVROV", "sergey lavrov",
                 "Russian Foreign Minister Sergey Lavrov", "Sergei Lavrov", "Lavrov"):
        assert country_of_person(name, on) == "RUS", name


def test_surname_alone_needs_one_person_active_on_the_date() -> None:
    assert codes(lookup_person("Albright", D(1998, 1, 1))) == [("USA", "official")]
    assert lookup_person("Albright", D(2015, 1, 1)) == ()  # nobody called Albright in office
    assert lookup_person("Kim", D(2013, 1, 1)) == ()  # many Kims: ambiguous


def test_a_different_first_name_is_a_different_person() -> None:
    assert lookup_person("David Albright", D(1998, 1, 1)) == ()
    assert lookup_person("Madeleine Albright", D(1998, 1, 1))


def test_a_place_is_never_a_person() -> None:
    for place in ("Monaco", "Jordan", "Paris", "Washington", "China", "Russian"):
        assert lookup_person(place, None) == (), place
    assert lookup_person("Lisa Monaco", D(2015, 1, 1)) == ()  # unknown person, not the country


def test_international_roles_file_under_the_body() -> None:
    roles = lookup_person("Ban Ki-moon", D(2010, 1, 1))
    assert [(r.iso3, r.group, r.kind) for r in roles] == [("UN", "body", "international")]


def test_role_of_code_reads_cameo_codes() -> None:
    assert role_of_code("RUSGOV").iso3 == "RUS"
    assert role_of_code("USAOPP").kind == "opposition"
    assert role_of_code("IGOUNOIAE").iso3 == "IAEA"
    assert role_of_code("IGOWSTNAT").group == "body"
    assert (role_of_code("MNCUSAMED").iso3, role_of_code("MNCUSAMED").kind) == ("USA", "media")
    assert role_of_code("USRGOV").iso3 == "RUS"  # Soviet code, successor state
    assert role_of_code("AFRGOV").group == "other"  # a region, not a state


def test_a_faith_in_a_non_state_code_is_not_a_state() -> None:
    # MUS is Muslim here, not Mauritius; SUN is Sunni, not the Soviet Union
    assert (role_of_code("IMGMUS").group, role_of_code("IMGMUS").iso3) == ("other", "")
    assert role_of_code("NGOMUSSUN").iso3 == ""
    assert role_of_code("IMGMUSRUSREB").iso3 == "RUS"  # the state after the faith
    assert role_of_code("IMGMUSRUSREB").kind == "opposition"
    assert role_of_code("MUSGOV").iso3 == "MUS"  # as a head it is Mauritius


@pytest.mark.parametrize(
    ("noun", "kind"),
    [("president", "official"), ("Foreign Minister", "official"), ("ministers", "official"),
     ("spokesman", "official"), ("rebels", "opposition"), ("opposition leader", "opposition"),
     ("analyst", "expert"), ("professor", "expert"), ("journalist", "media")],
)
def test_role_nouns_map_to_speaker_kinds(noun: str, kind: str) -> None:
    found = role_noun(noun)
    assert found is not None and found.kind == kind
    assert found.kind in SPEAKER_KINDS


def test_unknown_role_noun() -> None:
    assert role_noun("xylophone") is None


@pytest.mark.parametrize(
    ("name", "acronym"),
    [("UN", "UN"), ("U.N.", "UN"), ("the United Nations", "UN"), ("EU", "EU"),
     ("European Union", "EU"), ("NATO", "NATO"), ("African Union", "AU"), ("IAEA", "IAEA"),
     ("World Health Organization", "WHO"), ("International Criminal Court", "ICC"),
     ("OPEC", "OPEC"), ("ASEAN", "ASEAN"), ("G7", "G7"), ("G-20", "G20"), ("IMF", "IMF"),
     ("the World Bank", "World Bank"), ("WTO", "WTO"), ("OSCE", "OSCE"),
     ("Arab League", "Arab League"), ("Red Cross", "ICRC"), ("ICRC", "ICRC"),
     ("UN Security Council", "UN")],
)
def test_bodies(name: str, acronym: str) -> None:
    found = body(name)
    assert isinstance(found, Body) and found.acronym == acronym


def test_not_a_body() -> None:
    assert body("the Kremlin") is None
    assert body("Monaco") is None


@pytest.mark.parametrize(
    ("name", "iso3"),
    [("the Kremlin", "RUS"), ("the Pentagon", "USA"), ("The White House", "USA"),
     ("State Department", "USA"), ("Downing Street", "GBR"), ("the Elysee", "FRA"),
     ("the Élysée", "FRA"), ("Blue House", "KOR"), ("Zhongnanhai", "CHN")],
)
def test_state_bodies(name: str, iso3: str) -> None:
    assert state_body(name) == iso3


def test_organisations_that_are_not_state_bodies() -> None:
    taliban = organisation("the Taliban")
    assert taliban is not None and taliban.kind == "opposition"
    assert state_body("the Taliban") is None
    un = organisation("United Nations")
    assert un is not None and un.group == "body"


def test_lookups_are_cached_and_dictionary_fast() -> None:
    lookup_person("Lavrov", D(2016, 1, 1))
    assert knowledge._kb.cache_info().currsize == 1


def test_full_name_of_the_person_a_name_resolves_to() -> None:
    assert full_name("Lavrov", D(2016, 1, 1)) == "Sergey Lavrov"
    assert full_name("Foreign Minister Sergei Lavrov", D(2016, 1, 1)) == "Sergey Lavrov"
    assert full_name("Kim", D(2013, 1, 1)) is None
