"""Counting a site's line templates over its distinct pages, and choosing the ones that are chrome."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from cleaner.learn_sites import UNKNOWN_SITE, detect_pattern, distinct_pages, site_from_title_line
from cleaner.learn_templates import Template, is_prose_line, template_of
from cleaner.model import Block
from cleaner.rules.loader import Rule, load_ruleset
from cleaner.structure import is_prose

# A template is chrome when it is on at least MIN_PAGES distinct pages and at least MIN_PAGE_SHARE of the
# site's distinct pages (tuned on bench hosts with 4-6 pages, learning from 3-5 of them, and the learn
# test corpus: two pages is the least evidence that separates chrome from a story's own lines, and half
# the pages still finds chrome of a site that changed its layout between crawls).
MIN_PAGES = 2
MIN_PAGE_SHARE = 0.5
# Long prose (a quote, a disclaimer) is chrome only when nearly every page has it: boilerplate
# disclaimers are on all pages of a layout, a running quote on a few stories (tuned on the learn test
# corpus, where a quote is on half of a site's pages).
PROSE_MIN_PAGE_SHARE = 0.9
# Learned lines may grow a little on other pages (larger numbers, longer dates).
MAX_CHARS_SLACK = 20
WHERE_NAMES = ("head", "body", "tail")
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class SitePage:
    """One page of a site, segmented."""

    url: str | None
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class LearnedLine:
    """A recurring line template and the evidence for it."""

    template: Template
    example: str
    pages: int  # distinct pages it is on
    occurrences: int  # times seen on those pages
    share: float  # pages / distinct pages of the site
    max_chars: int
    where: str  # head, body or tail: where on the page it mostly sits


@dataclass(frozen=True, slots=True)
class SiteProfile:
    site: str
    pages: int  # pages read
    distinct: int  # pages left after removing duplicates
    hosts: tuple[str, ...] = ()
    detect: tuple[str, ...] = ()
    lines: tuple[LearnedLine, ...] = field(default_factory=tuple)


@dataclass(slots=True)
class _Tally:
    """Evidence for one template while counting (local to one call, never shared)."""

    example: str
    pages: set[int] = field(default_factory=set)
    occurrences: int = 0
    max_chars: int = 0
    where: Counter = field(default_factory=Counter)


def learn_site(site: str, pages: Sequence[SitePage]) -> SiteProfile:
    """The recurring lines of one site's pages."""
    keep = distinct_pages([p.blocks for p in pages])
    distinct = [pages[i] for i in keep]
    tallies = _count_templates(distinct)
    known = _packaged_rules()
    lines = [
        _learned(t, len(distinct)) for t in tallies.values()
        if _is_chrome(t, len(distinct)) and not any(r.matches(t.example) for r in known)
    ]
    lines.sort(key=lambda line: (WHERE_NAMES.index(line.where), -line.share, line.template.key))
    return SiteProfile(
        site=site, pages=len(pages), distinct=len(distinct),
        hosts=(site,) if any(p.url for p in pages) and site != UNKNOWN_SITE else (),
        detect=_detect(distinct), lines=tuple(lines),
    )


def _count_templates(pages: Sequence[SitePage]) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = {}
    for page_no, page in enumerate(pages):
        prose = [b.index for b in page.blocks if is_prose(b.text)]
        first, last = (prose[0], prose[-1]) if prose else (len(page.blocks), -1)
        for block in page.blocks:
            template = template_of(block.text)
            if template is None:
                continue
            tally = tallies.setdefault(template.key, _Tally(example=block.text))
            tally.pages.add(page_no)
            tally.occurrences += 1
            tally.max_chars = max(tally.max_chars, len(block.text))
            tally.where[_where(block.index, first, last)] += 1
    return tallies


def _where(index: int, first_prose: int, last_prose: int) -> str:
    if index < first_prose:
        return "head"
    return "tail" if index > last_prose else "body"


def _is_chrome(tally: _Tally, distinct: int) -> bool:
    pages = len(tally.pages)
    share = pages / distinct if distinct else 0.0
    if pages < MIN_PAGES or share < MIN_PAGE_SHARE:
        return False
    return share >= PROSE_MIN_PAGE_SHARE or not is_prose_line(tally.example)


def _learned(tally: _Tally, distinct: int) -> LearnedLine:
    return LearnedLine(
        template=template_of(tally.example), example=tally.example, pages=len(tally.pages),
        occurrences=tally.occurrences, share=len(tally.pages) / distinct,
        max_chars=tally.max_chars + MAX_CHARS_SLACK, where=tally.where.most_common(1)[0][0],
    )


def _packaged_rules() -> tuple[Rule, ...]:
    # Lines the packaged rules already handle stay theirs: a learned `drop` would shadow a generic
    # `drop_rest` or `field` rule, as layout rules are tried first.
    return load_ruleset((), True).all_rules()


def _detect(pages: Sequence[SitePage]) -> tuple[str, ...]:
    """A detect pattern when most pages' first line names the same site."""
    names = Counter(site_from_title_line(p.blocks[0].text) for p in pages if p.blocks)
    names.pop(None, None)
    if not names:
        return ()
    name, count = names.most_common(1)[0]
    return (detect_pattern(name),) if count >= MIN_PAGES and count / len(pages) >= MIN_PAGE_SHARE else ()


def slug(site: str) -> str:
    """A site key as it appears in rule ids and file names: lower case, runs of other characters as _."""
    return _SLUG.sub("_", site.casefold()).strip("_") or UNKNOWN_SITE


