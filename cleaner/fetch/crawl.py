"""The crawl loop: URLs and listings in, WARC records and one FetchResult per page out."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from pathlib import Path

from cleaner.errors import FetchError
from cleaner.fetch.client import Exchange, HttpClient
from cleaner.fetch.options import TOOL_NAME, FetchOptions
from cleaner.fetch.robots import RobotsCache
from cleaner.fetch.sources import Discovered, SourceFailure, discover
from cleaner.fetch.urls import dedup_key, normalize_url, resolve_address
from cleaner.fetch.warc import WarcSink, fetched_keys

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
# Pages queued ahead of the workers, per worker: enough to keep them busy, bounded for huge sitemaps.
QUEUE_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class Listing:
    """A feed (RSS, Atom, JSON Feed) or sitemap whose entries are the pages to fetch."""

    url: str


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What became of one page URL (or of a listing that could not be read)."""

    input: str  # the page URL, normalised (as given when it is not a usable URL)
    url: str | None = None  # normalised URL first requested
    final_url: str | None = None  # after redirects
    status: int | None = None
    error: str | None = None
    crawl_date: str | None = None  # WARC-Date of the final response
    media_type: str | None = None
    charset: str | None = None
    body: bytes | None = None  # content-decoded body of the final response
    via: str | None = None  # the listing the URL came from
    published: str | None = None  # publication date given by the listing (Google News sitemap, feed)
    resumed: bool = False  # already in the archive: not fetched again
    duplicate: bool = False  # the same page as another input, or a redirect to one: not fetched again

    @property
    def ok(self) -> bool:
        return self.error is None and not self.resumed and not self.duplicate


@dataclass(frozen=True, slots=True)
class Hops:
    """The exchanges of one URL, redirects included, and why the chain stopped early if it did."""

    exchanges: tuple[Exchange, ...]
    error: str | None = None
    duplicate_of: str | None = None  # a redirect led to a page this crawl already has


class Claims:
    """Pages this crawl has fetched or is fetching, shared by the workers so that none is fetched twice."""

    def __init__(self, keys: Iterable[str] = ()) -> None:
        self._keys = set(keys)
        self._lock = threading.Lock()

    def claim(self, url: str) -> bool:
        """True if url was not claimed yet (and now is)."""
        key = dedup_key(url)
        with self._lock:
            if key in self._keys:
                return False
            self._keys.add(key)
            return True


def not_html_reason(result: FetchResult) -> str | None:
    """Why a fetched page is not cleaned as HTML, or None (a missing Content-Type is given the benefit)."""
    if result.media_type and result.media_type not in HTML_TYPES:
        return f"not an HTML page ({result.media_type})"
    return None


class Fetcher:
    """Fetches a URL hop by hop; every hop is checked for scheme, address and robots.txt."""

    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self.client = HttpClient(options)
        self.robots = RobotsCache(self._fetch_robots, agent=TOOL_NAME)

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str, claims: Claims | None = None) -> Hops:
        """Every hop from url to a page; a hop to a page claimed already ends the chain."""
        exchanges: list[Exchange] = []
        seen: set[str] = set()
        current = url
        while True:
            try:
                exchanges.append(self._get(current, check_robots=True))
            except FetchError as err:
                return Hops(tuple(exchanges), err.reason)
            location = exchanges[-1].header("Location")
            if exchanges[-1].status not in REDIRECT_STATUSES or not location:
                return Hops(tuple(exchanges))
            seen.add(dedup_key(current))
            try:
                current = normalize_url(location, base=current)
            except FetchError as err:
                return Hops(tuple(exchanges), f"bad redirect: {err.reason}")
            if dedup_key(current) in seen:
                return Hops(tuple(exchanges), "redirect loop")
            if len(exchanges) > self.options.max_redirects:
                return Hops(tuple(exchanges), f"too many redirects (more than {self.options.max_redirects})")
            if claims is not None and not claims.claim(current):
                return Hops(tuple(exchanges), duplicate_of=current)

    def fetch_body(self, url: str) -> bytes:
        """The decoded body of a listing.

        Raises:
            FetchError: not fetched, or not a 2xx answer.
        """
        hops = self.fetch(url)
        if hops.error:
            raise FetchError(hops.error)
        final = hops.exchanges[-1]
        if final.status >= 300:
            raise FetchError(http_reason(final))
        return final.decoded_body(self.options.max_bytes)

    def _get(self, url: str, check_robots: bool) -> Exchange:
        ip = resolve_address(url, self.options.allow_private)
        delay = self.options.delay
        if check_robots:
            self.robots.check(url)
            delay = max(delay, self.robots.rules_for(url).crawl_delay or 0.0)
        return self.client.get(url, ip, delay)

    def _fetch_robots(self, url: str) -> Exchange:
        """robots.txt itself: redirects followed (same checks), robots not consulted."""
        current = url
        for _ in range(self.options.max_redirects + 1):
            exchange = self._get(current, check_robots=False)
            location = exchange.header("Location")
            if exchange.status not in REDIRECT_STATUSES or not location:
                return exchange
            current = normalize_url(location, base=current)
        return exchange


