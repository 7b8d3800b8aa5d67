"""Read the metadata fields of an HTML page: url, site, section, title, people, date, language, tags.

Every reader works on the lxml document the pipeline parsed once, and only reads it.
"""

from __future__ import annotations

import datetime
import re
from urllib.parse import urljoin, urlsplit

from cleaner.fields.html_authors import choose_byline
from cleaner.fields.html_date import choose_date
from cleaner.fields.html_title import choose_title, matches_site, page_title
from cleaner.fields.jsonld import JsonLd
from cleaner.fields.page import MetaTags, PageFacts, PageHead, read_head
from cleaner.fields.text_index import index_text
from cleaner.model import Fields

# The <title> suffix read as a site name is short: a headline is longer.
MAX_SITE_WORDS = 4
TITLE_SEPARATORS = re.compile(r"\s+[|\-–—·•»:]\s+|\s*::\s*")
# Keyword values that name the kind of page, not its subject.
PAGE_TYPE_TAGS = frozenset({"article", "news", "story", "page", "post", "blog", "webpage", "newsarticle",
                            "blogposting", "default", "none", "null", "undefined"})
# Desk and taxonomy codes ("MCAT:US", "N-US-2019", "reuters:topic_x"), not names; "COVID-19" is a name.
CODE_TAG = re.compile(r"^[A-Z0-9]+(?:[:_][A-Za-z0-9]+)+$|^[A-Z0-9]+(?:-[A-Z0-9]+){2,}$|^[a-z]+:\S+$")
# The letters of "CANONICAL" lower-cased, and no others: a <link rel> is read as XPath's translate() reads it.
CANONICAL_LOWER = str.maketrans("CANONICAL", "canonical")
BREADCRUMB_HOME = frozenset({"home", "startseite", "accueil", "inicio", "início", "главная", "anasayfa"})


def read_html_fields(
    tree, *, url: str | None = None, crawl_date: str | None = None, article: bool = True, head: PageHead | None = None
) -> Fields:
    """Read the metadata of a parsed HTML page.

    Args:
        tree: an lxml.html document (not modified).
        url: where the page came from, used when the page names no canonical url.
        crawl_date: ISO date of the crawl; no date after it is accepted (default: today).
        article: False when the page holds no article (a front page of teasers): its title is then the
            page's own, not a teaser's heading.
        head: the page's declarations when the caller has read them already (read here otherwise).

    Returns:
        Fields with url, site, section, title, byline, authors, agency, date, language and
        categories; lead and captions are left empty.
    """
    head = head or read_head(tree)
    meta, jsonld = head.meta, head.jsonld
    page_url = _canonical_url(head, url)
    site = _site_name(head, page_url)
    not_after = (crawl_date or datetime.date.today().isoformat())[:10]
    facts = PageFacts(tree, head, page_url, site, not_after, index_text(tree))
    byline = choose_byline(facts)
    return Fields(
        url=page_url,
        site=site,
        section=_section(meta, jsonld),
        title=choose_title(facts) if article else page_title(facts),
        byline=byline.byline,
        authors=byline.authors,
        agency=byline.agency,
        date=choose_date(facts),
        language=_language(tree, meta, jsonld),
        categories=_categories(meta, jsonld),
    )


def _canonical_url(head: PageHead, url: str | None) -> str | None:
    links = [link.get("href") for link in head.tagged.links
             if (link.get("rel") or "").translate(CANONICAL_LOWER) == "canonical" and link.get("href") is not None]
    for candidate in (*links, head.meta.first("og:url"), head.jsonld.url):
        if candidate and candidate.strip():
            absolute = _joined(url, candidate.strip())
            if absolute and urlsplit(absolute).scheme in ("http", "https"):
                return absolute
    return url


def _joined(base: str | None, address: str) -> str | None:
    """The address made absolute; None when it or the base cannot be parsed (an unclosed IPv6 bracket)."""
    try:
        absolute = urljoin(base or "", address)
        urlsplit(absolute)
    except ValueError:
        return None
    return absolute


def _site_name(head: PageHead, url: str | None) -> str | None:
    named = head.meta.first("og:site_name", "application-name", "al:ios:app_name") or head.jsonld.publisher
    if named:
        return named
    titles = head.tagged.title_texts
    if not titles:
        return None
    parts = TITLE_SEPARATORS.split(" ".join(titles[0].split()))
    if len(parts) < 2:
        return None
    for part in (parts[-1], parts[0]):
        if len(part.split()) <= MAX_SITE_WORDS and matches_site(part, None, url):
            return part
    return None


def _section(meta: MetaTags, jsonld: JsonLd) -> str | None:
    section = meta.first("article:section", "og:article:section", "section") or jsonld.section
    if section:
        return section
    crumbs = [c for c in jsonld.breadcrumbs if c.casefold() not in BREADCRUMB_HOME]
    # The last crumb is usually the article itself; the one before it is its section.
    return crumbs[-2] if len(crumbs) >= 2 else None


def _language(tree, meta: MetaTags, jsonld: JsonLd) -> str | None:
    root = tree.getroottree().getroot()
    for code in (root.get("lang"), root.get("xml:lang"), meta.first("og:locale"),
                 meta.first("content-language", "language", "dc.language"), jsonld.language):
        normalised = _language_code(code)
        if normalised:
            return normalised
    return None


def _language_code(code: str | None) -> str | None:
    """ "en-US" / "en_GB" / "EN" -> "en"; None for anything that is no language tag."""
    match = re.match(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$", code or "")
    return match[1].lower() if match else None


def _categories(meta: MetaTags, jsonld: JsonLd) -> tuple[str, ...]:
    tags = meta.all("article:tag") or meta.all("og:article:tag") or jsonld.keywords
    if not tags and meta.first("news_keywords"):
        tags = tuple(meta.first("news_keywords").split(","))
    cleaned = (" ".join(tag.split()) for tag in tags)
    return tuple(dict.fromkeys(tag for tag in cleaned if _is_category_name(tag)))


def _is_category_name(tag: str) -> bool:
    """A category reads as words: not an id ("105726154"), a code ("N-US-2019") nor a page type."""
    return bool(re.search(r"[^\W\d_]", tag)) and tag.casefold() not in PAGE_TYPE_TAGS and not CODE_TAG.match(tag)
