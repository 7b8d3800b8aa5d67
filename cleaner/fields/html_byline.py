"""The byline printed on an HTML page: author-marked elements, byline labels, "By …" lines, datelines."""

from __future__ import annotations

import re

from cleaner.fields.agencies import fold
from cleaner.fields.dates import find_dates
from cleaner.fields.page import PageFacts, headline_position, near_headline
from cleaner.fields.people import Byline, combine_bylines, parse_byline
from cleaner.fields.person_name import person_shaped

AUTHOR_PAGE = re.compile(r"/(?:author|authors|autor|auteur|writers|profile|user|u)/(?P<slug>[^/?#]+)/?(?:[?#]|$)")
# "widget" only as a class of its own ("widget widget_recent_entries"): page builders wrap every block
# in "elementor-widget-container", the article's byline included. A post's or entry's own footer
# ("post-footer", "entry-footer") prints its byline ("Posted by …"); the page's footer does not. A layout
# flag ("sidebar-active", "has-sidebar") says the page has a sidebar, not that the element is one.
NOT_BYLINE_CONTEXT = re.compile(
    r"comment(?!ar)|related|recommend|(?<!post-)(?<!entry-)(?<!article-)(?<!story-)footer"
    r"|(?<!has-)(?<!with-)(?<!no-)sidebar(?!-active|-layout|-enabled)|(?<![\w-])widgets?(?![\w-]*container)"
    r"|promo|teaser", re.I)
# A picture's caption and credit ("img-author") name its photographer, not the writer.
CAPTION_TAGS = frozenset({"figure", "figcaption"})
CAPTION_CLASS = re.compile(r"caption", re.I)
# A byline is a short line; a longer element is an author biography or a whole header.
MAX_BYLINE_CHARS = 200
# A name line inside an author box is short (tuned on wcxb-articles author boxes with biographies).
MAX_NAME_LINE_CHARS = 60
# The children read after a label printed as their parent's text: a byline links a few names.
MAX_LABELLED_NAMES = 4
# Co-authors are printed next to each other: elements this far apart (document order) are not one byline.
MAX_COAUTHOR_DISTANCE = 30
# A name on the dateline without a "By" counts only this close to the headline (tuned on wcxb-articles).
MAX_DATELINE_NAME_DISTANCE = 8
# Such a dateline is short and sets the name off the date with a separator: a longer line, or one without
# a separator, is a category, a share bar or a headline with its date.
MAX_DATELINE_NAME_CHARS = 60
DATELINE_SEPARATOR = re.compile(r"[•·|●⋅∙]")
# A "By …" line counts when this close to the headline and this short (tuned on wcxb-articles).
MAX_BY_LINE_DISTANCE = 60
MAX_BY_LINE_CHARS = 100
BYLINE_LABEL = re.compile(
    r"^(?:written|posted|published|reported|words|article|story)?\s*(?:by|von|par|por|door|autor(?:in)?|author|auteur"
    r"|contributors?"
    r"|written by|geschrieben von)\s*:?$", re.IGNORECASE)
# Labels naming the author outright; a line opening with one is a byline wherever it stands.
WRITTEN_BY = re.compile(
    r"^(?:written\s+by|article\s+by|author\s*:|autor(?:in)?\s*:|auteur\s*:|geschrieben\s+von"
    r"|(?:this|the)\s+(?:blog\s+)?(?:post|article|story|piece|guide)\s+was\s+written\s+by)\s*\S",
    re.IGNORECASE)
BY_PREFIX = re.compile(
    r"^(?:by|von|par|por|door|di|av|written by|autor(?:in)?:|author:"
    r"|(?:(?:photos?|pictures?)\s+and\s+)?(?:story|text|words)(?:\s+and\s+(?:photos?|pictures?))?\s+by)(?::\s*|\s)",
    re.IGNORECASE)
SCRIPT_TAGS = frozenset({"script", "style"})
# The label printed just before a linked name that credits someone other than the writer: "Edited by",
# "Reviewed by", "Updated by", "Contributions from" (testers and editors listed under the byline).
OTHER_ROLE_BEFORE = re.compile(
    r"(?<![^\W_])(?:edit(?:ed|or)|(?:medically\s+|fact[- ]?)?(?:review(?:ed)?|check(?:ed)?)|updated"
    r"|photos?|photographs?|illustrations?|video|contributions?|additional reporting)"
    r"(?:\s+(?:by|from))?\s*:?\s*$", re.IGNORECASE)
# Names listed under such a label stand this close (document order) to each other.
MAX_ROLE_LIST_GAP = 3
# How much of the text before a marked name is read for such a label.
ROLE_LABEL_PIECES = 3
MAX_ROLE_LABEL_CHARS = 40
# An <aside> or sidebar holding the byline next to the headline is the article's own info box (a
# side column with author and date); further away it is another story's or the site's (tuned on
# wcxb-articles: the boxes stand 1-25 elements from the headline).
MAX_SIDE_BYLINE_DISTANCE = 30


