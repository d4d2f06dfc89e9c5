"""Small dataclass messages that thread workers post to the app (as Textualize/toolong does).

Workers never touch widgets; they post these and the app updates the screen on its own
thread, so the UI stays responsive while thousands of articles load and are analysed.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..errors import ArticleError
from ..models import Analysis, Article


@dataclass
class ArticlesLoaded(Message):
    """A batch of freshly read articles (rows appear before any analysis)."""

    generation: int
    articles: tuple[Article, ...]


@dataclass
class LoadFinished(Message):
    """Every article is read; ``skipped`` lists files that could not be."""

    generation: int
    total: int
    skipped: tuple[ArticleError, ...]
    truncated: int = 0


@dataclass
class SourcesSettled(Message):
    """The articles exactly as ``Workspace.load()`` gives them (near-duplicates folded)."""

    generation: int
    articles: tuple[Article, ...]
    duplicates: int


@dataclass
class LoadFailed(Message):
    """Reading the sources failed outright (e.g. a config path problem)."""

    generation: int
    error: str


@dataclass
class AnalysesReady(Message):
    """A batch of finished analyses, and how far the whole run has got."""

    generation: int
    analyses: tuple[Analysis, ...]
    done: int
    total: int


@dataclass
class AnalysisProgress(Message):
    """How far a long batch of analyses has got (its results come in AnalysesReady)."""

    generation: int
    done: int
    total: int


@dataclass
class PreviewReady(Message):
    """The analysis of the highlighted article (None when the core failed on it)."""

    article: Article
    analysis: Analysis | None


@dataclass
class MemoReady(Message):
    """The rendered memo for one selection/title/template, identified by ``key``."""

    key: tuple[object, ...]
    text: str
    error: str = ""
