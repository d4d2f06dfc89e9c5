"""The preview: the highlighted article (text, summary, positions) and the live memo."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, Static, TabbedContent, TabPane, TextArea, Tree

from ..curation import Curated, StatementRef
from ..models import Analysis, Article, Position
from .highlight import (
    META_STYLE,
    article_body,
    article_header,
    country_label,
    dropped_label,
    statement_label,
    summary_text,
)

MAX_MARKDOWN = 150_000  # beyond this the Markdown widget gets slow; a TextArea copes


@dataclass(frozen=True)
class StatementNode:
    """What a statement row of the positions tree stands for, for the curation keys."""

    label: Text
    ref: StatementRef
    country: str  # the position it shows under now
    dropped: bool = False


class PreviewPane(Vertical):
    """Tabs Article / Summary / Positions / Memo; filled by the app, never by workers."""

    @property
    def active(self) -> str:
        """The id of the tab showing."""
        return self.query_one(TabbedContent).active

    @active.setter
    def active(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="article", id="preview-tabs"):
            yield from self._panes()

    def _panes(self) -> ComposeResult:
        with TabPane("Article", id="article"), VerticalScroll(id="article-scroll"):
            yield Static(id="article-header")
            yield Static(id="article-body")
        with TabPane("Summary", id="summary"), VerticalScroll():
            yield Static(id="summary-body")
        with TabPane("Positions", id="positions"):
            tree: Tree[StatementNode] = Tree(Text("Positions"), id="positions-tree")
            tree.show_root = False
            yield tree
            yield Static(id="statement-detail")
        with TabPane("Memo", id="memo"):
            yield Static(id="memo-note")
            with VerticalScroll(id="memo-scroll"):
                yield Markdown(id="memo-md")
            yield TextArea(id="memo-plain", read_only=True, soft_wrap=True)

    def show_nothing(self, message: str) -> None:
        note = Text(message, style=META_STYLE)
        self.query_one("#article-header", Static).update(note)
        self.query_one("#article-body", Static).update("")
        self.query_one("#summary-body", Static).update(note)
        self.query_one("#positions-tree", Tree).clear()
        self.query_one("#statement-detail", Static).update("")

    def show_article(
        self,
        article: Article,
        analysis: Analysis | None,
        positions: tuple[Position, ...],
        curated: Sequence[Curated] = (),
    ) -> None:
        """Article text (summary highlighted once analysed), summary and positions tree.

        ``positions`` are as curated; ``curated`` says which statement is which (and which
        were dropped, listed last so that they can be restored).
        """
        self.query_one("#article-header", Static).update(article_header(article))
        self.query_one("#article-body", Static).update(article_body(article, analysis))
        summary = self.query_one("#summary-body", Static)
        tree: Tree[StatementNode] = self.query_one("#positions-tree", Tree)
        tree.clear()
        self.query_one("#statement-detail", Static).update("")
        if analysis is None:
            summary.update(Text("Analysing…", style=META_STYLE))
            return
        summary.update(summary_text(analysis))
        if not positions:
            tree.root.add_leaf(Text("No statement by a country in this article.", style=META_STYLE))
        by_statement = {id(c.statement): c for c in curated}
        for position in positions:
            node = tree.root.add(country_label(position), expand=True)
            for index, stmt in enumerate(position.statements):
                label = statement_label(position, index)
                item = by_statement.get(id(stmt))
                if item is not None:
                    if item.moved:
                        label.append(f"  moved from {item.origin.country}", style=META_STYLE)
                    node.add_leaf(label, data=StatementNode(label, item.ref, position.iso3))
                else:
                    node.add_leaf(label)
        dropped = [c for c in curated if c.dropped]
        if dropped:
            node = tree.root.add(Text(f"Dropped ({len(dropped)})", style=META_STYLE), expand=True)
            for item in dropped:
                label = dropped_label(item.origin, item.statement)
                node.add_leaf(label, data=StatementNode(label, item.ref, item.origin.iso3, True))
        if positions:
            first = statement_label(positions[0], 0)
            self.query_one("#statement-detail", Static).update(first)

    def select_statement(self, ref: StatementRef) -> None:
        """Put the tree's cursor back on a statement after the tree was rebuilt."""
        tree: Tree[StatementNode] = self.query_one("#positions-tree", Tree)
        for line in range(tree.last_line + 1):
            node = tree.get_node_at_line(line)
            if node is not None and isinstance(node.data, StatementNode) and node.data.ref == ref:
                tree.cursor_line = line
                return

    def highlighted_statement(self) -> StatementNode | None:
        """The statement row under the positions tree's cursor, if any."""
        tree: Tree[StatementNode] = self.query_one("#positions-tree", Tree)
        node = tree.cursor_node
        data = node.data if node is not None else None
        return data if isinstance(data, StatementNode) else None

    @on(Tree.NodeHighlighted, "#positions-tree")
    def _statement_highlighted(self, event: Tree.NodeHighlighted[StatementNode]) -> None:
        """Tree rows are one line; the highlighted statement is shown in full below."""
        data = event.node.data
        detail = data.label if isinstance(data, StatementNode) else ""
        self.query_one("#statement-detail", Static).update(detail)

    async def show_memo(self, text: str | None, note: str = "") -> None:
        """The rendered memo as Markdown (plain text when huge); ``note`` says what is going on."""
        self.query_one("#memo-note", Static).update(Text(note, style=META_STYLE))
        markdown = self.query_one("#memo-md", Markdown)
        plain = self.query_one("#memo-plain", TextArea)
        big = text is not None and len(text) > MAX_MARKDOWN
        self.query_one("#memo-scroll").display = text is not None and not big
        plain.display = big
        if text is None:
            return
        if big:
            plain.load_text(text)
            await markdown.update("")
        else:
            plain.load_text("")
            await markdown.update(text)
