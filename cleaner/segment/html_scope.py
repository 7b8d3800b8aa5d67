"""Repair an extractor's choice of units with the page structure: the article's container and its
sibling containers (bodies split by ad slots), and the chrome that lives inside articles."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence

import lxml.etree
from lxml.html import HtmlElement

from cleaner.model import Kind
from cleaner.segment.html_blocks import Unit

# The scope where left-out prose is taken back is the deepest element holding this share of the
# chosen text; the wider one outside which chosen units are dropped holds KEEP_SHARE of it.
# Tuned on aeb/naeb/wcxb-articles.
SCOPE_SHARE = 0.85
KEEP_SHARE = 0.85
# How many levels above the scope to look for sibling containers of the same tag and class
# (a body cut into several grid rows around ad slots).
SIBLING_LEVELS = 3
# The schema.org types of a whole story (NewsArticle, BlogPosting, ...). Such a story's same-class siblings, and
# the prose of other stories beside it, are the next articles of an endless page, never taken back (bench body
# F1: naeb +0.0018, wcxb-articles +0.00001, aeb unchanged).
STORY_ITEMTYPE = re.compile(r"(Article|Posting)$")
# A unit the extractor left out is taken back only if it reads like prose: few links, enough words.
MAX_LINK_DENSITY = 0.3
MIN_PROSE_CHARS = 40
PROSE_KINDS = frozenset({Kind.PARAGRAPH, Kind.QUOTE, Kind.LIST_ITEM, Kind.HEADING})
# Containers that hold page chrome even inside an article's markup. A class word "promoted" on its own
# is a CMS's flag on the article itself (Drupal's node--promoted), not a promotion box; "not-a-paywall"
# flags the free part of an article. Author cards, video players and their teasers, galleries, and print-only
# notes ("d-none d-print-block": hidden on screen) are chrome too, but not a post's format class
# ("format-video") nor a CSS variant ("prose-video:mt-2"): body F1 naeb +0.0013, wcxb-articles +0.0001,
# aeb unchanged. A popover (an editors' note shown on a click) is a pop-up like a modal: naeb +0.0003, aeb and
# wcxb-articles unchanged.
CHROME_TAGS = frozenset("aside nav footer form figure button header".split())
CHROME_NAMES = re.compile(
    r"related|share|sharing|social|newsletter|subscri|comment|promo(?!ted\b)|advert|\bads?\b|sponsor|recommend|"
    r"popular|trending|sidebar|footer|\bnav|menu|breadcrumb|\btags?\b|bio\b|byline|caption|credit|popover|"
    r"signup|sign-up|cookie|consent|modal|toolbar|outbrain|taboola|teaser|more-|read-?more|(?<!not-a-)paywall|"
    r"tweet|twitter|instagram|tiktok|author|(?<!format-)video(?!:)|\bd-none d-print-|(?<!format-)gallery",
    re.IGNORECASE,
)
# Names of boxes that an extractor sometimes takes along with the story when they sit inside its
# container: a pop-up, a cookie or sign-up prompt, an author box, a list of other stories, a comment
# thread, a disclaimer or call to action. The extractor's units in such a box are dropped (a narrower
# list than CHROME_NAMES: menus, figures, headers, paywalled and subscriber-only parts and embedded
# tweets are the article's often enough; "teaser" names a story's own lead on some sites, "subtitle"
# a product card's pros and cons). Tuned on wcxb-articles/naeb/aeb (body F1 naeb +0.0020, wcxb
# +0.0016, aeb +0.0002; a box of the latest stories: aeb +0.0013, naeb and wcxb unchanged; a popover or a box
# named as boilerplate, an event promotion under every post: naeb +0.0004 with the popover in CHROME_NAMES,
# aeb and wcxb unchanged).
BOX_NAMES = re.compile(
    r"modal|cookie|consent|footer|\bpromo(?!tion|ted\b)|\bbio\b|author-?box|related|recommend|breadcrumb|signup|"
    r"sign-up|newsletter|comment(?!ary)|read-?more|author|disclaim|disclos|copyright|legal|\bcta\b|popup|"
    r"overlay|popover|boilerplate|latest-?(news|stor|post|article|video)",
    re.IGNORECASE,
)
# Names of a container's mechanism, not of its content: a page builder's module, an embedded block, a
# collapsed panel. One such container in an article is a box beside the story (a sign-up widget, an
# embedded post); a run of siblings of the same class holding the left-out prose are the article's own
# items (product cards, accordion answers). Tuned on wcxb-articles/naeb/aeb (body F1 wcxb +0.0025, naeb
# -0.0002: image credits in runs of embeds, aeb unchanged).
# ("overflow-hidden" is a CSS utility that clips a box, not a hidden one.)
MECHANISM_NAMES = re.compile(r"widget|embed|(?<!overflow-)(?<!overflow-[xy]-)hidden", re.IGNORECASE)
# How many siblings of the same tag and class make a run of items.
MIN_ITEM_RUN = 3
# ... and a single one holding this much text is a part of the article (a page builder's text or custom
# HTML block holding whole sections), not a box beside it. Tuned on wcxb-articles/naeb/aeb: at 1,000 a
# 1,100-character promotion widget and a 1,800-character support-us box came back.
MIN_MECHANISM_ARTICLE_CHARS = 2000
# Class words with a digit name one item (place_22143), not its kind.
NUMBERED_CLASS = re.compile(r"\d")


# A unit that is the only text of a small box holding a picture, among the article's paragraphs, is that
# picture's caption or credit (a figure built of plain divs), never left-out prose of the article. The box is
# looked for this many levels above the unit; the unit holds at least this share of the box's text. Tuned on
# naeb/aeb/wcxb-articles (body F1 naeb +0.0004, aeb and wcxb unchanged; without the paragraph beside the box,
# wcxb -0.0008: brand and product cards are a picture and their description too).
PICTURE_BOX_LEVELS = 3
PICTURE_BOX_TEXT_SHARE = 0.8
# A picture, or the empty placeholder a lazy-loading script fills with one.
PICTURE = lxml.etree.XPath(".//img | .//picture | .//*[contains(@class, 'lazyload') and not(normalize-space())]")

# How many levels above the article's container the extractor's prose before it is kept (a lead block in
# another section than the body, an intro above a list of items). Tuned on naeb/aeb/wcxb-articles:
# body F1 naeb +0.0005, aeb and wcxb-articles unchanged, once only the holder's own paragraphs and containers of
# the body's own class count (any prose in a wider holder brought back hero summaries and methodology boxes).
LEAD_LEVELS = 6

# Text that is markup or addresses shown as text (escaped tracking pixels, image URLs of a data dump).
MARKUP = re.compile(r"</?[a-z]+[ >/]|https?://\S", re.IGNORECASE)


def _mass(units: Sequence[Unit], chosen: Sequence[bool]) -> dict[HtmlElement, int]:
    mass: dict[HtmlElement, int] = {}
    for unit, hit in zip(units, chosen, strict=True):
        if not hit:
            continue
        weight = len(unit.text)
        for element in unit.chain:
            mass[element] = mass.get(element, 0) + weight
    return mass


def main_scope(
    body: HtmlElement, units: Sequence[Unit], chosen: Sequence[bool], share: float = SCOPE_SHARE
) -> HtmlElement | None:
    """The deepest container holding that share of the chosen units' text, None if nothing is chosen.

    A unit's own element (one long paragraph) is not a container: the scope stops at its parent, where
    the headings and paragraphs beside it are.
    """
    mass = _mass(units, chosen)
    total = mass.get(body, 0)
    if not total:
        return None
    whole_units = {unit.element for unit, hit in zip(units, chosen, strict=True) if hit and not unit.loose}
    node = body
    while True:
        heavy = [child for child in node if mass.get(child, 0) >= share * total and child not in whole_units]
        if not heavy:
            return node
        node = heavy[0]


def sibling_scopes(scope: HtmlElement) -> list[HtmlElement]:
    """Containers beside the scope (or beside one of its near ancestors) with its tag and class."""
    found: list[HtmlElement] = []
    node = scope
    for _ in range(SIBLING_LEVELS):
        parent = node.getparent()
        if parent is None or node.tag == "body":
            break
        signature = node.get("class")
        # the siblings of a whole story are other stories (the next articles of an endless page)
        if signature and not _is_a_story(node):
            found += [s for s in parent if s is not node and s.tag == node.tag and s.get("class") == signature]
        node = parent
    return found


def story_among_others(element: HtmlElement, outer: HtmlElement) -> HtmlElement | None:
    """The innermost element from `element` up to, not including, `outer` that is marked as a whole story,
    when `outer` holds another whole story beside it (the next articles of an endless page); else None."""
    story = None
    node = element
    while node is not None and node is not outer:
        if story is None and _is_a_story(node):
            story = node
        node = node.getparent()
    if story is None or node is not outer:
        return None
    around = {story, *story.iterancestors()}
    for other in outer.iter():
        if other not in around and _is_a_story(other) and story not in other.iterancestors():
            return story
    return None


def _is_a_story(element: HtmlElement) -> bool:
    """A schema.org article, or an <article> with a headline of its own (pages mark sections and list cards
    <article> too)."""
    if STORY_ITEMTYPE.search(element.get("itemtype") or "") is not None:
        return True
    return element.tag == "article" and next(element.iter("h1"), None) is not None


def is_chrome_container(element: HtmlElement, scope: HtmlElement) -> bool:
    """Whether the element or an ancestor below the scope looks like chrome by its tag or names."""
    path = []
    node = element
    while node is not None and node is not scope:
        path.append(node)
        node = node.getparent()
    mechanism_named = []
    for node in path:
        if node.tag in CHROME_TAGS:
            return True
        names = class_and_id(node)
        if not names:
            continue
        if CHROME_NAMES.search(names):
            return True
        if MECHANISM_NAMES.search(names):
            mechanism_named.append(node)
    # Only a mechanism-named path needs the sibling counts, which are costly on a page of many items.
    if not mechanism_named or any(_in_item_run(node) for node in path):
        return False
    return any(not _holds_an_article_part(node) for node in mechanism_named)


def _holds_an_article_part(element: HtmlElement) -> bool:
    return text_reaches(element, MIN_MECHANISM_ARTICLE_CHARS)


def text_reaches(element: HtmlElement, limit: int) -> bool:
    """Whether the element's text, whitespace collapsed, reaches `limit` characters; it reads no more of a
    big container than it needs (every unit inside may ask again)."""
    return _collapsed_length_upto(element, limit) >= limit


def text_reaches_known(element: HtmlElement, limit: int, lengths: dict[HtmlElement, tuple[int, bool]]) -> bool:
    """text_reaches, with what was read of each element kept in `lengths` (length, whole text read) for the
    next unit asking: a box of thousands of whitespace-only children was read again for each unit in it.
    A longer limit reads on to at least twice the length known, so an element is read a few times at most."""
    known, whole = lengths.get(element, (0, False))
    if known >= limit or whole:
        return known >= limit
    wanted = max(limit, 2 * known)
    length = _collapsed_length_upto(element, wanted)
    lengths[element] = (length, length < wanted)
    return length >= limit


def _collapsed_length_upto(element: HtmlElement, limit: int) -> int:
    """The length of the element's text, whitespace collapsed: exact when below `limit`, else at least `limit`."""
    pieces, read, check_at = [], 0, limit
    for piece in element.itertext():
        pieces.append(piece)
        read += len(piece)
        if read >= check_at:
            length = _collapsed_length(pieces)
            if length >= limit:
                return length
            check_at = 2 * read
    return _collapsed_length(pieces)


