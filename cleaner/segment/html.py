"""The HTML front end: cut a parsed page (html_parse) into blocks and mark those of the article body."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import trafilatura
from lxml.html import HtmlElement

from cleaner.fields.page import PageHead, read_head
from cleaner.model import Block, Kind
from cleaner.segment.html_align import align, is_cut_short, tokens
from cleaner.segment.html_jsonld import declared_article_body
from cleaner.segment.html_blocks import Unit, iter_units
from cleaner.segment.html_data import with_hidden_paragraphs
from cleaner.segment.html_furniture import mark_captions, name_standfirst, without_dek
from cleaner.segment.html_index import is_index_page
from cleaner.segment.html_scope import (
    KEEP_SHARE,
    MAX_LINK_DENSITY,
    area_of,
    beside_a_picture,
    in_named_box,
    is_chrome_container,
    main_scope,
    reads_like_prose,
    sibling_scopes,
    story_among_others,
    with_lead_prose,
)

# A JSON-LD articleBody is trusted over the extractor when it has this many words and this share of
# them is found in the page's units (else it is a summary, a paywall stub or another text).
# Tuned on aeb/naeb/wcxb-articles (the pages that declare one): below ~100 words the declared text is the
# standfirst or first paragraph, not the article (with the sibling cards below: naeb body F1 +0.0018, wcxb
# +0.0004; one naeb page whose gold is cut after the intro lost).
MIN_DECLARED_TOKENS = 100
DECLARED_FOUND_SHARE = 0.8
# A declared unit that is mostly link text and that the extractor left out is a row of links to other stories
# that the page's articleBody carries along (a list of sources or a table of contents has less link text, or
# the extractor takes it). Tuned on naeb/aeb/wcxb-articles: body F1 naeb +0.0003, aeb and wcxb unchanged.
MAX_DECLARED_LINK_SHARE = 0.8
# ... in a line of this many characters at least (a note's number, a linked word, are the text's own).
MIN_LINK_ROW_CHARS = 40

# When the extractor took less than this share of the prose in the page's densest prose container,
# that container's prose is added (extractors stop at the first of several product or list cards).
# Tuned on wcxb-articles/aeb/naeb.
DENSE_FALLBACK_SHARE = 0.25
# Above this share of link text, the extractor's choice is a list of links, not an article.
# Tuned on aeb/naeb/wcxb-articles (no article page there comes close).
MAX_ARTICLE_LINK_SHARE = 0.5
# ... unless it holds this many paragraphs of prose (a deals or link-rich article). Tuned as above.
MIN_PROSE_UNITS_AMONG_LINKS = 3
# Captions and credits beside the article go to the record's captions (no effect on the body's text).
EMIT_CAPTIONS = True
# A subheading under the headline that the extractor took (beside the headline, or outside the story's
# container) is the standfirst, which the bench golds mostly leave out: body F1 aeb 0.9728 -> 0.9744, naeb
# 0.93875 -> 0.93870 (one gold keeps it), wcxb-articles 0.95238 -> 0.95241.
DROP_EXTRACTED_DEK = True
# Headings a left-out section title may have (the headline's h1 goes to the title). Taking them back
# between two kept units measured on wcxb-articles/aeb/naeb: body F1 +0.0033 / +0.0009 / +0.0001
# (sparing linked headings lost more, on anchor-linked section titles, than the teasers it spared).
SECTION_HEADINGS = frozenset("h2 h3 h4 h5 h6".split())
# A list of at least this many items between two kept units, of which the extractor took at most a part, is
# taken back whole (items too short to read as prose). Measured on wcxb-articles/naeb/aeb: body F1 +0.0005 /
# +0.0001 / unchanged (recall up on 47 pages, down on one where a list item reads as a related-box heading).
MIN_LIST_ITEMS = 2
# Merged chrome blocks stop growing at this length, so the removed list stays readable.
MAX_CHROME_BLOCK_CHARS = 2000
CHROME_JOINER = " | "

def segment_html(
    tree: HtmlElement, *, url: str | None = None, head: PageHead | None = None, live_blog: bool = False
) -> tuple[Block, ...]:
    """The page's text blocks in document order, those of the article body marked in_main.

    Args:
        tree: the page as returned by parse_html; it is not modified.
        url: the page's address, if known (helps the extractor resolve the page type).
        head: the page's declarations (read from the tree if None); a page whose metadata calls it an article
            is never taken for an index of teasers.
        live_blog: the page is a live blog, whose updates (each with its own time, author and headline) are
            no one article: no block is marked, as on an index page.

    Returns:
        One Block per text unit; all in_main=False when no article is found.
    """
    body = tree.find("body")
    if body is None:
        return ()
    units = iter_units(body)
    if live_blog:
        return _to_blocks(*_coarsen_chrome(units, [False] * len(units)))
    head = head or read_head(tree)
    in_main = _main_units(tree, body, units, url, head.tagged.scripts)
    if not _looks_like_article(units, in_main) or (not head.declares_article and is_index_page(units, in_main)):
        return _to_blocks(*_coarsen_chrome(units, [False] * len(units)))
    scope = main_scope(body, units, in_main)
    if DROP_EXTRACTED_DEK:
        without = without_dek(units, in_main, scope)
        if without != in_main:
            in_main, scope = without, main_scope(body, units, without)
    if EMIT_CAPTIONS:
        units, in_main = mark_captions(units, in_main, scope)
    # The standfirst goes to the record's lead, not its text: the bench golds mostly leave it out of the
    # body (body F1 aeb 0.967 -> 0.964, naeb 0.933 -> 0.934, wcxb-articles 0.940 -> 0.939 with it in).
    units = name_standfirst(units, in_main)
    units, in_main = with_hidden_paragraphs(head.tagged.scripts, units, in_main)
    return _to_blocks(*_coarsen_chrome(units, in_main))


def _main_units(
    tree: HtmlElement, body: HtmlElement, units: list[Unit], url: str | None, scripts: Sequence[HtmlElement]
) -> list[bool]:
    unit_words = [tokens(u.text) for u in units]
    extracted = _without_headline(units, _extracted_units(tree, units, unit_words, url))
    chosen = _densest_prose_fallback(body, units, _repaired(body, units, extracted))
    declared = _declared_units(scripts, unit_words)
    if declared is None:
        return chosen
    # The declared text is the surest vote; the extractor's other units count inside its scope only.
    declared = _without_headline(units, declared)
    scope = main_scope(body, units, declared)
    # A listicle may declare its first card only: the cards beside it (same tag and class) count too.
    areas = [scope, *sibling_scopes(scope)] if scope is not None else [scope]
    # A declared row of links is kept only where the extractor took it too.
    declared = [
        hit and (taken or not _row_of_links(unit)) for unit, hit, taken in zip(units, declared, extracted, strict=True)
    ]
    return [
        by_declared or (by_extractor and area_of(unit, areas) is not None)
        for unit, by_declared, by_extractor in zip(units, declared, chosen, strict=True)
    ]


def _row_of_links(unit: Unit) -> bool:
    """Whether the unit is a line of text that is mostly links (a row of links to other stories)."""
    return len(unit.text) >= MIN_LINK_ROW_CHARS and unit.link_chars > MAX_DECLARED_LINK_SHARE * len(unit.text)


def _extracted_units(tree: HtmlElement, units: list[Unit], unit_words: list[list[str]], url: str | None) -> list[bool]:
    """The units of the extractor's text; when its fast pass returns a list of links (a page whose menus
    it could not tell from a story held in loose text), those of its full pass with fallbacks, if fewer
    of them are links."""
    cut_short = [is_cut_short(u.text) for u in units]
    fast = align(unit_words, _trafilatura_text(tree, url, fast=TRAFILATURA_FAST), cut_short)
    if not TRAFILATURA_FAST or _link_share(units, fast) <= MAX_ARTICLE_LINK_SHARE:
        return fast
    full = align(unit_words, _trafilatura_text(tree, url, fast=False), cut_short)
    return full if any(full) and _link_share(units, full) < _link_share(units, fast) else fast


def _link_share(units: list[Unit], chosen: list[bool]) -> float:
    chars = sum(len(u.text) for u, hit in zip(units, chosen, strict=True) if hit)
    links = sum(min(u.link_chars, len(u.text)) for u, hit in zip(units, chosen, strict=True) if hit)
    return links / chars if chars else 0.0


def _without_headline(units: list[Unit], chosen: list[bool]) -> list[bool]:
    """The page's first h1, and any h1 before the chosen text, is the headline, which goes to the title field,
    never to the text; a later h1 after the chosen text has begun is a section title (pages that mark every
    heading h1)."""
    kept, started, seen_h1 = [], False, False
    for unit, hit in zip(units, chosen, strict=True):
        is_h1 = unit.element.tag == "h1"
        kept.append(hit and (not is_h1 or (started and seen_h1)))
        started = started or (hit and not is_h1)
        seen_h1 = seen_h1 or is_h1
    return kept


def _densest_prose_fallback(body: HtmlElement, units: list[Unit], chosen: list[bool]) -> list[bool]:
    """Add the prose of the page's densest prose container when the extractor took little of it (of the
    story it took from, when that container holds several: the next articles of an endless page)."""
    prose = [reads_like_prose(u) and u.element.tag != "h1" for u in units]
    scope = main_scope(body, units, prose)
    if scope is None or scope is body:
        return chosen
    chosen_scope = main_scope(body, units, chosen)
    story = story_among_others(chosen_scope, scope) if chosen_scope is not None else None
    prose_chars = _prose_chars(units, prose, story if story is not None else scope)
    taken = sum(len(u.text) for u, c in zip(units, chosen, strict=True) if c)
    if taken >= DENSE_FALLBACK_SHARE * prose_chars:
        return chosen
    inside = [area_of(u, [scope]) is not None for u in units]
    return [
        c or (p and i and not is_chrome_container(u.element, scope))
        for u, c, p, i in zip(units, chosen, prose, inside, strict=True)
    ]


def _prose_chars(units: list[Unit], prose: list[bool], area: HtmlElement) -> int:
    return sum(len(u.text) for u, p in zip(units, prose, strict=True) if p and area_of(u, [area]) is not None)


def _repaired(body: HtmlElement, units: list[Unit], chosen: list[bool]) -> list[bool]:
    scope = main_scope(body, units, chosen)
    if scope is None:
        return chosen
    siblings = sibling_scopes(scope)
    keep_scope = main_scope(body, units, chosen, KEEP_SHARE)
    repaired = _repair(units, chosen, scope, siblings, [keep_scope, *siblings])
    kept = _with_headings_between(units, with_lead_prose(units, chosen, repaired, keep_scope), scope)
    return _with_lists_between(units, kept, scope)


def _with_headings_between(units: list[Unit], kept: list[bool], scope: HtmlElement) -> list[bool]:
    """A section heading in the article's container between two kept units is the article's too
    (extractors drop short headings, a linked product name or a numbered item's title)."""
    between = [False] * len(units)
    for index in range(1, len(units) - 1):
        unit = units[index]
        between[index] = (
            not kept[index]
            and kept[index - 1]
            and kept[index + 1]
            and unit.element.tag in SECTION_HEADINGS
            and area_of(unit, [scope]) is not None
            and not is_chrome_container(unit.element, scope)
        )
    return [k or b for k, b in zip(kept, between, strict=True)]


def _with_lists_between(units: list[Unit], kept: list[bool], scope: HtmlElement) -> list[bool]:
    """A list in the article's container between two kept units, of which the extractor took at most a part,
    is the article's (its items too short to read as prose: an edition's contents, a list of features);
    a list of links (other stories, tags, a menu) is not."""
    out = list(kept)
    start = 0
    while start < len(units):
        end = _list_run_end(units, start)
        if end - start >= MIN_LIST_ITEMS and _list_between(units, kept, start, end, scope):
            out[start:end] = [True] * (end - start)
        start = max(end, start + 1)
    return out


def _list_run_end(units: list[Unit], start: int) -> int:
    """The end of the run of list items of one list that begins at `start` (start itself if none does)."""
    if units[start].element.tag != "li":
        return start
    parent = units[start].element.getparent()
    end = start
    while end < len(units) and units[end].element.tag == "li" and units[end].element.getparent() is parent:
        end += 1
    return end


def _list_between(units: list[Unit], kept: list[bool], start: int, end: int, scope: HtmlElement) -> bool:
    """Whether the list items units[start:end], not all kept, follow a kept unit (or begin with a kept item),
    precede one, are mostly plain text and stand in the article's container outside any chrome."""
    run = units[start:end]
    before = kept[start - 1] if start > 0 else False
    after = kept[end] if end < len(units) else False
    chars = sum(len(u.text) for u in run)
    return (
        not all(kept[start:end])
        and (before or kept[start])
        and after
        and sum(u.link_chars for u in run) <= MAX_LINK_DENSITY * chars
        and area_of(run[0], [scope]) is not None
        and not is_chrome_container(run[0].element, scope)
    )


def _declared_units(scripts: Sequence[HtmlElement], unit_words: list[list[str]]) -> list[bool] | None:
    """The units of the page's JSON-LD articleBody, when it is long and is the page's own text."""
    declared = tokens(declared_article_body(scripts))
    if len(declared) < MIN_DECLARED_TOKENS:
        return None
    matched = align(unit_words, " ".join(declared))
    found = sum(len(words) for words, hit in zip(unit_words, matched, strict=True) if hit)
    return matched if found >= DECLARED_FOUND_SHARE * len(declared) else None


def _repair(
    units: list[Unit], chosen: list[bool], scope: HtmlElement, siblings: list[HtmlElement], keep: list[HtmlElement]
) -> list[bool]:
    """Take back prose the extractor left out inside the article's containers; drop what it took far outside."""
    repaired = []
    boxes: dict[HtmlElement, dict] = {}  # per kept container, the nodes known to be in a named box or not
    lengths: dict[HtmlElement, tuple[int, bool]] = {}  # the text lengths known of the boxes above the units
    for unit, hit in zip(units, chosen, strict=True):
        area = area_of(unit, [scope, *siblings])
        if hit:
            kept_in = area_of(unit, keep)
            hit = kept_in is not None and not in_named_box(unit.element, kept_in, boxes.setdefault(kept_in, {}))
        elif reads_like_prose(unit) and unit.element.tag != "h1" and area is not None:
            hit = (
                not is_chrome_container(unit.element, area)
                and (area is scope or unit.element.tag == "p")
                and not beside_a_picture(unit, area, lengths)
            )
        repaired.append(hit)
    return repaired


def _looks_like_article(units: list[Unit], in_main: list[bool]) -> bool:
    """False for link lists (index, live and listing pages) that an extractor returns for want of an article."""
    if not any(u.text for u, main in zip(units, in_main, strict=True) if main):
        return False
    prose = sum(1 for u, main in zip(units, in_main, strict=True) if main and reads_like_prose(u))
    return _link_share(units, in_main) <= MAX_ARTICLE_LINK_SHARE or prose >= MIN_PROSE_UNITS_AMONG_LINKS


def _coarsen_chrome(units: list[Unit], in_main: list[bool]) -> tuple[list[Unit], list[bool]]:
    """Merge runs of chrome units under one parent (the items of a menu) into one unit each."""
    merged: list[Unit] = []
    flags: list[bool] = []
    run: list[Unit] = []  # the units merged into merged[-1], joined when the run ends
    size = 0  # the length of the run's merged text
    for unit, main in zip(units, in_main, strict=True):
        if (
            not main
            and run
            and not flags[-1]
            and Kind.LEAD not in (unit.kind, run[0].kind)
            and run[0].element.getparent() is unit.element.getparent()
            and size < MAX_CHROME_BLOCK_CHARS
        ):
            run.append(unit)
            size += len(CHROME_JOINER) + len(unit.text)
            continue
        _close_run(merged, run)
        merged.append(unit)
        flags.append(main)
        run, size = [unit], len(unit.text)
    _close_run(merged, run)
    return merged, flags


def _close_run(merged: list[Unit], run: list[Unit]) -> None:
    if len(run) > 1:
        text = CHROME_JOINER.join(u.text for u in run)
        merged[-1] = replace(run[0], text=text, link_chars=sum(u.link_chars for u in run))


# Skip trafilatura's own fallback extractors (readability, jusText): the article-scope repair here does
# that job. Measured on bench aeb / naeb: body F1 0.967 / 0.926 with the fallback, 0.967 / 0.933 without,
# and about 1.5x faster. A fast pass that returns mostly link text is run again in full (see _extracted_units).
TRAFILATURA_FAST = True


def _trafilatura_text(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    # bare_extraction prunes the tree it works on, but given an element it first takes its own copy
    # (trafilatura.core: "if tree is filecontent: tree = copy(tree)"), so a copy of ours would be a
    # second one (7 ms a page against 14 ms for a parse); test_tree_is_not_modified guards this.
    document = trafilatura.bare_extraction(
        tree, url=url, with_metadata=False, include_comments=False, include_tables=True, fast=fast
    )
    return (document.text or "") if document is not None else ""


def _to_blocks(units: list[Unit], in_main: list[bool]) -> tuple[Block, ...]:
    return tuple(
        Block(
            index=index,
            text=unit.text,
            kind=unit.kind,
            tag=str(unit.element.tag),
            link_density=unit.link_chars / max(len(unit.text), 1),
            in_main=main,
        )
        for index, (unit, main) in enumerate(zip(units, in_main, strict=True))
    )
