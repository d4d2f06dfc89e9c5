"""Untrusted text inside Markdown: escaped so that it can never change the memo's structure."""

from __future__ import annotations

import sys
import unicodedata

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


def gfm(text: str) -> str:
    """Render as GitHub-flavoured Markdown does: bare URLs, www. and emails become links."""
    md = MarkdownIt("gfm-like")
    md.linkify.set({"fuzzy_link": False})  # GFM links www. and scheme URLs, not bare domains
    return md.render(f"- item {text}\n")


BARE_LINKS = [
    "see https://evil.example/x?y=1 now",
    "see http://evil.example now",
    "visit www.evil.example today",
    "write to spy@evil.example please",
    "mailto:spy@evil.example",
    "xmpp:spy@evil.example",
    "ftp://evil.example/file",
    "HTTPS://EVIL.EXAMPLE",
]


def test_bare_urls_in_article_text_are_not_links() -> None:
    """A sentence quoting a URL shows it as plain text: no link in GFM or CommonMark."""
    for text in BARE_LINKS:
        for html in (gfm(escape(text)), render(escape(text))):
            assert "<a " not in html, (text, html)
        shown = MarkdownIt("commonmark").renderInline(escape(text))
        assert shown == text.replace("&", "&amp;"), shown  # every character still visible
    assert "<a " in gfm("see https://evil.example/x now")  # the renderer does link raw ones


def test_times_and_ratios_are_left_alone() -> None:
    text = "At 10:30 the vote was 2:1. Note: fine"
    assert escape(text) == text


def test_every_invisible_format_character_is_removed() -> None:
    """Cf characters (BOM, soft hyphen, Arabic letter mark, bidi marks, tags) never reach the
    memo; the visible 'prepended concatenation marks' (Arabic number signs) are kept."""
    visible = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2}
    visible |= {0x110BD, 0x110CD}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) == "Cf":
            expected = f"a{char}b" if code in visible else "ab"
            assert escape(f"a{char}b") == expected, hex(code)


def test_the_quick_check_never_lets_through_a_string_escaping_would_change() -> None:
    """``escape`` returns a string as it is when ``_touched`` finds nothing: the full
    passes must then leave it unchanged too (random strings of the characters that matter,
    ASCII and not, so both of the quick check's classes are exercised)."""
    import random

    from briefing import mdtext

    def full(text: str) -> str:  # escape() without its quick check
        saved = mdtext._touched
        try:
            mdtext._touched = lambda _t: True  # type: ignore[assignment]
            return str(escape(text))
        finally:
            mdtext._touched = saved  # type: ignore[assignment]

    chars = " \t\n\u00a0\u2009ab1\u0663:/.wW*_#@&|<>\x07\u200b+=-\x1c\x7f\x85\u2028\u00e9"
    rng = random.Random(11)
    for _ in range(20_000):
        text = "".join(rng.choice(chars) for _ in range(rng.randint(0, 8)))
        if not mdtext._touched(text):
            assert full(text) == text, repr(text)
