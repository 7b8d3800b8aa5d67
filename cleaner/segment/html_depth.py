"""Markup nested deeper than the HTML parser goes.

libxml2 stops building the tree at a nesting depth of 256 and drops everything below and after that point:
a page of 10,000 unclosed <font> or nested <div> tags loses its article without an error. Such a page is
parsed again with its container and inline tags flattened: each container boundary becomes a paragraph
break, inline tags go, and the text survives in order.
"""

from __future__ import annotations

import re

# What libxml2 reports when it stops at its depth limit.
DEPTH_ERROR = "Excessive depth"
DEPTH_WARNING = "markup nested deeper than the parser's limit: read with its containers flattened"
# Containers whose boundaries separate blocks of text: each becomes a paragraph break.
CONTAINER_TAGS = re.compile(
    r"</?(?:div|section|article|main|aside|header|footer|nav|center|table|tbody|thead|tfoot|tr|td|th|form|"
    r"fieldset|dl|dd|dt|blockquote|figure|ul|ol|li)\b[^>]*>",
    re.IGNORECASE,
)
# Inline tags, the other way markup nests without end (unclosed <font> and <b> on old pages): dropped.
INLINE_TAGS = re.compile(r"</?(?:span|font|b|i|u|em|strong|small|big|sup|sub|a|abbr|cite|q|s|strike|tt)\b[^>]*>",
                         re.IGNORECASE)
PARAGRAPH_BREAK = "<p>"
# Breaks in a row (the ends of many nested containers) are one break.
REPEATED_BREAKS = re.compile(r"(?:<p>\s*){2,}")


def hit_depth_limit(error_log) -> bool:
    """Whether the parser's error log says it stopped at its depth limit."""
    return any(DEPTH_ERROR in entry.message for entry in error_log)


def flattened(text: str) -> str:
    """The page with container boundaries as paragraph breaks and inline tags removed."""
    return REPEATED_BREAKS.sub(PARAGRAPH_BREAK, CONTAINER_TAGS.sub(PARAGRAPH_BREAK, INLINE_TAGS.sub("", text)))
