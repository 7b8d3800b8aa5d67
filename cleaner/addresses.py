"""Reading a document's address: its host, also when the address cannot be parsed."""

from __future__ import annotations

from urllib.parse import urlsplit


def host_of(url: str | None) -> str | None:
    """The URL's host; None for no URL, or for one that cannot be parsed ("http://[ex.com/": an unclosed
    IPv6 bracket), which names no site."""
    if not url:
        return None
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None
