"""briefing: turn a pile of news articles into a sourced briefing memo.

The core is a pipeline of plain functions over frozen records
(ingest → sentences → summary → statements → positions → briefing → render);
the CLI (:mod:`briefing.cli`) and the TUI (:mod:`briefing.tui`) are thin shells over it.
"""

from __future__ import annotations

from .briefing import analyse, build_briefing
from .models import Analysis, Article, Briefing, Citation, KeyPoint, Position, Sentence, Statement
from .sentences import split_sentences
from .summary import summarize

__all__ = [
    "Analysis",
    "Article",
    "Briefing",
    "Citation",
    "KeyPoint",
    "Position",
    "Sentence",
    "Statement",
    "analyse",
    "build_briefing",
    "split_sentences",
    "summarize",
]
