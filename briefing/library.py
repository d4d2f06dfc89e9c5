"""The workspace's article library: ``<root>/.briefing/library.sqlite3``.

It remembers what makes a workspace of thousands of articles fast to rebuild: analyses,
keyed by a hash of the article, the analysis settings and the analysing code (so a code
change can never serve a stale analysis); files as read and cleaned, keyed by path, size
and mtime; the near-duplicate groups of the last load; and the listing of the workspace's
articles with an FTS5 index behind ``briefing list QUERY`` and the TUI filter.

It is only a cache: when the file is missing, corrupt or from another schema it is
rebuilt without a word, and when it cannot be written at all the tool runs without it.
Every cached file and analysis carries a checksum of its data: a row damaged on disk in a
way SQLite cannot see (a flipped bit that still passes ``integrity_check``) is dropped with
a warning and the file read, or the article analysed, again, never quoted wrongly.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import sqlite3
import weakref
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from .codec import decoder, encode
from .errors import ArticleError
from .ingest import Prepared
from .models import Analysis, Article
from .version import code_version

FOLDER = ".briefing"
FILENAME = "library.sqlite3"
SCHEMA = 3
MAX_ANALYSES = 50_000  # oldest-written analyses beyond this are dropped (about 250 MB)
_SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS analyses (
    key TEXT PRIMARY KEY, version TEXT NOT NULL, data TEXT NOT NULL, sum TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, ord INTEGER NOT NULL, hash TEXT NOT NULL, path TEXT NOT NULL,
    title TEXT NOT NULL, outlet TEXT NOT NULL, published TEXT NOT NULL, url TEXT NOT NULL,
    countries TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS parsed (
    name TEXT PRIMARY KEY, stamp TEXT NOT NULL, data TEXT NOT NULL, sum TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS derived (
    name TEXT PRIMARY KEY, digest TEXT NOT NULL, data TEXT NOT NULL, sum TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    id UNINDEXED, title, outlet, text, tokenize = 'unicode61 remove_diacritics 2');
"""
_log = logging.getLogger(__name__)


def library_path(root: Path) -> Path:
    return root / FOLDER / FILENAME


# Weak: a digest is remembered while its article is alive, and never keeps one alive.
_HASHES: weakref.WeakKeyDictionary[Article, str] = weakref.WeakKeyDictionary()


def article_hash(article: Article) -> str:
    """A digest of everything an analysis depends on in the article itself.

    Fields are fed to the hash one by one (text as UTF-8, anything else by ``repr``), which is
    several times cheaper than serialising the article: a warm load hashes every article.
    """
    found = _HASHES.get(article)
    if found is None:
        found = _HASHES[article] = _article_hash(article)
    return found


def remember_hash(article: Article, digest: str) -> None:
    """Take ``digest`` as the :func:`article_hash` of ``article`` (an equal copy of an article
    hashed before, e.g. read back from a spill), instead of hashing its text again."""
    _HASHES[article] = digest


def _article_hash(article: Article) -> str:
    digest = hashlib.sha256()
    for f in fields(article):
        value = getattr(article, f.name)
        digest.update(
            value.encode("utf-8", "surrogatepass")
            if isinstance(value, str)
            else repr(value).encode("utf-8", "surrogatepass")
        )
        digest.update(b"\x00")
    return digest.hexdigest()


