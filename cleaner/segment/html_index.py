"""Index pages: a site's front page or a section's list of teasers holds no article.

Extractors return such a page's teaser summaries as if they were one story. A teaser is a headline link to
another page, alone on its line, with at most a short summary beside it in a small card. A page whose chosen
text is mostly teasers for several other pages, and which does not call itself an article, is an index.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml.html import HtmlElement

from cleaner.segment.html_blocks import INLINE_TAGS, Unit
from cleaner.segment.html_scope import reads_like_prose, text_reaches

# The thresholds below were tuned on newspaper4k's three front-page test pages (cnn, wired, yahoo:
# teaser share 0.49, 0.56, 0.98) against the 1,394 article pages of bench aeb, naeb and wcxb-articles
# (the highest share on a page not declaring itself an article: 0.36).
# A card (headline, summary, a picture credit) is short; the container of a story's paragraph is not.
MAX_CARD_CHARS = 700
# Levels above a summary at which its card's headline may stand (card > header > h3 > a).
MAX_CARD_DEPTH = 4
# A headline names a story; "Read more" and "View webcam" do not. Scripts written without spaces
# (Chinese, Japanese, Thai) are measured in characters.
MIN_HEADLINE_WORDS = 4
MIN_UNSPACED_HEADLINE_CHARS = 8
UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# A headline link is alone on its line: its line holds at most this much other text (a bullet, a label).
HEADLINE_SLACK_CHARS = 12
# Share of the chosen text's characters in teasers at which a page is an index.
MIN_TEASER_SHARE = 0.45
# Teasers for fewer distinct pages are a story's own call-outs (a donation link under every section).
MIN_TEASER_TARGETS = 4
NOT_A_PAGE = ("#", "javascript:", "mailto:", "tel:", "data:")


def is_index_page(units: Sequence[Unit], in_main: Sequence[bool]) -> bool:
    """Whether the chosen text is mostly teasers for other pages (the caller asks only of a page that
    declares no article: listicles of linked headlines with blurbs declare one, front pages do not)."""
    chosen = [unit for unit, main in zip(units, in_main, strict=True) if main]
    teasers = [(unit, target) for unit in chosen if (target := _teaser_target(unit))]
    if len({target for _, target in teasers}) < MIN_TEASER_TARGETS:
        return False
    teaser_chars = sum(len(unit.text) for unit, _ in teasers)
    return teaser_chars >= MIN_TEASER_SHARE * sum(len(unit.text) for unit in chosen)


def _teaser_target(unit: Unit) -> str | None:
    """The page a teaser unit points to: a summary's card headline, or the linked headline itself."""
    if reads_like_prose(unit):
        return _card_headline_target(unit.element)
    if not _names_a_story(unit.text):
        return None
    link = _enclosing_link(unit)
    return _page_of(link) if link is not None else None


def _card_headline_target(element: HtmlElement) -> str | None:
    """The target of the headline link in the small card around a summary, None if it is in no card."""
    for card in list(element.iterancestors())[:MAX_CARD_DEPTH]:
        if text_reaches(card, MAX_CARD_CHARS + 1):
            return None
        for link in card.iter("a"):
            if not _is_within(link, element) and _is_headline_link(link):
                return _page_of(link)
    return None


def _is_headline_link(link: HtmlElement) -> bool:
    text = " ".join(link.text_content().split())
    if not _names_a_story(text) or not _page_of(link):
        return False
    line = link.getparent()
    while line is not None and isinstance(line.tag, str) and line.tag in INLINE_TAGS:
        line = line.getparent()
    return line is not None and not text_reaches(line, len(text) + HEADLINE_SLACK_CHARS + 1)


def _names_a_story(text: str) -> bool:
    if len(text.split()) >= MIN_HEADLINE_WORDS:
        return True
    return len(text) >= MIN_UNSPACED_HEADLINE_CHARS and bool(UNSPACED_SCRIPT.search(text))


def _enclosing_link(unit: Unit) -> HtmlElement | None:
    """The link a headline unit is, sits in, or (nearly all link text) holds."""
    for element in unit.chain[:MAX_CARD_DEPTH]:
        if element.tag == "a" and element.get("href"):
            return element
    if unit.link_chars >= len(unit.text) - HEADLINE_SLACK_CHARS:
        return next(iter(unit.element.iterfind(".//a[@href]")), None)
    return None


def _page_of(link: HtmlElement) -> str | None:
    """The linked page without query and fragment (tracking parameters do not make another page)."""
    href = (link.get("href") or "").strip()
    if not href or href.casefold().startswith(NOT_A_PAGE):
        return None
    return href.split("#", 1)[0].split("?", 1)[0] or None


def _is_within(link: HtmlElement, element: HtmlElement) -> bool:
    return link is element or any(ancestor is element for ancestor in link.iterancestors())
