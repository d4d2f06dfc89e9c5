"""`briefing PATH`: the TUI on a folder of articles with no briefing.toml, and the one line
that says how to make a workspace when there is none. The app itself is replaced by a fake
that records the workspace it was given (the TUI's own tests drive the real one)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.workspace import Workspace

from .conftest import BODIES, write_article


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Workspace]:
    """The workspaces the TUI was opened on (nothing is drawn)."""
    seen: list[Workspace] = []

    class FakeApp:
        def __init__(self, ws: Workspace) -> None:
            seen.append(ws)

        def run(self) -> None:
            return None

    monkeypatch.setattr("briefing.tui.app.make_app", FakeApp)
    return seen


def test_briefing_path_opens_the_tui_on_a_folder_of_articles(
    tmp_path: Path, opened: list[Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    for slug, fields in BODIES.items():
        write_article(folder, slug, *fields)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["downloads"])
    assert result.exit_code == 0, result.output
    (ws,) = opened
    assert ws.config.path is None and ws.config.root == Path("downloads")
    assert sorted(a.id for a in ws.load().articles) == ["alpha", "bravo"]


def test_briefing_path_to_a_workspace_uses_its_config(
    make_workspace: Callable[..., Path], opened: list[Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_workspace()
    monkeypatch.chdir(root.parent)
    assert CliRunner().invoke(main, [root.name]).exit_code == 0
    assert opened[0].config.memo.title == "Harbour talks"


def test_a_single_article_file_opens_too(tmp_path: Path, opened: list[Workspace]) -> None:
    path = write_article(tmp_path, "alpha", *BODIES["alpha"])
    assert CliRunner().invoke(main, [str(path)]).exit_code == 0
    assert [a.id for a in opened[0].load().articles] == ["alpha"]


def test_a_mistyped_command_is_still_no_such_command(
    tmp_path: Path, opened: list[Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["biuld"])
    assert result.exit_code == 2 and "No such command 'biuld'" in result.output
    result = CliRunner().invoke(main, ["./no/such/folder"])
    assert result.exit_code == 2 and "./no/such/folder: no such file or folder" in result.output
    assert not opened


def test_no_workspace_says_how_to_make_one(
    tmp_path: Path, opened: list[Workspace], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert "no workspace here" in line and "briefing FOLDER" in line and "briefing.toml" in line
    assert not opened


def test_path_and_c_together_are_refused(
    make_workspace: Callable[..., Path], opened: list[Workspace]
) -> None:
    root = make_workspace()
    result = CliRunner().invoke(main, ["-c", str(root), str(root / "sources")])
    assert result.exit_code == 2 and "not both" in result.stderr
    assert not opened