def _collapsed_length(pieces: list[str]) -> int:
    return len(" ".join("".join(pieces).split()))


def class_and_id(element: HtmlElement) -> str:
    """The element's class and id words, or "" when it has neither."""
    return f"{element.get('class', '')} {element.get('id', '')}".strip()


def _item_kind(element: HtmlElement) -> tuple[str, tuple[str, ...]]:
    words = (element.get("class") or "").split()
    return str(element.tag), tuple(w for w in words if not NUMBERED_CLASS.search(w))


def _in_item_run(element: HtmlElement) -> bool:
    """Whether the element is one of a run of siblings of its tag and class (the items of a list),
    each maybe alone in a nameless wrapper (a page builder's row around each card)."""
    parent = element.getparent()
    kind = _item_kind(element)
    if parent is None or not kind[1]:
        return False
    if _at_least(MIN_ITEM_RUN, (sibling for sibling in parent if _item_kind(sibling) == kind)):
        return True
    holder = parent.getparent()
    if holder is None or not _bare_wrapper(parent, element):
        return False
    wrapped = (
        wrapper for wrapper in holder if wrapper.tag == parent.tag and not (wrapper.get("class") or "").strip()
    )
    return _at_least(MIN_ITEM_RUN, (w for w in wrapped if any(_item_kind(child) == kind for child in w)))


