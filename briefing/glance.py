"""Positions at a glance: each country's headline stance, who said it, and from how many sources.

A reader of the memo wants one line per country or international body before the detail:
"**Russia** rejects renewing the Black Sea Grain Initiative — Dmitry Peskov, 6 sources". The
headline is the analyst's pinned statement when there is one (:mod:`briefing.curation`),
else the statement that best sums the country up: an official's, taking a side, said rather
than done, carried by the most articles. Its stance is ``Statement.claim``, the act and its
object read off the dependency parse by :mod:`briefing.positions.stance`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from .countries import country_name, is_country_code
from .models import SPEAKER_KINDS, Analysis, Position, Statement
from .stance import EVENTS, stance_verb


def voice_rank(statement: Statement) -> int:
    """Officials first, other voices after, in :data:`SPEAKER_KINDS` order.

    A statement whose kind is unknown counts as official: with no speaker named it is the
    country (or body) itself speaking, and attribution leaves the kind empty only then.
    """
    kind = statement.speaker_kind
    return SPEAKER_KINDS.index(kind) if kind in SPEAKER_KINDS else 0


def is_official(statement: Statement) -> bool:
    return voice_rank(statement) == 0


def arrange(position: Position) -> Position:
    """The position with its statements officials first, then the other voices (stable)."""
    return replace(position, statements=tuple(sorted(position.statements, key=voice_rank)))


def sources_of(position: Position) -> int:
    """How many distinct articles the position's statements come from."""
    return len({c.article for s in position.statements for c in s.citations})


def headline(position: Position) -> Statement:
    """The statement that sums the position up: the pinned one, else the best-ranked."""
    pinned = position.pinned
    if pinned is not None:
        for s in position.statements:
            if s.citations[0] == pinned:
                return s
    return min(
        enumerate(position.statements),
        key=lambda item: (
            voice_rank(item[1]),
            item[1].stance == "STATEMENT",
            item[1].stance in EVENTS,
            -len({c.article for c in item[1].citations}),
            item[0],
        ),
    )[1]


def claim_of(statement: Statement) -> str:
    """The act as verb and object, as attribution read it off the parse; the stance verb
    alone when it found none (never re-parsed here with patterns)."""
    return statement.claim or stance_verb(statement.stance, statement.speaker)


def actor_name(code: str) -> str:
    """A readable name for a country code or a body's acronym."""
    return country_name(code) if is_country_code(code) else code


def who(statement: Statement, position: Position) -> str:
    """Who said it: the speaker (or the country itself), and with whom when said jointly."""
    name = statement.speaker or position.country
    if statement.joint:
        others = ", ".join(actor_name(j) for j in statement.joint)
        return f"{name} (with {others})"
    return name


@dataclass(frozen=True)
class GlanceLine:
    """One country or body at a glance."""

    position: Position
    statement: Statement
    claim: str
    who: str
    sources: int


def at_a_glance(positions: Iterable[Position]) -> list[GlanceLine]:
    """One line per country and per international body (other voices have no line)."""
    lines = []
    for p in positions:
        if p.kind == "other" or not p.statements:
            continue
        s = headline(p)
        lines.append(GlanceLine(p, s, claim_of(s), who(s, p), sources_of(p)))
    return lines


def statement_text(
    statement: Statement, analyses: Sequence[Analysis] | Mapping[str, Analysis]
) -> str:
    """The statement's words; a quotation over several sentences is all of them, joined.

    ``analyses`` may be given by article id (:func:`by_article`): a memo of thousands of
    articles looks up each quotation's article directly, not by a scan over all of them.
    """
    first = statement.citations[0]
    if first.last is None or first.last <= first.sentence:
        return statement.text
    if isinstance(analyses, Mapping):
        a = analyses.get(first.article)
    else:
        a = next((a for a in analyses if a.article.id == first.article), None)
    if a is None:
        return statement.text
    picked = a.sentences[first.sentence : first.last + 1]  # a sentence's index is its place
    if all(s.index == first.sentence + k for k, s in enumerate(picked)):
        parts = [s.text for s in picked]
    else:  # sentences not in index order: look each one up
        by_index = {s.index: s.text for s in a.sentences}
        parts = [by_index[i] for i in range(first.sentence, first.last + 1) if i in by_index]
    return " ".join(parts) if parts else statement.text


def by_article(analyses: Iterable[Analysis]) -> dict[str, Analysis]:
    """Each article id's (first) analysis, for :func:`statement_text`."""
    out: dict[str, Analysis] = {}
    for a in analyses:
        out.setdefault(a.article.id, a)
    return out
