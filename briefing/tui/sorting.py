"""Orders for the article list (no Textual here): file order, date, title, outlet, memo."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..models import Article

SORTS = ("file", "date", "title", "outlet", "memo")
LABELS = {
    "file": "file order",
    "date": "date",
    "title": "title",
    "outlet": "outlet",
    "memo": "memo order",
}


def next_sort(current: str) -> str:
    index = SORTS.index(current) if current in SORTS else 0
    return SORTS[(index + 1) % len(SORTS)]


def sort_articles(
    articles: Sequence[Article],
    mode: str,
    *,
    reverse: bool = False,
    memo_number: Callable[[str], int | None] = lambda _id: None,
) -> list[Article]:
    """A sorted copy; ``date`` is newest first, ``memo`` puts the selection first in order."""
    rows = list(articles)
    if mode == "date":
        rows.sort(key=lambda a: a.published, reverse=not reverse)
        return rows
    if mode == "title":
        rows.sort(key=lambda a: a.title.casefold())
    elif mode == "outlet":
        rows.sort(key=lambda a: (a.outlet.casefold() or "\uffff", a.published))
    elif mode == "memo":
        big = len(rows) + 1
        rows.sort(key=lambda a: memo_number(a.id) or big)
    if reverse:
        rows.reverse()
    return rows
