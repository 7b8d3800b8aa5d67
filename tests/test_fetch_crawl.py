from dataclasses import replace

from warcio.archiveiterator import ArchiveIterator

from cleaner.fetch import FetchOptions, Listing, crawl, not_html_reason

pytest_plugins = ["fetch_conftest"]

FAST = FetchOptions(delay=0.0, timeout=0.5, retries=1, backoff=0.01, allow_private=True, max_bytes=100_000)


def run(inputs, path, options=FAST):
    """Results by input URL; duplicates are left out (see test_urls_that_name_the_same_page...)."""
    return {result.input: result for result in crawl(inputs, path, options) if not result.duplicate}


def archive(path):
    """(type, target URI, HTTP status or None) of every record."""
    with open(path, "rb") as fh:
        return [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
             r.http_headers.get_statuscode() if r.rec_type == "response" else None)
            for r in ArchiveIterator(fh)
        ]


def responses(path):
    return [(uri, status) for kind, uri, status in archive(path) if kind == "response"]


def test_pages_are_archived_as_request_and_response_pairs(site, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    results = run([site.url("/a"), site.url("/b"), site.url("/gzip")], warc)
    assert all(result.ok and result.status == 200 for result in results.values())
    assert b"Story /a" in results[site.url("/a")].body
    assert b"Zipped" in results[site.url("/gzip")].body  # content-decoded for cleaning
    records = archive(warc)
    for path in ("/a", "/b", "/gzip"):
        assert ("response", site.url(path), "200") in records
        assert ("request", site.url(path), None) in records
    assert records[0][0] == "warcinfo"


def test_results_carry_what_cleaning_needs(site, tmp_path):
    result = run([site.url("/a")], tmp_path / "c.warc.gz")[site.url("/a")]
    assert result.final_url == site.url("/a")
    assert result.charset == "utf-8" and result.media_type == "text/html"
    assert result.crawl_date.endswith("Z") and result.crawl_date[:2] == "20"


def test_a_path_disallowed_by_robots_is_never_requested(site, tmp_path):
    results = run([site.url("/private/secret"), site.url("/private/open")], tmp_path / "c.warc.gz")
    assert results[site.url("/private/secret")].error == "disallowed by robots.txt"
    redirected = run([site.url("/to-private")], tmp_path / "d.warc.gz")
    assert redirected[site.url("/to-private")].error == "disallowed by robots.txt"  # every hop is checked
    assert results[site.url("/private/open")].ok
    assert "/private/secret" not in site.paths()
    assert site.paths().count("/robots.txt") == 2  # once per crawl


def test_private_addresses_are_refused_without_allow_private(site, tmp_path):
    warc = tmp_path / "c.warc.gz"
    results = run([site.url("/a")], warc, replace(FAST, allow_private=False))
    assert results[site.url("/a")].error == "refusing private address 127.0.0.1 for host 127.0.0.1"
    assert site.paths() == []
    assert responses(warc) == []


def test_a_503_with_retry_after_is_fetched_on_the_second_try(site, tmp_path):
    warc = tmp_path / "c.warc.gz"
    result = run([site.url("/flaky")], warc)[site.url("/flaky")]
    assert result.ok and result.status == 200
    first, second = site.times("/flaky")
    assert second - first >= 0.9
    assert responses(warc) == [(site.url("/flaky"), "200")]


def test_redirects_are_followed_and_every_hop_archived(site, tmp_path):
    warc = tmp_path / "c.warc.gz"
    result = run([site.url("/moved")], warc)[site.url("/moved")]
    assert result.ok and result.final_url == site.url("/a") and result.url == site.url("/moved")
    assert responses(warc) == [(site.url("/moved"), "301"), (site.url("/a"), "200")]


def test_redirect_loops_and_too_many_redirects_are_errors(site, tmp_path):
    results = run([site.url("/loop1")], tmp_path / "c.warc.gz")
    assert results[site.url("/loop1")].error == "redirect loop"
    limited = run([site.url("/moved")], tmp_path / "d.warc.gz", replace(FAST, max_redirects=0))
    assert limited[site.url("/moved")].error == "too many redirects (more than 0)"
    assert site.paths().count("/loop1") == 1 and site.paths().count("/loop2") == 1


def test_a_redirect_to_another_scheme_is_refused(site, tmp_path):
    result = run([site.url("/to-ftp")], tmp_path / "c.warc.gz")[site.url("/to-ftp")]
    assert result.error == "bad redirect: unsupported URL scheme 'ftp': ftp://127.0.0.1/a"
    assert result.status == 302


def test_max_urls_bounds_the_pages_fetched(site, tmp_path):
    results = run([Listing(site.url("/sitemap-index.xml"))], tmp_path / "c.warc.gz", replace(FAST, max_urls=2))
    assert len(results) == 2
    pages = [path for path in site.paths() if not path.endswith((".xml", ".txt"))]
    assert len(pages) == 2  # the sitemaps list three pages


def test_urls_that_name_the_same_page_are_fetched_once(site, tmp_path):
    urls = [site.url("/a"), site.url("/a#comments"), site.url("/a?utm_source=x&utm_campaign=y"),
            site.url("/a").replace("http://", "HTTP://")]
    results = list(crawl(urls, tmp_path / "c.warc.gz", FAST))
    assert sorted((r.input, r.duplicate) for r in results) == [(site.url("/a"), False)] + [(site.url("/a"), True)] * 3
    assert site.paths().count("/a") == 1


def test_a_redirect_to_a_page_already_fetched_is_not_followed(site, tmp_path):
    results = list(crawl([site.url("/a"), site.url("/moved")], tmp_path / "c.warc.gz", replace(FAST, concurrency=1)))
    moved = next(r for r in results if r.input == site.url("/moved"))
    assert moved.duplicate and moved.final_url == site.url("/a") and not moved.ok
    assert site.paths().count("/a") == 1


def test_feeds_and_sitemaps_give_the_pages_to_fetch(site, tmp_path):
    warc = tmp_path / "c.warc.gz"
    listings = [Listing(site.url(p)) for p in ("/feed.rss", "/feed.atom", "/feed.json", "/sitemap-index.xml")]
    results = run(listings, warc)
    assert set(results) == {site.url(p) for p in ("/a", "/b", "/c", "/news/1", "/private/secret")}
    assert results[site.url("/private/secret")].error == "disallowed by robots.txt"
    news = results[site.url("/news/1")]
    assert news.published == "2024-02-05T07:30:00+01:00" and news.via == site.url("/sitemap-news.xml")
    assert results[site.url("/a")].via == site.url("/feed.rss")
    assert ("metadata", site.url("/news/1"), None) in archive(warc)
    assert not any(uri.endswith((".rss", ".xml", ".json", ".atom")) for uri, _ in responses(warc))


def test_an_unreadable_listing_is_an_error_and_the_run_goes_on(site, tmp_path):
    results = run([Listing(site.url("/a")), Listing(site.url("/nowhere.xml")), site.url("/b")], tmp_path / "c.warc.gz")
    assert results[site.url("/a")].error == "not a feed or sitemap (root element html)"
    assert results[site.url("/nowhere.xml")].error == "HTTP 404 Not Found"
    assert results[site.url("/b")].ok


def test_failures_are_results_and_the_crawl_goes_on(site, tmp_path):
    warc = tmp_path / "c.warc.gz"
    urls = [site.url("/slow"), site.url("/big"), site.url("/missing"), "ftp://example.com/x",
            site.url("/image.png"), site.url("/c")]
    results = run(urls, warc, replace(FAST, timeout=0.3, retries=0))
    assert results[site.url("/slow")].error == "read timeout after 0.3 s"
    assert results[site.url("/big")].error.startswith("response larger than 100000 bytes")
    assert results[site.url("/missing")].error == "HTTP 404 Not Found"
    assert results["ftp://example.com/x"].error.startswith("unsupported URL scheme 'ftp'")
    image = results[site.url("/image.png")]
    assert image.ok and not_html_reason(image) == "not an HTML page (image/png)"
    assert results[site.url("/c")].ok
    assert (site.url("/image.png"), "200") in responses(warc)
    assert (site.url("/missing"), "404") in responses(warc)


def test_a_second_run_fetches_only_what_is_new(site, tmp_path):
    warc = tmp_path / "c.warc.gz"
    run([site.url("/a"), site.url("/moved")], warc)
    before = site.paths()
    results = run([site.url("/a#top"), site.url("/moved"), site.url("/c")], warc)
    assert results[site.url("/a")].resumed and results[site.url("/moved")].resumed
    assert results[site.url("/c")].ok
    assert site.paths()[len(before):] == ["/robots.txt", "/c"]
    again = run([site.url("/a"), site.url("/c")], warc)
    assert all(result.resumed for result in again.values())
    assert site.paths().count("/c") == 1
    assert [uri for uri, _ in responses(warc)].count(site.url("/a")) == 1


def test_requests_to_one_host_are_spaced_by_the_delay(site, tmp_path):
    options = replace(FAST, delay=0.2, concurrency=4)
    run([site.url(p) for p in ("/a", "/b", "/c")], tmp_path / "c.warc.gz", options)
    starts = sorted(when for path, when, _ in site.requests)
    assert len(starts) == 4  # robots.txt and three pages
    assert all(later - earlier >= 0.15 for earlier, later in zip(starts, starts[1:]))
