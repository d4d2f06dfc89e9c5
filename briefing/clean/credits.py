"""Wire credits and datelines around the prose: the credit goes, the sentence stays.

"WASHINGTON (Reuters) - Talks resumed." and "LE BOURGET, France — Talks resumed." both
read "Talks resumed." afterwards; so do "(CNN) Talks resumed." and "Talks resumed. (Yonhap)".
A dateline is told by its form: a place in capitals (several may share a dateline:
"PRETORIA/KHARTOUM"), optionally a region, a date and an agency in parentheses, then a
dash or a colon; or a place in ordinary case when an agency credit follows it.
"""

from __future__ import annotations

import re

_AGENCY = r"\((?:[A-Z][\w&.\-]{0,20}(?:\s[A-Z][\w&.\-]{0,20}){0,2})\)"
_DASH = r"(?:--|—|–|-)"
_PLACE_CAPS = r"(?:[A-Z][A-Z.'’\-]*[ /])*[A-Z][A-Z.'’\-]{2,}"
# After a place, a dash is spaced ("DALLAS - ") unless it is a long one ("Venezuela—").
_PLACE_DASH = r"(?:\s*[—–]|\s+(?:--|-))"
_REGION = r"(?:,\s*[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){0,2})?"
_DATE = r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
_PLACE = r"[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){0,2}"
# What a dateline must be followed by: the sentence, which starts like one.
_NEXT = r"(?=[\"'“‘(]?[A-Z0-9])"

# Anywhere: a dateline with an agency credit ("LONDON (Reuters) -", "(AP) —").
_LEADING = re.compile(
    rf"""^\s*(?:
        {_PLACE_CAPS}{_REGION}{_DATE}\s*{_AGENCY}\s*{_DASH}?
      | {_PLACE}{_REGION}{_DATE}\s*{_AGENCY}\s*{_DASH}?
      | {_AGENCY}\s*{_DASH}?
      | {_PLACE_CAPS}{_REGION},\s*[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?{_PLACE_DASH}
    )\s*{_NEXT}""",
    re.VERBOSE,
)
# Only where the body starts (elsewhere "NAME:" may be a speaker in a transcript): a bare
# dateline ("NASHVILLE, Tenn. —", "LAHORE:", "PRETORIA/KHARTOUM,") or a stray dash.
_OPENING = re.compile(
    rf"""^\s*(?:
        {_PLACE_CAPS}{_REGION}(?:{_PLACE_DASH}|:)
      | {_PLACE_CAPS}(?:/{_PLACE_CAPS})+\s*,
    )\s*{_NEXT}""",
    re.VERBOSE,
)
# A stray dash left of a dateline the page dropped ("- A man was ..."), on a sentence (a
# short "- item" is a list).
_STRAY_DASH = re.compile(rf"^\s*{_DASH}\s+{_NEXT}(?=.*[.!?][\"'”’)]*$)")
# A wire credit that closes a paragraph: "... plans. (Yonhap)" / "(AP)" / "(Reuters)".
_TRAILING = re.compile(rf"(?<=[.!?\"”’])\s*{_AGENCY}\s*$")
# A credit closing a paragraph after a dash: "... on Monday. — Reuters" / "-- AFP".
_DASH_CREDIT = re.compile(
    rf"(?<=[.!?\"”’])\s*{_DASH}\s*[A-Z][\w&.\-]*(?:\s[A-Z][\w&.\-]*){{0,2}}\s*$"
)


def strip_credits(line: str, *, opening: bool = False) -> str:
    """``line`` without a leading dateline or a trailing wire credit; ``opening`` when it is
    the first line of prose, where a bare dateline may stand."""
    line = _TRAILING.sub("", line)
    line = _DASH_CREDIT.sub("", line)
    line = _LEADING.sub("", line, count=1)
    if opening:
        line = _STRAY_DASH.sub("", _OPENING.sub("", line, count=1), count=1)
    return line.strip()


def has_trailing_credit(line: str) -> bool:
    """Whether ``line`` ends in a wire or photo credit in parentheses ("... (AP)")."""
    return bool(_TRAILING.search(line))
