"""Who an actor is: people with date-valid roles, role nouns, international and state bodies.

The data (``briefing/data/actor_kb.json.gz``) is compiled by ``tools/gen_actor_kb.py`` from the
Phoenix actor dictionaries (MIT; roles dated up to early 2014) and the project's country data;
:mod:`.bodies` holds the small reviewed tables. It is read once, on the first lookup, and every
lookup is a dictionary access on a normalised name (case, accents and punctuation ignored).

Name lookups are conservative because a wrong speaker is worse than none: a country or city
name is never a person ("Monaco"); a surname alone resolves only when exactly one person with
it holds a role on the article's date; a full name whose first name disagrees with the known
person's ("David Albright" vs Madeleine Albright) does not resolve. Callers pass the name as
the article first wrote it, so the article's own introduction decides who "Albright" is.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..countries import is_country_code
from ..models import SPEAKER_KINDS
from .bodies import BODY_NAMES, CAMEO_BODIES, STATE_BODIES

DATA = Path(__file__).resolve().parents[1] / "data" / "actor_kb.json.gz"

COUNTRY, BODY, OTHER = "country", "body", "other"
"""Role groups, as :attr:`briefing.models.Position.kind`: where a statement is filed."""

OFFICIAL, OPPOSITION, ORGANISATION, INTERNATIONAL, EXPERT, MEDIA = SPEAKER_KINDS

# CAMEO role chunk (the three letters after the country) -> speaker kind.
_KIND_OF_ROLE: dict[str, str] = {
    **dict.fromkeys(("GOV", "MIL", "COP", "JUD", "LEG", "SPY"), OFFICIAL),
    **dict.fromkeys(("OPP", "REB", "INS", "SEP"), OPPOSITION),
    **dict.fromkeys(("MED", "JRN"), MEDIA),
    # ELI = "elites": former officials and public figures, a voice but not the government.
    **dict.fromkeys(("EDU", "ELI"), EXPERT),
}
# Codes Phoenix uses for states that ISO 3166 gives another code, or that no longer exist
# (their successor speaks for them in today's news).
_COUNTRY_ALIASES: dict[str, str] = {
    "TMP": "TLS", "USR": "RUS", "SUN": "RUS", "YUG": "SRB", "FRY": "SRB", "SCG": "SRB",
    "CSK": "CZE", "DDR": "DEU", "SRP": "BIH", "ROM": "ROU", "ZAR": "COD",
}
_NON_STATE_HEADS = frozenset({"IGO", "NGO", "MNC", "IMG"})
# CAMEO religion codes. In a non-state code they name a faith, not a state, though some are
# also ISO or old state codes: "IMGMUSALQ" is an Islamist armed group, not Mauritius (MUS);
# "SUN" is Sunni there, not the Soviet Union.
_RELIGION_CODES = """ADR ALE ATH BAH BUD CHR CON CPT CTH DOX DRZ HIN HSD ITR JAN JEW JHW LDS MOS
    MRN MUS NRM PAG PRO SFI SHI SHN SIK SUN TAO UDX ZRO"""
_RELIGIONS = frozenset(_RELIGION_CODES.split())

# Reviewed role nouns news uses that Phoenix lacks or files elsewhere (it has SPOKESPERSON as
# media; in news a spokesman speaks for the body that employs them).
ROLE_NOUN_EXTRAS: dict[str, str] = {
    "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV", "press secretary": "GOV",
    "official": "GOV", "aide": "GOV", "adviser": "GOV", "advisor": "GOV", "negotiator": "GOV",
    "analyst": "EDU", "expert": "EDU", "researcher": "EDU", "economist": "EDU",
    "scholar": "EDU", "commentator": "MED", "columnist": "MED", "editor": "MED",
    "rebel": "REB", "opposition": "OPP", "opposition leader": "OPP",
}
# Abbreviated titles (AP style) the actor dictionaries lack, and the role nouns they stand
# for: "Sen. X" is a senator, so "the senator" may later refer to X ("Gen.", "Col." are in).
_TITLE_ABBREVIATIONS = {
    "sen": "senator", "rep": "lawmaker", "gov": "governor", "pres": "president",
    "amb": "ambassador", "lt": "lieutenant", "capt": "captain", "adm": "admiral",
    "cmdr": "commander",
}


def expand_title(word: str) -> str:
    """The role noun an abbreviated title stands for ("Sen." -> "senator"), else ``word``."""
    if word[:1].islower():
        return word  # "rep" in prose; the title is capitalised: "Rep.", "Rep"
    return _TITLE_ABBREVIATIONS.get(normalize_name(word), word)


# Words that may precede a name without being part of it ("President Obama", "Dr Jones").
_HONORIFIC_WORDS = """
    mr mrs ms miss dr prof sir lord lady dame gen general col colonel lt capt captain adm
    admiral sen senator rep representative gov governor rev reverend sheikh king queen prince
    princess emir president premier chancellor deputy vice chief former acting then top senior
    foreign prime minister secretary spokesman spokeswoman ambassador envoy"""
_HONORIFICS = frozenset(_HONORIFIC_WORDS.split())
HONORIFICS = _HONORIFICS  # titles and role words that are never part of a person's name

_APOSTROPHES = re.compile(r"[’'`´]")
_NON_WORD = re.compile(r"[^\w]+")


def normalize_name(text: str) -> str:
    """The lookup key of a name: no accents, no case, no punctuation ('U.N.' -> 'un')."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = _APOSTROPHES.sub("", folded.replace("_", " ")).replace(".", "")
    return " ".join(_NON_WORD.sub(" ", folded).split())


