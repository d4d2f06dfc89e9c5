"""Positions at a glance: each country's headline stance, who said it, and from how many sources.

A reader of the memo wants one line per country or international body before the detail:
"**Russia** rejects renewing the Black Sea Grain Initiative — Dmitry Peskov, 6 sources". The
headline is the analyst's pinned statement when there is one (:mod:`briefing.curation`),
else the statement that best sums the country up: an official's, taking a side, said rather
than done, carried by the most articles. Its stance is ``Statement.claim`` when attribution
found the act's object, else the stance verb and a short object cut from the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .countries import country_name, is_country_code
from .models import SPEAKER_KINDS, Analysis, Position, Statement
from .stance import EVENTS, cue_span, stance_verb

_OBJECT_WORDS = 10
_NEAR_CUE = 4  # words between "said" and a stance cue that still make the cue the act
# Where the object of the act ends: a clause boundary, a subordinate clause, a time phrase.
_OBJECT_END = re.compile(
    r"[,;:()\"“”]|\s[—–-]\s|\.(?:\s|$)|\b(?:that|which|who|because|after|before|as|while|but|so|"
    r"when|since|saying|adding|amid|despite|until|unless|if|and said|and called|and urged)\b|"
    r"\b(?:on|last|this|next) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year)\b|\b(?:on|in) (?:a|an) (?:statement|interview|briefing|speech)\b"
)
# A reporting verb and its complementiser: the object of "says" is the clause after it.
_REPORT = re.compile(
    r"\b(?:said|says|say|told (?:\w+ ){0,2}?(?:that )?|stated|announced|added|noted|stressed|"
    r"declared|insisted|argued|called)\b(?: (?:on|last|this) \w+)?(?: that)?\s+"
)
_FINITE = re.compile(r"\b(?:should|would|could|will|must|can|is|are|was|were|has|have|had)\b")
_MODAL = re.compile(r"must|should|needs? to")
_LEADING_DAY = re.compile(
    r"^(?:(?:on|last|this) )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+"
)
_TO_VERB = re.compile(r"^to (\w+)\b")
_NEGATED_ACTS = frozenset({"REJECT", "OPPOSE", "DENY"})


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


def _gerund(verb: str) -> str:
    """'renew' -> 'renewing', 'make' -> 'making', 'die' -> 'dying' (for "rejects renewing")."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    return verb + "ing"


def _short(text: str, *, clause: bool) -> str:
    """The object phrase: up to the first clause boundary, at most a few words; a noun
    phrase (``clause`` False) also ends at a finite verb of its own."""
    stop = _OBJECT_END.search(text)
    phrase = text[: stop.start()] if stop else text
    if not clause:
        verb = _FINITE.search(phrase)
        phrase = phrase[: verb.start()] if verb else phrase
    words = phrase.split()
    if len(words) > _OBJECT_WORDS:
        return " ".join(words[:_OBJECT_WORDS]) + "…"
    return " ".join(words).rstrip(".!?")


def derive_claim(statement: Statement) -> str:
    """The stance verb and a short object from the sentence: "criticizes Russia's withdrawal".

    The object is what follows the stance's cue word (or, for a plain statement, the
    reporting verb) up to the end of its clause; "refused to renew X" reads "rejects renewing
    X". With no object found the verb stands alone.
    """
    verb = stance_verb(statement.stance, statement.speaker)
    text = statement.text
    span = cue_span(text, statement.stance) if statement.stance != "STATEMENT" else None
    cue = text[span[0] : span[1]].lower() if span else ""
    report = _REPORT.search(text)
    reported = (  # the cue lies deep inside what was said: the saying is the act
        report is not None
        and span is not None
        and len(text[report.end() : span[0]].split()) > _NEAR_CUE
    )
    if span is None or _MODAL.fullmatch(cue) or reported:
        # "X says <clause>"; "X said <clause with the cue>" or "X should <...>": urges that
        rest = text[report.end() :] if report else ""
        obj = _short(rest, clause=True)
        if report and report.group().startswith("called"):
            verb = stance_verb("STATEMENT", statement.speaker).replace("say", "call")
        elif obj and span is not None:
            obj = "that " + obj
        return f"{verb} {obj}".strip()
    rest = text[span[1] :].lstrip()
    if cue.endswith(" to"):
        rest = "to " + rest
    rest = _LEADING_DAY.sub("", rest)
    to_verb = _TO_VERB.match(rest)
    if to_verb and statement.stance in _NEGATED_ACTS:
        rest = _gerund(to_verb.group(1)) + rest[to_verb.end() :]
    obj = _short(rest, clause=False)
    return f"{verb} {obj}".strip()


def claim_of(statement: Statement) -> str:
    """The act as verb and object: attribution's claim, else one derived from the sentence."""
    return statement.claim or derive_claim(statement)


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


def statement_text(statement: Statement, analyses: Sequence[Analysis]) -> str:
    """The statement's words; a quotation over several sentences is all of them, joined."""
    first = statement.citations[0]
    if first.last is None or first.last <= first.sentence:
        return statement.text
    for a in analyses:
        if a.article.id == first.article:
            by_index = {s.index: s.text for s in a.sentences}
            parts = [by_index[i] for i in range(first.sentence, first.last + 1) if i in by_index]
            return " ".join(parts) if parts else statement.text
    return statement.text
