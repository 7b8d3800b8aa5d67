"""Cut an lxml page tree into text units in document order, each tied to the element it came from."""

from __future__ import annotations

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


@dataclass(frozen=True, slots=True)
class Unit:
    """One text unit of the page: its element (the container, for a loose text run) and its text."""

    element: HtmlElement
    text: str
    kind: Kind
    link_chars: int
    loose: bool = False  # a run of text directly inside a container, not a whole element


def _tag(element) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _has_block_descendant(element: HtmlElement) -> bool:
    return any(_tag(d) in BLOCK_DESCENDANTS for d in element.iterdescendants())


def _in_link(element: HtmlElement) -> bool:
    return _tag(element) == "a" or any(_tag(a) == "a" for a in element.iterancestors())


def _skipped(element: HtmlElement, tag: str) -> bool:
    if not tag or tag in SKIPPED_TAGS:
        return True
    return tag in WIDGET_TAGS and not _has_block_descendant(element)


def _visible_text(element: HtmlElement) -> tuple[str, int]:
    """Text of an element without skipped subtrees, and how many of its characters are link text."""
    parts: list[str] = []
    link_chars = 0
    todo: list[tuple[object, bool]] = [(element, _in_link(element))]
    while todo:
        node, in_link = todo.pop()
        if isinstance(node, str):
            parts.append(node)
            link_chars += len(node.strip()) if in_link else 0
            continue
        if node.text:
            parts.append(node.text)
            link_chars += len(node.text.strip()) if in_link else 0
        pending: list[tuple[object, bool]] = []
        for child in node:
            tag = _tag(child)
            if not _skipped(child, tag):
                pending.append((child, in_link or tag == "a"))
            if tag not in INLINE_TAGS or tag == "br":
                pending.append(("\n" if tag == "br" else " ", False))
            if child.tail:
                pending.append((child.tail, in_link))
        todo.extend(reversed(pending))
    return "".join(parts), link_chars


def _unit_kind(element: HtmlElement, tag: str) -> Kind:
    for ancestor in element.iterancestors():
        atag = _tag(ancestor)
        if atag == "figcaption":
            return Kind.CAPTION
        if atag == "blockquote":
            return Kind.QUOTE
    return _TAG_KINDS.get(tag, Kind.PARAGRAPH)


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


def _is_unit(element: HtmlElement, tag: str) -> bool:
    if tag in UNIT_TAGS:
        return True
    if tag in ("li", "table", "blockquote") or tag in INLINE_TAGS:
        return not _has_block_descendant(element)
    return False


def iter_units(body: HtmlElement) -> list[Unit]:
    """Every text unit under body, in document order."""
    units: list[Unit] = []
    stack: list[object] = [body]
    while stack:
        item = stack.pop()
        if isinstance(item, Unit):
            units.append(item)
            continue
        tag = _tag(item)
        if _skipped(item, tag):
            continue
        if _is_unit(item, tag):
            unit = _make_unit(item, tag)
            if unit is not None:
                units.append(unit)
            continue
        stack.extend(reversed(_container_items(item)))
    return units


def _make_unit(element: HtmlElement, tag: str) -> Unit | None:
    raw, link_chars = _visible_text(element)
    text = raw.strip() if tag == "pre" else _collapse(raw)
    if not text:
        return None
    return Unit(element, text, _unit_kind(element, tag), link_chars)


def _container_items(container: HtmlElement) -> list[object]:
    """The children of a container, with its loose inline text gathered into Unit runs between them."""
    items: list[object] = []
    run: list[str] = [container.text or ""]
    link_chars = 0
    for child in container:
        tag = _tag(child)
        if tag in INLINE_TAGS and not _has_block_descendant(child):
            text, links = _visible_text(child)
            run.append(" " if tag == "br" else text)
            link_chars += len(text.strip()) if tag == "a" else links
        else:
            _flush_run(container, run, link_chars, items)
            items.append(child)
            run, link_chars = [], 0
        run.append(child.tail or "")
    _flush_run(container, run, link_chars, items)
    return items


def _flush_run(container: HtmlElement, run: list[str], link_chars: int, items: list[object]) -> None:
    text = _collapse("".join(run))
    if text and _in_link(container):
        link_chars = len(text)
    if text:
        kind = _unit_kind(container, "")
        items.append(Unit(container, text, kind, link_chars, loose=True))
