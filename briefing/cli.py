"""The ``briefing`` command: a thin click shell over the library.

Exit codes: 0 done; 1 nothing could be built (no readable article, template error, refused
overwrite); 2 usage or config error. Problems are one line on stderr, never a traceback.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from .briefing import positions_of, select
from .clean import strip_controls
from .cli_sources import add, list_articles
from .errors import BriefingError, ConfigError
from .export import FORMATS, copy_to_clipboard
from .fsutil import write_atomic
from .models import Article, Position
from .render import CITATION_STYLES, positions_to_list, render_json
from .stance import stance_verb
from .summary import key_points, summarize_sentences
from .templates import list_templates
from .whatsnew import compare, load_previous
from .workspace import Workspace

F = TypeVar("F", bound=Callable[..., Any])
PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one clean line on stderr and exit with ``code``."""
    click.echo(f"briefing: error: {strip_controls(message)}", err=True)
    sys.exit(code)


def warn(message: str) -> None:
    click.echo(f"briefing: warning: {strip_controls(message)}", err=True)


def note(message: str) -> None:
    click.echo(f"briefing: note: {strip_controls(message)}", err=True)


class _WarningLine(logging.Handler):
    """Library warnings (e.g. a damaged cache entry dropped) as ``briefing: warning:`` lines."""

    def emit(self, record: logging.LogRecord) -> None:
        warn(record.getMessage())


def _show_warnings() -> None:
    logger = logging.getLogger("briefing")
    if not any(isinstance(h, _WarningLine) for h in logger.handlers):
        logger.addHandler(_WarningLine(logging.WARNING))


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


def _workspace(ctx: click.Context) -> Workspace:
    ws = ctx.obj.get("workspace")
    if ws is None:
        ws = Workspace.open(ctx.obj.get("config"))
        ctx.obj["workspace"] = ws
    assert isinstance(ws, Workspace)
    return ws


def _load(ws: Workspace, paths: Sequence[Path], ids: Sequence[str] = ()) -> list[Article]:
    """Readable articles (warning once per skipped file); exit 1 when none is left."""
    result = ws.load(paths)
    for problem in result.skipped:
        warn(f"skipped {problem}")
    for kept, copies in result.duplicates.items():
        for copy in copies:
            note(f"{copy.path} repeats {kept}; it is cited beside it, not analysed twice")
    articles = select(result.articles, [result.canonical(i) for i in ids])
    limit = ws.config.sources.max_articles
    if len(articles) > limit:
        warn(f"{len(articles)} articles; using the first {limit} (sources.max_articles)")
        articles = articles[:limit]
    if not articles:
        where = ", ".join(str(p) for p in paths) or ", ".join(ws.config.sources.paths)
        hint = "" if paths else " (pass article files or folders, or use -c WORKSPACE)"
        fail(f"no readable article in {where}{hint}", 1)
    return articles


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-c",
    "--config",
    type=click.Path(path_type=Path),
    help="Workspace config file or folder (default: ./briefing.toml).",
)
@click.version_option(package_name="briefing")
@click.pass_context
def main(ctx: click.Context, config: Path | None) -> None:
    """Turn news articles into a sourced briefing memo.

    With no command, opens the article picker (TUI) on the workspace.
    """
    ctx.ensure_object(dict)
    ctx.obj["config"] = config
    _show_warnings()
    if ctx.invoked_subcommand is None:
        run_tui(ctx)


@reports_errors
def run_tui(ctx: click.Context) -> None:
    """Open the Textual app; imported lazily so the CLI never pays for it."""
    ws = _workspace(ctx)
    from .tui.app import make_app

    make_app(ws).run()


def _json_beside(target: Path) -> Path:
    """``memo.md`` -> ``memo.json``; never the memo itself (``x.json`` -> ``x.json.json``)."""
    beside = target.with_suffix(".json")
    return beside if beside != target else target.with_name(target.name + ".json")


