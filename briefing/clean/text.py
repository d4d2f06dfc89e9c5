"""Character-level repairs every article gets first: line endings, controls, mojibake.

Mojibake ("Â£600m" for "£600m", "â€™" for "’") comes from text decoded with the wrong
codec somewhere upstream; ``ftfy`` undoes it from the byte patterns, which a hand-written
table of replacements would only ever cover in part. Its settings are conservative: it
repairs encodings and nothing else (curly quotes, ligatures and full-width forms stay).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import ftfy

# C0/C1 controls, lone surrogates and every invisible format character (Unicode category
# Cf: soft hyphen, Arabic letter mark, zero-width and bidi marks, BOM, tag characters...),
# all alike. The visible Cf "prepended concatenation marks" (Arabic number signs) are kept.
CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
    r"\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    r"\U00013430-\U00013438\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    r"\U000e0001\U000e0020-\U000e007f]"
)


@cache
def _settings() -> ftfy.TextFixerConfig:
    """ftfy's settings (ftfy is imported on first use: a rebuild whose files are all cached
    never repairs text, and the import costs a fifth of a second)."""
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        normalization="NFC",
        explain=False,
    )


def strip_controls(text: str) -> str:
    """Drop control and invisible format characters (escapes, bidi marks); keep \\n and \\t."""
    return CONTROL.sub("", text)


def repair(text: str) -> str:
    """Undo mojibake (text decoded with the wrong codec upstream).

    ftfy's own test for mojibake runs first: most text has none, and is left alone quickly.
    """
    if text.isascii():
        return text
    import ftfy
    from ftfy.badness import is_bad

    return ftfy.fix_text(text, _settings()) if is_bad(text) else text


def normalise(text: str) -> str:
    """Mojibake repaired, NFC-normalised, line endings unified, control characters removed."""
    text = unicodedata.normalize("NFC", repair(text.replace("\r\n", "\n").replace("\r", "\n")))
    return strip_controls(text.replace("\t", " "))
