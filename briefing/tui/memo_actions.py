"""The preview tabs and the memo: live rendering, title, export and clipboard.

The memo always comes from :func:`.workers.memo_text`, i.e. the same calls as
``briefing build``; rendering and writing happen in thread workers.
"""

from __future__ import annotations

from textual import on, work
from textual.widgets import TabbedContent

from ..briefing import positions_of
from ..curation import apply_curation, curate
from ..models import Analysis, Article, Position
from ..templates import list_templates
from .base import WorkbenchBase
from .export_screen import ExportRequest, ExportScreen
from .messages import MemoReady, PreviewReady
from .title_screen import TitleScreen
from .workers import memo_text

MEMO_DELAY = 0.2


class MemoMixin(WorkbenchBase):
    """Preview of the highlighted article, the Memo tab, and the memo's ways out."""

    def show_preview(self, article_id: str) -> None:
        article = self.by_id.get(article_id)
        if article is None:
            return
        analysis = self.cache.get(article)
        found = self._positions(analysis)
        if analysis is not None and found:
            curated = curate(found, self.curation, [analysis])
            shown = apply_curation(found, self.curation, [analysis])
            self.preview.show_article(article, analysis, shown, curated)
        else:
            self.preview.show_article(article, analysis, found)
        if analysis is None and not self.cache.failure(article):
            self._preview_worker(article)

    def _positions(self, analysis: Analysis | None) -> tuple[Position, ...]:
        if analysis is None or not analysis.statements:
            return ()
        return positions_of([analysis], self.workspace.config)

    @work(thread=True, group="preview", exclusive=True, exit_on_error=False)
    def _preview_worker(self, article: Article) -> None:
        self.post_message(PreviewReady(article, self.cache.analyse(article)))

    def on_preview_ready(self, message: PreviewReady) -> None:
        if self.table.current_id == message.article.id:
            self.show_preview(message.article.id)

    def action_tab_article(self) -> None:
        self.preview.active = "article"

    def action_tab_summary(self) -> None:
        self.preview.active = "summary"

    def action_tab_positions(self) -> None:
        self.preview.active = "positions"

    def action_tab_memo(self) -> None:
        self.preview.active = "memo"
        self.refresh_memo()  # at once, not only when the tab's own message arrives

    def memo_key(self, template: str | None = None) -> tuple[object, ...]:
        return (
            self.selection.ids,
            self.title_text,
            template or self.workspace.config.memo.template,
            self.curation,
        )

    def refresh_memo(self) -> None:
        """Re-render the memo shortly, but only while the Memo tab is showing."""
        if self.preview.active != "memo":
            return
        if not self.selection.ids:
            self.call_later(
                self.preview.show_memo, None, "Select articles (space) to build the memo."
            )
            return
        if self.memo is not None and self.memo[0] == self.memo_key():
            return
        self._memo_pending = True
        self._schedule("_memo_timer", MEMO_DELAY, self._render_memo)

    def _render_memo(self) -> None:
        self._memo_timer = None
        if not self.loaded:
            self._memo_pending = False
            self.call_later(self.preview.show_memo, None, "Loading the sources…")
            return
        count = len(self.selection)
        self.call_later(self.preview.show_memo, None, f"Building the memo from {count} article(s)…")
        self._memo_requested = self.memo_key()
        self._memo_worker(self._memo_requested, self.selected_articles(), self.title_text)

    @work(thread=True, group="memo", exclusive=True, exit_on_error=False)
    def _memo_worker(self, key: tuple[object, ...], articles: list[Article], title: str) -> None:
        try:
            text = memo_text(
                self.workspace, self.cache, articles, title=title, template=None,
                curation=self.curation,
            )
        except Exception as exc:  # template errors and core bugs alike: show, don't crash
            self.post_message(MemoReady(key, "", str(exc)))
            return
        self.post_message(MemoReady(key, text))

    async def on_memo_ready(self, message: MemoReady) -> None:
        if message.key == self._memo_requested:
            self._memo_pending = False
        if message.key != self.memo_key():
            return  # the selection changed meanwhile; its own render is on the way
        if message.error:
            self.memo_error = message.error
            await self.preview.show_memo(None, f"Cannot render the memo: {message.error}")
            return
        self.memo = (message.key, message.text)
        await self.preview.show_memo(message.text)

    @on(TabbedContent.TabActivated)
    def _tab_changed(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id == "memo":
            self.refresh_memo()

    def action_title(self) -> None:
        def done(title: str | None) -> None:
            if title is None:
                return
            self.memo_title = title or None
            self.sub_title = self.title_text
            self.save_session()
            self.refresh_memo()

        self.push_screen(TitleScreen(self.title_text), done)

    def _need_selection(self) -> bool:
        if not self.selection.ids:
            self.notify("Nothing selected: select articles with space first.", severity="warning")
            return False
        if not self.loaded:
            self.notify("Still loading the sources; try again in a moment.", severity="warning")
            return False
        return True

    def action_export(self) -> None:
        if not self._need_selection():
            return
        names = [t.name for t in list_templates(self.root)]
        screen = ExportScreen(self.root, "memo.md", names, self.workspace.config.memo.template)
        self.push_screen(screen, self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is not None:
            self._export_worker(request, self.selected_articles(), self.title_text)

    @work(thread=True, group="export", exit_on_error=False)
    def _export_worker(self, request: ExportRequest, articles: list[Article], title: str) -> None:
        from ..fsutil import write_atomic

        try:
            text = memo_text(
                self.workspace,
                self.cache,
                articles,
                title=title,
                template=request.template,
                curation=self.curation,
            )
            write_atomic(request.path, text, overwrite=request.overwrite)
        except Exception as exc:
            self.call_from_thread(
                self.notify, str(exc), title="Export failed", severity="error", markup=False
            )
            return
        self.call_from_thread(
            self.notify,
            f"Wrote {request.path} ({len(articles)} articles)",
            title="Exported",
        )

    def action_copy(self) -> None:
        if self._need_selection():
            self._copy_worker(self.selected_articles(), self.title_text)

    @work(thread=True, group="copy", exclusive=True, exit_on_error=False)
    def _copy_worker(self, articles: list[Article], title: str) -> None:
        try:
            text = memo_text(
                self.workspace, self.cache, articles, title=title, template=None,
                curation=self.curation,
            )
        except Exception as exc:
            self.call_from_thread(self.notify, str(exc), title="Copy failed", severity="error")
            return
        self.call_from_thread(self._copied, text)

    def _copied(self, text: str) -> None:
        self.copy_to_clipboard(text)
        lines = text.count("\n")
        self.notify(f"Memo copied to the clipboard ({lines} lines)", title="Copied")
