"""Character-level repairs every article gets first: line endings, controls, mojibake.

Mojibake ("Â£600m" for "£600m", "â€™" for "’") comes from text decoded with the wrong
codec somewhere upstream; ``ftfy`` undoes it from the byte patterns, which a hand-written
table of replacements would only ever cover in part. Its settings are conservative: it
repairs encodings and nothing else (curly quotes, ligatures and full-width forms stay).
"""

from __future__ import annotations

import re
import unicodedata

import ftfy
from ftfy.badness import is_bad

_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    normalization="NFC",
    explain=False,
)


def strip_controls(text: str) -> str:
    """Drop control characters (terminal escapes, bidi overrides); keep newlines and tabs."""
    return _CONTROL.sub("", text)


def repair(text: str) -> str:
    """Undo mojibake (text decoded with the wrong codec upstream).

    ftfy's own test for mojibake runs first: most text has none, and is left alone quickly.
    """
    if text.isascii() or not is_bad(text):
        return text
    return ftfy.fix_text(text, _FTFY)


def normalise(text: str) -> str:
    """Mojibake repaired, NFC-normalised, line endings unified, control characters removed."""
    text = unicodedata.normalize("NFC", repair(text.replace("\r\n", "\n").replace("\r", "\n")))
    return strip_controls(text.replace("\t", " "))
