"""What the attribution benchmarks call, and how they compare speakers (shared by both).

:func:`statements_of` is the ONE place that runs briefing on an article:
``briefing.briefing.analyse``, which runs the ``briefing/positions/`` pipeline.
Everything it returns is public API:
``Analysis.sentences`` (with character offsets) and ``Analysis.statements`` (country,
speaker, stance, citations with sentence indexes).

The rest is scoring policy, written down once so both benchmarks read the same way:
held-out selection, the speaker comparison ("share a surname or name") and the reporting
cues that make an attribution "reported speech".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefing.briefing import analyse, positions_of
from briefing.config import Config
from briefing.countries import find_countries, is_country_code
from briefing.models import Analysis, Article, Position, Statement

SHARED = Path(__file__).resolve().parents[2] / "shared"


def statements_of(article: Article) -> Analysis:
    """briefing's reading of one article: its sentences and its statements."""
    return analyse(article)


def positions(analyses: Iterable[Analysis]) -> tuple[Position, ...]:
    """The memo's positions section for ``analyses`` under the default config."""
    return positions_of(analyses, Config())


def held_out(key: str) -> bool:
    """The fixed held-out quarter: sha1 of the item's id, first byte's last two bits == 0."""
    return hashlib.sha1(key.encode("utf-8")).digest()[-1] % 4 == 0


def countries_of(statement: Statement) -> set[str]:
    """The ISO alpha-3 codes a statement is filed under (its country and joint parties)."""
    return {c for c in (statement.country, *statement.joint) if c and is_country_code(c)}


def covered(statement: Statement) -> range:
    """Sentence indexes of a statement (a quotation running on covers all its sentences)."""
    first = statement.citations[0]
    last = first.last if first.last is not None else first.sentence
    return range(first.sentence, max(first.sentence, last) + 1)


# Words that say what a speaker is, not who: dropped before comparing names.
_ROLE_WORDS_LIST = """
    the a an of and for to in at on by with from s his her their its our mr mrs ms dr sir
    president vice prime minister ministers foreign defence defense secretary state spokesman
    spokeswoman spokesperson official officials chief deputy senior former leader leaders
    ambassador envoy general gen lt col sen senator rep representative gov governor mayor
    chairman chairwoman head director candidate nominee campaign administration government
    ministry department office agency council party"""
_ROLE_WORDS = frozenset(_ROLE_WORDS_LIST.split())
_NOT_NAMES_LIST = """
    he she they it we i you who which that this these those one some many most all both each
    another other others several few people critics supporters officials experts analysts
    aides sources observers"""
_NOT_NAMES = frozenset(_NOT_NAMES_LIST.split())
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c))


def _without_countries(text: str) -> tuple[str, set[str]]:
    """``text`` with its country names blanked, and the countries they named."""
    found = find_countries(text)
    chars = list(text)
    for m in found:
        chars[m.start:m.end] = " " * (m.end - m.start)
    return "".join(chars), {m.iso3 for m in found if m.iso3}


def name_words(text: str, proper_only: bool = False) -> tuple[list[str], set[str]]:
    """The words that name a speaker (lower case, in order) and the countries it mentions.

    ``proper_only`` keeps capitalised words only (for PolNeAR source spans, where "a senior
    official" names nobody).
    """
    rest, countries = _without_countries(_fold(text))
    words = []
    for w in _WORD.findall(rest):
        w = re.sub(r"['’]s$", "", w)
        low = w.casefold()
        if low in _ROLE_WORDS or low in _NOT_NAMES or len(low) < 2:
            continue
        if proper_only and not w[:1].isupper():
            continue
        words.append(low)
    return words, countries


def same_speaker(system: Statement, gold_words: Sequence[str], gold_countries: set[str]) -> bool:
    """Whether briefing's speaker is the gold speaker: they share the surname or a name.

    "Share" means the last name word of either appears among the other's name words
    ("Lavrov" = "Sergey Lavrov", "the foreign ministry" = "Russia's Foreign Ministry", but
    "Kim Jong Il" != "Kim Jong Un"). A gold speaker that is only a state ("the United
    States") matches a statement filed under that state whose speaker names no one else.
    """
    words, _ = name_words(system.speaker or "")
    if not gold_words:
        return not words and bool(countries_of(system) & gold_countries)
    if not words:
        return False
    return words[-1] in gold_words or gold_words[-1] in words


def source_head(source: str) -> str:
    """The naming part of a PolNeAR source span: up to its first apposition or clause."""
    return re.split(r",|\s(?:who|which|that|whose)\s|\s\(", source, maxsplit=1)[0]


# Reporting cues of reported speech (as opposed to belief, perception or evidence).
_SPEECH_LIST = """
    say says said saying tell tells told telling add adds added adding write writes wrote
    writing ask asks asked asking note notes noted noting announce announces announced
    announcing tweet tweets tweeted tweeting retweeted declare declares declared insist
    insists insisted insisting argue argues argued arguing explain explains explained
    explaining respond responds responded reply replies replied claim claims claimed
    claiming state states stated statement suggest suggests suggested warn warns warned
    warning urge urges urged promise promises promised vow vows vowed acknowledge
    acknowledges acknowledged admit admits admitted deny denies denied confirm confirms
    confirmed continue continued recall recalled quote quoted quoting testify testified
    repeat repeated stress stressed emphasize emphasized emphasised remark remarked comment
    commented predict predicted concede conceded complain complained according interview
    remarks"""
_SPEECH = frozenset(_SPEECH_LIST.split())


def is_speech_cue(cue: str | None) -> bool:
    """True for a cue of saying: 'said', 'told reporters', 'according to', a colon."""
    if not cue:
        return False
    if cue.strip().rstrip(":") == "" or cue.strip() == ":":
        return True
    return any(w in _SPEECH for w in re.findall(r"[a-z]+", cue.casefold()))
