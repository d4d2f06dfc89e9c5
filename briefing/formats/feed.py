"""RSS and Atom feed files: one article per entry, its HTML content reduced to text."""

from __future__ import annotations

import time
from typing import Any

from ..errors import ArticleError
from .draft import Draft, Parsed
from .htmltext import html_to_text


def _date(entry: Any) -> str:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return str(entry.get("published") or entry.get("updated") or "").strip()


def _body(entry: Any) -> str:
    """The fullest HTML the entry has: ``content`` over ``summary``."""
    contents = entry.get("content") or []
    best = max((str(c.get("value") or "") for c in contents), key=len, default="")
    summary = str(entry.get("summary") or "")
    return html_to_text(best if len(best) >= len(summary) else summary)


def read_feed(data: bytes, path: str) -> Parsed:
    """Every entry of an RSS/Atom document; entries without text are reported, not fatal."""
    import feedparser  # type: ignore[import-untyped]  # imported only when a feed is read

    parsed = feedparser.parse(data)
    entries = list(parsed.get("entries") or [])
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f": {str(reason).splitlines()[0]}" if reason else ""
        raise ArticleError(path, f"not an RSS/Atom feed, or a feed without entries{detail}")
    outlet = html_to_text(str(parsed.get("feed", {}).get("title") or ""))
    drafts: list[Draft] = []
    problems: list[ArticleError] = []
    for n, entry in enumerate(entries, 1):
        text = _body(entry)
        title = html_to_text(str(entry.get("title") or ""))
        if not text:
            problems.append(ArticleError(f"{path}#{n}", "feed entry has no text"))
            continue
        drafts.append(
            Draft(
                title=title,
                text=text,
                outlet=outlet,
                published=_date(entry),
                url=str(entry.get("link") or ""),
                author=str(entry.get("author") or ""),
                key=str(entry.get("id") or ""),
            )
        )
    return Parsed(tuple(drafts), tuple(problems), multi=True)
