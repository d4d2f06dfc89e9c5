"""Between attribution and grouping: one name per speaker across the selected articles.

Each article is read on its own (:mod:`.attribution`): within an article a later "Boehner"
is the "John A. Boehner" it introduced, but nothing links one article to another. Five
reports of one vote then list the same man as "John A. Boehner" (the article that gave his
full name) and "Boehner" (those that did not), the White House as "the White House" and
"The White House" (the first word of a sentence), and a senator under the title a parse left
in his name. The memo's "Said by" line repeats them, and the reader cannot tell one voice
from several. So, for the statements of one group (a country, a body, or other voices):

1. A named person written shorter becomes the one fuller name of the group it can only be:
   a surname alone ("Boehner"), or a full name without a middle name ("John Boehner" for
   "John A. Boehner": same first and last word). The surname is the last word, or the first
   when the knowledge base knows the family name comes first ("Xi Jinping"). When another
   full name of the group also starts or ends with that word (two Kims, two Albrights), the
   surname is left as it is; full names with different first names never merge.
2. Titles before a person's name go when what is left is a person's full name that the
   selection or the knowledge base knows ("Majority Leader Harry Reid" -> "Harry Reid");
   an honorific before a surname alone ("President Obama") goes when the surname maps by 1.
3. A leading article is written one way for the same body, across the selection: the form
   most statements use, the lower-case one on a tie ("The White House" -> "the White House").

Only names change: the statement's country, speaker kind, stance and citations stay, so a
person's statements group under one name and the citations behind each remain as found.
Joint speakers ("Yun and Lavrov") are renamed part by part.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from ..models import Statement
from .knowledge import HONORIFICS, family_name_first, known_person, normalize_name, title_word

_ARTICLES = ("the", "a", "an")
_JOINT = " and "  # how attribution joins the speakers of one statement

Key = tuple[str, ...]


def _key(words: Sequence[str]) -> Key:
    """Words compared without case, accents or dots ("A." is "a")."""
    return tuple(normalize_name(w) for w in words)


def _parts(s: Statement) -> list[str]:
    return (s.speaker or "").split(_JOINT) if s.person else []


def _subsequence(short: Key, long: Key) -> bool:
    it = iter(long)
    return all(w in it for w in short)


class _People:
    """The people one group names, and the one name each short form stands for."""

    def __init__(self, names: Sequence[str], known: frozenset[Key]) -> None:
        self._known = known
        self._forms: dict[Key, str] = {}  # a full name's key -> its first written form
        for name in names:
            core = self._core(name.split())
            if len(core) > 1:
                self._forms.setdefault(_key(core), " ".join(core))
        fulls = list(self._forms)
        self._longer: dict[Key, Key] = {}
        for f in fulls:
            longer = [g for g in fulls if len(g) > len(f) and g[0] == f[0] and g[-1] == f[-1]
                      and _subsequence(f, g)]
            if len(longer) == 1:
                self._longer[f] = longer[0]
        self._by_end: dict[str, list[Key]] = defaultdict(list)  # a first or last word
        self._surname: dict[Key, str] = {}
        for g in fulls:
            if g in self._longer:
                continue
            for w in dict.fromkeys((g[0], g[-1])):
                self._by_end[w].append(g)
            self._surname[g] = g[0] if family_name_first(self._forms[g]) else g[-1]

    def _core(self, words: list[str]) -> list[str]:
        """The name without leading titles: honorifics always, other role words when what
        is left is a person's full name the selection or the knowledge base knows."""
        words = _untitled(words)
        for k in range(1, len(words) - 1):
            if not all(title_word(w) for w in words[:k]):
                break
            rest = words[k:]
            if _key(rest) in self._known or known_person(" ".join(rest)):
                return rest
        return words

    def name(self, name: str) -> str:
        """The one name the group knows this person by."""
        core = self._core(name.split())
        if len(core) > 1:
            key = _key(core)
            return self._forms[self._longer.get(key, key)]
        (surname,) = _key(core)
        found = self._by_end.get(surname, [])
        if len(found) == 1 and self._surname[found[0]] == surname:
            return self._forms[found[0]]
        return name  # "President Obama" when no one else is an Obama


def _untitled(words: list[str]) -> list[str]:
    """``words`` without the honorifics before the name ("Sen.", "President"), which are
    never part of a person's name; the last word stays."""
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return words


def _article_forms(statements: Sequence[Statement]) -> dict[str, str]:
    """Each speaker that opens with an article, as most statements write that body."""
    counts: Counter[str] = Counter(s.speaker for s in statements
                                   if s.speaker and not s.person and
                                   s.speaker.split(" ", 1)[0].lower() in _ARTICLES)
    forms: dict[str, list[str]] = defaultdict(list)
    for speaker in counts:
        first, _, rest = speaker.partition(" ")
        forms[f"{first.lower()} {rest}"].append(speaker)
    chosen: dict[str, str] = {}
    for variants in forms.values():
        best = max(variants, key=lambda v: (counts[v], v[0].islower()))
        chosen.update(dict.fromkeys(variants, best))
    return chosen


def unify_speakers(groups: dict[str, list[Statement]]) -> dict[str, list[Statement]]:
    """The statements of each group with one name per speaker (see the module's rules)."""
    every = [s for v in groups.values() for s in v]
    articles = _article_forms(every)
    cores = (_untitled(p.split()) for s in every for p in _parts(s))
    known = frozenset(_key(words) for words in cores if len(words) > 1)
    out: dict[str, list[Statement]] = {}
    for code, statements in groups.items():
        people = _People([p for s in statements for p in _parts(s)], known)
        renamed = []
        for s in statements:
            if s.person:
                speaker: str | None = _JOINT.join(dict.fromkeys(people.name(p)
                                                                for p in _parts(s)))
            else:
                speaker = articles.get(s.speaker or "", s.speaker)
            renamed.append(s if speaker == s.speaker else replace(s, speaker=speaker))
        out[code] = renamed
    return out