@main.command()
@PATHS
@click.option(
    "--select",
    "ids",
    multiple=True,
    metavar="ID",
    help="Article id to include, in memo order (repeatable).",
)
@click.option(
    "--template", "-t", default=None, help="Template name or file (default: config memo.template)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="markdown",
    show_default=True,
    help="html and docx need pandoc.",
)
@click.option(
    "--citations",
    type=click.Choice(CITATION_STYLES),
    default=None,
    help="Citation style (default: config memo.citations).",
)
@click.option(
    "-o",
    "--output",
    default=None,
    metavar="FILE",
    help="Write here instead of stdout ('-' = stdout).",
)
@click.option("--force", is_flag=True, help="Overwrite FILE (and its .json) if it exists.")
@click.option(
    "--save-json",
    is_flag=True,
    help="Also write the briefing as JSON beside FILE, for a later --since.",
)
@click.option(
    "--since",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    metavar="LAST.json",
    help="Mark what is new since this earlier briefing's JSON.",
)
@click.option("--copy", is_flag=True, help="Copy the memo to the clipboard instead of printing it.")
@click.option("--title", default=None, help="Memo title (default: config memo.title).")
@click.option(
    "--date",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="Memo date (default: today).",
)
@click.pass_context
@reports_errors
def build(
    ctx: click.Context,
    paths: tuple[Path, ...],
    ids: tuple[str, ...],
    template: str | None,
    fmt: str,
    citations: str | None,
    output: str | None,
    force: bool,
    save_json: bool,
    since: Path | None,
    copy: bool,
    title: str | None,
    date: datetime | None,
) -> None:
    """Build the memo from PATHS (files or folders; default: the config's sources)."""
    ws = _workspace(ctx)
    target = None if output in (None, "-") else Path(output)
    if target is not None and (not target.name or target.is_dir()):
        fail(f"-o {output}: give a file name, not a folder", 2)
    json_target = _json_beside(target) if save_json and target is not None else None
    if fmt == "docx" and (target is None or copy):
        fail("--format docx needs -o FILE and cannot be copied to the clipboard", 2)
    if save_json and (target is None or fmt == "json"):
        fail("--save-json needs -o FILE and a format other than json", 2)
    targets = [t for t in (target, json_target) if t is not None]
    for t in targets:
        if t.exists() and not force:
            fail(f"{t}: already exists (use --force to overwrite)", 1)
    info = None if fmt == "json" else ws.template(template)
    previous = load_previous(since) if since else None
    analyses = ws.analyse_all(_load(ws, paths, ids))
    day = date.date().isoformat() if date else None
    briefing = ws.build(analyses, title=title, date=day)
    changes = compare(previous, briefing) if previous is not None else None
    content = ws.render(briefing, fmt, template=info, changes=changes, citations=citations)
    if copy and isinstance(content, str):
        click.echo(f"briefing: copied the memo with {copy_to_clipboard(content)}", err=True)
    if target is not None:
        write_atomic(target, content, overwrite=force)
        click.echo(f"briefing: wrote {target}", err=True)
        if json_target is not None:
            write_atomic(json_target, render_json(briefing), overwrite=force)
            click.echo(f"briefing: wrote {json_target}", err=True)
    elif not copy:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        else:
            click.echo(content, nl=False)


@main.command()
@PATHS
@click.option(
    "-n",
    "--sentences",
    "n",
    type=click.IntRange(min=1),
    default=None,
    help="Sentences per summary (default: config summary.sentences).",
)
@click.option(
    "--across", is_flag=True, help="One summary across all the articles, each sentence cited."
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text", show_default=True
)
@click.pass_context
@reports_errors
def summarize(
    ctx: click.Context, paths: tuple[Path, ...], n: int | None, across: bool, fmt: str
) -> None:
    """Print an extractive summary of each article in PATHS (or one across them)."""
    ws = _workspace(ctx)
    count = n or ws.config.summary.sentences
    articles = _load(ws, paths)
    if across:
        points = key_points(ws.analyse_all(articles), count)
        if fmt == "jsonl":
            summary = [
                {"text": p.text, "article": p.article, "articles": [c.article for c in p.citations]}
                for p in points
            ]
            click.echo(json.dumps({"summary": summary}, ensure_ascii=False))
        else:
            for p in points:
                click.echo(f"{p.text} [{', '.join(c.article for c in p.citations)}]")
        return
    for i, analysis in enumerate(ws.analyse_all(articles)):
        article = analysis.article
        picked = summarize_sentences(analysis.sentences, count)
        chosen = [analysis.sentences[k].text for k in picked]
        if fmt == "jsonl":
            record = {"id": article.id, "path": article.path, "title": article.title}
            click.echo(json.dumps({**record, "summary": chosen}, ensure_ascii=False))
        else:
            if i:
                click.echo()
            click.echo(f"# {article.title} ({article.id})")
            for sentence in chosen:
                click.echo(f"- {sentence}")


def _positions_text(positions: Sequence[Position]) -> str:
    lines: list[str] = []
    for p in positions:
        lines.append(f"{p.country} ({p.iso3})")
        for s in p.statements:
            cites = "; ".join(f"{c.article} s.{c.sentence + 1}" for c in s.citations)
            who = s.speaker or p.country
            lines.append(f"  - {who} {stance_verb(s.stance, s.speaker)}: {s.text} [{cites}]")
    return "\n".join(lines) + ("\n" if lines else "")


@main.command()
@PATHS
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_context
@reports_errors
def positions(ctx: click.Context, paths: tuple[Path, ...], fmt: str) -> None:
    """Print who said what, by country, for the articles in PATHS."""
    ws = _workspace(ctx)
    # Only the positions: no key points across every article, which a memo needs.
    found = positions_of(ws.analyse_all(_load(ws, paths)), ws.config)
    if fmt == "json":
        click.echo(json.dumps(positions_to_list(found), ensure_ascii=False, indent=2))
    else:
        click.echo(_positions_text(found), nl=False)


@main.command()
@click.pass_context
@reports_errors
def templates(ctx: click.Context) -> None:
    """List the memo templates and where each comes from."""
    ws = _workspace(ctx)
    for info in list_templates(ws.config.root):
        click.echo(f"{info.name:<12} {info.origin:<10} {info.path}")


main.add_command(add)
main.add_command(list_articles)
