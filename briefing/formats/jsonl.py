"""JSON exports: a list of article objects (``.json``) or one object per line (``.jsonl``).

Scrapers and news APIs disagree on field names, so the usual synonyms are accepted:
text|body|content, outlet|source|sitename, published|date|published_at, url|link.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import ArticleError
from .draft import Draft, Parsed
from .encoding import decode
from .htmltext import html_to_text

_TEXT = ("text", "body", "content", "article", "maintext")
_OUTLET = ("outlet", "source", "sitename", "publisher")
_PUBLISHED = ("published", "date", "published_at", "publishedAt", "pubDate")
_URL = ("url", "link")


def _field(record: dict[str, Any], names: tuple[str, ...]) -> str:
    for name in names:
        value = record.get(name)
        if isinstance(value, dict):  # e.g. NewsAPI's {"source": {"name": ...}}
            value = value.get("name") or value.get("title")
        if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value):
            return str(value).strip()
    return ""


def _draft(record: Any, where: str) -> Draft:
    if not isinstance(record, dict):
        raise ArticleError(where, "expected an object with 'title' and 'text'")
    text = _field(record, _TEXT)
    if "<" in text and ">" in text and "</" in text:
        text = html_to_text(text)
    if not text:
        raise ArticleError(where, "no 'text' (or 'body'/'content') field")
    key = record.get("id")
    return Draft(
        title=_field(record, ("title", "headline")),
        text=text,
        outlet=_field(record, _OUTLET),
        published=_field(record, _PUBLISHED),
        url=_field(record, _URL),
        author=_field(record, ("author", "byline")),
        key=str(key) if isinstance(key, str | int) and not isinstance(key, bool) else "",
    )


def _collect(records: list[tuple[str, Any]]) -> Parsed:
    drafts: list[Draft] = []
    problems: list[ArticleError] = []
    for where, record in records:
        try:
            drafts.append(_draft(record, where))
        except ArticleError as exc:
            problems.append(exc)
    return Parsed(tuple(drafts), tuple(problems), multi=True)


def read_json(data: bytes, path: str) -> Parsed:
    """A list of objects, a single object, or ``{"articles": [...]}``."""
    try:
        value = json.loads(decode(data, path))
    except json.JSONDecodeError as exc:
        raise ArticleError(path, f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise ArticleError(path, "invalid JSON: nested too deeply") from None
    if isinstance(value, dict) and isinstance(value.get("articles"), list):
        value = value["articles"]
    if isinstance(value, dict):
        return Parsed((_draft(value, path),))
    if not isinstance(value, list):
        raise ArticleError(path, "expected a JSON object or a list of objects")
    return _collect([(f"{path}#{n}", item) for n, item in enumerate(value, 1)])


def read_jsonl(data: bytes, path: str) -> Parsed:
    """One object per line; a broken line is reported and the others are kept."""
    records: list[tuple[str, Any]] = []
    problems: list[ArticleError] = []
    for n, line in enumerate(decode(data, path).splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((f"{path}:{n}", json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(ArticleError(f"{path}:{n}", f"invalid JSON: {exc.msg}"))
        except RecursionError:
            problems.append(ArticleError(f"{path}:{n}", "invalid JSON: nested too deeply"))
    parsed = _collect(records)
    return Parsed(parsed.drafts, tuple(problems) + parsed.problems, multi=True)
