"""Fetching pages politely into a WARC archive: `crawl(inputs, warc_path, options)`."""

from cleaner.fetch.crawl import FetchResult, Listing, crawl, not_html_reason
from cleaner.fetch.options import FetchOptions
from cleaner.fetch.warc import StoredResponse, iter_responses

__all__ = ["FetchOptions", "FetchResult", "Listing", "StoredResponse", "crawl", "iter_responses", "not_html_reason"]
