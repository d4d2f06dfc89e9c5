"""Rendering: templates, escaping of hostile article text, and CommonMark structure."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from briefing.errors import TemplateError
from briefing.models import Briefing
from briefing.render import render_json, render_markdown
from briefing.templates import TemplateInfo, find_template, list_templates
from briefing.workspace import Workspace

HOSTILE = (
    "# Not a heading | not a cell {{ 7 * 7 }} {% raw %} <script>alert(1)</script>",
    "Hostile Times",
    "2024-01-01",
    "[bold red]Markup[/] and `code` stay literal {{ config }} {% for x in y %}. "
    "The Italian Foreign Minister Carla Neri said Rome opposed the plan | firmly.\n\n"
    "- a list marker\n\n## A heading inside the article\n\n"
    "The minister said the talks would go on * regardless _ of _ delays.",
)


def build(ws: Path, template: str = "memo") -> str:
    workspace = Workspace.open(ws / "briefing.toml")
    result = workspace.load()
    briefing = workspace.build(workspace.analyse_all(result.articles), date="2024-01-02")
    return render_markdown(briefing, find_template(template, ws))


def headings(markdown: str) -> list[tuple[str, str]]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [
        (tok.tag, tokens[i + 1].content)
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


@pytest.mark.parametrize("template", ["memo", "onepager", "table"])
def test_builtin_templates_render(make_workspace: Callable[..., Path], template: str) -> None:
    memo = build(make_workspace(), template)
    assert memo.startswith("# Harbour talks\n")
    assert memo.endswith("\n") and not memo.endswith("\n\n")
    assert ("h2", "Sources") in headings(memo)


def test_memo_heading_structure(make_workspace: Callable[..., Path]) -> None:
    found = headings(build(make_workspace()))
    assert found[0] == ("h1", "Harbour talks")
    h2 = [text for tag, text in found if tag == "h2"]
    assert h2 == ["Key points", "Positions by country", "Article summaries", "Sources"]
    assert ("h3", "1. Harbour talks resume") in found


@pytest.mark.parametrize("template", ["memo", "onepager", "table"])
def test_hostile_article_cannot_change_structure(
    make_workspace: Callable[..., Path], template: str
) -> None:
    ws = make_workspace(articles={"hostile": HOSTILE})
    memo = build(ws, template)
    assert "49" not in memo  # {{ 7 * 7 }} was not executed
    html = MarkdownIt("commonmark").render(memo)
    assert "<script>" not in html
    assert all(text != "A heading inside the article" for _, text in headings(memo))
    assert not any(text.startswith("Not a heading") for tag, text in headings(memo) if tag == "h1")
    if template == "table":
        rows = [line for line in memo.splitlines() if line.startswith("| ")]
        assert all(line.count(" | ") == 4 for line in rows[2:])


def test_json_is_stable(make_workspace: Callable[..., Path]) -> None:
    ws = make_workspace()
    workspace = Workspace.open(ws / "briefing.toml")
    analyses = workspace.analyse_all(workspace.load().articles)
    first = render_json(workspace.build(analyses, date="2024-01-02"))
    again = render_json(
        workspace.build(workspace.analyse_all(workspace.load().articles), date="2024-01-02")
    )
    assert first == again


def test_list_templates_hides_partials(tmp_path: Path) -> None:
    names = [t.name for t in list_templates(tmp_path)]
    assert {"memo", "onepager", "table"} <= set(names)
    assert not any(n.startswith("_") for n in names)


@pytest.mark.parametrize(
    ("source", "problem"),
    [
        ("{% for i in range(10**8) %}x{% endfor %}", "range"),
        ("{{ '{0.__class__}'.format_map({'a': 1}) }}", "template error"),
        ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "recursion"),
        ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", "range"),
        ("{{ 'x' * 10**10 }}", "too large"),
        ("{{ 7 ** 10000000 }}", "too large"),
        ("{% for i in range(90000) %}{{ 'x' * 9000 }}{% endfor %}", "output"),
    ],
)
def test_hostile_template_is_a_one_line_template_error(
    tmp_path: Path, source: str, problem: str
) -> None:
    """Whatever a template does, the result is TemplateError naming it, not a traceback."""
    path = tmp_path / "evil.md.j2"
    path.write_text(source, encoding="utf-8")
    empty = Briefing("T", "2024-01-01", "", "", (), (), ())
    with pytest.raises(TemplateError) as info:
        render_markdown(empty, TemplateInfo("evil", path, "file"))
    message = str(info.value)
    assert message.startswith(f"{path}: ") and problem in message.lower()
    assert "\n" not in message and len(message) < 400


def test_modest_loops_and_repeats_still_render(tmp_path: Path) -> None:
    path = tmp_path / "ok.md.j2"
    path.write_text("{% for i in range(1000) %}{{ '-' * 3 }}{% endfor %}{{ 2 ** 10 }}\n")
    empty = Briefing("T", "2024-01-01", "", "", (), (), ())
    assert render_markdown(empty, TemplateInfo("ok", path, "file")) == "---" * 1000 + "1024\n"
