"""Embedded posts: the signature line goes, the post stays as a quotation of its author.

A page that embeds a tweet prints its text followed by a signature, "— Name (@handle)
Month D, YYYY"; an Instagram embed prints "A post shared by Name (@handle) on Mon D,
YYYY at ...". The signature is furniture, but what the author wrote is news: it is kept,
attributed ("Name wrote: “...”"), so that a summary quoting it still says who said it.
"""

from __future__ import annotations

import re

_DATE = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}"
_TWEET = re.compile(
    rf"^(?P<text>.*?)\s*(?:—|–|--|-)\s*(?P<name>[^—–()\n]{{1,80}}?)\s*\(@\w{{1,30}}\)\s+{_DATE}\s*$"
)
_POST = re.compile(
    rf"^(?P<text>.*?)\s*A post shared by .{{1,80}}?\(@[\w.]{{1,30}}\)\s+on\s+{_DATE}"
    r"(?:\s+at\s+\d{1,2}:\d{2}\s*[ap]m(?:\s+[A-Z]{2,4})?)?\s*$",
    re.IGNORECASE,
)
_TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://\S+|pic\.twitter\.com/\S+))+\s*$")


def unsign(line: str) -> str:
    """``line`` with an embedded post's signature removed ("" when nothing else is left)."""
    if "(@" not in line:
        return line
    post = _POST.match(line)
    if post:
        return _TRAILING_LINKS.sub("", post.group("text")).strip()
    tweet = _TWEET.match(line)
    if not tweet:
        return line
    text = _TRAILING_LINKS.sub("", tweet.group("text")).strip()
    if not any(c.isalnum() for c in text):
        return ""
    return f"{tweet.group('name').strip()} wrote: “{text}”"
