"""Markup nested deeper than the HTML parser goes.

libxml2 stops building the tree at a nesting depth of 256 and drops everything below and after that point:
a page of 10,000 unclosed <font> or nested <div> tags loses its article without an error. Such a page is
parsed again with its containers flattened: each container boundary becomes a paragraph break and inline
formatting goes, while links and the page's navigation, header and footer keep their tags, so a menu is
still a menu. A page still too deep (nested through other tags) is read as its text with paragraph and
heading tags only.
"""

from __future__ import annotations

import re

# What libxml2 reports when it stops at its depth limit.
DEPTH_ERROR = "Excessive depth"
DEPTH_WARNING = "markup nested deeper than the parser's limit: read with its containers flattened"
# Containers whose boundaries separate blocks of text: each becomes a paragraph break.
CONTAINER_TAGS = re.compile(
    r"</?(?:div|section|article|main|aside|center|table|tbody|thead|tfoot|tr|td|th|form|fieldset|dl|dd|dt|"
    r"blockquote|figure|ul|ol|li)\b[^>]*>",
    re.IGNORECASE,
)
# Inline formatting, the other way markup nests without end (unclosed <font> and <b> on old pages): dropped.
INLINE_TAGS = re.compile(r"</?(?:span|font|b|i|u|em|strong|small|big|sup|sub|abbr|cite|q|s|strike|tt)\b[^>]*>",
                         re.IGNORECASE)
# The tags a stripped page keeps: none of them nests in practice.
SHALLOW_TAGS = re.compile(
    r"<(?!/?(?:html|head|body|title|meta|link|script|style|p|br|h[1-6])\b)/?[a-zA-Z][^>]*>", re.IGNORECASE)
PARAGRAPH_BREAK = "<p>"
# Breaks in a row (the ends of many nested containers) are one break.
REPEATED_BREAKS = re.compile(r"(?:<p>\s*){2,}")


def hit_depth_limit(error_log) -> bool:
    """Whether the parser's error log says it stopped at its depth limit."""
    return any(DEPTH_ERROR in entry.message for entry in error_log)


def flattened(text: str) -> str:
    """The page with container boundaries as paragraph breaks and inline formatting removed."""
    return REPEATED_BREAKS.sub(PARAGRAPH_BREAK, CONTAINER_TAGS.sub(PARAGRAPH_BREAK, INLINE_TAGS.sub("", text)))


def stripped(text: str) -> str:
    """The page with every tag but paragraphs, headings and the document's frame as a paragraph break."""
    return REPEATED_BREAKS.sub(PARAGRAPH_BREAK, SHALLOW_TAGS.sub(PARAGRAPH_BREAK, text))
