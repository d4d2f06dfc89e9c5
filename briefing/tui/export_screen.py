"""The export dialog: where to write the memo and with which template.

It only asks; the app writes through the same renderer as ``briefing build``. An existing
file is never replaced without an explicit yes in a :class:`ConfirmScreen`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from .confirm_screen import ConfirmScreen


@dataclass(frozen=True)
class ExportRequest:
    """Write the memo to ``path`` with ``template``; ``overwrite`` was confirmed by the user."""

    path: Path
    template: str
    overwrite: bool


class ExportScreen(ModalScreen[ExportRequest | None]):
    """Path + template; Enter or the button exports, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", show=False)]

    def __init__(
        self, root: Path, default_path: str, templates: Sequence[str], template: str
    ) -> None:
        super().__init__()
        self._root = root
        self._default_path = default_path
        self._templates = list(templates) or [template]
        self._template = template if template in self._templates else self._templates[0]

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Text("Export memo", style="bold"))
            yield Static(Text("File (relative to the workspace)"), classes="field-label")
            yield Input(self._default_path, id="export-path")
            yield Static(Text("Template"), classes="field-label")
            yield Select(
                [(Text(name), name) for name in self._templates],
                value=self._template,
                allow_blank=False,
                id="export-template",
            )
            yield Static(id="export-error")
            with Horizontal(classes="buttons"):
                yield Button("Export", variant="primary", id="export-ok")
                yield Button("Cancel", id="export-cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Static).update(Text(message, style="bold red"))

    def target(self) -> Path:
        raw = Path(self.query_one("#export-path", Input).value.strip()).expanduser()
        return raw if raw.is_absolute() else self._root / raw

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-ok")
    def _export(self) -> None:
        if not self.query_one("#export-path", Input).value.strip():
            self._error("Type a file name.")
            return
        path = self.target()
        if path.is_dir():
            self._error(f"{path} is a folder.")
            return
        if not path.parent.is_dir():
            self._error(f"Folder {path.parent} does not exist.")
            return
        template = str(self.query_one("#export-template", Select).value)
        if not path.exists():
            self.dismiss(ExportRequest(path, template, overwrite=False))
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.dismiss(ExportRequest(path, template, overwrite=True))
            else:
                self._error(f"{path.name} exists; choose another name or confirm overwrite.")

        self.app.push_screen(ConfirmScreen(f"{path} already exists. Overwrite it?"), answered)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
