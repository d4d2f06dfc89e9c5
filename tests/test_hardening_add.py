"""``add`` never ends in a traceback: an item it cannot use is skipped with one warning line
naming it, and the items after it are still added."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefing.cli import main

GOOD = b"# Fine\n\nThe Irish minister said Dublin agreed to the harbour plan.\n"
BAD: dict[str, bytes] = {
    "surrogate.json": b'{"title":"Lone \\ud800 \\u001b[31mred","text":"The Greek minister said '
    b'Athens would wait for the talks."}',
    "huge-number.json": b'{"title":"N","text":"The Greek minister said Athens agreed.","id":'
    + b"9" * 5000
    + b"}",
    "huge-number.jsonl": b'{"title":"N","text":"The Greek minister said Athens agreed.","n":'
    + b"9" * 5000
    + b"}\n",
    "undefined.html": b'<html><head><meta charset="undefined"><title>U</title></head><body>'
    b"<p>The Danish minister said Copenhagen agreed to the plan today.</p></body></html>",
}


def add(ws: Path, *items: str) -> Result:
    return CliRunner().invoke(main, ["-c", str(ws / "briefing.toml"), "add", *items])


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_hostile_item_never_stops_add(make_workspace: Callable[..., Path], name: str) -> None:
    ws = make_workspace(articles={})
    (ws / name).write_bytes(BAD[name])
    (ws / "fine.md").write_bytes(GOOD)
    result = add(ws, str(ws / name), str(ws / "fine.md"))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert (ws / "sources" / "fine.md").exists()
    assert "\x1b" not in result.stdout and "\ud800" not in result.stdout
    for line in result.stderr.splitlines():
        assert line.startswith("briefing: warning: skipped") and name in line


def test_a_number_too_long_to_convert_is_named(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace(articles={})
    (ws / "n.json").write_bytes(BAD["huge-number.json"])
    result = add(ws, str(ws / "n.json"))
    assert result.exit_code == 1
    warning, error = result.stderr.strip().splitlines()
    assert "n.json" in warning and "unreadable content" in warning
    assert error == "briefing: error: nothing was added"
