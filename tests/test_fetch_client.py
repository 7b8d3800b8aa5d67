import gzip
import socket
import time
import zlib
from dataclasses import replace
from email.utils import formatdate

import pytest

from cleaner.errors import FetchError
from cleaner.fetch.client import HostGate, HttpClient, decode_content, retry_after_seconds
from cleaner.fetch.options import FetchOptions

pytest_plugins = ["fetch_conftest"]

FAST = FetchOptions(delay=0.0, timeout=0.5, retries=2, backoff=0.01, allow_private=True)


@pytest.fixture
def client():
    http = HttpClient(FAST)
    yield http
    http.close()


def test_retry_after_in_seconds_or_as_an_http_date():
    assert retry_after_seconds("7") == 7.0
    now = time.time()
    assert 29 <= retry_after_seconds(formatdate(now + 30, usegmt=True), now=now) <= 31
    assert retry_after_seconds(formatdate(now - 30, usegmt=True), now=now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_decode_content_inflates_gzip_and_deflate_within_the_limit():
    body = b"<p>hello</p>" * 10
    assert decode_content(gzip.compress(body), "gzip", 1000) == body
    assert decode_content(zlib.compress(body), "deflate", 1000) == body
    raw_deflate = zlib.compressobj(wbits=-15)
    assert decode_content(raw_deflate.compress(body) + raw_deflate.flush(), "deflate", 1000) == body


def test_decode_content_refuses_a_decompression_bomb():
    bomb = gzip.compress(b"\0" * 5_000_000)
    with pytest.raises(FetchError, match="larger than 100000 bytes once decompressed"):
        decode_content(bomb, "gzip", 100_000)


def test_host_gate_spaces_requests_to_one_host_only():
    gate = HostGate()
    start = time.monotonic()
    for _ in range(3):
        gate.wait("a.example", 0.1)
    gate.wait("b.example", 0.1)
    assert time.monotonic() - start >= 0.2
    assert time.monotonic() - start < 1.0


def test_user_agent_names_the_tool_and_the_contact(site, client):
    options = replace(FAST, contact="ops@example.org")
    http = HttpClient(options)
    try:
        http.get(site.url("/a"), "127.0.0.1", 0.0)
    finally:
        http.close()
    agent = site.requests[-1][2]
    assert agent.startswith("cleaner/") and agent.endswith("(+mailto:ops@example.org)")


def test_503_with_retry_after_is_retried_after_the_time_asked(site, client):
    exchange = client.get(site.url("/flaky"), "127.0.0.1", 0.0)
    assert exchange.status == 200
    first, second = site.times("/flaky")
    assert second - first >= 0.9  # Retry-After: 1, while the backoff alone would be 0.01 s


def test_a_retry_after_longer_than_allowed_is_not_waited_for(site):
    http = HttpClient(replace(FAST, max_retry_wait=0.5))
    try:
        exchange = http.get(site.url("/flaky"), "127.0.0.1", 0.0)
    finally:
        http.close()
    assert exchange.status == 503
    assert site.paths().count("/flaky") == 1


def test_read_timeout_is_reported_after_the_retries(site):
    http = HttpClient(replace(FAST, timeout=0.2, retries=1))
    try:
        with pytest.raises(FetchError, match=r"read timeout after 0\.2 s"):
            http.get(site.url("/slow"), "127.0.0.1", 0.0)
    finally:
        http.close()
    assert site.paths().count("/slow") == 2


def test_oversized_bodies_are_aborted_with_or_without_content_length(site):
    http = HttpClient(replace(FAST, max_bytes=50_000))
    try:
        with pytest.raises(FetchError, match="Content-Length"):
            http.get(site.url("/big"), "127.0.0.1", 0.0)
        with pytest.raises(FetchError, match="response larger than 50000 bytes"):
            http.get(site.url("/big-stream"), "127.0.0.1", 0.0)
    finally:
        http.close()
    assert site.paths().count("/big") == 1  # a size refusal is not retried


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_connection_refused_is_a_fetch_error():
    http = HttpClient(replace(FAST, retries=0))
    try:
        with pytest.raises(FetchError, match="connection failed: .*refused"):
            http.get(f"http://127.0.0.1:{_closed_port()}/a", "127.0.0.1", 0.0)
    finally:
        http.close()


def test_exchange_keeps_the_raw_body_and_decodes_on_demand(site, client):
    exchange = client.get(site.url("/gzip"), "127.0.0.1", 0.0)
    assert exchange.header("content-encoding") == "gzip"
    assert exchange.body[:2] == b"\x1f\x8b"
    assert b"Zipped" in exchange.decoded_body(FAST.max_bytes)
    assert exchange.media_type == "text/html" and exchange.charset == "utf-8"
