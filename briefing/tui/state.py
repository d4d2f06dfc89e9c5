"""Session state (selection, memo order, filter, title, curation) kept in ``.briefing/state.json``.

A broken or foreign state file must never stop the analyst from working: :func:`load_state`
returns a fresh state plus a one-line problem to show, instead of raising.
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..curation import Curation, curation_from_json, curation_to_json
from ..curation import state_path as state_path
from ..fsutil import write_atomic

VERSION = 1


@dataclass(frozen=True)
class SessionState:
    """What the workbench remembers between runs; ``title`` None means the config's title."""

    selected: tuple[str, ...] = ()
    filter: str = ""
    title: str | None = None
    sort: str = ""
    curation: Curation = field(default_factory=Curation)


def _strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def parse_state(data: Any) -> SessionState:
    """Check the JSON shape key by key; raise ValueError naming what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    selected = _strings(data.get("selected", []))
    if selected is None:
        raise ValueError("'selected' must be a list of article ids")
    text = data.get("filter", "")
    title = data.get("title")
    sort = data.get("sort", "")
    if not isinstance(text, str):
        raise ValueError("'filter' must be a string")
    if title is not None and not isinstance(title, str):
        raise ValueError("'title' must be a string")
    if not isinstance(sort, str):
        raise ValueError("'sort' must be a string")
    return SessionState(selected, text, title, sort, curation_from_json(data.get("curation")))


def load_state(path: Path) -> tuple[SessionState, str | None]:
    """The saved state, or a fresh one and the reason the saved one was ignored.

    A corrupt file (bad JSON, absurd nesting, wrong shape) is moved aside, never overwritten
    by the next save: the analyst may want what was in it.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return SessionState(), None
    except UnicodeDecodeError as exc:
        return SessionState(), _set_aside(path, f"not UTF-8 text ({exc.reason})")
    except OSError as exc:
        return SessionState(), f"{path}: cannot read session state ({exc}); starting fresh"
    try:
        return parse_state(json.loads(raw)), None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError is a ValueError
        reason = str(exc).splitlines()[0][:120] if str(exc) else "nested too deeply"
        if isinstance(exc, RecursionError):
            reason = "nested too deeply"
        return SessionState(), _set_aside(path, reason)


def _set_aside(path: Path, reason: str) -> str:
    """Rename a corrupt state file to a free ``state.json.corrupt[-N]``; the notice to show."""
    for n in range(1, 1000):
        backup = path.with_name(f"{path.name}.corrupt" + (f"-{n}" if n > 1 else ""))
        if backup.exists():
            continue
        try:
            os.rename(path, backup)
        except OSError as exc:
            return f"{path}: corrupt session state ignored ({reason}); not moved aside ({exc})"
        return f"{path}: corrupt session state ignored ({reason}); kept as {backup}"
    return f"{path}: corrupt session state ignored ({reason})"


def dump_state(state: SessionState) -> str:
    data = {
        "version": VERSION,
        "selected": list(state.selected),
        "filter": state.filter,
        "title": state.title,
        "sort": state.sort,
        "curation": curation_to_json(state.curation),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save_state(path: Path, state: SessionState) -> None:
    """Write atomically (a crash leaves the old state or the new one); creates the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, dump_state(state), overwrite=True)


class StateSaver:
    """Keeps the latest state and writes it when asked, from any thread, never twice.

    ``write_atomic`` fsyncs, which can take a noticeable time on a busy disk: the app
    submits on every change and flushes from a worker shortly after, and once more on quit.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._latest: SessionState | None = None
        self._written: SessionState | None = None

    def submit(self, state: SessionState) -> None:
        self._latest = state

    def flush(self) -> None:
        """Write the latest submitted state if it is not on disk yet (raises OSError etc.)."""
        with self._lock:
            state = self._latest
            if state is None or state == self._written:
                return
            save_state(self.path, state)
            self._written = state
