"""Choose a page's authors and wire agency: JSON-LD people, then <meta> authors, then the visible byline."""

from __future__ import annotations

import re

from cleaner.fields.agencies import canonical_agency, fold
from cleaner.fields.author_metadata import jsonld_byline, meta_byline
from cleaner.fields.html_byline import (MAX_BYLINE_CHARS, SCRIPT_TAGS, in_other_context, other_role_names,
                                        visible_byline)
from cleaner.fields.page import PageFacts
from cleaner.fields.people import Byline
from cleaner.fields.person_name import person_shaped

# A wire story's first paragraph opens with a dateline crediting the agency: "WASHINGTON (AP) — …".
WIRE_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .,'/-]{1,60}\((?P<agency>[^()]{2,30})\)\s*[—–-]")
# A credit line printed alone ("The Associated Press", "— The Canadian Press") is this short.
MAX_CREDIT_CHARS = 40
CREDIT_BY = re.compile(r"^(?:by|von|par|por)\s+", re.IGNORECASE)
CREDIT_EDGES = " \t-–—|•·:,;©()"


def choose_byline(facts: PageFacts) -> Byline:
    """The authors and agency of a page, with the byline as printed when one is visible."""
    visible = visible_byline(facts)
    agency = None
    structured = (jsonld_byline(facts), meta_byline(facts))
    for found in (*structured, visible):
        agency = agency or found.agency
        if found.authors:
            printed = visible.byline if visible.authors else found.byline
            authors = _fuller_list(found.authors, structured[1])
            return Byline(printed, _without_other_roles(authors, facts), agency)
    if agency:
        return Byline(visible.byline, (), agency)
    for found in (jsonld_byline(facts, site_named=True), meta_byline(facts, site_named=True)):
        if found.authors:
            return found
    return _printed_wire_credit(facts)


def _fuller_list(authors: tuple[str, ...], meta: Byline) -> tuple[str, ...]:
    """The authors, or the <meta> tags' longer list naming them all and only people besides: some
    JSON-LD names the first author alone. (A visible byline is no such list: the names printed
    around it include photo credits and editors.)"""
    named = {name.casefold() for name in authors}
    extra = [name for name in meta.authors if name.casefold() not in named]
    if extra and named <= {name.casefold() for name in meta.authors} and all(map(person_shaped, extra)):
        return meta.authors
    return authors


def _without_other_roles(authors: tuple[str, ...], facts: PageFacts) -> tuple[str, ...]:
    """The authors without those the page credits for another role ("Contributions from Jane Roe"):
    some metadata lists every contributor as an author. A list naming only such people is kept."""
    if len(authors) < 2:
        return authors
    others = other_role_names(facts)
    writers = tuple(name for name in authors if fold(name) not in others)
    return writers or authors


def _printed_wire_credit(facts: PageFacts) -> Byline:
    """An agency credited in the text only: "WASHINGTON (AP) — …" or a line "The Associated Press".

    A lone credit line counts only in a several-word spelling: "AP" or "PA" alone is a menu entry.
    """
    for paragraph in facts.tree.xpath("//body//p"):
        match = WIRE_DATELINE.match(facts.text(paragraph)[:MAX_BYLINE_CHARS])
        if match and canonical_agency(match["agency"]) and not in_other_context(paragraph, facts):
            return Byline(match["agency"], (), canonical_agency(match["agency"]))
    for element in facts.body_elements(SCRIPT_TAGS):
        text = facts.short_text(element, MAX_CREDIT_CHARS)
        if not text:
            continue
        credit = CREDIT_BY.sub("", text.strip(CREDIT_EDGES))
        agency = canonical_agency(credit) if len(credit.split()) >= 2 else None
        if agency and not in_other_context(element, facts):
            return Byline(credit, (), agency)
    return Byline(None)