def _at_least(count: int, items: Iterable[object]) -> bool:
    """Whether `items` yields at least `count` items; stops reading there."""
    return sum(1 for _ in itertools.islice(items, count)) >= count


def _bare_wrapper(wrapper: HtmlElement, element: HtmlElement) -> bool:
    """Whether the wrapper has no class and the element is its only child."""
    return not (wrapper.get("class") or "").strip() and len(wrapper) == 1 and wrapper[0] is element


def beside_a_picture(unit: Unit, scope: HtmlElement, lengths: dict[HtmlElement, tuple[int, bool]] | None = None) -> bool:
    """Whether the unit is the text of a box, below the scope, that holds a picture and little else.
    `lengths`: the text lengths known of elements, shared by the units of one page (see text_reaches_known)."""
    lengths = {} if lengths is None else lengths
    own = len(unit.text)
    node = unit.element
    for _ in range(PICTURE_BOX_LEVELS):
        node = node.getparent()
        if node is None or node is scope:
            return False
        if text_reaches_known(node, math.floor(own / PICTURE_BOX_TEXT_SHARE) + 1, lengths):
            return False  # the box holds other text: wider boxes hold more
        if PICTURE(node):
            return _among_paragraphs(node)
    return False


def _among_paragraphs(box: HtmlElement) -> bool:
    """Whether a paragraph stands right before or after the box: a figure in the flow of the article's
    text (a product's or a brand's card beside its picture stands among other cards)."""
    return any(
        sibling is not None and sibling.tag == "p" for sibling in (box.getprevious(), box.getnext())
    )


