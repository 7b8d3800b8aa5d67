"""Choose a page's publication date: structured data first, then the visible dateline, then the url.

Only a date the page states counts: no modification date, no expiry date, no date after the crawl,
and no date at all when the page shows none.
"""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass

from cleaner.fields.dates import UPDATE_LOOKBEHIND, find_dates, parse_date
from cleaner.fields.page import PageFacts, near_headline

# <meta> names of the publication date, most specific first.
PUBLISHED_META = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "published_time", "datepublished", "pubdate", "publishdate",
    "publish-date", "publish_date", "publication_date", "og:pubdate", "sailthru.date",
    "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
    "dc.date.created", "dcterms.created", "citation_publication_date", "citation_date",
    "originalpublicationdate", "article.published", "cxenseparse:recs:publishtime", "published-date",
    "published_date", "date-published", "published", "date",
)
# <meta> names of the OpenGraph publication date.
OPENGRAPH_PUBLISHED = ("article:published_time", "og:article:published_time")
# <meta> names of the last modification.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified",
                 "last-modified", "dcterms.modified")
# Class or id words of elements printing a dateline.
DATELINE_CLASS = re.compile(
    r"date|time|publish|posted|dateline|byline|meta|info|datum|fecha|data", re.I)
UPDATE_CLASS = re.compile(r"updat|modif|edited|expir|comment(?!ar)|related|footer|copyright", re.I)
# Of those, the words naming a revision of the article itself (the rest are other contexts).
REVISION_CLASS = re.compile(r"updat|modif|edited", re.I)
# WordPress themes mark the publication date "entry-date published updated"; it is still the publication.
PUBLISHED_CLASS = re.compile(r"publish|entry-date|post-date|datePublished", re.I)
# A journal's history line ("Received 2022 Oct 12; Accepted 2023 Jan 7") dates the manuscript, not
# the publication.
MANUSCRIPT_HISTORY = re.compile(r"^\W{0,3}(?:received|submitted|revised|accepted)\b", re.I)
# A bare date in a table cell is data (a price history, a schedule), not a dateline.
DATA_CELL_TAGS = frozenset({"td", "th", "tr", "table"})
# A dateline is a short line; a longer text is a paragraph that mentions a date.
MAX_DATELINE_CHARS = 120
# How many elements (in document order) a dateline may stand from the headline.
MAX_DATELINE_DISTANCE = 400
# An unlabelled element that is only a date counts when this close to the headline and when the
# date is this share of its text (tuned on wcxb-articles: blogs print "December 15, 2025" alone).
MAX_BARE_DATE_DISTANCE = 40
BARE_DATE_SHARE = 0.6
# Every date reading (cleaner.fields.dates) needs a four-digit year: a text without one holds no date.
YEAR_DIGITS = re.compile(r"\d{4}")
# A day of the month printed in digits: a <time> whose text prints one ("12/19 — 2025") but reads as no
# date gives its datetime; one printing no day ("April 2025") does not claim a day.
DAY_DIGITS = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
VISIBLE_TEXT = "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]"
NOT_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title", "meta"})
UPDATE_TEXT = re.compile(
    r"updated?|modified|edited|aktualisiert|geändert|mis à jour|actualizad|atualizad|aggiornat"
    r"|bijgewerkt|zaktualizowan|обновлен|güncellen", re.I)
PUBLISHED_TEXT = re.compile(
    r"publi|posted|veröffentlicht|erschienen|gepubliceerd|opublikowan|опубликован|yayın"
    r"|기사\s*입력|입력|등록|公開|投稿|発行|发布|發佈|發布", re.I)
# A line opening with a publication label is a dateline wherever it stands near the headline:
# "Publicado em 3 de março de 2024", "기사입력 :[ 2018-08-25 15:24 ]", "Veröffentlicht am 3. März".
PUBLISHED_LABEL = re.compile(r"^\W{0,3}(?:" + PUBLISHED_TEXT.pattern + r")", re.I)
# A line opening with an update label is the page's revision dateline: "Last updated: Aug 19, 2025".
UPDATE_LABEL = re.compile(r"^\W{0,3}(?:last\s+|page\s+)?(?:" + UPDATE_TEXT.pattern + r")", re.I)
# Text ending in an update label makes the date printed after it an update: "Last updated on <a>…</a>".
UPDATE_LABEL_BEFORE = re.compile(
    r"(?:" + UPDATE_TEXT.pattern + r")(?:\s+(?:on|at|am|le|el|em|il))?\W{0,3}$", re.I)
