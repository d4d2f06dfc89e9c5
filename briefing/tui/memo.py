"""The memo text for the TUI, through exactly the calls ``briefing build`` makes.

``Workspace.build`` then ``render_markdown`` with ``find_template``: the Memo tab, the
clipboard and the export dialog can never disagree with the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Analysis
from ..render import render_markdown
from ..templates import find_template
from ..workspace import Workspace


def render_memo(
    workspace: Workspace,
    analyses: Sequence[Analysis],
    *,
    title: str | None = None,
    template: str | None = None,
) -> str:
    """Markdown memo for ``analyses`` in memo order (template defaults to the config's)."""
    info = find_template(template or workspace.config.memo.template, workspace.config.root)
    return render_markdown(workspace.build(analyses, title=title), info)
