"""The common shape every format reader produces, before ids and cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import ArticleError


@dataclass(frozen=True)
class Draft:
    """One article as found in a file: raw body text plus whatever metadata the file had.

    ``key`` is a stable per-entry name (a feed entry id, a JSON ``id``) that becomes the
    article id when a file holds several articles; empty means "use the file stem".
    """

    title: str
    text: str
    outlet: str = ""
    published: str = ""
    url: str = ""
    author: str = ""
    key: str = ""


@dataclass(frozen=True)
class Parsed:
    """What a reader found in one file: drafts, plus entries it had to skip (with reasons)."""

    drafts: tuple[Draft, ...]
    problems: tuple[ArticleError, ...] = field(default=())
    multi: bool = False  # True when the format holds a list of articles (feed, JSON export)
