import gzip
import json
from dataclasses import replace

import pytest

from cleaner.errors import FetchError
from cleaner.fetch.options import FetchOptions
from cleaner.fetch.sources import Discovered, SourceFailure, discover, iso_date, parse_source

from fetch_conftest import atom, json_feed, rss, sitemap_index, sitemap_news, sitemap_pages

BASE = "https://news.example"


def urls(parsed):
    return [page.url for page in parsed.pages]


def test_rss_items_with_tracking_parameters_removed_and_dates_in_iso():
    parsed = parse_source(rss(BASE), f"{BASE}/feed.rss")
    assert urls(parsed) == [f"{BASE}/a", f"{BASE}/b", f"{BASE}/a", f"{BASE}/private/secret"]
    assert parsed.pages[0].published == "2024-01-02T10:00:00+00:00"
    assert parsed.pages[0].via == f"{BASE}/feed.rss"


def test_rss_guid_permalink_used_when_there_is_no_link():
    feed = b'<rss version="2.0"><channel><item><guid>https://e.com/p1</guid></item>' \
           b'<item><guid isPermaLink="false">tag:e.com,1</guid></item></channel></rss>'
    assert urls(parse_source(feed, "https://e.com/rss")) == ["https://e.com/p1"]


def test_rss_1_0_rdf_items():
    feed = b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">' \
           b'<channel/><item><link>https://e.com/r1</link></item></rdf:RDF>'
    assert urls(parse_source(feed, "https://e.com/rdf")) == ["https://e.com/r1"]


def test_atom_entries_resolve_relative_links_with_xml_base():
    parsed = parse_source(atom(BASE), "https://other.example/feed.atom")
    assert urls(parsed) == [f"{BASE}/b", f"{BASE}/c"]
    assert parsed.pages[1].published == "2024-01-03T08:00:00Z"


def test_atom_prefers_the_html_alternate_link():
    feed = b'<feed xmlns="http://www.w3.org/2005/Atom"><entry>' \
           b'<link rel="self" href="https://e.com/api/1"/><link rel="alternate" type="application/json" href="https://e.com/1.json"/>' \
           b'<link href="https://e.com/1"/></entry></feed>'
    assert urls(parse_source(feed, "https://e.com/atom")) == ["https://e.com/1"]


def test_json_feed_items():
    parsed = parse_source(json_feed(BASE), f"{BASE}/feed.json")
    assert urls(parsed) == [f"{BASE}/c"]
    assert parsed.pages[0].published == "2024-01-04T09:00:00Z"


def test_json_that_is_not_a_json_feed_is_refused():
    with pytest.raises(FetchError, match="JSON Feed"):
        parse_source(json.dumps({"items": []}).encode(), BASE)


def test_sitemap_urlset_and_index():
    assert urls(parse_source(sitemap_pages(BASE), BASE)) == [f"{BASE}/a", f"{BASE}/c"]
    index = parse_source(sitemap_index(BASE), BASE)
    assert index.pages == ()
    assert index.sitemaps == (f"{BASE}/sitemap-pages.xml", f"{BASE}/sitemap-news.xml")


def test_google_news_sitemap_gives_the_publication_date_and_lastmod_does_not():
    news = parse_source(sitemap_news(BASE), BASE)
    assert news.pages == (Discovered(f"{BASE}/news/1", via=BASE, published="2024-02-05T07:30:00+01:00"),)
    assert all(page.published is None for page in parse_source(sitemap_pages(BASE), BASE).pages)


def test_html_is_not_a_feed():
    with pytest.raises(FetchError, match="root element html"):
        parse_source(b"<html><body>hi</body></html>", BASE)


def test_external_entities_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    feed = (f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
            f'<rss version="2.0"><channel><item><link>https://e.com/&x;</link></item></channel></rss>').encode()
    assert not any("TOP-SECRET" in url for url in urls(parse_source(feed, "https://e.com/")))


def test_iso_date_converts_rfc822_and_passes_iso_through():
    assert iso_date("Tue, 02 Jan 2024 10:00:00 +0100") == "2024-01-02T10:00:00+01:00"
    assert iso_date("2024-01-02") == "2024-01-02"
    assert iso_date(None) is None


def fake_site(documents: dict[str, bytes]):
    def fetch_body(url: str) -> bytes:
        if url not in documents:
            raise FetchError("HTTP 404 Not Found")
        return documents[url]

    return fetch_body


def test_discover_follows_a_sitemap_index_and_reads_gzipped_sitemaps():
    documents = {
        f"{BASE}/index.xml": sitemap_index(BASE),
        f"{BASE}/sitemap-pages.xml": gzip.compress(sitemap_pages(BASE)),
        f"{BASE}/sitemap-news.xml": sitemap_news(BASE),
    }
    found = list(discover(f"{BASE}/index.xml", fake_site(documents), FetchOptions()))
    assert [item.url for item in found] == [f"{BASE}/a", f"{BASE}/c", f"{BASE}/news/1"]


def test_discover_reports_a_failing_child_and_goes_on():
    documents = {f"{BASE}/index.xml": sitemap_index(BASE), f"{BASE}/sitemap-news.xml": sitemap_news(BASE)}
    found = list(discover(f"{BASE}/index.xml", fake_site(documents), FetchOptions()))
    assert SourceFailure(f"{BASE}/sitemap-pages.xml", "HTTP 404 Not Found") in found
    assert found[-1].url == f"{BASE}/news/1"


def _nested_index(n: int) -> bytes:
    loc = f"{BASE}/index-{n + 1}.xml"
    return f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>{loc}</loc></sitemap></sitemapindex>'.encode()


def test_discover_bounds_the_depth_of_nested_indexes_and_survives_cycles():
    documents = {f"{BASE}/index-{n}.xml": _nested_index(n) for n in range(10)}
    documents[f"{BASE}/index-3.xml"] = _nested_index(-1)  # points back to index-0: a cycle
    fetched = []

    def fetch_body(url):
        fetched.append(url)
        return fake_site(documents)(url)

    found = list(discover(f"{BASE}/index-0.xml", fetch_body, FetchOptions()))
    assert fetched == [f"{BASE}/index-{n}.xml" for n in range(4)]
    assert found == []
    deep = {f"{BASE}/index-{n}.xml": _nested_index(n) for n in range(10)}
    limited = list(discover(f"{BASE}/index-0.xml", fake_site(deep), replace(FetchOptions(), max_sitemap_depth=2)))
    assert limited == [SourceFailure(f"{BASE}/index-3.xml", "sitemap skipped: sitemap index limits reached")]
