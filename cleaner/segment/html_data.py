"""The rest of a story that a page carries in its data but does not show.

Paywalled pages built with script frameworks print the first paragraphs and keep the whole story in a JSON
data script (Next.js `__NEXT_DATA__` and the like) as rich-text nodes: `{"type": "paragraph", "content":
[{"type": "text", "value": ...}]}` (Bloomberg-style and Contentful), `{"_type": "block", "children":
[{"text": ...}]}` (Portable Text), `{"type": "text", "content": "<p>..."}` (Arc XP). When the page's shown
text is the start of such a body, the paragraphs it hides are the story's continuation.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence

from lxml.html import HtmlElement

from cleaner.model import Kind
from cleaner.segment.html_blocks import Unit

# The letters of "JSON" lower-cased, and no others: a data script's type is read as XPath's translate() reads it.
JSON_LOWER = str.maketrans("JSON", "json")
# Markers of rich-text nodes: a script without any is not parsed (most pages' data holds none; parsing
# a 300 kB data script costs milliseconds).
NODE_MARKERS = ('"paragraph"', '"block"', '"content_elements"', '"ParagraphBlock"')
TYPE_KEYS = ("type", "nodeType", "_type", "__typename")
PARAGRAPH_TYPES = frozenset({"paragraph", "block", "paragraphblock"})
TEXT_KEYS = ("value", "text")
CHILD_KEYS = ("content", "children")
# Rich-text bodies sit a dozen levels down in the page data (props > pageProps > story > body > content);
# the walk stops well below Python's recursion limit.
MAX_JSON_DEPTH = 40
# An Arc XP element's tags; a ">" inside a longer tag's attribute leaves it text, as in a browser.
_TAGS = re.compile(r"<[^>]{0,500}>")
# A body is a list of at least this many paragraph nodes (a card's blurb is one).
MIN_PARAGRAPH_NODES = 3
# The data body must be this much longer than the shown text to be its continuation: a page that shows its
# whole story, and carries it again in its data, gains nothing. (Paywalled bench pages: 4x to 18x.)
MIN_HIDDEN_RATIO = 1.5
# Share of the shown prose found among the data paragraphs: the data must be this story, not another one
# (the two paywalled bench pages: all of it; a related story shares none).
MIN_SHOWN_FOUND_SHARE = 0.5
# A shown paragraph is found in the data by its opening characters (data text differs in spacing and marks);
# paragraphs shorter than MIN_PROBE_CHARS (a dateline, a one-word line) say nothing about which story it is.
PROBE_CHARS = 60
MIN_PROBE_CHARS = 30


def with_hidden_paragraphs(
    scripts: Sequence[HtmlElement], units: list[Unit], in_main: list[bool]
) -> tuple[list[Unit], list[bool]]:
    """The units with the data body's hidden paragraphs inserted after the shown text, when the page (whose
    scripts are given) shows only the start of a story its data carries whole."""
    shown = [u for u, main in zip(units, in_main, strict=True) if main and u.kind is not Kind.CAPTION]
    if not shown:
        return units, in_main
    found = _data_body(scripts, shown)
    if found is None:
        return units, in_main
    script, paragraphs = found
    shown_keys = {_probe(u.text) for u in shown}
    hidden = [p for p in paragraphs if _probe(p) not in shown_keys]
    last = max(i for i, main in enumerate(in_main) if main)
    extra = [Unit(element=script, text=text, kind=Kind.PARAGRAPH, link_chars=0) for text in hidden]
    return units[: last + 1] + extra + units[last + 1 :], in_main[: last + 1] + [True] * len(extra) + in_main[last + 1 :]


def _data_body(scripts: Sequence[HtmlElement], shown: Sequence[Unit]) -> tuple[HtmlElement, list[str]] | None:
    """The script holding the longest list of rich-text paragraphs that continues the shown story, and
    the paragraphs' texts (a related story in the same data may be longer)."""
    needed = MIN_HIDDEN_RATIO * sum(len(u.text) for u in shown)
    best: tuple[HtmlElement, list[str]] | None = None
    best_length = 0
    for script in filter(_is_data_script, scripts):
        for paragraphs in _paragraph_lists(_loaded(script.text or ""), 0):
            length = sum(map(len, paragraphs))
            if length >= needed and length > best_length and _is_same_story(shown, paragraphs):
                best, best_length = (script, paragraphs), length
    return best


def _is_data_script(script: HtmlElement) -> bool:
    """A script whose type names JSON, but not JSON-LD (the page's metadata, not its data)."""
    kind = script.get("type") or ""
    return "json" in kind.translate(JSON_LOWER) and "ld+json" not in kind


def _loaded(text: str) -> object:
    """The script's JSON; None for a script without rich-text nodes, or one that is no JSON."""
    if not any(marker in text for marker in NODE_MARKERS):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):  # nested past the parser's stack: no body of ours is that deep
        return None


def _is_same_story(shown: Sequence[Unit], paragraphs: Sequence[str]) -> bool:
    keys = {_probe(p) for p in paragraphs}
    prose = [u for u in shown if len(u.text) >= MIN_PROBE_CHARS]
    return bool(prose) and sum(_probe(u.text) in keys for u in prose) >= MIN_SHOWN_FOUND_SHARE * len(prose)


def _probe(text: str) -> str:
    return " ".join(text.split())[:PROBE_CHARS].casefold()


def _paragraph_lists(data: object, depth: int) -> Iterator[list[str]]:
    """Every list in the data holding MIN_PARAGRAPH_NODES or more paragraph nodes, as the nodes' texts."""
    if depth > MAX_JSON_DEPTH:
        return
    if isinstance(data, dict):
        for value in data.values():
            yield from _paragraph_lists(value, depth + 1)
        return
    if not isinstance(data, list):
        return
    paragraphs = [text for item in data if (text := _paragraph_text(item))]
    if len(paragraphs) >= MIN_PARAGRAPH_NODES:
        yield paragraphs
        return
    for item in data:
        yield from _paragraph_lists(item, depth + 1)


def _paragraph_text(node: object) -> str | None:
    if not isinstance(node, dict):
        return None
    kind = next((node[k] for k in TYPE_KEYS if isinstance(node.get(k), str)), "").casefold()
    if kind == "text" and isinstance(node.get("content"), str):  # Arc XP: the paragraph's HTML
        text = html.unescape(_TAGS.sub("", node["content"]))
    elif kind in PARAGRAPH_TYPES:
        text = "".join(_leaf_texts(node, 0))
    else:
        return None
    return " ".join(text.split()) or None


def _leaf_texts(node: object, depth: int) -> Iterator[str]:
    if depth > MAX_JSON_DEPTH:
        return
    if isinstance(node, list):
        for item in node:
            yield from _leaf_texts(item, depth + 1)
    elif isinstance(node, dict):
        for key in TEXT_KEYS:
            if isinstance(node.get(key), str):
                yield node[key]
        for key in CHILD_KEYS:
            if isinstance(node.get(key), list):
                yield from _leaf_texts(node[key], depth + 1)