# A label names the date it is followed by within this many characters ("Published on Monday, 3 March
# 2025 at 10:00"); a date further on belongs to a sentence (tuned on wcxb-articles).
MAX_LABEL_TO_DATE_CHARS = 30
# A publication dateline beats a nearer "Updated" line only when this close to it; further away it
# belongs to a teaser or a comment (tuned on wcxb-articles and the fixtures).
MAX_PUBLISHED_BEYOND_REVISION = 40
# How many text pieces before a dateline may hold its label ("Updated" <time>…</time>).
LABEL_PIECES = 2
# A byline or reading time may share the dateline's line ("Jane Doe • Oct 20, 2025", "May 2, 2025 ·
# 3 min read", "Jane Doe | Senior Writer | July 2, 2025"): an unlabelled line counts when the rest of it is at
# most this long (tuned on wcxb-articles: 32 missed role lines, 40-60 read the same).
MAX_DATELINE_REST_CHARS = 40
# Enough values to find a local-time twin of a UTC date, without reading a whole archive list.
MAX_STRUCTURED_VALUES = 12
MAX_UTC_OFFSET_HOURS = 14
# A UTC value and a local dateline of the same instant fall at most this many calendar days apart.
MAX_TIME_ZONE_DAYS = 1
# Microdata naming the page an article (schema.org Article, NewsArticle, BlogPosting, ...), found by
# the attribute axis (as TIME_IN_ARTICLE).
MICRODATA_ARTICLE = ("//@itemscope/parent::*[contains(@itemtype,'Article') or contains(@itemtype,'BlogPosting')]"
                     "[.//*[@itemprop='datePublished']]")
# Page data of script frameworks (Next.js, Nuxt, data layers) naming the publication date.
DATA_SCRIPTS = "//script[not(@src)][not(contains(translate(@type,'LDJSON','ldjson'),'ld+json'))]/text()"
SCRIPT_PUBLISHED = re.compile(
    r'"(?:datePublished|publishedAt|published_at|publishDate|publishedDate|publish_date|firstPublishedAt)"'
    r'\s*:\s*"(?P<value>[^"]{8,40})"')
URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2}|[a-z]{3,9})[/-](\d{1,2})(?:/|$|[-_.])", re.IGNORECASE)
# (the itemprop is found by the attribute axis, which libxml2 walks faster than a predicate on every element)
TIME_IN_ARTICLE = (
    "//@itemprop[.='datePublished']/parent::*[not(self::meta)]"
    " | //article//time[@datetime] | //header//time[@datetime] | //time[@pubdate]"
)


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A date printed by the headline, and whether the page labels it as an update."""

    value: str
    updated: bool


def choose_date(facts: PageFacts) -> str | None:
    """The publication date as ISO 8601 (time and offset kept when given), or None."""
    day_first = _day_first(facts)
    found = []
    for value in itertools.islice(_structured_values(facts), MAX_STRUCTURED_VALUES):
        parsed = parse_date(value, not_after=facts.not_after, day_first=day_first)
        if parsed:
            found.append(parsed)
    found = found or _script_dates(facts)
    printed = _visible_dateline(facts)
    if found and (_declares_article(facts) or _page_shows_day(facts, found[0])):
        twins = found[1:] + [t for t in map(_parse_iso, facts.tree.xpath("//body//time/@datetime")) if t]
        chosen = _local_time_of(found[0], twins)
        if printed and _prefers_printed(printed, chosen, facts):
            return printed.value
        return _printed_day_of(chosen, printed)
    return printed.value if printed else _url_date(facts)


def _prefers_printed(printed: PrintedDate, chosen: str, facts: PageFacts) -> bool:
    """Whether the dateline under the headline beats the structured date.

    A structured date later than the printed one is a re-stamp (a republication, a template date),
    unless the printed one is labelled an update. Publication <meta> values that disagree are settled
    by the one the page prints. A later printed date without a label is the date readers are shown when
    the metadata names it the modification; one labelled an update replaces a publication date the
    page declares only in its JSON-LD or scripts (often the day the CMS entry was made), not an
    OpenGraph article:published_time, which a site declares to every sharing platform as the date.
    """
    printed_day = datetime.date.fromisoformat(printed.value[:10])
    chosen_day = datetime.date.fromisoformat(chosen[:10])
    apart = (printed_day - chosen_day).days
    if apart < -MAX_TIME_ZONE_DAYS:
        return not printed.updated  # an update older than the publication is a stale template line
    if apart <= MAX_TIME_ZONE_DAYS:
        return False
    published = tuple(_meta_published_values(facts))
    if _names_day(published, printed_day, facts) and not _names_day(published, chosen_day, facts):
        return True
    if printed.updated:
        return not facts.meta.first(*OPENGRAPH_PUBLISHED)
    return any(day == printed_day for day in _days_of(_modified_values(facts), facts))


def _names_day(values, day: datetime.date, facts: PageFacts) -> bool:
    """Whether one of the values reads as this calendar day, give or take the time-zone day."""
    return any(abs((named - day).days) <= MAX_TIME_ZONE_DAYS for named in _days_of(values, facts))


def _days_of(values, facts: PageFacts):
    for value in values:
        parsed = parse_date(value, not_after=facts.not_after, day_first=None)
        if parsed:
            yield datetime.date.fromisoformat(parsed[:10])


def _meta_published_values(facts: PageFacts):
    for key in PUBLISHED_META:
        yield from facts.meta.all(key)


def _modified_values(facts: PageFacts):
    if facts.jsonld.date_modified:
        yield facts.jsonld.date_modified
    for key in MODIFIED_META:
        yield from facts.meta.all(key)


def _declares_article(facts: PageFacts) -> bool:
    """Whether the page calls itself an article; other pages carry template dates in their metadata."""
    return (facts.jsonld.is_article or (facts.meta.first("og:type") or "").casefold() == "article"
            or bool(facts.meta.first("article:published_time")) or bool(facts.tree.xpath(MICRODATA_ARTICLE)))


def _parse_iso(value: str) -> str | None:
    return parse_date(value[:MAX_DATELINE_CHARS], day_first=None)


def _page_shows_day(facts: PageFacts, value: str) -> bool:
    """Whether the visible text prints this calendar day (give or take the time-zone day)."""
    day = datetime.date.fromisoformat(value[:10])
    return any(abs((printed - day).days) <= 1 for printed in _visible_days(facts))


def _visible_days(facts: PageFacts) -> set[datetime.date]:
    """The calendar days the page's visible text prints."""
    text = " ".join(" ".join(facts.tree.xpath(VISIBLE_TEXT)).split())
    return {found.day for found in find_dates(text)}


def _printed_day_of(chosen: str, printed: PrintedDate | None) -> str:
    """A UTC value yields to the dateline printed under the headline when they are a day apart at most."""
    instant = _instant(chosen)
    if instant is None or instant.utcoffset() != datetime.timedelta(0) or printed is None or printed.updated:
        return chosen
    apart = datetime.date.fromisoformat(printed.value[:10]) - instant.date()
    return printed.value if abs(apart.days) <= 1 else chosen


def _local_time_of(chosen: str, others: list[str]) -> str:
    """The same instant in the page's own time zone when the chosen value is in UTC.

    Sites give UTC in JSON-LD and local time on the page; the calendar day readers see is the local one.
    """
    instant = _instant(chosen)
    if instant is None or instant.utcoffset() != datetime.timedelta(0):
        return chosen
    for other in others:
        local = _instant(other)
        if local is None:
            continue
        if local.tzinfo is not None and local.utcoffset() and local == instant:
            return other
        if local.tzinfo is None and _whole_hours_apart(local, instant.replace(tzinfo=None)):
            return other
    return chosen


