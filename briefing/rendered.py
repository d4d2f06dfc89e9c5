"""The rendered memo kept between builds, so that a rebuild with nothing changed is instant.

On a workspace of thousands of articles, a ``briefing build`` where nothing changed still
decoded every cached analysis, rebuilt the briefing and rendered it: seconds, mostly
escaping hundreds of thousands of strings and running the template. The finished text is
kept in the workspace library instead, under a digest of *everything* it is made from:

- the articles' analysis keys in memo order (each names the article's content, the
  analysis settings and the analysing code);
- the whole config (title, focus countries, key points, citations...) and the memo's
  title and date as given or defaulted (today's date, so a memo rolls over at midnight);
- the analyst's curation, the previous briefing a ``--since`` compares with, the
  citation style and the output formats;
- the text of the template and of every template it includes, imports or extends (a
  template that names another only at run time is never kept: it cannot be keyed);
- the package's own code and templates, and the versions of Python and Jinja.

A change to any of them is a miss; a miss renders and keeps the new text (one row: the
last build replaces it). A hit also writes back what a miss writes into the library (the
countries each listed article speaks for), so the library looks the same either way.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Sequence
from typing import Any

import jinja2
import jinja2.meta

from .config import Config
from .curation import Curation
from .library import Library
from .render import environment
from .templates import TemplateInfo
from .version import package_version

KEEP_AS = "rendered"  # the library's row (table ``derived``)


def template_sources(template: TemplateInfo) -> str | None:
    """The source of ``template`` and of every template it reaches, as one text; None
    when one is named only at run time (``{% include name_var %}``) or cannot be read."""
    env = environment(template)
    loader = env.loader
    if loader is None:
        return None
    sources: dict[str, str] = {}
    todo = [template.path.name]
    try:
        while todo:
            name = todo.pop()
            if name in sources:
                continue
            source = loader.get_source(env, name)[0]
            sources[name] = source
            for ref in jinja2.meta.find_referenced_templates(env.parse(source)):
                if ref is None:
                    return None
                todo.append(ref)
    except (jinja2.TemplateError, OSError, UnicodeError):
        return None  # rendering will report it
    return json.dumps(sorted(sources.items()), ensure_ascii=False)


def _curation_text(curation: Curation | None) -> str:
    """A stable text of the curation (a frozenset's order changes from run to run)."""
    if not curation:
        return ""
    return repr((sorted(curation.dropped), curation.moved, curation.pinned))


def output_key(
    keys: Sequence[str],
    *,
    formats: Sequence[str],
    config: Config,
    title: str | None,
    date: str,
    curation: Curation | None,
    previous: Any,
    citations: str,
    template: str | None,
) -> str:
    """The digest a kept memo is found by (see the module docstring for why each part)."""
    digest = hashlib.sha256()
    parts = (
        package_version(),
        sys.version,
        jinja2.__version__,
        repr(tuple(formats)),
        repr(config),
        repr(title),
        date,
        _curation_text(curation),
        json.dumps(previous, sort_keys=True, ensure_ascii=False),
        citations,
        template or "",
    )
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for key in keys:
        digest.update(key.encode() + b"\0")
    return digest.hexdigest()


def kept(library: Library, key: str, count: int) -> tuple[str, ...] | None:
    """The ``count`` texts kept under ``key``, after writing back their countries; or None."""
    stored = library.get_derived(KEEP_AS, key)
    if not isinstance(stored, dict):
        return None
    texts, countries = stored.get("texts"), stored.get("countries")
    if not isinstance(texts, list) or len(texts) != count:
        return None
    if not all(isinstance(t, str) for t in texts) or not isinstance(countries, list):
        return None
    try:
        library.put_countries([(str(c), str(i), str(h)) for c, i, h in countries])
    except (TypeError, ValueError):
        return None
    return tuple(texts)


def keep(
    library: Library, key: str, texts: Sequence[str], countries: Sequence[tuple[str, str, str]]
) -> None:
    """Keep the texts of one build (replacing the last build's)."""
    library.put_derived(KEEP_AS, key, {"texts": list(texts), "countries": list(countries)})
