"""Choose a page's authors and wire agency: JSON-LD people, then <meta> authors, then the visible byline."""

from __future__ import annotations

import re

from cleaner.fields.page import PageFacts
from cleaner.fields.people import Byline, canonical_agency, parse_byline

AUTHOR_META = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
    "dc.creator", "dcterms.creator", "byl", "citation_author", "cxenseparse:author",
)
BYLINE_XPATH = (
    "//body//*[@rel='author' or @itemprop='author'"
    " or contains(translate(@class,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'author')"
    " or contains(translate(@class,'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz'),'byline')]"
)
NOT_BYLINE_CONTEXT = re.compile(r"comment|related|recommend|footer|sidebar|widget|promo|teaser", re.I)
# A byline is a short line; a longer element is an author biography or a whole header.
MAX_BYLINE_CHARS = 200


def choose_byline(facts: PageFacts) -> Byline:
    """The authors and agency of a page, with the byline as printed when one is visible."""
    visible = _visible_byline(facts)
    agency = None
    for found in (_jsonld_byline(facts), _meta_byline(facts), visible):
        agency = agency or found.agency
        if found.authors:
            printed = visible.byline if visible.authors else found.byline
            return Byline(printed, found.authors, agency)
    return Byline(visible.byline if agency else None, (), agency)


def _combine(bylines: list[Byline], printed: str | None) -> Byline:
    authors = tuple(dict.fromkeys(name for b in bylines for name in b.authors))
    agency = next((b.agency for b in bylines if b.agency), None)
    return Byline(printed if (authors or agency) else None, authors, agency)


def _jsonld_byline(facts: PageFacts) -> Byline:
    bylines = [parse_byline(name, site=facts.site) for name in facts.jsonld.authors]
    agencies = [a for a in map(canonical_agency, facts.jsonld.organisations) if a]
    if agencies:
        bylines.append(Byline(agencies[0], (), agencies[0]))
    return _combine(bylines, "; ".join(facts.jsonld.authors) or None)


def _meta_byline(facts: PageFacts) -> Byline:
    for key in AUTHOR_META:
        names = [n for n in facts.meta.all(key) if not _is_url(n)]
        if names:
            bylines = [parse_byline(name, site=facts.site) for name in names]
            found = _combine(bylines, "; ".join(names))
            if found.authors or found.agency:
                return found
    return Byline(None)


def _is_url(text: str) -> bool:
    return bool(re.match(r"^(?:https?:)?//|^www\.", text.strip()))


def _visible_byline(facts: PageFacts) -> Byline:
    """The first author/byline element outside comments and teasers that names someone."""
    for element in facts.tree.xpath(BYLINE_XPATH):
        if element.tag in ("meta", "link", "script", "style") or _in_other_context(element):
            continue
        text = " ".join(element.text_content().split())
        if not text or len(text) > MAX_BYLINE_CHARS:
            continue
        found = parse_byline(text, site=facts.site)
        if found.authors or found.agency:
            return found
    return Byline(None)


def _in_other_context(element) -> bool:
    for node in (element, *element.iterancestors()):
        label = f"{node.get('class', '')} {node.get('id', '')}"
        if NOT_BYLINE_CONTEXT.search(label) or node.tag in ("footer", "aside", "nav"):
            return True
    return False
