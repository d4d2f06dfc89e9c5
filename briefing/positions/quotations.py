"""Quotation marks: which words are quoted, and which quotations are still open.

What is inside quotation marks is what someone says, never who says it or what they do;
the attribution rules ask this module which tokens those are. A quotation may run over
several sentences ('"A. B," Sanders said.'), so each sentence is read with the number of
quotations the sentences before it left open. Straight marks open or close by position;
some archives write doubled marks ('' and ``) that read the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

OPENING = "“«"
CLOSING = "”»"
QUOTES = "“”«»\""
# Marks that open or close alike: '"', and the doubled quotes of some archives.
STRAIGHT = frozenset({'"', "''", "``"})
MARKS = frozenset({*QUOTES, *STRAIGHT})


def quoted(doc_tokens: Sequence[Token], depth: int = 0) -> set[int]:
    """Indexes of the tokens inside quotation marks (what is said, never who says it).

    ``depth`` is the number of quotations still open from the sentences before: in
    '"A. B," Sanders said.' the straight mark after "B," closes the quotation, it does not
    open one around "Sanders said"."""
    inside: set[int] = set()
    for t in doc_tokens:
        if t.text in OPENING or (t.text in STRAIGHT and not depth):
            depth += 1
        elif t.text in CLOSING or t.text in STRAIGHT:
            depth = max(0, depth - 1)
        elif depth:
            inside.add(t.i)
    return inside


def straighten(text: str) -> str:
    """``text`` with doubled quotation marks ('' and ``) as one straight mark."""
    return text.replace("''", '"').replace("``", '"')


def opens_quotation(text: str) -> bool:
    """Whether a sentence starts with an opening (or straight) quotation mark."""
    return straighten(text.lstrip())[:1] in f'{OPENING}"'


def quote_depth(text: str, depth: int) -> int:
    """Open quotation marks after ``text``, given ``depth`` before it."""
    for ch in straighten(text):
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 0 if depth else 1
    return depth


def all_quoted(text: str) -> bool:
    """Whether every word of ``text`` is inside quotation marks (as :func:`quoted` counts)."""
    text = straighten(text)
    depth = 0
    for ch in text:
        if ch in OPENING or (ch == '"' and not depth):
            depth += 1
        elif ch in CLOSING or ch == '"':
            depth = max(0, depth - 1)
        elif not depth and ch.isalnum():
            return False
    return any(ch in text for ch in QUOTES)
