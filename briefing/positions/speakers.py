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

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import lru_cache

from ..models import Statement
from .knowledge import HONORIFICS, family_name_first, known_person, normalize_name, title_word

_ARTICLES = ("the", "a", "an")
OTHER_VOICES = ""  # the group code of speakers with no country or body
_JOINT = " and "  # how attribution joins the speakers of one statement

Key = tuple[str, ...]


_word = lru_cache(maxsize=65536)(normalize_name)  # a name's words repeat across statements


def _key(words: Sequence[str]) -> Key:
    """Words compared without case, accents or dots ("A." is "a")."""
    return tuple(_word(w) for w in words)


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
        ends: dict[tuple[str, str], list[Key]] = defaultdict(list)  # only these can match
        for f in fulls:
            ends[(f[0], f[-1])].append(f)
        self._longer: dict[Key, Key] = {}
        for f in fulls:
            longer = [g for g in ends[(f[0], f[-1])] if len(g) > len(f) and _subsequence(f, g)]
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

    def key(self, name: str) -> Key:
        """Who this name is: the key of the fuller name it can only be, else its own."""
        core = self._core(name.split())
        key = _key(core)
        if len(core) != 1:
            return self._longer.get(key, key)
        found = self._by_end.get(key[0], [])
        if len(found) == 1 and self._surname[found[0]] == key[0]:
            return found[0]
        return key

    def name(self, name: str) -> str:
        """The one name the group knows this person by ("President Obama" when no one else
        is an Obama)."""
        return self._forms.get(self.key(name), name)


def _untitled(words: list[str]) -> list[str]:
    """``words`` without the honorifics before the name ("Sen.", "President"), which are
    never part of a person's name; the last word stays."""
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return words


def _lower_article(speaker: str) -> str:
    """'The White House' -> 'the White House': the memo names speakers mid-line, where an
    article is lower case; the capital only said the sentence began with it."""
    first, space, rest = speaker.partition(" ")
    return f"{first.lower()}{space}{rest}" if space and first.lower() in _ARTICLES else speaker


def unify_speakers(statements: Sequence[Statement],
                   group: Callable[[Statement], str]) -> list[Statement]:
    """``statements`` (in order) with one name per speaker; ``group`` gives the code of the
    group a statement is filed under ("" for other voices). See the module's rules."""
    codes = [group(s) for s in statements]
    members: dict[str, list[str]] = defaultdict(list)
    for s, code in zip(statements, codes, strict=True):
        members[code].extend(_parts(s))
    cores = (_untitled(p.split()) for names in members.values() for p in names)
    known = frozenset(_key(words) for words in cores if len(words) > 1)
    people = {code: _People(names, known) for code, names in members.items()}
    renamed = _with_kinds([_renamed(s, people[c]) for s, c in zip(statements, codes, strict=True)],
                          codes)
    if OTHER_VOICES not in members:
        return renamed
    everyone = _People([p for names in members.values() for p in names], known)
    placed: dict[Key, dict[str, Statement]] = defaultdict(dict)  # person -> group -> first
    for s, code in zip(renamed, codes, strict=True):
        if s.person and code != OTHER_VOICES and _JOINT not in (s.speaker or ""):
            placed[everyone.key(s.speaker or "")].setdefault(code, s)
    return [_placed(s, everyone, placed) if code == OTHER_VOICES else s
            for s, code in zip(renamed, codes, strict=True)]


def _with_kinds(statements: list[Statement], codes: list[str]) -> list[Statement]:
    """A person's statement whose article did not say what they are ("Rusu said") takes
    the speaker kind another article gave the same person in the same group."""
    kinds: dict[tuple[str, str | None], str] = {}
    for s, code in zip(statements, codes, strict=True):
        if s.person and s.speaker_kind:
            kinds.setdefault((code, s.speaker), s.speaker_kind)
    return [replace(s, speaker_kind=kinds[(code, s.speaker)])
            if s.person and not s.speaker_kind and (code, s.speaker) in kinds else s
            for s, code in zip(statements, codes, strict=True)]


def _renamed(s: Statement, people: _People) -> Statement:
    speaker: str | None
    if s.person:
        speaker = _JOINT.join(dict.fromkeys(people.name(p) for p in _parts(s)))
    else:
        speaker = _lower_article(s.speaker) if s.speaker else s.speaker
    return s if speaker == s.speaker else replace(s, speaker=speaker)


def _placed(s: Statement, everyone: _People, placed: dict[Key, dict[str, Statement]]) -> Statement:
    """A person of no country ("Kim", where one article said "Kim said") who can only be a
    person another article placed ("Kim Jong Il", North Korea's leader): their statement
    joins that person's group, under their name and speaker kind."""
    if not s.person or _JOINT in (s.speaker or ""):
        return s
    found = placed.get(everyone.key(s.speaker or ""), {})
    if len(found) != 1:
        return s
    ((code, like),) = found.items()
    return replace(s, speaker=like.speaker, country=code, speaker_kind=like.speaker_kind)
