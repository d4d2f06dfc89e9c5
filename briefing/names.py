"""File names as people see them and as caches key them.

A name on disk is bytes: one that is not UTF-8 arrives from ``os.fsdecode`` with lone
surrogates, which no terminal, JSON file or SQLite column can take, and any name may hold
terminal escapes or bidi overrides. :func:`shown` is the one place a name becomes text for
people (and for article ids, made from it); :func:`key` is an unambiguous text form of the
exact bytes, for a cache that must tell two files apart.
"""

from __future__ import annotations

import os
import re
from urllib.parse import quote

from .clean import strip_controls

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"[\t\n\r]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    # os.fsdecode maps an undecodable byte b to U+DC00 + b ("surrogateescape").
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"


def shown(path: str | os.PathLike[str]) -> str:
    """``path`` fit for a terminal: undecodable bytes as ``\\xNN``, control characters gone."""
    text = _SURROGATE.sub(_escape, os.fspath(path))
    return strip_controls(_LINE_BREAKS.sub("", text))


def key(path: str | os.PathLike[str]) -> str:
    """A printable text that differs whenever the file's name (its bytes) differs."""
    text = os.fspath(path)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no byte decoded to: keep it distinct
        raw = text.encode("utf-8", "surrogatepass")
    return quote(raw, safe="/")
