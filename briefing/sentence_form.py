"""Whether a sentence can stand on its own, out of its article, as a key point or summary line.

A sentence leans on its context when a reader lifted out of the article cannot tell who or
what it is about. The tests are on closed word classes, not on topics:

* it opens with an anaphoric pronoun or demonstrative ("He", "They", "This", "Those") or a
  discourse connective ("But", "Also", "However,", "Meanwhile"): its subject or its point is
  in the sentence before;
* its speaker is only a pronoun ('"…," she said.', "…, he added."), it is a quotation with
  no speaker, or it opens or closes a quotation that runs over several sentences;
* it is a question or an exclamation, or it has the form of a heading or caption: no
  closing punctuation, nearly every word capitalised, or a one-word label and a colon in front.
"""

from __future__ import annotations

import re

from .clean.shape import ends_sentence

#: Pronouns and demonstratives whose referent is outside the sentence when they open it.
_ANAPHORS = frozenset(
    ("he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "his", "its", "their",
     "theirs", "our", "us", "my", "me", "this", "that", "these", "those", "such", "others",
     "latter", "former")
)  # fmt: skip
#: Discourse connectives: an opening one links the sentence to the one before.
_CONNECTIVES = frozenset(
    ("but", "and", "or", "nor", "so", "yet", "also", "however", "still", "then", "thus", "hence",
     "therefore", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless",
     "instead", "otherwise", "besides", "additionally", "likewise", "similarly", "indeed",
     "consequently", "accordingly", "afterwards", "again", "too", "plus")
)  # fmt: skip
_OPEN_QUOTES = "\"'“‘«"
_CLOSE_QUOTES = "\"'”’»"
_EDGE = "\"'“”‘’«»()[]—–-…*•· \t\n"
#: A quotation closed, then a pronoun speaker: '"…," she complained, before …'.
_QUOTE_THEN_PRONOUN = re.compile(r"[,!?][\"”’]\s+(?:he|she|they)\s+[a-z]+")
_LABEL = re.compile(r"[A-Z][a-z]+:\s")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: The clause after the last comma or closing quote: "…, he said." / '…" she told reporters.'
_PRONOUN_SPEAKER = re.compile(
    r"[,\"”’]\s*(?:he|she|they|we|i)\s+[a-z]+(?:\s+[a-z]+){0,2}\s*[.!]?[\"”’]?\s*$",
    re.IGNORECASE,
)


def first_word(text: str) -> str:
    """The first word of ``text``, lower-cased, quotes and brackets skipped."""
    m = _WORD.search(text.lstrip(_EDGE))
    return m.group(0).lower().replace("’", "'") if m else ""


def leans_on_context(text: str) -> bool:
    """True when the sentence needs the one before it (or after it) to be understood."""
    stripped = text.strip()
    word = first_word(stripped)
    if word.split("'")[0] in _ANAPHORS or word in _CONNECTIVES:
        return not _quoted_with_named_speaker(stripped)
    if _unbalanced_quote(stripped):
        return True  # part of a quotation that runs over several sentences
    if stripped[:1] in _OPEN_QUOTES and stripped.rstrip(".!?")[-1:] in _CLOSE_QUOTES:
        return True  # a whole quotation: its speaker is in another sentence
    return bool(_PRONOUN_SPEAKER.search(stripped) or _QUOTE_THEN_PRONOUN.search(stripped))


def _unbalanced_quote(text: str) -> bool:
    """An opening quotation mark without its closing one, or the reverse."""
    if text.count('"') % 2:
        return True
    return text.count("“") != text.count("”")


def _quoted_with_named_speaker(text: str) -> bool:
    """'"We will win," Smith said.': a pronoun inside a quotation whose speaker is named."""
    if text[:1] not in _OPEN_QUOTES:
        return False
    closing = max(text.rfind(q) for q in _CLOSE_QUOTES)
    if closing <= 0:
        return False
    tail = text[closing + 1 :].lstrip(" ,")
    speaker = first_word(tail)
    return bool(speaker) and speaker not in _ANAPHORS and tail[:1].isupper()


def is_question(text: str) -> bool:
    """True when the sentence asks rather than tells."""
    return text.rstrip(" \t\n\"'’”)]").endswith("?")


def is_exclamation(text: str) -> bool:
    """True for an exclamation ("The wait is over!"): a teaser's or a kicker's voice, which,
    like a question, speaks to the reader rather than reports."""
    return text.rstrip(" \t\n\"'’”)]").endswith("!")


def looks_like_heading(text: str) -> bool:
    """True for headings, captions and labels: no closing punctuation, nearly all capitals, or
    a one-word label and a colon in front ("Pictured: …", "Tragic: …")."""
    stripped = text.strip()
    return bool(_LABEL.match(stripped)) or not ends_sentence(stripped) or \
        len(_WORD.findall(stripped)) < 4 or is_headline(stripped)


def is_headline(text: str) -> bool:
    """A headline's form, however short: no closing punctuation (a colon that introduces
    what follows aside), or four words or more nearly all capitalised."""
    stripped = text.strip()
    if not ends_sentence(stripped) and not stripped.endswith(":"):
        return True
    words: list[str] = _WORD.findall(stripped)
    capitals = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and capitals >= 0.75 * len(words)


def stands_alone(text: str) -> bool:
    """A complete, self-contained statement: usable as a key point out of its article."""
    return not (
        leans_on_context(text)
        or is_question(text)
        or is_exclamation(text)
        or looks_like_heading(text)
    )
