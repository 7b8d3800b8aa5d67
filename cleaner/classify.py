"""Verdicts for blocks: structure first (title, captions, main content), then chrome rules, then kinds.

Every removed block names the rule that removed it. Rules from TOML files carry their own ids; the
structural decisions made here use the ids in STRUCTURE_RULES.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.model import Action, Block, Format, Judged, Kind, Verdict
from cleaner.rules.loader import Rule, RuleFile, RuleMatcher, RuleSet, compile_matcher

TITLE_LINE = "structure.title.line"
TITLE_REPEAT = "structure.title.repeat"
OUTSIDE_MAIN = "structure.outside_main"
OUTSIDE_ARTICLE = "structure.outside_article"
CAPTION = "structure.caption"
STRUCTURE_RULES = {
    TITLE_LINE: ("title", "the page's title line, read into title / section / site / date"),
    TITLE_REPEAT: ("title", "the headline printed again above the story"),
    OUTSIDE_MAIN: ("boilerplate", "an HTML block outside the main content"),
    OUTSIDE_ARTICLE: ("boilerplate", "a dump's block outside the densest run of prose (the article)"),
    CAPTION: ("caption", "an HTML figure caption, moved into captions"),
}

# A field rule without named groups reads the whole block into its field.
BLOCK_VALUE_FIELDS = {"captions": "caption", "categories": "categories", "byline": "byline", "date": "date"}
# A paragraph of running prose: at least this long and ending like a sentence (tuned on the seeds and
# bench/aeb dumps: menu items and teasers are shorter, one-sentence news paragraphs are longer).
PROSE_MIN_CHARS = 80
SENTENCE_END = re.compile(r"[.!?…:;]['\"”’»)]*$")
# A headline is a short line of a few words without a full stop.
TITLE_MAX_CHARS = 200
TITLE_MIN_WORDS = 3
# A subheading between paragraphs of a dump (seed DW subheadings have 3-4 words).
HEADING_MAX_CHARS = 90
HEADING_MAX_WORDS = 12
# Weights for finding the article in a dump as the run of blocks with the largest total weight: prose
# counts by its words, a short or link-heavy block costs a fixed amount (tuned on bench/aeb and naeb dumps,
# both renderers: menus are runs of short lines, articles runs of sentences with a few short lines between).
SPAN_PROSE_MIN_WORDS = 8
SPAN_SHORT_COST = 3.0
SPAN_LONG_TEXT_FACTOR = 0.5
SPAN_LINK_HEAVY = 0.5
SPAN_LINK_COST = 6.0
# How many blocks of a dump's first lines a layout's `detect` patterns look at.
DETECT_HEAD_BLOCKS = 5


@dataclass(frozen=True, slots=True)
class Page:
    """What rule matching needs to know about the whole page."""

    first_prose: int
    last_prose: int
    title_index: int | None
    repeat_index: int | None


def select_layouts(ruleset: RuleSet, blocks: Sequence[Block], host: str | None) -> tuple[RuleFile, ...]:
    """The site layouts that apply: by URL host, or by a detect pattern on the first blocks."""
    head = [b.text for b in blocks[:DETECT_HEAD_BLOCKS]]
    chosen = []
    for rule_file in ruleset.layouts:
        layout = rule_file.layout
        by_host = host is not None and any(host == h or host.endswith("." + h) for h in layout.hosts)
        by_text = any(p.search(text) for p in layout.detect for text in head)
        if by_host or by_text:
            chosen.append(rule_file)
    return tuple(chosen)


def classify(blocks: Sequence[Block], rules: Sequence[Rule], fmt: Format, lead_after_title: bool = False) -> tuple[Judged, ...]:
    """A verdict for every block, in order."""
    page = _page_shape(blocks, fmt)
    applicable = tuple(r for r in rules if fmt in r.formats)
    matcher = compile_matcher(applicable)
    by_id = {r.id: r for r in applicable}
    verdicts: list[Verdict] = []
    rest: Verdict | None = None  # set once a drop_rest rule fired
    follow: tuple[Rule, int] | None = None  # a drop_next rule and how many blocks it still takes
    for block in blocks:
        verdict = _structural(block, page) or _match(block, matcher, page)
        rule = by_id.get(verdict.rule_id) if verdict else None
        if verdict is None and follow and _is_teaser_title(block, follow[0]):
            verdict = Verdict(False, follow[0].id, follow[0].concept)
            follow = (follow[0], follow[1] - 1) if follow[1] > 1 else None
        else:
            follow = (rule, rule.drop_next) if rule and rule.drop_next else None
        if rule and rule.action is Action.DROP_REST and rest is None:
            rest = verdict
        verdicts.append(verdict or (Verdict(False, rest.rule_id, rest.concept) if rest else Verdict(True)))
    if fmt is Format.TEXT:
        verdicts = _outside_article(blocks, verdicts)
    judged = [Judged(b, v) for b, v in zip(blocks, verdicts)]
    return tuple(_assign_kinds(judged, page, lead_after_title))


def _outside_article(blocks: Sequence[Block], verdicts: list[Verdict]) -> list[Verdict]:
    """Drop the kept blocks of a dump that lie outside its article span."""
    start, end = article_span([_span_weight(b, v) for b, v in zip(blocks, verdicts)])
    outside = Verdict(False, OUTSIDE_ARTICLE, "boilerplate")
    return [v if (not v.keep or start <= i < end) else outside for i, v in enumerate(verdicts)]


def article_span(weights: Sequence[float]) -> tuple[int, int]:
    """[start, end) of the run with the largest positive total weight; (0, 0) when there is none."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += weight
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _span_weight(block: Block, verdict: Verdict) -> float:
    if not verdict.keep:
        return 0.0  # already decided: neither pulls the article in nor pushes it away
    words = len(block.text.split())
    if block.link_density > SPAN_LINK_HEAVY:
        return -SPAN_LINK_COST
    if words >= SPAN_PROSE_MIN_WORDS and SENTENCE_END.search(block.text):
        return float(words)
    if words >= 2 * SPAN_PROSE_MIN_WORDS:
        return words * SPAN_LONG_TEXT_FACTOR
    return -SPAN_SHORT_COST