def visible_byline(facts: PageFacts) -> Byline:
    """The byline printed on the page: author elements, a "Written by" label, or a "By …" line.

    A single word printed on the page is a category or a menu entry far more often than a person.
    """
    for reader in (_marked_byline, _labelled_byline, _by_line_near_headline, _written_by_line, _dateline_names):
        found = reader(facts)
        authors = tuple(name for name in found.authors if len(name.split()) > 1 or _has_author_page(name, facts)
                        or _signs_dated_line(name, found.byline))
        if authors or found.agency:
            return Byline(found.byline, authors, found.agency)
    return Byline(None)


def _signs_dated_line(name: str, printed: str | None) -> bool:
    """A single word signing a dated "by" line ("Posted by BeauHD on Friday December 19, 2025",
    "12/19 — 2025 by ibby"): the user name a blog posts under, not a menu entry."""
    signed = re.search(rf"(?<![^\W_])by\s+{re.escape(name)}(?![^\W_])", printed or "", re.IGNORECASE)
    return bool(signed) and bool(find_dates(printed))


def _has_author_page(name: str, facts: PageFacts) -> bool:
    """The page links the name to its author page ("/author/amanda/"): a single word is then a pen name."""
    slug = re.sub(r"\W+", "-", name.casefold()).strip("-")
    for href in facts.tree.xpath("//body//a/@href"):
        match = AUTHOR_PAGE.search(href)
        if match and match["slug"].casefold() == slug:
            return True
    return False


def _marked_byline(facts: PageFacts) -> Byline:
    """Elements marked as author (class, rel, itemprop, profile link): the first and its neighbours."""
    elements = _writer_elements(facts)
    position = facts.order
    bylines: list[Byline] = []
    first = None
    for element in elements:
        text = _short_text_of(element, facts)
        if not text:
            continue
        if first is not None and position[element] - first > MAX_COAUTHOR_DISTANCE:
            break
        found = parse_byline(text, site=facts.site)
        if found.authors or found.agency:
            first = position[element] if first is None else first
            bylines.append(found)
    return combine_bylines(bylines, bylines[0].byline if bylines else None)


def _writer_elements(facts: PageFacts):
    """The marked elements outside other contexts, without the names credited for another role.

    A generator: the context of the elements after the last co-author is never read. The names
    listed after an "Edited by" / "Contributions from" label ("Jane Roe, John Doe & Ann Lee") all
    take that role: a marked name this close after one of them does too.
    """
    headline = headline_position(facts)
    for element, other_role in _marked_elements(facts):
        if not other_role and not in_other_context(element, facts, _near(element, headline, facts)):
            yield element


def _marked_elements(facts: PageFacts):
    """The elements marked as author in document order, each with whether it credits another role."""
    other_role_at = None
    for element in facts.author_marked:
        if element.tag in ("meta", "link", "script", "style"):
            continue
        at = facts.order[element]
        in_role_list = other_role_at is not None and at - other_role_at <= MAX_ROLE_LIST_GAP
        other_role = in_role_list or _credits_other_role(element, facts)
        other_role_at = at if other_role else other_role_at
        yield element, other_role


def other_role_names(facts: PageFacts) -> frozenset[str]:
    """The names (folded) the page prints under an "Edited by" / "Contributions from" label: metadata
    listing every contributor as an author still credits them with that role, not the writing."""
    names = set()
    for element, other_role in _marked_elements(facts):
        text = facts.short_text(element, MAX_NAME_LINE_CHARS) if other_role else None
        names.update(fold(name) for name in (parse_byline(text).authors if text else ()))
    return frozenset(names)


def _near(element, headline: int | None, facts: PageFacts) -> bool:
    """Close to the headline, on a page whose headline stands in no <article> (a box outside the
    article that holds the headline is the article's sidebar)."""
    if headline is None or abs(facts.order[element] - headline) > MAX_SIDE_BYLINE_DISTANCE:
        return False
    return not _in_article(facts.elements[headline])


def _credits_other_role(element, facts: PageFacts) -> bool:
    """The name follows an "Edited by" / "Reviewed by" / "Contributions from" label."""
    before = facts.text_before(element, ROLE_LABEL_PIECES)
    return bool(OTHER_ROLE_BEFORE.search(before[-MAX_ROLE_LABEL_CHARS:]))


def _short_text_of(element, facts: PageFacts) -> str | None:
    """The element's text when short; else the first short line inside it (the name above a bio)."""
    text = facts.short_text(element, MAX_BYLINE_CHARS)
    if text is not None:
        return text
    for inner in element.iterdescendants():
        if isinstance(inner.tag, str) and inner.tag not in SCRIPT_TAGS:
            inner_text = facts.short_text(inner, MAX_NAME_LINE_CHARS)
            if inner_text:
                return inner_text
    return None


def _labelled_byline(facts: PageFacts) -> Byline:
    """A label ("Written by", "Author") followed by the names: in the label's next sibling, or in the
    children of an element whose own text is the label ("Article by<p>Name</p>", "By: <a>…</a>, <a>…</a>")."""
    for element in facts.elements:
        if element.tag in ("script", "style", "head", "title") or not isinstance(element.tag, str):
            continue
        names = _names_after_label(element, facts)
        if names and not in_other_context(element, facts):
            found = combine_bylines([parse_byline(text, site=facts.site) for text in names], ", ".join(names))
            if found.authors:
                return found
    return Byline(None)


