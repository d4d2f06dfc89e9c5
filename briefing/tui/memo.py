"""The memo text for the TUI, through the very call ``briefing build`` makes.

``Workspace.render`` is the one renderer: the Memo tab, the clipboard and the export
dialog can never disagree with the CLI (template, citation style, escaping).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..curation import Curation
from ..models import Analysis
from ..workspace import Workspace


def render_memo(
    workspace: Workspace,
    analyses: Sequence[Analysis],
    *,
    title: str | None = None,
    template: str | None = None,
    curation: Curation | None = None,
) -> str:
    """Markdown memo for ``analyses`` in memo order (template defaults to the config's),
    with the analyst's curation of the positions."""
    briefing = workspace.build(analyses, title=title, curation=curation)
    memo = workspace.render(briefing, template=workspace.template(template))
    assert isinstance(memo, str)  # markdown is text; only docx is bytes
    return memo
