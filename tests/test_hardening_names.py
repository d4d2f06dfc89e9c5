"""File names are untrusted too: bytes that are not UTF-8 and control characters in a name
must neither crash a command nor reach the terminal; the article is still listed."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from briefing.cli import main
from briefing.names import shown
from tests.test_tui_support import app_for, async_test, settle

NOT_UTF8 = os.fsdecode(b"caf\xe9.md")
CONTROLS = "n\x1b]0;pwned\x07\r\n\u202e.md"


def run(ws: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-c", str(ws / "briefing.toml"), *args])


def _workspace(make_workspace: Callable[..., Path], name: str) -> Path:
    ws = make_workspace(articles={})
    text = b"# C\n\nThe Polish minister said Warsaw agreed to the harbour plan.\n"
    (ws / "sources" / name).write_bytes(text)
    return ws


def _printable(text: str) -> bool:
    return not any(ord(c) < 32 and c not in "\n\t" for c in text) and not any(
        0xD800 <= ord(c) <= 0xDFFF or c in "\u202e\x7f" for c in text
    )


@pytest.mark.parametrize(
    "args", [("build",), ("list",), ("list", "--json"), ("summarize",), ("positions",)]
)
def test_a_name_that_is_not_utf8_is_read_and_shown_escaped(
    make_workspace: Callable[..., Path], args: tuple[str, ...]
) -> None:
    ws = _workspace(make_workspace, NOT_UTF8)
    result = run(ws, *args)
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert _printable(result.stdout)
    if args in (("list",), ("summarize",)):
        assert "caf\\xe9" in result.stdout
    if args == ("list", "--json"):
        assert [r["id"] for r in json.loads(result.stdout)] == ["caf\\xe9"]


@pytest.mark.parametrize("args", [("list",), ("summarize",), ("positions",), ("build",)])
def test_control_characters_in_a_name_never_reach_stdout(
    make_workspace: Callable[..., Path], args: tuple[str, ...]
) -> None:
    ws = _workspace(make_workspace, CONTROLS)
    result = run(ws, *args)
    assert result.exit_code == 0, result.output
    assert _printable(result.stdout) and _printable(result.stderr)
    assert "\r" not in result.stdout
    if args[0] == "list":
        assert result.stdout.count("\n") == 1  # one article, one line
        assert "n]0;pwned" in result.stdout


def test_shown_is_visible_and_keeps_ordinary_names() -> None:
    assert shown("sources/caf\u00e9 ü.md") == "sources/caf\u00e9 ü.md"
    assert shown(NOT_UTF8) == "caf\\xe9.md"
    assert shown(CONTROLS) == "n]0;pwned.md"


@async_test
async def test_the_workbench_lists_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    app = app_for(tmp_path, fake=False)
    (tmp_path / "sources" / NOT_UTF8).write_bytes(
        b"# C\n\nThe Polish minister said Warsaw agreed to the harbour plan.\n"
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        ids = [str(row.key.value) for row in app.table.ordered_rows]
        assert "caf\\xe9" in ids
