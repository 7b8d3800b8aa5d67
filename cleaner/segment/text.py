"""Text-dump front end: lines of a rendered page -> Blocks.

Paragraphs are separated by blank lines. Inside a group of lines, list items and short menu-like lines stay
separate blocks; lines that look wrapped by a renderer (html2text wraps at 78 columns, even inside link
targets) are joined. Markdown links keep their text only and mark it as link text (link density); images
are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleaner.errors import Rejection
from cleaner.model import Block, Kind

# A line at least this long that is followed by another non-blank line is a renderer's wrap, not a line
# break of its own (html2text wraps at 78; tuned on bench/aeb/text/html2text).
WRAP_MIN_CHARS = 60
# ... and renderers wrap below this width: a longer line is a whole paragraph (one line per paragraph,
# as extractors and the seeds write them).
WRAP_MAX_CHARS = 100
# Lines longer than this are split at sentence ends so a dump with no line breaks still segments.
MAX_BLOCK_CHARS = 5_000
# Memory grows with a dump's blocks (1.6 million short lines peaked at 800 MiB). The longest dump of the bench
# sets has 3,198 lines; a dump of more blocks is a data file or a whole site, refused to keep memory bounded.
MAX_DUMP_BLOCKS = 200_000

# html2text escapes a number or a dash that opens a line of text ("1\\. Cloud Services"): a list to a reader all the same.
LIST_MARKER = re.compile(r"^(?:\\?[*\-•·▪►–+]|\d{1,3}\\?[.)])\s+")
MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# Possessive: a link target is a run of non-space characters with balanced parentheses (html2text escapes a target's
# parentheses: "filters:focal\\(0x0:675x1200\\)"), never given back.
LINK_TARGET = r"\((?:\\[()]|[^()\s\\]++|\\|\([^()]*\))*+(?:\s+\"[^\"]*\")?\)"
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\](?:" + LINK_TARGET + r"|\([^)]*\))")
MARKDOWN_LINK = re.compile(r"\[([^\[\]]*)\]" + LINK_TARGET)
# A link whose target html2text left with spaces in it (a share URL with the headline in its query): a target
# that starts like a URL and runs to the next closing parenthesis. Tried only where MARKDOWN_LINK finds nothing.
# It is tried on one block's lines at a time, so an unclosed "[x](http" can take no more than its own paragraph
# (a mailto share link carries the whole headline and summary: no tighter bound fits it).
LOOSE_LINK = re.compile(r"\[([^\[\]]*)\]\((?:https?:|/|mailto:|javascript:)[^()]*(?:\([^()]*\)[^()]*)*?\)")
EMPTY_LINK = re.compile(r"\[\s*\]")
# Bold or italics. html2text leaves a space inside a bold run the page had ("**Our spots: **"), and closes one italic
# run and opens the next with nothing between ("_**Update:**__Added a tweet._"), where the page had a space.
# Only "**" closes after a space: "__" and "_" are also the underscores of code ("__m512i x = y; __m512i z").
EMPHASIS = re.compile(
    r"\*\*(?=\S)(?P<bold>.+?)(?<=\S)(?P<space>\s*)\*\*|__(?=\S)(?P<strong>.+?)(?<=\S)__"
    r"|(?<![^\W_])_(?=\S)(?P<italic>[^_]+?)(?<=\S)_(?![^\W_])"
)
# An emphasis that html2text opened or closed in another block (a line break inside "_**...**..._"): its marker is
# left at the block's start or end, where it would hide the full stop of the sentence.
# A line of underscores (a separator) is no emphasis.
# Its opening marker may follow a list marker ("1. **Soft skin" / "**").
STRAY_EMPHASIS = re.compile(r"(?:^|(?<=^[*\-•] )|(?<=^\d[.)] )|(?<=^\d\d[.)] ))(?:\*\*|__?)+(?=[^\W_]|[\"“„«(])|(?<=[^\W_]|[.!?:;,)\"”“»])\s*(?:\*\*|__?)+$")
# An emphasis marker alone on its line ("1. **Soft skin" / "**"): a line break inside the emphasis, no text. A rule
# line ("* * *", "____") stays: it separates the story from what follows.
MARKUP_ONLY = re.compile(r"\*\*|__?")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“«(\[]?[A-ZÀ-ÖØ-Þ0-9])")
# The characters a list marker or a markdown heading can start with, to skip both regexes for most lines.
MARKER_FIRST_CHARS = frozenset("\\*-•·▪►–+#0123456789")
# The cell separators html2text prints at the edges of a table row ("Our dog is a friend.  |"): a paragraph laid
# out in a table cell ends like a sentence once they are gone. Separators between cells stay.
TABLE_EDGE = re.compile(r"^(?:\|\s*)+(?=\S)|(?<=\S)(?:\s*\|)+$")
# html2text escapes what markdown would read as syntax ("1\. Cloud Services", "19\. Juni 2019", "\+ Tax"); a
# reader sees the character alone. Unescaped after the links are stripped, so an escaped bracket opens no link.
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")
# The parentheses and brackets html2text escapes; they open or close no link.
ESCAPED_BRACKET = re.compile(r"\\[()\[\]]")
# html2text wraps a line after the hyphen of a compound ("Vorstellungs-" / "News"): the two halves join without a
# space, unless a conjunction follows, where the hyphen had a space after it ("Nord- und Süddeutschland").
WRAPPED_HYPHEN = re.compile(r"[^\W\d_]-$")
HYPHEN_CONJUNCTION = re.compile(r"(?:und|oder|bis|bzw|sowie|and|or|to|nor|et|ou|y|o|e)\b")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# An inline image's data URI (an SVG logo, a placeholder GIF): html2text prints it whole, wrapped over many lines
# and with spaces, which no link pattern can match; its text would read as paragraphs of numbers.
# An SVG's own references ("url(#a)") are one level of parentheses inside it.
DATA_URI_TARGET = re.compile(r"\]\(data:(?:[^()\\]|\\.|\([^()]*\))*\)")
# A table as a renderer prints it. inscriptis lays cells out in columns: a row has a gap of two or more spaces
# between cells, or pads its last cell with spaces to the column's width. html2text separates cells with "|" and
# puts a rule line ("---|---") under the header row. Each row is a block of its own: joined, a table's rows read
# as one long line, and a row is never a renderer's wrap.
CELL_GAP = re.compile(r"\S {2,}\S")
CELL_PADDING = re.compile(r"\S {2,}$")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?$")
# A column layout needs at least this many rows with a gap between cells (a single line with a double space
# is a typing slip, not a table), and every line of its run of lines laid out so (html2text prints inline
# formulas between double spaces, inside lines of text).
TABLE_MIN_GAPPED_ROWS = 2


def normalise_dump(text: str) -> str:
    """Unify line endings, turn form feeds into paragraph breaks, drop control bytes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    return CONTROL.sub("", text)


