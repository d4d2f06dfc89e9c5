"""The article list: a DataTable whose row keys are article ids and whose cells are ``Text``.

DataTable parses *string* cells as markup, so every cell is a ``rich.text.Text``: a title
like ``[bold]`` is shown as typed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widgets import DataTable

from ..models import Article

COLUMNS = (
    ("mark", "✓", 1),
    ("number", "#", 3),
    ("title", "Title", 0),
    ("outlet", "Outlet", 10),
    ("date", "Date", 10),
    ("countries", "Countries", 12),
)
SORT_COLUMNS = {
    "number": "memo",
    "mark": "memo",
    "title": "title",
    "outlet": "outlet",
    "date": "date",
}
MIN_TITLE = 16
CHUNK = 400

Cells = Callable[[Article], tuple[Text, ...]]


def _fixed_width() -> int:
    return sum(w for _, _, w in COLUMNS) + 2 * len(COLUMNS)


class ArticleTable(DataTable[Text]):
    """Rows of articles; the app decides which rows and how each cell looks.

    A click in the ✓ or # column asks for the row to be (de)selected.
    """

    class ToggleClicked(Message):
        """The mark column of ``article_id`` was clicked."""

        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    class Refit(Message):
        """The table's width changed: its columns (and so its rows) need rebuilding."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.title_width = 0
        self.sort_marks: dict[str, str] = {}
        self._pending: list[Article] = []
        self._cells: Cells = lambda _a: ()
        self._keep: str | None = None

    @property
    def loading_rows(self) -> bool:
        """True while rows from the last fill are still being added."""
        return bool(self._pending)

    def wanted_title_width(self) -> int:
        """Title takes what the other columns leave (the table has no horizontal scroll)."""
        return max(MIN_TITLE, self.size.width - _fixed_width() - 2)

    def build_columns(self) -> None:
        self.clear(columns=True)
        self.title_width = self.wanted_title_width()
        for key, label, width in COLUMNS:
            text = Text(label + self.sort_marks.get(key, ""))
            self.add_column(text, width=width or self.title_width, key=key)

    def fill(self, articles: Iterable[Article], cells: Cells, *, keep: str | None = None) -> None:
        """Replace all rows, keeping the cursor on article ``keep`` when it is still shown.

        Rows go in by chunks between refreshes: DataTable measures every new cell, and 5,000
        rows at once would freeze the screen for most of a second.
        """
        self.clear()
        self._pending = list(articles)
        self._cells = cells
        self._keep = keep
        self._drain()

    def add(self, articles: Iterable[Article], cells: Cells) -> None:
        """Append rows (after any still waiting from :meth:`fill`)."""
        self._pending.extend(articles)
        self._cells = cells
        self._drain()

    def _drain(self) -> None:
        chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
        for article in chunk:
            self.add_row(*self._cells(article), key=article.id)
        keep = self._keep
        if keep is not None and keep in self.rows:
            self._keep = None
            self.move_cursor(row=self.get_row_index(keep), animate=False)
        if self._pending and chunk:
            self.call_after_refresh(self._drain)
        elif not self._pending:
            self._keep = None

    def on_resize(self, event: events.Resize) -> None:
        if self.title_width and self.title_width != self.wanted_title_width():
            self.post_message(self.Refit())

    def on_click(self, event: events.Click) -> None:
        meta = event.style.meta
        row, column = meta.get("row", -1), meta.get("column", -1)
        if isinstance(row, int) and row >= 0 and column in (0, 1):
            key = self.ordered_rows[row].key.value
            if key is not None:
                self.post_message(self.ToggleClicked(key))

    def drop_row(self, article_id: str) -> None:
        """Remove a row, whether it is shown already or still waiting to be added."""
        if article_id in self.rows:
            self.remove_row(article_id)
        else:
            self._pending = [a for a in self._pending if a.id != article_id]

    def set_cell(self, article_id: str, column: str, value: Text) -> None:
        if article_id in self.rows:
            self.update_cell(article_id, column, value)

    @property
    def current_id(self) -> str | None:
        """The id of the highlighted row, if any."""
        if not self.row_count:
            return None
        try:
            key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        except Exception:  # cursor outside the rows during a refill
            return None
        return key.value