def _instant(value: str) -> datetime.datetime | None:
    if "T" not in value:
        return None
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        return None


def _whole_hours_apart(local: datetime.datetime, utc: datetime.datetime) -> bool:
    """A zone-less time that differs from UTC by whole hours (up to 14) is the same instant, local."""
    seconds = (local - utc).total_seconds()
    return seconds != 0 and abs(seconds) <= MAX_UTC_OFFSET_HOURS * 3600 and seconds % 3600 == 0


def _structured_values(facts: PageFacts):
    if facts.jsonld.date_published:
        yield facts.jsonld.date_published
    for key in PUBLISHED_META:
        yield from facts.meta.all(key)
    for element in facts.tree.xpath(TIME_IN_ARTICLE):
        if not _is_update(element):
            value = element.get("datetime") or element.get("content") or element.text_content()
            yield value[:MAX_DATELINE_CHARS]


def _script_dates(facts: PageFacts) -> list[str]:
    """The publication date a page's own scripts carry ("publishedAt" in a framework's page data),
    read only when the page gives no structured date: its first value, as for the structured ones."""
    for text in facts.tree.xpath(DATA_SCRIPTS):
        match = SCRIPT_PUBLISHED.search(text)
        parsed = match and parse_date(match["value"], not_after=facts.not_after)
        if parsed:
            return [parsed]
    return []


def _is_update(element) -> bool:
    for node in _inside_body(element):
        label = f"{node.get('class', '')} {node.get('id', '')} {node.get('itemprop', '')}"
        if UPDATE_CLASS.search(label) and not PUBLISHED_CLASS.search(label):
            return True
    return False


def _inside_body(element):
    """The element and its ancestors below <body>: the body's classes name the page template
    ("footer-on-bottom", "has-related-posts"), not the element's context."""
    yield element
    for node in element.iterancestors():
        if node.tag in ("body", "html"):
            return
        yield node


def _update_context(element) -> str | None:
    """ "revision" inside an update/modified element, "other" inside comments, related teasers or
    the footer, None elsewhere."""
    for node in _inside_body(element):
        label = f"{node.get('class', '')} {node.get('id', '')} {node.get('itemprop', '')}"
        if UPDATE_CLASS.search(label) and not PUBLISHED_CLASS.search(label):
            return "revision" if REVISION_CLASS.search(label) else "other"
    return None


def _day_first(facts: PageFacts) -> bool | None:
    """The a/b/yyyy order from the page language: month first only for US English."""
    root = facts.tree.getroottree().getroot()
    lang = (root.get("lang") or facts.meta.first("og:locale") or "").replace("_", "-").casefold()
    if not lang:
        return None
    if lang.startswith("en"):
        return False if lang in ("en-us", "en") else True
    return True


