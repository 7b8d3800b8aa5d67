"""Typed values passed between the pipeline stages."""

from __future__ import annotations

import enum
from dataclasses import dataclass

SCHEMA_VERSION = "1.0"


class Format(enum.StrEnum):
    HTML = "html"
    TEXT = "text"


class Kind(enum.StrEnum):
    """What a kept block is inside the article."""

    LEAD = "lead"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    PREFORMATTED = "preformatted"
    TABLE = "table"
    CAPTION = "caption"  # moved into the record's captions, never into text


class Action(enum.StrEnum):
    """What a matching chrome rule does with a block."""

    DROP = "drop"  # remove this block
    DROP_REST = "drop_rest"  # remove this block and every block after it
    DROP_BOX = "drop_box"  # remove this block and the short lines after it, up to the next prose paragraph
    FIELD = "field"  # remove it from the text and read a field out of it


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input document as bytes plus whatever its container told us."""

    id: str
    data: bytes
    path: str | None = None
    url: str | None = None
    crawl_date: str | None = None
    declared_charset: str | None = None
    declared_format: Format | None = None


@dataclass(frozen=True, slots=True)
class Decoded:
    """A document decoded to text, with its sniffed format."""

    text: str
    format: Format
    encoding: str
    warnings: tuple[str, ...] = ()
    # The input itself when it is the text's UTF-8 (decoded as it stood, nothing removed): libxml2 reads
    # these bytes faster than the string, which it would convert back to UTF-8.
    utf8: bytes | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """A unit of a page: one line / paragraph of a dump, or one block element of HTML."""

    index: int
    text: str
    kind: Kind = Kind.PARAGRAPH
    line: int | None = None  # 1-based line number in a text dump
    tag: str | None = None  # HTML element name
    link_density: float = 0.0
    in_main: bool = True  # inside the main content found by the extractor (HTML)


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a block was kept or removed; rule_id is None only for blocks kept by default."""

    keep: bool
    rule_id: str | None = None
    concept: str | None = None
    into: str | None = None  # the field a consumed block went into
    values: tuple[tuple[str, str], ...] = ()  # field values read from the block


@dataclass(frozen=True, slots=True)
class Judged:
    block: Block
    verdict: Verdict


@dataclass(frozen=True, slots=True)
class Fields:
    """Metadata read from a document; None / () when unknown."""

    url: str | None = None
    site: str | None = None
    section: str | None = None
    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    agency: str | None = None
    date: str | None = None
    language: str | None = None
    lead: str | None = None
    captions: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Removed:
    text: str
    position: int
    rule: str
    concept: str
    into: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    format: Format
    sha256: str
    path: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """The cleaned article: one per input document."""

    id: str
    source: Source
    fields: Fields
    text: str
    blocks: tuple[tuple[Kind, str], ...]
    removed: tuple[Removed, ...]
    warnings: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        """The JSON form, in the schema's key order."""
        f = self.fields
        source = {"path": self.source.path} if self.source.path else {"url": self.source.url}
        source |= {"format": str(self.source.format), "sha256": self.source.sha256}
        return {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "source": source,
            "url": f.url,
            "site": f.site,
            "section": f.section,
            "title": f.title,
            "byline": f.byline,
            "authors": list(f.authors),
            "agency": f.agency,
            "date": f.date,
            "language": f.language,
            "lead": f.lead,
            "text": self.text,
            "blocks": [{"kind": str(kind), "text": text} for kind, text in self.blocks],
            "captions": list(f.captions),
            "categories": list(f.categories),
            "removed": [_removed_dict(r) for r in self.removed],
            "warnings": list(self.warnings),
        }


def _removed_dict(removed: Removed) -> dict:
    out = {
        "text": removed.text,
        "position": removed.position,
        "rule": removed.rule,
        "concept": removed.concept,
    }
    if removed.into:
        out["into"] = removed.into
    return out


class Stage(enum.StrEnum):
    FETCH = "fetch"
    READ = "read"
    DECODE = "decode"
    SEGMENT = "segment"
    CLASSIFY = "classify"
    FIELDS = "fields"
    ASSEMBLE = "assemble"
    WRITE = "write"


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """An input that could not be cleaned, and why."""

    input: str
    reason: str
    stage: Stage
    sha256: str | None = None

    def to_dict(self) -> dict:
        out = {"input": self.input, "reason": self.reason, "stage": str(self.stage)}
        if self.sha256:
            out["sha256"] = self.sha256
        return out
