"""The analyst's workbench: pick articles, order them, watch the memo take shape, export it.

:func:`make_app` is the one factory the CLI and the tests share. Slow work (reading and
analysing thousands of articles, rendering the memo) runs in thread workers that post
messages (:mod:`.messages`); widgets are only touched on the app's own thread.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Input

from ..errors import ConfigError
from ..workspace import Workspace
from .article_table import ArticleTable
from .bindings import ACTIONS, app_bindings, check_keymap
from .commands import WorkbenchCommands
from .curation_actions import CurationMixin
from .filters import parse_query
from .help_screen import HelpScreen
from .list_actions import ListMixin
from .loading import LoadingMixin
from .memo_actions import MemoMixin
from .preview import PreviewPane
from .selection import Selection
from .sorting import SORTS
from .state import load_state
from .status import StatusBar

FILTER_HELP = (
    "Filter (/): words match title, outlet or text; country:RUS (country:RUS,UKR = either); "
    "outlet:reuters; after:2017-02-01; before:2017-03; quotes group words. All terms must match."
)


class BriefingApp(CurationMixin, LoadingMixin, ListMixin, MemoMixin):
    """Article list + filter on the left, preview tabs on the right, status and keys below."""

    CSS_PATH = "app.tcss"
    TITLE = "briefing"
    BINDINGS: ClassVar[list[BindingType]] = [
        *app_bindings(),
        Binding("escape", "leave_filter", "Back to list", show=False),
    ]
    COMMANDS = App.COMMANDS | {WorkbenchCommands}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield Input(
                    placeholder="/ filter: words  country:RUS  outlet:reuters  after:2017-02-01",
                    id="filter",
                )
                yield ArticleTable(id="articles")
            yield PreviewPane(id="preview")
        yield StatusBar(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.keymap, problems = check_keymap(self.workspace.config.keymap)
        if self.keymap:
            self.set_keymap(self.keymap)
        for problem in problems:
            # A config mistake must stay on screen long enough to be read.
            self.notify(problem, title="briefing.toml", severity="warning", timeout=30)
        self._restore_state()
        self.sub_title = self.title_text
        self.table.focus()
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        self.table.sort_marks = self._sort_marks()
        self.table.build_columns()
        self.reload_sources()

    def _restore_state(self) -> None:
        state, problem = load_state(self.state_file)
        if problem:
            self.notify(problem, title="Session", severity="warning", timeout=8)
        self.selection = Selection(state.selected)
        self.memo_title = state.title or None
        self.curation = state.curation
        if state.sort in SORTS:
            self.sort_mode = state.sort
        self.query_text = state.filter
        self.filter_query = parse_query(state.filter)
        filter_input = self.query_one("#filter", Input)
        with filter_input.prevent(Input.Changed):
            filter_input.value = state.filter

    def action_reload(self) -> None:
        self.notify("Reloading the sources…")
        self.reload_sources()

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.help_rows(), FILTER_HELP))

    def help_rows(self) -> list[tuple[str, str]]:
        """One row per action with its current keys: the bindings as rebound by the keymap.

        Built from the binding list rather than the focused widget's active bindings, so
        opening help from the filter bar (F1) still lists the printable keys.
        """
        rows = []
        for action in ACTIONS:
            keys = self.keymap.get(action.name, action.keys).split(",")
            shown = [self.get_key_display(Binding(k.strip(), action.name)) for k in keys]
            rows.append((", ".join(shown), action.help))
        rows.append(("^p", "Command palette: every action by name"))
        return rows

    def on_unmount(self) -> None:
        """However the app ends, the last change reaches the disk."""
        self.flush_session()

    async def action_quit(self) -> None:
        self.save_session()
        self.flush_session()
        self.exit()


def make_app(workspace: Workspace) -> BriefingApp:
    """The one app factory shared by the CLI (``briefing`` with no command) and the tests.

    A ``[keymap]`` that gives one key to two actions is refused here, before the screen
    opens, as a config error naming the file.
    """
    try:
        check_keymap(workspace.config.keymap)
    except ConfigError as exc:
        raise ConfigError(f"{workspace.config.path or '[keymap]'}: {exc}") from None
    return BriefingApp(workspace)
