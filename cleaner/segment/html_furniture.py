"""The article's furniture around its body: photo captions and credits, and the standfirst under the headline.

Extractors leave both out of the body; here they are found by their markup next to the article's scope
and handed on with their own kind (captions go to the record's captions, a standfirst to its lead).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from lxml.html import HtmlElement

from cleaner.model import Kind
from cleaner.segment.html_blocks import Unit
from cleaner.segment.html_scope import beside_a_picture, class_and_id

# How many levels above the article's scope a caption may sit (a lead image in the article's header,
# beside the body container). Tuned on aeb/naeb/wcxb-articles.
CAPTION_LEVELS = 2
CAPTION_NAMES = re.compile(r"caption|credit", re.IGNORECASE)
# Captions of teaser cards (related stories, galleries of other articles) are not the article's.
FOREIGN_NAMES = re.compile(
    r"related|recommend|popular|trending|promo(?!ted\b)|teaser|more-|read-?more|sidebar|widget|outbrain|taboola|"
    r"card|carousel|slider|\bnav|menu|footer|newsletter|\bads?\b|advert|sponsor",
    re.IGNORECASE,
)
FOREIGN_TAGS = frozenset("aside nav footer form".split())
# Headings and list items inside a figure are a slideshow's or a product card's text, not its caption.
CAPTION_KINDS = frozenset({Kind.PARAGRAPH, Kind.CAPTION})
# A caption is mostly plain text and short.
MAX_CAPTION_LINK_SHARE = 0.5
MAX_CAPTION_CHARS = 600

DEK_NAMES = re.compile(
    r"(?<![^\W_])dek(?![^\W_])|deck|standfirst|sub-?title|sub-?headline|(?<![^\W_])subhead(?![^\W_])|summary|intro"
    r"|lede|(?<![^\W_])lead(?![^\W_])|description|"
    r"teaser|excerpt|strapline",
    re.IGNORECASE,
)
# The standfirst is one of the first units after the headline, a sentence or two of plain text.
# Tuned on aeb/naeb/wcxb-articles.
DEK_MAX_UNITS_AFTER_H1 = 3
# A block named as the standfirst ("article__lead") may stand below the dateline, category and byline lines.
NAMED_DEK_MAX_UNITS_AFTER_H1 = 6
MIN_DEK_CHARS = 40
MAX_DEK_CHARS = 400
MIN_DEK_WORDS = 7
MAX_DEK_LINK_SHARE = 0.2
# A subheading under the headline is a standfirst when the extractor takes it; the bench golds leave it out.
DEK_TAGS = frozenset("h2 h3 h4 h5 h6".split())
BYLINE_START = re.compile(r"^(by|von|par|por|door|di)\s", re.IGNORECASE)
# A credit or timestamp line ("Jane Roe and John Doe, Associated Press", "5:45 AM PST 11/19/2019") is not a
# standfirst: mostly capitalised words, or a clock time.
MAX_DEK_CAPITALISED_SHARE = 0.5
CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


def _caption_like(unit: Unit, area: HtmlElement, marks: dict[HtmlElement, tuple[bool, bool]]) -> bool:
    """Whether the unit is a caption or credit by its markup, and no teaser card holds it."""
    if not any(element is area for element in unit.chain):
        return False
    found = False
    for element in unit.chain:
        if element is area:
            return found
        if element not in marks:
            marks[element] = _caption_marks(element)
        foreign, caption = marks[element]
        if foreign:
            return False
        found = found or caption
    return False


def _caption_marks(element: HtmlElement) -> tuple[bool, bool]:
    """Whether the element marks a teaser card (foreign to the article), and whether it marks a caption."""
    names = class_and_id(element)
    foreign = element.tag in FOREIGN_TAGS or bool(names and FOREIGN_NAMES.search(names))
    caption = element.tag in ("figcaption", "figure") or element.get("itemprop") == "caption"
    return foreign, caption or bool(names and CAPTION_NAMES.search(names))


def _caption_area(scope: HtmlElement) -> HtmlElement:
    area = scope
    for _ in range(CAPTION_LEVELS):
        parent = area.getparent()
        if parent is None or area.tag == "body":
            break
        area = parent
    return area


def mark_captions(units: Sequence[Unit], in_main: list[bool], scope: HtmlElement | None) -> tuple[list[Unit], list[bool]]:
    """Captions and credits in or beside the article's scope become CAPTION units of the article: by their
    markup, or as the only text of a picture's box among the article's paragraphs."""
    if scope is None:
        return list(units), in_main
    area = _caption_area(scope)
    out_units, out_main = list(units), list(in_main)
    marks: dict[HtmlElement, tuple[bool, bool]] = {}  # an element's marks, read once for all its units
    lengths: dict[HtmlElement, tuple[int, bool]] = {}  # the text lengths known of the boxes above the units
    for i, unit in enumerate(units):
        if in_main[i] or unit.kind not in CAPTION_KINDS or len(unit.text) > MAX_CAPTION_CHARS:
            continue
        if unit.link_chars > MAX_CAPTION_LINK_SHARE * len(unit.text):
            continue
        if not (_caption_like(unit, area, marks) or beside_a_picture(unit, area, lengths)):
            continue
        out_units[i], out_main[i] = replace(unit, kind=Kind.CAPTION), True
    return out_units, out_main


def _headline_index(units: Sequence[Unit], in_main: Sequence[bool]) -> int | None:
    """The last h1 before the article's first unit."""
    first = next((i for i, main in enumerate(in_main) if main), None)
    if first is None:
        return None
    return next((i for i in range(first - 1, -1, -1) if units[i].element.tag == "h1"), None)


