"""Choose a page's publication date: structured data first, then the visible dateline, then the url.

Only a date the page states counts: no modification date, no expiry date, no date after the crawl,
and no date at all when the page shows none.
"""

from __future__ import annotations

import datetime
import itertools
import re

from cleaner.fields.dates import find_dates, parse_date
from cleaner.fields.html_dateline import (
    MAX_DATELINE_CHARS,
    PrintedDate,
    is_update_element,
    page_day_first,
    url_date,
    visible_dateline,
    visible_days,
)
from cleaner.fields.page import PageFacts, headline_position

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
# <meta> names of the last modification.
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified",
                 "last-modified", "dcterms.modified")
# Enough values to find a local-time twin of a UTC date, without reading a whole archive list.
MAX_STRUCTURED_VALUES = 12
MAX_UTC_OFFSET_HOURS = 14
# A UTC value and a local dateline of the same instant fall at most this many calendar days apart.
MAX_TIME_ZONE_DAYS = 1
# Page data of script frameworks (Next.js, Nuxt, data layers) naming the publication date.
DATA_SCRIPTS = "//script[not(@src)][not(contains(translate(@type,'LDJSON','ldjson'),'ld+json'))]/text()"
SCRIPT_PUBLISHED = re.compile(
    r'"(?:datePublished|publishedAt|published_at|publishDate|publishedDate|publish_date|firstPublishedAt)"'
    r'\s*:\s*"(?P<value>[^"]{8,40})"')
# The parts of a <title> ("Headline | Section | Site | 19.01.2020"); its last part is a date stamp when
# the date is nearly all of it.
TITLE_PART_SEPARATOR = re.compile(r"\s+[|\-–—·•]\s+|\s*\|\s*")
TITLE_DATE_SHARE = 0.8


def choose_date(facts: PageFacts) -> str | None:
    """The publication date as ISO 8601 (time and offset kept when given), or None."""
    day_first = page_day_first(facts)
    found = []
    for value in itertools.islice(_structured_values(facts), MAX_STRUCTURED_VALUES):
        parsed = parse_date(value, not_after=facts.not_after, day_first=day_first)
        if parsed:
            found.append(parsed)
    found = found or _script_dates(facts) or _title_dates(facts, day_first)
    printed = visible_dateline(facts)
    if found and (facts.declares_article or _page_shows_day(facts, found[0])):
        stamps = [e.get("datetime") for e in facts.head.tagged.times if e.get("datetime") is not None
                  and facts.in_body(e)]
        twins = found[1:] + [t for t in map(_parse_iso, stamps) if t]
        chosen = _local_time_of(found[0], twins)
        if printed and _prefers_printed(printed, chosen, facts):
            return printed.value
        return _printed_day_of(chosen, printed)
    return printed.value if printed else url_date(facts)


def _prefers_printed(printed: PrintedDate, chosen: str, facts: PageFacts) -> bool:
    """Whether the dateline under the headline beats the structured date.

    A structured date later than the printed one is a re-stamp (a republication, a template date),
    unless the printed one is labelled an update. Publication <meta> values that disagree are settled
    by the one the page prints. A later printed date without a label is the date readers are shown when
    the metadata names it the modification; one labelled an update never replaces the publication.
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
        return False  # an update is never the publication: the structured date stands
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


def _parse_iso(value: str) -> str | None:
    return parse_date(value[:MAX_DATELINE_CHARS], day_first=None)


def _page_shows_day(facts: PageFacts, value: str) -> bool:
    """Whether the visible text prints this calendar day (give or take the time-zone day)."""
    day = datetime.date.fromisoformat(value[:10])
    return any(abs((printed - day).days) <= 1 for printed in visible_days(facts))


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
    headline = headline_position(facts)
    for element in _dated_elements(facts):
        if not is_update_element(element, facts, headline):
            value = element.get("datetime") or element.get("content") or element.text_content()
            yield value[:MAX_DATELINE_CHARS]


def _dated_elements(facts: PageFacts) -> tuple:
    """The elements marked as published (itemprop, not a <meta>) and the <time>s of an article or header."""
    marked = [e for e in facts.with_itemprop("datePublished") if e.tag != "meta"]
    times = [e for e in facts.head.tagged.times if e.get("pubdate") is not None
             or (e.get("datetime") is not None and next(e.iterancestors("article", "header"), None) is not None)]
    return facts.in_document_order(marked, times)


def _title_dates(facts: PageFacts, day_first: bool | None) -> list[str]:
    """The date a <title> ends with ("Headline | Section | DW | 19.01.2020"): the site stamps it with
    the publication day. Read only when the page gives no structured date."""
    for title in facts.head.tagged.title_texts[:1]:
        last = TITLE_PART_SEPARATOR.split(title.strip())[-1].strip()
        found = find_dates(last)
        if len(found) == 1 and found[0].end - found[0].start >= TITLE_DATE_SHARE * len(last):
            parsed = parse_date(last, not_after=facts.not_after, day_first=day_first)
            return [parsed] if parsed else []
    return []


def _script_dates(facts: PageFacts) -> list[str]:
    """The publication date a page's own scripts carry ("publishedAt" in a framework's page data),
    read only when the page gives no structured date: its first value, as for the structured ones."""
    for text in facts.tree.xpath(DATA_SCRIPTS):
        match = SCRIPT_PUBLISHED.search(text)
        parsed = match and parse_date(match["value"], not_after=facts.not_after)
        if parsed:
            return [parsed]
    return []