def _org_key(text: str) -> str:
    key = normalize_name(text)
    return key[4:] if key.startswith("the ") else key


@dataclass(frozen=True)
class Role:
    """One role of an actor: for whom they speak, as what, and when.

    ``iso3`` is an ISO 3166 alpha-3 code when ``group`` is ``"country"``, a body's acronym
    ("UN", "NATO") when it is ``"body"``, and ``""`` when it is ``"other"`` (a region, an
    unnamed international group). ``kind`` is one of :data:`briefing.models.SPEAKER_KINDS`;
    ``code`` the CAMEO code Phoenix gives. ``start``/``end`` are inclusive; both ``None`` is
    Phoenix's undated default role, one ``None`` an open end.
    """

    iso3: str
    group: str
    kind: str
    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def applies(self, on: dt.date) -> bool:
        """True when ``on`` lies in this role's date range (an undated role always applies)."""
        return (self.start is None or self.start <= on) and (self.end is None or on <= self.end)


@dataclass(frozen=True)
class Body:
    """An international organisation: the acronym the memo files it under and its name."""

    acronym: str
    name: str


@dataclass(frozen=True)
class RoleNoun:
    """What a role noun ("minister", "rebel", "analyst") says about who speaks."""

    kind: str  # one of SPEAKER_KINDS
    code: str  # Phoenix agent code without the country: "GOV", "GOVMIL", "OPP", "EDU"


@lru_cache(maxsize=1024)
def _country(code: str) -> str:
    code = _COUNTRY_ALIASES.get(code, code)
    return code if len(code) == 3 and code.isalpha() and is_country_code(code) else ""


def _kind(chunks: list[str], default: str) -> str:
    for chunk in chunks:
        if chunk in _KIND_OF_ROLE:
            return _KIND_OF_ROLE[chunk]
    return default if not chunks else ORGANISATION


def role_of_code(code: str, start: dt.date | None = None, end: dt.date | None = None) -> Role:
    """Read a CAMEO actor code: 'RUSGOV' -> Russia, official; 'IGOUNOIAE' -> IAEA."""
    head, rest = code[:3], code[3:]
    chunks = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    if head in _NON_STATE_HEADS:
        acronym = next((CAMEO_BODIES[c] for c in reversed(chunks) if c in CAMEO_BODIES), "")
        if acronym:
            return Role(acronym, BODY, INTERNATIONAL, code, start, end)
        if head == "IGO":
            return Role("", OTHER, INTERNATIONAL, code, start, end)
        places = [c for c in chunks if c not in _RELIGIONS and _country(c)]
        home = _country(places[0]) if places else ""
        kind = _kind([c for c in chunks if c not in places], ORGANISATION)
        return Role(home, COUNTRY if home else OTHER, kind, code, start, end)
    iso = _country(head)
    return Role(iso, COUNTRY if iso else OTHER, _kind(chunks, OFFICIAL), code, start, end)


