"""The shape of one line: is it a heading (title, teaser, subhead) rather than prose?

A heading is told by form, not wording: it does not end like a sentence, and it is short,
or set in Title Case or capitals, or numbered ("3. Spend and you shall receive"), or a lone
short question ("What happens now?"), or it comes before the article's first sentence
(standfirsts, "story highlights"). A bulleted list item is never one. The constants are in
:class:`Shape`; their values are
chosen by cross-validation on the labelled lines of the furniture check
(``bench/tune_cleaning.py``), not by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..sentences_lists import LINE_ENDS_SENTENCE, LINE_LEFT_OPEN

_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(?=\S)")
_BULLET = re.compile(r"^[•⁃▪◦‣●■*–-]\s+(?=\S)")
_WORD = re.compile(r"[^\W_][\w'’.\-]*")
_SENTENCE_INSIDE = re.compile(r"[.!?][\"'”’)]*\s+\S")
# Words a Title Case headline leaves in lower case.
_SMALL_WORDS = (
    "a an and as at but by for from in into of off on onto or per the to up v vs via with"
)
_SMALL = frozenset(_SMALL_WORDS.split())


@dataclass(frozen=True)
class Shape:
    """Thresholds of the heading test (values from ``bench_furniture.py --tune``)."""

    short_words: int = 10  # an unpunctuated line this short is a heading
    title_words: int = 12  # ... up to this long if in Title Case (or in capitals)
    title_ratio: float = 0.8  # share of capitalised words that makes Title Case
    question_words: int = 6  # a lone question this short is a subhead
    lead_words: int = 80  # an unpunctuated line before the first sentence is a teaser
    headings: bool = True  # False: keep every heading (to measure the other rules alone)


SHAPE = Shape()


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def ends_sentence(line: str) -> bool:
    return bool(LINE_ENDS_SENTENCE.search(line))


def capital_share(line: str) -> float:
    """Share of a line's words (small words aside) that start with a capital or a digit."""
    content = [w for w in words(line) if w.lower() not in _SMALL]
    if not content:
        return 0.0
    return sum(1 for w in content if w[0].isupper() or w[0].isdigit()) / len(content)


def is_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _too_long(line: str, shape: Shape) -> bool:
    """Longer (in characters) than any heading could be: the word count need not be taken."""
    return len(line) > 20 * max(shape.title_words, shape.short_words, shape.lead_words)


def is_list_item(line: str) -> bool:
    return bool(_BULLET.match(line.lstrip()))


def is_heading(line: str, shape: Shape = SHAPE, *, before_prose: bool = False) -> bool:
    """Whether ``line`` is a heading, teaser or subhead rather than a sentence of prose."""
    line = line.strip()
    if not shape.headings or _too_long(line, shape):
        return False
    n = len(words(line))
    if n == 0 or is_list_item(line):  # a bulleted list item is content, whatever its form
        return False
    if n <= shape.title_words and is_capitals(line):
        return True
    numbered = _NUMBERED.match(line)
    if numbered:
        line = line[numbered.end() :]
    if line.endswith("?") and n <= shape.question_words and not _SENTENCE_INSIDE.search(line):
        return True
    if ends_sentence(line) or LINE_LEFT_OPEN.search(line):
        return False
    if n <= shape.short_words or (before_prose and n <= shape.lead_words):
        return True
    return n <= shape.title_words and capital_share(line) >= shape.title_ratio
