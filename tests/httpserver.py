"""A tiny HTTP server on 127.0.0.1 for the download tests (bounded, stops by itself)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = b"""<html><head><title>Harbour deal signed | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier">
<meta property="article:published_time" content="2024-04-02T08:00:00Z">
<script>var leak = "SCRIPT-LEAK";</script></head><body><article>
<h1>Harbour deal signed</h1>
<p>The two coastal states signed the harbour agreement on Tuesday after a year of talks,
ending a dispute that had held up the dredging of the channel since last spring.</p>
<p>The foreign minister said the deal would create jobs on both sides of the border and
that the fishing rights would be settled by a separate working group in the autumn.</p>
</article></body></html>"""

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Rhine Daily</title>
<item><title>First story</title><guid>r-1</guid><description>One text.</description></item>
<item><title>Second story</title><guid>r-2</guid><description>Two text.</description></item>
</channel></rss>"""

ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/article.html": (200, "text/html; charset=utf-8", PAGE),
    "/notes.txt": (200, "text/plain; charset=utf-8", b"Plain notes.\n\nSecond line of notes.\n"),
    "/feed.rss": (200, "application/rss+xml", RSS),
    "/photo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    "/report.pdf": (200, "application/pdf", b"%PDF-1.4 ..."),
    "/big.html": (200, "text/html", b"<p>" + b"x" * 300_000 + b"</p>"),
    "/missing": (404, "text/html", b"<p>Not here</p>"),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        if self.path in ("/trickle-headers", "/trickle-body"):
            self._trickle(self.path == "/trickle-headers")
            return
        if self.path == "/chunked-big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the size is only known while reading
            for _ in range(40):
                self.wfile.write(b"<p>" + b"y" * 10_000 + b"</p>")
            return
        status, kind, body = ROUTES.get(self.path, ROUTES["/missing"])
        if self.path == "/slow":
            status, kind, body = ROUTES["/article.html"]
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _trickle(self, in_headers: bool) -> None:
        """One byte every 0.5 s (for at most 30 s): no single read ever waits long."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        if not in_headers:
            self.wfile.write(head + b"Content-Length: 100000\r\n\r\n")
        for _ in range(60):
            self.wfile.write(b"X-Slow: a\r\n"[:1] if in_headers else b"x")
            self.wfile.flush()
            time.sleep(0.5)

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on purpose (size limit, timeout) is expected


@contextmanager
def serve() -> Iterator[str]:
    """Run the server in a thread; yields its base URL."""
    server = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
