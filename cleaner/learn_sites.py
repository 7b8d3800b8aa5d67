"""Which site a page belongs to, and which pages of a site are the same story twice."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from cleaner.addresses import host_of
from cleaner.model import Block
from cleaner.structure import is_prose

UNKNOWN_SITE = "unknown"
# A site name in a title line is a few words (DW, The Guardian, Deutsche Welle - English).
SITE_MAX_CHARS = 40
SITE_MAX_WORDS = 5
TITLE_PARTS = " | "
TITLE_SUFFIXES = (" - ", " – ", " — ", " :: ")
_DATE_PART = re.compile(r"^[\d\s./:-]{6,}$|\d{4}")
# Two pages whose stories share at least this share of word shingles (Jaccard) are one story crawled
# twice or syndicated (tuned on the learn test corpus: a syndicated copy with its own chrome and a
# changed byline is above 0.8; distinct stories on one topic, sharing a running quote, are below 0.1).
NEAR_DUPLICATE_JACCARD = 0.5
SHINGLE_WORDS = 5


def site_key(url: str | None, first_line: str | None) -> str:
    """The URL host without www. when known, else the site named in a dump's first line, else unknown."""
    host = host_of(url)
    if host:
        return host.removeprefix("www.")
    site = site_from_title_line(first_line or "")
    return site or UNKNOWN_SITE


def site_from_title_line(line: str) -> str | None:
    """The site of a `Title | Section | Site | Date` line, or of a `Title - Site` / `Title | Site` one."""
    parts = [p.strip() for p in line.split(TITLE_PARTS)]
    if len(parts) >= 3 and _DATE_PART.search(parts[-1]):
        return _plausible_site(parts[-2])
    if len(parts) >= 2:
        return _plausible_site(parts[-1])
    for suffix in TITLE_SUFFIXES:
        if suffix in line:
            return _plausible_site(line.rsplit(suffix, 1)[1].strip())
    return None


def _plausible_site(name: str) -> str | None:
    if not name or len(name) > SITE_MAX_CHARS or len(name.split()) > SITE_MAX_WORDS:
        return None
    return name if re.search(r"[^\W\d_]", name) else None


def detect_pattern(site: str) -> str:
    """A layout `detect` pattern finding the site's name as the last part (or before a date) of a title line."""
    name = re.escape(site)
    return rf"(?: \| | [-–—] | :: ){name}(?: \| [^|]*)?\s*$"


def content_hash(blocks: Sequence[Block]) -> str:
    text = "\n".join(" ".join(b.text.split()).casefold() for b in blocks)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def story_shingles(blocks: Sequence[Block]) -> frozenset[int]:
    """Hashed word shingles of a page's prose, the part that tells one story from another."""
    words = [w for b in blocks if is_prose(b.text) for w in re.findall(r"\w+", b.text.casefold())]
    return frozenset(hash(tuple(words[i : i + SHINGLE_WORDS])) for i in range(len(words) - SHINGLE_WORDS + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def distinct_pages(pages: Sequence[Sequence[Block]]) -> list[int]:
    """Indexes of the pages to learn from: the first of each group of exact or near duplicates."""
    kept: list[int] = []
    seen_hashes: set[str] = set()
    kept_shingles: list[frozenset[int]] = []
    for index, blocks in enumerate(pages):
        digest = content_hash(blocks)
        shingles = story_shingles(blocks)
        if digest in seen_hashes or any(jaccard(shingles, other) >= NEAR_DUPLICATE_JACCARD for other in kept_shingles):
            continue
        seen_hashes.add(digest)
        kept_shingles.append(shingles)
        kept.append(index)
    return kept
