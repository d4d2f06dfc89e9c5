"""Rich ``Text`` views of an article; article text is never parsed as markup.

Everything is built with ``Text(...)``, ``append`` and ``stylize`` by offsets, so
``[bold red]`` or an escape sequence in an article shows up literally.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.text import Text

from ..models import Analysis, Article, Citation, Position, Statement
from ..quotes import quoted
from ..stance import stance_verb

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
SUMMARY_STYLE = "bold black on #d7af5f"
META_STYLE = "dim"


def _literal(text: str) -> str:
    """Belt and braces: any control character the core's ingest let through becomes ``�``.

    One character for one, so sentence offsets into the text stay valid; tabs become spaces.
    """
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", text.replace("\t", " "))


def article_header(article: Article) -> Text:
    header = Text(_literal(article.title), style="bold")
    meta = " · ".join(p for p in (article.outlet, article.published, article.id) if p)
    header.append("\n")
    header.append(_literal(meta), style=META_STYLE)
    return header


def article_body(article: Article, analysis: Analysis | None) -> Text:
    """The article text with the summary sentences highlighted by their offsets."""
    body = Text(_literal(article.text))
    if analysis is not None:
        for index in analysis.summary:
            if 0 <= index < len(analysis.sentences):
                sentence = analysis.sentences[index]
                body.stylize(SUMMARY_STYLE, sentence.start, sentence.end)
    return body


def summary_text(analysis: Analysis) -> Text:
    """The summary sentences, each with its 1-based sentence number (as the memo cites)."""
    out = Text()
    for n, index in enumerate(analysis.summary):
        if n:
            out.append("\n\n")
        out.append(f"s. {index + 1}  ", style=META_STYLE)
        out.append(_literal(analysis.sentences[index].text))
    if not out:
        out = Text("No summary: the article has no sentences.", style=META_STYLE)
    if analysis.problem:  # the memo lacks this article's positions: say so where it is read
        out.append(f"\n\nThis article's {_literal(analysis.problem)}.", style="bold yellow")
    return out


def country_label(position: Position) -> Text:
    label = Text(_literal(position.country), style="bold")
    label.append(f" {position.iso3}  ({len(position.statements)})", style=META_STYLE)
    return label


def statement_label(position: Position, index: int) -> Text:
    """``Speaker verb: “text” [s. 4]`` as one plain line; ``★`` marks a pinned headline."""
    stmt = position.statements[index]
    label = Text("")
    if position.pinned is not None and stmt.citations[0] == position.pinned:
        label.append("★ ", style="bold yellow")
    label.append(_literal(stmt.speaker or position.country), style="bold")
    label.append(f" {stance_verb(stmt.stance, stmt.speaker)}: ")
    label.append(_literal(quoted(stmt.text)))
    label.append(" " + cite(stmt.citations), style=META_STYLE)
    return label


def dropped_label(position: Position, stmt: Statement) -> Text:
    """A dropped statement, struck through, with the country it was found under."""
    label = Text(f"{_literal(position.country)}: ", style="dim")
    label.append(_literal(quoted(stmt.text)), style="dim strike")
    label.append(" " + cite(stmt.citations), style=META_STYLE)
    return label


def cite(citations: Sequence[Citation]) -> str:
    parts = [f"{c.article}, s. {c.sentence + 1}" for c in citations]
    return f"[{'; '.join(parts)}]"
