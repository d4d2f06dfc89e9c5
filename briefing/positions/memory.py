"""The article's memory of its actors: who spoke, who was introduced and by what name or
role, so that "he", "the minister", "the company" and a bare surname can be resolved to the
most recent compatible actor (step 4's coreference, kept apart from the parse reading)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .affiliation import Affiliation
from .gender import FEMALE, MALE
from .knowledge import OTHER, singulars
from .mentions import words

NAME_WORDS = 5  # the longest name run read as a person's name (and a tweet's display name)
_ORG_NOUNS = frozenset(words("company firm group organisation organization corporation"))


@dataclass
class Entry:
    """An actor the article has introduced or heard speak."""

    name: str
    aff: Affiliation
    role: str = ""
    person: bool = False
    plural: bool = False
    org: bool = False  # a named organisation ("Kellogg Co."): "the company" may be it
    gender: str = ""  # gender.MALE or FEMALE when the article says; "" when it does not
    named: bool = True  # False for "a police official": no name a later surname can match


@dataclass
class Memory:
    """What the article said so far about its actors, for resolving later references."""

    speakers: list[Entry] = field(default_factory=list)
    introduced: list[Entry] = field(default_factory=list)
    people: dict[str, Entry] = field(default_factory=dict)  # full name and surname

    @property
    def known(self) -> dict[str, Affiliation]:
        return {k: e.aff for k, e in self.people.items() if e.aff.group != OTHER}

    def introduce(self, e: Entry) -> None:
        self.introduced.append(e)
        if e.person and e.named:
            words = e.name.split()
            for key in (e.name, words[-1]):
                if key not in self.people or self.people[key].aff.group == OTHER:
                    self.people[key] = e
            first = self.people.get(words[0])  # family name first: "Yun Byung-se"
            if first is None or (first.aff.group == OTHER and e.aff.group != OTHER and
                                 first.name == e.name):
                self.people[words[0]] = e  # the same person, now placed

    def spoke(self, e: Entry) -> None:
        self.speakers.append(e)
        self.introduce(e)

    def resume(self, text: str) -> None:
        """A narrative sentence that opens with a person the article already knows
        ("Boehner also is …", "Nancy Pelosi, for her part, …") is about them: a later
        "he said" may be theirs. A person named for the first time is not yet the topic."""
        run = []
        for w in text.split()[:NAME_WORDS + 1]:
            if not w[:1].isupper() or w[-1:] in ("’", "'") or "’s" in w or "'s" in w:
                break
            run.append(w.rstrip(","))
            if w.endswith(","):
                break
        for n in range(len(run), 0, -1):
            e = self.people.get(" ".join(run[:n]))
            if e is not None and " ".join(run[:n]) in (e.name, e.name.split()[-1]):
                self.speakers.append(e)
                return

    def pronoun(self, word: str) -> Entry | None:
        """The most recent speaker a pronoun can stand for (then anyone introduced)."""
        person = word in ("he", "she")
        gender = {"he": MALE, "she": FEMALE}.get(word, "")
        for pool in (self.speakers, self.introduced if person else []):
            for e in reversed(pool):
                if person and e.person and not e.plural and e.gender in ("", gender):
                    return e
                if word == "it" and not e.person and not e.plural:
                    return e
                if word == "they" and (e.plural or not e.person):
                    return e
        return None

    def role(self, noun: str) -> Entry | None:
        """The most recent actor that spoke as, or was introduced as, ``noun``."""
        for pool in (self.speakers, self.introduced):
            for e in reversed(pool):
                last = e.role.split()[-1] if e.role else ""
                if last and (last == noun or noun in singulars(last)):
                    return e  # "one official" is one of "the officials" named before
        if noun in _ORG_NOUNS:  # "the company", "the group": the organisation last named
            for pool in (self.speakers, self.introduced):
                for e in reversed(pool):
                    if e.org:
                        return e
        return None
