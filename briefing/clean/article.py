"""One article's body, line by line: furniture out, credits off, prose kept in order.

The steps, each in its own module: repair the characters (:mod:`.text`), cut the body into
its real lines (hard wraps joined, :func:`briefing.sentences.layout_lines`), turn embedded
posts into quotations (:mod:`.tweets`), drop furniture and notes about the page itself
(:mod:`.furniture`) and the links listed under a "Read more:" header, strip datelines and
wire credits (:mod:`.credits`), drop headings (:mod:`.shape`), the title printed again at
the top, and repeats (a pull quote or a caption that the text prints again in full).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..language import english_paragraphs
from ..sentences import layout_lines
from .credits import has_trailing_credit, strip_credits
from .furniture import is_furniture, speaks_of_itself
from .shape import SHAPE, Shape, is_heading, words
from .text import normalise
from .tweets import unsign

# A header over a list of links: "Read more:", "ALSO:", "See also:", "Related stories:".
# (Not any short line ending in a colon: "She added:" is followed by a quotation.)
_LINK_HEADER = re.compile(
    r"^(?:(?:also\s+)?read(?:\s+more)?|see\s+also|also|related(?:\s+\w+)?|more(?:\s+on\s+this)?"
    r"|further\s+reading|recommended(?:\s+\w+)?|more\s+from\s+\w+)\s*:$",
    re.IGNORECASE,
)
# A line cut short by the page ("Workers...", "More coming...", "Since then,..."): it ends
# in an ellipsis right after a word or a comma, where a sentence would have gone on.
_TRUNCATED = re.compile(r"[^\W\d_][,;]?(?:\.{3}|…)$")
_LAST_END = re.compile(r"^.*[.!?][\"'”’)\]]*(?=\s)")
# Fewest cut-short lines that make a page (where they are most of its lines) a teaser list.
_TEASER_PAGE = 3
# How many first lines of prose may still open with a bare dateline (after a kicker, say).
_OPENING_LINES = 3
# Longest line (in words) taken for a link when listed under a "Read more:" header.
_LINK_WORDS = 20
# Longest line (in words) that is a repeat worth looking for, and how many are looked at.
_REPEAT_WORDS = (4, 80)
_REPEAT_LINES = 500


@dataclass(frozen=True)
class Cleaned:
    """The prose lines of a body, and the headings that came before its first sentence
    (the article's own headline, when the file did not give a title, is the first)."""

    lines: tuple[str, ...]
    headings: tuple[str, ...] = ()


_NOT_ALNUM = re.compile(r"[\W_]+")


def key(text: str) -> str:
    """Text reduced to lower-case letters and digits: what two copies of a line share."""
    return _NOT_ALNUM.sub("", text.lower())


def _repeats(lines: list[str]) -> set[int]:
    """Indices of lines printed again inside a longer line (pull quotes, captions)."""
    keys = [key(line) for line in lines]
    joined = "\n".join(keys)
    out: set[int] = set()
    looked = 0
    for i, (line, k) in enumerate(zip(lines, keys, strict=True)):
        if not _REPEAT_WORDS[0] <= len(words(line)) <= _REPEAT_WORDS[1]:
            continue
        looked += 1
        if looked > _REPEAT_LINES:
            break
        if joined.count(k) > 1:
            out.add(i)
    return out


def _untruncated(lines: list[str]) -> list[str]:
    """Runs of cut-short lines (a list of teasers) dropped; a last cut-short line trimmed
    back to its last whole sentence. A page whose lines are mostly cut short is a list of
    teasers (a tag or search page) as a whole: nothing of it is the article's prose, not
    even the teasers the page happened to print in full between the cut ones."""
    cut = [line.endswith(("...", "…")) and bool(_TRUNCATED.search(line[-5:])) for line in lines]
    if sum(cut) >= _TEASER_PAGE and 2 * sum(cut) > len(lines):
        return []
    out = [
        line
        for i, line in enumerate(lines)
        if not (cut[i] and ((i > 0 and cut[i - 1]) or (i + 1 < len(lines) and cut[i + 1])))
    ]
    if len(out) > 1 and _TRUNCATED.search(out[-1][-5:]):
        whole = _LAST_END.match(out[-1])
        out[-1:] = [whole.group()] if whole else []
    return out or lines[:1]


def clean_article(text: str, *, title: str = "", shape: Shape = SHAPE) -> Cleaned:
    """The prose lines of an article body (see the module docstring)."""
    kept: list[str] = []
    headings: list[str] = []
    seen = {key(title)} if title else set()
    in_links = False
    blocks = [layout_lines(block) for block in re.split(r"\n\s*\n", normalise(text))]
    # A credited line printed twice is a photo caption (over the picture, then in the text).
    printed = Counter(key(line) for block in blocks for line in block)
    for block in blocks:
        for raw in block:
            line = unsign(raw)
            if not line or (printed[key(line)] > 1 and has_trailing_credit(line)):
                continue
            if in_links and len(words(line)) <= _LINK_WORDS:
                continue
            in_links = bool(_LINK_HEADER.match(line))
            if in_links or is_furniture(line, shape) or speaks_of_itself(line, kept):
                continue
            prose = strip_credits(line, opening=len(kept) < _OPENING_LINES)
            k = key(prose)
            if not k or k in seen:
                continue
            seen.add(k)
            if is_heading(prose, shape, before_prose=not kept):
                if not kept:
                    headings.append(prose)
                continue
            kept.append(prose)
    if not kept:  # nothing but headings: a note or a stub, not furniture around prose
        return Cleaned(tuple(headings))
    kept = _untruncated(kept)
    if not kept:  # a page of teasers: no article text at all
        return Cleaned((), tuple(headings))
    drop = _repeats(kept)
    return Cleaned(tuple(x for i, x in enumerate(kept) if i not in drop), tuple(headings))


def clean_text(
    text: str, *, english_only: bool = True, title: str = "", shape: Shape = SHAPE
) -> str:
    """Article body without furniture, headings, notices and credits; one line a paragraph.

    With ``english_only`` a paragraph clearly in another language is dropped from an
    English article, so it never reaches the (English) summary or statement finder.
    """
    lines = list(clean_article(text, title=title, shape=shape).lines)
    if english_only:
        lines = english_paragraphs(lines)
    return "\n\n".join(lines)
