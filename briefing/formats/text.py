"""Plain text and Markdown articles, with optional YAML front matter."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..clean import normalise, strip_controls
from ..errors import ArticleError
from .draft import Draft, Parsed
from .encoding import decode

FRONT_MATTER_KEYS = ("title", "outlet", "published", "url", "author")
# Names other tools (Jekyll, Hugo, exporters) use for the same fields.
_ALIASES = {"date": "published", "source": "outlet", "sitename": "outlet", "link": "url"}
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"\A\s*#\s+(.+)\n")
_MAX_FRONT_MATTER = 64_000


class _NoAliasLoader(yaml.SafeLoader):
    """Safe YAML without anchors/aliases, so "billion laughs" front matter cannot expand."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases are not allowed in front matter")
        return super().compose_node(parent, index)


def _load_yaml(block: str, path: str) -> Any:
    try:
        return yaml.load(block, Loader=_NoAliasLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ArticleError(path, f"broken front matter{where}: {problem}") from None
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. "published: 2023-02-30"
        raise ArticleError(path, f"broken front matter: {exc}") from None


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
    data = _load_yaml(block, path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError(path, "front matter must be a mapping of key: value")
    meta: dict[str, str] = {}
    for raw_key, value in data.items():
        key = _ALIASES.get(str(raw_key), str(raw_key))
        if key not in FRONT_MATTER_KEYS or value is None or (key in meta and raw_key != key):
            continue
        if isinstance(value, list | dict):
            raise ArticleError(path, f"front matter '{raw_key}' must be a single value")
        meta[key] = strip_controls(str(value)).strip()
    return meta, text[match.end() :]


def read_text(data: bytes, path: str) -> Parsed:
    """One article; its title from front matter, else a leading ``# Heading``."""
    meta, body = split_front_matter(normalise(decode(data, path)), path)
    title = meta.get("title", "")
    if not title:
        # Markdown articles often carry their title as a leading "# Heading".
        heading = _HEADING.match(body)
        if heading:
            title = heading.group(1).strip()
            body = body[heading.end() :]
    draft = Draft(
        title=title,
        text=body,
        outlet=meta.get("outlet", ""),
        published=meta.get("published", ""),
        url=meta.get("url", ""),
        author=meta.get("author", ""),
    )
    return Parsed((draft,))
