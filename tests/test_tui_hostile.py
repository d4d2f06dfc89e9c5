"""The workbench over the hostile corpus: every file either listed literally or skipped,
and the app keeps working (select, preview every tab, memo) without crashing."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.test_hostile import HOSTILE_FILES
from tests.test_tui_support import app_for, async_test, settle

SIZE = (120, 40)


@async_test
async def test_hostile_corpus_in_the_workbench(tmp_path: Path) -> None:
    app = app_for(tmp_path, fake=False)
    for name, data in HOSTILE_FILES.items():
        (tmp_path / "sources" / name).write_bytes(data)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, app)
        ids = [str(row.key.value) for row in app.table.ordered_rows]
        assert "rich-markup" in ids and "ansi" in ids and "scripts" in ids
        assert "binary" not in ids and "empty" not in ids
        for _ in ids:
            await pilot.press("space", "1", "2", "3", "4", "down")
        await settle(pilot, app)
        screen = app.export_screenshot()
        assert "\x1b" not in screen
        body = app.query_one("#article-body", Static).content
        assert "\x1b" not in str(body)
        assert app.memo is not None and "\x1b" not in app.memo[1]
        assert app.is_running
