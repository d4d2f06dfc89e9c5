"""SVG snapshots of the workbench (regenerate with ``pytest --snapshot-update``).

The workspace is fixed, the analysis is the stable fake from ``test_tui_support`` and no
clock is shown, so the pictures only change when the UI does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Tree

from tests.test_tui_support import app_for, settle

SIZE = (120, 36)


def _snap(snap_compare: Any, tmp_path: Path, *keys: str) -> bool:
    app = app_for(tmp_path)

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot, app)
        await pilot.press(*keys)
        await settle(pilot, app)
        for field in app.screen.query(Input):
            field.cursor_blink = False
        app.clear_notifications()
        await pilot.pause()

    result: bool = snap_compare(app, terminal_size=SIZE, run_before=run_before)
    return result


def test_main_screen(snap_compare: Any, tmp_path: Path) -> None:
    """Two articles selected, the second highlighted, its summary highlighted."""
    assert _snap(snap_compare, tmp_path, "space", "down", "space")


def test_help_screen(snap_compare: Any, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, "question_mark")


def test_export_dialog(snap_compare: Any, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, "space", "e")


def test_positions_tab(snap_compare: Any, tmp_path: Path) -> None:
    assert _snap(snap_compare, tmp_path, "3")


def test_positions_tab_curated(snap_compare: Any, tmp_path: Path) -> None:
    """The Positions tab after pinning a statement: its mark, the curation keys in the footer."""
    app = app_for(tmp_path)

    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot, app)
        await pilot.press("down", "3")
        app.query_one("#positions-tree", Tree).focus()
        await pilot.pause()
        await pilot.press("down", "down", "p")
        await settle(pilot, app)
        app.clear_notifications()
        await pilot.pause()

    result: bool = snap_compare(app, terminal_size=SIZE, run_before=run_before)
    assert result
