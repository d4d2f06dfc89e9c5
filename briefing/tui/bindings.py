"""The workbench's keys: one list that drives the footer, the help screen, the command
palette and the ``[keymap]`` table of ``briefing.toml`` (binding id = action name).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding
from textual.keys import _character_to_key

from ..errors import ConfigError


@dataclass(frozen=True)
class Action:
    """A user-facing action: its name (= binding id), default keys and descriptions."""

    name: str
    keys: str
    short: str
    help: str
    show: bool = True
    key_display: str | None = None


ACTIONS: tuple[Action, ...] = (
    Action("select", "space", "Select", "Select or deselect the highlighted article"),
    Action("select_all", "a", "All", "Select every visible article (again: deselect them)"),
    Action("move_down", "J", "Down", "Move the highlighted article down in memo order"),
    Action("move_up", "K", "Up", "Move the highlighted article up in memo order"),
    Action("filter", "slash", "Filter", "Filter: words, country:RUS, outlet:, after:, before:"),
    Action("sort", "s", "Sort", "Sort the list by date, title, outlet or memo order"),
    Action("export", "e", "Export", "Export the memo to a file"),
    Action("copy", "c", "Copy", "Copy the memo to the clipboard"),
    Action("title", "t", "Title", "Edit the memo title"),
    Action("reload", "r", "Reload", "Reload the sources"),
    Action("tab_article", "1", "Article", "Preview: the article, summary highlighted", show=False),
    Action("tab_summary", "2", "Summary", "Preview: the summary sentences", show=False),
    Action("tab_positions", "3", "Positions", "Preview: positions by country", show=False),
    Action("tab_memo", "4", "Memo", "Preview: the memo as it would be exported", show=False),
    Action("drop_statement", "d", "Drop", "Positions: drop the statement (again: restore it)"),
    Action("move_statement", "m", "Move", "Positions: move the statement to another country"),
    Action("pin_statement", "p", "Pin", "Positions: pin the statement as its country's headline"),
    Action("help", "question_mark,f1", "Help", "Show all keys"),
    Action("quit", "q", "Quit", "Save the session and quit"),
)

BY_NAME = {a.name: a for a in ACTIONS}


def app_bindings() -> list[Binding]:
    """Textual bindings for :data:`ACTIONS`, each with ``id`` so a keymap can rebind it."""
    return [
        Binding(a.keys, a.name, a.short, show=a.show, key_display=a.key_display, id=a.name)
        for a in ACTIONS
    ]


def _key_name(key: str) -> str:
    """``/`` and ``slash`` are one key: compare keys by Textual's name for them."""
    key = key.strip()
    return _character_to_key(key) if len(key) == 1 else key


def check_keymap(keymap: Iterable[tuple[str, str]]) -> tuple[dict[str, str], list[str]]:
    """Keep the ``[keymap]`` entries naming a known action; report the others.

    A key that would serve two actions is refused (ConfigError naming both): Textual would
    silently let one of them win and the other could no longer be reached.
    """
    good: dict[str, str] = {}
    problems: list[str] = []
    for name, keys in keymap:
        if name in BY_NAME:
            good[name] = keys
        else:
            known = ", ".join(BY_NAME)
            problems.append(f"keymap.{name}: unknown action (known: {known})")
    owner: dict[str, str] = {}
    for action in ACTIONS:
        for key in good.get(action.name, action.keys).split(","):
            other = owner.setdefault(_key_name(key), action.name)
            if other != action.name:
                rebound = action.name if action.name in good else other
                taken = other if rebound == action.name else action.name
                raise ConfigError(
                    f"keymap.{rebound}: '{key.strip()}' is already the key of '{taken}' "
                    f"(give '{taken}' another key too)"
                )
    return good, problems
