"""Read article files from the workspace into :class:`Article` records.

One bad file must never stop a build of many: :func:`load_articles` returns the articles it
could read and an :class:`ArticleError` (file + problem) for each one it skipped. Formats
live in :mod:`briefing.formats`; here every draft gets the same cleaning and a unique id.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import time
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from .clean import clean_article, is_furniture, strip_controls
from .cores import context, cpu_count, forking
from .errors import CONTENT_ERRORS, ArticleError, unreadable
from .formats import SUFFIXES, Draft, Parsed, read_file
from .formats.encoding import decode
from .formats.text import FRONT_MATTER_KEYS, split_front_matter
from .language import english_paragraphs
from .models import Article
from .names import key, shown
from .version import ingest_version

__all__ = [
    "FRONT_MATTER_KEYS",
    "SUFFIXES",
    "LoadResult",
    "ParseCache",
    "Prepared",
    "decode",
    "discover",
    "load_articles",
    "parse_article",
    "parse_file",
    "split_front_matter",
    "unique_id",
]

_TITLE_CHARS = 90
_KEY_CHARS = 48
T = TypeVar("T")


@dataclass(frozen=True)
class LoadResult:
    """Articles read, in the order given, and the files skipped with the reason.

    ``duplicates`` maps the id of an article kept in place of near-duplicates to those
    duplicates (see :mod:`briefing.dedupe`); empty unless the loader collapsed any.
    ``count`` is how many articles were read when ``articles`` holds only the first of them.
    """

    articles: tuple[Article, ...]
    skipped: tuple[ArticleError, ...]
    duplicates: Mapping[str, tuple[Article, ...]] = field(default_factory=dict)
    count: int | None = None

    @property
    def total(self) -> int:
        """How many articles were read (kept ones), returned or not."""
        return len(self.articles) if self.count is None else self.count

    def also_in(self, article_id: str) -> tuple[str, ...]:
        """Ids of the articles collapsed into ``article_id`` (the same story elsewhere)."""
        return tuple(a.id for a in self.duplicates.get(article_id, ()))

    def canonical(self, article_id: str) -> str:
        """The id an article is listed under: its own, or the one it was collapsed into."""
        for kept, dropped in self.duplicates.items():
            if any(a.id == article_id for a in dropped):
                return kept
        return article_id


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", strip_controls(text)).strip()


def fallback_title(body: str, stem: str) -> str:
    """A title for a file without one: its first line if headline-like, else a cut sentence."""
    first = body.strip().split("\n", 1)[0].strip()
    if not first:
        return stem
    if len(first) <= _TITLE_CHARS:
        return first.rstrip(".")
    cut = first[:_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—–- ") + "…"


def has_title(article: Article) -> bool:
    """False when the file gave no title and it is only a cut first sentence of the text:
    a source list shows the file then, not a truncated sentence."""
    if not article.title.endswith("…"):
        return True
    return article.title != fallback_title(article.text, Path(article.path).stem)


def title_and_body(draft: Draft, stem: str) -> tuple[str, str]:
    """The title and cleaned body an Article gets from ``draft`` (``stem``: the file's).

    A title that is itself furniture ("Photo") gives way to the body's own headline (the
    first heading before its first sentence), as does a missing one; the headline is never
    read again as the body's first sentence. Else the first sentence, else ``stem``.
    """
    given = _one_line(draft.title)
    if is_furniture(given):
        given = ""
    cleaned = clean_article(draft.text, title=given)
    body = "\n\n".join(english_paragraphs(list(cleaned.lines)))
    headline = _one_line(cleaned.headings[0]) if cleaned.headings else ""
    return given or headline or fallback_title(body, stem), body


def to_article(draft: Draft, path: str, article_id: str) -> Article:
    """A cleaned Article from a draft, or ArticleError when nothing but boilerplate is left."""
    title, body = title_and_body(draft, Path(path).stem)
    if not body:
        raise ArticleError(path, "no article text after the front matter and boilerplate")
    return Article(
        id=article_id,
        path=path,
        title=title,
        text=body,
        outlet=_one_line(draft.outlet),
        published=_one_line(draft.published),
        url=_one_line(draft.url),
    )


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-' (what an id made from a name looks like)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _entry_stem(draft: Draft, stem: str, n: int) -> str:
    """An entry's id stem: its own short id when it has one, else ``<file stem>-<n>``."""
    key = slug(draft.key)
    looks_like_url = "://" in draft.key or draft.key.startswith(("tag:", "urn:"))
    if key and len(key) <= _KEY_CHARS and not looks_like_url:
        return key
    return f"{stem}-{n}"


