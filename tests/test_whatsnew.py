"""What's new since the last briefing, computed from its JSON."""

from __future__ import annotations

from briefing.models import Briefing, Citation, Position, Statement
from briefing.render import briefing_to_dict
from briefing.whatsnew import compare, main_stance, statement_key


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
