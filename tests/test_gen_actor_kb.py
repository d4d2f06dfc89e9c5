"""The actor KB generator reads Phoenix's format and its oddities (files written here)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from .conftest import ROOT, shared_path


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    path = ROOT / "tools" / "gen_actor_kb.py"
    spec = importlib.util.spec_from_file_location("gen_actor_kb", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_actor_kb"] = module
    spec.loader.exec_module(module)
    return module


def test_dates(gen: ModuleType) -> None:
    assert gen.parse_date("700101", False) == "1970-01-01"  # two-digit year, last century
    assert gen.parse_date("080508", False) == "2008-05-08"  # two-digit year, this one
    assert gen.parse_date("19270101", False) == "1927-01-01"
    assert gen.parse_date("990231", True) == "1999-02-28"  # impossible day, clamped
    assert gen.parse_date("2004017", False) == "2004-01-01"  # malformed: year only
    assert gen.parse_date("2004017", True) == "2004-12-31"


def test_roles(gen: ModuleType) -> None:
    assert gen.parse_role("RUSGOV >080508") == ["RUSGOV", "2008-05-08", ""]
    assert gen.parse_role("USAGOV <010120") == ["USAGOV", "", "2001-01-20"]
    assert gen.parse_role("AFGGOV 780430-790916") == ["AFGGOV", "1978-04-30", "1979-09-16"]
    assert gen.parse_role("RUSELI") == ["RUSELI"]
    assert gen.parse_role("---") is None
    assert gen.parse_role("KORGOV x-y") == ["KORGOV"]  # unreadable dates: the default role


def test_entries_with_synonyms_tab_roles_and_name_line_codes(gen: ModuleType,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "actors.txt"
    path.write_text(
        "# comment line\n"
        "JANE_DOE_  # CountryInfo.txt\n"
        "+J._DOE_\n"
        "+PRESIDENT_DOE\n"
        "\t[FRAGOV 100101-120101]\n"
        "\t[FRAELI]\n"
        "EXAMPLE_ALLIANCE_ [IGOUNO] # a body\n"
        "SAM_ROE_\t[IGOUNO 050224-050615] [USAGOV >090101]# one line\n",
        encoding="utf-8",
    )
    entries = gen.read_entries(path)
    assert [e["names"] for e in entries] == [["JANE_DOE_", "J._DOE_", "PRESIDENT_DOE"],
                                             ["EXAMPLE_ALLIANCE_"], ["SAM_ROE_"]]
    assert entries[0]["roles"] == [["FRAGOV", "2010-01-01", "2012-01-01"], ["FRAELI"]]
    assert entries[1]["line_codes"] == [["IGOUNO"]]
    assert len(entries[2]["roles"]) == 2
    assert gen.is_person(entries[0], "Phoenix.Countries.actors.txt")
    assert gen.is_person(entries[2], "Phoenix.International.actors.txt")
    assert not gen.is_person(entries[1], "Phoenix.International.actors.txt")


def test_surnames(gen: ModuleType) -> None:
    titles = frozenset({"secretary", "general", "president"})
    assert gen.surname_of(["SECRETARY-GENERAL_BAN_KI-MOON"], {"KOR"}, titles) == "ban"
    assert gen.surname_of(["VLADIMIR_PUTIN_"], {"RUS"}, titles) == "putin"
    assert gen.surname_of(["PUTIN_"], {"RUS"}, titles) == ""


def test_generation_is_deterministic(gen: ModuleType) -> None:
    phoenix = shared_path("actors/phoenix")
    first = gen.build(phoenix)
    assert first == gen.build(phoenix)
    assert first["agents"]["president"] == "GOV"
