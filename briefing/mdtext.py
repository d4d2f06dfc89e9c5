"""Make untrusted article text safe to place inside Markdown.

Article text is data: a ``#`` at its start must not become a heading, a ``|`` must not
split a table cell, ``<script>`` must not reach an HTML renderer, and a newline must not
end the list item it sits in. :class:`Markdown` marks strings that are already safe.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

from .clean import strip_controls
from .clean.text import CONTROL

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#@]|&(?=#?\w+;))")
# What GFM's autolink extension turns into a link: "scheme:" (https://, mailto:, xmpp:...)
# and "www.". Escaping their ':' (and a '/' after it) or '.' keeps them plain text in any
# renderer; '@' of an e-mail address is escaped with the other special characters.
_AUTOLINK = re.compile(r"(?<=[A-Za-z]):(/?)(?=\S)|(?<![\w.-])(www)\.(?=\S)", re.IGNORECASE)
_LEADING_MARKER = re.compile(r"^(\s*)(\d{1,9})([.)])(?=\s)|^(\s*)([-+=])")
_SPACE = re.compile(r"\s+")
# Anything any step of escape() would change: a control character, whitespace other than a
# single inner space, a special character, ':' or "www." (autolinks), a leading list marker.
# Most strings of a memo (names, countries, plain sentences) have none and are kept as they
# are: one character-class search and a few string tests instead of five passes, over a
# hundred thousand strings in a big memo. (One class, not an alternation: re tries every
# branch at every position.) ASCII text needs only the ASCII part of the class, where every
# whitespace character but the space is a control character.
assert CONTROL.pattern.startswith("[") and CONTROL.pattern.endswith("]")
_TOUCHED_CHAR = re.compile(rf"{CONTROL.pattern[:-1]}\\`*_\[\]<>|~#@&:]|[^\S ]")
_TOUCHED_ASCII = re.compile(r"[\x00-\x1f\x7f\\`*_\[\]<>|~#@&:]")
_MARKERS = "+=-"


def _touched(text: str) -> bool:
    """Whether :func:`escape` would change ``text`` at all."""
    chars = _TOUCHED_ASCII if text.isascii() else _TOUCHED_CHAR
    if chars.search(text) or "  " in text or text.startswith(" ") or text.endswith(" "):
        return True
    first = text[:1]
    return (bool(first) and (first in _MARKERS or first.isdecimal())) or "www." in text.lower()


class Markdown(str):
    """A string that is already Markdown and must not be escaped again."""

    __slots__ = ()


def escape(text: object) -> Markdown:
    """Inline-safe Markdown for any value: one line, no control characters, structure escaped."""
    if isinstance(text, Markdown):
        return text
    text = str(text)
    if not _touched(text):
        return Markdown(text)
    flat = _SPACE.sub(" ", strip_controls(text)).strip()
    flat = _SPECIAL.sub(r"\\\1", flat)
    flat = _AUTOLINK.sub(_no_link, flat)
    flat = _LEADING_MARKER.sub(
        lambda m: (
            f"{m.group(1)}{m.group(2)}\\{m.group(3)}"
            if m.group(2)
            else f"{m.group(4)}\\{m.group(5)}"
        ),
        flat,
    )
    return Markdown(flat)


def _no_link(match: re.Match[str]) -> str:
    if match.group(2):
        return f"{match.group(2)}\\."
    return "\\:" + ("\\/" if match.group(1) else "")


def safe_url(url: object) -> Markdown:
    """An http(s) URL fit for ``<...>`` autolinks or link targets; anything else is dropped."""
    text = strip_controls(str(url)).strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. "http://[oops": not a URL anyone can follow
        return Markdown("")
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return Markdown("")
    return Markdown(quote(text, safe=":/?#[]@!$&'*+,;=%~-._"))
