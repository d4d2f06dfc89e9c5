"""Analyses kept in memory by article, shared by the list, the preview and the memo.

:class:`~briefing.models.Article` is frozen and hashable, so an unchanged article (even after
a reload) is never analysed twice in a session. Bulk work goes through
``Workspace.analyse_all`` (the workspace library's cache, and every core for big batches);
a single article for the preview goes through ``Workspace.analyse`` so it never waits
behind a batch. Failures are remembered, so a bad article fails once, not on every look.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from ..models import Analysis, Article

AnalyseOne = Callable[[Article], Analysis]
AnalyseMany = Callable[[Sequence[Article], Callable[[int, int], None] | None], list[Analysis]]


class AnalysisCache:
    """Memoises analyses; ``many`` defaults to calling ``one`` for each article."""

    def __init__(self, one: AnalyseOne, many: AnalyseMany | None = None) -> None:
        self._one = one
        self._many = many
        self._batch_lock = threading.Lock()  # one bulk run at a time (the library is shared)
        self._done: dict[Article, Analysis] = {}
        self._failed: dict[Article, str] = {}

    def get(self, article: Article) -> Analysis | None:
        return self._done.get(article)

    def failure(self, article: Article) -> str | None:
        return self._failed.get(article)

    def __len__(self) -> int:
        return len(self._done)

    def analyse(self, article: Article) -> Analysis | None:
        """The analysis (computed now if needed), or None if the core raised on it."""
        found = self._done.get(article)
        if found is not None or article in self._failed:
            return found
        try:
            found = self._one(article)
        except Exception as exc:  # a core bug must not kill the workbench
            self._failed[article] = f"{type(exc).__name__}: {exc}"
            return None
        self._done[article] = found
        return found

    def analyse_many(
        self,
        articles: Sequence[Article],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Analysis]:
        """Analyses of ``articles`` in order, leaving out those the core failed on."""
        missing = [
            a for a in dict.fromkeys(articles) if a not in self._done and a not in self._failed
        ]
        if missing:
            with self._batch_lock:
                self._run(missing, progress)
        return [self._done[a] for a in articles if a in self._done]

    def _run(self, missing: list[Article], progress: Callable[[int, int], None] | None) -> None:
        if self._many is not None:
            try:
                results = self._many(missing, progress)
            except Exception:  # one bad article spoils a batch: redo it one by one
                results = []
            if len(results) == len(missing):
                for article, analysis in zip(missing, results, strict=True):
                    self._done[article] = analysis
                return
        for n, article in enumerate(missing, start=1):
            self.analyse(article)
            if progress:
                progress(n, len(missing))
