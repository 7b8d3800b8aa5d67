"""cleaner: scraped news pages (HTML or text dumps) -> clean, structured JSON records.

    >>> import cleaner
    >>> record = cleaner.clean(open("page.html", "rb").read(), url="https://example.com/a")
    >>> record.to_dict()["title"]
"""

from __future__ import annotations

import dataclasses

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.errors import CleanerError, Rejection
from cleaner.model import ErrorRecord, RawDoc, Record
from cleaner.pipeline import clean_document

__all__ = ["Config", "CleanerError", "ErrorRecord", "RawDoc", "Record", "Rejection", "clean", "clean_document"]


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
    data = content.encode("utf-8") if isinstance(content, str) else content
    result = clean_document(RawDoc(id=id, data=data, url=url), config)
    if isinstance(result, ErrorRecord):
        raise Rejection(result.reason, stage=str(result.stage))
    return result