def _visible_dateline(facts: PageFacts) -> PrintedDate | None:
    """The date printed closest to the headline, in a date-like element or standing alone.

    A publication dateline wins over a nearer "Updated" line; the update is the answer only when
    the page prints no other date by its headline.
    """
    revision, revision_distance = None, 0
    for distance, element in enumerate(near_headline(facts, MAX_DATELINE_DISTANCE)):
        if revision and distance // 2 > revision_distance + MAX_PUBLISHED_BEYOND_REVISION:
            break
        found = _dateline_of(element, distance // 2, facts)
        if found and not found.updated:
            return found
        if found and not revision:
            revision, revision_distance = found, distance // 2
    return revision


def _dateline_of(element, distance: int, facts: PageFacts) -> PrintedDate | None:
    if element.tag in NOT_TEXT_TAGS:
        return None
    text = facts.short_text(element, MAX_DATELINE_CHARS)
    if not text or not YEAR_DIGITS.search(text) or MANUSCRIPT_HISTORY.match(text):
        return None
    label = f"{element.get('class', '')} {element.get('id', '')}"
    labelled = element.tag == "time" or DATELINE_CLASS.search(label) or _opens_with_label(text)
    if not labelled and (distance > MAX_BARE_DATE_DISTANCE or not _is_mostly_date(text) or _in_table(element)):
        return None
    context = _update_context(element)
    if context == "other":
        return None
    value = _read_printed(text, facts)
    if value is None and element.tag == "time" and DAY_DIGITS.search(text):
        # "12/19 — 2025": the machine-readable value says it ("April 2025" names no day)
        value = parse_date((element.get("datetime") or "")[:MAX_DATELINE_CHARS], not_after=facts.not_after)
    if value is None:
        return None
    revision_part = _revision_part_prints(element, value, facts)
    if revision_part and len(find_dates(text)) > 1:
        # "May 21, 2025 April 24, 2025" from <time class="updated"> and <time class="published">:
        # the parts are read one by one instead
        return None
    updated = (_is_update_only(text) or context == "revision" or revision_part
               or _labelled_update_before(element, facts))
    return PrintedDate(value, updated)


def _opens_with_label(text: str) -> bool:
    """A line opening with a publication or update label whose date follows the label, not a sentence
    that opens with one ("Update note: this post was first published on the 21st of June 2017")."""
    label = PUBLISHED_LABEL.match(text) or UPDATE_LABEL.match(text)
    found = label and find_dates(text)
    return bool(found) and found[0].start - label.end() <= MAX_LABEL_TO_DATE_CHARS


def _labelled_update_before(element, facts: PageFacts) -> bool:
    """Whether the text printed just before the element labels it an update: "Last updated: <time>…"."""
    before = facts.text_before(element, LABEL_PIECES)[-UPDATE_LOOKBEHIND:]
    return bool(UPDATE_LABEL_BEFORE.search(before))


def _revision_part_prints(element, value: str, facts: PageFacts) -> bool:
    """Whether an update-classed part of the element prints this date and no other ("By Jane Doe
    <span class="updated-on">12th February 2025</span>"). Only a part printing a single date tells
    which date it labels."""
    for node in element.iterdescendants():
        label = f"{node.get('class', '')} {node.get('itemprop', '')}" if isinstance(node.tag, str) else ""
        if REVISION_CLASS.search(label) and not PUBLISHED_CLASS.search(label):
            found = find_dates(facts.text(node))
            if len(found) == 1 and found[0].day.isoformat() == value[:10]:
                return True
    return False


def _read_printed(text: str, facts: PageFacts) -> str | None:
    """The date of a dateline; an a/b/yyyy date the page language orders one way takes the other order
    when only that reading is confirmed by the url or printed unambiguously elsewhere on the page."""
    day_first = _day_first(facts)
    value = parse_date(text, not_after=facts.not_after, day_first=day_first)
    if value is None or day_first is None:
        return value
    other = parse_date(text, not_after=facts.not_after, day_first=not day_first)
    if other is None or other[:10] == value[:10]:
        return value
    confirmed = _confirmed_days(facts)
    return other if other[:10] in confirmed and value[:10] not in confirmed else value


def _confirmed_days(facts: PageFacts) -> set[str]:
    """The days the url or the page prints in a form that needs no order: words, ISO, a url path."""
    days = {day.isoformat() for day in _visible_days(facts)}
    from_url = _url_date(facts)
    return days | {from_url[:10]} if from_url else days


def _in_table(element) -> bool:
    return element.tag in DATA_CELL_TAGS or any(node.tag in DATA_CELL_TAGS for node in element.iterancestors())


def _is_update_only(text: str) -> bool:
    return bool(UPDATE_TEXT.search(text)) and not PUBLISHED_TEXT.search(text)


def _is_mostly_date(text: str) -> bool:
    found = find_dates(text)
    if len(found) != 1:
        return False
    width = found[0].end - found[0].start
    return width >= BARE_DATE_SHARE * len(text) or len(text) - width <= MAX_DATELINE_REST_CHARS


def _url_date(facts: PageFacts) -> str | None:
    match = URL_DATE.search(facts.url or "")
    if not match:
        return None
    return parse_date(f"{match[3]} {match[2]} {match[1]}" if match[2].isalpha()
                      else f"{match[1]}-{match[2].zfill(2)}-{match[3].zfill(2)}",
                      not_after=facts.not_after)
