"""One HTTP GET at a time, politely: per-host delay, retries with backoff, size and time limits.

Redirects are not followed here (the crawler checks every hop); connections go to the address
that was checked, so a host cannot resolve to a public address for the check and a private one
for the connection.
"""

from __future__ import annotations

import email.utils
import threading
import time
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ReadTimeoutError,
    SSLError,
)

from cleaner.errors import FetchError
from cleaner.fetch.options import FetchOptions
from cleaner.fetch.urls import DEFAULT_PORTS

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
READ_CHUNK = 64 * 1024
# Connection pools kept open at once (one per host); the least recently used is closed beyond that.
MAX_POOLS = 64
# A page trickling in byte by byte never trips the read timeout; give up after this many timeouts in all.
TOTAL_TIME_FACTOR = 4
ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"
ACCEPT_ENCODING = "gzip, deflate"
HTTP_VERSIONS = {9: "HTTP/0.9", 10: "HTTP/1.0", 11: "HTTP/1.1", 20: "HTTP/2"}
# Hop-by-hop framing already undone by urllib3: keeping it would make archive readers de-chunk twice.
FRAMING_HEADERS = frozenset({"transfer-encoding"})


@dataclass(frozen=True, slots=True)
class Exchange:
    """One GET and its answer, as it goes into the WARC (body still content-encoded)."""

    url: str
    ip: str
    date: str  # when the answer arrived, as a WARC-Date
    request_headers: tuple[tuple[str, str], ...]
    status: int
    reason: str
    http_version: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((value for key, value in self.headers if key.lower() == lowered), None)

    @property
    def media_type(self) -> str | None:
        return media_type_of(self.header("Content-Type"))

    @property
    def charset(self) -> str | None:
        return charset_of(self.header("Content-Type"))

    def decoded_body(self, max_bytes: int) -> bytes:
        """The body with its Content-Encoding undone, at most max_bytes long."""
        return decode_content(self.body, self.header("Content-Encoding"), max_bytes)


@dataclass(frozen=True, slots=True)
class NetworkFailure:
    """A request that got no complete answer; transient ones are worth another try."""

    reason: str
    transient: bool


def media_type_of(content_type: str | None) -> str | None:
    """`text/html` of `text/HTML; charset=utf-8`."""
    return (content_type or "").split(";", 1)[0].strip().lower() or None


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header."""
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \"'"):
            return value.strip(" \"'")
    return None


def warc_now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def decode_content(body: bytes, encoding: str | None, max_bytes: int) -> bytes:
    """Undo gzip/deflate content coding, refusing to inflate past max_bytes.

    Raises:
        FetchError: unknown coding, corrupt data, or an inflated size over max_bytes.
    """
    coding = (encoding or "identity").strip().lower()
    if coding in ("identity", ""):
        return body
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"unsupported content encoding {coding}")
    # wbits 47 reads gzip or zlib headers; some servers send raw deflate for "deflate" (wbits -15).
    for wbits in (47, -15):
        try:
            inflater = zlib.decompressobj(wbits)
            data = inflater.decompress(body, max_bytes + 1)
        except zlib.error:
            continue
        if len(data) > max_bytes:
            raise FetchError(f"response larger than {max_bytes} bytes once decompressed")
        return data
    raise FetchError(f"corrupt {coding} response body")


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or an HTTP date), None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


class HostGate:
    """Spaces the requests to one host by its delay; threads reserve their slot, then sleep."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next_start: dict[str, float] = {}

    def wait(self, host: str, delay: float) -> None:
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next_start.get(host, now))
            self._next_start[host] = start + delay
        if start > now:
            time.sleep(start - now)


