"""Shared fixtures: the path to ../shared and small workspaces written per test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(relative: str) -> Path:
    """A file under ../shared, or a clean skip when the shared data is not there."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared/{relative} is not available")
    return path


ARTICLE = """---
title: {title}
outlet: {outlet}
published: {published}
url: https://news.example/{slug}
---

{body}
"""

BODIES = {
    "alpha": (
        "Harbour talks resume",
        "Coast Courier",
        "2024-03-01",
        "Officials from both coastal states met on Friday to restart talks on the harbour. "
        "French Foreign Minister Anne Morel said Paris wanted an agreement before summer. "
        "Morel added that fishing rights would be discussed separately.\n\n"
        "The talks are expected to last two days.",
    ),
    "bravo": (
        "Berlin backs harbour plan",
        "Rhine Daily",
        "2024-03-02",
        "Germany said on Saturday that it supported the harbour plan. "
        "German Chancellor Klaus Weber told reporters that Berlin would help pay for the works. "
        "Critics said the cost estimates were too low.",
    ),
}


def write_article(
    folder: Path, slug: str, title: str, outlet: str, published: str, body: str
) -> Path:
    path = folder / f"{slug}.md"
    path.write_text(
        ARTICLE.format(title=title, outlet=outlet, published=published, slug=slug, body=body),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def make_workspace(tmp_path: Path) -> Callable[..., Path]:
    """Write a workspace (briefing.toml + sources/) and return its folder."""

    def make(
        config: str = "", articles: dict[str, tuple[str, str, str, str]] | None = None
    ) -> Path:
        (tmp_path / "sources").mkdir(exist_ok=True)
        (tmp_path / "briefing.toml").write_text(
            config or '[memo]\ntitle = "Harbour talks"\nprepared_by = "Test desk"\n',
            encoding="utf-8",
        )
        for slug, fields in (articles if articles is not None else BODIES).items():
            write_article(tmp_path / "sources", slug, *fields)
        return tmp_path

    return make
