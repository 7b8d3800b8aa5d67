"""The authors a page's metadata names: JSON-LD people and organisations, <meta> author fields, Twitter cards."""

from __future__ import annotations

import re

from cleaner.fields.agencies import canonical_agency
from cleaner.fields.page import PageFacts
from cleaner.fields.people import Byline, combine_bylines, parse_byline
from cleaner.fields.person_name import person_shaped

# <meta> names and properties naming the author, in the order they are trusted.
AUTHOR_META = (
    "author", "article:author", "og:article:author", "parsely-author", "sailthru.author",
    "dc.creator", "dcterms.creator", "byl", "citation_author", "cxenseparse:author",
)
# A Twitter card pair naming the author: twitter:labelN "Written by" and twitter:dataN "Jane Doe" (Yoast).
WRITER_CARD_LABEL = re.compile(
    r"^(?:written by|author|by|geschrieben von|verfasst von|autor(?:in)?|écrit par|auteur|escrito por"
    r"|scritto da|geschreven door|napisane przez|skrivet av|skrevet af)\s*:?$", re.IGNORECASE)
# Card pairs read: Yoast prints two (author, reading time); a bound on the loop, not a tuned value.
MAX_WRITER_CARDS = 4
# A citation's "Last, First" name ("Roy, Aniruddha").
LAST_FIRST = re.compile(r"^(?P<last>[^\W\d_][\w'-]+),\s*(?P<first>[^\W\d_][\w.'-]*(?:\s+[\w.'-]+)?)$")
# A news article credits a few people; metadata listing more is a data dump, read no further (20,000 JSON-LD
# authors took 8 s to read one by one).
MAX_METADATA_NAMES = 100
# One author value this long is no name or list of names (the longest in the bench golds is 125 characters);
# a 2 MB <meta> author field took 7 s to read.
MAX_METADATA_NAME_CHARS = 1000
# An author field giving a profile address instead of a name.
URL_START = re.compile(r"^(?:https?:)?//|^www\.")


def jsonld_byline(facts: PageFacts, *, site_named: bool = False) -> Byline:
    """The JSON-LD authors; with site_named, also an untyped author named like the site (a blogger's own)."""
    bylines = _read_names(facts.jsonld.authors, facts, site_named)
    agencies = [a for a in map(canonical_agency, facts.jsonld.organisations) if a]
    if agencies:
        bylines.append(Byline(agencies[0], (), agencies[0]))
    return combine_bylines(bylines, "; ".join(facts.jsonld.authors) or None)


def _read_names(names, facts: PageFacts, site_named: bool) -> list[Byline]:
    """Each metadata name read as a byline; lower case is a name here, and a blogger's own name is no site."""
    readable = [name for name in names[:MAX_METADATA_NAMES] if len(name) <= MAX_METADATA_NAME_CHARS]
    return [parse_byline(name, site=None if _is_blogger(name, facts, site_named) else facts.site, lowercase=True)
            for name in readable]


def _is_blogger(name: str, facts: PageFacts, site_named: bool = False) -> bool:
    """A Person named like the site is the blogger whose site it is ("Sam Bossley" on his own blog);
    a brand typed as Person is printed in capitals ("USA TODAY").

    An author given without a type (a plain string, <meta name="author">) counts when shaped like a
    person's name and only as a last resort (site_named): a company names itself the same way.
    """
    if any(len(word) > 1 and word.isupper() for word in name.split()):
        return False
    return name in facts.jsonld.typed_people or site_named and person_shaped(name)


def meta_byline(facts: PageFacts, *, site_named: bool = False) -> Byline:
    """The first <meta> author field naming someone; site_named as for jsonld_byline."""
    for key in (*AUTHOR_META, None):
        names = [n for n in facts.meta.all(key) if not _is_url(n)] if key else _writer_cards(facts)
        if key and key.startswith(("citation_", "dc.")):
            names = [_first_name_first(n) for n in names]
        if names:
            found = combine_bylines(_read_names(names, facts, site_named), "; ".join(names))
            if found.authors or found.agency:
                return found
    return Byline(None)


def _writer_cards(facts: PageFacts) -> list[str]:
    """The names a Twitter card prints under a "Written by" label (twitter:label1 / twitter:data1).

    The card names the account that posted; a page whose metadata names another author (a brand's
    sponsored post) is credited to that one, so the card counts only on a page naming no author at all.
    """
    named = (value for key in AUTHOR_META for value in facts.meta.all(key) if not _is_url(value))
    if facts.jsonld.authors or facts.jsonld.organisations or any(named):
        return []
    names = []
    for number in range(1, MAX_WRITER_CARDS + 1):
        label = facts.meta.first(f"twitter:label{number}") or ""
        if WRITER_CARD_LABEL.match(label.strip()):
            names.extend(facts.meta.all(f"twitter:data{number}"))
    return names


def _first_name_first(name: str) -> str:
    """ "Roy, Aniruddha" (a citation's "Last, First") -> "Aniruddha Roy"; other names unchanged."""
    match = LAST_FIRST.match(name)
    return f"{match['first']} {match['last']}" if match else name


def _is_url(text: str) -> bool:
    return bool(URL_START.match(text.strip()))
