"""What changed since the last briefing: new countries, new statements, changed stances.

The previous briefing is read from the JSON a build wrote (``--save-json``), so that a
morning memo can mark what is new since yesterday's without keeping any other state.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BriefingError
from .models import Briefing

_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Changes:
    """Differences between a previous briefing (as JSON) and the current one."""

    since: str
    new_countries: frozenset[str]
    new_statements: frozenset[tuple[str, str]]
    stance_changes: tuple[tuple[str, str, str], ...]

    def stance_change(self, iso3: str) -> tuple[str, str] | None:
        """``(before, now)`` main stance labels of a country whose stance changed."""
        for code, before, now in self.stance_changes:
            if code == iso3:
                return before, now
        return None


def statement_key(text: str) -> str:
    """Text identity that survives re-splitting and punctuation edits."""
    return " ".join(_WORDS.findall(text.casefold()))


def main_stance(stances: Iterable[str]) -> str:
    """The most frequent stance label (first seen wins a tie)."""
    counts = Counter(stances)
    return counts.most_common(1)[0][0] if counts else "STATEMENT"


def load_previous(path: Path) -> dict[str, Any]:
    """Read a previous build's JSON, with a one-line error naming the file when unusable.

    The file may be anything (hand-edited, truncated, hostile), so its shape is checked
    here, once: :func:`compare` can then trust every field it reads.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BriefingError(f"{path}: previous briefing not found") from None
    except (OSError, ValueError, RecursionError) as exc:
        # ValueError covers bad JSON, bad UTF-8 and integers over Python's digit limit.
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise BriefingError(f"{path}: not a briefing JSON file ({reason})") from None
    problem = _shape_problem(data)
    if problem:
        raise BriefingError(f"{path}: not a briefing JSON file ({problem})")
    return data  # type: ignore[no-any-return]


def _shape_problem(data: Any) -> str | None:
    """What is wrong with the shape of a briefing JSON document, or None."""
    if not isinstance(data, dict) or not isinstance(data.get("positions"), list):
        return "no 'positions' list"
    if not isinstance(data.get("date", ""), str):
        return "'date' must be a string"
    for i, position in enumerate(data["positions"]):
        where = f"positions[{i}]"
        if not isinstance(position, dict) or not isinstance(position.get("iso3"), str):
            return f"{where} must be an object with an 'iso3' string"
        statements = position.get("statements", [])
        if not isinstance(statements, list):
            return f"{where}.statements must be a list"
        for k, s in enumerate(statements):
            if not isinstance(s, dict) or not all(
                isinstance(s.get(f, ""), str) for f in ("text", "stance")
            ):
                return f"{where}.statements[{k}] must be an object with 'text' and 'stance' strings"
    return None


def compare(previous: dict[str, Any], current: Briefing) -> Changes:
    """Mark what ``current`` adds to or changes from ``previous``."""
    before: dict[str, list[dict[str, Any]]] = {}
    for position in previous.get("positions", []):
        if isinstance(position, dict) and isinstance(position.get("iso3"), str):
            statements = position.get("statements")
            listed = statements if isinstance(statements, list) else []
            before[position["iso3"]] = [s for s in listed if isinstance(s, dict)]
    old_texts = {
        (iso3, statement_key(str(s.get("text", "")))) for iso3, ss in before.items() for s in ss
    }
    new_countries: set[str] = set()
    new_statements: set[tuple[str, str]] = set()
    changes: list[tuple[str, str, str]] = []
    for position in current.positions:
        if position.iso3 not in before:
            new_countries.add(position.iso3)
            continue
        for s in position.statements:
            if (position.iso3, statement_key(s.text)) not in old_texts:
                new_statements.add((position.iso3, s.text))
        was = main_stance(str(s.get("stance", "")) for s in before[position.iso3])
        now = main_stance(s.stance for s in position.statements)
        if was != now:
            changes.append((position.iso3, was, now))
    return Changes(
        since=str(previous.get("date", "")),
        new_countries=frozenset(new_countries),
        new_statements=frozenset(new_statements),
        stance_changes=tuple(changes),
    )
