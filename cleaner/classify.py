"""Verdicts for blocks: chrome rules, then the page's structure (article span, headline), then kinds.

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
from cleaner.structure import (
    SPAN_LINK_HEAVY, article_span, extracted_end, is_prose, span_weights, teaser_run_end, word_count,
)
from cleaner.structure_title import find_repeat, find_title, is_heading
from cleaner.structure_boxes import author_boxes, is_closing_credit, sign_off_end

TITLE_LINE = "structure.title.line"
TITLE_REPEAT = "structure.title.repeat"
OUTSIDE_MAIN = "structure.outside_main"
OUTSIDE_ARTICLE = "structure.outside_article"
CAPTION = "structure.caption"
STANDFIRST = "structure.standfirst"
AUTHOR_BOX = "structure.author_box"
STRUCTURE_RULES = {
    TITLE_LINE: ("title", "the page's title line, read into title / section / site / date"),
    TITLE_REPEAT: ("title", "the headline printed again above the story"),
    OUTSIDE_MAIN: ("boilerplate", "an HTML block outside the main content"),
    OUTSIDE_ARTICLE: ("boilerplate", "a dump's block outside the densest run of prose (the article)"),
    CAPTION: ("caption", "an HTML figure caption, moved into captions"),
    STANDFIRST: ("lead", "an HTML standfirst under the headline, moved into lead"),
    AUTHOR_BOX: ("author_bio", "a dump's author box: the author's name, a biography starting with it, contact lines"),
}
# The verdict of a block no rule removed; verdicts are immutable, so every such block shares one.
KEPT = Verdict(True)
# A field rule without named groups reads the whole block into its field.
BLOCK_VALUE_FIELDS = {"captions": "caption", "categories": "categories", "byline": "byline", "date": "date"}
# Above the first paragraph of an extractor's output there is at most a headline and a dateline; a page
# dump has its menus there (tuned on trafilatura's output and the dumps of bench/aeb and naeb).
EXTRACTED_MAX_PREFIX = 2
# An extractor's output may keep one line of chrome above its headline and dateline (a newsletter prompt it
# took for a standfirst); a page dump has more lines there, or chrome between its first paragraphs (tuned on
# trafilatura's output for bench aeb and naeb, and the dumps of both sets: allowing it anywhere above the
# story took 12 dumps for extracted text).
EXTRACTED_MAX_CHROME = 1
# A run of this many consecutive blocks of at most MENU_ITEM_MAX_WORDS words is a menu.
MENU_RUN_MIN = 4
MENU_ITEM_MAX_WORDS = 3
# A line ending in a hashtag is a social post or a sponsor's disclosure; headlines do not end so.
HASHTAG_END = re.compile(r"#\w+\W*$")
# How many blocks of a dump's first lines a layout's `detect` patterns look at.
DETECT_HEAD_BLOCKS = 5


@dataclass(frozen=True, slots=True)
class Zones:
    """Where a page's prose starts and ends, for rules limited to the head, body or tail."""

    first_prose: int
    last_prose: int


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
    verdicts = apply_rules(blocks, tuple(r for r in rules if fmt in r.formats), _zones(blocks))
    anchor = None
    if fmt is Format.TEXT:
        box_rules = frozenset(r.id for r in rules if r.action is Action.DROP_BOX)
        story_rules = frozenset(r.id for r in rules if r.keep_in_extracted)
        verdicts, anchor = _text_structure(blocks, verdicts, box_rules, story_rules)
    judged = [Judged(b, v) for b, v in zip(blocks, verdicts)]
    return tuple(_assign_kinds(judged, anchor if lead_after_title else None))


