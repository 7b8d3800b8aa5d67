"""Boxes of a dump that the span weights alone get wrong: an author box under the byline, a closing credit."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.model import Block, Kind, Verdict
from cleaner.structure import SPAN_LINK_HEAVY, is_prose, word_count

# An author box prints the author's name on a line of its own and a biography that begins with that name
# ("Markus Balser" / "Markus Balser kam 2001 zur …"); a name is a few capitalised words.
AUTHOR_NAME_MAX_WORDS = 4
AUTHOR_NAME = re.compile(r"[A-ZÀ-ÞА-Я][\w.'’-]+(?: [A-ZÀ-ÞА-Я][\w.'’-]+){1,3}")
# ... and its contact links under the biography ("auf Twitter folgen", "eine E-Mail senden"): short lines.
AUTHOR_LINK_MAX_WORDS = 5
# The credit line a wire story closes with ("Additional reporting by …; Editing by …"): part of the story, printed
# right under its last paragraph.
CLOSING_CREDIT = re.compile(r"(additional |further )?(reporting|writing|editing|research|compiled) by\b", re.I)
CLOSING_CREDIT_MAX_CHARS = 300
# A blog post signs off under its last paragraph with a line or two of a few words ("XX, Die Redaktion", "Keep
# talking sports!"), above the page's boxes (tuned on the dumps of bench aeb, naeb and wcxb-articles, both renderers).
SIGN_OFF_MAX_LINES = 2
SIGN_OFF_MAX_WORDS = 5
# ... a sign-off greets or cheers; a short line under a news story is a tag line, a credit or a share prompt.
SIGN_OFF = re.compile(
    r"(?:x+o*x*o*|love|cheers|best|yours|hugs|liebe grüße|viele grüße|herzliche? grüße|alles liebe|bis bald|lg|eure?|"
    r"deine?|bisous|bises|amitiés|saludos|un abrazo|baci|groetjes)\b|.*!$",
    re.I,
)


def author_boxes(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> list[int]:
    """The blocks of author boxes: a line with the name of a byline's author, a biography beginning with that
    name, and the short contact lines under it (a subheading naming a person in a story is in no byline)."""
    bylines = [b.text for b, v in zip(blocks, verdicts) if v.into == "byline"]
    found: list[int] = []
    for i in range(len(blocks) - 1):
        name, bio = blocks[i].text, blocks[i + 1].text
        if verdicts[i].keep and verdicts[i + 1].keep and _starts_biography(name, bio) and any(name in b for b in bylines):
            found += [i, i + 1, *_contact_lines(blocks, verdicts, i + 2)]
    return found


def _starts_biography(name: str, after: str) -> bool:
    """`name` is a person's name and `after` a paragraph that begins with it."""
    if len(name.split()) > AUTHOR_NAME_MAX_WORDS or not AUTHOR_NAME.fullmatch(name):
        return False
    return after.startswith(name + " ") and is_prose(after)


def _contact_lines(blocks: Sequence[Block], verdicts: Sequence[Verdict], start: int) -> list[int]:
    """The short lines from `start` up to the next paragraph of prose."""
    found = []
    for i in range(start, len(blocks)):
        if not verdicts[i].keep or is_prose(blocks[i].text) or word_count(blocks[i].text) > AUTHOR_LINK_MAX_WORDS:
            break
        found.append(i)
    return found


def is_closing_credit(text: str) -> bool:
    """A wire story's closing credit line: "Additional reporting by …; Editing by …"."""
    return len(text) <= CLOSING_CREDIT_MAX_CHARS and bool(CLOSING_CREDIT.match(text))


def sign_off_end(blocks: Sequence[Block], verdicts: Sequence[Verdict], weights: Sequence[float], end: int) -> int:
    """`end` moved over the sign-off under the story's last block of text (`end` - 1, of a positive span weight): at
    most SIGN_OFF_MAX_LINES short lines that greet or cheer, after which the page ends or a block a rule removed."""
    if not 0 < end < len(blocks) or weights[end - 1] <= 0:
        return end
    stop = end
    while stop < min(len(blocks), end + SIGN_OFF_MAX_LINES) and _is_sign_off_line(blocks[stop], verdicts[stop]):
        stop += 1
    if stop == len(blocks) or not verdicts[stop].keep:
        return stop
    return end


def _is_sign_off_line(block: Block, verdict: Verdict) -> bool:
    if not verdict.keep or block.kind not in (Kind.PARAGRAPH, Kind.LIST_ITEM) or block.link_density > SPAN_LINK_HEAVY:
        return False
    return word_count(block.text) <= SIGN_OFF_MAX_WORDS and bool(SIGN_OFF.match(block.text))