def reads_like_prose(unit: Unit) -> bool:
    return (
        unit.kind in PROSE_KINDS
        and not MARKUP.search(unit.text)
        and len(unit.text) >= MIN_PROSE_CHARS
        and unit.link_chars <= MAX_LINK_DENSITY * len(unit.text)
    )


def area_of(unit: Unit, areas: Sequence[HtmlElement | None]) -> HtmlElement | None:
    """The first of the areas (innermost first) that holds the unit, None if none does. (Elements compare by
    identity, so `in` finds an area in C.)"""
    if len(areas) == 1:  # most calls
        return areas[0] if areas[0] in unit.chain else None
    return next((element for element in unit.chain if element in areas), None)


def in_named_box(element: HtmlElement, scope: HtmlElement, known: dict | None = None) -> bool:
    """Whether the element or an ancestor below the scope is named as a box beside the story.

    One of a run of same-named siblings is an item of the article (a page builder's call-out modules
    in a row), not a box; the comments of a thread are items too, but their list is one box. `known`
    holds the answers for nodes already walked under the same scope (the units of an article share
    their ancestors).
    """
    known = {} if known is None else known
    path = []
    node, found = element, False
    while node is not None and node is not scope:
        if node in known:
            found = known[node]
            break
        path.append(node)
        names = class_and_id(node)
        if names and BOX_NAMES.search(names) and not _in_item_run(node):
            found = True
            break
        node = node.getparent()
    for walked in path:
        known[walked] = found
    return found


def with_lead_prose(
    units: list[Unit], chosen: list[bool], repaired: list[bool], keep_scope: HtmlElement
) -> list[bool]:
    """Keep the extractor's prose before the article's container, in one of its near ancestors.

    A story whose first paragraphs sit in a lead block before the body block (in the same parent, or in
    another section a few levels up, an intro above a list of items) holds less than the keep share, so the
    scope is the body block alone; chrome before the body is rarely prose, and what comes after the body
    (related and promo boxes) stays dropped.
    """
    holders = _lead_holders(keep_scope)
    first = next((i for i, u in enumerate(units) if area_of(u, [keep_scope]) is not None), None)
    if not holders or first is None:
        return repaired
    kept = list(repaired)
    for index in range(first):
        unit = units[index]
        if kept[index] or not chosen[index] or not reads_like_prose(unit):
            continue
        # the innermost holder of the unit: chrome is looked for below it only
        holder = area_of(unit, holders)
        kept[index] = (
            holder is not None
            and (holder is holders[0] or _body_part(unit, holder, keep_scope))
            and not is_chrome_container(unit.element, holder)
        )
    return kept


def _body_part(unit: Unit, holder: HtmlElement, keep_scope: HtmlElement) -> bool:
    """Whether the unit stands right in the holder (an intro above the body's container), or in a container
    of the tag and class of the body's container (a body split into sections)."""
    parent = unit.element.getparent()
    if parent is holder:
        return True
    body = {(node.tag, node.get("class")) for node in (keep_scope, keep_scope.getparent()) if node.get("class")}
    return parent is not None and (parent.tag, parent.get("class")) in body


def _lead_holders(keep_scope: HtmlElement) -> list[HtmlElement]:
    """The ancestors of the article's container, innermost first, LEAD_LEVELS of them at most and up to body."""
    holders: list[HtmlElement] = []
    node = keep_scope
    while len(holders) < LEAD_LEVELS and node.tag != "body" and node.getparent() is not None:
        node = node.getparent()
        holders.append(node)
    return holders
