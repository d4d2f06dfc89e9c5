"""The analyst's pick: which articles go in the memo, and in which order (no Textual here)."""

from __future__ import annotations

from collections.abc import Collection, Iterable


class Selection:
    """An ordered set of article ids; the order is the memo order."""

    def __init__(self, ids: Iterable[str] = ()) -> None:
        self._ids: list[str] = list(dict.fromkeys(ids))
        self._index: dict[str, int] = {}
        self._reindex()

    def _reindex(self) -> None:
        self._index = {article_id: n for n, article_id in enumerate(self._ids)}

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._index

    def number(self, article_id: str) -> int | None:
        """1-based memo position, or None when not selected."""
        index = self._index.get(article_id)
        return None if index is None else index + 1

    def toggle(self, article_id: str) -> bool:
        """Select or deselect; returns True when the article is now selected."""
        if article_id in self._index:
            self._ids.remove(article_id)
            self._reindex()
            return False
        self._ids.append(article_id)
        self._index[article_id] = len(self._ids) - 1
        return True

    def add(self, ids: Iterable[str]) -> list[str]:
        """Append the ids not yet selected (in the given order); returns those added."""
        added = [i for i in dict.fromkeys(ids) if i not in self._index]
        self._ids.extend(added)
        self._reindex()
        return added

    def remove(self, ids: Iterable[str]) -> list[str]:
        """Deselect ``ids`` in one pass (toggling 5,000 one by one would be quadratic)."""
        drop = set(ids)
        gone = [i for i in self._ids if i in drop]
        if gone:
            self._ids = [i for i in self._ids if i not in drop]
            self._reindex()
        return gone

    def clear(self) -> list[str]:
        """Deselect everything; returns what was selected."""
        old, self._ids = self._ids, []
        self._reindex()
        return old

    def move(self, article_id: str, delta: int) -> bool:
        """Move one place up (-1) or down (+1) in memo order; False when it cannot move."""
        index = self._index.get(article_id)
        if index is None:
            return False
        target = index + delta
        if not 0 <= target < len(self._ids):
            return False
        ids = self._ids
        ids[index], ids[target] = ids[target], ids[index]
        self._index[ids[index]] = index
        self._index[ids[target]] = target
        return True

    def retain(self, known: Collection[str]) -> list[str]:
        """Drop ids that are not in ``known`` (articles gone from the sources); returns them."""
        gone = [i for i in self._ids if i not in known]
        if gone:
            self._ids = [i for i in self._ids if i in known]
            self._reindex()
        return gone
