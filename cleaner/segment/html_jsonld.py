"""The article text a page declares in its JSON-LD (schema.org articleBody), as a reference to vote with."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable

from lxml.html import HtmlElement

_TAGS = re.compile(r"<[^>]{0,500}>")
# Nesting depth at which the search for articleBody gives up (JSON-LD graphs are shallow).
MAX_JSON_DEPTH = 12


def declared_article_body(scripts: Iterable[HtmlElement]) -> str:
    """The longest schema.org articleBody among the page's JSON-LD scripts, as plain text ("" if none)."""
    best = ""
    for script in scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        if "articleBody" not in script.text:
            continue
        try:
            data = json.loads(script.text)
        except (ValueError, RecursionError):  # nested past the parser's stack: no article body is that deep
            continue
        for text in _article_bodies(data, 0):
            if len(text) > len(best):
                best = text
    return html.unescape(_TAGS.sub(" ", best)) if best else ""


def _article_bodies(data: object, depth: int) -> list[str]:
    if depth > MAX_JSON_DEPTH:
        return []
    if isinstance(data, list):
        return [text for item in data for text in _article_bodies(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    found = [data["articleBody"]] if isinstance(data.get("articleBody"), str) else []
    for value in data.values():
        if isinstance(value, (dict, list)):
            found += _article_bodies(value, depth + 1)
    return found
