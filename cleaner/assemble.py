"""Judged blocks + fields -> the Record."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence

from cleaner.decode import compose
from cleaner.model import Fields, Format, Judged, Kind, RawDoc, Record, Removed, Source

NO_ARTICLE = "no article found"
TEXT_KINDS = frozenset(Kind) - {Kind.CAPTION}


def assemble(
    raw: RawDoc, fmt: Format, judged: Sequence[Judged], fields: Fields, warnings: Sequence[str] = (),
    with_removed: bool = True,
) -> Record:
    """The record of one document; kept blocks make the text, every other block is listed as removed
    (unless `with_removed` is false: most of a dump's blocks are removed, and listing them costs)."""
    kept = [j.block for j in judged if j.verdict.keep and j.block.kind in TEXT_KINDS]
    blocks = tuple((b.kind, compose(b.text)) for b in kept)
    text = "\n\n".join(t for _, t in blocks)
    notes = list(warnings)
    if not text:
        notes.append(NO_ARTICLE)
    return Record(
        id=raw.id,
        source=Source(format=fmt, sha256=sha256(raw.data), path=raw.path, url=None if raw.path else raw.url),
        fields=composed_fields(fields),
        text=text,
        blocks=blocks,
        removed=tuple(_removed(j, fmt) for j in judged if not j.verdict.keep) if with_removed else (),
        warnings=tuple(dict.fromkeys(notes)),
    )


def composed_fields(fields: Fields) -> Fields:
    """The fields' strings in NFC, as the text."""
    changes = {}
    for field in dataclasses.fields(fields):
        value = getattr(fields, field.name)
        new = compose(value) if isinstance(value, str) else (
            tuple(compose(v) for v in value) if isinstance(value, tuple) else value)
        if new != value:
            changes[field.name] = new
    return dataclasses.replace(fields, **changes) if changes else fields


def _removed(judged: Judged, fmt: Format) -> Removed:
    block, verdict = judged.block, judged.verdict
    position = block.line if fmt is Format.TEXT and block.line is not None else block.index
    return Removed(
        text=block.text, position=position, rule=verdict.rule_id or "unknown",
        concept=verdict.concept or "unknown", into=verdict.into,
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
