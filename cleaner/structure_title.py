"""The headline and subheadings of a dump: which block is the title, where it is printed again, which short
lines between paragraphs are subheadings."""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.model import Block, Verdict
from cleaner.structure import (
    CREDIT_FIELDS,
    CREDIT_TITLE_GAP,
    SENTENCE_END,
    TITLE_MAX_CHARS,
    is_prose,
    is_title_like,
    span_weight,
    word_count,
)

# The headline sits within this many blocks above the article (bylines, dates, share bars between).
TITLE_WINDOW = 12
# A subheading between paragraphs of a dump (seed DW subheadings have 3-4 words).
HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 12


def find_title(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int) -> int | None:
    """A `Title | Site` first line, a renderer's level-1 heading, else the longest headline-like block just
    above the article start."""
    if blocks and verdicts[0].keep and not _opens_story(blocks, verdicts, 0, start):
        if " | " in blocks[0].text or (is_title_like(blocks[0]) and start <= TITLE_WINDOW):
            return 0
    h1 = [b for b in blocks[: start + 1] if b.tag == "h1" and verdicts[b.index].keep and len(b.text) <= TITLE_MAX_CHARS]
    if h1:
        return h1[-1].index
    above_credit = _above_credit_line(blocks, verdicts, start)
    if above_credit is not None:
        return above_credit
    window = range(max(0, start - TITLE_WINDOW), min(start + 1, len(blocks)))
    candidates = [
        blocks[i] for i in window
        if verdicts[i].keep and is_title_like(blocks[i]) and not _opens_story(blocks, verdicts, i, start)
    ]
    return max(candidates, key=lambda b: word_count(b.text)).index if candidates else None


def _opens_story(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int, start: int) -> bool:
    """The block the article span starts with and that weighs as text: the story's first paragraph (one ending
    in ? or !, or a long one without a full stop), not its headline."""
    return index == start and span_weight(blocks[index], verdicts[index]) > 0


def _above_credit_line(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int) -> int | None:
    """The headline-like block just above the first byline or dateline near the article start."""
    near = range(max(0, start - TITLE_WINDOW), min(start + 2, len(blocks)))
    credits = [i for i in near if verdicts[i].into in CREDIT_FIELDS]
    if not credits:
        return None
    for i in range(credits[0] - 1, max(-1, credits[0] - 1 - CREDIT_TITLE_GAP), -1):
        if verdicts[i].keep and is_title_like(blocks[i]):
            return i
    return None


def find_repeat(blocks: Sequence[Block], title: int) -> int | None:
    """The headline printed again between the title line and the first paragraph."""
    wanted = _norm(blocks[title].text.split(" | ")[0])
    for block in blocks[title + 1 :]:
        if _norm(block.text) == wanted:
            return block.index
        if is_prose(block.text):
            return None
    return None


def is_heading(text: str, before: str, after: str) -> bool:
    """A short line without a full stop, between two paragraphs of prose."""
    if len(text) > HEADING_MAX_CHARS or word_count(text) > HEADING_MAX_WORDS or SENTENCE_END.search(text):
        return False
    return text[:1].isupper() and is_prose(before) and is_prose(after)


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())