def _names_after_label(element, facts: PageFacts) -> list[str]:
    """The texts printing the names after a byline label; empty when the element is no label."""
    if len(element) == 0:
        if not BYLINE_LABEL.match(facts.text(element)):
            return []
        tail = " ".join((element.tail or "").split())  # "<strong>Contributors:</strong> Jane Doe"
        if tail:
            return [tail]
        following = element.getnext()
        return [] if following is None else [facts.text(following)]
    own = (element.text or "").strip()
    if not own or not BYLINE_LABEL.match(own):
        return []
    children = [child for child in element if isinstance(child.tag, str) and child.tag not in ("style", "script")]
    children = children[:MAX_LABELLED_NAMES]
    return [text for text in map(facts.text, children) if text]


def _by_line_near_headline(facts: PageFacts) -> Byline:
    """A short line starting with "By" (or its translations) close to the headline."""
    for element in near_headline(facts, MAX_BY_LINE_DISTANCE):
        for text in (facts.short_text(element, MAX_BY_LINE_CHARS), _tail_after_date(element, facts)):
            if text and BY_PREFIX.match(text) and not in_other_context(element, facts):
                found = parse_byline(text, site=facts.site)
                if found.authors or found.agency:
                    return found
    return Byline(None)


def _tail_after_date(element, facts: PageFacts) -> str | None:
    """The text printed right after a dated element in its parent: "posted on <time>…</time> by Jane Doe".
    After anything else, "by" credits a work: "<i>Wakoku Chiyekurabe</i> by Kan Chu Sen"."""
    tail = " ".join((element.tail or "").split())
    if not tail or len(tail) > MAX_BY_LINE_CHARS:
        return None
    dated = element.tag == "time" or find_dates(facts.short_text(element, MAX_BY_LINE_CHARS) or "")
    return tail if dated else None


def _written_by_line(facts: PageFacts) -> Byline:
    """A short "Written by …" / "Author: …" line anywhere outside comments, teasers and sidebars."""
    for element in facts.body_elements(SCRIPT_TAGS):
        text = facts.short_text(element, MAX_BY_LINE_CHARS)
        if text and WRITTEN_BY.match(text) and not in_other_context(element, facts):
            found = parse_byline(text, site=facts.site)
            if found.authors:
                return found
    return Byline(None)


def _dateline_names(facts: PageFacts) -> Byline:
    """The person named on the dateline under the headline without a marker: "Dec 26, 2025 • Mahua Das",
    "Aaron Ricadela | Senior Writer | July 2, 2025". Only names shaped like a first and last name count."""
    for element in near_headline(facts, MAX_DATELINE_NAME_DISTANCE):
        text = facts.short_text(element, MAX_DATELINE_NAME_CHARS)
        if not text or not DATELINE_SEPARATOR.search(text) or len(find_dates(text)) != 1:
            continue
        if in_other_context(element, facts):
            continue
        found = parse_byline(text, site=facts.site)
        if found.authors and all(map(person_shaped, found.authors)):
            return found
    return Byline(None)


def in_other_context(element, facts: PageFacts, by_headline: bool = False) -> bool:
    """Inside comments, teasers, sidebars or the page footer (an article's own footer is fine).

    The <body> class names the page template ("has-sidebar", "footer-widgets"), not a context; so does
    any element holding a headline <h1> (a wrapper left open by broken markup, a "sidebar layout"
    grid), and a utility class with an arbitrary value ("lg:mr-[--sidebar-width]"). An <aside> or a
    sidebar is the article's own info box when inside its <article> or (by_headline) by its headline.
    """
    for node in (element, *element.iterancestors()):
        tag = node.tag
        if tag in ("body", "html"):
            return False
        label = _context_label(node)
        found = label and NOT_BYLINE_CONTEXT.search(label)
        if (found or tag in ("aside", "nav")) and not facts.holds_h1(node):
            if not (_is_side_box(node, label) and (by_headline or _in_article(node))):
                return True
        if tag == "footer" and not _in_article(node):
            return True
        if tag in CAPTION_TAGS or (label and CAPTION_CLASS.search(label)):
            return True  # "Mike Blake/Reuters": the photographer credited under a picture
    return False


def _context_label(node) -> str:
    """The node's class and id words, without the utility classes holding a value ("lg:mr-[--sidebar-width]")."""
    names, ident = node.get("class"), node.get("id")
    if not names and not ident:
        return ""  # most of the ancestors: nothing to search
    return " ".join(token for token in f"{names or ''} {ident or ''}".split() if "[" not in token)


def _is_side_box(node, label: str) -> bool:
    """An <aside> or a "sidebar" that names no other context (a comment list, a teaser, a widget)."""
    words = [found.group(0).casefold() for found in NOT_BYLINE_CONTEXT.finditer(label)]
    return node.tag != "nav" and (node.tag == "aside" or bool(words)) and all(w == "sidebar" for w in words)


def _in_article(node) -> bool:
    return any(a.tag == "article" for a in node.iterancestors())
