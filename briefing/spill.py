"""Articles parked on disk while a large workspace is loaded.

Folding near-duplicates needs every article seen before any can be passed on (the first of
a group may be followed by its copy 90,000 files later), and keeping 100,000 articles in
memory meanwhile made memory grow by kilobytes per file. They wait here instead: a private
SQLite database that lives in memory while small and moves to a temporary file as it
grows, deleted when closed. Loading holds only compact per-article fingerprints.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator

from .errors import BriefingError
from .models import Article

_BATCH = 500
_COLUMNS = "id, path, title, text, outlet, published, url"


class Spill:
    """Articles numbered from 0 in the order added, read back by number or in order."""

    def __init__(self) -> None:
        # "" is SQLite's private temporary database: in memory, spilled to a file when big.
        self._conn = sqlite3.connect("", isolation_level=None)
        self._conn.execute(
            "CREATE TABLE spill (n INTEGER PRIMARY KEY, id, path, title, text, outlet,"
            " published, url, hash)"
        )
        self._pending: list[tuple[object, ...]] = []
        self._count = 0

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __len__(self) -> int:
        return self._count

    def add(self, article: Article, digest: str) -> int:
        """Park ``article`` as read (no ``also_in`` yet) with its hash; returns its number."""
        fields = (article.id, article.path, article.title, article.text, article.outlet,
                  article.published, article.url)  # fmt: skip
        self._pending.append((self._count, *map(_bytes, fields), digest))
        self._count += 1
        if len(self._pending) >= _BATCH:
            self._flush()
        return self._count - 1

    def _flush(self) -> None:
        rows, self._pending = self._pending, []
        if rows:
            try:
                self._conn.execute("BEGIN")
                self._conn.executemany(f"INSERT INTO spill VALUES ({','.join('?' * 9)})", rows)
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:  # no room, or no writable temporary folder
                raise BriefingError(
                    f"cannot park the articles read in a temporary file ({exc});"
                    " free some space or set TMPDIR to a writable folder"
                ) from None

    def text(self, n: int) -> str:
        """The text of article ``n`` alone (what near-duplicate checks read)."""
        self._flush()
        row = self._conn.execute("SELECT text FROM spill WHERE n = ?", (n,)).fetchone()
        return _str(row[0])

    def get(self, n: int) -> Article:
        self._flush()
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM spill WHERE n = ?", (n,)).fetchone()
        return self._article(row)

    def __iter__(self) -> Iterator[tuple[int, Article, str]]:
        """``(number, article, hash)`` in order, read in batches."""
        self._flush()
        last = -1
        while True:
            rows = self._conn.execute(
                f"SELECT n, {_COLUMNS}, hash FROM spill WHERE n > ? ORDER BY n LIMIT ?",
                (last, _BATCH),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield row[0], self._article(row[1:-1]), row[-1]
            last = rows[-1][0]

    @staticmethod
    def _article(row: tuple[bytes, ...]) -> Article:
        id_, path, title, text, outlet, published, url = map(_str, row)
        return Article(id_, path, title, text, outlet, published, url)


# Kept as bytes: a text with a lone surrogate (from a hostile file) must park like any other.
def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _str(data: bytes) -> str:
    return data.decode("utf-8", "surrogatepass")