def _reads_like_dek(unit: Unit) -> bool:
    text = unit.text
    return (
        unit.kind in (Kind.PARAGRAPH, Kind.HEADING)
        and MIN_DEK_CHARS <= len(text) <= MAX_DEK_CHARS
        and len(text.split()) >= MIN_DEK_WORDS
        and unit.link_chars <= MAX_DEK_LINK_SHARE * len(text)
        and not BYLINE_START.match(text)
        and not CLOCK_TIME.search(text)
        and _capitalised_share(text) <= MAX_DEK_CAPITALISED_SHARE
    )


def _capitalised_share(text: str) -> float:
    words = [w for w in text.split() if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) / max(len(words), 1)


def _named_dek(unit: Unit, headline: HtmlElement) -> bool:
    """The unit's element, or a wrapper of it that does not hold the headline, is named as a standfirst."""
    for element in unit.chain:
        if headline in element.iterancestors() or element in headline.iterancestors():
            return False
        names = class_and_id(element)
        if names and DEK_NAMES.search(names):
            return True
    return False


def _paragraph_after(unit: Unit, headline: HtmlElement) -> bool:
    """A paragraph or a subheading printed right after the headline."""
    return (unit.element.tag == "p" or unit.element.tag in DEK_TAGS) and unit.element.getprevious() is headline


def name_standfirst(units: Sequence[Unit], in_main: list[bool]) -> list[Unit]:
    """The standfirst printed under the headline and left out of the body, as a LEAD unit: the record's
    lead, not its text."""
    h1 = _headline_index(units, in_main)
    out_units = list(units)
    if h1 is None:
        return out_units
    headline = units[h1].element
    for i in range(h1 + 1, min(h1 + 1 + NAMED_DEK_MAX_UNITS_AFTER_H1, len(units))):
        unit = units[i]
        if in_main[i]:
            break
        near = i - h1 <= DEK_MAX_UNITS_AFTER_H1
        if _reads_like_dek(unit) and (_named_dek(unit, headline) or near and _paragraph_after(unit, headline)):
            out_units[i] = replace(unit, kind=Kind.LEAD)
            break
    return out_units


def without_dek(units: Sequence[Unit], in_main: list[bool], scope: HtmlElement | None) -> list[bool]:
    """The chosen units without a standfirst the extractor took: a subheading printed right under the
    headline, beside it or outside the article's container, before the story's first unit."""
    first = next((i for i, main in enumerate(in_main) if main), None)
    h1 = _headline_index(units, in_main)
    if scope is None or first is None or h1 is None or first - h1 > DEK_MAX_UNITS_AFTER_H1:
        return in_main
    unit = units[first]
    beside_headline = unit.element.getparent() is units[h1].element.getparent()
    if unit.element.tag not in DEK_TAGS or not (beside_headline or all(e is not scope for e in unit.chain)):
        return in_main
    kept = list(in_main)
    kept[first] = False
    return kept
