"""Web pages: the article's main text and metadata, via trafilatura.

Saved pages carry menus, cookie banners, related links and scripts; trafilatura is a
maintained extractor built for exactly this, and it also finds title, site name, date,
author and canonical URL in the page's metadata.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from ..errors import ArticleError
from .draft import Draft, Parsed
from .encoding import decode
from .htmltext import html_title, html_to_text
from .webcodecs import web_codec

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def decode_html(data: bytes, path: str) -> str:
    """Text of a page, honouring a ``<meta charset>`` before guessing."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        declared = _META_CHARSET.search(data[:4096])
        codec = web_codec(declared.group(1).decode("ascii")) if declared else None
        if codec and b"\x00" not in data[:4096]:
            # A page that says UTF-16 in ASCII bytes is not UTF-16 (HTML: read it as UTF-8).
            codec = "utf-8" if codec.startswith("utf-16") else codec
            try:
                return data.decode(codec)
            except UnicodeError:
                pass
    return decode(data, path)


def _paragraphs(text: str, title: str) -> str:
    """trafilatura puts one paragraph per line; give them blank lines, drop a repeated title."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and lines[0].strip().rstrip(".") == title.strip().rstrip("."):
        lines = lines[1:]
    return "\n\n".join(lines)


def extract_html(markup: str, path: str, url: str = "") -> Draft:
    """The main article of a page as a Draft; ArticleError when no text is found."""
    import trafilatura  # half a second to import: only when a page is actually read

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    doc = trafilatura.bare_extraction(
        markup,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        # Embedded frames' fallback text and the like are never the article.
        prune_xpath=["//iframe", "//noscript", "//object", "//embed", "//template", "//svg"],
    )
    # trafilatura 2 returns a Document, 1.x a dict: read both the same way.
    fields: dict[str, Any] = {}
    if isinstance(doc, dict):
        fields = doc
    elif doc is not None:
        fields = {
            k: getattr(doc, k, None) for k in ("text", "title", "sitename", "date", "url", "author")
        }
    text = str(fields.get("text") or "")
    if text.strip():
        title = str(fields.get("title") or "").strip()
        return Draft(
            title=title,
            text=_paragraphs(text, title),
            outlet=str(fields.get("sitename") or "").strip(),
            published=str(fields.get("date") or "").strip(),
            url=str(fields.get("url") or url or "").strip(),
            author=str(fields.get("author") or "").strip(),
        )
    # Short or unusual pages: fall back to every visible paragraph.
    text = html_to_text(markup)
    if not text:
        raise ArticleError(path, "no article text found in the HTML")
    return Draft(title=html_title(markup), text=text, url=url)


def read_html(data: bytes, path: str) -> Parsed:
    return Parsed((extract_html(decode_html(data, path), path),))
