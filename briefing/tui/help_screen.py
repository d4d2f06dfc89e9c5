"""The help screen, built from the live bindings so a rebound key shows as rebound."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    """A table of ``keys → what they do``; any of escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", show=False),
    ]

    def __init__(self, rows: Sequence[tuple[str, str]], filter_help: str) -> None:
        super().__init__()
        self._rows = rows
        self._filter_help = filter_help

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(Text("Keys", style="bold"), id="help-title")
            table: DataTable[Text] = DataTable(
                id="help-keys", cursor_type="none", show_header=False
            )
            table.add_column("Key", key="key")
            table.add_column("Action", key="action")
            for keys, description in self._rows:
                table.add_row(Text(keys, style="bold"), Text(description))
            yield table
            yield Static(Text(self._filter_help), id="help-filter")
            yield Static(
                Text(
                    "Mouse: click a row to preview it, its ✓ cell to select it, a column "
                    "header to sort, a tab to switch. Esc closes."
                ),
                id="help-footer",
            )

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(None)
