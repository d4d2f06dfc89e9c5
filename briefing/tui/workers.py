"""The slow parts, as plain functions that run in thread workers and only post messages.

They take ``post`` and ``cancelled`` callables instead of the app, so they never touch a
widget and can be tested without Textual.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from textual.message import Message

from ..curation import Curation
from ..errors import ArticleError
from ..models import Article
from ..workspace import Workspace
from .cache import AnalysisCache
from .memo import render_memo
from .messages import (
    AnalysesReady,
    AnalysisProgress,
    ArticlesLoaded,
    LoadFailed,
    LoadFinished,
    SourcesSettled,
)

Post = Callable[[Message], object]
Cancelled = Callable[[], bool]
LOAD_BATCH = 250
FIRST_BATCH = 48  # below parallel.MIN_PARALLEL: analysed in-process, shown within a second
BATCH = 512
PROGRESS_SECONDS = 0.2


def load_sources(workspace: Workspace, generation: int, post: Post, cancelled: Cancelled) -> None:
    """Read the sources in two passes: quick rows first, then exactly what ``build`` reads.

    ``Workspace.load()`` also folds near-duplicates, which can take seconds for thousands
    of articles. So the files are first streamed (``Workspace.stream``) and posted batch by
    batch as they are read; then ``Workspace.load()`` runs as the CLI runs it, and its
    result (:class:`SourcesSettled`) replaces the quick one.
    """
    limit = workspace.config.sources.max_articles
    shown, total = 0, 0
    skipped: list[ArticleError] = []
    try:
        for batch, problems in workspace.stream(LOAD_BATCH):
            if cancelled():
                return
            skipped.extend(problems)
            total += len(batch)
            room = batch[: max(0, limit - shown)]
            if room:
                post(ArticlesLoaded(generation, tuple(room)))
                shown += len(room)
    except Exception as exc:  # a config path problem or a core bug: report, don't crash
        post(LoadFailed(generation, str(exc) or type(exc).__name__))
        return
    post(LoadFinished(generation, shown, tuple(skipped), max(0, total - limit)))
    if cancelled():
        return
    try:
        final = workspace.load()
    except Exception as exc:
        post(LoadFailed(generation, str(exc) or type(exc).__name__))
        return
    hidden = sum(len(d) for d in final.duplicates.values())
    post(SourcesSettled(generation, final.articles[:limit], hidden))


class _Progress:
    """Turns the core's per-article progress calls into a few messages a second."""

    def __init__(self, post: Post, generation: int, total: int) -> None:
        self.post, self.generation, self.total = post, generation, total
        self.base = 0
        self.last = 0.0

    def __call__(self, done: int, _of: int) -> None:
        now = time.monotonic()
        if now - self.last >= PROGRESS_SECONDS:
            self.last = now
            self.post(AnalysisProgress(self.generation, self.base + done, self.total))


def analyse_articles(
    cache: AnalysisCache,
    articles: Sequence[Article],
    generation: int,
    post: Post,
    cancelled: Cancelled,
) -> None:
    """Analyse in the given order, in batches; post each batch's analyses and the progress.

    The first batch is small (what the analyst sees first, analysed in-process); later ones
    are big enough for ``Workspace.analyse_all`` to spread them over every core.
    """
    total = len(articles)
    progress = _Progress(post, generation, total)
    start, size = 0, FIRST_BATCH
    while start < total:
        if cancelled():
            return
        batch = articles[start : start + size]
        progress.base = start
        ready = cache.analyse_many(batch, progress)
        start += len(batch)
        size = BATCH
        post(AnalysesReady(generation, tuple(ready), start, total))
    if not total:
        post(AnalysesReady(generation, (), 0, 0))


def memo_text(
    workspace: Workspace,
    cache: AnalysisCache,
    articles: Sequence[Article],
    *,
    title: str | None,
    template: str | None,
    curation: Curation | None = None,
) -> str:
    """Render the memo for ``articles`` in memo order (articles the core failed on are left out).

    Raises BriefingError (e.g. a broken template) for the caller to show.
    """
    analyses = cache.analyse_many(articles)
    return render_memo(workspace, analyses, title=title, template=template, curation=curation)