def http_reason(exchange: Exchange) -> str:
    return f"HTTP {exchange.status} {exchange.reason}".strip()


def _page_result(item: Discovered, hops: Hops, max_bytes: int) -> FetchResult:
    base = FetchResult(input=item.url, url=item.url, via=item.via, published=item.published)
    if not hops.exchanges:
        return replace(base, error=hops.error)
    if hops.duplicate_of:
        return replace(base, final_url=hops.duplicate_of, duplicate=True)
    final = hops.exchanges[-1]
    fields = dict(
        final_url=final.url, status=final.status, crawl_date=final.date,
        media_type=final.media_type, charset=final.charset,
    )
    if hops.error or final.status >= 300:
        return replace(base, error=hops.error or http_reason(final), **fields)
    try:
        body = final.decoded_body(max_bytes)
    except FetchError as err:
        return replace(base, error=err.reason, **fields)
    return replace(base, body=body, **fields)


def _fetch_page(item: Discovered, fetcher: Fetcher, sink: WarcSink, claims: Claims) -> FetchResult:
    """Fetch one page and archive every hop; never raises (a bug becomes this page's error)."""
    try:
        hops = fetcher.fetch(item.url, claims)
        for index, exchange in enumerate(hops.exchanges):
            last = index == len(hops.exchanges) - 1
            sink.write_exchange(exchange, *((item.via, item.published) if last else (None, None)))
        return _page_result(item, hops, fetcher.options.max_bytes)
    except Exception as err:  # noqa: BLE001 - the per-page boundary: one bad page must not end the crawl
        return FetchResult(input=item.url, url=item.url, error=f"internal error: {type(err).__name__}: {err}")


def _page_items(
    inputs: Iterable[str | Listing], fetcher: Fetcher, done: frozenset[str], claims: Claims
) -> Iterator[Discovered | FetchResult]:
    """Pages to fetch, in input order; URLs that need no fetch come out as finished results."""
    to_fetch = 0
    limit = fetcher.options.max_urls
    for entry in _expand(inputs, fetcher):
        if isinstance(entry, FetchResult):
            yield entry
            continue
        if dedup_key(entry.url) in done:
            yield FetchResult(input=entry.url, url=entry.url, via=entry.via, resumed=True)
            continue
        if not claims.claim(entry.url):
            yield FetchResult(input=entry.url, url=entry.url, via=entry.via, duplicate=True)
            continue
        if limit is not None and to_fetch >= limit:
            return
        to_fetch += 1
        yield entry


def _expand(inputs: Iterable[str | Listing], fetcher: Fetcher) -> Iterator[Discovered | FetchResult]:
    for entry in inputs:
        url = entry.url if isinstance(entry, Listing) else entry
        try:
            normalised = normalize_url(url)
        except FetchError as err:
            yield FetchResult(input=url, error=err.reason)
            continue
        if not isinstance(entry, Listing):
            yield Discovered(normalised)
            continue
        for found in discover(normalised, fetcher.fetch_body, fetcher.options):
            if isinstance(found, SourceFailure):
                yield FetchResult(input=found.url, url=found.url, error=found.reason)
            else:
                yield found


def _run_pool(
    items: Iterator[Discovered | FetchResult], pool: ThreadPoolExecutor, fetch, window: int
) -> Iterator[FetchResult]:
    """Results in completion order, with at most window pages queued or in flight."""
    pending: set[Future] = set()
    for item in items:
        if isinstance(item, FetchResult):
            yield item
            continue
        pending.add(pool.submit(fetch, item))
        if len(pending) >= window:
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from (future.result() for future in finished)
    while pending:
        finished, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from (future.result() for future in finished)


def crawl(
    inputs: Iterable[str | Listing], warc_path: str | Path, options: FetchOptions = FetchOptions()
) -> Iterator[FetchResult]:
    """Fetch pages into a WARC archive, one result per page as each completes.

    Args:
        inputs: page URLs, and Listing(url) for feeds and sitemaps whose entries are the pages.
        warc_path: the archive (gzip WARC); appended to, and URLs already in it are not fetched again.
        options: politeness and limits.

    Returns:
        An iterator of FetchResult; a page that failed has its reason in `error`, the crawl goes on.

    Raises:
        InputError: warc_path exists but is not a gzip WARC.
    """
    path = Path(warc_path)
    sink = WarcSink(path)
    fetcher = Fetcher(options)
    pool = ThreadPoolExecutor(max_workers=max(1, options.concurrency), thread_name_prefix="fetch")
    try:
        done = fetched_keys(path)
        claims = Claims(done)
        items = _page_items(inputs, fetcher, done, claims)
        fetch = lambda item: _fetch_page(item, fetcher, sink, claims)  # noqa: E731
        yield from _run_pool(items, pool, fetch, max(1, options.concurrency) * QUEUE_PER_WORKER)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        fetcher.close()
        sink.close()
