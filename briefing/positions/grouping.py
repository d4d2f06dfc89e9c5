"""Step 6: one position per country (or international body, or other voices), merging the
same claim across articles.

A joint statement ("Yun and Lavrov agreed") is filed once, with the other parties in
``Statement.joint``: it is never repeated under a country that did not speak. Of its
parties, it goes under a focus country if there is one, else under the party the whole
selection hears most from (an article's own count chose its first party; the memo
gathers many articles, so the memo's count decides where the reader looks for it).

Wire stories are reprinted with small edits, so one claim often arrives from several
articles; the memo should say it once and cite every source. Two statements of a country
are the same claim when their word sets overlap almost entirely (Jaccard >= 0.8, or one
is contained in the other after normalising quotes and case). Statements are compared only
with the earlier claims an index of their rarest words offers, never all pairs.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from fractions import Fraction

from ..countries import country_name as _gazetteer_name
from ..countries import is_country_code
from ..models import Citation, Position, Statement
from .knowledge import BODY, COUNTRY, OTHER, body
from .speakers import unify_speakers

_WORD = re.compile(r"[a-z0-9]+")
_SAME = 0.8
_SAME_RATIO = Fraction(_SAME).limit_denominator(100)  # 4/5, for exact integer bounds
_CONTAINED = 6


OTHER_VOICES = "Other voices"


def country_name(iso3: str) -> str:
    """A readable short name for an ISO alpha-3 code ('RUS' -> 'Russia'), a body's acronym
    ('UN' -> 'United Nations') or "" (other voices)."""
    if not iso3:
        return OTHER_VOICES
    if is_country_code(iso3):
        return _gazetteer_name(iso3)
    found = body(iso3)
    return found.name if found is not None else iso3


def group_of(code: str) -> str:
    """Which kind of group a position code makes: a country, a body, or other voices."""
    if not code:
        return OTHER
    return COUNTRY if is_country_code(code) else BODY


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(text.lower().replace("’", "'")))


def _same_claim(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    inter = len(a & b)
    return inter / len(a | b) >= _SAME or inter == min(len(a), len(b)) >= _CONTAINED


def merge_statements(statements: Iterable[Statement]) -> list[Statement]:
    """One statement per claim, in first-seen order, carrying every citation.

    The first statement of a claim is kept (text, speaker, stance); a later copy may only
    fill a missing speaker. Each statement joins the first earlier claim it matches, as a
    scan over all of them would find, but only the claims an index offers are compared
    (see :class:`_ClaimIndex`), so thousands of statements merge in about linear time.
    """
    items = list(statements)
    sets = [_words(s.text) for s in items]
    index = _ClaimIndex(sets)
    merged: list[Statement] = []
    cites: list[list[Citation]] = []  # per claim, in order; a set keeps each check O(1)
    seen: list[set[Citation]] = []
    for s, w in zip(items, sets, strict=True):
        i = index.find(w)
        if i is None:
            index.add(w)
            merged.append(s)
            cites.append(list(dict.fromkeys(s.citations)))
            seen.append(set(s.citations))
            continue
        if merged[i].speaker is None and s.speaker:
            merged[i] = replace(merged[i], speaker=s.speaker)
        for c in s.citations:
            if c not in seen[i]:
                seen[i].add(c)
                cites[i].append(c)
    return [replace(m, citations=tuple(c)) if len(c) != len(m.citations) else m
            for m, c in zip(merged, cites, strict=True)]


class _ClaimIndex:
    """The word sets of the claims so far, indexed so that a new set is compared only
    with claims it could match under :func:`_same_claim`.

    Words are ordered rarest first (by how many of the sets hold them, then
    alphabetically); a set's *prefix* is its first ``L - ceil(0.8 L) + 1`` words (``L`` its
    size). ``inter / union >= 0.8`` means ``5 inter >= 4 union``, so two such sets share at
    least ``ceil(0.8 L)`` words of each, and then their prefixes share a word (prefix
    filtering; the first shared word in the order is in both prefixes). Containment
    ``b ⊆ a`` puts the first word of ``b``, which is in its prefix, in ``a``; and ``a ⊆ b``
    puts the first word of ``a`` in ``b``. So a new set's candidates are the claims whose
    prefix holds any of its words, plus (when it has 6 words or more) the claims of 6 words
    or more holding its first word anywhere: no matching claim is missed.
    """

    def __init__(self, sets: Sequence[frozenset[str]]) -> None:
        frequency = Counter(word for w in sets for word in w)
        ranked = sorted(frequency, key=lambda word: (frequency[word], word))
        self._rank = {word: r for r, word in enumerate(ranked)}
        self._sets: list[frozenset[str]] = []
        self._by_prefix: dict[str, list[int]] = defaultdict(list)
        self._by_word: dict[str, list[int]] = defaultdict(list)

    def find(self, w: frozenset[str]) -> int | None:
        """The first claim whose words match ``w``, if any."""
        if not w:
            return None
        by_prefix = self._by_prefix
        candidates: set[int] = set()
        for word in w:
            found = by_prefix.get(word)
            if found:
                candidates.update(found)
        if len(w) >= _CONTAINED:
            candidates.update(self._by_word.get(min(w, key=self._rank.__getitem__), ()))
        for i in sorted(candidates):
            if _same_claim(w, self._sets[i]):
                return i
        return None

    def add(self, w: frozenset[str]) -> None:
        """Index ``w`` as the next claim."""
        i = len(self._sets)
        self._sets.append(w)
        ratio = _SAME_RATIO  # ceil(0.8 L) words in common at least:
        shared = -(-len(w) * ratio.numerator // ratio.denominator)
        for word in sorted(w, key=self._rank.__getitem__)[: len(w) - shared + 1]:
            self._by_prefix[word].append(i)
        if len(w) >= _CONTAINED:  # only a set this large can hold a smaller one
            for word in w:
                self._by_word[word].append(i)


def _code(s: Statement) -> str:
    """The group a statement is filed under: its country's code, a body's, or ""."""
    return s.country.upper() if is_country_code(s.country.upper()) else s.country


def _file_joint(statements: list[Statement], focus: Sequence[str]) -> list[Statement]:
    """Each joint statement under the focus party or the party heard most across the
    selection; ties keep the article's choice."""
    heard = Counter(_code(s) for s in statements if not s.joint)
    out = []
    for s in statements:
        if s.joint:
            parties = (s.country, *s.joint)
            best = max(parties, key=lambda c: (c.upper() in focus, heard[c.upper()]))
            if best != s.country:
                s = replace(s, country=best, joint=tuple(c for c in parties if c != best))
        out.append(s)
    return out


def group_positions(
    statements: Iterable[Statement], focus: Sequence[str] = ()
) -> tuple[Position, ...]:
    """One Position per country or body, and one for other voices: focus countries first
    (in the given order), then countries, bodies, other voices, each by weight (number of
    citations behind its statements), then by name."""
    wanted = [f.upper() for f in focus]
    by: dict[str, list[Statement]] = {}
    for s in _file_joint(unify_speakers(list(statements), _code), wanted):
        by.setdefault(_code(s), []).append(s)
    grouped = {c: merge_statements(v) for c, v in by.items()}
    order = (COUNTRY, BODY, OTHER)

    def key(c: str) -> tuple[int, int, int, int, str]:
        rank = wanted.index(c) if c in wanted else len(wanted)
        weight = sum(len(s.citations) for s in grouped[c])
        return (rank, order.index(group_of(c)), -weight, -len(grouped[c]), country_name(c))

    return tuple(Position(country_name(c), c, tuple(grouped[c]), kind=group_of(c))
                 for c in sorted(grouped, key=key))
