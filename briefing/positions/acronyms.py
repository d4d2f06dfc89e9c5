"""An organisation's initials spelled out from the article ("GOSH" is "Great Ormond Street
Hospital"): the memo's reader may never have met the short form, and a later full-name
mention must be recognised as the same speaker."""

from __future__ import annotations

import re

_LINKS = frozenset({"of", "and", "for", "the", "on", "in", "&"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*|&")


def spelled_out(acronym: str, text: str) -> str:
    """The capitalised name in ``text`` whose initials spell ``acronym`` (linking words
    such as "of" may be skipped), or "" when the text has none. A two-letter acronym
    must be introduced in brackets after its name."""
    if not (2 <= len(acronym) <= 8 and acronym.isalpha() and acronym.isupper()):
        return ""
    words = _WORD.findall(text)
    for i, first in enumerate(words):
        if first[:1] != acronym[0] or not first[:1].isupper() or first.isupper():
            continue
        name, at = [first], 1
        for w in words[i + 1:]:
            if at == len(acronym):
                break
            if w.lower() in _LINKS:
                name.append(w)
            elif w[:1] == acronym[at] and w[:1].isupper() and not w.isupper():
                name.append(w)
                at += 1
            else:
                break
        while name and name[-1].lower() in _LINKS:
            name.pop()
        if at == len(acronym) and (len(acronym) > 2 or _defines(text, name, acronym)):
            return " ".join(name)  # two letters fit too many names: "AP" is no "Ann Pike"
    return ""


def _defines(text: str, name: list[str], acronym: str) -> bool:
    """Whether the text introduces the short form right after the name: "… (AU)"."""
    return re.search(r"\s+".join(map(re.escape, name)) + rf"\s*\(\s*{acronym}\s*\)",
                     text) is not None
