"""What's new since the last briefing, computed from its JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.errors import BriefingError
from briefing.models import Briefing, Citation, Position, Statement
from briefing.render import briefing_to_dict
from briefing.whatsnew import compare, load_previous, main_stance, statement_key


def statement(text: str, iso3: str, stance: str) -> Statement:
    return Statement(text, iso3, None, stance, (Citation("a", 0),))


def briefing(*positions: Position) -> Briefing:
    return Briefing("T", "2024-01-01", "", "", (), (), positions)


def test_new_countries_statements_and_stance_changes() -> None:
    before = briefing(
        Position("France", "FRA", (statement("Paris opposes the plan.", "FRA", "REJECT"),)),
        Position("Spain", "ESP", (statement("Madrid supports it.", "ESP", "SUPPORT"),)),
    )
    after = briefing(
        Position(
            "France",
            "FRA",
            (
                statement("Paris opposes  the plan!", "FRA", "REJECT"),
                statement("Paris now welcomes the deal.", "FRA", "SUPPORT"),
                statement("Paris agrees to talks.", "FRA", "SUPPORT"),
            ),
        ),
        Position("Spain", "ESP", (statement("Madrid supports it.", "ESP", "SUPPORT"),)),
        Position("Italy", "ITA", (statement("Rome is silent.", "ITA", "STATEMENT"),)),
    )
    changes = compare(briefing_to_dict(before), after)
    assert changes.since == "2024-01-01"
    assert changes.new_countries == {"ITA"}
    assert changes.new_statements == {
        ("FRA", "Paris now welcomes the deal."),
        ("FRA", "Paris agrees to talks."),
    }
    assert changes.stance_change("FRA") == ("REJECT", "SUPPORT")
    assert changes.stance_change("ESP") is None


def test_helpers() -> None:
    assert statement_key("Paris — opposes, the PLAN.") == "paris opposes the plan"
    assert main_stance(["A", "B", "B"]) == "B"
    assert main_stance([]) == "STATEMENT"


def test_tolerates_odd_previous_json() -> None:
    changes = compare(
        {"positions": [{"iso3": 3}, "x", {"iso3": "FRA", "statements": None}]}, briefing()
    )
    assert not changes.new_countries and not changes.stance_changes


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"positions":[{"iso3":"RUS","statements":5}]}', "positions[0].statements"),
        ('{"positions":[{"iso3":"RUS","statements":[{"text":7}]}]}', "positions[0].statements[0]"),
        ('{"positions":[7]}', "positions[0]"),
        ('{"positions":[], "date": 3}', "date"),
        ('{"positions":[' + "1" * 5000 + "]}", "not a briefing JSON file"),
        ('{"positions":' + "[" * 100_000 + "]" * 100_000 + "}", "not a briefing JSON file"),
    ],
)
def test_hostile_since_file_is_one_line_error_naming_it(
    tmp_path: Path, content: str, problem: str
) -> None:
    """A --since file of the wrong shape is refused with the file named, never a traceback."""
    path = tmp_path / "last.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BriefingError) as info:
        load_previous(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and problem in message
    assert "\n" not in message and len(message) < 300


def test_a_valid_since_file_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "last.json"
    before = briefing(Position("France", "FRA", (statement("Paris agrees.", "FRA", "SUPPORT"),)))
    path.write_text(json.dumps(briefing_to_dict(before)), encoding="utf-8")
    assert compare(load_previous(path), before).new_statements == frozenset()
