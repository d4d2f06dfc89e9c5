"""Assemble the briefing: analyse each article, then gather key points and positions.

:func:`analyse` is per article and pure (the unit a cache or a worker deals in);
:func:`build_briefing` combines analyses in the analyst's chosen order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date as _date
from typing import TYPE_CHECKING

from .actors import ActorBook
from .coherence import off_topic
from .config import Config
from .curation import Curation, apply_curation
from .errors import BriefingError, one_line
from .models import Analysis, Article, Briefing, KeyPoint, Position, Sentence, SetAside
from .positions import candidates, find_statements, group_positions
from .positions.parse import parse
from .sentences import make_sentences
from .summary import key_points, summarize_sentences

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .derived import Memo


def analyse(article: Article, *, sentences: int = 3, actors: ActorBook | None = None) -> Analysis:
    """Split, summarise and find the statements of one article."""
    sents = make_sentences(article.text)
    return _analysis(article, sents, sentences, actors, None)


def _analysis(
    article: Article,
    sents: tuple[Sentence, ...],
    sentences: int,
    actors: ActorBook | None,
    docs: list[Doc | None] | None,
) -> Analysis:
    """The article's analysis; when finding its statements fails (a defect in the rules
    on a sentence they never met), the summary is kept and the failure recorded as its
    ``problem``: one article must not stop a build of thousands."""
    summary = summarize_sentences(sents, sentences)
    try:
        statements = find_statements(article, sents, actors, docs)
    except Exception as exc:  # reported as the analysis's problem, never swallowed
        return Analysis(article, sents, summary, (), f"positions not read ({one_line(exc)})")
    return Analysis(article, sents, summary, statements)


def analyse_batch(
    articles: Sequence[Article], *, sentences: int = 3, actors: ActorBook | None = None
) -> list[Analysis]:
    """:func:`analyse` of each article, with the sentences every article needs parsed in
    one batch: spaCy parses a batch of many articles' sentences in about 15% less CPU than
    article by article (small batches pay its per-batch costs), with the same parses."""
    splits = [make_sentences(a.text) for a in articles]
    wanted = [candidates(a, s) for a, s in zip(articles, splits, strict=True)]
    parsed = iter(parse([s[i].text for s, w in zip(splits, wanted, strict=True) for i in w]))
    out = []
    for article, sents, indices in zip(articles, splits, wanted, strict=True):
        docs: list[Doc | None] = [None] * len(sents)
        for i in indices:
            docs[i] = next(parsed)
        out.append(_analysis(article, sents, sentences, actors, docs))
    return out


def select(articles: Sequence[Article], ids: Sequence[str]) -> list[Article]:
    """The articles named by ``ids``, in that order; all of them when ``ids`` is empty."""
    if not ids:
        return list(articles)
    by_id = {a.id: a for a in articles}
    missing = [i for i in ids if i not in by_id]
    if missing:
        known = ", ".join(sorted(by_id)) or "none"
        raise BriefingError(f"unknown article id: {', '.join(missing)} (known: {known})")
    return [by_id[i] for i in dict.fromkeys(ids)]


def set_aside(analyses: Sequence[Analysis]) -> frozenset[str]:
    """Ids of the articles that share no subject with the rest (:mod:`briefing.coherence`):
    a crawl notice or a widget page among the news of one event. They give no summary and no
    key point."""
    texts = [" ".join(s.text for s in a.sentences) for a in analyses]
    return frozenset(a.article.id for a, off in zip(analyses, off_topic(texts), strict=True) if off)


def positions_of(analyses: Iterable[Analysis], config: Config) -> tuple[Position, ...]:
    """Every country's statements across ``analyses``, focus countries first."""
    statements = [s for a in analyses for s in a.statements]
    return group_positions(statements, config.positions.focus)


def build_briefing(
    analyses: Iterable[Analysis],
    config: Config,
    *,
    title: str | None = None,
    date: str | None = None,
    skipped: Sequence[str] = (),
    curation: Curation | None = None,
    memo: Memo | None = None,
) -> Briefing:
    """The memo content for ``analyses`` (in memo order) under ``config``, with the
    analyst's ``curation`` of the positions applied when given. ``memo`` serves key points
    and positions kept from an earlier build of the same set (:mod:`briefing.derived`)."""
    chosen = tuple(analyses)
    count = config.summary.key_points

    def unrelated() -> tuple[SetAside, ...]:
        return tuple(SetAside(i) for i in sorted(set_aside(chosen)))

    kept = memo("set_aside", "", SetAside, unrelated) if memo else unrelated()
    aside = frozenset(x.article for x in kept)

    def points() -> tuple[KeyPoint, ...]:
        return key_points([a for a in chosen if a.article.id not in aside], count)

    def grouped() -> tuple[Position, ...]:
        return positions_of(chosen, config)

    focus = repr(config.positions.focus)
    positions = memo("positions", focus, Position, grouped) if memo else grouped()
    if curation:
        positions = apply_curation(positions, curation, chosen)
    return Briefing(
        title=title or config.memo.title,
        date=date or _date.today().isoformat(),
        prepared_by=config.memo.prepared_by,
        classification=config.memo.classification,
        analyses=tuple(replace(a, summary=()) if a.article.id in aside else a for a in chosen),
        key_points=memo("key_points", str(count), KeyPoint, points) if memo else points(),
        positions=positions,
        skipped=tuple(skipped),
        set_aside=tuple(a.article.id for a in chosen if a.article.id in aside),
    )