@dataclass(frozen=True)
class _KB:
    persons: list[list[Any]]  # [name, [[code] | [code, start, end], ...], given initials]
    names: dict[str, list[int]]  # full name (2+ words) -> person ids
    surnames: dict[str, list[int]]  # one-word name or surname -> person ids
    orgs: dict[str, str]  # organisation name -> CAMEO code
    places: frozenset[str]  # country, city and demonym names: never a person
    agents: dict[str, str]  # role noun -> agent code
    bodies: dict[str, str]  # body name or acronym -> acronym
    title_words: frozenset[str]


@lru_cache(maxsize=1)
def _kb() -> _KB:
    """The knowledge base, read from the packaged data on first use."""
    raw: dict[str, Any] = json.loads(gzip.decompress(DATA.read_bytes()).decode("utf-8"))
    orgs: dict[str, str] = dict(raw["orgs"])
    for name, iso in STATE_BODIES.items():
        orgs[_org_key(name)] = iso + "GOV"
    bodies: dict[str, str] = {}
    for name, code in raw["orgs"].items():
        role = role_of_code(code)
        if role.group == BODY:
            bodies[name] = role.iso3
    for acronym, (full, aliases) in BODY_NAMES.items():
        for name in (acronym, full, *aliases):
            bodies[_org_key(name)] = acronym
    agents = dict(raw["agents"])
    agents.update({normalize_name(k): v for k, v in ROLE_NOUN_EXTRAS.items()})
    title_words = frozenset(w for phrase in agents for w in phrase.split()) | _HONORIFICS
    return _KB(raw["persons"], raw["names"], raw["surnames"], orgs, frozenset(raw["places"]),
               agents, bodies, title_words)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _latest_first(role: Role) -> tuple[bool, dt.date, dt.date]:
    return (role.dated, role.start or dt.date.min, role.end or dt.date.max)


@lru_cache(maxsize=4096)
def _person_roles(pid: int) -> tuple[Role, ...]:
    """Every role of person ``pid``, latest first, undated defaults last."""
    roles = []
    for entry in _kb().persons[pid][1]:
        start, end = (_date(entry[1]), _date(entry[2])) if len(entry) == 3 else (None, None)
        roles.append(role_of_code(entry[0], start, end))
    return tuple(sorted(roles, key=_latest_first, reverse=True))


def _on_date(roles: tuple[Role, ...], on: dt.date | None) -> tuple[Role, ...]:
    if on is None:
        return roles
    valid = tuple(r for r in roles if r.dated and r.applies(on))
    return valid or tuple(r for r in roles if not r.dated)


def _active(pid: int, on: dt.date | None) -> bool:
    return on is None or any(r.dated and r.applies(on) for r in _person_roles(pid))


def _roles_of(ids: list[int], on: dt.date | None) -> tuple[Role, ...]:
    seen: dict[Role, None] = {}
    for pid in ids:
        seen.update(dict.fromkeys(_on_date(_person_roles(pid), on)))
    return tuple(seen)


def _by_surname(surname: str, on: dt.date | None, initial: str = "") -> list[int]:
    """The only person called ``surname`` who is active on ``on`` (with that first initial)."""
    kb = _kb()
    if surname in kb.places:
        return []
    ids = [pid for pid in kb.surnames.get(surname, ()) if _active(pid, on)]
    if initial:
        ids = [pid for pid in ids if initial in _first_initials(pid)]
    return ids if len(ids) == 1 else []


def _first_initials(pid: int) -> str:
    """First letters of the person's given names in the KB ('m' for Madeleine Albright)."""
    return str(_kb().persons[pid][2])


def _resolve(name: str, on: dt.date | None) -> list[int]:
    """The KB people ``name`` (as an article writes it) can only mean on ``on``."""
    kb = _kb()
    key = normalize_name(name)
    if not key or key in kb.places:
        return []
    tokens = key.split()
    for i in range(len(tokens) - 1):  # the name, then without leading titles
        ids = kb.names.get(" ".join(tokens[i:]))
        if ids:
            return ids
    while len(tokens) > 1 and (tokens[0] in kb.title_words or tokens[0] in kb.places):
        tokens = tokens[1:]
    if len(tokens) == 1:
        return _by_surname(tokens[0], on)
    # A spelling we do not have ("Sergei" for "Sergey"): same surname and first initial.
    return _by_surname(tokens[-1], on, initial=tokens[0][0])


