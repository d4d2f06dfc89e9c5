"""Pilot tests for what a new user met in the TUI: opening a bare folder of articles, the
filter's country names and invalid dates, and a ``[keymap]`` that takes another key."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, Label

from briefing.cli import main as cli_main
from briefing.errors import ConfigError
from briefing.tui import list_actions
from briefing.tui.app import BriefingApp, make_app
from briefing.tui.cache import AnalysisCache
from briefing.workspace import Workspace
from tests.test_tui_support import (
    ARTICLES,
    app_for,
    async_test,
    fake_analyse,
    make_workspace,
    settle,
    write_article,
)

SIZE = (120, 40)


def row_ids(app: BriefingApp) -> list[str]:
    return [str(row.key.value) for row in app.table.ordered_rows]


@async_test
async def test_the_app_on_a_bare_folder_of_articles(tmp_path: Path) -> None:
    """`briefing FOLDER` with no briefing.toml: every article in the folder is listed."""
    for name, fields in ARTICLES.items():
        write_article(tmp_path, name, *fields)
    app = make_app(Workspace.at(tmp_path))
    app.cache = AnalysisCache(fake_analyse)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert sorted(row_ids(app)) == sorted(Path(n).stem for n in ARTICLES)
        await pilot.press("space")
        await settle(pilot, app)
    assert (tmp_path / ".briefing" / "state.json").is_file()


@async_test
async def test_filter_takes_country_names_and_says_a_date_is_invalid(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(list_actions, "FILTER_DELAY", 0.02)
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        everything = row_ids(app)

        async def search(text: str) -> tuple[list[str], str]:
            app.query_one("#filter", Input).value = text
            await settle(pilot, app)
            return row_ids(app), str(app.query_one("#status-text", Label).render())

        assert (await search("country:Turkey"))[0] == ["c-ankara-talks"]
        assert (await search("country:TURKEY"))[0] == ["c-ankara-talks"]
        assert (await search("country:russia,tur"))[0] == ["a-moscow-exit", "c-ankara-talks"]
        rows, status = await search("after:2023-13-40")
        assert rows == everything and "after:2023-13-40: not a valid date" in status
        assert app.query_one("#filter", Input).has_class("-problem")
        rows, status = await search("country:Narnia kyiv")
        assert rows == ["b-kyiv-reply"] and "country:Narnia: unknown country" in status


def test_a_keymap_that_takes_another_actions_key_is_refused(tmp_path: Path) -> None:
    """`select = "c"` would silently make `copy` unreachable: a one-line config error."""
    make_workspace(tmp_path, extra_config='\n[keymap]\nselect = "c"\n')
    result = CliRunner().invoke(cli_main, ["-c", str(tmp_path / "briefing.toml")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"briefing: error: {tmp_path / 'briefing.toml'}: keymap.select: 'c' is already the key "
        "of 'copy' (give 'copy' another key too)\n"
    )
    with pytest.raises(ConfigError, match=r"keymap\.filter: '/' is already the key of 'move_up'"):
        clash = '\n[keymap]\nmove_up = "slash"\nfilter = "/"\n'
        make_app(make_workspace(tmp_path, extra_config=clash))


def test_a_keymap_may_swap_two_keys(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path, extra_config='\n[keymap]\nselect = "c"\ncopy = "space"\n')
    assert make_app(ws).workspace is ws