def segment_text(text: str) -> tuple[Block, ...]:
    """Blocks of a dump, in order, each with the 1-based line number where it starts.

    Raises:
        Rejection: the dump has more than MAX_DUMP_BLOCKS blocks.
    """
    blocks: list[Block] = []
    for line_no, chunk, is_row in _chunks(_drop_data_uris(normalise_dump(text))):
        kind, tag = (Kind.TABLE if is_row else Kind.PARAGRAPH), None
        if chunk[0] in MARKER_FIRST_CHARS and not is_row:
            if LIST_MARKER.match(chunk):
                kind = Kind.LIST_ITEM
            elif heading := MARKDOWN_HEADING.match(chunk):
                kind, chunk = Kind.HEADING, chunk[heading.end() :]
                tag = "h1" if heading.group() == "# " else None  # a renderer's level-1 heading: the headline
        plain, link_density = strip_markdown(chunk)
        plain = _without_table_edges(plain) if "|" in plain else plain
        plain = MARKDOWN_ESCAPE.sub(r"\1", plain) if "\\" in plain else plain
        if not plain or MARKUP_ONLY.fullmatch(plain):
            continue  # an image, an empty link or an empty emphasis: nothing a reader sees as text
        for piece in _split_long(plain) if len(plain) > MAX_BLOCK_CHARS else (plain,):
            blocks.append(Block(index=len(blocks), text=piece, kind=kind, line=line_no, tag=tag, link_density=link_density))
        if len(blocks) > MAX_DUMP_BLOCKS:
            raise Rejection(f"too many blocks for an article dump (over {MAX_DUMP_BLOCKS} by line {line_no})",
                            stage="segment")
    return tuple(blocks)


