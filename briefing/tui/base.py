"""State and helpers shared by the workbench's parts (list, loading, memo).

:class:`WorkbenchBase` holds what the app knows (articles, selection, filter, analyses)
and small helpers; the mixins in :mod:`.loading`, :mod:`.list_actions` and
:mod:`.memo_actions` each add one area of behaviour, and :mod:`.app` puts them together.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App
from textual.notifications import SeverityLevel
from textual.timer import Timer

from ..curation import Curation
from ..errors import BriefingError
from ..models import Article
from ..workspace import Workspace
from .article_table import ArticleTable
from .cache import AnalysisCache
from .filters import Query
from .preview import PreviewPane
from .selection import Selection
from .sorting import LABELS
from .state import SessionState, StateSaver, state_path
from .status import StatusBar

MARK = Text("●", style="bold green")
SAVE_DELAY = 0.3


class WorkbenchBase(App[None]):
    """What every part of the workbench may read, plus the hooks the parts provide."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self.workspace = workspace
        self.root: Path = workspace.config.root
        self.cache = AnalysisCache(workspace.analyse, workspace.analyse_all)
        self.articles: list[Article] = []
        self.by_id: dict[str, Article] = {}
        self.shown_articles: list[Article] = []
        self.countries: dict[str, tuple[str, ...]] = {}
        self._haystacks: dict[str, str] = {}
        self.selection = Selection()
        self.query_text = ""
        self.filter_query = Query()
        self.sort_mode = "file"
        self.sort_reverse = False
        self.memo_title: str | None = None
        self.generation = 0
        self.loading = False
        self.analysing = False
        self.loaded = False
        self.settling = False
        self.memo: tuple[tuple[object, ...], str] | None = None
        self.memo_error = ""
        self.state_file = state_path(self.root)
        self.saver = StateSaver(self.state_file)
        self._save_timer: Timer | None = None
        self._memo_pending = False
        self._memo_requested: tuple[object, ...] = ()
        self._filter_timer: Timer | None = None
        self._memo_timer: Timer | None = None
        self._refilter_timer: Timer | None = None
        self._state_error_shown = False
        self._progress = (0, 0)
        self.keymap: dict[str, str] = {}
        self.curation = Curation()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Like App.notify, but literal by default: messages quote ids, paths and errors."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    @property
    def table(self) -> ArticleTable:
        return self.query_one("#articles", ArticleTable)

    @property
    def preview(self) -> PreviewPane:
        return self.query_one("#preview", PreviewPane)

    @property
    def status(self) -> StatusBar:
        return self.query_one("#status", StatusBar)

    @property
    def title_text(self) -> str:
        return self.memo_title or self.workspace.config.memo.title

    @property
    def busy(self) -> bool:
        """True while anything the analyst would see is still on its way (tests wait for it).

        A pending session save does not count: it is flushed on quit and on unmount anyway.
        """
        return (
            self.generation == 0
            or self.loading
            or self.settling
            or self.analysing
            or self.table.loading_rows
            or self._memo_pending
            or self._filter_timer is not None
            or self._refilter_timer is not None
        )

    def selected_articles(self) -> list[Article]:
        return [self.by_id[i] for i in self.selection.ids if i in self.by_id]

    def cells(self, article: Article) -> tuple[Text, ...]:
        number = self.selection.number(article.id)
        return (
            MARK if number else Text(""),
            Text(str(number) if number else "", justify="right"),
            Text(article.title, no_wrap=True, overflow="ellipsis"),
            Text(article.outlet, no_wrap=True, overflow="ellipsis"),
            Text(article.published[:10]),
            Text(" ".join(self.countries.get(article.id, ())), no_wrap=True, overflow="ellipsis"),
        )

    def _sort_marks(self) -> dict[str, str]:
        arrow = " ▲" if self.sort_reverse else " ▼"
        column = {"memo": "number", "title": "title", "outlet": "outlet", "date": "date"}
        key = column.get(self.sort_mode)
        return {key: arrow} if key else {}

    def update_status(self) -> None:
        shown, total = len(self.shown_articles), len(self.articles)
        parts = [f"{shown} shown" if shown == total else f"{shown} of {total} shown"]
        parts.append(f"{len(self.selection)} selected")
        parts.append(f"sorted by {LABELS[self.sort_mode]}")
        if self.loading:
            parts.insert(0, "loading…")
        if self.settling:
            parts.append("folding duplicates…")
        if self.analysing:
            done, all_ = self._progress
            parts.append(f"analysed {done}/{all_}")
        if self.filter_query.problems:
            parts.append("filter: " + "; ".join(self.filter_query.problems))
        self.status.say(" · ".join(parts))

    def _schedule(self, slot: str, delay: float, callback: Callable[[], object]) -> None:
        """Debounce: (re)start the timer kept in attribute ``slot``."""
        timer: Timer | None = getattr(self, slot)
        if timer is not None:
            timer.stop()
        setattr(self, slot, self.set_timer(delay, callback))

    def save_session(self) -> None:
        """Remember the session; it is written by a worker a moment later (and on quit)."""
        state = SessionState(
            selected=self.selection.ids,
            filter=self.query_text,
            title=self.memo_title,
            sort=self.sort_mode,
            curation=self.curation,
        )
        self.saver.submit(state)
        self._schedule("_save_timer", SAVE_DELAY, self._save_soon)

    def _save_soon(self) -> None:
        self._save_timer = None
        self._save_worker()

    @work(thread=True, group="state", exit_on_error=False)
    def _save_worker(self) -> None:
        self.flush_session(from_thread=True)

    def flush_session(self, *, from_thread: bool = False) -> None:
        """Write the session now; a failure is reported once, never raised."""
        try:
            self.saver.flush()
        except (OSError, BriefingError) as exc:
            if not self._state_error_shown:
                self._state_error_shown = True
                message = f"cannot save session: {exc}"
                if from_thread:
                    self.call_from_thread(self.notify, message, title="Session", severity="error")
                else:
                    self.notify(message, title="Session", severity="error")

    # Hooks implemented by the mixins (declared here so each part can call the others).

    def refill(self) -> None:
        raise NotImplementedError

    def refresh_memo(self) -> None:
        raise NotImplementedError

    def show_preview(self, article_id: str) -> None:
        raise NotImplementedError

    def selection_changed(self, touched: list[str]) -> None:
        raise NotImplementedError

    def reload_sources(self) -> None:
        raise NotImplementedError

    def _passes(self, article: Article) -> bool:
        raise NotImplementedError
