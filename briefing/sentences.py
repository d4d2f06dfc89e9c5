"""Sentence splitting for news text: Punkt decisions inside a layout- and list-aware frame.

Why this design:

* NLTK's Punkt (:mod:`briefing.sentences_punkt`) decides the hard cases — abbreviations,
  initials, acronyms, numbers — but runs with parameters the project writes itself, so it
  needs no NLTK data (absent here and in CI).
* Punkt knows nothing of layout, so before it runs the text is cut into *segments* that no
  sentence may cross: paragraphs (blank lines), lines that end early (headlines, short
  lines of a hard-wrapped paragraph), lines of unwrapped text, bullets and numbered lists.
* Punkt only splits at ``.?!`` followed by space, so a few regex rules correct it
  afterwards: a "sentence" that starts in lower case continues the previous one
  (``"Great," she said``, ``Yahoo! in``), a bare list marker or a short time phrase
  (``At 5 a.m.``) joins the next, and glued sentences (``missiles.Top``) are cut.
* Punkt is fed a same-length *shadow* of the text in which spaced ellipses (``. . .``)
  are made contiguous, so every offset it returns is valid in the original text.

Everything runs on regexes and Punkt's own loop over candidate periods: no Python loop
over characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING

from .models import Sentence
from .sentences_lists import ABBREVIATIONS, LINE_ENDS_SENTENCE, LINE_LEFT_OPEN, STARTERS

if TYPE_CHECKING:
    from .sentences_punkt import NewsPunkt

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_BULLET = re.compile(r"[•⁃▪◦‣●■]")
_LIST_START = re.compile(r"(?:(\d{1,3})|([a-zA-Z]))(\.\)|\)|\.)\s+(?=\S)")
_LINE_ITEM = re.compile(r"(?:[•⁃▪◦‣●■*–-]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
_SPACED_ELLIPSIS = re.compile(r"\.(?: \.){2,}")
_PERIOD_THEN_ELLIPSIS = re.compile(r"(?<=\w)\.(?: \.){3}(?=\s+[\"'“‘(\[]*[A-Z])")
_FIRST_LETTER = re.compile(r"[^\W\d_]")
_CAMEL = re.compile(r"[a-z]+[A-Z]")
_MARKER_ONLY = re.compile(r"(?:[•⁃▪◦‣●■]\s*)?(?:\d{1,3}|[A-Za-z])?(?:\.\)|\)|\.)")
_TIME_PHRASE = re.compile(
    r"(?:At|By|Before|After|Until|Till|From|Around|About|Since|On|Shortly after)"
    r"\s[^.!?]{0,25}\b[ap]\.m\.",
    re.IGNORECASE,
)
_GLUE_HINT = re.compile(r"[a-z][.!?][A-Z][a-z]")
_GLUED = re.compile(
    r"(?<![\w.@/:\\-])([A-Za-z]?[a-z]+)[.!?](?=([A-Z][a-z]+)(?:[\s,;:!?)\]\"'’”]|\.(?:\s|$)|$))"
)
_QUOTE_HINT = re.compile(r"[.!?…][\"”’']+\s+[A-Z]")
_QUOTE_END = re.compile(r"[.!?…][\"”’']+(?=\s+([A-Z][a-z]*(?:'[a-z]+)?)\b)")
_KNOWN_ABBREVIATIONS = frozenset().union(*ABBREVIATIONS.values())

Span = tuple[int, int]


def _strip(text: str, start: int, end: int) -> Span | None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return None
    start += len(chunk) - len(chunk.lstrip())
    return start, start + len(stripped)


def _line_breaks(text: str, start: int, end: int) -> Iterator[Span]:
    """Cut one paragraph at the line ends that are real ends (see module docstring)."""
    lines = text[start:end].split("\n")
    if len(lines) == 1:
        yield start, end
        return
    widths = [len(line.strip()) for line in lines]
    width = max(widths)
    unwrapped = width > 100
    seg_start = pos = start
    for i, line in enumerate(lines[:-1]):
        pos += len(line) + 1
        cur, nxt = line.strip(), lines[i + 1].strip()
        if not cur or not nxt:
            continue
        first_word = len(nxt.split(None, 1)[0])
        if (
            (unwrapped and not nxt[0].islower())
            or _LINE_ITEM.match(nxt)
            or (
                widths[i] + 1 + first_word < 0.9 * width
                and not LINE_LEFT_OPEN.search(cur)
                and not nxt[0].islower()
            )
            or (_LINE_ITEM.match(cur) and LINE_ENDS_SENTENCE.search(cur))
        ):
            yield seg_start, pos - 1
            seg_start = pos
    yield seg_start, end


def _list_items(text: str, start: int, end: int) -> Iterator[Span]:
    """Cut a segment before bullets and before each next item of a numbered list."""
    cuts = [
        m.start()
        for m in _BULLET.finditer(text, start, end)
        if m.start() == start or text[m.start() - 1].isspace()
    ]
    first = _LIST_START.match(text, start, end)
    if first:
        number, letter, style = first.groups()
        label, pos = number or letter, first.end()
        while True:  # the next label in sequence, same style: "2." after "1.", "b)" after "a)"
            label = str(int(label) + 1) if number else chr(ord(label) + 1)
            found = re.compile(r"(?<=\s)" + re.escape(label + style) + r"\s").search(text, pos, end)
            if found is None:
                break
            cuts.append(found.start())
            pos = found.end()
    points = sorted({start, *cuts, end})
    yield from pairwise(points)


def _shadow(segment: str) -> str:
    """Same-length copy of ``segment`` that Punkt reads more easily."""
    if ". ." not in segment:
        return segment
    segment = _PERIOD_THEN_ELLIPSIS.sub(lambda m: ". " + "_" * (len(m.group()) - 2), segment)
    return _SPACED_ELLIPSIS.sub(
        lambda m: " " * (len(m.group()) // 2) + "." * (len(m.group()) // 2 + 1), segment
    )


def _continues(sentence: str) -> bool:
    """Whether a Punkt "sentence" really continues the previous one."""
    letter = _FIRST_LETTER.search(sentence)
    if letter is None:
        return not any(c.isdigit() for c in sentence)
    return (
        letter.group().islower()
        and not _CAMEL.match(sentence, letter.start())
        and not _MARKER_ONLY.match(sentence)
    )


def _joins_next(sentence: str) -> bool:
    """Whether a Punkt "sentence" is only a prefix of the next one."""
    return bool(_MARKER_ONLY.fullmatch(sentence) or _TIME_PHRASE.fullmatch(sentence))


def _late_cuts(text: str, start: int, end: int) -> Iterator[Span]:
    """Cut a sentence where Punkt cannot see a boundary.

    Glued sentences (``missiles.Top``), and a closing quote after ``...`` or an
    abbreviation followed by a word that opens sentences (``ago..." Those``).
    """
    cuts: list[int] = []
    if _GLUE_HINT.search(text, start, end):
        for m in _GLUED.finditer(text, start, end):
            left, right = m.group(1), m.group(2)
            if left.lower() not in _KNOWN_ABBREVIATIONS and (
                left.islower() or right.lower() in STARTERS
            ):
                cuts.append(m.end())
    if _QUOTE_HINT.search(text, start, end):
        cuts.extend(
            m.end()
            for m in _QUOTE_END.finditer(text, start, end)
            if m.group(1).lower() in STARTERS and m.end() < end
        )
    for cut in sorted(cuts):
        piece = _strip(text, start, cut)
        if piece is not None:
            yield piece
            start = cut
    piece = _strip(text, start, end)
    if piece is not None:
        yield piece


def _segment_sentences(
    tokenizer: NewsPunkt, text: str, start: int, end: int, out: list[Span]
) -> None:
    """Split one segment with Punkt and the correction rules; append spans to ``out``."""
    segment = text[start:end]
    late = _GLUE_HINT.search(segment) or _QUOTE_HINT.search(segment)
    merged: list[Span] = []
    ends = [e for _, e in tokenizer.span_tokenize(_shadow(segment))]
    ends[-1:] = [len(segment)]  # Punkt may leave out text the shadow blanked: keep it all
    s = 0
    for e in ends:
        span = _strip(segment, s, max(s, e))
        s = max(s, e)
        if span is None:
            continue
        if merged:
            prev = merged[-1]
            if _continues(segment[span[0] : span[1]]) or _joins_next(segment[prev[0] : prev[1]]):
                merged[-1] = (prev[0], span[1])
                continue
        merged.append(span)
    for s, e in merged:
        if late:
            out.extend(_late_cuts(text, start + s, start + e))
        else:
            out.append((start + s, start + e))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of each sentence in ``text``, in order.

    ``text[start:end]`` is the sentence without surrounding whitespace; no sentence
    crosses a paragraph break.
    """
    from .sentences_punkt import get_tokenizer  # NLTK loads on the first split, not before

    return spans_with(get_tokenizer(), text)


def spans_with(tokenizer: NewsPunkt, text: str) -> list[Span]:
    """:func:`sentence_spans` with a given Punkt model (for benchmarks)."""
    spans: list[Span] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    bounds.append((len(text), len(text)))
    for para_end, next_start in bounds:
        para = _strip(text, pos, para_end)
        pos = next_start
        if para is None:
            continue
        for line in _line_breaks(text, *para):
            for item in _list_items(text, *line):
                piece = _strip(text, *item)
                if piece is not None:
                    _segment_sentences(tokenizer, text, *piece, spans)
    return spans


def layout_lines(paragraph: str) -> list[str]:
    """The real lines of one paragraph, each on one line: a hard-wrapped line is joined to
    the next, a line that ends early (a headline, a caption, a list item) stays apart."""
    para = _strip(paragraph, 0, len(paragraph))
    if para is None:
        return []
    return [" ".join(paragraph[s:e].split()) for s, e in _line_breaks(paragraph, *para)]


def split_sentences(text: str) -> list[str]:
    """Split ``text`` into sentences, never across paragraphs."""
    return [text[s:e] for s, e in sentence_spans(text)]


def make_sentences(text: str) -> tuple[Sentence, ...]:
    """The sentences of an article text as records with their offsets."""
    return tuple(Sentence(i, text[s:e], s, e) for i, (s, e) in enumerate(sentence_spans(text)))
