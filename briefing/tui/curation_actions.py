"""Curation in the Positions tab: drop a statement, move it to another country, pin a headline.

The choices live in :class:`briefing.curation.Curation` (UI-free, saved with the session);
this mixin only reads the highlighted row, asks where to move it, and re-renders. The keys
show in the footer only while the Positions tab is showing.
"""

from __future__ import annotations

from textual.widgets import TabbedContent

from ..curation import Curation, StatementRef, move_targets
from .base import WorkbenchBase
from .move_screen import MoveScreen
from .preview import StatementNode

CURATION_ACTIONS = frozenset({"drop_statement", "move_statement", "pin_statement"})


class CurationMixin(WorkbenchBase):
    """The Positions tab's curation keys."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in CURATION_ACTIONS:
            try:
                return self.preview.active == "positions"
            except Exception:  # before the preview is mounted
                return False
        return True

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()

    def _statement_row(self) -> StatementNode | None:
        node = self.preview.highlighted_statement()
        if node is None:
            self.notify(
                "Highlight a statement in the Positions tab first (tab into the tree, arrows).",
                severity="warning",
            )
        return node

    def _curate(self, curation: Curation, ref: StatementRef, message: str) -> None:
        """Keep the new curation, save it, and show its effect in the tree and the memo."""
        self.curation = curation
        self.save_session()
        current = self.table.current_id
        if current is not None:
            self.show_preview(current)
            self.call_after_refresh(self.preview.select_statement, ref)
        self.refresh_memo()
        self.notify(message, title="Curation")

    def action_drop_statement(self) -> None:
        node = self._statement_row()
        if node is None:
            return
        message = "Restored the statement." if node.dropped else (
            "Dropped the statement from the memo (again: restore it)."
        )
        self._curate(self.curation.toggle_drop(node.ref), node.ref, message)

    def action_pin_statement(self) -> None:
        node = self._statement_row()
        if node is None:
            return
        if node.dropped:
            self.notify("A dropped statement cannot be the headline: restore it first.",
                        severity="warning")
            return
        pinned = dict(self.curation.pinned).get(node.country) == node.ref
        message = "Unpinned the headline." if pinned else "Pinned as the headline."
        self._curate(self.curation.toggle_pin(node.country, node.ref), node.ref, message)

    def action_move_statement(self) -> None:
        node = self._statement_row()
        if node is None:
            return
        if node.dropped:
            self.notify("Restore the statement before moving it.", severity="warning")
            return
        current = self.table.current_id
        first = [node.country, *self.countries.get(current or "", ())]

        def moved(code: str | None) -> None:
            if code is None or code == node.country:
                return
            curation = self.curation.move(node.ref, code)
            self._curate(curation, node.ref, f"Moved the statement to {code}.")

        self.push_screen(MoveScreen("the statement", move_targets(first)), moved)