def _page_shape(blocks: Sequence[Block], fmt: Format) -> Page:
    prose = [b.index for b in blocks if _is_prose(b.text) and b.in_main]
    first, last = (prose[0], prose[-1]) if prose else (len(blocks), -1)
    title = _find_title(blocks, first) if fmt is Format.TEXT else None
    repeat = None
    if title is not None:
        wanted = _norm(_title_part(blocks[title].text))
        repeat = next((b.index for b in blocks[title + 1 : first] if _norm(b.text) == wanted), None)
    return Page(first_prose=first, last_prose=last, title_index=title, repeat_index=repeat)


def _find_title(blocks: Sequence[Block], first_prose: int) -> int | None:
    if blocks and (" | " in blocks[0].text or _is_title_like(blocks[0].text)):
        return 0
    before = [b.index for b in blocks[:first_prose] if _is_title_like(b.text) and b.kind is not Kind.LIST_ITEM]
    return before[-1] if before else None


def _structural(block: Block, page: Page) -> Verdict | None:
    if not block.in_main:
        return Verdict(False, OUTSIDE_MAIN, "boilerplate")
    if block.kind is Kind.CAPTION:
        return Verdict(False, CAPTION, "caption", into="captions", values=(("caption", block.text),))
    if block.index == page.title_index:
        return Verdict(False, TITLE_LINE, "title", into="title")
    if block.index == page.repeat_index:
        return Verdict(False, TITLE_REPEAT, "title")
    return None


def _match(block: Block, matcher: RuleMatcher, page: Page) -> Verdict | None:
    for rule in matcher.candidates(block.text):
        if not _in_zone(rule.zone, block.index, page):
            continue
        found = rule.matches(block.text)
        if found:
            values = tuple((k, v.strip()) for k, v in found.groupdict().items() if v and v.strip())
            if rule.action is Action.FIELD and not values and rule.into in BLOCK_VALUE_FIELDS:
                values = ((BLOCK_VALUE_FIELDS[rule.into], block.text),)
            into = rule.into or (values[0][0] if values else None)
            return Verdict(False, rule.id, rule.concept, into=into if rule.action is Action.FIELD else None, values=values)
    return None


def _in_zone(zone: str, index: int, page: Page) -> bool:
    if zone == "head":
        return index < page.first_prose
    if zone == "tail":
        return index > page.last_prose
    return True


def _is_teaser_title(block: Block, rule: Rule) -> bool:
    return len(block.text) <= rule.next_max_chars and not SENTENCE_END.search(block.text)


def _assign_kinds(judged: list[Judged], page: Page, lead_after_title: bool) -> list[Judged]:
    kept = [i for i, j in enumerate(judged) if j.verdict.keep]
    lead_at = _lead_position(judged, kept, page) if lead_after_title else None
    out = list(judged)
    for pos, i in enumerate(kept):
        block = judged[i].block
        if i == lead_at:
            out[i] = Judged(dataclasses.replace(block, kind=Kind.LEAD), judged[i].verdict)
        elif block.kind is Kind.PARAGRAPH and _is_heading(judged, kept, pos):
            out[i] = Judged(dataclasses.replace(block, kind=Kind.HEADING), judged[i].verdict)
    return out


def _lead_position(judged: list[Judged], kept: list[int], page: Page) -> int | None:
    anchor = page.repeat_index if page.repeat_index is not None else page.title_index
    if anchor is None:
        return None
    after = [i for i in kept if i > anchor]
    return after[0] if after and _is_prose(judged[after[0]].block.text) else None


def _is_heading(judged: list[Judged], kept: list[int], pos: int) -> bool:
    text = judged[kept[pos]].block.text
    if len(text) > HEADING_MAX_CHARS or len(text.split()) > HEADING_MAX_WORDS or SENTENCE_END.search(text):
        return False
    if not text[:1].isupper() or pos == 0 or pos + 1 >= len(kept):
        return False
    before, after = judged[kept[pos - 1]].block.text, judged[kept[pos + 1]].block.text
    return _is_prose(before) and _is_prose(after)


def _is_prose(text: str) -> bool:
    return len(text) >= PROSE_MIN_CHARS and bool(SENTENCE_END.search(text))


def _is_title_like(text: str) -> bool:
    words = text.split()
    return len(text) <= TITLE_MAX_CHARS and len(words) >= TITLE_MIN_WORDS and not re.search(r"[.!?;:,]$", text)


def _title_part(text: str) -> str:
    return text.split(" | ")[0]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())
