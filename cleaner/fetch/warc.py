"""The crawl archive: WARC request/response pairs, one gzip member per record, appended and flushed.

A run that is killed mid-write leaves a truncated gzip member at the end; the next run cuts it
off before appending, so the archive stays readable by any WARC tool.
"""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.errors import InputError
from cleaner.fetch.client import Exchange
from cleaner.fetch.options import TOOL_NAME, tool_version
from cleaner.fetch.urls import dedup_key

SCAN_CHUNK = 1 << 20
GZIP_WBITS = 31
# Names of the fields of our metadata records (application/warc-fields, Heritrix style).
VIA_FIELD = "via"
PUBLISHED_FIELD = "publication-date"


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """A response record read back from an archive, with the metadata recorded for it."""

    url: str
    date: str
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes  # content-decoded, de-chunked (warcio's content_stream)
    via: str | None = None
    published: str | None = None


def intact_length(path: Path) -> int:
    """Bytes at the start of a gzip file made of complete members (the rest is a torn write)."""
    complete = 0
    fed = 0
    inflater = zlib.decompressobj(GZIP_WBITS)
    with open(path, "rb") as fh:
        while chunk := fh.read(SCAN_CHUNK):
            while chunk:
                try:
                    inflater.decompress(chunk)
                except zlib.error:
                    return complete
                if not inflater.eof:
                    fed += len(chunk)
                    break
                complete += fed + len(chunk) - len(inflater.unused_data)
                fed = 0
                chunk = inflater.unused_data
                inflater = zlib.decompressobj(GZIP_WBITS)
    return complete


def repair_tail(path: Path) -> int:
    """Cut a torn last record off an archive; returns the bytes removed.

    Raises:
        InputError: the file is not a gzip-compressed WARC at all (nothing is cut then).
    """
    size = path.stat().st_size
    good = intact_length(path)
    if size and not good:
        raise InputError(f"{path} is not a gzip-compressed WARC file; refusing to append to it")
    if good < size:
        with open(path, "r+b") as fh:
            fh.truncate(good)
    return size - good


def fetched_keys(path: Path) -> frozenset[str]:
    """dedup_key of every URL that has a response record in the archive."""
    if not path.exists():
        return frozenset()
    keys = set()
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                keys.add(dedup_key(record.rec_headers.get_header("WARC-Target-URI")))
    return frozenset(keys)


def _fields(payload: bytes) -> dict[str, str]:
    pairs = (line.partition(":") for line in payload.decode("utf-8", errors="replace").splitlines())
    return {key.strip(): value.strip() for key, _, value in pairs if key.strip()}


def iter_responses(path: Path) -> Iterator[StoredResponse]:
    """The response records of an archive, with their via/publication-date metadata."""
    pending: StoredResponse | None = None
    with open(path, "rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type == "response":
                if pending:
                    yield pending
                pending = StoredResponse(
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    date=record.rec_headers.get_header("WARC-Date"),
                    status=int(record.http_headers.get_statuscode()),
                    headers=tuple(record.http_headers.headers),
                    body=record.content_stream().read(),
                )
            elif record.rec_type == "metadata" and pending:
                fields = _fields(record.content_stream().read())
                pending = replace(pending, via=fields.get(VIA_FIELD), published=fields.get(PUBLISHED_FIELD))
    if pending:
        yield pending


class WarcSink:
    """Appends records to an archive; thread-safe; every record is flushed as soon as it is written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.repaired_bytes = repair_tail(path) if path.exists() else 0
        self._fh = open(path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True, warc_version="WARC/1.1")
        self._lock = threading.Lock()
        self._write_warcinfo()

    def close(self) -> None:
        with self._lock:
            self._fh.close()

    def __enter__(self) -> WarcSink:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def write_exchange(self, exchange: Exchange, via: str | None = None, published: str | None = None) -> None:
        """A request/response pair, plus a metadata record when the page came from a feed or sitemap."""
        response = self._response_record(exchange)
        request = self._request_record(exchange)
        with self._lock:
            self._writer.write_request_response_pair(request, response)
            if via or published:
                self._writer.write_record(self._metadata_record(exchange, response, via, published))
            self._fh.flush()

    def _write_warcinfo(self) -> None:
        info = {"software": f"{TOOL_NAME}/{tool_version()}", "format": "WARC File Format 1.1"}
        record = self._writer.create_warcinfo_record(self.path.name, info)
        with self._lock:
            self._writer.write_record(record)
            self._fh.flush()

    def _response_record(self, exchange: Exchange):
        status = f"{exchange.status} {exchange.reason}".strip()
        http_headers = StatusAndHeaders(status, list(exchange.headers), protocol=exchange.http_version)
        return self._writer.create_warc_record(
            exchange.url, "response", payload=BytesIO(exchange.body), length=len(exchange.body),
            http_headers=http_headers,
            warc_headers_dict={"WARC-Date": exchange.date, "WARC-IP-Address": exchange.ip},
        )

    def _request_record(self, exchange: Exchange):
        parts = urlsplit(exchange.url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        line = f"GET {target} {exchange.http_version}"
        http_headers = StatusAndHeaders(line, list(exchange.request_headers), is_http_request=True)
        return self._writer.create_warc_record(
            exchange.url, "request", http_headers=http_headers,
            warc_headers_dict={"WARC-Date": exchange.date},
        )

    def _metadata_record(self, exchange: Exchange, response, via: str | None, published: str | None):
        lines = [f"{VIA_FIELD}: {via}"] if via else []
        lines += [f"{PUBLISHED_FIELD}: {published}"] if published else []
        payload = ("\r\n".join(lines) + "\r\n").encode()
        headers = {
            "WARC-Date": exchange.date,
            "WARC-Refers-To": response.rec_headers.get_header("WARC-Record-ID"),
        }
        return self._writer.create_warc_record(
            exchange.url, "metadata", payload=BytesIO(payload), length=len(payload),
            warc_content_type="application/warc-fields", warc_headers_dict=headers,
        )
