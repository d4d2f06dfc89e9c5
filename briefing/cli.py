"""The ``briefing`` command: a thin click shell over the library.

Exit codes: 0 done; 1 nothing could be built (no readable article, template error, refused
overwrite, output that cannot be written); 2 usage or config error. Problems are one line on
stderr, never a traceback.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from .briefing import positions_of, set_aside
from .cli_common import (
    CONFIG_HELP,
    F,
    config_option,
    fail,
    load,
    note,
    reports_errors,
    warn,
    workspace,
)
from .cli_sources import add, list_articles
from .curation import Curation, apply_curation
from .export import FORMATS, PANDOC_FORMATS, convert, copy_to_clipboard
from .fsutil import check_target, write_atomic
from .models import Position
from .render import CITATION_STYLES, positions_to_list
from .stance import stance_verb
from .summary import key_points, summarize_sentences
from .templates import list_templates
from .whatsnew import load_previous
from .workspace import Workspace

PATHS = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


class _ClosedOutput(io.TextIOBase):
    """Stands in for a closed stdout (``briefing build >&-``), which Python leaves as None
    and click then skips without a word: a memo written nowhere must be an error."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "it is closed")


def _discard_stdout() -> None:
    """Point fd 1 at /dev/null: output already lost must not fail again at exit."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_WRONLY)
        if null != 1:
            os.dup2(null, 1)
            os.close(null)


class _WarningLine(logging.Handler):
    """Library warnings (e.g. a damaged cache entry dropped) as ``briefing: warning:`` lines."""

    def emit(self, record: logging.LogRecord) -> None:
        warn(record.getMessage())


def _show_warnings() -> None:
    logger = logging.getLogger("briefing")
    if not any(isinstance(h, _WarningLine) for h in logger.handlers):
        logger.addHandler(_WarningLine(logging.WARNING))


class _Main(click.Group):
    """The command group. ``briefing PATH``: when PATH is not a command but an existing file
    or folder, it is handed to the hidden ``open`` command (the TUI on PATH). And the one
    place where a failing stdout becomes one line."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if sys.stdout is None:
            _discard_stdout()  # hold fd 1, so no file opened later can become "stdout"
            sys.stdout = _ClosedOutput()
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                sys.stdout.flush()
        except OSError as exc:  # disk full, closed or broken stdout, I/O error...
            where = exc.filename or "standard output"
            _discard_stdout()
            fail(f"cannot write to {where}: {exc.strerror or exc}", 1)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] not in self.commands:
            if Path(args[0]).exists():
                return "open", self.commands["open"], args
            if "/" in args[0] or args[0].startswith("."):  # meant as a path, not a command
                raise click.UsageError(f"{args[0]}: no such file or folder", ctx)
        return super().resolve_command(ctx, args)


NO_WORKSPACE = (
    "no workspace here (no briefing.toml, no sources/): run `briefing FOLDER` on a folder "
    "of articles, or write a briefing.toml (see the README)"
)


@click.group(
    cls=_Main,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "-c",
    "--config",
    type=click.Path(path_type=Path),
    help=CONFIG_HELP,
)
@click.version_option(package_name="briefing")
@click.pass_context
def main(ctx: click.Context, config: Path | None) -> None:
    """Turn news articles into a sourced briefing memo.

    With no command, opens the article picker (TUI) on the workspace; `briefing PATH`
    opens it on the articles in PATH (a folder, a file, or another workspace).
    """
    ctx.ensure_object(dict)
    ctx.obj["config"] = config
    _show_warnings()
    if ctx.invoked_subcommand is None:
        run_tui(ctx)


@reports_errors
def run_tui(ctx: click.Context, path: Path | None = None) -> None:
    """Open the Textual app; imported lazily so the CLI never pays for it."""
    if path is not None and ctx.obj.get("config") is not None:
        fail("give a workspace with -c or a PATH to open, not both", 2)
    ws = workspace(ctx) if path is None else Workspace.at(path)
    if not ws.exists():
        fail(NO_WORKSPACE, 2)
    from .tui.app import make_app

    make_app(ws).run()


@main.command("open", hidden=True)
@config_option
@click.argument("path", type=click.Path(exists=True, path_type=Path), required=False)
@click.pass_context
def open_tui(ctx: click.Context, path: Path | None) -> None:
    """Open the article picker (TUI) on PATH, as `briefing PATH` does."""
    run_tui(ctx, path)


