"""Parse a decoded HTML page once, into the tree every later stage reads."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from cleaner.errors import Rejection
from cleaner.segment.html_depth import DEPTH_WARNING, flattened, hit_depth_limit, stripped

# An end tag of the document before the end of the file: the parser drops what follows it, browsers
# show it (pages stitched from a template and their content, markup appended after </html>).
DOCUMENT_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
# Memory grows with the elements of a page, ~2.5 KB each through the extractor's and our own passes (a page
# of 160,000 elements peaked at 470 MiB, one of 1.3 million at 2.3 GB). The largest page of the bench sets has
# 5,153 elements; a page of more is a data dump or an index, and is refused to keep a worker's memory bounded.
MAX_HTML_ELEMENTS = 100_000


def html_parser(**options) -> lxml.html.HTMLParser:
    """lxml.html's parser with its element classes chosen in C.

    lxml.html asks a Python function for the class of every element the moment Python first touches
    it (forms, inputs and labels get their own classes); every reader of the page, the extractor
    included, pays that call per element. Plain HtmlElements are all this package and trafilatura use.
    A parser is made per page (a few microseconds): its error log, which says whether the depth limit was
    hit, is its own and no other thread's.
    """
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False,
                                  **options)
    parser.set_element_class_lookup(
        lxml.etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


def parse_html(text: str) -> HtmlElement:
    """Parse a decoded HTML page into the one tree every later stage reads.

    Raises:
        Rejection: the document is empty, is not HTML, or its body holds no text.
    """
    return parse_html_page(text)[0]


def parse_html_page(text: str, utf8: bytes | None = None) -> tuple[HtmlElement, tuple[str, ...]]:
    """The page's tree (as parse_html) and what the record's reader should know about its parsing.
    `utf8`, when given, is the text's UTF-8, which the parser reads faster.

    Markup nested past the parser's depth limit is parsed again flattened, and if that is still too
    deep, as its text with paragraph and heading tags only.
    """
    if not text or not text.strip():
        raise Rejection("empty HTML document", stage="segment")
    whole = text
    text = _without_early_document_end(text)
    tree, too_deep = _parse_bytes(utf8) if utf8 is not None and text is whole else _parse_text(text)
    notes: tuple[str, ...] = ()
    for shallower in (flattened, stripped):
        if not too_deep:
            break
        tree, too_deep = _parse_text(shallower(text))
        notes = (DEPTH_WARNING,)
    _refuse_too_many_elements(text, tree)
    body = tree.find("body")
    if body is None or not any(piece.strip() for piece in body.itertext()):
        raise Rejection("HTML document has no text", stage="segment")
    return tree, notes


def _refuse_too_many_elements(text: str, tree: HtmlElement) -> None:
    # Counting the tags of the text is C-speed and bounds the elements from above: most pages skip the walk.
    if text.count("<") <= MAX_HTML_ELEMENTS:
        return
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_HTML_ELEMENTS:
        raise Rejection(f"too many elements for an article page ({elements} > {MAX_HTML_ELEMENTS})",
                        stage="segment")


def _parse_text(text: str) -> tuple[HtmlElement, bool]:
    """The tree, and whether the parser stopped at its depth limit (dropping what lies deeper and after)."""
    parser = html_parser()
    try:
        return lxml.html.document_fromstring(text, parser=parser), hit_depth_limit(parser.error_log)
    except ValueError:
        # "Unicode strings with encoding declaration are not supported": hand lxml the UTF-8 bytes.
        return _parse_bytes(text.encode("utf-8", "surrogatepass"))
    except lxml.etree.ParserError as err:
        raise Rejection(f"unparsable HTML document: {err}", stage="segment") from err


def _parse_bytes(data: bytes) -> tuple[HtmlElement, bool]:
    parser = html_parser(encoding="utf-8")
    try:
        return lxml.html.document_fromstring(data, parser=parser), hit_depth_limit(parser.error_log)
    except lxml.etree.ParserError as err:
        raise Rejection(f"unparsable HTML document: {err}", stage="segment") from err


def _without_early_document_end(text: str) -> str:
    """The page without its </body> and </html> end tags when markup follows them."""
    end = DOCUMENT_END.search(text)
    if end is None:
        return text
    rest = text[end.end() :]
    if "<" not in rest or not DOCUMENT_END.sub("", rest).strip():
        return text
    return DOCUMENT_END.sub("", text)
