"""``add URL`` has one deadline for the whole download (connect, headers, body): a server
that sends a byte now and then can never hold it, since no single read waits long."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.errors import ArticleError
from briefing.fetch import download

from .httpserver import serve


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


@pytest.mark.parametrize("path", ["/trickle-headers", "/trickle-body"])
def test_a_trickling_server_meets_the_overall_deadline(base: str, path: str) -> None:
    start = time.monotonic()
    with pytest.raises(ArticleError, match="timed out"):
        download(f"{base}{path}", timeout=1.0)
    assert time.monotonic() - start < 5.0


def test_add_with_a_timeout_gives_up_on_trickled_headers(
    base: str, make_workspace: Callable[..., Path]
) -> None:
    ws = make_workspace(articles={})
    start = time.monotonic()
    result = CliRunner().invoke(
        main,
        ["-c", str(ws / "briefing.toml"), "add", "--timeout", "1", f"{base}/trickle-headers"],
    )
    assert time.monotonic() - start < 6.0
    assert result.exit_code == 1
    assert "timed out" in result.stderr and "Traceback" not in result.output


def test_a_prompt_server_is_still_read_in_full(base: str) -> None:
    got = download(f"{base}/article.html", timeout=1.0)
    assert b"Harbour deal signed" in got.data
