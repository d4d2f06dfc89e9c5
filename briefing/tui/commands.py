"""Command palette entries for every workbench action (the same list as the keys)."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .bindings import ACTIONS


class WorkbenchCommands(Provider):
    """Offers each action of :data:`~briefing.tui.bindings.ACTIONS` by its description."""

    async def discover(self) -> Hits:
        for action in ACTIONS:
            yield DiscoveryHit(
                action.help, partial(self.app.run_action, action.name), help=f"key: {action.name}"
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for action in ACTIONS:
            score = matcher.match(action.help)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(action.help),
                    partial(self.app.run_action, action.name),
                    help=action.name,
                )