def lookup_person(name: str, on: dt.date | None = None) -> tuple[Role, ...]:
    """The roles ``name`` holds on ``on`` (all roles, latest first, when ``on`` is None).

    ``name`` is the person as the article wrote them, titles allowed ("Russian Foreign
    Minister Sergey Lavrov", "Lavrov", "SERGEI LAVROV"). Returns () for an unknown or
    ambiguous name and for any country, city or demonym. On a date, a role applies only when
    the date lies in its range; Phoenix's undated default roles apply when no dated one does.
    """
    return _roles_of(_resolve(name, on), on)


def full_name(name: str, on: dt.date | None = None) -> str | None:
    """The KB's name for the one person ``name`` resolves to ('Lavrov' -> 'Sergey Lavrov').

    Phoenix writes names in capitals; they come back capitalised word by word, so
    "McCain" reads "Mccain": use it to identify, and show the article's own spelling.
    """
    ids = _resolve(name, on)
    return str(_kb().persons[ids[0]][0]) if len(ids) == 1 else None


def country_of_person(name: str, on: dt.date | None = None) -> str | None:
    """The ISO alpha-3 code of the state ``name`` serves on ``on``, when the KB knows one."""
    for role in lookup_person(name, on):
        if role.group == COUNTRY:
            return role.iso3
    return None


def title_word(word: str) -> bool:
    """Whether ``word`` is an honorific or a word of a role phrase ("Majority", "Leader"),
    which may stand before a name without being part of it."""
    return normalize_name(word) in _kb().title_words


@lru_cache(maxsize=16384)
def known_person(name: str) -> bool:
    """Whether the knowledge base has a person of exactly this full name."""
    return normalize_name(name) in _kb().names


@lru_cache(maxsize=16384)
def family_name_first(name: str) -> bool:
    """Whether the KB's person of this full name writes the family name first ("Xi
    Jinping", "Moon Jae-in"): their surname index holds the first word, not the last."""
    kb = _kb()
    key = normalize_name(name).split()
    ids = kb.names.get(" ".join(key), ())
    return bool(ids) and len(key) > 1 and \
        all(i in kb.surnames.get(key[0], ()) and i not in kb.surnames.get(key[-1], ())
            for i in ids)


@lru_cache(maxsize=1 << 16)
def role_noun(word: str) -> RoleNoun | None:
    """What a role noun or phrase means: 'minister' -> official, 'rebels' -> opposition.

    Kept per word: the candidate filter asks it of every word of every sentence (70,000
    times for 200 articles), and the answer depends only on the packaged knowledge base."""
    agents = _kb().agents
    key = normalize_name(word)
    for candidate in (key, *singulars(key)):
        code = agents.get(candidate)
        if code:
            return RoleNoun(_kind([code[i:i + 3] for i in range(0, len(code), 3)], OFFICIAL),
                            code)
    return None


def singulars(key: str) -> list[str]:
    """The singular forms a plural role noun may have ("officials", "spokesmen")."""
    if key.endswith("ies"):
        return [key[:-3] + "y"]
    if key.endswith("men"):
        return [key[:-3] + "man"]
    return [key[:-1]] if key.endswith("s") else []


def body(name_or_acronym: str) -> Body | None:
    """The international body a name or acronym stands for ('U.N.', 'the Atlantic alliance')."""
    acronym = _kb().bodies.get(_org_key(name_or_acronym))
    if acronym is None:
        return None
    full = BODY_NAMES.get(acronym, (acronym, ()))[0]
    return Body(acronym, full)


def organisation(name: str) -> Role | None:
    """Any named organisation: a state body, an international body, an armed group, an NGO."""
    key = _org_key(name)
    acronym = _kb().bodies.get(key)
    if acronym is not None:
        return Role(acronym, BODY, INTERNATIONAL, "IGO")
    code = _kb().orgs.get(key)
    return role_of_code(code) if code else None


def state_body(name: str) -> str | None:
    """The country a seat or organ of government stands for ('the Kremlin' -> 'RUS')."""
    role = organisation(name)
    if role and role.group == COUNTRY and role.kind == OFFICIAL:
        return role.iso3
    return None
