"""Line templates: a block's text with its numbers, dates, times and durations abstracted.

"Watch video 02:49" and "Watch video 00:32" are one template, `Watch video \\d{1,2}:\\d{2}(?::\\d{2})?`.
A template's key is its text with each varying part replaced by a slot name; its pattern is the escaped
literal text with each slot's regex in place, for a full-block match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cleaner.structure import SENTENCE_END, word_count

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues|Tue|Wed|Thurs|Thu|Fri|Sat|Sun"
_UNITS = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|h|m|s)"
_AM_PM = r"(?:\s?[AaPp]\.?[Mm]\.?)?"

# Varying parts, first match wins: (slot name, what finds it in a line, the regex written into a rule).
SLOTS: tuple[tuple[str, str, str], ...] = (
    ("datetime", r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?",
     r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"),
    ("date", r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}", r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"),
    ("time", r"\d{1,2}:\d{2}(?::\d{2})?" + _AM_PM, r"\d{1,2}:\d{2}(?::\d{2})?" + _AM_PM),
    ("duration", r"\d+(?:[.,]\d+)?\s?" + _UNITS + r"\b", r"\d+(?:[.,]\d+)?\s?" + _UNITS),
    ("month", rf"\b(?:{_MONTHS})\b\.?", rf"(?:{_MONTHS})\.?"),
    ("weekday", rf"\b(?:{_WEEKDAYS})\b\.?", rf"(?:{_WEEKDAYS})\.?"),
    ("number", r"\d+(?:[.,]\d+)*", r"\d+(?:[.,]\d+)*"),
)
_FINDER = re.compile("|".join(f"(?P<{name}>{find})" for name, find, _ in SLOTS), re.IGNORECASE)
_WRITTEN = {name: written for name, _, written in SLOTS}
# Marks a slot inside a template key; never found in a decoded page's text.
SLOT_MARK = "\x00"
# A template needs a letter of its own: a line of digits or punctuation alone says nothing about chrome.
_LETTER = re.compile(r"[^\W\d_]")
# Prose, for the quote guard: this many words or more with a sentence's punctuation (tuned on the
# learn test corpus and bench dumps: menu lines, teasers and "Watch video" lines are shorter, running
# quotes and boilerplate disclaimers longer).
PROSE_MIN_WORDS = 12
_INNER_SENTENCE = re.compile(r"[.!?…][\"'”’»)]*\s+\S")


@dataclass(frozen=True, slots=True)
class Template:
    """A line with its varying parts abstracted: key (slots marked), pattern (full-block regex)."""

    key: str
    pattern: str
    has_slots: bool


def template_of(text: str) -> Template | None:
    """The template of one block's text; None for a line with no letter of its own."""
    key_parts: list[str] = []
    pattern_parts: list[str] = []
    position = 0
    for found in _FINDER.finditer(text):
        literal = text[position : found.start()]
        key_parts += [literal, f"{SLOT_MARK}{found.lastgroup}{SLOT_MARK}"]
        pattern_parts += [escape(literal), _WRITTEN[found.lastgroup]]
        position = found.end()
    tail = text[position:]
    literal_text = "".join(key_parts[0::2]) + tail
    if not _LETTER.search(literal_text):
        return None
    return Template("".join(key_parts) + tail, "".join(pattern_parts) + escape(tail), bool(pattern_parts))


def escape(literal: str) -> str:
    """re.escape, leaving spaces as they are (rules are never compiled in verbose mode) for readable rules."""
    return re.escape(literal).replace("\\ ", " ")


def is_prose_line(text: str) -> bool:
    """Long running text with a sentence's punctuation: what a quoted sentence or a disclaimer looks like."""
    return word_count(text) >= PROSE_MIN_WORDS and bool(SENTENCE_END.search(text) or _INNER_SENTENCE.search(text))