def _without_table_edges(text: str) -> str:
    """The text without TABLE_EDGE's separators. The closing edge is looked for in the text's last run of
    separators and spaces only: searched from the start, every pipe of a long run inside the line would rescan
    the run to its end (a line of 300,000 pipes took minutes)."""
    opening = TABLE_EDGE.match(text)
    resume = opening.end() if opening else 0
    body_end = len(text)
    while body_end and (text[body_end - 1] == "|" or text[body_end - 1].isspace()):
        body_end -= 1
    closing = TABLE_EDGE.search(text, max(resume, body_end - 1)) if text.endswith("|") else None
    return text[resume : closing.start() if closing else len(text)]


def _drop_data_uris(text: str) -> str:
    """Data URIs emptied. The line breaks inside one move to the next blank line, so that the lines after that
    paragraph keep their numbers and a link around the image still closes on its own line."""
    if "](data:" not in text:
        return text
    out: list[str] = []
    pos, pending = 0, 0
    for match in DATA_URI_TARGET.finditer(text):
        between = text[pos : match.start()]
        out.append(_with_breaks(between, pending))
        pending = 0 if "\n\n" in between else pending
        out.append("]()")
        pending += match.group().count("\n")
        pos = match.end()
    tail = text[pos:]
    out.append(_with_breaks(tail, pending) if "\n\n" in tail else tail + "\n" * pending)
    return "".join(out)


def _with_breaks(text: str, breaks: int) -> str:
    """`text` with `breaks` more line breaks at its first blank line, if it has one."""
    at = text.find("\n\n")
    return text if at < 0 or not breaks else text[:at] + "\n" * breaks + text[at:]


def strip_markdown(chunk: str) -> tuple[str, float]:
    """Text without markdown images, link targets and emphasis; and the share of it that was link text."""
    text, linked = _strip_links(chunk) if "](" in chunk or "[]" in chunk else (chunk, 0)
    if "**" in text or "_" in text:
        text = EMPHASIS.sub(_unemphasised, text)
        text = STRAY_EMPHASIS.sub("", text)
    if text is not chunk:
        text = " ".join(text.split())
    return text, min(1.0, linked / len(text)) if text else 0.0


def _unemphasised(match: re.Match) -> str:
    """The text of an emphasis, with the emphasis nested in it stripped too; a space where the next one opens."""
    inner = match["bold"] or match["strong"] or match["italic"]
    if "*" in inner or "_" in inner:
        inner = EMPHASIS.sub(_unemphasised, inner)
    if match["space"] or (match["italic"] and match.string.startswith("_", match.end())):
        return inner + " "
    return inner


def _strip_links(chunk: str) -> tuple[str, int]:
    """Images dropped, links replaced by their text; and how many characters of link text there were."""
    text = MARKDOWN_IMAGE.sub("", chunk) if "![" in chunk else chunk
    linked = 0
    while "](" in text:
        pieces = MARKDOWN_LINK.split(text)  # text, link text, text, link text, ..., text
        if len(pieces) == 1:
            pieces = LOOSE_LINK.split(text)
        if len(pieces) == 1:
            break
        linked += sum(len(label.strip()) for label in pieces[1::2])
        text = "".join(pieces)
    return EMPTY_LINK.sub("", text) if "[" in text else text, linked


