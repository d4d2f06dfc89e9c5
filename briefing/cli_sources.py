"""``briefing add`` and ``briefing list``: bring articles in, and find them again.

Registered by :mod:`briefing.cli` with ``main.add_command``; the helpers both share live
in :mod:`briefing.cli_common`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import click

from .cli_common import config_option, fail, note, reports_errors, warn, workspace
from .countries import country_code
from .errors import ArticleError, BriefingError, ConfigError
from .names import shown


@click.command("add")
@config_option
@click.argument("items", nargs=-1, required=True, metavar="URL|FILE|FOLDER...")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=20.0,
    show_default=True,
    help="Seconds to wait for a server.",
)
@click.pass_context
def add(ctx: click.Context, items: tuple[str, ...], timeout: float) -> None:
    """Copy or download articles into the first sources folder as Markdown files.

    Files may be in any format `build` reads (text, Markdown, HTML, feeds, JSON); a folder
    adds the article files in it; URLs are downloaded and their main text extracted.
    Existing files are never replaced, and an article already there is not copied again.
    """
    reports_errors(_add)(ctx, items, timeout)


def _add(ctx: click.Context, items: tuple[str, ...], timeout: float) -> None:
    from .adding import expand, gather, one_line, save

    ws = workspace(ctx)
    folder = ws.config.source_paths()[0] if ws.config.sources.paths else ws.config.root
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"{folder}: cannot create the sources folder ({exc.strerror})", 1)
    added = present = 0
    for item in expand(items):
        if isinstance(item, ArticleError):
            warn(f"skipped {item}")
            continue
        try:
            parsed = gather(item, max_bytes=ws.config.sources.max_article_bytes, timeout=timeout)
        except ArticleError as exc:
            warn(f"skipped {exc}")
            continue
        for problem in parsed.problems:
            warn(f"skipped {problem}")
        for draft in parsed.drafts:
            if not draft.text.strip():
                warn(f"skipped {item}: no article text")
                continue
            try:
                path, new = save(draft, folder, item)
            except BriefingError as exc:  # e.g. disk full: say so, try the next one
                warn(f"skipped {shown(item)}: {exc}")
                continue
            if not new:
                present += 1
                note(f"{shown(item)}: already in the workspace as {shown(path)}; not copied again")
                continue
            added += 1
            title = one_line(draft.title)
            click.echo(f"added {shown(path)}" + (f"  ({title})" if title else ""))
    if not added and not present:
        fail("nothing was added", 1)


@click.command("list")
@config_option
@click.argument("query", nargs=-1)
@click.option(
    "--country",
    default=None,
    metavar="ISO3|NAME",
    help="Only articles with statements by this country.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON list of article records.")
@click.pass_context
def list_articles(
    ctx: click.Context, query: tuple[str, ...], country: str | None, as_json: bool
) -> None:
    """List the workspace's articles, or those matching every word of QUERY."""
    reports_errors(_list)(ctx, " ".join(query), country, as_json)


def _country_option(text: str) -> str:
    """``--country``: an ISO code or a country name in any case; ConfigError when unknown."""
    code = country_code(text)
    if code is None:
        raise ConfigError(f"--country: unknown country '{text}' (use an ISO code such as RUS)")
    return code


def _list(ctx: click.Context, query: str, country: str | None, as_json: bool) -> None:
    ws = workspace(ctx)
    code = _country_option(country) if country else None
    with ws.library() as library:
        listed = library.enabled
    # The listing comes from the library, row by row: the articles themselves are only
    # wanted to analyse them (--country) or to filter them without a library.
    result = ws.load(keep=None if code or not listed else 0)
    for problem in result.skipped:
        warn(f"skipped {problem}")
    if code:
        ws.analyse_all(result.articles)  # fills the library's country column (cached)
    with ws.library() as library:
        if library.enabled:
            records: Iterable[dict[str, Any]] = library.records(query, code)
        else:
            records = _fallback(result.articles, query, code is not None)
        count = _print_json(records) if as_json else _print_lines(records)
    if not count:
        fail(_nothing_found(query, code, result.total), 1)


def _print_lines(records: Iterable[dict[str, Any]]) -> int:
    """One tab-separated line per record as it comes; returns how many."""
    count = 0
    for r in records:
        when = r["published"] or "-"
        outlet = r["outlet"] or "-"
        click.echo(f"{r['id']}\t{when}\t{outlet}\t{r['title']}")
        count += 1
    return count


def _print_json(records: Iterable[dict[str, Any]]) -> int:
    """The records as one JSON list (as ``json.dumps(list, indent=2)`` writes it), written
    one record at a time; returns how many."""
    count = 0
    for r in records:
        item = json.dumps(r, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        click.echo(f"{',' if count else '['}\n  {item}", nl=False)
        count += 1
    click.echo("\n]" if count else "[]")
    return count


def _nothing_found(query: str, code: str | None, total: int) -> str:
    """Why ``list`` printed nothing: no article at all, or none matching."""
    if not total:
        return "no articles in the workspace's sources (add some with `briefing add`)"
    wanted = [f"matches '{query}'"] if query.strip() else []
    wanted += [f"has statements by {code}"] if code else []
    return f"no article of {total} {' and '.join(wanted)}"


def _fallback(articles: Any, query: str, filtered: bool) -> list[dict[str, Any]]:
    """Without a library (read-only workspace): a plain case-insensitive word filter."""
    if filtered:
        raise BriefingError("--country needs the article library, which cannot be written here")
    words = query.lower().split()
    out = []
    for a in articles:
        haystack = f"{a.title} {a.outlet} {a.text}".lower()
        if all(w in haystack for w in words):
            out.append(
                {
                    "id": a.id,
                    "path": a.path,
                    "title": a.title,
                    "outlet": a.outlet,
                    "published": a.published,
                    "url": a.url,
                    "countries": [],
                }
            )
    return out


__all__ = ["add", "list_articles"]
