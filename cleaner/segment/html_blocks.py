"""Cut an lxml page tree into text units in document order, each tied to the element it came from."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from cleaner.model import Kind

# Elements whose content is never page text.
SKIPPED_TAGS = frozenset("script style template head title meta link".split())
# Elements whose content is not page text, unless a broken page makes them swallow the layout
# (an unclosed <button> or <svg> around the whole page: the parser keeps the rest inside).
WIDGET_TAGS = frozenset("noscript svg math iframe object embed canvas select option textarea input button".split())
# Elements that are one text unit as a whole.
UNIT_TAGS = frozenset("p h1 h2 h3 h4 h5 h6 pre figcaption dt dd address caption".split())
# Elements that flow inside a line of text: they join the text run around them.
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big br cite code data del dfn em font i img ins kbd label mark q s samp small span "
    "strike strong sub sup time tt u var wbr".split()
)
# Descendants that make a list item, table or inline element a container of units instead of a unit.
BLOCK_DESCENDANTS = frozenset(
    "div p ul ol li table blockquote h1 h2 h3 h4 h5 h6 section article aside header footer nav figure "
    "pre dl form".split()
)
HEADING_TAGS = frozenset("h2 h3 h4 h5 h6".split())
# The panel of a hover card inside a line of text (a person's photo and latest stories shown over a linked
# name, a tooltip's definition): hidden until the pointer rests on it, so never part of the text. Named for
# its panel, not its trigger (the linked name stays). Bench body F1: aeb +0.0011, naeb and wcxb unchanged.
POPUP_PANEL_TAGS = frozenset({"span", "div"})
POPUP_PANEL_NAMES = re.compile(
    r"(rollover|tooltip|popover|hovercard)[\w-]*?(block|text|content|inner|body|panel)\b", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One text unit of the page: its element (the container, for a loose text run) and its text."""

    element: HtmlElement
    text: str
    kind: Kind
    link_chars: int
    loose: bool = False  # a run of text directly inside a container, not a whole element
    chain: tuple[HtmlElement, ...] = ()  # the element and its ancestors up to body, innermost first


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _block_holders(body: HtmlElement) -> set[HtmlElement]:
    """Every element under body with a block element among its descendants (one pass over the page)."""
    holders: set[HtmlElement] = set()
    for block in body.iter(*BLOCK_DESCENDANTS):
        parent = block.getparent()
        while parent is not None and parent not in holders:
            holders.add(parent)
            parent = parent.getparent()
    return holders


_WRAPPER_KINDS = {"figcaption": Kind.CAPTION, "blockquote": Kind.QUOTE}
# An element named as a caption outside a <figcaption> ("wp-caption-text", a gallery's "galleryCaption001"
# <cite>) holds a caption, when short: a long one is a layout wrapper that happens to carry the word.
# Found in one pass over the body (libxml2 tests the attributes in C), not by a look at every element.
CAPTION_NAMED_XPATH = ".//@class[contains(., 'aption')]/parent::* | .//@id[contains(., 'aption')]/parent::*"
CAPTION_NAME = re.compile(r"caption", re.IGNORECASE)
MAX_NAMED_CAPTION_CHARS = 600
PICTURE_TAGS = frozenset({"img", "picture"})


def _named_captions(body: HtmlElement) -> frozenset[HtmlElement]:
    """The short elements named as a caption."""
    named = (e for e in body.xpath(CAPTION_NAMED_XPATH)
             if CAPTION_NAME.search(f"{e.get('class', '')} {e.get('id', '')}"))
    return frozenset(e for e in named if len(e.text_content()) <= MAX_NAMED_CAPTION_CHARS)


def _wrapper_kind(element: HtmlElement, tag: str, outer: Kind | None, captions: frozenset) -> Kind | None:
    if tag in _WRAPPER_KINDS:
        return _WRAPPER_KINDS[tag]
    if outer is None and element in captions:
        return Kind.CAPTION
    return outer


def _inline_caption(element: HtmlElement, captions: frozenset) -> bool:
    """A gallery's <cite id="galleryCaption001"> beside its image: a unit of its own, not part of a line.
    Only beside a picture: a slider's "…__caption" labels ("Annual Fuel Cost") are a line's own words."""
    if element not in captions:
        return False
    parent = element.getparent()
    return parent is not None and any(sibling.tag in PICTURE_TAGS for sibling in parent)


def _skipped(element: HtmlElement, tag: str, holders: set[HtmlElement]) -> bool:
    if not tag or tag in SKIPPED_TAGS:
        return True
    return tag in WIDGET_TAGS and element not in holders


def _visible_text(element: HtmlElement, in_link: bool) -> tuple[str, int]:
    """Text of an element without skipped subtrees, and how many of its characters are link text."""
    parts: list[str] = []
    link_chars = _gather_text(element, in_link, parts)
    return "".join(parts), link_chars


