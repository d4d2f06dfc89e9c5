"""What every ``briefing`` command shares: messages, error handling, the workspace, loading.

One home for these, so :mod:`briefing.cli` and :mod:`briefing.cli_sources` both import
from here and never from each other.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .briefing import select
from .clean import strip_controls
from .errors import BriefingError, ConfigError
from .models import Article
from .workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clean line on stderr and exit with ``code``."""
    click.echo(f"briefing: error: {strip_controls(message)}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    click.echo(f"briefing: warning: {strip_controls(message)}", err=True)


def note(message: str) -> None:
    click.echo(f"briefing: note: {strip_controls(message)}", err=True)


def reports_errors(func: F) -> F:
    """Turn library errors into one-line messages with the documented exit codes."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConfigError as exc:
            fail(str(exc), 2)
        except BriefingError as exc:
            fail(str(exc), 1)

    return wrapper  # type: ignore[return-value]


def _remember_config(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.ensure_object(dict)["config"] = value


CONFIG_HELP = "Workspace config file or folder (default: ./briefing.toml)."

config_option = click.option(
    "-c",
    "--config",
    type=click.Path(path_type=Path),
    expose_value=False,
    is_eager=True,
    callback=_remember_config,
    help=CONFIG_HELP,
)
"""``-c FILE`` on a subcommand, as on ``briefing`` itself: ``briefing build -c FILE`` works."""


def workspace(ctx: click.Context) -> Workspace:
    """The workspace of ``-c`` (or ./briefing.toml), opened once per run."""
    ws = ctx.obj.get("workspace")
    if ws is None:
        ws = Workspace.open(ctx.obj.get("config"))
        ctx.obj["workspace"] = ws
    assert isinstance(ws, Workspace)
    return ws


def load(ws: Workspace, paths: Sequence[Path], ids: Sequence[str] = ()) -> list[Article]:
    """Readable articles (warning once per skipped file); exit 1 when none is left."""
    limit = ws.config.sources.max_articles
    # Without ids only the first `limit` articles are used: the rest need not be kept.
    result = ws.load(paths, keep=None if ids else limit)
    for problem in result.skipped:
        warn(f"skipped {problem}")
    for kept, copies in result.duplicates.items():
        for copy in copies:
            note(f"{copy.path} repeats {kept}; it is cited beside it, not analysed twice")
    articles = select(result.articles, [result.canonical(i) for i in ids])
    total = len(articles) if ids else result.total
    if total > limit:
        warn(f"{total} articles; using the first {limit} (sources.max_articles)")
        articles = articles[:limit]
    if not articles:
        where = ", ".join(str(p) for p in paths) or ", ".join(ws.config.sources.paths)
        hint = "" if paths else " (pass article files or folders, or use -c WORKSPACE)"
        fail(f"no readable article in {where}{hint}", 1)
    return articles
