"""Pilot tests for what a new user met in the TUI: opening a bare folder of articles, the
filter's country names and invalid dates, and a ``[keymap]`` that takes another key."""

from __future__ import annotations

from pathlib import Path

from briefing.tui.app import BriefingApp, make_app
from briefing.tui.cache import AnalysisCache
from briefing.workspace import Workspace
from tests.test_tui_support import ARTICLES, async_test, fake_analyse, settle, write_article

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
