"""Download one article page (or feed) for ``briefing add URL``, carefully.

A URL pasted by an analyst may point at a PDF, a video, a 2 GB file or a server that never
answers: timeouts, a size cap enforced while streaming (not trusted from headers) and a
content-type check keep ``add`` from hanging or filling the disk.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from .errors import ArticleError

USER_AGENT = "briefing/0.1 (news briefing tool; +https://pypi.org/project/briefing/)"
# Content types that can hold an article, and the reader suffix for each.
KINDS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "text/x-markdown": ".md",
    "application/rss+xml": ".rss",
    "application/atom+xml": ".atom",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
}


@dataclass(frozen=True)
class Download:
    """What a server sent: the final URL (after redirects), its content type and bytes."""

    url: str
    content_type: str
    charset: str | None
    data: bytes

    @property
    def suffix(self) -> str:
        """The reader suffix for the content (``.html`` when the server did not say)."""
        return KINDS.get(self.content_type, ".html")


def is_url(text: str) -> bool:
    return text.lower().startswith(("http://", "https://"))


def download(
    url: str,
    *,
    max_bytes: int = 5_000_000,
    timeout: float = 20.0,
    client: httpx.Client | None = None,
) -> Download:
    """GET ``url``; ArticleError (naming the URL) on any network, size or type problem."""
    if not is_url(url):
        raise ArticleError(url, "only http:// and https:// addresses can be downloaded")
    own = client is None
    session = client or httpx.Client(
        follow_redirects=True,
        max_redirects=5,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.5"},
    )
    try:
        return _get(session, url, max_bytes, timeout)
    except httpx.TimeoutException:
        raise ArticleError(url, f"timed out (no answer within {timeout:g} s)") from None
    except httpx.TooManyRedirects:
        raise ArticleError(url, "too many redirects") from None
    except httpx.HTTPError as exc:
        raise ArticleError(url, f"cannot download ({type(exc).__name__}: {exc})") from None
    finally:
        if own:
            session.close()


def _get(session: httpx.Client, url: str, max_bytes: int, timeout: float) -> Download:
    # httpx's timeout bounds each read; a server trickling bytes must not hold us for days,
    # so the whole download gets a deadline too (a few times the per-read timeout).
    deadline = time.monotonic() + 3 * timeout
    with session.stream("GET", url) as response:
        if response.status_code >= 400:
            raise ArticleError(url, f"HTTP {response.status_code} {response.reason_phrase}")
        kind = response.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind and kind not in KINDS:
            raise ArticleError(url, f"not an article page (content type {kind})")
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise ArticleError(url, f"too large ({int(declared):,} bytes; limit {max_bytes:,})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            if time.monotonic() > deadline:
                raise ArticleError(url, f"timed out (download took over {3 * timeout:g} s)")
            size += len(chunk)
            if size > max_bytes:
                raise ArticleError(url, f"too large (over {max_bytes:,} bytes)")
            chunks.append(chunk)
        return Download(str(response.url), kind, response.charset_encoding, b"".join(chunks))
