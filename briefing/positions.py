"""Group statements into one position per country, merging the same claim across articles.

Wire stories are reprinted with small edits, so one claim often arrives from several
articles; the memo should say it once and cite every source. Two statements of a country
are the same claim when their word sets overlap almost entirely (Jaccard >= 0.8, or one
is contained in the other after normalising quotes and case).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .countries import country_name as _gazetteer_name
from .models import Position, Statement

_WORD = re.compile(r"[a-z0-9]+")
_SAME = 0.8


def country_name(iso3: str) -> str:
    """A readable short name for an ISO alpha-3 code ('RUS' -> 'Russia')."""
    return _gazetteer_name(iso3)


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower().replace("’", "'")))


def _same_claim(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    inter = len(a & b)
    return inter / len(a | b) >= _SAME or inter == min(len(a), len(b)) >= 6


def merge_statements(statements: Iterable[Statement]) -> list[Statement]:
    """One statement per claim, in first-seen order, carrying every citation.

    The first statement of a claim is kept (text, speaker, stance); a later copy may only
    fill a missing speaker.
    """
    merged: list[Statement] = []
    words: list[frozenset[str]] = []
    for s in statements:
        w = _words(s.text)
        for i, m in enumerate(merged):
            if _same_claim(w, words[i]):
                cites = m.citations + tuple(c for c in s.citations if c not in m.citations)
                merged[i] = replace(m, citations=cites, speaker=m.speaker or s.speaker)
                break
        else:
            merged.append(s)
            words.append(w)
    return merged


def group_positions(
    statements: Iterable[Statement], focus: Sequence[str] = ()
) -> tuple[Position, ...]:
    """One Position per country: focus countries first (in the given order), then by weight
    (number of citations behind its statements), then by name."""
    by: dict[str, list[Statement]] = {}
    for s in statements:
        by.setdefault(s.country.upper(), []).append(s)
    wanted = [f.upper() for f in focus]
    grouped = {c: merge_statements(v) for c, v in by.items()}

    def key(c: str) -> tuple[int, int, int, str]:
        rank = wanted.index(c) if c in wanted else len(wanted)
        weight = sum(len(s.citations) for s in grouped[c])
        return (rank, -weight, -len(grouped[c]), country_name(c))

    return tuple(Position(country_name(c), c, tuple(grouped[c])) for c in sorted(grouped, key=key))
