"""cleaner: scraped news pages (HTML or text dumps) -> clean, structured JSON records.

    >>> import cleaner
    >>> record = cleaner.clean(open("page.html", "rb").read(), url="https://example.com/a")
    >>> record.to_dict()["title"]
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.errors import CleanerError, Rejection
from cleaner.model import ErrorRecord, RawDoc, Record
from cleaner.pipeline import clean_document

__all__ = ["Config", "CleanerError", "ErrorRecord", "RawDoc", "Record", "Rejection", "clean", "clean_document",
           "clean_many"]


def clean(content: bytes | str, url: str | None = None, *, id: str = "document", **options) -> Record:
    """Clean one document.

    Args:
        content: the page's bytes (HTML or a text dump), or already-decoded text.
        url: where the page came from; selects site layouts and becomes the record's url when the page has none.
        id: the record id.
        **options: fields of `cleaner.Config`, e.g. `rule_files=(Path("site.toml"),)`.

    Returns:
        The Record (`.to_dict()` gives the JSON form).

    Raises:
        Rejection: the document cannot be cleaned (empty, binary, ...); `.reason` says why.
    """
    config = dataclasses.replace(DEFAULT_CONFIG, **options) if options else DEFAULT_CONFIG
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    result = clean_document(RawDoc(id=id, data=data, url=url), config)
    if isinstance(result, ErrorRecord):
        raise Rejection(result.reason, stage=str(result.stage))
    return result


def clean_many(documents: Iterable[bytes | str | RawDoc | dict], jobs: int | None = None,
               **options) -> Iterator[Record | ErrorRecord]:
    """Clean many documents in worker processes, streaming.

    Args:
        documents: page bytes, decoded text, RawDoc, or dicts {id, url, html | text} (`text` is read as a
            text dump, `html` as HTML). Consumed lazily: at most a bounded window is in memory.
        jobs: worker processes (default: every core); 1 cleans in this process.
        **options: fields of `cleaner.Config`.

    Returns:
        An iterator of one Record or ErrorRecord per document, in input order.
    """
    from cleaner.runners.local import clean_stream, default_jobs  # keeps `import cleaner` light

    config = dataclasses.replace(DEFAULT_CONFIG, **options) if options else DEFAULT_CONFIG
    docs = (_as_raw(document, number) for number, document in enumerate(documents, start=1))
    return clean_stream(docs, config, jobs or default_jobs())


def _as_raw(document: bytes | str | RawDoc | dict, number: int) -> RawDoc | ErrorRecord:
    from cleaner.io.jsonl import raw_from_dict

    if isinstance(document, RawDoc):
        return document
    if isinstance(document, dict):
        return raw_from_dict(document, f"document-{number}")
    data = document.encode("utf-8", "surrogatepass") if isinstance(document, str) else document
    return RawDoc(id=f"document-{number}", data=data)
