"""Pick the country or international body a statement belongs to (curation: move)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option


class MoveScreen(ModalScreen[str | None]):
    """Type to narrow the list (name or code); Enter moves there, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("up", "cursor(-1)", show=False),
    ]

    def __init__(self, what: str, choices: Sequence[tuple[str, str]]) -> None:
        """``choices`` are ``(code, name)`` pairs, the likeliest first."""
        super().__init__()
        self._what = what
        self._choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical(id="move-box", classes="dialog"):
            yield Static(Text(f"Move {self._what} to:"))
            yield Input(placeholder="country or body: name or code", id="move-input")
            yield OptionList(*self._options(""), id="move-list")

    def _options(self, typed: str) -> list[Option]:
        word = typed.strip().lower()
        return [
            Option(Text(f"{name}  {code}"), id=code)
            for code, name in self._choices
            if not word or word in name.lower() or word == code.lower()
        ]

    @on(Input.Changed, "#move-input")
    def _narrow(self, event: Input.Changed) -> None:
        options = self.query_one("#move-list", OptionList)
        options.clear_options()
        options.add_options(self._options(event.value))
        options.highlighted = 0 if options.option_count else None

    @on(Input.Submitted, "#move-input")
    def _submitted(self) -> None:
        options = self.query_one("#move-list", OptionList)
        index = options.highlighted if options.highlighted is not None else 0
        if options.option_count:
            self.dismiss(options.get_option_at_index(index).id)

    @on(OptionList.OptionSelected, "#move-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cursor(self, step: int) -> None:
        options = self.query_one("#move-list", OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
