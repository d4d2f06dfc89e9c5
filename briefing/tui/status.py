"""The status line: what the workbench is doing, and a progress bar for the analyses."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class StatusBar(Horizontal):
    """Counts on the left, analysis progress on the right (no ETA: snapshots stay stable)."""

    def compose(self) -> ComposeResult:
        yield Label(id="status-text")
        yield ProgressBar(total=None, show_eta=False, id="progress")

    def say(self, text: str) -> None:
        self.query_one("#status-text", Label).update(Text(text))

    def progress(self, done: int, total: int | None) -> None:
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)
