"""Read the dates a page prints: the dateline by its headline, the days its text shows, the url's date.

A dateline is a short line in a date-like element, or opening with a publication or update label, or
standing alone close to the headline; whether it is an update is told by its label, its classes or the
text printed just before it.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from cleaner.fields.dates import UPDATE_LOOKBEHIND, find_dates, parse_date
from cleaner.fields.page import PageFacts, near_headline

# Class or id words of elements printing a dateline.
DATELINE_CLASS = re.compile(
    r"date|time|publish|posted|dateline|byline|meta|info|datum|fecha|data", re.I)
UPDATE_CLASS = re.compile(r"updat|modif|edited|expir|comment(?!ar)|related|footer|copyright", re.I)
# A footer-classed part opening at most this many elements after the headline is the footer of the headline's
# block, which prints its byline and dateline (tuned on naeb: 5 to 400 read the same on naeb and wcxb-articles;
# the small end keeps it to the block under the headline).
FOOTER_WORD = re.compile(r"footer", re.I)
MAX_HEADLINE_FOOTER_DISTANCE = 10
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
    r"publi|posted|post\s*(?:time|date)|veröffentlicht|erschienen|gepubliceerd|opublikowan|опубликован|yayın"
    r"|기사\s*입력|입력|등록|公開|投稿|発行|发布|發佈|發布", re.I)
# A line opening with a publication label is a dateline wherever it stands near the headline:
# "Publicado em 3 de março de 2024", "기사입력 :[ 2018-08-25 15:24 ]", "Veröffentlicht am 3. März".
PUBLISHED_LABEL = re.compile(r"^\W{0,3}(?:" + PUBLISHED_TEXT.pattern + r")", re.I)
# A date labelled as such in a fact list ("Date 19.01.2020", "Datum: 3. März 2024").
DATE_LABEL = re.compile(r"^\W{0,3}(?:date|datum|fecha|data)\b", re.I)
# A <time> whose paragraph or inline run (one of these tags) is longer than a dateline and holds this many
# lower-case words stands in a sentence; a long byline is names and titles (tuned on wcxb-articles: 3 to 12 read
# the same), and a header block (a <div> of breadcrumbs, <time> and advert) is no sentence.
PROSE_TAGS = frozenset({"p", "span", "li", "em", "i", "small", "font", "blockquote", "dd", "cite", "q"})
WORD = re.compile(r"[^\W\d_]+")
MIN_SENTENCE_LOWERCASE_WORDS = 6
# A date in a picture's caption ("… on March 24, 2014 near Lost Hills") is when the photo was taken.
CAPTION_TAGS = frozenset({"figcaption"})
CAPTION_CLASS = re.compile(r"caption", re.I)
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
# A date in the url path: /2024/03/15/, /2024-mar-15-.
URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2}|[a-z]{3,9})[/-](\d{1,2})(?:/|$|[-_.])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A date printed by the headline, and whether the page labels it as an update."""

    value: str
    updated: bool


def visible_days(facts: PageFacts) -> set[datetime.date]:
    """The calendar days the page's visible text prints."""
    text = " ".join(" ".join(facts.tree.xpath(VISIBLE_TEXT)).split())
    return {found.day for found in find_dates(text)}


def is_update_element(element, facts: PageFacts, headline: int | None) -> bool:
    """Whether the element stands in an update, comment, related-teaser or footer context (`headline`:
    the headline's index in document order, or None)."""
    return _update_context(element, facts, headline) is not None


def _inside_body(element):
    """The element and its ancestors below <body>: the body's classes name the page template
    ("footer-on-bottom", "has-related-posts"), not the element's context."""
    yield element
    for node in element.iterancestors():
        if node.tag in ("body", "html"):
            return
        yield node


def _update_context(element, facts: PageFacts, headline: int | None) -> str | None:
    """ "revision" inside an update/modified element, "other" inside comments, related teasers or
    the page's footer, None elsewhere."""
    for node in _inside_body(element):
        label = f"{node.get('class', '')} {node.get('id', '')} {node.get('itemprop', '')}"
        if UPDATE_CLASS.search(label) and not PUBLISHED_CLASS.search(label):
            if _is_own_footer(node, label, facts, headline):
                continue
            return "revision" if REVISION_CLASS.search(label) else "other"
    return None


