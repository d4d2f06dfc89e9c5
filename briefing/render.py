"""Render a :class:`Briefing` as JSON or as Markdown through a Jinja2 template.

Both outputs start from one plain-data view (:func:`briefing_to_dict`), so the JSON schema
and the template variables cannot drift apart. Templates run in Jinja's sandbox and every
string handed to them is Markdown-escaped first (:func:`memo_context`): article text is data,
never template code or Markdown structure.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import PurePath
from typing import Any

import jinja2

from .errors import TemplateError
from .glance import (
    arrange,
    at_a_glance,
    by_article,
    claim_of,
    headline,
    is_official,
    sources_of,
    statement_text,
    who,
)
from .ingest import has_title
from .mdtext import Markdown, escape, safe_url
from .models import Analysis, Briefing, Citation, Position, Statement
from .quotes import quoted
from .sandbox import MemoSandbox, join_capped
from .stance import stance_verb
from .templates import BUILTIN_DIR, TemplateInfo
from .whatsnew import Changes


def _statement_dict(s: Statement, analyses: Mapping[str, Analysis]) -> dict[str, Any]:
    return {
        "text": statement_text(s, analyses),
        "speaker": s.speaker,
        "speaker_kind": s.speaker_kind,
        "stance": s.stance,
        "claim": claim_of(s),
        "joint": list(s.joint),
        "article": s.article,
        "sentence": s.sentence,
        "last": s.citations[0].last,
        "citations": [
            {"article": c.article, "sentence": c.sentence, "last": c.last} for c in s.citations
        ],
    }


def briefing_to_dict(b: Briefing) -> dict[str, Any]:
    """The briefing as JSON-ready data (the documented ``build --format json`` schema)."""
    positions = [arrange(p) for p in b.positions]
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
                "untitled": not has_title(a.article),
                "file": PurePath(a.article.path).name,
                "outlet": a.article.outlet,
                "published": a.article.published,
                "url": a.article.url,
                "summary": list(a.summary_sentences),
                "also_in": [  # cited like the article itself (the same source macro)
                    {**asdict(r), "untitled": not r.title.strip(), "file": r.id}
                    for r in a.article.also_in
                ],
            }
            for a in b.analyses
        ],
        "key_points": [
            {"text": k.text, "article": k.article, "articles": [c.article for c in k.citations]}
            for k in b.key_points
        ],
        "glance": glance_to_list(positions),
        "positions": positions_to_list(positions, b.analyses),
        "skipped": list(b.skipped),
        "set_aside": list(b.set_aside),
    }


def glance_to_list(positions: Sequence[Position]) -> list[dict[str, Any]]:
    """Positions at a glance: one entry per country and body, its headline and sources."""
    return [
        {
            "country": line.position.country,
            "iso3": line.position.iso3,
            "kind": line.position.kind,
            "claim": line.claim,
            "who": line.who,
            "stance": line.statement.stance,
            "sources": line.sources,
            "statement": line.position.statements.index(line.statement),
            "pinned": line.position.pinned is not None,
        }
        for line in at_a_glance(positions)
    ]


def positions_to_list(
    positions: Sequence[Position], analyses: Sequence[Analysis] = ()
) -> list[dict[str, Any]]:
    """The ``positions`` part of the JSON schema (also ``briefing positions --format json``).

    Statements come officials first, other voices after; ``analyses`` give the full text of
    a quotation running over several sentences.
    """
    out = []
    by_id = by_article(analyses)
    for p in positions:
        p = arrange(p)
        out.append(
            {
                "country": p.country,
                "iso3": p.iso3,
                "kind": p.kind,
                "sources": sources_of(p),
                "headline": p.statements.index(headline(p)) if p.statements else None,
                "pinned": p.pinned is not None,
                "statements": [_statement_dict(s, by_id) for s in p.statements],
            }
        )
    return out


def render_json(b: Briefing) -> str:
    """Pretty, stable JSON with a final newline."""
    return json.dumps(briefing_to_dict(b), ensure_ascii=False, indent=2) + "\n"


CITATION_STYLES = ("numbered", "footnotes")


def _cite(citations: tuple[Citation, ...], numbers: dict[str, int], style: str) -> Markdown:
    """``[1, s. 4; 2, s. 7]`` (source number, 1-based sentence), or with footnotes each
    source's mark followed by its sentences, ``[^1] s. 4, 6; [^2] s. 7``: the sentence is
    what lets a reader check the statement, so neither style may drop it."""
    if style == "footnotes":
        sentences: dict[int, list[str]] = {}
        for c in citations:
            sentences.setdefault(numbers[c.article], []).append(_sentences(c))
        parts = [f"[^{ref}] s. {', '.join(dict.fromkeys(s))}" for ref, s in sentences.items()]
        return Markdown("; ".join(parts))
    parts = [f"{numbers[c.article]}, s. {_sentences(c)}" for c in citations]
    return Markdown(f"[{'; '.join(parts)}]")


def _sentences(c: Citation) -> str:
    """1-based sentence number, or the range a multi-sentence quotation spans: ``4–6``."""
    if c.last is not None and c.last > c.sentence:
        return f"{c.sentence + 1}–{c.last + 1}"
    return str(c.sentence + 1)


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
        article["set_aside"] = article["id"] in b.set_aside
        article["url"] = safe_url(article["url"])
        for ref in article["also_in"]:
            ref["url"] = safe_url(ref["url"])
    for point, kp in zip(data["key_points"], b.key_points, strict=True):
        point["refs"] = sorted({numbers[c.article] for c in kp.citations})
        point["cite"] = _refs(kp.citations, numbers, citations)
    positions = [arrange(p) for p in b.positions]
    for position, pos in zip(data["positions"], positions, strict=True):
        change = changes.stance_change(pos.iso3) if changes else None
        position["new"] = bool(changes and pos.iso3 in changes.new_countries)
        position["stance_change"] = (
            {"before": stance_verb(change[0]), "now": stance_verb(change[1])} if change else None
        )
        for item, stmt in zip(position["statements"], pos.statements, strict=True):
            item["verb"] = stance_verb(stmt.stance, stmt.speaker)
            item["quote"] = quote(item["text"])
            item["who"] = who(stmt, pos)
            item["official"] = is_official(stmt)
            item["refs"] = sorted({numbers[c.article] for c in stmt.citations})
            item["cite"] = _cite(stmt.citations, numbers, citations)
            item["new"] = bool(changes and (pos.iso3, stmt.text) in changes.new_statements)
        _summarise_position(position, pos)
    by_iso = {(p["iso3"], p["kind"]): p for p in data["positions"]}
    for line in data["glance"]:
        position = by_iso[(line["iso3"], line["kind"])]
        line["headline"] = position["statements"][line["statement"]]
        line["cite"] = line["headline"]["cite"]
        line["refs"] = line["headline"]["refs"]
    data["sources"] = data["articles"]
    data["citation_style"] = citations
    data["since"] = changes.since if changes else ""
    escaped = _escape_tree(data)
    assert isinstance(escaped, dict)
    return escaped


def quote(text: str) -> Markdown:
    """The statement in typographic quotes, its own quotation marks paired (see quotes)."""
    return escape(quoted(text))


def _summarise_position(view: dict[str, Any], position: Position) -> None:
    """Add the headline statement (pinned, else the one that best sums the country up), its
    verb and object, who said it, the officials' and other voices' statements, speakers and
    sources."""
    view["headline"] = view["statements"][view["headline"]] if position.statements else None
    view["claim"] = claim_of(headline(position)) if position.statements else ""
    view["officials"] = [s for s in view["statements"] if s["official"]]
    view["other_voices"] = [s for s in view["statements"] if not s["official"]]
    view["speakers"] = list(dict.fromkeys(s.speaker for s in position.statements if s.speaker))
    view["source_count"] = view["sources"]


def _escape_tree(value: Any, done: dict[Any, Any] | None = None) -> Any:
    """Markdown-escape every string in the view once, so templates can print them as-is.

    A statement's dict sits in several lists (all statements, officials, the headline):
    ``done`` escapes each container once and shares the result, as the view shared it.
    It also remembers each string escaped: article ids, speakers and stances repeat
    thousands of times in a big memo.
    """
    if done is None:
        done = {}
    if isinstance(value, dict | list):
        seen = done.get(id(value))
        if seen is not None:
            return seen
        if isinstance(value, dict):
            out: Any = {k: _escape_leaf(v, done) for k, v in value.items()}
        else:
            out = [_escape_leaf(v, done) for v in value]
        done[id(value)] = out
        return out
    return _escape_leaf(value, done)


def _escape_leaf(value: Any, done: dict[Any, Any]) -> Any:
    """One value of a container: strings (most of them) escaped without a recursive call."""
    if type(value) is str:  # the common case first: a plain string (never Markdown)
        out = done.get(value)
        if out is None:
            out = done[value] = escape(value)
        return out
    if isinstance(value, Markdown):  # equal to a plain string that escape() would change
        return value
    if isinstance(value, str):
        out = done.get(value)
        if out is None:
            out = done[value] = escape(value)
        return out
    if isinstance(value, dict | list):
        return _escape_tree(value, done)
    return value


def environment(template: TemplateInfo) -> MemoSandbox:
    """The sandbox that renders ``template``: its own folder first, then the built-ins."""
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
    env = environment(template)
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