def checksum(data: str) -> str:
    """A digest of one cached row's data, checked on every read."""
    return hashlib.blake2b(data.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def analysis_key(article: Article, settings: str) -> str:
    """Cache key: the article, the analysis settings (actors, lengths) and the code."""
    text = f"{code_version()}\0{settings}\0{article_hash(article)}"
    return hashlib.sha256(text.encode()).hexdigest()


def country_rows(analyses: Iterable[Analysis]) -> list[tuple[str, str, str]]:
    """``(" CODE CODE ", article id, article hash)``: the countries with statements in each
    article, as the listing keeps them for ``briefing list --country``."""
    rows = []
    for a in analyses:
        codes = sorted({s.country for s in a.statements if s.country})
        listed = f" {' '.join(codes)} " if codes else ""
        rows.append((listed, a.article.id, article_hash(a.article)))
    return rows


class Library:
    """One open connection to a workspace's library; every method fails soft."""

    def __init__(self, path: Path | None, conn: sqlite3.Connection | None) -> None:
        self.path = path
        self.conn = conn
        self._parsed: list[tuple[str, str, str, str]] = []

    # -- opening ---------------------------------------------------------------------

    @classmethod
    def open(cls, root: Path, *, create: bool = True) -> Library:
        """The library of ``root``; rebuilt if unreadable; a no-op library if impossible."""
        path = library_path(root)
        if not create and not path.exists():
            return cls(None, None)
        for attempt in range(2):
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(path, timeout=5, isolation_level=None)
                conn.execute("PRAGMA synchronous = NORMAL")  # a cache: speed over durability
                try:
                    _prepare(conn)
                except BaseException:
                    conn.close()
                    raise
                return cls(path, conn)
            except sqlite3.OperationalError as exc:
                if "locked" in str(exc) or "readonly" in str(exc) or attempt:
                    return cls(None, None)
                _remove(path)  # e.g. "no such module: fts5" after a downgrade: start over
            except sqlite3.DatabaseError:
                if attempt:
                    return cls(None, None)
                _remove(path)
            except OSError:
                return cls(None, None)
        return cls(None, None)

    def close(self) -> None:
        self.flush()
        if self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self.conn.close()
            self.conn = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def enabled(self) -> bool:
        return self.conn is not None

    @contextlib.contextmanager
    def _guard(self) -> Iterator[sqlite3.Connection]:
        """Run a block on the connection; corruption found mid-way deletes the file."""
        if self.conn is None:
            raise _Unavailable
        try:
            yield self.conn
        except (sqlite3.OperationalError, sqlite3.IntegrityError, sqlite3.ProgrammingError):
            # Busy, locked, or another process won a race: not corruption, keep the file.
            self._rollback()
            raise _Unavailable from None
        except sqlite3.DatabaseError:
            self._rollback()
            self.close()
            if self.path is not None:
                _remove(self.path)
            raise _Unavailable from None

    def _rollback(self) -> None:
        if self.conn is not None and self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    # -- files read before (see ingest.ParseCache) ----------------------------------------

    def get_parsed(self, name: str, stamp: str) -> Prepared | None:
        """The file ``name`` as read last time, if it has not changed since."""
        stored = self._checked("parsed", "stamp", name, stamp)
        if stored is None:
            return None
        try:
            entries, problems = stored
            article = decoder(Article)
            return Prepared(
                tuple((stem, article(a)) for stem, a in entries),
                tuple(ArticleError(path, problem) for path, problem in problems),
            )
        except (ValueError, TypeError):
            return None

    def put_parsed(self, name: str, stamp: str, prepared: Prepared) -> None:
        """Remember a file as read (written in one transaction by :meth:`flush`)."""
        data = [
            [[stem, encode(a)] for stem, a in prepared.entries],
            [[p.path, p.problem] for p in prepared.problems],
        ]
        text = json.dumps(data, ensure_ascii=False)
        self._parsed.append((name, stamp, text, checksum(text)))
        if len(self._parsed) >= 1000:
            self.flush()

    def flush(self) -> None:
        rows, self._parsed = self._parsed, []
        if not rows:
            return
        with contextlib.suppress(_Unavailable), self._guard() as conn:
            conn.execute("BEGIN")
            conn.executemany("INSERT OR REPLACE INTO parsed VALUES (?, ?, ?, ?)", rows)
            conn.execute("COMMIT")

    # -- small named values ----------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        try:
            with self._guard() as conn:
                row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        except _Unavailable:
            return None
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        with contextlib.suppress(_Unavailable), self._guard() as conn:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    # -- results over a whole set of analyses (see briefing.derived) -----------------------

    def get_derived(self, name: str, digest: str) -> Any | None:
        """The JSON stored as ``name`` when it was made from ``digest``; else None."""
        return self._checked("derived", "digest", name, digest)

    def _checked(self, table: str, version: str, name: str, value: str) -> Any | None:
        """The JSON of ``table``'s row ``name`` whose ``version`` column is ``value``; None
        when there is none, and a row that fails its checksum is dropped (made again)."""
        try:
            with self._guard() as conn:
                row = conn.execute(
                    f"SELECT data, sum FROM {table} WHERE name = ? AND {version} = ?",
                    (name, value),
                ).fetchone()
        except _Unavailable:
            return None
        if row is None:
            return None
        if checksum(row[0]) != row[1]:
            self._drop(table, "name", [name])
            _log.warning("%s: the kept %s row %s does not match its checksum; made again",
                         self.path, table, name)
            return None
        try:
            return json.loads(row[0])
        except ValueError:
            return None

    def put_derived(self, name: str, digest: str, data: Any) -> None:
        """Keep ``data`` as ``name`` (one row per name: the last set built replaces it)."""
        text = json.dumps(data, ensure_ascii=False)
        with contextlib.suppress(_Unavailable), self._guard() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO derived VALUES (?, ?, ?, ?)",
                (name, digest, text, checksum(text)),
            )

    # -- analyses --------------------------------------------------------------------

    def get_analyses(self, keys: Sequence[str]) -> dict[str, Analysis]:
        """Cached analyses for those of ``keys`` the library has."""
        found: dict[str, Analysis] = {}
        damaged: list[str] = []
        decode = decoder(Analysis)
        try:
            with self._guard() as conn:
                for chunk in _chunks(list(dict.fromkeys(keys)), 500):
                    marks = ",".join("?" * len(chunk))
                    rows = conn.execute(
                        f"SELECT key, data, sum FROM analyses WHERE key IN ({marks})", chunk
                    )
                    for key, data, digest in rows:
                        if checksum(data) != digest:
                            damaged.append(key)
                            continue
                        with contextlib.suppress(ValueError, TypeError, IndexError):
                            found[key] = decode(json.loads(data))
        except _Unavailable:
            return {}
        if damaged:
            self._drop("analyses", "key", damaged)
            _log.warning(
                "%s: %d cached analyses do not match their checksum; analysing again",
                self.path,
                len(damaged),
            )
        return found

    def _drop(self, table: str, column: str, values: list[str]) -> None:
        """Delete damaged rows so that they are written afresh."""
        with contextlib.suppress(_Unavailable), self._guard() as conn:
            for chunk in _chunks(values, 500):
                marks = ",".join("?" * len(chunk))
                conn.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)

    def put_analyses(self, items: Iterable[tuple[str, Analysis]]) -> None:
        version = code_version()

        def rows() -> Iterator[tuple[str, str, str, str]]:
            # Serialised one at a time as SQLite asks: thousands of analyses are never
            # held twice over (objects and JSON) in memory.
            for key, analysis in items:
                text = json.dumps(encode(analysis), ensure_ascii=False)
                yield key, version, text, checksum(text)

        with contextlib.suppress(_Unavailable), self._guard() as conn:
            conn.execute("BEGIN")
            conn.executemany("INSERT OR REPLACE INTO analyses VALUES (?, ?, ?, ?)", rows())
            conn.execute(
                "DELETE FROM analyses WHERE rowid <= (SELECT max(rowid) FROM analyses) - ?",
                (MAX_ANALYSES,),
            )
            conn.execute("COMMIT")

    # -- the listing -------------------------------------------------------------------

    def listing_sync(self) -> ListingSync:
        """A writer that makes the listing exactly the articles given to it, in that order."""
        return ListingSync(self)

    def set_countries(self, analyses: Iterable[Analysis]) -> None:
        """Record which countries have statements in each listed article (for --country)."""
        self.put_countries(country_rows(analyses))

    def put_countries(self, rows: Sequence[tuple[str, str, str]]) -> None:
        """Write :func:`country_rows` into the listing (rows of other versions are left)."""
        with contextlib.suppress(_Unavailable), self._guard() as conn:
            conn.execute("BEGIN")
            conn.executemany(
                "UPDATE articles SET countries = ? WHERE id = ? AND hash = ? AND countries != ?",
                [(c, i, h, c) for c, i, h in rows],
            )
            conn.execute("COMMIT")

    def search(self, query: str = "", country: str | None = None) -> list[str]:
        """Ids of listed articles matching every word of ``query`` (prefixes), best first."""
        return [r["id"] for r in self.records(query, country)]

    def records(self, query: str = "", country: str | None = None) -> Iterator[dict[str, Any]]:
        """Metadata of the listed articles matching ``query`` and ``country``, best first.

        Rows are read as they are wanted: listing 100,000 articles holds one at a time.
        """
        match = fts_query(query)
        where, params = "", []
        if country:
            where, params = " AND a.countries LIKE ?", [f"% {country.strip().upper()} %"]
        columns = ", ".join(f"a.{k}" for k in _RECORD)
        if match:
            sql = (
                f"SELECT {columns} FROM articles_fts f JOIN articles a ON a.id = f.id"
                f" WHERE articles_fts MATCH ?{where} ORDER BY f.rank, a.ord"
            )
            params = [match, *params]
        else:
            sql = f"SELECT {columns} FROM articles a WHERE 1{where} ORDER BY a.ord"
        try:
            with self._guard() as conn:
                for row in conn.execute(sql, params):
                    record = dict(zip(_RECORD, row, strict=True))
                    record["countries"] = record["countries"].split()
                    yield record
        except _Unavailable:
            return

    def listing(self, ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Listed articles' metadata (all, in order, or those of ``ids`` in that order)."""
        records = {r["id"]: r for r in self.records()}
        chosen = ids if ids is not None else list(records)
        return [records[i] for i in chosen if i in records]


class ListingSync:
    """Makes the listing (and its search index) exactly the articles added, in that order.

    Articles come one at a time as the loader passes them on, in one transaction: the
    listing of 100,000 files is never collected in memory. Which rows are still wanted is
    kept in a temporary table, not a Python set. Fails soft like the rest of the library:
    once the library cannot be written, the remaining articles are ignored.
    """

    def __init__(self, library: Library) -> None:
        self._library = library
        self._on = library.enabled
        self._count = 0
        self._changed = False
        self._fts_top = 0

    def __enter__(self) -> ListingSync:
        self._run(self._begin)
        return self

    def __exit__(self, kind: object, *exc: object) -> None:
        if kind is None:
            self._run(self._finish)
        else:
            self._library._rollback()

    def _run(self, work: Callable[[sqlite3.Connection], None]) -> None:
        if not self._on:
            return
        try:
            with self._library._guard() as conn:
                work(conn)
        except _Unavailable:
            self._on = False

    def _begin(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS listed (id TEXT PRIMARY KEY, kept INTEGER NOT NULL)"
            " WITHOUT ROWID"
        )
        conn.execute("DELETE FROM temp.listed")
        top = conn.execute("SELECT rowid FROM articles_fts ORDER BY rowid DESC LIMIT 1")
        row = top.fetchone()
        self._fts_top = int(row[0]) if row else 0

    def add(self, article: Article, digest: str) -> None:
        """The next article of the listing, with its :func:`article_hash`."""
        order = self._count
        self._count += 1

        def put(conn: sqlite3.Connection) -> None:
            a = article
            row = conn.execute("SELECT ord, hash FROM articles WHERE id = ?", (a.id,)).fetchone()
            if row is not None and row[1] == digest:
                if row[0] != order:
                    conn.execute("UPDATE articles SET ord = ? WHERE id = ?", (order, a.id))
                    self._changed = True
                conn.execute("INSERT INTO temp.listed VALUES (?, 1)", (a.id,))
                return
            self._changed = True
            if row is not None:  # changed since: its old search row goes at the end
                conn.execute("DELETE FROM articles WHERE id = ?", (a.id,))
            conn.execute(
                "INSERT INTO articles (id, ord, hash, path, title, outlet, published, url)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (a.id, order, digest, a.path, a.title, a.outlet, a.published, a.url),
            )
            conn.execute(
                "INSERT INTO articles_fts (id, title, outlet, text) VALUES (?, ?, ?, ?)",
                (a.id, a.title, a.outlet, a.text),
            )
            conn.execute("INSERT INTO temp.listed VALUES (?, 0)", (a.id,))

        self._run(put)

    def _finish(self, conn: sqlite3.Connection) -> None:
        (total,) = conn.execute("SELECT count(*) FROM articles").fetchone()
        if self._changed or total != self._count:
            # Rows of articles gone, and search rows older than this run of articles changed.
            conn.execute("DELETE FROM articles WHERE id NOT IN (SELECT id FROM temp.listed)")
            conn.execute(
                "DELETE FROM articles_fts WHERE rowid <= ?"
                " AND id NOT IN (SELECT id FROM temp.listed WHERE kept)",
                (self._fts_top,),
            )
        conn.execute("DELETE FROM temp.listed")
        conn.execute("COMMIT")


_RECORD = ("id", "path", "title", "outlet", "published", "url", "countries")


class _Unavailable(Exception):
    """The library cannot be used right now (locked, read-only, or just rebuilt)."""


def _prepare(conn: sqlite3.Connection) -> None:
    """Check the file is ours and current; create the schema, or start over if stale.

    An up-to-date library is only read here: opening it for a search writes nothing.
    """
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    version = code_version()
    if "meta" in tables:
        meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('schema', 'code')"))
        if meta.get("schema") != str(SCHEMA):
            raise sqlite3.DatabaseError("library from another schema")
        if meta.get("code") == version and "derived" in tables:
            return  # (a library written before the derived table existed gets it below)
    elif tables:
        raise sqlite3.DatabaseError("not a briefing library")
    conn.execute("PRAGMA journal_mode = WAL")  # readers never wait for a writing build
    conn.executescript(_SCHEMA_SQL)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
    # Analyses made by other code are never served again: drop them once.
    conn.execute("DELETE FROM analyses WHERE version != ?", (version,))
    conn.execute("DELETE FROM derived")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('code', ?)", (version,))


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            Path(f"{path}{suffix}").unlink()


def _chunks(items: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(text: str) -> str:
    """A safe FTS5 query: every word of ``text`` must start a word of the article."""
    return " ".join(f'"{t}"*' for t in _TOKEN.findall(text))


def search(root: Path, query: str = "", country: str | None = None) -> list[str]:
    """Article ids of the workspace at ``root`` matching ``query`` (and ``country``)."""
    with Library.open(root, create=False) as library:
        return library.search(query, country)
