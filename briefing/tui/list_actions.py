"""The article list: filtering, sorting, selecting and ordering the memo's articles."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events, on
from textual.widgets import DataTable, Input

from ..models import Article
from .article_table import SORT_COLUMNS, ArticleTable
from .base import WorkbenchBase
from .filters import matches, parse_query
from .sorting import next_sort, sort_articles

FILTER_DELAY = 0.25
NARROW = 110  # columns below which the preview goes under the list


class ListMixin(WorkbenchBase):
    """Keys and clicks on the list and the filter bar; every change is saved."""

    def _passes(self, article: Article) -> bool:
        return matches(
            self.filter_query,
            article,
            self.countries.get(article.id, ()),
            self._haystacks.get(article.id),
        )

    def refill(self) -> None:
        """Re-filter and re-sort every row, keeping the highlighted article if still shown."""
        self._refilter_timer = None
        keep = self.table.current_id
        rows = [a for a in self.articles if self._passes(a)]
        self.shown_articles = sort_articles(
            rows, self.sort_mode, reverse=self.sort_reverse, memo_number=self.selection.number
        )
        self.table.sort_marks = self._sort_marks()
        self.table.build_columns()
        self.table.fill(self.shown_articles, self.cells, keep=keep)
        if not self.shown_articles and self.articles:
            self.preview.show_nothing("No article matches the filter.")
        self.update_status()

    def on_resize(self, event: events.Resize) -> None:
        """Stack list and preview on narrow terminals (the table then asks for a refit)."""
        self.screen_stack[0].set_class(event.size.width < NARROW, "-narrow")

    @on(ArticleTable.Refit)
    def _refit(self) -> None:
        self.refill()

    @on(DataTable.RowHighlighted, "#articles")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value is not None:
            self.show_preview(event.row_key.value)

    @on(DataTable.HeaderSelected, "#articles")
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        mode = SORT_COLUMNS.get(str(event.column_key.value))
        if mode is None:
            return
        self.sort_reverse = not self.sort_reverse if mode == self.sort_mode else False
        self.sort_mode = mode
        self.refill()
        self.save_session()

    @on(ArticleTable.ToggleClicked)
    def _toggle_clicked(self, event: ArticleTable.ToggleClicked) -> None:
        selected = self.selection.toggle(event.article_id)
        touched = [event.article_id] if selected else [event.article_id, *self.selection.ids]
        self.selection_changed(touched)

    def _mark_rows(self, ids: Iterable[str]) -> None:
        for article_id in ids:
            article = self.by_id.get(article_id)
            if article is not None:
                mark, number, *_ = self.cells(article)
                self.table.set_cell(article_id, "mark", mark)
                self.table.set_cell(article_id, "number", number)

    def selection_changed(self, touched: list[str]) -> None:
        """Redraw marks and numbers, save the session, refresh the memo."""
        self._mark_rows(touched)
        if self.sort_mode == "memo":
            self.refill()
        self.save_session()
        self.update_status()
        self.refresh_memo()

    @on(Input.Changed, "#filter")
    def _filter_typed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self._schedule("_filter_timer", FILTER_DELAY, self.apply_filter)

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.query_text = event.value
        self.apply_filter()
        self.table.focus()

    def apply_filter(self) -> None:
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        self.filter_query = parse_query(self.query_text)
        self.query_one("#filter", Input).set_class(bool(self.filter_query.problems), "-problem")
        self.refill()
        self.save_session()

    def action_leave_filter(self) -> None:
        if self.focused is self.query_one("#filter", Input):
            self.apply_filter()
            self.table.focus()

    def action_select(self) -> None:
        article_id = self.table.current_id
        if article_id is None:
            return
        selected = self.selection.toggle(article_id)
        touched = [article_id] if selected else [article_id, *self.selection.ids]
        self.selection_changed(touched)

    def action_select_all(self) -> None:
        ids = [a.id for a in self.shown_articles]
        if ids and all(i in self.selection for i in ids):
            self.selection.remove(ids)
            self.selection_changed([*ids, *self.selection.ids])
            self.notify(f"Deselected {len(ids)} article(s)")
        else:
            added = self.selection.add(ids)
            self.selection_changed(added)
            self.notify(f"Selected {len(added)} article(s); {len(self.selection)} in the memo")

    def _move(self, delta: int) -> None:
        article_id = self.table.current_id
        if article_id is None or article_id not in self.selection:
            self.notify("Select the article first (space), then move it.", severity="warning")
            return
        before = self.selection.number(article_id)
        if self.selection.move(article_id, delta) and before is not None:
            other = self.selection.ids[before - 1]
            self.selection_changed([article_id, other])  # in memo order the row moves too

    def action_move_down(self) -> None:
        self._move(+1)

    def action_move_up(self) -> None:
        self._move(-1)

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_sort(self) -> None:
        self.sort_mode = next_sort(self.sort_mode)
        self.sort_reverse = False
        self.refill()
        self.save_session()
