"""JSON Lines input: one document per line, `{"id", "url", "html" | "text"}` -> RawDoc (or an ErrorRecord)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from typing import IO

from cleaner.assemble import sha256
from cleaner.model import ErrorRecord, Format, RawDoc, Stage

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
CONTENT_KEYS = {"html": Format.HTML, "text": Format.TEXT}


def is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_SUFFIXES)


def raw_from_dict(item: dict, default_id: str) -> RawDoc | ErrorRecord:
    """A document given as {id, url, html | text}: `html` is read as HTML, `text` as a text dump."""
    name = _valid(str(item.get("id") or default_id))
    present = [key for key in CONTENT_KEYS if isinstance(item.get(key), str)]
    if len(present) != 1:
        reason = "document has both html and text" if present else "document has no html or text field"
        return ErrorRecord(input=item.get("url") or name, reason=reason, stage=Stage.READ)
    url = _valid(item["url"]) if isinstance(item.get("url"), str) else None
    # A crawl date given as a number, a list or an object is no date: the document is cleaned without one.
    crawl_date = _valid(item["crawl_date"]) if isinstance(item.get("crawl_date"), str) else None
    # JSON may escape a lone surrogate ("\ud800"); its bytes are invalid UTF-8, which decoding repairs with a warning.
    return RawDoc(id=name, data=item[present[0]].encode("utf-8", "surrogatepass"), url=url,
                  crawl_date=crawl_date, declared_format=CONTENT_KEYS[present[0]])


def _valid(text: str) -> str:
    """The text with any lone surrogate replaced: an id names an output file and must encode."""
    return text.encode("utf-8", "replace").decode("utf-8")


def parse_line(line: bytes | str, default_id: str, where: str) -> RawDoc | ErrorRecord | None:
    """One JSONL line -> a document; None for a blank line; an error record (with the line's sha256) when malformed."""
    text = line.decode("utf-8", errors="replace") if isinstance(line, bytes) else line
    if not text.strip():
        return None
    try:
        item = json.loads(text)
    except ValueError as exc:
        return _malformed(line, where, f"malformed JSON line: {exc}")
    except RecursionError:
        return _malformed(line, where, "malformed JSON line: nested too deeply to read")
    if not isinstance(item, dict):
        return _malformed(line, where, "JSON line is not an object")
    return raw_from_dict(item, default_id)


def _malformed(line: bytes | str, where: str, reason: str) -> ErrorRecord:
    data = line if isinstance(line, bytes) else line.encode("utf-8", "surrogatepass")
    return ErrorRecord(input=where, reason=reason, stage=Stage.READ, sha256=sha256(data.rstrip(b"\r\n")))


def read_jsonl_stream(lines: Iterable[bytes], name: str, location: str) -> Iterator[RawDoc | ErrorRecord]:
    """Documents of a JSONL stream; a document without an id gets `<name>-<line number>`.

    A malformed line is an error record named `<location>:<line number>`.
    """
    for number, line in enumerate(lines, start=1):
        doc = parse_line(line, f"{name}-{number}", f"{location}:{number}")
        if doc is not None:
            yield doc


def open_jsonl(handle: IO[bytes], filename: str) -> IO[bytes]:
    """The decompressed stream of a .jsonl or .jsonl.gz file."""
    return gzip.open(handle) if filename.lower().endswith(".gz") else handle
