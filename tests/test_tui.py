"""Pilot tests of the workbench on a small workspace written into ``tmp_path``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.text import Text
from textual.command import CommandList
from textual.widgets import Input, Select, Static, TextArea

from briefing.cli import main as cli_main
from briefing.tui import list_actions
from briefing.tui.confirm_screen import ConfirmScreen
from briefing.tui.export_screen import ExportScreen
from briefing.tui.help_screen import HelpScreen
from briefing.tui.highlight import SUMMARY_STYLE
from briefing.tui.preview import PreviewPane
from briefing.tui.title_screen import TitleScreen
from tests.test_tui_support import app_for, async_test, settle, write_article

SIZE = (120, 40)


def row_ids(app: object) -> list[str]:
    from briefing.tui.app import BriefingApp

    assert isinstance(app, BriefingApp)
    table = app.table
    return [str(row.key.value) for row in table.ordered_rows]


async def select_first_two(pilot, app) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("space", "down", "space")
    await settle(pilot, app)


async def export_to(pilot, app, name: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("e")
    await settle(pilot, app)
    assert isinstance(app.screen, ExportScreen)
    path_input = app.screen.query_one("#export-path", Input)
    path_input.value = name
    await pilot.press("enter")
    await settle(pilot, app)


@async_test
async def test_rows_appear_with_countries(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert row_ids(app) == ["a-moscow-exit", "b-kyiv-reply", "c-ankara-talks", "d-markup"]
        assert app.table.get_cell("a-moscow-exit", "countries").plain == "RUS"
        assert app.table.get_cell("b-kyiv-reply", "countries").plain == "UKR"


@async_test
async def test_select_reorder_and_export(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await select_first_two(pilot, app)
        assert app.selection.ids == ("a-moscow-exit", "b-kyiv-reply")
        assert app.table.get_cell("b-kyiv-reply", "number").plain == "2"
        await pilot.press("K")  # the highlighted (second) article moves up
        await settle(pilot, app)
        assert app.selection.ids == ("b-kyiv-reply", "a-moscow-exit")
        assert app.table.get_cell("b-kyiv-reply", "number").plain == "1"
        await pilot.press("up", "K")  # already first: nothing moves
        await pilot.press("down", "J")  # back to second place
        await settle(pilot, app)
        assert app.selection.ids == ("a-moscow-exit", "b-kyiv-reply")
        await pilot.press("K")
        await export_to(pilot, app, "out.md")
    memo = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert memo.startswith("# Grain corridor: test memo\n")
    assert "**Sources:** 2 articles" in memo
    assert memo.index("### 1. Kyiv vows to keep exporting") < memo.index(
        "### 2. Moscow leaves the grain corridor"
    )
    assert "Ankara" not in memo


@async_test
async def test_export_asks_before_overwriting(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    target = tmp_path / "memo.md"
    target.write_text("old memo\n", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("space")
        await export_to(pilot, app, "memo.md")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot, app)
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == "old memo\n"
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot, app)
        assert not isinstance(app.screen, ExportScreen | ConfirmScreen)
    assert "### 1. Moscow leaves the grain corridor" in target.read_text(encoding="utf-8")


@async_test
async def test_export_dialog_offers_templates_and_cancels(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("e")  # nothing selected: refused with a notification
        await settle(pilot, app)
        assert not isinstance(app.screen, ExportScreen)
        await pilot.press("space", "e")
        await settle(pilot, app)
        assert isinstance(app.screen, ExportScreen)
        select = app.screen.query_one("#export-template", Select)
        assert select.value == "memo"
        await pilot.press("escape")
        await settle(pilot, app)
        assert not isinstance(app.screen, ExportScreen)
    assert not (tmp_path / "memo.md").exists()


@async_test
async def test_filter_terms_combine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(list_actions, "FILTER_DELAY", 0.02)
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"kyiv", "enter")
        await settle(pilot, app)
        assert row_ids(app) == ["b-kyiv-reply"]
        assert app.focused is app.table

        async def search(text: str) -> list[str]:
            app.query_one("#filter", Input).value = text
            await settle(pilot, app)
            return row_ids(app)

        assert await search("country:RUS") == ["a-moscow-exit"]
        assert await search("country:RUS,TUR") == ["a-moscow-exit", "c-ankara-talks"]
        assert await search("outlet:wire") == ["a-moscow-exit", "d-markup"]
        assert await search("outlet:wire after:2023-07-18") == ["d-markup"]
        assert await search("before:2023-07-18") == ["a-moscow-exit"]
        assert await search('"freight rates"') == ["c-ankara-talks"]
        assert await search("nothing-matches-this") == []
        assert await search("") == [
            "a-moscow-exit",
            "b-kyiv-reply",
            "c-ankara-talks",
            "d-markup",
        ]


@async_test
async def test_sort_cycles_and_header_click(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("s")  # file order -> date (newest first)
        await settle(pilot, app)
        assert app.sort_mode == "date"
        assert row_ids(app)[0] == "d-markup"
        await pilot.press("s")  # -> title
        await settle(pilot, app)
        assert row_ids(app)[0] == "c-ankara-talks"
        await pilot.click("#articles", offset=(60, 0))  # the Date header
        await settle(pilot, app)
        assert app.sort_mode == "date"


@async_test
async def test_session_saved_and_restored(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "down", "space", "up", "up", "space")
        await pilot.press("t")
        await settle(pilot, app)
        assert isinstance(app.screen, TitleScreen)
        app.screen.query_one(Input).value = "My own title"
        await pilot.press("enter")
        app.query_one("#filter", Input).value = "grain"
        await settle(pilot, app)
        await pilot.press("q")
    state = json.loads((tmp_path / ".briefing" / "state.json").read_text(encoding="utf-8"))
    assert state["selected"] == ["c-ankara-talks", "a-moscow-exit"]
    assert state["filter"] == "grain"
    assert state["title"] == "My own title"

    (tmp_path / "sources" / "c-ankara-talks.md").unlink()
    again = app_for(tmp_path, reopen=True)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, again)
        assert again.selection.ids == ("a-moscow-exit",)  # the deleted article is dropped
        assert again.query_one("#filter", Input).value == "grain"
        assert again.title_text == "My own title"
        assert again.sub_title == "My own title"
        assert set(row_ids(again)) == {"a-moscow-exit", "b-kyiv-reply"}
    state = json.loads((tmp_path / ".briefing" / "state.json").read_text(encoding="utf-8"))
    assert state["selected"] == ["a-moscow-exit"]


@async_test
async def test_corrupt_state_is_ignored(tmp_path: Path) -> None:
    (tmp_path / ".briefing").mkdir()
    (tmp_path / ".briefing" / "state.json").write_text('{"selected": [1, 2', encoding="utf-8")
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert app.selection.ids == ()
        assert any("corrupt session state" in str(n.message) for n in app._notifications)
        await pilot.press("space")
        await settle(pilot, app)
    state = json.loads((tmp_path / ".briefing" / "state.json").read_text(encoding="utf-8"))
    assert state["selected"] == ["a-moscow-exit"]


@async_test
async def test_markup_and_escapes_in_an_article_are_literal(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "down", "down")
        await settle(pilot, app)
        assert app.table.current_id == "d-markup"
        assert app.table.get_cell("d-markup", "title").plain.startswith("Markup [bold red]")
        screen = app.export_screenshot()
        assert "Markup&#160;[bold&#160;red]" in screen or "Markup [bold red]" in screen
        assert "\x1b" not in screen
        body = app.query_one("#article-body", Static).content
        assert isinstance(body, Text)
        assert "held [bold red]square brackets[/bold red] on purpose" in body.plain
        assert "\x1b" not in body.plain
        assert {str(span.style) for span in body.spans} <= {SUMMARY_STYLE}
        header = app.query_one("#article-header", Static).content
        assert isinstance(header, Text)
        assert header.plain.startswith("Markup [bold red]stays literal[/] here")
        await pilot.press("space", "4")
        await settle(pilot, app)
        assert app.memo is not None
        assert "stays literal" in app.memo[1]


@async_test
async def test_memo_tab_matches_cli_build(tmp_path: Path) -> None:
    app = app_for(tmp_path, fake=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("down", "space", "up", "space", "4")
        await settle(pilot, app)
        assert app.query_one(PreviewPane).active == "memo"
        assert app.memo is not None, app.memo_error
        shown = app.memo[1]
        await pilot.press("c")
        await settle(pilot, app)
        assert app.clipboard == shown
        big = "# Huge memo\n\n" + "word " * 40_000  # too big for the Markdown widget
        await app.preview.show_memo(big)
        await pilot.pause()
        plain = app.query_one("#memo-plain", TextArea)
        assert plain.display and plain.text == big
        assert not app.query_one("#memo-scroll").display
    runner = CliRunner()
    import os

    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = runner.invoke(
            cli_main, ["build", "--select", "b-kyiv-reply", "--select", "a-moscow-exit"]
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 0, result.output
    assert result.output == shown


@async_test
async def test_help_lists_every_action_with_rebound_keys(tmp_path: Path) -> None:
    app = app_for(tmp_path, extra_config='\n[keymap]\nselect = "x"\nnonsense = "z"\n')
    told: list[str] = []
    shown = app.notify

    def notify(message: str, **kw: Any) -> None:  # record: a loaded machine may outlast its timeout
        told.append(message)
        shown(message, **kw)

    app.notify = notify  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert any("keymap.nonsense" in m for m in told)
        await pilot.press("x")
        await settle(pilot, app)
        assert app.selection.ids == ("a-moscow-exit",)
        await pilot.press("space")  # no longer bound
        assert app.selection.ids == ("a-moscow-exit",)
        rows = dict((action, keys) for keys, action in app.help_rows())
        assert rows["Select or deselect the highlighted article"] == "x"
        assert rows["Show all keys"] == "?, f1"
        await pilot.press("f1")
        await settle(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("question_mark")
        await settle(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "slash", "f1")  # help from the filter bar lists all keys
        await settle(pilot, app)
        assert isinstance(app.screen, HelpScreen)
        assert (
            dict((a, k) for k, a in app.help_rows())[
                "Select every visible article (again: deselect them)"
            ]
            == "a"
        )


@async_test
async def test_command_palette_runs_actions(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.press("space", "ctrl+p")
        await settle(pilot, app)
        await pilot.press(*"export the memo")
        for _ in range(100):  # the palette searches in the background
            await pilot.pause(0.02)
            lists = app.screen.query(CommandList)
            if lists and lists.first().option_count:
                break
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, ExportScreen)


@async_test
async def test_select_all_visible_toggles(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        app.query_one("#filter", Input).value = "outlet:wire"
        await settle(pilot, app)
        await pilot.press("a")
        assert app.selection.ids == ("a-moscow-exit", "d-markup")
        await pilot.press("a")
        assert app.selection.ids == ()
        write_article(
            tmp_path / "sources",
            "e-new.md",
            "Fresh wire story",
            "Wire One",
            "2023-07-22",
            "Russia said a new thing.",
        )
        await pilot.press("r")
        await settle(pilot, app)
        assert row_ids(app) == ["a-moscow-exit", "d-markup", "e-new"]


@async_test
async def test_mouse_click_on_mark_column_selects(tmp_path: Path) -> None:
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        await pilot.click("#articles", offset=(1, 2))  # ✓ cell of the second row
        await settle(pilot, app)
        assert app.selection.ids == ("b-kyiv-reply",)
        await pilot.click("#articles", offset=(20, 3))  # a title: highlight only
        await settle(pilot, app)
        assert app.selection.ids == ("b-kyiv-reply",)
        assert app.table.current_id == "c-ankara-talks"


@async_test
async def test_restored_country_filter_fills_in_as_analyses_arrive(tmp_path: Path) -> None:
    (tmp_path / ".briefing").mkdir()
    state = {"selected": [], "filter": "country:TUR", "title": None}
    (tmp_path / ".briefing" / "state.json").write_text(json.dumps(state), encoding="utf-8")
    app = app_for(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        assert row_ids(app) == ["c-ankara-talks"]
        assert app.query_one("#filter", Input).value == "country:TUR"