def apply_rules(blocks: Sequence[Block], rules: tuple[Rule, ...], zones: Zones) -> list[Verdict]:
    """Structural HTML verdicts and chrome rules, with drop_next, drop_box and drop_rest carried along."""
    matcher = compile_matcher(rules)
    by_id = {r.id: r for r in rules}
    verdicts: list[Verdict] = []
    carried: Verdict | None = None  # a drop_box or drop_rest verdict that takes the blocks after it
    follow: tuple[Rule, int] | None = None  # a drop_next rule and how many blocks it still takes
    prose_words = 0
    in_kept_list = False  # the block before was a kept list item
    for block in blocks:
        verdict = _html_structure(block) or _match(block, matcher, zones, prose_words)
        rule = by_id.get(verdict.rule_id) if verdict else None
        if rule and rule.action is Action.DROP_BOX and in_kept_list and block.kind is Kind.LIST_ITEM:
            verdict, rule = None, None  # an item of the list ("More accessibility features"), no box heading
        if verdict is None and follow and _is_teaser_title(block, follow[0]):
            verdict = Verdict(False, follow[0].id, follow[0].concept)
            follow = (follow[0], follow[1] - 1) if follow[1] > 1 else None
        else:
            follow = (rule, rule.drop_next) if rule and rule.drop_next else None
        carried = _carry(carried, block, rule, verdict, by_id)
        verdicts.append(verdict or carried or KEPT)
        in_kept_list = block.kind is Kind.LIST_ITEM and verdicts[-1].keep
        if verdicts[-1].keep and is_prose(block.text):
            prose_words += word_count(block.text)
    return verdicts


def _carry(carried: Verdict | None, block: Block, rule: Rule | None, verdict: Verdict | None, by_id: dict) -> Verdict | None:
    """The verdict that removes the blocks after a drop_rest (all) or drop_box (up to the next prose) rule."""
    if carried and by_id[carried.rule_id].action is Action.DROP_REST:
        return carried
    if rule and rule.action in (Action.DROP_REST, Action.DROP_BOX):
        return Verdict(False, rule.id, rule.concept)
    if carried and verdict is None and is_prose(block.text):
        return None  # the article goes on after the box
    return carried


def _zones(blocks: Sequence[Block]) -> Zones:
    prose = [b.index for b in blocks if b.in_main and b.kind is not Kind.CAPTION and is_prose(b.text)]
    return Zones(prose[0], prose[-1]) if prose else Zones(len(blocks), -1)


def _html_structure(block: Block) -> Verdict | None:
    if not block.in_main and block.kind is Kind.LEAD:
        return Verdict(False, STANDFIRST, "lead", into="lead", values=(("lead", block.text),))
    if not block.in_main:
        return Verdict(False, OUTSIDE_MAIN, "boilerplate")
    if block.kind is Kind.CAPTION:
        return Verdict(False, CAPTION, "caption", into="captions", values=(("caption", block.text),))
    return None


def _match(block: Block, matcher: RuleMatcher, zones: Zones, prose_words: int) -> Verdict | None:
    for rule in matcher.candidates(block.text):
        if not _in_zone(rule.zone, block.index, zones) or prose_words < rule.after_words:
            continue
        found = rule.matches(block.text)
        if found:
            values = tuple((k, v.strip()) for k, v in found.groupdict().items() if v and v.strip())
            if rule.action is Action.FIELD and not values and rule.into in BLOCK_VALUE_FIELDS:
                values = ((BLOCK_VALUE_FIELDS[rule.into], block.text),)
            into = rule.into or (values[0][0] if values else None)
            return Verdict(False, rule.id, rule.concept, into=into if rule.action is Action.FIELD else None, values=values)
    return None


def _in_zone(zone: str, index: int, zones: Zones) -> bool:
    if zone == "head":
        return index < zones.first_prose
    if zone == "tail":
        return index > zones.last_prose
    if zone == "body":
        return index >= zones.first_prose
    return True


def _is_teaser_title(block: Block, rule: Rule) -> bool:
    return len(block.text) <= rule.next_max_chars and not is_prose(block.text) and not block.text.endswith(".")


def _text_structure(
    blocks: Sequence[Block],
    verdicts: list[Verdict],
    box_rules: frozenset[str] = frozenset(),
    story_rules: frozenset[str] = frozenset(),
) -> tuple[list[Verdict], int | None]:
    """Keep a dump's article span only; consume its headline. Returns the verdicts and the headline's index.

    `box_rules` are the ids of rules whose block heads a box of chrome; the span stops at one unless the
    story goes on after it, and at a list of teasers under the story. `story_rules` do not apply to text an
    extractor already took out of a page.
    """
    extracted = is_extracted(blocks, verdicts)
    if extracted:
        verdicts = [KEPT if v.rule_id in story_rules else v for v in verdicts]
    boxed = set(author_boxes(blocks, verdicts))
    verdicts = [Verdict(False, AUTHOR_BOX, "author_bio") if i in boxed else v for i, v in enumerate(verdicts)]
    weights = span_weights(blocks, verdicts, box_rules)
    start, end = article_span(weights)
    if extracted:
        start, end = min(start, _first_kept(verdicts)), extracted_end(weights)
    else:
        end = teaser_run_end(weights, start, end)
        if end < len(blocks) and verdicts[end].keep and is_closing_credit(blocks[end].text):
            end += 1
        end = sign_off_end(blocks, verdicts, weights, end)
    title = find_title(blocks, verdicts, start)
    if extracted and title is not None and _heads_a_section(blocks, verdicts, title):
        title = None
    repeat = find_repeat(blocks, title) if title is not None else None
    outside = Verdict(False, OUTSIDE_ARTICLE, "boilerplate")
    out = [v if (not v.keep or start <= i < end) else outside for i, v in enumerate(verdicts)]
    if title is not None:
        out[title] = Verdict(False, TITLE_LINE, "title", into="title")
    if repeat is not None:
        out[repeat] = Verdict(False, TITLE_REPEAT, "title")
    return out, repeat if repeat is not None else title