def unique_id(stem: str, taken: set[str]) -> str:
    """The file stem, with ``-2``, ``-3``… appended when another article already has it."""
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate)
    return candidate


@dataclass(frozen=True)
class Prepared:
    """One file read and cleaned, before ids: ``(id stem, article without id)`` pairs."""

    entries: tuple[tuple[str, Article], ...]
    problems: tuple[ArticleError, ...] = ()


class ParseCache(Protocol):
    """Somewhere to keep :class:`Prepared` files between runs (see :mod:`briefing.library`)."""

    def get_parsed(self, name: str, stamp: str) -> Prepared | None: ...

    def put_parsed(self, name: str, stamp: str, prepared: Prepared) -> None: ...


def prepare(parsed: Parsed, path: str) -> Prepared:
    """Clean every draft of one file; ids are given later, across the whole run."""
    stem = Path(path).stem
    entries: list[tuple[str, Article]] = []
    problems = list(parsed.problems)
    for n, draft in enumerate(parsed.drafts, 1):
        where = f"{path}#{n}" if parsed.multi else path
        several = parsed.multi and (len(parsed.drafts) > 1 or bool(draft.key))
        candidate = _entry_stem(draft, stem, n) if several else stem
        try:
            entries.append((candidate, to_article(draft, path, "")))
        except ArticleError as exc:
            problems.append(ArticleError(where, exc.problem))
    return Prepared(tuple(entries), tuple(problems))


def assign_ids(prepared: Prepared, taken: set[str]) -> list[Article]:
    return [_with_id(article, unique_id(stem, taken)) for stem, article in prepared.entries]


def articles_from(
    parsed: Parsed, path: str, taken: set[str]
) -> tuple[list[Article], list[ArticleError]]:
    """Articles (with run-unique ids) and problems from one file's parse result."""
    prepared = prepare(parsed, path)
    return assign_ids(prepared, taken), list(prepared.problems)


def _with_id(article: Article, article_id: str) -> Article:
    return Article(
        id=article_id,
        path=article.path,
        title=article.title,
        text=article.text,
        outlet=article.outlet,
        published=article.published,
        url=article.url,
    )


def parse_file(data: bytes, path: str, taken: set[str]) -> tuple[list[Article], list[ArticleError]]:
    """Every article in one file's bytes; raises ArticleError when the file is unusable."""
    return articles_from(read_file(data, path), path, taken)


def parse_article(data: bytes, path: str, article_id: str) -> Article:
    """Turn one file's bytes into one Article (the first, for multi-article files)."""
    parsed = read_file(data, path)
    articles, problems = articles_from(parsed, path, set())
    if not articles:
        raise problems[0] if problems else ArticleError(path, "no article in the file")
    return _with_id(articles[0], article_id)


NOT_REGULAR = "not a regular file (a FIFO, socket or device); not read"


