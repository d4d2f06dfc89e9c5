"""Known actors: people and bodies whose country is known before any article is read.

A built-in book (``data/actors_builtin.yaml``: leaders, foreign ministers, movements) is
merged with the user's ``actors.yaml`` so an analyst can teach the tool the people of
their own beat. News agencies (``data/actors_agencies.txt``) are kept apart: they are the
source of a report, never the one who speaks in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from .countries import is_country_code, trie_regex
from .errors import ConfigError

_DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Actor:
    """One person or body: its name, other names it goes by, its country and role."""

    name: str
    country: str
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActorBook:
    """People and bodies whose country is known before reading any article."""

    actors: tuple[Actor, ...] = ()

    def merged(self, other: ActorBook) -> ActorBook:
        """This book with ``other``'s actors added; ``other`` wins on the same name."""
        names = {n for a in other.actors for n in (a.name, *a.aliases)}
        kept = tuple(a for a in self.actors if a.name not in names)
        return ActorBook(kept + other.actors)

    @cached_property
    def _index(self) -> dict[str, Actor]:
        out: dict[str, Actor] = {}
        for a in self.actors:
            for n in (a.name, *a.aliases):
                out[n] = a
        return out

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        if not self._index:
            return None
        return re.compile(r"(?<![\w-])(?:" + trie_regex(self._index) + r")(?![\w-])")

    @cached_property
    def lowered(self) -> dict[str, Actor]:
        """Every name and alias in lower case -> its actor ('President obama')."""
        return {k.lower(): a for k, a in self._index.items()}

    def index(self) -> dict[str, Actor]:
        """Every name and alias -> its actor (later entries win); computed once per book."""
        return self._index

    def pattern(self) -> re.Pattern[str] | None:
        """One regex matching every name and alias as whole words, longest first."""
        return self._pattern


def _where(path: Path | str, problem: str) -> ConfigError:
    return ConfigError(f"{path}: {problem}")


def _actor(raw: Any, n: int, path: Path | str) -> Actor:
    """One entry of an actors file, checked; errors name the entry."""
    label = f"entry {n}"
    if not isinstance(raw, dict):
        raise _where(path, f"{label}: expected a mapping with name and country, "
                           f"got {type(raw).__name__}")
    name = raw.get("name")
    if isinstance(name, str) and name.strip():
        label = f"entry {n} ({name})"
    else:
        raise _where(path, f"{label}: 'name' must be a non-empty string")
    unknown = set(raw) - {"name", "country", "role", "aliases"}
    if unknown:
        raise _where(path, f"{label}: unknown key(s) {', '.join(sorted(map(str, unknown)))}")
    country = raw.get("country")
    if not isinstance(country, str) or not is_country_code(country):
        raise _where(path, f"{label}: 'country' must be an ISO 3166 alpha-3 code such as RUS, "
                           f"got {country!r}")
    role = raw.get("role", "") or ""
    if not isinstance(role, str):
        raise _where(path, f"{label}: 'role' must be a string")
    aliases = raw.get("aliases", []) or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(x, str) and x for x in aliases):
        raise _where(path, f"{label}: 'aliases' must be a list of names")
    return Actor(name.strip(), country.upper(), role.strip(), tuple(x.strip() for x in aliases))


def parse_actors(text: str, path: Path | str = "actors.yaml") -> ActorBook:
    """Parse the text of an actors file (``actors:`` list of name/country/role/aliases)."""
    try:
        doc = yaml.safe_load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = f"line {mark.line + 1}: " if mark is not None else ""
        raise _where(path, f"{line}malformed YAML: {e.problem or e.context}") from None
    except yaml.YAMLError as e:
        raise _where(path, f"malformed YAML: {e}") from None
    if doc is None:
        return ActorBook()
    entries = doc.get("actors") if isinstance(doc, dict) else doc
    if isinstance(doc, dict) and set(doc) - {"actors"}:
        raise _where(path, f"unknown top-level key(s): {', '.join(sorted(map(str, doc)))}"
                           "; expected 'actors'")
    if entries is None:
        return ActorBook()
    if not isinstance(entries, list):
        raise _where(path, "'actors' must be a list of entries with name and country")
    return ActorBook(tuple(_actor(raw, i, path) for i, raw in enumerate(entries, 1)))


@lru_cache(maxsize=1)
def builtin_actors() -> ActorBook:
    """The leaders and movements every analyst knows (shipped data file)."""
    res = _DATA / "actors_builtin.yaml"
    return parse_actors(res.read_text(encoding="utf-8"), "actors_builtin.yaml")


@lru_cache(maxsize=1)
def agencies() -> tuple[str, ...]:
    """News agencies and outlets: sources, never speakers."""
    res = _DATA / "actors_agencies.txt"
    lines = res.read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.startswith("#"))


@lru_cache(maxsize=8)
def with_builtin(book: ActorBook | None) -> ActorBook:
    """The built-in book plus ``book`` (the user's wins), merged once per user book."""
    if book is None or not book.actors:
        return builtin_actors()
    return builtin_actors().merged(book)


def load_actors(path: Path | None) -> ActorBook:
    """Read the user's ``actors.yaml``; no path means no extra actors."""
    if path is None:
        return ActorBook()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise _where(path, f"cannot read the actors file: {e.strerror or e}") from None
    return parse_actors(text, path)


@dataclass(frozen=True)
class Person:
    """Someone an article introduced with a country: 'Russian Foreign Minister Sergey Lavrov'."""

    name: str
    country: str
    role: str = ""


class ArticleMemory:
    """Who an article has introduced so far, so later mentions can be resolved.

    "Lavrov said", "the Russian foreign minister noted", "the minister said", "he said":
    each goes to the most recent compatible person or body.
    """

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.keys: dict[str, Person] = {}
        self.bodies: list[tuple[str, str, str]] = []  # (head noun, iso3, phrase)
        self.last_subjects: tuple[str, ...] = ()
        self.last_country: str = ""
        self.quote_speaker: tuple[str, str | None] | None = None
        self.sentence_no = 0
        self.subjects_at = -1

    def remember(self, person: Person) -> None:
        """Add or refresh ``person``; its full name, first and last names become keys."""
        self.people = [p for p in self.people if p.name != person.name] + [person]
        tokens = [t for t in person.name.split() if len(t) > 2 and t[0].isupper()]
        for key in {person.name, *tokens[:1], *tokens[-1:]}:
            self.keys[key] = person

    def remember_body(self, head: str, iso3: str, phrase: str) -> None:
        self.bodies.append((head.lower(), iso3, phrase))

    def lookup(self, name: str) -> Person | None:
        return self.keys.get(name)

    def last_person(self, country: str = "", role: str = "") -> Person | None:
        """The most recent person, optionally of ``country`` and whose role has ``role``."""
        for p in reversed(self.people):
            if country and p.country != country:
                continue
            if role and role.lower() not in p.role.lower():
                continue
            return p
        return None

    def last_body(self, head: str) -> tuple[str, str] | None:
        """(iso3, phrase) of the most recent body named by ``head`` ('ministry')."""
        for h, iso, phrase in reversed(self.bodies):
            if h.endswith(head.lower()):
                return iso, phrase
        p = self.last_person(role=head[:6])
        return (p.country, p.name) if p else None
