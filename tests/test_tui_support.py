"""A small, fixed workspace and helpers shared by the TUI tests (no tests in here).

The articles are short texts written for these tests. ``fake_analyse`` gives a stable
analysis (first two sentences as summary, a statement per country named) so that screen
snapshots do not change whenever the core's summariser or statement finder improves.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from briefing.models import Analysis, Article, Citation, Sentence, Statement
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.cache import AnalysisCache
from briefing.workspace import Workspace

CONFIG = """\
[memo]
title = "Grain corridor: test memo"
prepared_by = "Test desk"
classification = "UNCLASSIFIED"
template = "memo"

[sources]
paths = ["sources"]

[summary]
sentences = 2
key_points = 3
"""

ARTICLES = {
    "a-moscow-exit.md": (
        "Moscow leaves the grain corridor",
        "Wire One",
        "2023-07-17",
        "Russia said on Monday it would stop taking part in the grain corridor. "
        "The Kremlin spokesman said the deal had not met Moscow's demands. "
        "Ships waiting near Istanbul were told to stay in port. "
        "Wheat prices rose sharply in Chicago after the announcement.",
    ),
    "b-kyiv-reply.md": (
        "Kyiv vows to keep exporting",
        "Harbour Daily",
        "2023-07-18",
        "Ukraine said it would keep shipping grain without Russian guarantees. "
        "The foreign ministry in Kyiv called the exit blackmail. "
        "Insurers said they were reviewing cover for the Black Sea route. "
        "Port workers in Odesa cleared damage from the night's strikes.",
    ),
    "c-ankara-talks.md": (
        "Ankara offers to mediate",
        "Bosporus Times",
        "2023-07-20",
        "Turkey said it was ready to host new talks on the corridor. "
        "The president's office said both sides had been called. "
        "Diplomats in Ankara expected no quick result. "
        "Grain traders said freight rates had doubled in a week.",
    ),
    "d-markup.md": (
        "Markup [bold red]stays literal[/] here",
        "Wire One",
        "2023-07-21",
        "The headline held [bold red]square brackets[/bold red] on purpose. "
        "A second line carried \x1b[31man escape sequence\x1b[0m for the test. "
        "Nothing in it should change colour on the screen.",
    ),
}

COUNTRIES = {"Russia": "RUS", "Ukraine": "UKR", "Turkey": "TUR"}


def write_article(folder: Path, name: str, title: str, outlet: str, date: str, text: str) -> Path:
    path = folder / name
    front = f'---\ntitle: "{title}"\noutlet: {outlet}\npublished: {date}\n---\n\n'
    path.write_text(front + text + "\n", encoding="utf-8")
    return path


def make_workspace(root: Path, extra_config: str = "") -> Workspace:
    """A workspace in ``root`` with :data:`ARTICLES` in ``sources/``."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    (root / "briefing.toml").write_text(CONFIG + extra_config, encoding="utf-8")
    for name, (title, outlet, date, text) in ARTICLES.items():
        write_article(root / "sources", name, title, outlet, date, text)
    return Workspace.open(root / "briefing.toml")


def _claim(text: str) -> str:
    """What attribution would read off the parse of "X said Y.": "says Y"."""
    _, said, rest = text.partition(" said ")
    return f"says {rest.rstrip('.')}" if said else ""


def fake_analyse(article: Article) -> Analysis:
    """A stable stand-in for the core's analysis (see the module docstring)."""
    sentences = tuple(
        Sentence(i, m.group(0), m.start(), m.end())
        for i, m in enumerate(re.finditer(r"[^.]+\.", article.text))
    )
    sentences = tuple(
        Sentence(s.index, s.text.strip(), s.start + (len(s.text) - len(s.text.lstrip())), s.end)
        for s in sentences
    )
    statements = tuple(
        Statement(
            text=s.text,
            country=code,
            speaker=None,
            stance="STATEMENT",
            citations=(Citation(article.id, s.index),),
            claim=_claim(s.text),
        )
        for s in sentences
        for name, code in COUNTRIES.items()
        if s.text.startswith(name)
    )
    return Analysis(article, sentences, tuple(range(min(2, len(sentences)))), statements)


def app_for(
    root: Path, *, fake: bool = True, extra_config: str = "", reopen: bool = False
) -> BriefingApp:
    """The app on a fresh test workspace in ``root`` (``reopen``: on the one already there)."""
    workspace = (
        Workspace.open(root / "briefing.toml") if reopen else make_workspace(root, extra_config)
    )
    app = make_app(workspace)
    if fake:
        app.cache = AnalysisCache(fake_analyse)
    return app


async def settle(pilot: Pilot[None], app: BriefingApp, limit: float = 30.0) -> None:
    """Wait until loading, analysis, table filling and memo rendering are all done."""
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    await pilot.pause()
    while True:
        await app.workers.wait_for_complete()
        await pilot.pause(0.01)
        if not app.busy and not app.workers:
            break
        if loop.time() > end:
            raise AssertionError(f"app still busy after {limit} s: {vars_of(app)}")
    await pilot.pause()


def vars_of(app: BriefingApp) -> dict[str, object]:
    names = ("generation", "loading", "settling", "analysing", "_memo_pending", "memo_error")
    return {n: getattr(app, n) for n in names} | {"workers": list(app.workers)}


def async_test(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test with asyncio.run (no pytest async plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run