def _text_or(other: str, help_text: str) -> Callable[[F], F]:
    """``--format text|OTHER`` (default text) of the commands that print for reading."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["text", other]),
        default="text",
        show_default=True,
        help=help_text,
    )


def _json_beside(target: Path) -> Path:
    """``memo.md`` -> ``memo.json``; never the memo itself (``x.json`` -> ``x.json.json``)."""
    beside = target.with_suffix(".json")
    return beside if beside != target else target.with_name(target.name + ".json")


@main.command()
@config_option
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
@click.option(
    "--no-curation",
    is_flag=True,
    help="Ignore the statements dropped, moved or pinned in the TUI (.briefing/state.json).",
)
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
    no_curation: bool,
    title: str | None,
    date: datetime | None,
) -> None:
    """Build the memo from PATHS (files or folders; default: the config's sources)."""
    ws = workspace(ctx)
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
        check_target(t, overwrite=force)  # before the work: refuse early, not after a build
    info = None if fmt == "json" else ws.template(template)
    previous = load_previous(since) if since else None
    if paths and ws.config.path is not None:
        note(f"memo header and settings from {ws.config.path} (use -c to pick another config)")
    articles = load(ws, paths, ids)
    # The memo (and its JSON) as text, kept from the last build when nothing changed.
    texts = ws.outputs(
        articles,
        ("json" if fmt == "json" else "markdown", *(["json"] if json_target else [])),
        template=info,
        date=(date or datetime.now()).date().isoformat(),
        title=title,
        curation=_curation(ws, no_curation),
        previous=previous,
        citations=citations,
    )
    content: str | bytes = texts[0]
    if fmt in PANDOC_FORMATS:
        content = convert(texts[0], fmt, title or ws.config.memo.title)
    if copy and isinstance(content, str):
        click.echo(f"briefing: copied the memo with {copy_to_clipboard(content)}", err=True)
    if target is not None:
        write_atomic(target, content, overwrite=force)
        click.echo(f"briefing: wrote {target}", err=True)
        if json_target is not None:
            write_atomic(json_target, texts[1], overwrite=force)
            click.echo(f"briefing: wrote {json_target}", err=True)
    elif not copy:
        if isinstance(content, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(content)
        else:
            click.echo(content, nl=False)


@main.command()
@config_option
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
@_text_or("jsonl", "jsonl: one JSON object per article (or one for --across).")
@click.pass_context
@reports_errors
def summarize(
    ctx: click.Context, paths: tuple[Path, ...], n: int | None, across: bool, fmt: str
) -> None:
    """Print an extractive summary of each article in PATHS (or one across them)."""
    ws = workspace(ctx)
    count = n or ws.config.summary.sentences
    articles = load(ws, paths)
    if across:
        analyses = ws.analyse_all(articles)
        aside = set_aside(analyses)  # as in the memo: an unrelated page gives no point
        points = key_points([a for a in analyses if a.article.id not in aside], count)
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


def _curation(ws: Workspace, ignore: bool) -> Curation | None:
    """The TUI's curation of this workspace, unless ignored; say that it is applied."""
    if ignore:
        return None
    curation, problem = ws.curation()
    if problem:
        warn(problem)
    if curation:
        note(f"applying {curation.size} curation choice(s) made in the TUI (--no-curation: ignore)")
    return curation


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
@config_option
@PATHS
@_text_or("json", "json: the positions list of the build JSON schema.")
@click.option("--no-curation", is_flag=True, help="Ignore the curation made in the TUI.")
@click.pass_context
@reports_errors
def positions(ctx: click.Context, paths: tuple[Path, ...], fmt: str, no_curation: bool) -> None:
    """Print who said what, by country, for the articles in PATHS."""
    ws = workspace(ctx)
    # Only the positions: no key points across every article, which a memo needs.
    analyses = ws.analyse_all(load(ws, paths))
    found = positions_of(analyses, ws.config)
    curation = _curation(ws, no_curation)
    if curation:
        found = apply_curation(found, curation, analyses)
    if fmt == "json":
        click.echo(json.dumps(positions_to_list(found, analyses), ensure_ascii=False, indent=2))
    else:
        click.echo(_positions_text(found), nl=False)


@main.command()
@config_option
@click.pass_context
@reports_errors
def templates(ctx: click.Context) -> None:
    """List the memo templates and where each comes from."""
    ws = workspace(ctx)
    for info in list_templates(ws.config.root):
        click.echo(f"{info.name:<12} {info.origin:<10} {info.path}")


main.add_command(add)
main.add_command(list_articles)
