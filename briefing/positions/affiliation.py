"""Step 3: for whom a speaker speaks — a country, an international body, or no one.

The article decides first: a country or nationality inside the speaker's own phrase ("US
President X", "X, Poland's foreign minister", "China's chief negotiator X"), a state body
("the Kremlin", "the Pentagon"), an international body (UN, EU, NATO …, filed under its
acronym), the user's actors.yaml, and what the article said earlier about the same person.
Only then the actor knowledge base, with roles valid on the article's date. Never the
nearest country word of the sentence: "Obama hailed the agreement in Paris" is not France.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..actors import Actor, ActorBook
from ..countries import is_country_code
from ..models import SPEAKER_KINDS
from .knowledge import BODY, COUNTRY, OTHER, lookup_person, organisation, role_noun
from .mentions import Mention

OFFICIAL, OPPOSITION, ORGANISATION, INTERNATIONAL, EXPERT, MEDIA = SPEAKER_KINDS
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class Affiliation:
    """Where a speaker's statements are filed: ``group`` is country, body or other."""

    group: str
    iso3: str  # ISO alpha-3 for a country, the acronym for a body, "" for other
    kind: str  # one of SPEAKER_KINDS, "" when unknown


NOBODY = Affiliation(OTHER, "", "")


def article_date(published: str) -> dt.date | None:
    """The article's date from its ``published`` field (ISO 8601), if it has one."""
    m = _ISO_DATE.search(published or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _kind_of(m: Mention, default: str) -> str:
    noun = role_noun(m.role) if m.role else None
    return noun.kind if noun is not None else default


def affiliate(m: Mention, on: dt.date | None, book: ActorBook,
              known: dict[str, Affiliation],
              named: frozenset[str] | None = None) -> Affiliation:
    """The affiliation of the speaker ``m`` names, article first, then the knowledge base.

    ``known`` maps names the article introduced earlier (full name and surname) to what it
    said of them then. ``named``: the countries the article names; a bare surname, or any
    name in an undated article, is a known leader only of one of them ("Yameen", a
    Pakistani police officer, is not the Maldives' president in an article that never
    names the Maldives).
    """
    if m.body is not None and not m.countries:  # "European Commission President X"
        return Affiliation(BODY, m.body.acronym, INTERNATIONAL)
    actor = _user_actor(m, book)
    if actor is not None:  # the user's book, and the curated leaders, are taken as meant
        return actor
    if m.countries:
        own_org = m.org and not m.role and m.org != m.country_text  # not "Ukraine" tagged ORG
        return Affiliation(COUNTRY, m.countries[0],
                           _kind_of(m, ORGANISATION if own_org else OFFICIAL))
    if m.state:
        return Affiliation(COUNTRY, m.state, OFFICIAL)
    if m.person:
        for key in (m.person, m.person.split()[-1]):
            if key in known:
                return known[key]
        # a bare surname, or any name in an undated article (no date to check the role
        # against: a "Ted Cruz" was a São Tomé official), needs its country in the article
        strict = " " not in m.person or (on is None and bool(named))
        for role in lookup_person(m.person, on):
            if role.group == BODY or (role.group == COUNTRY and (
                    named is None or not strict or role.iso3 in named)):
                return Affiliation(role.group, role.iso3, role.kind)
        return Affiliation(OTHER, "", _kind_of(m, ""))
    if m.org:
        org = organisation(m.org)
        if org is not None:
            return Affiliation(org.group, org.iso3, org.kind)
        return Affiliation(OTHER, "", _kind_of(m, ORGANISATION))
    return NOBODY


def book_actor(name: str, book: ActorBook) -> Actor | None:
    """The actor a full name (or the name after a stray title word) is in the book as.
    Never a surname alone: David Albright is not Madeleine Albright."""
    words = name.split()
    for i in range(max(1, len(words) - 1)):  # "State Antony Blinken" is Antony Blinken
        actor = book.lowered.get(" ".join(words[i:]).lower())
        if actor is not None:
            return actor
    return None


def _user_actor(m: Mention, book: ActorBook) -> Affiliation | None:
    """A person or body the user (or the built-in book) placed in a country."""
    for name in (m.person, m.org, m.text):
        actor = book_actor(name, book) if name == m.person else book.lowered.get(name.lower())
        if name and actor is not None and is_country_code(actor.country.upper()):
            return Affiliation(COUNTRY, actor.country.upper(), _kind_of(m, OFFICIAL))
    return None
