"""HTML fragments (feed entries, pages trafilatura gives up on) to plain paragraphs.

The standard library's parser is enough here: we only need the visible prose, with
scripts, styles and embedded frames dropped so no code ever reaches a memo.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_SKIP = frozenset(
    [
        "script",
        "style",
        "iframe",
        "noscript",
        "template",
        "svg",
        "object",
        "embed",
        "head",
        "nav",
        "form",
        "button",
        "select",
        "textarea",
        "canvas",
        "video",
        "audio",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "figure",
        "figcaption",
        "pre",
        "hr",
        "dd",
        "dt",
        "main",
        "aside",
    ]
)
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "col"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP and tag not in _VOID:
            self.skipping.append(tag)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if self.skipping and tag == self.skipping[-1]:
            self.skipping.pop()
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text of ``markup`` as paragraphs separated by blank lines."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    paragraphs = (re.sub(r"\s+", " ", p).strip() for p in "".join(parser.parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def html_title(markup: str) -> str:
    """The document's ``<title>``, whitespace collapsed ('' when there is none)."""
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    return re.sub(r"\s+", " ", "".join(parser.title)).strip()
