"""Strip what is not the article's own prose: wire credits, copyright lines, page furniture.

An analyst must never see "(Yonhap)" or a copyright notice quoted as a key point, so this
runs before sentence splitting. Rules are about form (a line that *is* a copyright notice),
never about a particular article.
"""

from __future__ import annotations

import re
import unicodedata

# Whole lines (paragraphs) that are page furniture, not prose.
_FURNITURE = re.compile(
    r"""^\s*(?:
        advertisement | advertising | sponsored(?:\s+content)?
      | (?:click|tap)\s+here\b.* | share\s+this(?:\s+article)?\b.* | subscribe\b.{0,80}
      | sign\s+up\s+for\b.{0,80} | read\s+more\b.{0,80} | related(?:\s+(?:articles?|stories))?:?
      | scroll\s+down\s+for\s+video | (?:photo|image|picture)\s*:.{0,160}
      | follow\s+us\s+on\b.{0,80}
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Copyright / reproduction notices in any language: the © sign, the word, or the
# well-known "no reproduction" phrases (Korean, Japanese, Chinese, European languages).
_COPYRIGHT = re.compile(
    r"""(?:©|\(c\)\s*\d{4}|\bcopyright\b|\ball\s+rights\s+reserved\b
      | 무단\s*전재 | 재배포\s*금지 | 無断転載 | 版权所有 | 版權所有 | 转载 | 轉載
      | tous\s+droits\s+réservés | alle\s+rechte\s+vorbehalten | todos\s+los\s+derechos\s+reservados
      | tutti\s+i\s+diritti\s+riservati | все\s+права\s+защищены)""",
    re.IGNORECASE | re.VERBOSE,
)

# A wire credit that closes a paragraph: "... plans. (Yonhap)" / "(AP)" / "(Reuters)".
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*\((?:[A-Z][A-Za-z&.\-]{1,20}(?:\s[A-Z][A-Za-z&.\-]{1,20})?)\)\s*$"
)
# A dateline credit opening a paragraph: "SEOUL, March 3 (Yonhap) -- " / "(AP) — ".
_LEADING_CREDIT = re.compile(
    r"^\s*(?:[A-Z][A-Z .'\-]{1,40},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*)?)?"
    r"\((?:[A-Z][A-Za-z&.\-]{1,20}(?:\s[A-Z][A-Za-z&.\-]{1,20})?)\)\s*(?:--|—|–|-)\s*"
)
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]"
)


def strip_controls(text: str) -> str:
    """Drop control characters (terminal escapes, bidi overrides); keep newlines and tabs."""
    return _CONTROL.sub("", text)


def normalise(text: str) -> str:
    """NFC-normalise, unify line endings and remove control characters."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return strip_controls(text.replace("\t", " "))


def _is_copyright(paragraph: str) -> bool:
    # A notice is short; a long paragraph that merely mentions copyright is prose.
    return len(paragraph) < 300 and bool(_COPYRIGHT.search(paragraph))


def clean_text(text: str) -> str:
    """Article body without furniture, copyright notices and wire credits; paragraphs kept."""
    paragraphs: list[str] = []
    for raw in re.split(r"\n\s*\n", normalise(text)):
        para = raw.strip()
        if not para or _FURNITURE.match(para) or _is_copyright(para):
            continue
        para = _LEADING_CREDIT.sub("", _TRAILING_CREDIT.sub("", para)).strip()
        if para:
            paragraphs.append(para)
    return "\n\n".join(paragraphs)
