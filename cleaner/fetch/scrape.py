"""Fetch and clean in one go: OUTDIR/crawl.warc.gz, OUTDIR/<id>.json per page, OUTDIR/errors.jsonl."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from cleaner.fetch.client import charset_of, media_type_of
from cleaner.fetch.crawl import REDIRECT_STATUSES, FetchResult, Listing, crawl, not_html_reason
from cleaner.fetch.options import FetchOptions
from cleaner.fetch.urls import dedup_key, normalize_url
from cleaner.fetch.warc import StoredResponse, iter_responses
from cleaner.io.writers import ERRORS_FILE, append_line, error_line, output_path, write_json
from cleaner.model import ErrorRecord, RawDoc, Record, Stage

WARC_NAME = "crawl.warc.gz"
ID_HEX_CHARS = 16
# The record schema's date pattern: a date, optionally a time and an offset.
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$")
# A stored redirect chain is followed this far when a page is cleaned from the archive.
MAX_STORED_HOPS = 20

Cleaner = Callable[[RawDoc], "Record | ErrorRecord"]


def page_id(url: str) -> str:
    """The record id of a page: stable across runs, the same for URLs that name the same page."""
    return hashlib.sha256(dedup_key(url).encode()).hexdigest()[:ID_HEX_CHARS]


def listing_date(published: str | None) -> str | None:
    """A listing's publication date in the record's date format, or None if it cannot be read."""
    if not published:
        return None
    if ISO_DATE.match(published):
        return published
    try:
        return datetime.fromisoformat(published).isoformat()
    except ValueError:
        return None


def clean_fetched(result: FetchResult, clean: Cleaner) -> Record | ErrorRecord:
    """The record of a fetched page, or why it has none (fetch failure, not HTML, pipeline rejection)."""
    if result.error or result.body is None:
        return ErrorRecord(input=result.input, reason=result.error or "no body", stage=Stage.FETCH)
    if reason := not_html_reason(result):
        return ErrorRecord(input=result.input, reason=reason, stage=Stage.FETCH)
    raw = RawDoc(
        id=page_id(result.input), data=result.body, url=result.final_url,
        crawl_date=result.crawl_date, declared_charset=result.charset,
    )
    outcome = clean(raw)
    if isinstance(outcome, ErrorRecord):
        return dataclasses.replace(outcome, input=result.input)
    date = listing_date(result.published)
    if date and not outcome.fields.date:
        # The page gave no date: the feed or news sitemap that listed it knows when it was published.
        outcome = dataclasses.replace(outcome, fields=dataclasses.replace(outcome.fields, date=date))
    return outcome


def _pipeline() -> Cleaner:
    from cleaner.pipeline import clean_document

    return clean_document


def scrape(
    inputs: Iterable[str | Listing], outdir: Path, options: FetchOptions = FetchOptions(),
    clean: Cleaner | None = None,
) -> Iterator[tuple[FetchResult, Record | ErrorRecord | None]]:
    """Fetch pages into OUTDIR/crawl.warc.gz and write their records; yields each page's outcome.

    A page already in the archive whose record is missing (an interrupted run) is cleaned from
    the archive; one whose record exists, and a duplicate of another page, give (result, None).
    """
    clean = clean or _pipeline()
    outdir.mkdir(parents=True, exist_ok=True)
    missing: dict[str, FetchResult] = {}
    with open(outdir / ERRORS_FILE, "a", encoding="utf-8") as errors:
        for result in crawl(inputs, outdir / WARC_NAME, options):
            if result.duplicate:
                yield result, None
                continue
            if result.resumed:
                if not output_path(outdir, page_id(result.input)).exists():
                    missing[dedup_key(result.input)] = result
                else:
                    yield result, None
                continue
            yield result, _write(clean_fetched(result, clean), outdir, errors)
        for result in _from_archive(outdir / WARC_NAME, missing):
            yield result, _write(clean_fetched(result, clean), outdir, errors)


def _write(outcome: Record | ErrorRecord, outdir: Path, errors) -> Record | ErrorRecord:
    if isinstance(outcome, Record):
        write_json(outdir, outcome)
    else:
        append_line(errors, error_line(outcome))
    return outcome


def _from_archive(warc: Path, wanted: dict[str, FetchResult]) -> Iterator[FetchResult]:
    """Results rebuilt from the archive for the wanted pages, following their stored redirects."""
    if not wanted:
        return
    stored = {dedup_key(response.url): response for response in iter_responses(warc)}
    for key, result in wanted.items():
        final = _follow_stored(stored, key)
        if final is None:
            yield dataclasses.replace(result, resumed=False, error="not found in the archive")
            continue
        yield _stored_result(result, final)


def _follow_stored(stored: dict[str, StoredResponse], key: str) -> StoredResponse | None:
    response = stored.get(key)
    for _ in range(MAX_STORED_HOPS):
        location = _header(response, "Location") if response else None
        if response is None or response.status not in REDIRECT_STATUSES or not location:
            return response
        response = stored.get(dedup_key(normalize_url(location, base=response.url)))
    return response


def _header(response: StoredResponse, name: str) -> str | None:
    return next((value for key, value in response.headers if key.lower() == name.lower()), None)


def _stored_result(result: FetchResult, stored: StoredResponse) -> FetchResult:
    content_type = _header(stored, "Content-Type")
    error = None if stored.status < 300 else f"HTTP {stored.status}"
    return dataclasses.replace(
        result, resumed=False, final_url=stored.url, status=stored.status, crawl_date=stored.date,
        media_type=media_type_of(content_type), charset=charset_of(content_type), body=stored.body, error=error,
        via=stored.via, published=stored.published,
    )
