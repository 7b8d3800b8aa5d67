"""The elements of a page that its readers look up by tag, collected in one walk.

Each reader asking libxml2 for its own tag (the scripts for JSON-LD, the page data and the article body,
the <meta> values, the canonical <link>, the <title>, the h1s, <time>s and author links) walked the whole page anew:
about ten walks a page, where one walk collecting all the tags costs as much as one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import lxml.etree

TAGS = ("meta", "script", "link", "title", "h1", "time", "a")
# The elements carrying microdata, found by the attribute axis (libxml2 walks it faster than it tests
# every element): the author, headline and publication date readers each looked for their own itemprop.
ITEMPROP_ELEMENTS = lxml.etree.XPath("//@itemprop/parent::*")


@dataclass(frozen=True, slots=True)
class Tagged:
    """The page's elements of a few tags, each tag's in document order."""

    metas: tuple  # every <meta>
    scripts: tuple  # every <script>
    links: tuple  # every <link>
    title_texts: tuple[str, ...]  # the text pieces of the <title> elements, as "//title/text()"
    h1s: tuple  # the <h1> elements under <body>, as "//body//h1"
    times: tuple  # every <time>
    anchors: tuple  # every <a>
    itemprops: tuple  # every element with an itemprop attribute


def tagged_elements(tree) -> Tagged:
    """The page's elements of the TAGS from one walk, and its microdata elements from another."""
    found: dict[str, list] = {tag: [] for tag in TAGS}
    for element in tree.iter(*TAGS):
        found[element.tag].append(element)
    return Tagged(
        metas=tuple(found["meta"]),
        scripts=tuple(found["script"]),
        links=tuple(found["link"]),
        title_texts=tuple(_text_pieces(found["title"])),
        h1s=_under_body(found["h1"]),
        times=tuple(found["time"]),
        anchors=tuple(found["a"]),
        itemprops=tuple(ITEMPROP_ELEMENTS(tree)),
    )


def _text_pieces(elements: Iterable) -> list[str]:
    """The elements' own text nodes in document order: each one's text, then its children's tails."""
    pieces = []
    for element in elements:
        pieces += [piece for piece in (element.text, *(child.tail for child in element)) if piece]
    return pieces


def _under_body(elements: list) -> tuple:
    return tuple(e for e in elements if next(e.iterancestors("body"), None) is not None)
