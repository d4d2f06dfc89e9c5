"""The small frozen records that flow through the pipeline.

Every step of ``ingest → sentences → summary → statements → positions → briefing → render``
takes and returns these. They are frozen so that a step can never change what an earlier
step produced, and so that analyses can be cached and shared between the CLI and the TUI.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class SourceRef:
    """Another outlet's copy of the same story, cited beside the article that was kept."""

    id: str
    title: str
    outlet: str = ""
    published: str = ""
    url: str = ""


@dataclass(frozen=True)
class Article:
    """One news article, cleaned of boilerplate, as read from the workspace."""

    id: str
    path: str
    title: str
    text: str
    outlet: str = ""
    published: str = ""
    url: str = ""
    also_in: tuple[SourceRef, ...] = ()  # near-duplicates collapsed into this one (dedupe)


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article; ``start``/``end`` are offsets into ``Article.text``."""

    index: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SetAside:
    """An article that shares no subject with the rest of the set (kept between builds)."""

    article: str


@dataclass(frozen=True)
class Citation:
    """Where a piece of text came from: an article id and a sentence index in it."""

    article: str
    sentence: int
    last: int | None = None  # a quotation running over several sentences ends here


SPEAKER_KINDS = ("official", "opposition", "organisation", "international", "expert", "media")
"""Who a speaker is, in the order the memo lists them: officials first, other voices after."""


@dataclass(frozen=True)
class Statement:
    """A sentence in which an actor of a country says, wants or does something.

    ``country`` is an ISO 3166 alpha-3 code. ``stance`` is one label of
    :data:`briefing.stance.STANCES`. ``citations`` has one entry per article that carries
    the same claim (merged in :mod:`briefing.positions`); the first is the original.
    """

    text: str
    country: str
    speaker: str | None
    stance: str
    citations: tuple[Citation, ...]
    speaker_kind: str = ""  # one of SPEAKER_KINDS; "" when unknown
    claim: str = ""  # the speaker's act as verb and object: "opposes the THAAD deployment"
    joint: tuple[str, ...] = ()  # other countries or bodies that made this statement with it
    person: bool = False  # the speaker is a named person (each of them, when joint)

    @property
    def article(self) -> str:
        return self.citations[0].article

    @property
    def sentence(self) -> int:
        return self.citations[0].sentence


@dataclass(frozen=True)
class Position:
    """Everything one country (or international body, or other voices) said.

    ``kind`` is ``"country"`` (``iso3`` an ISO 3166 alpha-3 code), ``"body"`` (an
    international organisation: ``iso3`` is its acronym, e.g. ``"UN"``) or ``"other"``
    (speakers with no country or body: ``iso3`` is ``""``). ``pinned`` is set by
    :func:`briefing.curation.apply_curation` when the analyst chose the headline.
    """

    country: str
    iso3: str
    statements: tuple[Statement, ...]
    kind: str = "country"
    pinned: Citation | None = None  # the analyst's headline statement, by its first citation


@dataclass(frozen=True)
class KeyPoint:
    """A central sentence across the selection; ``citations`` lists every article saying it."""

    text: str
    citations: tuple[Citation, ...]

    @property
    def article(self) -> str:
        return self.citations[0].article


@dataclass(frozen=True)
class Analysis:
    """What the pipeline learns from one article on its own (cacheable by content)."""

    article: Article
    sentences: tuple[Sentence, ...]
    summary: tuple[int, ...]
    statements: tuple[Statement, ...]
    # Why ``statements`` is empty when the attribution step failed on this article (a defect
    # of ours, reported as a warning): its summary still reaches the memo.
    problem: str = ""

    @property
    def summary_sentences(self) -> tuple[str, ...]:
        return tuple(self.sentences[i].text for i in self.summary)


@dataclass(frozen=True)
class Briefing:
    """The finished memo content, ready for any renderer."""

    title: str
    date: str
    prepared_by: str
    classification: str
    analyses: tuple[Analysis, ...]
    key_points: tuple[KeyPoint, ...]
    positions: tuple[Position, ...]
    skipped: tuple[str, ...] = field(default=())
    #: Articles that share no subject with the others: listed, but neither summarised nor
    #: drawn on for key points (:func:`briefing.briefing.set_aside`).
    set_aside: tuple[str, ...] = field(default=())

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(a.article for a in self.analyses)
