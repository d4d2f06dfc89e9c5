"""A workspace: its config, its known actors and its articles, shared by the CLI and the TUI.

Loading collapses near-duplicate articles (:mod:`briefing.dedupe`) and keeps the
workspace's article library (:mod:`briefing.library`) in step; analysing serves cached
analyses and spreads the rest over the cores (:mod:`briefing.parallel`).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .actors import ActorBook, load_actors
from .briefing import analyse, build_briefing
from .config import Config, articles_config, load_config
from .curation import Curation, load_curation
from .dedupe import Detector, cached_groups, groups_digest
from .derived import LibraryMemo, set_digest
from .errors import ArticleError
from .export import render_output
from .ingest import LoadResult, iter_articles
from .library import Library, analysis_key, article_hash, country_rows, remember_hash
from .models import Analysis, Article, Briefing, SourceRef
from .parallel import analyse_many
from .rendered import keep, kept, output_key, template_sources
from .spill import Spill
from .templates import TemplateInfo, find_template
from .whatsnew import Changes, compare

_log = logging.getLogger(__name__)


def _ref(article: Article) -> SourceRef:
    return SourceRef(article.id, article.title, article.outlet, article.published, article.url)


def _detect(spill: Spill) -> list[list[int]]:
    """Near-duplicate groups of the parked articles, fetching texts only for candidates."""
    detector = Detector()
    for _, article, _ in spill:
        detector.add(article.text)
    return detector.groups(spill.text)


@dataclass(frozen=True)
class Workspace:
    """Everything needed to turn article files into a briefing."""

    config: Config
    actors: ActorBook

    @classmethod
    def open(cls, config_path: Path | None = None) -> Workspace:
        """Read ``briefing.toml`` (and the actors file it names); errors name the file."""
        return cls.of(load_config(config_path, required=config_path is not None))

    @classmethod
    def of(cls, config: Config) -> Workspace:
        return cls(config, load_actors(config.actors_path()))

    @classmethod
    def at(cls, path: Path) -> Workspace:
        """The workspace for ``briefing PATH``: PATH's own, or the articles in PATH."""
        return cls.of(articles_config(path))

    def exists(self) -> bool:
        """True when there is a config file or any of the sources to read."""
        return self.config.path is not None or any(p.exists() for p in self.config.source_paths())

    def library(self) -> Library:
        """The workspace's article library (a no-op one when it cannot be written)."""
        return Library.open(self.config.root)

    def load(
        self, paths: Sequence[Path] = (), *, dedupe: bool = True, keep: int | None = None
    ) -> LoadResult:
        """Articles from ``paths``, or from the config's sources when none are given.

        Near-duplicates (the same story from two outlets) are collapsed into the first of
        them; ``LoadResult.duplicates`` says which articles each kept one stands for, and
        each kept article cites them in ``also_in``. Loading the config's sources also
        refreshes the library's listing and index.

        Memory stays flat however many files there are: articles wait in a
        :class:`~briefing.spill.Spill` on disk while near-duplicates are found from compact
        fingerprints, then pass to the listing one at a time. Only the first ``keep`` kept
        articles (all when None) are returned; ``LoadResult.total`` counts them all.
        """
        chosen = list(paths) or self.config.source_paths()
        limit = self.config.sources.max_article_bytes
        skipped: list[ArticleError] = []
        with self.library() as library, Spill() as spill:
            running = groups_digest()
            cache = library if library.enabled else None
            for item in iter_articles(chosen, max_bytes=limit, cache=cache):
                if isinstance(item, ArticleError):
                    skipped.append(item)
                    continue
                digest = article_hash(item)
                running.update(digest.encode())
                spill.add(item, digest)
            library.flush()  # files read are cached before the listing's transaction
            groups = (
                cached_groups(running.hexdigest(), len(spill), library, lambda: _detect(spill))
                if dedupe
                else []
            )
            copies = {g[0]: tuple(spill.get(i) for i in g[1:]) for g in groups}
            dropped = {i for g in groups for i in g[1:]}
            duplicates: dict[str, tuple[Article, ...]] = {}
            articles: list[Article] = []
            total = 0
            listing = library.listing_sync() if not paths else None
            with listing or contextlib.nullcontext():
                for n, article, digest in spill:
                    if n in dropped:
                        continue
                    if n in copies:  # cite the copies beside it (which changes its hash)
                        duplicates[article.id] = copies[n]
                        article = replace(article, also_in=tuple(_ref(d) for d in copies[n]))
                        digest = article_hash(article)
                    else:  # the analyses' keys need it again: not hashed twice
                        remember_hash(article, digest)
                    if listing is not None:
                        listing.add(article, digest)
                    if keep is None or total < keep:
                        articles.append(article)
                    total += 1
        return LoadResult(tuple(articles), tuple(skipped), duplicates, total)

    def stream(self, batch: int = 250) -> Iterator[tuple[list[Article], list[ArticleError]]]:
        """The config's sources in batches as they are read, for a screen's first rows.

        No near-duplicate folding and no listing update: :meth:`load` does those, and its
        result is the one to build from.
        """
        with self.library() as library:
            cache = library if library.enabled else None
            limit = self.config.sources.max_article_bytes
            articles: list[Article] = []
            skipped: list[ArticleError] = []
            for item in iter_articles(self.config.source_paths(), max_bytes=limit, cache=cache):
                if isinstance(item, ArticleError):
                    skipped.append(item)
                else:
                    articles.append(item)
                if len(articles) >= batch:
                    yield articles, skipped
                    articles, skipped = [], []
            if articles or skipped:
                yield articles, skipped

    def settings_key(self) -> str:
        """What besides the article and the code an analysis depends on, as a digest."""
        text = f"{self.config.summary.sentences}\0{self.actors!r}"
        return hashlib.sha256(text.encode()).hexdigest()

    def analyse(self, article: Article) -> Analysis:
        return analyse(article, sentences=self.config.summary.sentences, actors=self.actors)

    def analyse_all(
        self,
        articles: Sequence[Article],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Analysis]:
        """Analyse in order, reporting ``(done, total)`` after each article.

        Analyses cached in the library are reused; the others are computed (on every core
        when there are many) and stored for next time.
        """
        total, done = len(articles), 0

        def tick(count: int) -> None:
            nonlocal done
            for _ in range(count):
                done += 1
                if progress:
                    progress(done, total)

        settings = self.settings_key()
        keys = [analysis_key(a, settings) for a in articles]
        with self.library() as library:
            cached = library.get_analyses(keys)
            results: list[Analysis | None] = [cached.get(k) for k in keys]
            tick(sum(1 for r in results if r is not None))
            missing = [i for i, r in enumerate(results) if r is None]
            fresh = analyse_many(
                [articles[i] for i in missing],
                sentences=self.config.summary.sentences,
                actors=self.actors,
                progress=tick,
            )
            for i, analysis in zip(missing, fresh, strict=True):
                results[i] = analysis
            library.put_analyses((keys[i], a) for i, a in zip(missing, fresh, strict=True))
            done_list = [r for r in results if r is not None]
            library.set_countries(done_list)
        for analysis in done_list:
            if analysis.problem:
                _log.warning("%s: %s; its summary is kept", analysis.article.path, analysis.problem)
        return done_list

    def build(
        self,
        analyses: Sequence[Analysis],
        *,
        title: str | None = None,
        date: str | None = None,
        skipped: Sequence[str] = (),
        curation: Curation | None = None,
    ) -> Briefing:
        with self.library() as library:
            memo = LibraryMemo(library, set_digest(analyses, self.settings_key()))
            return build_briefing(
                analyses,
                self.config,
                title=title,
                date=date,
                skipped=skipped,
                curation=curation,
                memo=memo if library.enabled else None,
            )

    def outputs(
        self,
        articles: Sequence[Article],
        formats: Sequence[str],
        *,
        template: TemplateInfo | None,
        date: str,
        title: str | None = None,
        curation: Curation | None = None,
        previous: Any = None,
        citations: str | None = None,
    ) -> tuple[str, ...]:
        """The memo of ``articles`` in each of ``formats`` (``markdown``, ``json``), as
        ``briefing build`` writes it, marking what is new since ``previous`` (a briefing's
        JSON). Kept in the library and served again while nothing it depends on changes
        (:mod:`briefing.rendered`)."""
        style = citations or self.config.memo.citations
        sources = template_sources(template) if template is not None else ""
        settings = self.settings_key()
        key = output_key(
            [analysis_key(a, settings) for a in articles],
            formats=formats,
            config=self.config,
            title=title,
            date=date,
            curation=curation,
            previous=previous,
            citations=style,
            template=sources,
        )
        if sources is not None:
            with self.library() as library:
                texts = kept(library, key, len(formats))
            if texts is not None:
                return texts
        analyses = self.analyse_all(articles)
        b = self.build(analyses, title=title, date=date, curation=curation)
        changes = compare(previous, b) if previous is not None else None
        made: list[str] = []
        for f in formats:
            text = render_output(b, f, template=template, changes=changes, citations=style)
            assert isinstance(text, str)  # markdown and json: pandoc formats convert them
            made.append(text)
        if sources is not None:
            with self.library() as library:
                keep(library, key, made, country_rows(analyses))
        return tuple(made)

    def curation(self) -> tuple[Curation, str | None]:
        """The analyst's curation saved with the session, and a problem reading it if any."""
        return load_curation(self.config.root)

    def template(self, name: str | None = None) -> TemplateInfo:
        """The memo template ``name`` (default: the config's) on the workspace's search path."""
        return find_template(name or self.config.memo.template, self.config.root)

    def render(
        self,
        briefing: Briefing,
        fmt: str = "markdown",
        *,
        template: TemplateInfo | None = None,
        changes: Changes | None = None,
        citations: str | None = None,
    ) -> str | bytes:
        """The memo as ``briefing build`` writes it: the one path for the CLI and the TUI."""
        info = None if fmt == "json" else template or self.template()
        style = citations or self.config.memo.citations
        return render_output(briefing, fmt, template=info, changes=changes, citations=style)
