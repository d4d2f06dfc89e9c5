"""The filter bar's little query language, kept free of Textual so it can move to the core.

``lavrov country:RUS outlet:reuters after:2017-02-01 before:2017-03-01`` — every term must
match. Free words match the title, outlet or text (case-insensitive); ``country:`` takes
ISO3 codes or names in any case, as ``list --country`` (``country:RUS,turkey`` = either);
dates compare with the article's ``published`` and must be real dates.
Quotes group words: ``outlet:"new york times"`` or ``"grain deal"``.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from ..countries import country_code
from ..models import Article

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
KEYS = ("country", "outlet", "after", "before")


@dataclass(frozen=True)
class Query:
    """A parsed filter: all parts must match; ``problems`` explains terms that were ignored."""

    words: tuple[str, ...] = ()
    countries: tuple[tuple[str, ...], ...] = ()
    outlets: tuple[str, ...] = ()
    after: str = ""
    before: str = ""
    problems: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.words or self.countries or self.outlets or self.after or self.before)

    @property
    def needs_countries(self) -> bool:
        """True when matching depends on analyses (which may still be running)."""
        return bool(self.countries)


def _split(text: str) -> list[str]:
    """Shell-like split that forgives an unbalanced quote instead of failing."""
    try:
        return shlex.split(text)
    except ValueError:
        return text.replace('"', " ").replace("'", " ").split()


def parse_query(text: str) -> Query:
    """Parse the filter bar text; unknown ``key:`` prefixes are treated as plain words."""
    words: list[str] = []
    countries: list[tuple[str, ...]] = []
    outlets: list[str] = []
    after = before = ""
    problems: list[str] = []
    for token in _split(text):
        key, sep, value = token.partition(":")
        key = key.lower()
        if not sep or key not in KEYS:
            words.append(token.casefold())
            continue
        if not value:
            problems.append(f"{key}: needs a value")
        elif key == "country":
            codes, unknown = _countries(value)
            problems.extend(f"country:{name}: unknown country" for name in unknown)
            if codes:
                countries.append(codes)
        elif key == "outlet":
            outlets.append(value.casefold())
        elif not _DATE.fullmatch(value):
            problems.append(f"{key}:{value}: expected a date like 2017-02-01")
        elif not _real_date(value):
            problems.append(f"{key}:{value}: not a valid date")
        elif key == "after":
            after = value
        else:
            before = value
    return Query(tuple(words), tuple(countries), tuple(outlets), after, before, tuple(problems))


def _countries(value: str) -> tuple[tuple[str, ...], list[str]]:
    """The codes of ``RUS,turkey``, and the names that are no country."""
    codes: list[str] = []
    unknown: list[str] = []
    for name in (c.strip() for c in value.split(",")):
        code = country_code(name) if name else None
        if code:
            codes.append(code)
        elif name:
            unknown.append(name)
    return tuple(codes), unknown


def _real_date(value: str) -> bool:
    """``2023``, ``2023-07`` or ``2023-07-18`` naming a day that exists (not ``2023-13-40``)."""
    try:
        date.fromisoformat(value + {4: "-01-01", 7: "-01"}.get(len(value), ""))
    except ValueError:
        return False
    return True


def haystack(article: Article) -> str:
    """The text free words are searched in, folded once per article."""
    return f"{article.title}\n{article.outlet}\n{article.text}".casefold()


def matches(
    query: Query,
    article: Article,
    countries: Collection[str] = (),
    text: str | None = None,
) -> bool:
    """Whether ``article`` (mentioning ``countries``) passes ``query``.

    ``text`` is the article's precomputed :func:`haystack`, to keep 5,000-row filtering fast.
    """
    if query.outlets:
        outlet = article.outlet.casefold()
        if not all(o in outlet for o in query.outlets):
            return False
    if query.after or query.before:
        published = article.published[:10]
        if not _DATE.match(published):
            return False
        if query.after and published[: len(query.after)] < query.after:
            return False
        if query.before and published[: len(query.before)] >= query.before:
            return False
    if query.countries and not all(
        any(c in countries for c in any_of) for any_of in query.countries
    ):
        return False
    if query.words:
        folded = text if text is not None else haystack(article)
        if not all(w in folded for w in query.words):
            return False
    return True
