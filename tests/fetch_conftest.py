"""A real HTTP server on 127.0.0.1 (port 0) serving a small news site, for the fetch tests."""

from __future__ import annotations

import gzip
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

SLOW_SECONDS = 2.0
BIG_BYTES = 300_000


def article(title: str) -> bytes:
    paragraphs = "".join(f"<p>{title}: paragraph {i} of a story about the harbour.</p>" for i in range(5))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>".encode()


REDIRECTS = {
    "/moved": (301, "/a"),
    "/loop1": (302, "/loop2"),
    "/loop2": (302, "/loop1"),
    "/to-private": (302, "/private/secret"),
    "/to-ftp": (302, "ftp://127.0.0.1/a"),
}
ROBOTS = b"User-agent: *\nDisallow: /private/\nAllow: /private/open\n"


def rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>t</title><link>{base}{path}</link><pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item>"
        for path in ("/a", "/b?utm_source=rss&utm_medium=feed", "/a#comments", "/private/secret")
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{items}</channel></rss>'.encode()


def atom(base: str) -> bytes:
    entries = "".join(
        f'<entry><title>t</title><link rel="alternate" type="text/html" href="{path}"/>'
        f"<published>2024-01-03T08:00:00Z</published></entry>"
        for path in ("/b", "/c")
    )
    return (
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:base="{base}/">'
        f"<title>x</title>{entries}</feed>"
    ).encode()


def json_feed(base: str) -> bytes:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "x",
        "items": [{"id": "1", "url": f"{base}/c", "date_published": "2024-01-04T09:00:00Z"}],
    }
    return json.dumps(feed).encode()


SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def sitemap_index(base: str) -> bytes:
    children = "".join(f"<sitemap><loc>{base}{p}</loc></sitemap>" for p in ("/sitemap-pages.xml", "/sitemap-news.xml"))
    return f'<?xml version="1.0"?><sitemapindex xmlns="{SITEMAP_NS}">{children}</sitemapindex>'.encode()


def sitemap_pages(base: str) -> bytes:
    urls = "".join(f"<url><loc>{base}{p}</loc><lastmod>2024-01-01</lastmod></url>" for p in ("/a", "/c"))
    return f'<?xml version="1.0"?><urlset xmlns="{SITEMAP_NS}">{urls}</urlset>'.encode()


def sitemap_news(base: str) -> bytes:
    return (
        f'<?xml version="1.0"?><urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">'
        f"<url><loc>{base}/news/1</loc><news:news><news:publication><news:name>X</news:name>"
        f"<news:language>en</news:language></news:publication>"
        f"<news:publication_date>2024-02-05T07:30:00+01:00</news:publication_date>"
        f"<news:title>One</news:title></news:news></url></urlset>"
    ).encode()


@dataclass
class Site:
    """The running server: its base URL and the requests it saw."""

    base: str
    requests: list[tuple[str, float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    counters: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def paths(self) -> list[str]:
        with self.lock:
            return [path for path, _, _ in self.requests]

    def times(self, path: str) -> list[float]:
        with self.lock:
            return [when for seen, when, _ in self.requests if seen == path]

    def hit(self, path: str, agent: str) -> int:
        with self.lock:
            self.requests.append((path, time.monotonic(), agent))
            self.counters[path] = self.counters.get(path, 0) + 1
            return self.counters[path]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: Site  # set on the subclass made per server

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def stream_without_length(self, body: bytes) -> None:
        """A body whose size is only known at the end: no Content-Length, the connection closes."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        for start in range(0, len(body), 8192):
            try:
                self.wfile.write(body[start : start + 8192])
            except (BrokenPipeError, ConnectionResetError):
                return

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        count = self.site.hit(self.path, self.headers.get("User-Agent", ""))
        base = self.site.base
        path = self.path.split("?", 1)[0]
        static = {
            "/robots.txt": (ROBOTS, "text/plain"),
            "/feed.rss": (rss(base), "application/rss+xml"),
            "/feed.atom": (atom(base), "application/atom+xml"),
            "/feed.json": (json_feed(base), "application/feed+json"),
            "/sitemap-index.xml": (sitemap_index(base), "application/xml"),
            "/sitemap-pages.xml": (sitemap_pages(base), "application/xml"),
            "/sitemap-news.xml": (sitemap_news(base), "application/xml"),
            "/image.png": (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png"),
            "/big": (b"<html><body>" + b"x" * BIG_BYTES + b"</body></html>", "text/html"),
        }
        if path in static:
            body, ctype = static[path]
            return self.send(200, body, ctype)
        if path in ("/a", "/b", "/c", "/news/1", "/private/secret", "/private/open"):
            return self.send(200, article(f"Story {path}"))
        if path == "/gzip":
            return self.send(200, gzip.compress(article("Zipped")), Content_Encoding="gzip")
        if path == "/big-stream":
            return self.stream_without_length(b"y" * BIG_BYTES)
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
            return self.send(200, article("Slow"))
        if path == "/flaky":
            if count == 1:
                return self.send(503, b"busy", "text/plain", Retry_After="1")
            return self.send(200, article("Flaky"))
        if path in REDIRECTS:
            status, location = REDIRECTS[path]
            return self.send(status, b"", Location=location)
        return self.send(404, b"not here", "text/plain")


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        """Clients that hang up early (timeouts, size limits) are part of the tests, not errors."""


@pytest.fixture
def site():
    """A news site on 127.0.0.1, torn down after the test."""
    handler = type("SiteHandler", (Handler,), {})
    server = QuietServer(("127.0.0.1", 0), handler)
    handler.site = Site(base=f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield handler.site
    finally:
        server.shutdown()
        server.server_close()
