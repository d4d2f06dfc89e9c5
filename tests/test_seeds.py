"""End to end over the two real articles the product was designed from (../shared)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from briefing.cli import main

from .conftest import shared_path


def build(tmp: Path, *args: str) -> Result:
    """Build the seeds in a bare workspace (defaults only), so no sample config helps."""
    seeds = shared_path("corpus/seeds")
    (tmp / "briefing.toml").write_text("", encoding="utf-8")
    return CliRunner().invoke(main, ["-c", str(tmp / "briefing.toml"), "build", str(seeds), *args])


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    result = build(tmp_path_factory.mktemp("ws"), "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


@pytest.fixture(scope="module")
def seeds_memo(tmp_path_factory: pytest.TempPathFactory) -> str:
    result = build(tmp_path_factory.mktemp("ws"))
    assert result.exit_code == 0, result.output
    return result.stdout


def statements(data: dict[str, Any], iso3: str) -> list[dict[str, Any]]:
    return [s for p in data["positions"] if p["iso3"] == iso3 for s in p["statements"]]


def test_five_countries_have_sections(seeds_json: dict[str, Any]) -> None:
    countries = {p["iso3"] for p in seeds_json["positions"]}
    assert {"USA", "KOR", "RUS", "CHN", "PRK"} <= countries


def test_speakers_sit_under_their_country(seeds_json: dict[str, Any]) -> None:
    for iso3, surname in (("RUS", "Lavrov"), ("USA", "Mann"), ("KOR", "Yun")):
        speakers = [s["speaker"] or "" for s in statements(seeds_json, iso3)]
        assert any(surname in sp for sp in speakers), (iso3, speakers)
        for other in seeds_json["positions"]:
            if other["iso3"] != iso3:  # a joint statement ("Yun and Lavrov") is filed once
                assert not any(surname in (s["speaker"] or "") and " and " not in s["speaker"]
                               for s in other["statements"]), (
                    surname,
                    other["iso3"],
                )


def test_china_opposition_under_china(seeds_json: dict[str, Any]) -> None:
    assert any("opposition" in s["text"] for s in statements(seeds_json, "CHN"))


def test_abbreviations_never_split_sentences(seeds_json: dict[str, Any]) -> None:
    texts = [s for a in seeds_json["articles"] for s in a["summary"]]
    texts += [s["text"] for p in seeds_json["positions"] for s in p["statements"]]
    for text in texts:
        assert not text.endswith(("Lt.", "Gen.", "U.S.", "U.N.")), text
        assert not text.startswith(("Gen. David", "S. Army", "Security Council")), text


def test_credits_and_copyright_never_appear(seeds_memo: str) -> None:
    assert "(Yonhap)" not in seeds_memo
    assert "저작권자" not in seeds_memo and "무단전재" not in seeds_memo