def _is_own_footer(node, label: str, facts: PageFacts, headline: int | None) -> bool:
    """Whether a footer-classed part is the article's own footer, which prints its byline and dateline, not the
    page's: one inside the <article> (as HTML5 has it), or one opening just after the headline, the footer of
    the headline's block ("headline__footer", "Hero__FooterContainer")."""
    if UPDATE_CLASS.search(FOOTER_WORD.sub("", label)):
        return False
    if any(ancestor.tag == "article" for ancestor in node.iterancestors()):
        return True
    return headline is not None and 0 < facts.order.get(node, -1) - headline <= MAX_HEADLINE_FOOTER_DISTANCE


def page_day_first(facts: PageFacts) -> bool | None:
    """The a/b/yyyy order from the page language: month first only for US English."""
    root = facts.tree.getroottree().getroot()
    lang = (root.get("lang") or facts.meta.first("og:locale") or "").replace("_", "-").casefold()
    if not lang:
        return None
    if lang.startswith("en"):
        return False if lang in ("en-us", "en") else True
    return True


def visible_dateline(facts: PageFacts) -> PrintedDate | None:
    """The date printed closest to the headline, in a date-like element or standing alone.

    A publication dateline wins over a nearer "Updated" line; the update is the answer only when
    the page prints no other date by its headline.
    """
    revision, revision_distance = None, 0
    nearest = near_headline(facts, MAX_DATELINE_DISTANCE)
    headline = facts.order[nearest[0]] if nearest else None
    for distance, element in enumerate(nearest):
        if revision and distance // 2 > revision_distance + MAX_PUBLISHED_BEYOND_REVISION:
            break
        found = _dateline_of(element, distance // 2, facts, headline)
        if found and not found.updated:
            return found
        if found and not revision:
            revision, revision_distance = found, distance // 2
    return revision


def _dateline_of(element, distance: int, facts: PageFacts, headline: int | None) -> PrintedDate | None:
    if element.tag in NOT_TEXT_TAGS:
        return None
    text = facts.short_text(element, MAX_DATELINE_CHARS)
    if not text or not YEAR_DIGITS.search(text) or MANUSCRIPT_HISTORY.match(text):
        return None
    label = f"{element.get('class', '')} {element.get('id', '')}"
    labelled = element.tag == "time" or DATELINE_CLASS.search(label) or _opens_with_label(text)
    if not labelled and (distance > MAX_BARE_DATE_DISTANCE or not _is_mostly_date(text) or _in_table(element)):
        return None
    context = _update_context(element, facts, headline)
    if context == "other" or _in_caption(element) or _in_sentence(element, facts):
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
    label = PUBLISHED_LABEL.match(text) or UPDATE_LABEL.match(text) or DATE_LABEL.match(text)
    found = label and find_dates(text, day_first=True)  # where the date stands: either order will do
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
    day_first = page_day_first(facts)
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
    days = {day.isoformat() for day in visible_days(facts)}
    from_url = url_date(facts)
    return days | {from_url[:10]} if from_url else days


def _in_sentence(element, facts: PageFacts) -> bool:
    """Whether a <time> stands in a sentence ("Preprints of this paper are available at …, first published
    <time>04.Apr.2019</time>."): its paragraph or inline run is longer than a dateline and reads as prose, not
    as names. A header block holding the <time> among its other parts (breadcrumbs, an advert) is no sentence."""
    parent = element.getparent()
    if element.tag != "time" or parent is None or parent.tag not in PROSE_TAGS:
        return False
    if facts.short_text(parent, MAX_DATELINE_CHARS) is not None:
        return False
    lowercase = sum(word[0].islower() for word in WORD.findall(facts.text(parent)))
    return lowercase >= MIN_SENTENCE_LOWERCASE_WORDS


def _in_caption(element) -> bool:
    return any(node.tag in CAPTION_TAGS or CAPTION_CLASS.search(f"{node.get('class', '')} {node.get('id', '')}")
               for node in _inside_body(element))


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


def url_date(facts: PageFacts) -> str | None:
    match = URL_DATE.search(facts.url or "")
    if not match:
        return None
    return parse_date(f"{match[3]} {match[2]} {match[1]}" if match[2].isalpha()
                      else f"{match[1]}-{match[2].zfill(2)}-{match[3].zfill(2)}",
                      not_after=facts.not_after)
