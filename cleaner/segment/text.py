"""Text-dump front end: lines of a rendered page -> Blocks.

Paragraphs are separated by blank lines. Inside a group of lines, list items and short menu-like lines stay
separate blocks; lines that look wrapped by a renderer (html2text wraps at 78 columns) are joined.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleaner.model import Block, Kind

# A line at least this long that is followed by another non-blank line is a renderer's wrap, not a line
# break of its own (html2text wraps at 78; tuned on bench/aeb/text/html2text).
WRAP_MIN_CHARS = 60
# Lines longer than this are split at sentence ends so a dump with no line breaks still segments.
MAX_BLOCK_CHARS = 5_000

LIST_MARKER = re.compile(r"^(?:[*\-•·▪►–+]|\d{1,3}[.)])\s+")
MARKDOWN_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“«(\[]?[A-ZÀ-ÖØ-Þ0-9])")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def normalise_dump(text: str) -> str:
    """Unify line endings, turn form feeds into paragraph breaks, drop control bytes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return CONTROL.sub("", text)


def segment_text(text: str) -> tuple[Block, ...]:
    """Blocks of a dump, in order, each with the 1-based line number where it starts."""
    blocks: list[Block] = []
    for line_no, chunk, is_item in _chunks(normalise_dump(text)):
        for piece in _split_long(chunk):
            kind = Kind.LIST_ITEM if is_item else Kind.PARAGRAPH
            blocks.append(Block(index=len(blocks), text=piece, kind=kind, line=line_no))
    return tuple(blocks)


def _chunks(text: str) -> Iterator[tuple[int, str, bool]]:
    """(line number, text, is list item) for each block-sized run of lines."""
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        line = _clean_line(raw)
        if current and (not line or _starts_new_block(current[-1], line)):
            yield start, " ".join(current), bool(LIST_MARKER.match(current[0]))
            current = []
        if line:
            if not current:
                start = number
            current.append(line)
    if current:
        yield start, " ".join(current), bool(LIST_MARKER.match(current[0]))


def _clean_line(raw: str) -> str:
    line = MARKDOWN_IMAGE.sub(r"\1", raw)
    line = MARKDOWN_LINK.sub(r"\1", line)
    return " ".join(line.split())


def _starts_new_block(previous: str, line: str) -> bool:
    if LIST_MARKER.match(line):
        return True
    return len(previous) < WRAP_MIN_CHARS


def _split_long(chunk: str) -> list[str]:
    if len(chunk) <= MAX_BLOCK_CHARS:
        return [chunk]
    pieces: list[str] = []
    current = ""
    for sentence in SENTENCE_END.split(chunk):
        if current and len(current) + len(sentence) > MAX_BLOCK_CHARS:
            pieces.append(current)
            current = ""
        current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return [p[i : i + MAX_BLOCK_CHARS] for p in pieces for i in range(0, len(p), MAX_BLOCK_CHARS)]
