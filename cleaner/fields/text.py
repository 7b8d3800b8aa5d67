"""Fields of a text dump, read from the blocks the classifier consumed (title line, datelines, captions...)."""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.classify import TITLE_LINE, TITLE_REPEAT
from cleaner.fields.dates import parse_date
from cleaner.fields.people import parse_byline
from cleaner.model import Fields, Judged, Kind
from cleaner.rules.loader import Layout

TITLE_SEPARATOR = " | "
# A dateline sits within a few blocks under the headline (byline, share bar, date); a longer block is prose.
HEADER_SCAN_BLOCKS = 6
HEADER_LINE_MAX_CHARS = 200
CATEGORY_SEPARATORS = (",", ";", "|", "·")


def read_text_fields(judged: Sequence[Judged], layout: Layout | None = None, crawl_date: str | None = None) -> Fields:
    """Title, site, section, date, byline, agency, captions and categories of a dump."""
    day_first = layout.day_first if layout else None
    title, section, site, date = _title_line(judged, day_first, crawl_date)
    values = _consumed_values(judged)
    byline = _first(values, "byline")
    people = parse_byline(byline, site=site) if byline else None
    if date is None:
        date = next((d for raw in values.get("date", ()) if (d := parse_date(raw, day_first=day_first, not_after=crawl_date))), None)
    if date is None:
        date = _header_date(judged, day_first, crawl_date)
    return Fields(
        site=(layout.site if layout and layout.site else site),
        section=section,
        title=title,
        byline=people.byline if people else None,
        authors=people.authors if people else (),
        agency=(people.agency if people else None) or _first(values, "agency"),
        date=date,
        lead=next((j.block.text for j in judged if j.verdict.keep and j.block.kind is Kind.LEAD), None),
        captions=tuple(values.get("caption", ())),
        categories=_categories(values.get("categories", ())),
    )


def _title_line(judged: Sequence[Judged], day_first: bool | None, crawl_date: str | None) -> tuple:
    """(title, section, site, date) from a `Title | Section | Site | Date` line or a plain headline."""
    line = next((j.block.text for j in judged if j.verdict.rule_id == TITLE_LINE), None)
    repeat = next((j.block.text for j in judged if j.verdict.rule_id == TITLE_REPEAT), None)
    if line is None:
        return repeat, None, None, None
    parts = [p.strip() for p in line.split(TITLE_SEPARATOR) if p.strip()]
    title = repeat or parts[0]
    rest = parts[1:]
    date = parse_date(rest[-1], day_first=day_first, not_after=crawl_date) if rest else None
    if date:
        rest = rest[:-1]
    site = rest[-1] if rest else None
    section = TITLE_SEPARATOR.join(rest[:-1]) or None
    return title, section, site, date


def _header_date(judged: Sequence[Judged], day_first: bool | None, crawl_date: str | None) -> str | None:
    """The first date printed in the short lines under the headline (bylines such as "By X on May 3, 2024")."""
    title = next((i for i, j in enumerate(judged) if j.verdict.rule_id == TITLE_LINE), None)
    if title is None:
        return None
    for j in judged[title + 1 : title + 1 + HEADER_SCAN_BLOCKS]:
        if len(j.block.text) <= HEADER_LINE_MAX_CHARS and (date := parse_date(j.block.text, day_first=day_first, not_after=crawl_date)):
            return date
    return None


def _consumed_values(judged: Sequence[Judged]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for j in judged:
        for name, value in j.verdict.values:
            values.setdefault(name, []).append(value)
    return values


def _first(values: dict[str, list[str]], name: str) -> str | None:
    found = values.get(name)
    return found[0] if found else None


def _categories(lines: Sequence[str]) -> tuple[str, ...]:
    names: list[str] = []
    for line in lines:
        for sep in CATEGORY_SEPARATORS[1:]:
            line = line.replace(sep, CATEGORY_SEPARATORS[0])
        names.extend(n.strip() for n in line.split(CATEGORY_SEPARATORS[0]) if n.strip())
    return tuple(dict.fromkeys(names))
