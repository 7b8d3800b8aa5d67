"""The HTML front end: parse a page once, cut it into blocks and mark those of the article body."""

from __future__ import annotations

import copy

import lxml.etree
import lxml.html
import trafilatura
from lxml.html import HtmlElement

from cleaner.errors import Rejection
from cleaner.model import Block, Kind
from cleaner.segment.html_align import align, tokens
from cleaner.segment.html_blocks import Unit, iter_units
from cleaner.segment.html_scope import is_chrome_container, main_scope, reads_like_prose, sibling_scopes

_PARSER = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)


def parse_html(text: str) -> HtmlElement:
    """Parse a decoded HTML page into the one tree every later stage reads.

    Raises:
        Rejection: the document is empty, is not HTML, or its body holds no text.
    """
    if not text or not text.strip():
        raise Rejection("empty HTML document", stage="segment")
    try:
        tree = lxml.html.document_fromstring(text, parser=_PARSER)
    except ValueError:
        # "Unicode strings with encoding declaration are not supported": hand lxml the UTF-8 bytes.
        tree = _parse_bytes(text.encode("utf-8", "surrogatepass"))
    except lxml.etree.ParserError as err:
        raise Rejection(f"unparsable HTML document: {err}", stage="segment") from err
    body = tree.find("body")
    if body is None or not "".join(body.itertext()).strip():
        raise Rejection("HTML document has no text", stage="segment")
    return tree


def _parse_bytes(data: bytes) -> HtmlElement:
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False, encoding="utf-8"
    )
    try:
        return lxml.html.document_fromstring(data, parser=parser)
    except lxml.etree.ParserError as err:
        raise Rejection(f"unparsable HTML document: {err}", stage="segment") from err


def segment_html(tree: HtmlElement, *, url: str | None = None) -> tuple[Block, ...]:
    """The page's text blocks in document order, those of the article body marked in_main.

    Args:
        tree: the page as returned by parse_html; it is not modified.
        url: the page's address, if known (helps the extractor resolve the page type).

    Returns:
        One Block per text unit; all in_main=False when no article is found.
    """
    body = tree.find("body")
    if body is None:
        return ()
    units = iter_units(body)
    in_main = _main_units(tree, body, units, url)
    return _to_blocks(tree, units, in_main)


def _main_units(tree: HtmlElement, body: HtmlElement, units: list[Unit], url: str | None) -> list[bool]:
    reference = _trafilatura_text(tree, url)
    matched = align([tokens(u.text) for u in units], reference)
    chosen = [hit and u.element.tag != "h1" for u, hit in zip(units, matched, strict=True)]
    scope = main_scope(body, units, chosen)
    if scope is None:
        return chosen
    return _repair(units, chosen, [scope, *sibling_scopes(scope)])


def _repair(units: list[Unit], chosen: list[bool], areas: list[HtmlElement]) -> list[bool]:
    """Take back prose the extractor left out inside the article's containers."""
    repaired = []
    for unit, hit in zip(units, chosen, strict=True):
        if not hit and reads_like_prose(unit) and unit.element.tag != "h1":
            area = _area_of(unit.element, areas)
            hit = area is not None and not is_chrome_container(unit.element, area)
        repaired.append(hit)
    return repaired


def _area_of(element: HtmlElement, areas: list[HtmlElement]) -> HtmlElement | None:
    for ancestor in (element, *element.iterancestors()):
        if any(ancestor is area for area in areas):
            return ancestor
    return None


def _trafilatura_text(tree: HtmlElement, url: str | None) -> str:
    document = trafilatura.bare_extraction(
        copy.deepcopy(tree), url=url, with_metadata=False, include_comments=False, include_tables=True
    )
    return (document.text or "") if document is not None else ""


def _to_blocks(tree: HtmlElement, units: list[Unit], in_main: list[bool]) -> tuple[Block, ...]:
    root = tree.getroottree()
    blocks = []
    for index, (unit, main) in enumerate(zip(units, in_main, strict=True)):
        blocks.append(
            Block(
                index=index,
                text=unit.text,
                kind=unit.kind,
                tag=str(unit.element.tag),
                path=_short_path(root.getpath(unit.element)),
                link_density=unit.link_chars / max(len(unit.text), 1),
                in_main=main,
            )
        )
    return tuple(blocks)


def _short_path(xpath: str) -> str:
    return xpath.removeprefix("/html/").lstrip("/")
