"""The facts about a page that every field chooser reads: its tree, <meta> values and JSON-LD."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cleaner.fields.jsonld import JsonLd, jsonld_of
from cleaner.fields.tagged import Tagged, tagged_elements
from cleaner.fields.text_index import TextIndex

# Microdata naming the page an article (schema.org Article, NewsArticle, BlogPosting, ...) with its
# publication date, found by the attribute axis (a walk over the attributes, not every element).
MICRODATA_ARTICLE = ("//@itemscope/parent::*[contains(@itemtype,'Article') or contains(@itemtype,'BlogPosting')]"
                     "[.//*[@itemprop='datePublished']]")
# Class names marking an author or a byline ("post-author", "AUTHOR", "byline"), and the links to an
# author's page, that mark an element as the author's. The class and rel of the body's elements are read from
# the text index, whose elements are at hand: a query walking the page's attributes took twice as long.
AUTHOR_CLASS = re.compile("uthor|UTHOR|yline|YLINE")
AUTHOR_PAGE_LINK = re.compile("/(?:authors?|autor|auteur|writers)/")


@dataclass(frozen=True, slots=True)
class MetaTags:
    """The <meta> values of a page by lower-cased name, property, itemprop or http-equiv."""

    values: dict[str, tuple[str, ...]]

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.values.get(key, ()):
                return value
        return None

    def all(self, key: str) -> tuple[str, ...]:
        return self.values.get(key, ())


@dataclass(frozen=True, slots=True)
class PageHead:
    """What a page declares about itself, read once and shared by the segmenter and the field readers."""

    meta: MetaTags
    jsonld: JsonLd
    declares_article: bool  # OpenGraph, JSON-LD or microdata call the page an article
    tagged: Tagged  # the elements readers look up by tag or by microdata (see fields/tagged.py)


def read_head(tree) -> PageHead:
    """The page's <meta> values, its JSON-LD, and whether either (or microdata) calls it an article."""
    tagged = tagged_elements(tree)
    meta, jsonld = meta_tags(tagged.metas), jsonld_of(tagged)
    return PageHead(meta, jsonld, declares_article(tree, meta, jsonld), tagged)


def declares_article(tree, meta: MetaTags, jsonld: JsonLd) -> bool:
    """Whether the page calls itself an article: listicles of linked headlines do, front pages do not, and
    other pages carry template dates in their metadata."""
    return (jsonld.is_article or (meta.first("og:type") or "").casefold() == "article"
            or bool(meta.first("article:published_time")) or bool(tree.xpath(MICRODATA_ARTICLE)))


@dataclass(frozen=True, slots=True)
class PageFacts:
    """Everything the field choosers read: the tree and its metadata, read once."""

    tree: object
    head: PageHead
    url: str | None
    site: str | None
    not_after: str
    texts: TextIndex  # every element in document order and its text, from one walk
    # The headline element (see _headline_element), found once: the byline and date readers all ask for it.
    headline: object = field(init=False, default=None)
    # The elements marked as author, in document order, found once: the byline reader and the reader of
    # the names credited for another role both go through them.
    author_marked: tuple = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "headline", _headline_element(self))
        object.__setattr__(self, "author_marked", _author_marked(self))

    @property
    def meta(self) -> MetaTags:
        return self.head.meta

    @property
    def jsonld(self) -> JsonLd:
        return self.head.jsonld

    @property
    def declares_article(self) -> bool:
        return self.head.declares_article

    @property
    def elements(self) -> tuple:
        """Every element of the tree in document order."""
        return self.texts.elements

    @property
    def order(self) -> dict:
        """Element -> its index in `elements`."""
        return self.texts.order

    def in_body(self, element) -> bool:
        """Whether the element stands under <body> (as "//body//*" finds it), read from the index."""
        body = self.tree.find("body")
        if body is None:
            return False
        start = self.texts.order[body]
        return start < self.texts.order[element] < self.texts.last_descendant[start]

    def in_document_order(self, *groups) -> tuple:
        """The elements of the groups, each once, in document order (as an XPath union)."""
        return tuple(sorted({element for group in groups for element in group}, key=self.texts.order.__getitem__))

    def with_itemprop(self, value: str) -> list:
        """The elements whose itemprop is `value`, in document order."""
        return [element for element in self.head.tagged.itemprops if element.get("itemprop") == value]

    def text(self, element) -> str:
        """The element's text with a space between its pieces ("By<a>Jane</a>" reads "By Jane"), from the index."""
        return self.texts.text(element)

    def short_text(self, element, limit: int) -> str | None:
        """The element's text when it is at most `limit` characters, else None; from the index."""
        return self.texts.short(element, limit)

    def text_before(self, element, pieces: int) -> str:
        """The last `pieces` text pieces printed before the element (its ancestors' text included)."""
        index = self.texts.order.get(element)
        if index is None:
            return ""
        start = self.texts.first[index]
        return " ".join(self.texts.pieces[max(0, start - pieces):start])

    def holds_h1(self, element) -> bool:
        """Whether an <h1> stands inside the element, read from the index."""
        return self.texts.holds_h1(element)

    def body_elements(self, skipped: frozenset[str] = frozenset()) -> list:
        """The elements under <body> in document order (as "//body//*"), without the skipped tags."""
        body = self.tree.find("body")
        return [] if body is None else self.texts.descendants(body, skipped)


