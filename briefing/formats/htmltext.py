"""HTML fragments (feed entries, pages trafilatura gives up on) to plain paragraphs.

lxml's HTML parser (libxml2, already here for trafilatura) reads any tag soup in linear
time and never raises on malformed markup; the standard library's parser is quadratic on
some input (``"<a "`` repeated) and asserts on others (``<![``). Network access and the
huge-tree mode stay off, so a page cannot fetch anything or build an unbounded tree.
Scripts, styles and embedded frames are dropped so no code ever reaches a memo.
"""

from __future__ import annotations

import re

from lxml import etree

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


def _tree(markup: str) -> etree._Element | None:
    """The parsed document (None when there is nothing in it)."""
    # Bytes with a fixed encoding, so a <meta charset> inside a fragment changes nothing;
    # lone surrogates (from JSON escapes) cannot be encoded and are dropped, as ingest would.
    data = markup.replace("\x00", "").encode("utf-8", "ignore")
    if not data.strip():
        return None
    parser = etree.HTMLParser(
        encoding="utf-8",
        recover=True,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        default_doctype=False,
    )
    try:
        return etree.fromstring(data, parser)
    except etree.LxmlError:  # nothing parseable, e.g. only a comment
        return None


def _walk(root: etree._Element) -> tuple[list[str], list[str]]:
    """Visible text pieces (blocks as blank lines) and the title's pieces, without recursion."""
    parts: list[str] = []
    title: list[str] = []
    skipping = 0
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag == "title":
                title.append(element.text or "")
            if skipping or tag in _SKIP:
                skipping += 1
                continue
            if tag in _BLOCK:
                parts.append("\n\n")
            parts.append(element.text or "")
            continue
        if skipping:
            skipping -= 1
        elif tag in _BLOCK:
            parts.append("\n\n")
        if not skipping:
            parts.append(element.tail or "")
    return parts, title


def html_to_text(markup: str) -> str:
    """Visible text of ``markup`` as paragraphs separated by blank lines."""
    root = _tree(markup)
    if root is None:
        return ""
    parts, _ = _walk(root)
    paragraphs = (re.sub(r"\s+", " ", p).strip() for p in "".join(parts).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def html_title(markup: str) -> str:
    """The document's ``<title>``, whitespace collapsed ('' when there is none)."""
    root = _tree(markup)
    if root is None:
        return ""
    _, title = _walk(root)
    return re.sub(r"\s+", " ", "".join(title)).strip()
