"""Page URLs from feeds (RSS 2.0/1.0, Atom, JSON Feed) and sitemaps (urlset, index, Google News)."""

from __future__ import annotations

import email.utils
import json
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

from lxml import etree

from cleaner.errors import FetchError
from cleaner.fetch.client import decode_content
from cleaner.fetch.options import FetchOptions
from cleaner.fetch.urls import normalize_url

GZIP_MAGIC = b"\x1f\x8b"
JSON_FEED_PREFIX = "https://jsonfeed.org/version/"
HTML_LINK_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True, slots=True)
class Discovered:
    """A page URL found in a feed or sitemap, with the publication date it gave, if any."""

    url: str
    via: str | None = None
    published: str | None = None


@dataclass(frozen=True, slots=True)
class SourceFailure:
    """A feed or sitemap that could not be fetched or read."""

    url: str
    reason: str


@dataclass(frozen=True, slots=True)
class ParsedSource:
    pages: tuple[Discovered, ...]
    sitemaps: tuple[str, ...] = ()  # children of a sitemap index


def _xml_parser() -> etree.XMLParser:
    # No entity expansion, no DTD or network access, no huge trees: feeds are untrusted input.
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [child for child in element if _local(child) == name]


def _text(element: etree._Element, name: str) -> str | None:
    for child in _children(element, name):
        text = (child.text or "").strip()
        if text:
            return text
    return None


def iso_date(value: str | None) -> str | None:
    """An RFC 822 date (RSS) as ISO 8601; other values are passed on as given."""
    if not value:
        return None
    value = value.strip()
    if value[:4].isdigit():
        return value
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return value


def _page(link: str | None, base: str, published: str | None) -> Discovered | None:
    if not link:
        return None
    try:
        return Discovered(normalize_url(link, base), via=base, published=iso_date(published))
    except FetchError:
        return None


def _rss_items(root: etree._Element, base: str) -> tuple[Discovered, ...]:
    channel = next(iter(_children(root, "channel")), root)
    items = _children(channel, "item") + _children(root, "item")  # RSS 2.0 nests items, RSS 1.0 does not
    pages = []
    for item in items:
        link = _text(item, "link")
        guid = next(iter(_children(item, "guid")), None)
        if not link and guid is not None and guid.get("isPermaLink", "true") != "false":
            link = (guid.text or "").strip()
        pages.append(_page(link, base, _text(item, "pubDate") or _text(item, "date")))
    return tuple(p for p in pages if p)


def _atom_link(entry: etree._Element) -> str | None:
    links = [link for link in _children(entry, "link") if link.get("rel", "alternate") == "alternate"]
    links.sort(key=lambda link: link.get("type", "text/html") not in HTML_LINK_TYPES)
    if not links or not links[0].get("href"):
        return None
    # lxml's .base honours xml:base, which Atom feeds use for relative links.
    base = links[0].base
    return urljoin(base, links[0].get("href")) if base else links[0].get("href")


def _atom_entries(root: etree._Element, base: str) -> tuple[Discovered, ...]:
    pages = (
        _page(_atom_link(entry), base, _text(entry, "published") or _text(entry, "updated"))
        for entry in _children(root, "entry")
    )
    return tuple(p for p in pages if p)


def _sitemap_urls(root: etree._Element, base: str) -> tuple[Discovered, ...]:
    pages = []
    for url in _children(root, "url"):
        news = next(iter(_children(url, "news")), None)
        published = _text(news, "publication_date") if news is not None else None
        pages.append(_page(_text(url, "loc"), base, published))
    return tuple(p for p in pages if p)


def _sitemap_children(root: etree._Element, base: str) -> tuple[str, ...]:
    children = (_page(_text(sitemap, "loc"), base, None) for sitemap in _children(root, "sitemap"))
    return tuple(child.url for child in children if child)


def parse_json_feed(data: bytes, base: str) -> ParsedSource:
    """The items of a JSON Feed (url, else external_url; date_published).

    Raises:
        FetchError: not a JSON Feed.
    """
    try:
        feed = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise FetchError(f"not a feed or sitemap (bad JSON: {err})") from err
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(JSON_FEED_PREFIX):
        raise FetchError("not a feed or sitemap (JSON without a JSON Feed version)")
    items = [item for item in feed.get("items") or () if isinstance(item, dict)]
    pages = (_page(item.get("url") or item.get("external_url"), base, item.get("date_published")) for item in items)
    return ParsedSource(tuple(p for p in pages if p))


def parse_source(data: bytes, base: str) -> ParsedSource:
    """The page URLs (and child sitemaps) of a feed or sitemap, whatever its kind.

    Raises:
        FetchError: the document is neither a feed nor a sitemap.
    """
    if data.lstrip()[:1] in (b"{", b"["):
        return parse_json_feed(data, base)
    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as err:
        raise FetchError(f"not a feed or sitemap (bad XML: {err})") from err
    if root is None:
        raise FetchError("not a feed or sitemap (empty document)")
    kind = _local(root)
    if kind in ("rss", "RDF"):
        return ParsedSource(_rss_items(root, base))
    if kind == "feed":
        return ParsedSource(_atom_entries(root, base))
    if kind == "urlset":
        return ParsedSource(_sitemap_urls(root, base))
    if kind == "sitemapindex":
        return ParsedSource((), _sitemap_children(root, base))
    raise FetchError(f"not a feed or sitemap (root element {kind or '?'})")


def discover(
    url: str, fetch_body: Callable[[str], bytes], options: FetchOptions
) -> Iterator[Discovered | SourceFailure]:
    """Page URLs of a feed or sitemap, following sitemap indexes breadth first within the limits.

    fetch_body returns the body of a URL or raises FetchError.
    """
    queue = deque([(url, 0)])
    seen = {url}
    read = 0
    while queue:
        source, depth = queue.popleft()
        read += 1
        try:
            data = fetch_body(source)
            if data[:2] == GZIP_MAGIC:  # sitemap.xml.gz served without Content-Encoding
                data = decode_content(data, "gzip", options.max_bytes)
            parsed = parse_source(data, source)
        except FetchError as err:
            yield SourceFailure(source, err.reason)
            continue
        yield from parsed.pages
        for child in parsed.sitemaps:
            if child in seen:
                continue
            seen.add(child)
            if depth + 1 > options.max_sitemap_depth or read + len(queue) >= options.max_sitemaps:
                yield SourceFailure(child, "sitemap skipped: sitemap index limits reached")
                continue
            queue.append((child, depth + 1))
