"""A workspace: its config, its known actors and its articles, shared by the CLI and the TUI."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .actors import ActorBook, load_actors
from .briefing import analyse, build_briefing
from .config import Config, load_config
from .ingest import LoadResult, load_articles
from .models import Analysis, Article, Briefing


@dataclass(frozen=True)
class Workspace:
    """Everything needed to turn article files into a briefing."""

    config: Config
    actors: ActorBook

    @classmethod
    def open(cls, config_path: Path | None = None) -> Workspace:
        """Read ``briefing.toml`` (and the actors file it names); errors name the file."""
        config = load_config(config_path, required=config_path is not None)
        return cls(config, load_actors(config.actors_path()))

    def load(self, paths: Sequence[Path] = ()) -> LoadResult:
        """Articles from ``paths``, or from the config's sources when none are given."""
        chosen = list(paths) or self.config.source_paths()
        return load_articles(chosen, max_bytes=self.config.sources.max_article_bytes)

    def analyse(self, article: Article) -> Analysis:
        return analyse(article, sentences=self.config.summary.sentences, actors=self.actors)

    def analyse_all(
        self,
        articles: Sequence[Article],
        progress: Callable[[int, int], None] | None = None,
    ) -> list[Analysis]:
        """Analyse in order, reporting ``(done, total)`` after each article."""
        done: list[Analysis] = []
        for article in articles:
            done.append(self.analyse(article))
            if progress:
                progress(len(done), len(articles))
        return done

    def build(
        self,
        analyses: Sequence[Analysis],
        *,
        title: str | None = None,
        date: str | None = None,
        skipped: Sequence[str] = (),
    ) -> Briefing:
        return build_briefing(analyses, self.config, title=title, date=date, skipped=skipped)