def is_extracted(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> bool:
    """Text an extractor already took out of a page: no page chrome above its first paragraph.

    Such text keeps everything the rules leave; trimming it to its densest run would cut its lists and tables.
    A page dump has menus, skip links, share bars or link lists above the story, whether rules removed them
    or not.
    """
    prose = [i for i, b in enumerate(blocks) if verdicts[i].keep and is_prose(b.text)][:2]
    if not prose:
        return False
    allowed = EXTRACTED_MAX_CHROME if prose[0] <= EXTRACTED_MAX_PREFIX + EXTRACTED_MAX_CHROME else 0
    if prose[0] > EXTRACTED_MAX_PREFIX and _has_page_chrome(blocks[: prose[0]], verdicts[: prose[0]], allowed):
        return False
    # A page can open with a one-line notice ("This browser is not supported.") with its menus after it.
    second = prose[1] if len(prose) > 1 else len(blocks)
    return not _has_page_chrome(blocks[prose[0] + 1 : second], verdicts[prose[0] + 1 : second])


def _has_page_chrome(blocks: Sequence[Block], verdicts: Sequence[Verdict], allowed: int = 0) -> bool:
    """More than `allowed` blocks of chrome, or a menu."""
    run, chrome = 0, 0
    for block, verdict in zip(blocks, verdicts):
        if (not verdict.keep and not verdict.into) or block.link_density > SPAN_LINK_HEAVY:
            chrome += 1
            if chrome > allowed:
                return True
        run = run + 1 if word_count(block.text) <= MENU_ITEM_MAX_WORDS else 0
        if run >= MENU_RUN_MIN:
            return True
    return False


def _heads_a_section(blocks: Sequence[Block], verdicts: Sequence[Verdict], index: int) -> bool:
    """In an extractor's output, which starts at the story, a first line over a list or in capitals is a
    section heading or a kicker ("CLICK FOR FULL RESULTS"), and one ending in hashtags is a post's
    disclosure or caption ("… #sponsored #ad"): none is the headline."""
    text = blocks[index].text
    if text.isupper() or HASHTAG_END.search(text):
        return True
    following = next((blocks[i] for i in range(index + 1, len(blocks)) if verdicts[i].keep), None)
    return following is not None and following.kind is Kind.LIST_ITEM


def _first_kept(verdicts: Sequence[Verdict]) -> int:
    return next((i for i, v in enumerate(verdicts) if v.keep), len(verdicts))


def _assign_kinds(judged: list[Judged], lead_anchor: int | None) -> list[Judged]:
    """Lead (the first paragraph after the headline, where the layout has one) and subheadings."""
    kept = [i for i, j in enumerate(judged) if j.verdict.keep]
    after = [i for i in kept if lead_anchor is not None and i > lead_anchor]
    lead_at = after[0] if after and is_prose(judged[after[0]].block.text) else None
    out = list(judged)
    for pos, i in enumerate(kept):
        block = judged[i].block
        kind = block.kind
        if i == lead_at:
            kind = Kind.LEAD
        elif kind is Kind.PARAGRAPH and 0 < pos < len(kept) - 1:
            before, after_text = judged[kept[pos - 1]].block.text, judged[kept[pos + 1]].block.text
            kind = Kind.HEADING if is_heading(block.text, before, after_text) else kind
        if kind is not block.kind:
            out[i] = Judged(dataclasses.replace(block, kind=kind), judged[i].verdict)
    return out
