"""Download one article page (or feed) for ``briefing add URL``, carefully.

A URL pasted by an analyst may point at a PDF, a video, a 2 GB file or a server that never
answers: timeouts, a size cap enforced while streaming (not trusted from headers) and a
content-type check keep ``add`` from hanging or filling the disk.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

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
    """GET ``url``; ArticleError (naming the URL) on any network, size or type problem.

    ``timeout`` bounds each wait for the server; the whole download (every redirect, the
    headers and the body) must also end within three times that.
    """
    if not is_url(url):
        raise ArticleError(url, "only http:// and https:// addresses can be downloaded")
    own = client is None
    session = client or httpx.Client(
        follow_redirects=True,
        max_redirects=5,
        timeout=httpx.Timeout(timeout),
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,*/*;q=0.5"},
    )
    total = 3 * timeout
    try:
        with _deadline(total) as deadline:
            try:
                got = _get(session, url, max_bytes, deadline)
            except httpx.HTTPError:
                if not deadline.expired:
                    raise
            if deadline.expired:  # also when the cut looked like the end of a body
                raise ArticleError(url, f"timed out (download took over {total:g} s)")
            return got
    except httpx.TimeoutException:
        raise ArticleError(url, f"timed out (no answer within {timeout:g} s)") from None
    except httpx.TooManyRedirects:
        raise ArticleError(url, "too many redirects") from None
    except httpx.HTTPError as exc:
        raise ArticleError(url, f"cannot download ({type(exc).__name__}: {exc})") from None
    finally:
        if own:
            session.close()


class _Deadline:
    """Shuts down the download's sockets when time is up, which wakes a blocked read.

    httpx's timeouts bound each read, so a server trickling one byte every half second
    (in the headers or the body) would never trip them; this bounds the total. The sockets
    come from httpx's documented ``trace`` extension, which follows redirects.
    """

    def __init__(self) -> None:
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def trace(self, event: str, info: dict[str, Any]) -> None:
        if not event.endswith(("connect_tcp.complete", "start_tls.complete")):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None
        if isinstance(sock, socket.socket):
            with self._lock:
                self._sockets.append(sock)
                if self.expired:
                    self._shut(sock)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[_Deadline]:
    deadline = _Deadline()
    timer = threading.Timer(seconds, deadline.expire)
    timer.daemon = True
    timer.start()
    try:
        yield deadline
    finally:
        timer.cancel()


def _get(session: httpx.Client, url: str, max_bytes: int, deadline: _Deadline) -> Download:
    with session.stream("GET", url, extensions={"trace": deadline.trace}) as response:
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
            size += len(chunk)
            if size > max_bytes:
                raise ArticleError(url, f"too large (over {max_bytes:,} bytes)")
            chunks.append(chunk)
        return Download(str(response.url), kind, response.charset_encoding, b"".join(chunks))