def _listing(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as listing:
        return sorted(listing, key=lambda e: e.name)


def _walk(folder: Path) -> Iterator[tuple[Path, bool] | ArticleError]:
    """Files under ``folder`` in sorted order, hidden ones left out, each with whether it
    is a symbolic link. ``os.scandir`` answers both from the directory listing, so walking
    thousands of files costs no extra system calls; linked folders are not descended.

    A stack, not recursion: folders nested thousands deep are walked like any others, and a
    folder seen before (a bind mount looping back) is not walked again. A folder that
    cannot be listed is reported and the walk goes on. A FIFO or a device with an article's
    name is reported, never opened: reading one would hang or never end.
    """
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(path: str) -> ArticleError | None:
        try:
            info = os.stat(path)
            if (info.st_dev, info.st_ino) in seen:
                return ArticleError(shown(path), "folder already walked (a loop); not read again")
            seen.add((info.st_dev, info.st_ino))
            stack.append(iter(_listing(path)))
        except OSError as exc:
            return ArticleError(shown(path), f"cannot read the folder ({exc.strerror or exc})")
        return None

    problem = enter(str(folder))
    if problem is not None:
        yield problem
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            continue
        elif entry.is_dir(follow_symlinks=False):
            problem = enter(entry.path)
            if problem is not None:
                yield problem
        elif not entry.name.lower().endswith(SUFFIXES):
            continue
        elif entry.is_symlink() or entry.is_file(follow_symlinks=False):
            yield Path(entry.path), entry.is_symlink()
        else:
            yield ArticleError(shown(entry.path), NOT_REGULAR)


def discover(paths: Iterable[Path]) -> Iterator[tuple[Path, Path] | ArticleError]:
    """Article files under ``paths`` with their resolved location (files as given, folders
    walked in sorted order).

    A symbolic link inside a folder that points outside it is reported, not followed:
    a workspace shared by a team must not quote files from elsewhere on the machine.
    """
    for path in paths:
        if path.is_dir():
            root = path.resolve()
            for found in _walk(path):
                if isinstance(found, ArticleError):
                    yield found
                    continue
                child, linked = found
                if not linked:
                    yield child, root / child.relative_to(path)
                    continue
                try:
                    target = child.resolve()
                except (OSError, RuntimeError):  # RuntimeError: Python 3.11's "Symlink loop"
                    yield ArticleError(shown(child), "symbolic link loop; not read")
                    continue
                if not target.is_relative_to(root):
                    where = f"links outside {shown(path)} (to {shown(target)}); not read"
                    yield ArticleError(shown(child), where)
                elif target.is_file():
                    yield child, target
                elif target.exists():
                    yield ArticleError(shown(child), NOT_REGULAR)
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path, path.resolve()
            else:
                suffix = shown(path.suffix) or "(none)"
                yield ArticleError(shown(path), f"unsupported file type '{suffix}'")
        elif path.exists():
            yield ArticleError(shown(path), NOT_REGULAR)
        else:
            yield ArticleError(shown(path), "no such file or folder")


def _stamp(resolved: Path, size: int, mtime_ns: int) -> str | None:
    """What identifies this version of a file; None while it may still be changing."""
    if time.time_ns() - mtime_ns < 2_000_000_000:
        return None  # written in the last 2 s: a same-size rewrite could keep its mtime
    return f"{key(resolved)}|{size}|{mtime_ns}|{ingest_version()}"


@dataclass(frozen=True)
class _Unread:
    """A file whose bytes are read but not yet decoded and cleaned (:func:`_prepare`)."""

    data: bytes
    name: str
    suffix: str
    stamp: str | None


def _read(
    item: Path, resolved: Path, name: str, max_bytes: int, cache: ParseCache | None
) -> Prepared | _Unread:
    """The file as cached, or its bytes to prepare."""
    info = item.stat()
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(name, "not a regular file")
    if info.st_size > max_bytes:
        raise ArticleError(name, f"too large ({info.st_size:,} bytes; limit {max_bytes:,})")
    stamp = _stamp(resolved, info.st_size, info.st_mtime_ns) if cache is not None else None
    if cache is not None and stamp is not None:
        cached = cache.get_parsed(name, stamp)
        if cached is not None:
            return cached
    with item.open("rb") as handle:
        data = handle.read(max_bytes + 1)  # the file may have grown since stat()
    if len(data) > max_bytes:
        raise ArticleError(name, f"too large (over the limit of {max_bytes:,} bytes)")
    return _Unread(data, name, item.suffix, stamp)


def _prepare(unread: _Unread) -> Prepared:
    """Decode and clean one file's bytes (in a worker process when there are many)."""
    try:
        return prepare(read_file(unread.data, unread.name, unread.suffix), unread.name)
    except ArticleError as exc:
        return Prepared((), (exc,))
    except CONTENT_ERRORS as exc:  # this file is skipped with the reason; others are built
        return Prepared((), (unreadable(unread.name, exc),))
    except OSError as exc:
        return Prepared((), (ArticleError(unread.name, f"cannot read ({exc.strerror or exc})"),))


# Files are read WINDOW at a time; when at least MIN_PARALLEL of them are new, they are
# decoded and cleaned on every core (a first build of 2,225 files: 12 s of CPU otherwise
# spent on one core while the other waits for the analyses).
WINDOW = 256
WINDOW_BYTES = 32_000_000  # and at most this many bytes waiting: memory stays flat
MIN_PARALLEL = 64


def iter_articles(
    paths: Iterable[Path], *, max_bytes: int = 5_000_000, cache: ParseCache | None = None
) -> Iterator[Article | ArticleError]:
    """Each article under ``paths`` in order, or the reason a file was skipped.

    A generator, so that a screen can show the first rows of a large workspace before the
    last file is read (new files come a window at a time); :func:`load_articles` collects it.
    """
    taken: set[str] = set()
    with _Preparer() as preparer:
        # One window ahead: the workers prepare the next window while this one is passed on.
        ahead: tuple[list[Prepared | _Unread | ArticleError], Iterator[Prepared]] | None = None
        for window in _windows(_files(paths, max_bytes, cache)):
            started = window, preparer.start([x for x in window if isinstance(x, _Unread)])
            if ahead is not None:
                yield from _passed_on(*ahead, taken, cache)
            ahead = started
        if ahead is not None:
            yield from _passed_on(*ahead, taken, cache)


def _passed_on(
    window: list[Prepared | _Unread | ArticleError],
    made: Iterator[Prepared],
    taken: set[str],
    cache: ParseCache | None,
) -> Iterator[Article | ArticleError]:
    """The articles and problems of one window, in order, its new files cached."""
    for item in window:
        if isinstance(item, ArticleError):
            yield item
            continue
        if isinstance(item, _Unread):
            prepared = next(made)
            if cache is not None and item.stamp is not None:
                cache.put_parsed(item.name, item.stamp, prepared)
        else:
            prepared = item
        yield from assign_ids(prepared, taken)
        yield from prepared.problems


def _files(
    paths: Iterable[Path], max_bytes: int, cache: ParseCache | None
) -> Iterator[Prepared | _Unread | ArticleError]:
    """Each file under ``paths`` once: as cached, as bytes to prepare, or its problem."""
    seen: set[bytes] = set()  # digests of the files read: a path each would cost ~10x more
    for found in discover(paths):
        if isinstance(found, ArticleError):
            yield found
            continue
        item, resolved = found
        mark = hashlib.blake2b(os.fsencode(resolved), digest_size=16).digest()
        if mark in seen:
            continue
        seen.add(mark)
        name = shown(item)  # what the article's path and id are made from
        try:
            yield _read(item, resolved, name, max_bytes, cache)
        except ArticleError as exc:
            yield exc
        except OSError as exc:
            yield ArticleError(name, f"cannot read ({exc.strerror or exc})")


def _windows(items: Iterator[T]) -> Iterator[list[T]]:
    """``items`` in lists of up to :data:`WINDOW` (or :data:`WINDOW_BYTES` of files to
    prepare); a cached file with none waiting before it is passed on at once."""
    window: list[T] = []
    size = 0
    for item in items:
        window.append(item)
        if isinstance(item, _Unread):
            size += len(item.data) + 1
        if len(window) >= WINDOW or size >= WINDOW_BYTES or not size:
            yield window
            window, size = [], 0
    if window:
        yield window


class _Preparer:
    """Prepares files in-process, or on every core for a window of many new files; the
    worker processes are forked once, on first need, and only from a single-threaded
    process (the TUI reads in-process)."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> _Preparer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)

    def start(self, unread: list[_Unread]) -> Iterator[Prepared]:
        """The files prepared, in order: started now on the workers for many, else
        prepared one by one as they are asked for."""
        if len(unread) >= MIN_PARALLEL and self._pool is None and cpu_count() > 1 and forking():
            with contextlib.suppress(OSError, RuntimeError):
                self._pool = ProcessPoolExecutor(cpu_count(), mp_context=context())
        if self._pool is not None and len(unread) >= MIN_PARALLEL:
            try:
                return self._collect(self._pool.map(_prepare, unread, chunksize=8), unread)
            except (BrokenProcessPool, RuntimeError, OSError):
                self._pool = None  # no worker processes here: in-process from now on
        return map(_prepare, unread)

    def _collect(self, results: Iterator[Prepared], unread: list[_Unread]) -> Iterator[Prepared]:
        done = 0
        try:
            for prepared in results:
                done += 1
                yield prepared
        except (BrokenProcessPool, OSError):  # a worker died: the rest in-process
            self._pool = None
            yield from map(_prepare, unread[done:])


def load_articles(
    paths: Iterable[Path], *, max_bytes: int = 5_000_000, cache: ParseCache | None = None
) -> LoadResult:
    """Read every article under ``paths``; unreadable ones are skipped with their reason.

    With a ``cache``, files unchanged since the last run (same path, size and mtime) are
    not read again: a workspace of thousands of articles loads in well under a second.
    """
    articles: list[Article] = []
    skipped: list[ArticleError] = []
    for item in iter_articles(paths, max_bytes=max_bytes, cache=cache):
        if isinstance(item, ArticleError):
            skipped.append(item)
        else:
            articles.append(item)
    return LoadResult(tuple(articles), tuple(skipped))