def _gather_text(node: HtmlElement, in_link: bool, parts: list[str]) -> int:
    """Append the node's visible text to parts (recursion depth is bounded by the parser's
    nesting limit of 256); returns its link characters."""
    link_chars = 0
    text = node.text
    if text:
        parts.append(text)
        if in_link:
            link_chars += len(text.strip())
    for child in node:
        tag = child.tag
        tag = tag.lower() if isinstance(tag, str) else ""
        # inside a unit there is no layout left for a widget to swallow
        if tag and tag not in SKIPPED_TAGS and tag not in WIDGET_TAGS and not _popup_panel(child, tag):
            link_chars += _gather_text(child, in_link or (tag == "a" and not _is_paid_link(child)), parts)
        if tag not in INLINE_TAGS:
            parts.append(" ")
        elif tag == "br":
            parts.append("\n")
        tail = child.tail
        if tail:
            parts.append(tail)
            if in_link:
                link_chars += len(tail.strip())
    return link_chars


def _is_paid_link(link: HtmlElement) -> bool:
    """A link marked rel="sponsored": inside a paragraph or a list item, an affiliate link in the story's own
    words, which navigation never is. A sponsored link standing as a unit or box of its own ("$25 at Amazon")
    is a shop button and stays link text: counted there too, six shopping pages of wcxb-articles and naeb lost
    0.01-0.015 of body F1 each."""
    rel = link.get("rel")
    return rel is not None and "sponsored" in rel.lower()


def _popup_panel(element: HtmlElement, tag: str) -> bool:
    if tag not in POPUP_PANEL_TAGS:
        return False
    names = element.get("class")
    return bool(names) and POPUP_PANEL_NAMES.search(names) is not None


_TAG_KINDS = {
    "li": Kind.LIST_ITEM,
    "pre": Kind.PREFORMATTED,
    "table": Kind.TABLE,
    "figcaption": Kind.CAPTION,
    "caption": Kind.CAPTION,
    "blockquote": Kind.QUOTE,
    **{h: Kind.HEADING for h in HEADING_TAGS},
    "h1": Kind.HEADING,
}


def _is_unit(element: HtmlElement, tag: str, holders: set[HtmlElement]) -> bool:
    if tag in UNIT_TAGS:
        return True
    if tag in ("li", "table", "blockquote") or tag in INLINE_TAGS:
        return element not in holders
    return False


@dataclass(frozen=True, slots=True)
class _Context:
    """What a container and its ancestors make of the text inside it."""

    in_link: bool  # inside a link
    wrapper: Kind | None  # QUOTE inside a blockquote, CAPTION inside a figcaption
    chain: tuple[HtmlElement, ...]  # the container and its ancestors up to body, innermost first
    holders: set[HtmlElement]  # the elements with a block element among their descendants
    captions: frozenset[HtmlElement]  # the short elements named as a caption


def iter_units(body: HtmlElement) -> list[Unit]:
    """Every text unit under body, in document order."""
    units: list[Unit] = []
    holders = _block_holders(body)
    _visit(body, _tag(body), _Context(False, None, (), holders, _named_captions(body)), units)
    return units


def _visit(element: HtmlElement, tag: str, outer: _Context, units: list[Unit]) -> None:
    """The units of one element, seen from its parent's context (recursion depth is bounded by the
    parser's nesting limit of 256)."""
    if _skipped(element, tag, outer.holders):
        return
    if _is_unit(element, tag, outer.holders):
        unit = _make_unit(element, tag, outer)
        if unit is not None:
            units.append(unit)
        return
    context = _Context(outer.in_link or tag == "a", _wrapper_kind(element, tag, outer.wrapper, outer.captions),
                       (element, *outer.chain), outer.holders, outer.captions)
    _visit_children(element, context, units)


def _make_unit(element: HtmlElement, tag: str, context: _Context) -> Unit | None:
    raw, link_chars = _visible_text(element, context.in_link or tag == "a")
    text = raw.strip() if tag == "pre" else _collapse(raw)
    if not text:
        return None
    kind = _wrapper_kind(element, tag, context.wrapper, context.captions) or _TAG_KINDS.get(tag, Kind.PARAGRAPH)
    return Unit(element, text, kind, link_chars, chain=(element, *context.chain))


def _visit_children(container: HtmlElement, context: _Context, units: list[Unit]) -> None:
    """The children of a container in order, its loose inline text gathered into Unit runs between them."""
    holders = context.holders
    run: list[str] = [container.text or ""]
    link_chars = 0
    for child in container:
        tag = child.tag
        tag = tag.lower() if isinstance(tag, str) else ""
        if tag in INLINE_TAGS and child not in holders and not _inline_caption(child, context.captions):
            if tag == "br":
                run.append(" ")
            elif not _popup_panel(child, tag):
                link_chars += _gather_text(child, context.in_link or tag == "a", run)
        else:
            _flush_run(container, run, link_chars, units, context)
            _visit(child, tag, context, units)
            run, link_chars = [], 0
        tail = child.tail
        if tail:
            run.append(tail)
    _flush_run(container, run, link_chars, units, context)


def _flush_run(container: HtmlElement, run: list[str], link_chars: int, units: list[Unit], context: _Context) -> None:
    text = _collapse("".join(run))
    if not text:
        return
    if context.in_link:
        link_chars = len(text)
    kind = context.wrapper or Kind.PARAGRAPH
    units.append(Unit(container, text, kind, link_chars, loose=True, chain=context.chain))