class HttpClient:
    """GETs with politeness and limits; thread-safe, one instance per crawl."""

    def __init__(self, options: FetchOptions) -> None:
        self._options = options
        self._gate = HostGate()
        self._pools: OrderedDict[tuple, urllib3.HTTPConnectionPool] = OrderedDict()
        self._pools_lock = threading.Lock()

    def close(self) -> None:
        with self._pools_lock:
            for pool in self._pools.values():
                pool.close()
            self._pools.clear()

    def get(self, url: str, ip: str, delay: float) -> Exchange:
        """GET url from address ip, retrying 429/5xx answers and transient failures.

        Returns the last answer, whatever its status.

        Raises:
            FetchError: no answer was received (the message says why).
        """
        host = urlsplit(url).netloc
        attempt = 0
        while True:
            self._gate.wait(host, delay)
            outcome = self._attempt(url, ip)
            wait = self._retry_wait(outcome, attempt)
            if wait is None:
                if isinstance(outcome, NetworkFailure):
                    raise FetchError(outcome.reason)
                return outcome
            time.sleep(wait)
            attempt += 1

    def _retry_wait(self, outcome: Exchange | NetworkFailure, attempt: int) -> float | None:
        """Seconds to wait before trying again, or None to stop here."""
        opts = self._options
        if attempt >= opts.retries:
            return None
        backoff = min(opts.backoff * 2**attempt, opts.max_retry_wait)
        if isinstance(outcome, NetworkFailure):
            return backoff if outcome.transient else None
        if outcome.status not in RETRY_STATUSES:
            return None
        asked = retry_after_seconds(outcome.header("Retry-After"))
        if asked is None:
            return backoff
        # A server asking for longer than we are willing to wait gets no retry at all.
        return max(backoff, asked) if asked <= opts.max_retry_wait else None

    def _attempt(self, url: str, ip: str) -> Exchange | NetworkFailure:
        parts = urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {
            "Host": parts.netloc,
            "User-Agent": self._options.user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": ACCEPT_ENCODING,
        }
        try:
            response = self._pool(parts.scheme, parts.hostname or "", ip, parts.port).urlopen(
                "GET", target, headers=headers, redirect=False, retries=False,
                preload_content=False, decode_content=False, assert_same_host=False,
            )
        except HTTPError as err:
            return _network_failure(err, self._options.timeout)
        try:
            body = self._read_body(response)
        except HTTPError as err:
            response.close()
            return _network_failure(err, self._options.timeout)
        except FetchError as err:
            response.close()
            return NetworkFailure(err.reason, transient=False)
        response.release_conn()
        return Exchange(
            url=url, ip=ip, date=warc_now(), request_headers=tuple(headers.items()),
            status=response.status, reason=response.reason or "",
            http_version=HTTP_VERSIONS.get(response.version, "HTTP/1.1"),
            headers=tuple((k, v) for k, v in response.headers.items() if k.lower() not in FRAMING_HEADERS),
            body=body,
        )

    def _read_body(self, response: urllib3.BaseHTTPResponse) -> bytes:
        """The raw body, aborted past max_bytes or the total time allowed."""
        limit = self._options.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(f"response larger than {limit} bytes (Content-Length {declared})")
        deadline = time.monotonic() + self._options.timeout * TOTAL_TIME_FACTOR
        chunks: list[bytes] = []
        size = 0
        for chunk in response.stream(READ_CHUNK, decode_content=False):
            size += len(chunk)
            if size > limit:
                raise FetchError(f"response larger than {limit} bytes")
            if time.monotonic() > deadline:
                raise FetchError(f"response took longer than {self._options.timeout * TOTAL_TIME_FACTOR:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _pool(self, scheme: str, hostname: str, ip: str, port: int | None) -> urllib3.HTTPConnectionPool:
        port = port or DEFAULT_PORTS[scheme]
        key = (scheme, hostname, ip, port)
        with self._pools_lock:
            pool = self._pools.get(key)
            if pool is not None:
                self._pools.move_to_end(key)
                return pool
            pool = self._new_pool(scheme, hostname, ip, port)
            self._pools[key] = pool
            if len(self._pools) > MAX_POOLS:
                self._pools.popitem(last=False)[1].close()
            return pool

    def _new_pool(self, scheme: str, hostname: str, ip: str, port: int) -> urllib3.HTTPConnectionPool:
        timeout = urllib3.Timeout(connect=self._options.timeout, read=self._options.timeout)
        common = {"port": port, "timeout": timeout, "maxsize": self._options.concurrency, "retries": False}
        if scheme == "https":
            # Connect to the checked address but verify the certificate for the host name.
            return urllib3.HTTPSConnectionPool(
                ip, server_hostname=hostname, assert_hostname=hostname, **common
            )
        return urllib3.HTTPConnectionPool(ip, **common)


def _network_failure(err: Exception, timeout: float) -> NetworkFailure:
    """A short reason for a urllib3 failure; all but certificate/TLS failures are worth another try."""
    if isinstance(err, SSLError):
        return NetworkFailure(f"TLS error: {_root_cause(err)}", transient=False)
    if isinstance(err, ReadTimeoutError):
        return NetworkFailure(f"read timeout after {timeout:g} s", transient=True)
    # NewConnectionError subclasses ConnectTimeoutError in urllib3 2, so it is tested first.
    if isinstance(err, NewConnectionError):
        return NetworkFailure(f"connection failed: {_root_cause(err)}", transient=True)
    if isinstance(err, ConnectTimeoutError):
        return NetworkFailure(f"connect timeout after {timeout:g} s", transient=True)
    return NetworkFailure(f"network error: {_root_cause(err)}", transient=True)


def _root_cause(err: BaseException) -> str:
    while err.__cause__ is not None or err.__context__ is not None:
        err = err.__cause__ or err.__context__
    text = str(err)
    return text.split(": ", 1)[-1] if "Errno" in text else text or type(err).__name__
