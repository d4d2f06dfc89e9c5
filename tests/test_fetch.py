"""Downloading an article: redirects, content types, size limits and timeouts."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from briefing.adding import drafts_from_download, gather
from briefing.errors import ArticleError
from briefing.fetch import download

from .httpserver import serve


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with serve() as url:
        yield url


def test_html_page_is_downloaded_and_extracted(base: str) -> None:
    got = download(f"{base}/redirect")
    assert got.url == f"{base}/article.html"  # where the redirect led
    assert got.content_type == "text/html" and got.charset == "utf-8"
    (draft,) = drafts_from_download(got).drafts
    assert draft.title == "Harbour deal signed"
    assert draft.outlet == "Coast Courier"
    assert draft.published == "2024-04-02"
    assert draft.url == f"{base}/article.html"
    assert draft.text.startswith("The two coastal states signed")
    assert "LEAK" not in draft.text


def test_plain_text_and_feeds(base: str) -> None:
    (notes,) = gather(f"{base}/notes.txt", max_bytes=10_000, timeout=5).drafts
    assert notes.text.startswith("Plain notes.") and notes.url == f"{base}/notes.txt"
    feed = gather(f"{base}/feed.rss", max_bytes=10_000, timeout=5)
    assert [d.title for d in feed.drafts] == ["First story", "Second story"]


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/photo.png", "not an article page (content type image/png)"),
        ("/report.pdf", "not an article page (content type application/pdf)"),
        ("/missing", "HTTP 404 Not Found"),
        ("/big.html", "too large (300,007 bytes; limit 100,000)"),
        ("/chunked-big", "too large (over 100,000 bytes)"),
    ],
)
def test_refused_downloads_name_the_url(base: str, path: str, problem: str) -> None:
    with pytest.raises(ArticleError) as info:
        download(f"{base}{path}", max_bytes=100_000, timeout=5)
    assert str(info.value) == f"{base}{path}: {problem}"


def test_timeout(base: str) -> None:
    with pytest.raises(ArticleError) as info:
        download(f"{base}/slow", timeout=0.3)
    assert "timed out (no answer within 0.3 s)" in str(info.value)


def test_connection_refused_and_bad_schemes() -> None:
    with pytest.raises(ArticleError) as info:
        download("http://127.0.0.1:9/nothing", timeout=2)
    assert "cannot download" in str(info.value)
    with pytest.raises(ArticleError, match="only http:// and https://"):
        download("file:///etc/passwd")
