"""The walk of the sources folder survives what a file system can hold: symbolic-link loops
and folders nested far deeper than Python's recursion limit."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from briefing.cli import main
from briefing.errors import ArticleError
from briefing.ingest import discover


def run(ws: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-c", str(ws / "briefing.toml"), *args])


def test_a_symlink_loop_is_skipped_with_a_warning(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace()
    (ws / "sources" / "a.md").symlink_to("b.md")
    (ws / "sources" / "b.md").symlink_to("a.md")
    result = run(ws, "build")
    assert result.exit_code == 0, result.output
    assert "Harbour talks resume" in result.stdout
    warnings = [line for line in result.stderr.splitlines() if "loop" in line]
    assert len(warnings) == 2 and "a.md" in warnings[0] and "b.md" in warnings[1]


def test_a_folder_nested_1200_deep_is_walked(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace(articles={})
    levels = [str(ws / "sources" / "/".join(["d"] * n)) for n in range(1, 1201)]
    for level in levels:  # os.makedirs and shutil.rmtree recurse: build and clear by hand
        os.mkdir(level)
    deep = Path(levels[-1]) / "deep.md"
    deep.write_text(
        "# Deep\n\nThe Polish minister said Warsaw agreed to the harbour plan.\n", encoding="utf-8"
    )
    try:
        result = run(ws, "list", "--json")
        assert result.exit_code == 0, result.output
        assert [r["id"] for r in json.loads(result.stdout)] == ["deep"]
    finally:
        deep.unlink()
        for level in reversed(levels):
            os.rmdir(level)


def test_each_folder_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "one.md").write_text("# One\n\nText.\n", encoding="utf-8")
    (tmp_path / "y").symlink_to("x", target_is_directory=True)  # linked folders: not walked
    (tmp_path / "z.md").write_text("# Z\n\nText.\n", encoding="utf-8")
    found = [f for f in discover([tmp_path]) if not isinstance(f, ArticleError)]
    assert [os.path.relpath(p, tmp_path) for p, _ in found] == ["x/one.md", "z.md"]
