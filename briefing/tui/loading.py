"""Reading and analysing the sources in thread workers, and showing what is ready.

Rows appear as each chunk of files is read; the countries column fills in as analyses
arrive; the progress bar follows the analysis. A reload bumps ``generation`` so that
messages from an older run are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual import work
from textual.worker import get_current_worker

from ..models import Article, Statement
from .base import WorkbenchBase
from .filters import haystack
from .messages import (
    AnalysesReady,
    AnalysisProgress,
    ArticlesLoaded,
    LoadFailed,
    LoadFinished,
    SourcesSettled,
)
from .workers import analyse_articles, load_sources

REFILTER_DELAY = 1.0


class LoadingMixin(WorkbenchBase):
    """Load → rows, analyse → countries column and progress bar."""

    def reload_sources(self) -> None:
        """(Re)read the sources in a worker; rows appear batch by batch."""
        self.generation += 1
        self.workers.cancel_group(self, "analyse")
        self.loading = True
        self.loaded = False
        self.articles, self.by_id, self.shown_articles = [], {}, []
        self._haystacks, self.countries = {}, {}
        self.table.fill([], self.cells)
        self.status.progress(0, None)
        self.update_status()
        self._load(self.generation)

    @work(thread=True, group="load", exclusive=True, exit_on_error=False)
    def _load(self, generation: int) -> None:
        worker = get_current_worker()
        load_sources(self.workspace, generation, self.post_message, lambda: worker.is_cancelled)

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        if message.generation != self.generation:
            return
        fresh = [a for a in self._add_articles(message.articles) if self._passes(a)]
        self.shown_articles.extend(fresh)
        self.table.add(fresh, self.cells)
        self.update_status()

    def _add_articles(self, articles: Iterable[Article]) -> list[Article]:
        """Index new articles (text for the filter, countries from cached analyses)."""
        added = []
        for article in articles:
            self.articles.append(article)
            self.by_id[article.id] = article
            self._haystacks[article.id] = haystack(article)
            analysis = self.cache.get(article)
            if analysis is not None:
                self.countries[article.id] = _countries(analysis.statements)
            added.append(article)
        return added

    def _drop_unlisted(self, why: str, title: str) -> bool:
        """Unselect articles the list no longer has, and say which; True if any went."""
        gone = self.selection.retain(self.by_id)
        if gone:
            self.notify(
                f"{len(gone)} selected article(s) {why}: " + ", ".join(gone[:5]),
                title=title,
                severity="warning",
            )
        return bool(gone)

    def on_load_finished(self, message: LoadFinished) -> None:
        if message.generation != self.generation:
            return
        self.loading = False
        self.loaded = True
        self.settling = True
        self._drop_unlisted("are no longer in the sources", "Session")
        if message.skipped:
            first = message.skipped[0]
            self.notify(
                f"Skipped {len(message.skipped)} file(s), e.g. {first}",
                title="Sources",
                severity="warning",
            )
        if message.truncated:
            self.notify(
                f"{message.truncated} more articles ignored (sources.max_articles)",
                title="Sources",
                severity="warning",
            )
        if not self.articles:
            self.preview.show_nothing("No articles in the sources: add .md or .txt files.")
        if self.sort_mode != "file" or self.sort_reverse:
            self.refill()
        self.save_session()
        self._start_analysis()
        self.refresh_memo()

    def on_sources_settled(self, message: SourcesSettled) -> None:
        """Swap the quick list for ``Workspace.load()``'s: usually just fewer rows."""
        if message.generation != self.generation:
            return
        self.settling = False
        final = list(message.articles)
        keep = {a.id for a in final}
        if [a for a in self.articles if a.id in keep] == final:
            for article in self.articles:
                if article.id not in keep:
                    self.table.drop_row(article.id)
            self.shown_articles = [a for a in self.shown_articles if a.id in keep]
            self.articles = final
            self.by_id = {a.id: a for a in final}
        else:  # the files changed between the two reads: start the list over
            self.articles, self.by_id = [], {}
            self._add_articles(final)
            self.refill()
        if self._drop_unlisted("were near-duplicates and left the memo", "Sources"):
            self.selection_changed([*self.selection.ids])
        if message.duplicates:
            self.notify(
                f"{message.duplicates} near-duplicate article(s) folded into their first copy",
                title="Sources",
            )
        self.update_status()

    def on_load_failed(self, message: LoadFailed) -> None:
        if message.generation != self.generation:
            return
        self.loading = self.settling = False
        self.notify(message.error, title="Cannot read the sources", severity="error")
        self.preview.show_nothing(message.error)
        self.update_status()

    def _start_analysis(self) -> None:
        """Analyse the selection first, then the rest in list order."""
        selected = self.selected_articles()
        chosen = set(self.selection.ids)
        order = selected + [a for a in self.shown_articles if a.id not in chosen]
        shown = {a.id for a in order}
        order += [a for a in self.articles if a.id not in shown]
        self.analysing = bool(order)
        self._progress = (0, len(order))
        self.status.progress(0, len(order) or 1)
        if not order:
            self.status.progress(1, 1)
        self._analyse(self.generation, order)
        self.update_status()

    @work(thread=True, group="analyse", exclusive=True, exit_on_error=False)
    def _analyse(self, generation: int, articles: list[Article]) -> None:
        worker = get_current_worker()
        analyse_articles(
            self.cache, articles, generation, self.post_message, lambda: worker.is_cancelled
        )

    def on_analysis_progress(self, message: AnalysisProgress) -> None:
        if message.generation == self.generation and self.analysing:
            self._progress = (message.done, message.total)
            self.status.progress(message.done, message.total or 1)
            self.update_status()

    def on_analyses_ready(self, message: AnalysesReady) -> None:
        if message.generation != self.generation:
            return
        current = self.table.current_id
        for analysis in message.analyses:
            article_id = analysis.article.id
            codes = _countries(analysis.statements)
            if self.countries.get(article_id) != codes:
                self.countries[article_id] = codes
                cell = Text(" ".join(codes), no_wrap=True, overflow="ellipsis")
                self.table.set_cell(article_id, "countries", cell)
            if article_id == current:
                self.show_preview(article_id)
        self._progress = (message.done, message.total)
        self.status.progress(message.done, message.total or 1)
        if message.done >= message.total:
            self.analysing = False
            failed = [f for f in map(self.cache.failure, self.articles) if f]
            if failed:
                self.notify(
                    f"{len(failed)} article(s) could not be analysed, e.g. {failed[0]}",
                    severity="warning",
                )
        if self.filter_query.needs_countries and self._refilter_timer is None:
            # A country: filter depends on analyses: re-filter when a row should appear or
            # go, at most once per REFILTER_DELAY (a throttle, so it also runs mid-analysis).
            shown = {a.id for a in self.shown_articles}
            if any(self._passes(a.article) != (a.article.id in shown) for a in message.analyses):
                self._refilter_timer = self.set_timer(REFILTER_DELAY, self.refill)
        self.update_status()


def _countries(statements: Iterable[Statement]) -> tuple[str, ...]:
    """Sorted distinct ISO3 codes of the countries speaking in an analysis."""
    return tuple(sorted({s.country for s in statements if s.country}))
