"""Render a :class:`Briefing` as JSON or as Markdown through a Jinja2 template.

Both outputs start from one plain-data view (:func:`briefing_to_dict`), so the JSON schema
and the template variables cannot drift apart. Templates run in Jinja's sandbox and every
string handed to them is Markdown-escaped first (:func:`memo_context`): article text is data,
never template code or Markdown structure.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import jinja2

from .errors import TemplateError
from .mdtext import Markdown, escape, safe_url
from .models import Briefing, Citation, Position, Statement
from .sandbox import MemoSandbox, join_capped
from .stance import stance_verb
from .templates import BUILTIN_DIR, TemplateInfo
from .whatsnew import Changes


def _statement_dict(s: Statement) -> dict[str, Any]:
    return {
        "text": s.text,
        "speaker": s.speaker,
        "stance": s.stance,
        "article": s.article,
        "sentence": s.sentence,
        "citations": [{"article": c.article, "sentence": c.sentence} for c in s.citations],
    }


def briefing_to_dict(b: Briefing) -> dict[str, Any]:
    """The briefing as JSON-ready data (the documented ``build --format json`` schema)."""
    return {
        "title": b.title,
        "date": b.date,
        "prepared_by": b.prepared_by,
        "classification": b.classification,
        "articles": [
            {
                "id": a.article.id,
                "path": a.article.path,
                "title": a.article.title,
                "outlet": a.article.outlet,
                "published": a.article.published,
                "url": a.article.url,
                "summary": list(a.summary_sentences),
                "also_in": [asdict(r) for r in a.article.also_in],
            }
            for a in b.analyses
        ],
        "key_points": [
            {"text": k.text, "article": k.article, "articles": [c.article for c in k.citations]}
            for k in b.key_points
        ],
        "positions": positions_to_list(b.positions),
        "skipped": list(b.skipped),
    }


def positions_to_list(positions: Sequence[Position]) -> list[dict[str, Any]]:
    """The ``positions`` part of the JSON schema (also ``briefing positions --format json``)."""
    return [
        {
            "country": p.country,
            "iso3": p.iso3,
            "statements": [_statement_dict(s) for s in p.statements],
        }
        for p in positions
    ]


def render_json(b: Briefing) -> str:
    """Pretty, stable JSON with a final newline."""
    return json.dumps(briefing_to_dict(b), ensure_ascii=False, indent=2) + "\n"


CITATION_STYLES = ("numbered", "footnotes")


def _cite(citations: tuple[Citation, ...], numbers: dict[str, int], style: str) -> Markdown:
    """``[1, s. 4; 2, s. 7]`` (source number, 1-based sentence) or footnote marks ``[^1][^2]``."""
    if style == "footnotes":
        refs = dict.fromkeys(numbers[c.article] for c in citations)
        return Markdown("".join(f"[^{r}]" for r in refs))
    parts = [f"{numbers[c.article]}, s. {c.sentence + 1}" for c in citations]
    return Markdown(f"[{'; '.join(parts)}]")


def _refs(citations: tuple[Citation, ...], numbers: dict[str, int], style: str) -> Markdown:
    """Source numbers only: ``[1, 3]`` or ``[^1][^3]``."""
    refs = sorted({numbers[c.article] for c in citations})
    if style == "footnotes":
        return Markdown("".join(f"[^{r}]" for r in refs))
    return Markdown(f"[{', '.join(str(r) for r in refs)}]")


def memo_context(
    b: Briefing, *, changes: Changes | None = None, citations: str = "numbered"
) -> dict[str, Any]:
    """Template variables: the JSON view plus source numbers, citations, verbs and changes."""
    if citations not in CITATION_STYLES:
        raise TemplateError(f"unknown citation style '{citations}' (use numbered or footnotes)")
    data = briefing_to_dict(b)
    numbers = {a.article.id: n for n, a in enumerate(b.analyses, start=1)}
    for n, article in enumerate(data["articles"], start=1):
        article["number"] = n
        article["url"] = safe_url(article["url"])
        for ref in article["also_in"]:
            ref["url"] = safe_url(ref["url"])
    for point, kp in zip(data["key_points"], b.key_points, strict=True):
        point["refs"] = sorted({numbers[c.article] for c in kp.citations})
        point["cite"] = _refs(kp.citations, numbers, citations)
    for position, pos in zip(data["positions"], b.positions, strict=True):
        change = changes.stance_change(pos.iso3) if changes else None
        position["new"] = bool(changes and pos.iso3 in changes.new_countries)
        position["stance_change"] = (
            {"before": stance_verb(change[0]), "now": stance_verb(change[1])} if change else None
        )
        for item, stmt in zip(position["statements"], pos.statements, strict=True):
            item["verb"] = stance_verb(stmt.stance, stmt.speaker)
            item["quote"] = quote(stmt.text)
            item["refs"] = sorted({numbers[c.article] for c in stmt.citations})
            item["cite"] = _cite(stmt.citations, numbers, citations)
            item["new"] = bool(changes and (pos.iso3, stmt.text) in changes.new_statements)
        _summarise_position(position, pos)
    data["sources"] = data["articles"]
    data["citation_style"] = citations
    data["since"] = changes.since if changes else ""
    escaped = _escape_tree(data)
    assert isinstance(escaped, dict)
    return escaped


_OPEN_QUOTES = ("“", '"', "‘", "'", "«", "„")


def quote(text: str) -> Markdown:
    """The sentence in typographic quotes, unless it already opens with a quotation."""
    body = escape(text)
    return body if text.lstrip().startswith(_OPEN_QUOTES) else Markdown(f"“{body}”")


def _summarise_position(view: dict[str, Any], position: Position) -> None:
    """Add a country's headline statement (its first that takes a side), speakers, sources."""
    index = next((i for i, s in enumerate(position.statements) if s.stance != "STATEMENT"), 0)
    view["headline"] = view["statements"][index]
    view["speakers"] = list(dict.fromkeys(s.speaker for s in position.statements if s.speaker))
    view["source_count"] = len({c.article for s in position.statements for c in s.citations})


def _escape_tree(value: Any) -> Any:
    """Markdown-escape every string in the view once, so templates can print them as-is."""
    if isinstance(value, dict):
        return {k: _escape_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escape_tree(v) for v in value]
    if isinstance(value, str):
        return escape(value)
    return value


def _environment(template: TemplateInfo) -> MemoSandbox:
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(template.path.parent),
            jinja2.PrefixLoader({"builtin": jinja2.FileSystemLoader(BUILTIN_DIR)}),
        ]
    )
    env = MemoSandbox(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["md"] = escape
    env.filters["url"] = safe_url
    return env


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else "(no detail)"


def render_markdown(
    b: Briefing,
    template: TemplateInfo,
    *,
    changes: Changes | None = None,
    citations: str = "numbered",
) -> str:
    """Render the memo with ``template``; any template problem becomes a TemplateError."""
    context = memo_context(b, changes=changes, citations=citations)
    env = _environment(template)
    try:
        compiled = env.get_template(template.path.name)
        text = join_capped(compiled.generate(context))
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{template.path}:{exc.lineno}: template syntax error: {exc.message}"
        ) from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{template.path}: template error: {_first_line(exc)}") from None
    except Exception as exc:
        # Overflow, recursion, a sandbox limit, a bad format string: all the template's doing.
        raise TemplateError(
            f"{template.path}: template error: {type(exc).__name__}: {_first_line(exc)}"
        ) from None
    return text.rstrip("\n") + "\n"