def _chunks(text: str) -> Iterator[tuple[int, str, bool]]:
    """(line number, text, is a table row) for each block-sized run of lines."""
    current, start, previous_length = "", 0, 0
    raw_lines = text.split("\n")
    rows, rules = _table_lines(raw_lines)
    lines = [" ".join(raw.split()) for raw in raw_lines]
    for number, line in enumerate(lines, start=1):
        boundary = not line or number in rows or number in rules or _starts_new_block(previous_length, line)
        if current and boundary and not (line and _open_link(current)):
            yield start, current, False
            current = ""
        if number in rules:
            continue
        if number in rows and not current:
            yield number, line, True
            previous_length = 0
            continue
        if line:
            if not current:
                start, current = number, line
            else:
                current += _joiner(current, line) + line
        previous_length = len(line)
    if current:
        yield start, current, False


def _table_lines(lines: list[str]) -> tuple[set[int], set[int]]:
    """The 1-based numbers of the lines that are table rows, and of html2text's rule lines under a header."""
    rows: set[int] = set()
    rules: set[int] = set()
    run: list[int] = []
    for number, raw in enumerate([*lines, ""], start=1):
        if raw.strip():
            run.append(number)
            continue
        if len(run) >= 2:
            found_rows, found_rules = _table_in_run([lines[n - 1] for n in run])
            rows.update(run[i] for i in found_rows)
            rules.update(run[i] for i in found_rules)
        run = []
    return rows, rules


def _table_in_run(run: list[str]) -> tuple[list[int], list[int]]:
    """Positions of the rows and rule lines of a table that fills a run of non-blank lines, else nothing."""
    rules = [i for i, raw in enumerate(run) if "-" in raw and TABLE_RULE.match(raw.strip())]
    if rules:
        if any(_unbalanced(raw) for raw in run):
            return [], []  # a layout table: html2text wraps its cells' links over lines
        return _rows_under_rules(run, rules), rules
    gapped = [i for i, raw in enumerate(run) if CELL_GAP.search(raw.strip())]
    if len(gapped) < TABLE_MIN_GAPPED_ROWS:
        return [], []
    rows = [i for i, raw in enumerate(run) if i in gapped or CELL_PADDING.search(raw)]
    return (rows, []) if len(rows) == len(run) else ([], [])


def _rows_under_rules(run: list[str], rules: list[int]) -> list[int]:
    """html2text's rows: the header line above each rule line and the lines with cells below it."""
    rows: list[int] = []
    for rule in rules:
        rows += [rule - 1] if rule > 0 and "|" in run[rule - 1] else []
        below = rule + 1
        while below < len(run) and "|" in run[below] and below not in rules:
            rows.append(below)
            below += 1
    return rows


def _unbalanced(line: str) -> bool:
    return line.count("[") != line.count("]") or line.count("(") != line.count(")")


def _open_link(text: str) -> bool:
    """True inside an unfinished markdown link or image, which a renderer may wrap over lines."""
    if "[" not in text and "](" not in text:
        return False
    text = ESCAPED_BRACKET.sub("", text) if "\\" in text else text
    return text.count("[") > text.count("]") or text.rfind("](") > text.rfind(")")


def _joiner(text: str, line: str) -> str:
    """What joins a wrapped line to the text before it."""
    if "](" in text:
        text = ESCAPED_BRACKET.sub("", text) if "\\" in text else text
        if text.rfind("](") > text.rfind(")"):
            return ""  # html2text breaks long URLs after a hyphen; inside a link target the pieces belong together
    if text[-1] == "-" and line[0].isalpha() and WRAPPED_HYPHEN.search(text) and not HYPHEN_CONJUNCTION.match(line):
        return ""
    return " "


def _starts_new_block(previous_length: int, line: str) -> bool:
    if not WRAP_MIN_CHARS <= previous_length <= WRAP_MAX_CHARS:
        return True
    return line[0] in MARKER_FIRST_CHARS and bool(LIST_MARKER.match(line) or MARKDOWN_HEADING.match(line))


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
