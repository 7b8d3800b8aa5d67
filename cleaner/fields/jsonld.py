"""Read the schema.org JSON-LD objects of a page: the article, its people, publisher and breadcrumbs."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from cleaner.fields.tagged import Tagged

# Types whose object describes the article itself (schema.org Article and its subtypes in use).
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "scholarlyarticle",
    "techarticle", "liveblogposting", "socialmediaposting", "report", "posting", "review",
    "advertisercontentarticle", "satiricalarticle", "medicalscholarlyarticle", "howto", "recipe",
})
# A live blog declares itself so (schema.org LiveBlogPosting), beside the NewsArticle some sites also give it.
LIVE_BLOG_TYPE = "liveblogposting"
PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage", "medicalwebpage"})
SITE_TYPES = frozenset({"website", "organization", "newsmediaorganization", "corporation"})
META_JSONLD_NAME = "script:ld+json"
# The letters of "LD+JSON" lower-cased, and no others: a type is matched as XPath's translate() reads it.
LDJSON_LOWER = str.maketrans("LDJSON", "ldjson")
CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")


@dataclass(frozen=True, slots=True)
class JsonLd:
    """What the JSON-LD of a page says about its article."""

    is_article: bool = False  # the described object is an Article, not a plain WebPage
    is_live_blog: bool = False  # the page is a schema.org LiveBlogPosting: a stream of updates
    headline: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    authors: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()  # authors that are organisations, e.g. a wire agency
    typed_people: tuple[str, ...] = ()  # authors declared with "@type": "Person"
    publisher: str | None = None
    section: str | None = None
    keywords: tuple[str, ...] = ()
    language: str | None = None
    url: str | None = None
    breadcrumbs: tuple[str, ...] = ()


def jsonld_of(tagged: Tagged) -> JsonLd:
    """The JSON-LD facts of a page from its scripts and <meta> elements."""
    objects = [obj for text in _scripts(tagged) for obj in _flatten(_load(text))]
    article = _pick_article(objects)
    site = next((o for o in objects if _types(o) & SITE_TYPES), None)
    publisher = _name(article.get("publisher")) if article else None
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str) and len(obj) > 1}
    people, organisations, typed = _people(_resolve(article.get("author"), by_id) if article else None)
    return JsonLd(
        is_article=bool(article and _types(article) & ARTICLE_TYPES),
        is_live_blog=any(LIVE_BLOG_TYPE in _types(obj) for obj in objects),
        headline=_text(article.get("headline") or article.get("name")) if article else None,
        date_published=_text(article.get("datePublished") or article.get("dateCreated"))
        if article else None,
        date_modified=_text(article.get("dateModified")) if article else None,
        authors=people,
        organisations=organisations,
        typed_people=typed,
        publisher=publisher or (_name(site) if site else None),
        section=_first_text(article.get("articleSection")) if article else None,
        keywords=_keywords(article.get("keywords")) if article else (),
        language=_text(article.get("inLanguage")) if article else None,
        url=_text(article.get("url")) if article else None,
        breadcrumbs=_breadcrumbs(objects),
    )


def _scripts(tagged: Tagged) -> list[str]:
    """The JSON-LD texts: <script type="application/ld+json"> blocks, and the <meta name="script:ld+json">
    a framework writes when it is given a script descriptor as a metadata entry (Next.js `metadata.other`)."""
    scripts = [CDATA.sub("", script.text or "") for script in tagged.scripts if is_jsonld(script)]
    return scripts + [m.get("content") for m in tagged.metas
                      if m.get("name") == META_JSONLD_NAME and m.get("content") is not None]


def is_jsonld(script) -> bool:
    """Whether a script's type names JSON-LD (as XPath's contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json'))."""
    return "ld+json" in (script.get("type") or "").translate(LDJSON_LOWER)


def _load(text: str):
    try:
        return json.loads(text)
    except RecursionError:  # nested past the parser's stack: no metadata is that deep
        return None
    except ValueError:
        # Pages often leave raw newlines inside strings; a lenient retry saves most of them.
        try:
            return json.loads(text, strict=False)
        except (ValueError, RecursionError):
            return None


def _flatten(data):
    """Every dict in a JSON-LD value: lists, @graph and mainEntity are opened."""
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity"):
            if isinstance(data.get(key), (list, dict)):
                yield from _flatten(data[key])


def _types(obj: dict) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.casefold() for k in kinds if isinstance(k, str)}


def _pick_article(objects: list[dict]) -> dict | None:
    for wanted in (ARTICLE_TYPES, PAGE_TYPES):
        for obj in objects:
            if _types(obj) & wanted and (obj.get("headline") or obj.get("datePublished")):
                return obj
    return None


def _text(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, (str, int, float)) and str(value).strip():
        return " ".join(html.unescape(str(value)).split())
    return None


def _first_text(value) -> str | None:
    return _text(value[0] if isinstance(value, list) and value else value)


def _name(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return _text(value)


def _resolve(value, by_id: dict):
    """Authors given as {"@id": …} references (Yoast graphs) replaced by the node they point to."""
    items = value if isinstance(value, list) else [value]
    return [by_id.get(item.get("@id"), item) if isinstance(item, dict) and "@id" in item else item
            for item in items]


def _people(value) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """Author names split into people and organisations, and the people typed as Person."""
    people: list[str] = []
    organisations: list[str] = []
    typed: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip() and not item.startswith("http"):
            people.append(_text(item))
        elif isinstance(item, dict):
            name = _name(item)
            if not name or name.startswith("http"):
                continue
            is_person = not _types(item) or "person" in _types(item)
            (people if is_person else organisations).append(name)
            typed.extend([name] if "person" in _types(item) else [])
    return tuple(people), tuple(organisations), tuple(typed)


def _keywords(value) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return ()
    return tuple(dict.fromkeys(k.strip() for k in value if isinstance(k, str) and k.strip()))


def _breadcrumbs(objects: list[dict]) -> tuple[str, ...]:
    for obj in objects:
        if "breadcrumblist" in _types(obj) and isinstance(obj.get("itemListElement"), list):
            items = sorted(
                (i for i in obj["itemListElement"] if isinstance(i, dict)),
                key=lambda i: i.get("position") if isinstance(i.get("position"), int) else 0,
            )
            names = (_text(i.get("name")) or _name(i.get("item"))
                     if isinstance(i.get("item"), dict) else _text(i.get("name")) for i in items)
            return tuple(n for n in names if n)
    return ()
