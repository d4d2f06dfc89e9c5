"""Readers that turn one file's bytes into article drafts, one module per format.

A reader never decides ids or cleans boilerplate: :mod:`briefing.ingest` does both the same
way for every format, so a feed entry and a Markdown file end up as alike as possible.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import ArticleError
from .draft import Draft, Parsed
from .feed import read_feed
from .html import read_html
from .jsonl import read_json, read_jsonl
from .text import read_text

Reader = Callable[[bytes, str], Parsed]

READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
    ".json": read_json,
    ".jsonl": read_jsonl,
}
SUFFIXES = tuple(READERS)

__all__ = ["READERS", "SUFFIXES", "Draft", "Parsed", "read_file"]


def read_file(data: bytes, path: str, suffix: str | None = None) -> Parsed:
    """Drafts (and per-entry problems) from ``data``, read by the reader for its suffix.

    ``suffix`` is the file's own when ``path`` is only its shown name: cleaning a name such
    as ``"\x01.md"`` for display leaves ``".md"``, which has no suffix of its own.
    """
    suffix = Path(path).suffix if suffix is None else suffix
    reader = READERS.get(suffix.lower())
    if reader is None:
        raise ArticleError(path, f"unsupported file type '{suffix or '(none)'}'")
    if not data.strip():
        raise ArticleError(path, "empty file")
    return reader(data, path)
