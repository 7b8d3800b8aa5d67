"""Judged blocks + fields -> the Record."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

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
    text = "\n\n".join(b.text for b in kept)
    notes = list(warnings)
    if not text:
        notes.append(NO_ARTICLE)
    return Record(
        id=raw.id,
        source=Source(format=fmt, sha256=sha256(raw.data), path=raw.path, url=None if raw.path else raw.url),
        fields=fields,
        text=text,
        blocks=tuple((b.kind, b.text) for b in kept),
        removed=tuple(_removed(j, fmt) for j in judged if not j.verdict.keep) if with_removed else (),
        warnings=tuple(dict.fromkeys(notes)),
    )


def _removed(judged: Judged, fmt: Format) -> Removed:
    block, verdict = judged.block, judged.verdict
    position = block.line if fmt is Format.TEXT and block.line is not None else block.index
    return Removed(
        text=block.text, position=position, rule=verdict.rule_id or "unknown",
        concept=verdict.concept or "unknown", into=verdict.into,
    )


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
