"""WARC / WARC.gz input: HTML response records -> RawDoc; a malformed record -> an ErrorRecord, and reading goes on."""

from __future__ import annotations

from collections.abc import Iterator
from email.message import Message
from typing import IO

from cleaner.model import ErrorRecord, Format, RawDoc, Stage

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
# How far past a malformed record to look for the next record start before giving up on the file.
RESYNC_WINDOW = 64 * 1024 * 1024
REASON_CHARS = 80


def is_warc(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def read_warc(handle: IO[bytes], name: str) -> Iterator[RawDoc | ErrorRecord]:
    """Every HTML response of a seekable WARC file, in file order.

    A record that cannot be parsed gives an error record (`<name>@<offset>`); reading resumes at the next
    record start (the next gzip member of a .warc.gz, the next `WARC/1.` header line of a plain WARC).
    """
    from warcio.archiveiterator import ArchiveIterator  # a base dependency, imported only when a WARC is read

    start = 0
    while start is not None:
        handle.seek(start)
        records = ArchiveIterator(handle)
        last_read = start  # where the last record read in this pass starts
        try:
            for record in records:
                last_read = max(last_read, records.offset)
                doc = _document(record, name, records.offset)  # offset: where this record starts
                if doc is not None:
                    yield doc
            return
        except Exception as exc:  # warcio raises many types for a broken record; the rest of the file still counts
            # warcio's offset goes back past the records already read after one shorter than its Content-Length
            # (a negative seek); the broken record comes after the last one read, where reading resumes.
            offset = max(records.offset, last_read)
            yield ErrorRecord(input=f"{name}@{offset}", reason=f"malformed WARC record: {_describe(exc)}",
                              stage=Stage.READ)
            start = _next_record_start(handle, offset + 1)


def _document(record, name: str, offset: int) -> RawDoc | ErrorRecord | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if not content_type.split(";")[0].strip().lower() in HTML_TYPES:
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    try:
        data = record.content_stream().read()
    except Exception as exc:  # a payload that cannot be decoded (bad chunking, bad Content-Encoding)
        return ErrorRecord(input=url or f"{name}@{offset}", reason=f"malformed WARC payload: {_describe(exc)}",
                           stage=Stage.READ)
    return RawDoc(id=_record_id(record, name, offset), data=data, url=url,
                  crawl_date=record.rec_headers.get_header("WARC-Date"),
                  declared_charset=_charset(content_type), declared_format=Format.HTML)


def _describe(exc: Exception) -> str:
    """The exception's first line, clipped: warcio quotes the raw bytes of the broken line."""
    first = (str(exc).splitlines() or [""])[0]
    return f"{type(exc).__name__}: {first[:REASON_CHARS]}"


def _record_id(record, name: str, offset: int) -> str:
    record_id = record.rec_headers.get_header("WARC-Record-ID") or ""
    uuid = record_id.strip("<>").rpartition(":")[2]
    return uuid or f"{name.rpartition('/')[2]}-{offset}"


def _charset(content_type: str) -> str | None:
    message = Message()
    message["Content-Type"] = content_type
    return message.get_param("charset")


def _next_record_start(handle: IO[bytes], after: int) -> int | None:
    handle.seek(0)
    compressed = handle.read(2) == GZIP_MAGIC[:2]
    marker = GZIP_MAGIC if compressed else b"\n" + WARC_MAGIC
    handle.seek(after)
    window = handle.read(RESYNC_WINDOW)
    found = window.find(marker)
    if found < 0:
        return None
    return after + found + (0 if compressed else 1)
