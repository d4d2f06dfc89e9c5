"""Read article files from the workspace into :class:`Article` records.

One bad file must never stop a build of many: :func:`load_articles` returns the articles it
could read and an :class:`ArticleError` (file + problem) for each one it skipped.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .clean import clean_text, normalise, strip_controls
from .errors import ArticleError
from .models import Article

SUFFIXES = (".txt", ".md", ".markdown")
FRONT_MATTER_KEYS = ("title", "outlet", "published", "url")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_MAX_FRONT_MATTER = 64_000
_TITLE_CHARS = 90


@dataclass(frozen=True)
class LoadResult:
    """Articles read, in the order given, and the files skipped with the reason."""

    articles: tuple[Article, ...]
    skipped: tuple[ArticleError, ...]


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors/aliases, so "billion laughs" front matter cannot expand."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def decode(data: bytes, path: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; else an error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleError(path, "invalid UTF-16 text") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(path, "binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(path, f"not UTF-8 text (bad byte at offset {exc.start})") from None


def split_front_matter(text: str, path: str) -> tuple[dict[str, str], str]:
    """Separate YAML front matter (``---`` block) from the body and check its fields."""
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            raise ArticleError(path, "front matter opened with '---' but never closed")
        return {}, text
    block = match.group(1) or ""
    if len(block) > _MAX_FRONT_MATTER:
        raise ArticleError(path, "front matter is too large")
    try:
        data = yaml.load(block, Loader=_NoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(path, f"broken front matter{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError(path, "front matter must be a mapping of key: value")
    meta: dict[str, str] = {}
    for key in FRONT_MATTER_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if isinstance(value, list | dict):
            raise ArticleError(path, f"front matter '{key}' must be a single value")
        meta[key] = strip_controls(str(value)).strip()
    return meta, text[match.end() :]


def _fallback_title(body: str, stem: str) -> str:
    """A title for a file without one: its first line if headline-like, else a cut sentence."""
    first = body.strip().split("\n", 1)[0].strip()
    if not first:
        return stem
    if len(first) <= _TITLE_CHARS:
        return first.rstrip(".")
    cut = first[:_TITLE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—–- ") + "…"


def parse_article(data: bytes, path: str, article_id: str) -> Article:
    """Turn one file's bytes into an Article, or raise ArticleError saying why not."""
    if not data.strip():
        raise ArticleError(path, "empty file")
    text = normalise(decode(data, path))
    meta, body = split_front_matter(text, path)
    title_line = ""
    if not meta.get("title"):
        # Markdown articles often carry their title as a leading "# Heading".
        heading = re.match(r"\A\s*#\s+(.+)\n", body)
        if heading:
            title_line = heading.group(1).strip()
            body = body[heading.end() :]
    body = clean_text(body)
    if not body:
        raise ArticleError(path, "no article text after the front matter")
    title = meta.get("title") or title_line or _fallback_title(body, Path(path).stem)
    return Article(
        id=article_id,
        path=path,
        title=title,
        text=body,
        outlet=meta.get("outlet", ""),
        published=meta.get("published", ""),
        url=meta.get("url", ""),
    )


def discover(paths: Iterable[Path]) -> Iterator[Path | ArticleError]:
    """Article files under ``paths`` (files as given, folders walked in sorted order)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and child.suffix.lower() in SUFFIXES and not hidden:
                    yield child
        elif path.is_file():
            if path.suffix.lower() in SUFFIXES:
                yield path
            else:
                yield ArticleError(str(path), f"unsupported file type '{path.suffix or '(none)'}'")
        else:
            yield ArticleError(str(path), "no such file or folder")


def unique_id(stem: str, taken: set[str]) -> str:
    """The file stem, with ``-2``, ``-3``… appended when another article already has it."""
    candidate, n = stem, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate)
    return candidate


def load_articles(paths: Iterable[Path], *, max_bytes: int = 5_000_000) -> LoadResult:
    """Read every article under ``paths``; unreadable ones are skipped with their reason."""
    articles: list[Article] = []
    skipped: list[ArticleError] = []
    taken: set[str] = set()
    seen: set[Path] = set()
    for item in discover(paths):
        if isinstance(item, ArticleError):
            skipped.append(item)
            continue
        resolved = item.resolve()
        if resolved in seen:
            continue
        seen.add(resolved)
        name = str(item)
        try:
            size = item.stat().st_size
            if size > max_bytes:
                raise ArticleError(name, f"too large ({size:,} bytes; limit {max_bytes:,})")
            data = item.read_bytes()
            articles.append(parse_article(data, name, unique_id(item.stem, taken)))
        except ArticleError as exc:
            skipped.append(exc)
        except OSError as exc:
            skipped.append(ArticleError(name, f"cannot read ({exc.strerror or exc})"))
    return LoadResult(tuple(articles), tuple(skipped))
