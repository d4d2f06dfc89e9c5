"""Untrusted text inside Markdown: escaped so that it can never change the memo's structure."""

from __future__ import annotations

from markdown_it import MarkdownIt

from briefing.mdtext import Markdown, escape, safe_url


def render(text: str) -> str:
    return MarkdownIt("commonmark").render(f"- item {text}\n")


def test_structure_characters_are_inert() -> None:
    hostile = "# Heading | cell *bold* _it_ `code` <script>alert(1)</script> [x](http://e.x) &amp;"
    html = render(escape(hostile))
    assert html.count("<li>") == 1
    for tag in ("<h1>", "<em>", "<strong>", "<code>", "<script>", "<a "):
        assert tag not in html
    assert "&amp;amp;" in html  # the entity is shown, not decoded


def test_newlines_cannot_end_the_list_item() -> None:
    html = render(escape("one\n\n# two\n- three"))
    assert html.count("<li>") == 1 and "<h1>" not in html


def test_leading_list_markers_are_escaped() -> None:
    assert escape("1. first") == "1\\. first"
    assert escape("- dash") == "\\- dash"


def test_markdown_is_not_escaped_twice() -> None:
    once = escape("a*b")
    assert escape(once) == once
    assert escape(Markdown("**ok**")) == "**ok**"


def test_only_web_urls_survive() -> None:
    assert safe_url("javascript:alert(1)") == ""
    assert safe_url("file:///etc/passwd") == ""
    assert safe_url("https://a.example/x y>") == "https://a.example/x%20y%3E"