def _author_marked(facts: PageFacts) -> tuple:
    """The elements under body marked as author (class, rel, itemprop, profile link), in document order."""
    body = facts.tree.find("body")
    if body is None:
        return ()
    start = facts.order[body]
    inside = facts.elements[start + 1 : facts.texts.last_descendant[start]]
    by_name = [
        e for e in inside if ((names := e.get("class")) and AUTHOR_CLASS.search(names)) or e.get("rel") == "author"
    ]
    links = facts.head.tagged.anchors
    by_link = [a for a in links if AUTHOR_PAGE_LINK.search(a.get("href") or "") and facts.in_body(a)]
    by_itemprop = [e for e in facts.with_itemprop("author") if e is not body and facts.in_body(e)]
    return facts.in_document_order(by_name, by_link, by_itemprop)


def meta_tags(elements: Iterable) -> MetaTags:
    """The contents of the <meta> elements under every name they carry."""
    values: dict[str, list[str]] = {}
    for element in elements:
        content = " ".join((element.get("content") or "").split())
        if not content:
            continue
        for attribute in ("name", "property", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().casefold()
            if key:
                values.setdefault(key, []).append(content)
    return MetaTags({key: tuple(found) for key, found in values.items()})


def near_headline(facts: PageFacts, distance: int) -> list:
    """The elements within `distance` (document order) of the headline, nearest first.

    The headline is the first h1; on a page without one, the first heading or title-classed element
    printing the start of the metadata title.
    """
    headline = facts.headline
    if headline is None:
        return []
    elements = facts.elements
    anchor = facts.order[headline]
    before = elements[max(0, anchor - distance) : anchor][::-1]
    after = elements[anchor + 1 : anchor + 1 + distance]
    # interleaved by slice assignment: the one before the headline first at equal distance
    steps: list = [None] * (2 * max(len(before), len(after)))
    steps[0 : 2 * len(before) : 2] = before
    steps[1 : 2 * len(after) : 2] = after
    return [elements[anchor]] + [element for element in steps if element is not None]


def headline_position(facts: PageFacts) -> int | None:
    """The headline's index in document order (as near_headline finds it), or None."""
    return None if facts.headline is None else facts.order[facts.headline]


# A stand-in headline must print at least this much of the metadata title.
MIN_HEADLINE_PREFIX_CHARS = 12
# A plain text block stands in for the headline only when it prints this much of the title: twice what a
# heading needs, as far more text blocks than headings print a few words that open the title.
MIN_STAND_IN_LINE_CHARS = 24
# Headings are read up to this much longer than the title: the spaces and punctuation between its letters
# (the comparison is on letters and digits only).
HEADLINE_SLACK_CHARS = 20
# A heading rewording the title (no h1, no heading printing the title's start) is read only for a title part of
# four or more words; it prints this share of the part's words, is at most this many times as long as the title,
# and opens the story: at most this share of the page's text stands before it (tuned on naeb and wcxb-articles: the
# two reworded headlines had 9% and 14% of the text before them, a teaser heading printing a title 95%).
TITLE_PARTS = re.compile(r"\s+[|\-–—·•»]\s+|\s*\|\s*")
WORD = re.compile(r"\w+")
MIN_REWORDED_TITLE_WORDS = 4
MIN_REWORDED_WORD_SHARE = 0.8
MAX_REWORDED_LENGTH_RATIO = 3
MAX_TEXT_SHARE_BEFORE_HEADLINE = 0.5
SUBHEADINGS = "//body//*[self::h2 or self::h3][not(ancestor::nav)]"
NOT_HEADLINE_TAGS = frozenset({"script", "style", "noscript", "a", "li", "option", "button", "title"})
# Headings that may stand in for a missing h1 (with the elements classed as a title or headline).
STAND_IN_TAGS = frozenset({"h2", "h3"})
STAND_IN_CLASSES = ("title", "headline")


def _headline_element(facts: PageFacts):
    """The h1 printing the start of the metadata title (a page may have a logo or "Search" h1 first),
    else the first h1; on a page without h1, the first heading printing the start of the title."""
    headings = list(facts.head.tagged.h1s)
    title = facts.meta.first("og:title", "twitter:title") or " ".join(facts.head.tagged.title_texts[:1])
    key = _letters(title)
    if headings and len(key) >= MIN_HEADLINE_PREFIX_CHARS:
        printing = (h for h in headings if _prints_title_start(facts, h, key, len(title)))
        found = next(printing, None)
        found = _stand_in_before(facts, headings[0], key, len(title)) if found is None else found
        return headings[0] if found is None else found
    if headings:
        return headings[0]
    if len(key) < MIN_HEADLINE_PREFIX_CHARS:
        return None
    stand_in = _stand_in_before(facts, None, key, len(title))
    if stand_in is not None:
        return stand_in
    line = _line_printing_title(facts, key, len(title))
    return line if line is not None else _heading_rewording_title(facts, title)


def _stand_in_before(facts: PageFacts, h1, key: str, title_chars: int):
    """The first heading or title-classed element printing the title's start, before the h1 when there is
    one: a blog printing its headline as <h2> and the post's sections as <h1>."""
    limit = facts.order[h1] if h1 is not None else len(facts.elements)
    for element in _stand_ins(facts, limit):
        text = _letters(facts.short_text(element, title_chars + HEADLINE_SLACK_CHARS) or "")
        if len(text) >= MIN_HEADLINE_PREFIX_CHARS and key.startswith(text):
            return element
    return None


def _stand_ins(facts: PageFacts, limit: int):
    """The h2s, h3s and title-classed elements under body and outside any nav, in document order up to the
    element at `limit`: read from the index, where a query tested every element of the page, the h1 far on."""
    body = facts.tree.find("body")
    if body is None:
        return
    start = facts.order[body] + 1
    for element in facts.elements[start : min(limit, facts.texts.last_descendant[start - 1])]:
        names = element.get("class") or ""
        if element.tag in STAND_IN_TAGS or any(name in names for name in STAND_IN_CLASSES):
            if next(element.iterancestors("nav"), None) is None:
                yield element


def _heading_rewording_title(facts: PageFacts, title: str):
    """The first heading opening the story that prints the words of the title's longest part in its own
    wording: sites retitle a story for search results ("Introducing the Spice Data Accelerator | Spice" over
    the heading "Introducing Spice: The Next-Generation Data Accelerator")."""
    part = max(TITLE_PARTS.split(title), key=len)
    wanted = set(WORD.findall(part.casefold()))
    if len(wanted) < MIN_REWORDED_TITLE_WORDS:
        return None
    for element in facts.tree.xpath(SUBHEADINGS):
        words = set(WORD.findall((facts.short_text(element, len(title) * MAX_REWORDED_LENGTH_RATIO) or "").casefold()))
        if (len(wanted & words) >= MIN_REWORDED_WORD_SHARE * len(wanted)
                and facts.texts.share_before(element) <= MAX_TEXT_SHARE_BEFORE_HEADLINE):
            return element
    return None


def _line_printing_title(facts: PageFacts, key: str, title_chars: int):
    """A text block printing the title's start (a page builder's headline in a <p>), outside menus."""
    for element in facts.body_elements(NOT_HEADLINE_TAGS):
        if len(element) > 1:
            continue
        text = _letters(facts.short_text(element, title_chars + HEADLINE_SLACK_CHARS) or "")
        if len(text) >= MIN_STAND_IN_LINE_CHARS and key.startswith(text) and not element.xpath("ancestor::nav"):
            return element
    return None


def _prints_title_start(facts: PageFacts, heading, key: str, title_chars: int) -> bool:
    text = _letters(facts.short_text(heading, title_chars + HEADLINE_SLACK_CHARS) or "")
    return len(text) >= MIN_HEADLINE_PREFIX_CHARS and (key.startswith(text) or text.startswith(key))


def _letters(text: str) -> str:
    return "".join(filter(str.isalnum, text.casefold()))
