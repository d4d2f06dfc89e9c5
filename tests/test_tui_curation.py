"""Pilot tests of curation in the Positions tab: drop, move, pin, and their reload."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import Input, Tree

from briefing.tui.app import BriefingApp
from briefing.tui.export_screen import ExportScreen
from briefing.tui.move_screen import MoveScreen
from tests.test_tui_support import app_for, async_test, settle, write_article

SIZE = (120, 40)


async def to_statement(pilot, app: BriefingApp, downs: int = 2) -> None:  # type: ignore[no-untyped-def]
    """Open the Positions tab and put the tree's cursor on a statement row (the first
    down reaches the country, the next its first statement)."""
    await pilot.press("3")
    app.query_one("#positions-tree", Tree).focus()
    await pilot.pause()
    await pilot.press(*["down"] * downs)
    await settle(pilot, app)


async def memo(pilot, app: BriefingApp) -> str:  # type: ignore[no-untyped-def]
    await pilot.press("4")
    await settle(pilot, app)
    assert app.memo is not None, app.memo_error
    return app.memo[1]


def positions_part(text: str) -> str:
    return text.split("## Positions by country", 1)[1].split("## Article summaries", 1)[0]


@async_test
async def test_drop_hides_a_statement_from_the_memo_and_again_restores_it(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("space", "down", "space")  # a and b selected, b highlighted
        await settle(pilot, app)
        assert "### Ukraine" in positions_part(await memo(pilot, app))
        await to_statement(pilot, app)
        await pilot.press("d")
        await settle(pilot, app)
        assert len(app.curation.dropped) == 1
        assert "### Ukraine" not in positions_part(await memo(pilot, app))
        await pilot.press("c")
        await settle(pilot, app)
        assert app.memo is not None and app.clipboard == app.memo[1]  # copy: the curated memo
        await pilot.press("3")
        await settle(pilot, app)
        node = app.preview.highlighted_statement()
        assert node is not None and node.dropped  # the cursor followed it to "Dropped"
        await pilot.press("d")
        await settle(pilot, app)
        assert not app.curation
        assert "### Ukraine" in positions_part(await memo(pilot, app))


@async_test
async def test_move_puts_a_statement_under_the_chosen_country(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("space")  # a: Russia's statement
        await to_statement(pilot, app)
        await pilot.press("m")
        await settle(pilot, app)
        assert isinstance(app.screen, MoveScreen)
        app.screen.query_one("#move-input", Input).value = "ukrai"
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot, app)
        assert [to for _, to in app.curation.moved] == ["UKR"]
        part = positions_part(await memo(pilot, app))
        assert "### Ukraine" in part and "### Russia" not in part
        assert "Russia said on Monday" in part
        await pilot.press("e")
        await settle(pilot, app)
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path", Input).value = "moved.md"
        await pilot.press("enter")
        await settle(pilot, app)
        assert positions_part((tmp_path / "moved.md").read_text(encoding="utf-8")) == part
        tree = app.query_one("#positions-tree", Tree)
        labels = [str(n.label) for n in tree.root.children]
        assert labels and labels[0].startswith("Ukraine")


@async_test
async def test_move_picker_cancels_with_escape(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await to_statement(pilot, app)
        await pilot.press("m")
        await settle(pilot, app)
        assert isinstance(app.screen, MoveScreen)
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, MoveScreen) and not app.curation


@async_test
async def test_pin_makes_the_headline_and_survives_a_reload(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    text = "Ukraine said the port would reopen. Ukraine said talks had failed."
    write_article(tmp_path / "sources", "e-two.md", "Kyiv twice", "Wire Two", "2023-07-22", text)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "down", "down", "down", "space")  # e-two: Ukraine twice
        await settle(pilot, app)
        assert app.table.current_id == "e-two"
        assert "| says the port would reopen" in await memo(pilot, app)
        await to_statement(pilot, app, downs=3)
        await pilot.press("p")
        await settle(pilot, app)
        text = await memo(pilot, app)
        assert "| says talks had failed" in text
        await pilot.press("3")
        await settle(pilot, app)
        tree = app.query_one("#positions-tree", Tree)
        assert any(str(leaf.label).startswith("★") for leaf in tree.root.children[0].children)
        await pilot.press("q")
    state = json.loads((tmp_path / ".briefing" / "state.json").read_text(encoding="utf-8"))
    assert [p["headline_of"] for p in state["curation"]["pinned"]] == ["UKR"]
    again = app_for(tmp_path, reopen=True)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, again)
        assert again.curation == app.curation
        assert "| says talks had failed" in await memo(pilot, again)


@async_test
async def test_curation_keys_need_a_highlighted_statement(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("d")  # Article tab: the key is not active here
        await pilot.press("3", "p")  # Positions tab, cursor on no statement yet
        await settle(pilot, app)
        assert not app.curation
