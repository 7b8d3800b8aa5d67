import hashlib
import json

from cleaner.fetch import FetchOptions, Listing
from cleaner.fetch.crawl import FetchResult
from cleaner.fetch.scrape import WARC_NAME, clean_fetched, listing_date, page_id, scrape
from cleaner.model import ErrorRecord, Fields, Format, Kind, RawDoc, Record, Source, Stage

pytest_plugins = ["fetch_conftest"]

FAST = FetchOptions(delay=0.0, timeout=0.5, retries=0, backoff=0.01, allow_private=True)


class StubCleaner:
    """Stands in for the pipeline: records what it was given, dates only pages that say 'dated'."""

    def __init__(self):
        self.calls: list[RawDoc] = []

    def __call__(self, raw: RawDoc) -> Record | ErrorRecord:
        self.calls.append(raw)
        if b"Story" not in raw.data:
            return ErrorRecord(input=raw.id, reason="no article found", stage=Stage.CLASSIFY)
        source = Source(format=Format.HTML, sha256=hashlib.sha256(raw.data).hexdigest(), url=raw.url)
        date = "2023-12-31" if b"/c" in raw.data else None
        fields = Fields(url=raw.url, title="Story", date=date)
        return Record(raw.id, source, fields, "Harbour.", ((Kind.PARAGRAPH, "Harbour."),), ())


def read_errors(outdir):
    return [json.loads(line) for line in (outdir / "errors.jsonl").read_text().splitlines()]


def test_page_id_is_stable_and_shared_by_urls_naming_the_same_page():
    assert page_id("https://e.com/a?b=1&a=2#x") == page_id("HTTPS://E.COM/a?a=2&b=1&utm_source=z")
    assert len(page_id("https://e.com/a")) == 16


def test_listing_date_accepts_iso_dates_only():
    assert listing_date("2024-02-05T07:30:00+01:00") == "2024-02-05T07:30:00+01:00"
    assert listing_date("2024-02-05 07:30:00") == "2024-02-05T07:30:00"
    assert listing_date("Monday") is None


def test_clean_fetched_passes_what_the_pipeline_needs():
    cleaner = StubCleaner()
    result = FetchResult(input="https://e.com/a", url="https://e.com/a", final_url="https://e.com/b", status=200,
                         crawl_date="2024-03-01T12:00:00Z", media_type="text/html", charset="iso-8859-1",
                         body=b"<p>Story</p>")
    record = clean_fetched(result, cleaner)
    assert isinstance(record, Record)
    assert cleaner.calls == [RawDoc(id=page_id("https://e.com/a"), data=b"<p>Story</p>", url="https://e.com/b",
                                    crawl_date="2024-03-01T12:00:00Z", declared_charset="iso-8859-1")]


def test_clean_fetched_turns_failures_into_error_records_named_by_url():
    failed = FetchResult(input="https://e.com/x", error="HTTP 404 Not Found")
    assert clean_fetched(failed, StubCleaner()) == ErrorRecord("https://e.com/x", "HTTP 404 Not Found", Stage.FETCH)
    image = FetchResult(input="https://e.com/i.png", status=200, media_type="image/png", body=b"\x89PNG")
    assert clean_fetched(image, StubCleaner()).reason == "not an HTML page (image/png)"
    empty = FetchResult(input="https://e.com/e", status=200, media_type="text/html", body=b"<p>menu</p>")
    assert clean_fetched(empty, StubCleaner()) == ErrorRecord("https://e.com/e", "no article found", Stage.CLASSIFY)


def test_scrape_writes_records_errors_and_the_archive(site, tmp_path, valid):
    outdir = tmp_path / "out"
    inputs = [site.url("/a"), site.url("/image.png"), site.url("/missing"), Listing(site.url("/sitemap-news.xml"))]
    outcomes = list(scrape(inputs, outdir, FAST, clean=StubCleaner()))
    assert len(outcomes) == 4
    assert (outdir / WARC_NAME).stat().st_size > 0
    for path in ("/a", "/news/1"):
        record = valid(json.loads((outdir / f"{page_id(site.url(path))}.json").read_text()))
        assert record["url"] == site.url(path)
    errors = sorted(read_errors(outdir), key=lambda e: e["input"])
    assert errors == [
        {"input": site.url("/image.png"), "reason": "not an HTML page (image/png)", "stage": "fetch"},
        {"input": site.url("/missing"), "reason": "HTTP 404 Not Found", "stage": "fetch"},
    ]


def test_the_news_sitemap_date_is_used_only_when_the_page_gives_none(site, tmp_path):
    outdir = tmp_path / "out"
    list(scrape([Listing(site.url("/sitemap-news.xml"))], outdir, FAST, clean=StubCleaner()))
    undated = json.loads((outdir / f"{page_id(site.url('/news/1'))}.json").read_text())
    assert undated["date"] == "2024-02-05T07:30:00+01:00"
    dated = clean_fetched(FetchResult(input=site.url("/c"), status=200, media_type="text/html",
                                      body=b"<p>Story /c</p>", published="2024-02-06"), StubCleaner())
    assert dated.fields.date == "2023-12-31"  # the page's own date wins


def test_a_rerun_cleans_from_the_archive_what_an_interrupted_run_left_uncleaned(site, tmp_path):
    outdir = tmp_path / "out"
    urls = [site.url("/moved"), site.url("/b")]
    list(scrape(urls, outdir, FAST, clean=StubCleaner()))
    (outdir / f"{page_id(site.url('/b'))}.json").unlink()
    (outdir / f"{page_id(site.url('/moved'))}.json").unlink()
    requests_before = len(site.paths())
    cleaner = StubCleaner()
    outcomes = list(scrape(urls, outdir, FAST, clean=cleaner))
    assert len(site.paths()) == requests_before  # nothing fetched again, not even robots.txt
    assert sorted(raw.url for raw in cleaner.calls) == [site.url("/a"), site.url("/b")]  # /moved via its stored redirect
    assert (outdir / f"{page_id(site.url('/b'))}.json").exists()
    assert (outdir / f"{page_id(site.url('/moved'))}.json").exists()
    assert all(isinstance(outcome, Record) for _, outcome in outcomes)
