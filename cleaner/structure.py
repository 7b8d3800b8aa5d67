"""Page structure from block features: prose, headline-like lines and the article span of a dump (its title
and subheadings are read in structure_title)."""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Sequence

from cleaner.fields.dates import parse_date
from cleaner.model import Block, Kind, Verdict

# A paragraph of running prose: at least this long and ending like a sentence (tuned on the seeds and
# bench/aeb dumps: menu items and teasers are shorter, one-sentence news paragraphs are longer).
PROSE_MIN_CHARS = 80
SENTENCE_END = re.compile(r"[.!?…:;。！？]['\"”’»)」』]*$")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Scripts written without spaces: this many characters count as one word (roughly, for Chinese/Japanese).
CJK_CHARS_PER_WORD = 2
# A headline is a short line of a few words without a full stop.
TITLE_MAX_CHARS = 200
TITLE_MIN_WORDS = 3
# A headline may end in ? or ! but not in a full stop, a colon or a comma.
TITLE_BAD_END = re.compile(r"[.;:,。]$")
# A line wholly in brackets is a photo credit or an editor's note ("(Foto: Christian Charisius/dpa)"), and a
# line with two or more of these separators a breadcrumb trail ("Home / Buch / Strong & Beautiful"): neither
# is a headline.
BRACKETED = re.compile(r"\(.*\)|\[.*\]")
BREADCRUMB_SEPARATOR = re.compile(r" (?:/|>|»|›) ")
BREADCRUMB_MIN_SEPARATORS = 2
# A short line with a date and a time of day, or a date and a word that introduces an author, is a dateline
# whatever its language; a headline may carry a date ("The Community Spotlight 2023.12.10") but not these.
DATELINE_MARK = re.compile(r"(?<![\d.])\d{1,2}[:.]\d{2}(?![.\d])|\b(?i:von|by|par|por|di|door)\s+[A-ZÀ-Þ]")
DATED_LINE_MAX_CHARS = 100
# The headline is printed at most this many blocks above the byline or dateline (a kicker or image between).
CREDIT_TITLE_GAP = 3
CREDIT_FIELDS = frozenset({"byline", "date"})
BYLINE_START = re.compile(r"(by|von|par|por|di|door|written by|posted by|published)\b", re.I)
DATE_LIKE = re.compile(r"\b(\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}|\d{1,2} (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{4})\b", re.I)
# Weights for finding the article in a dump as the run of blocks with the largest total weight: prose
# counts by its words, a short or link-heavy block costs a fixed amount, chrome found by a rule a little
# (tuned by grid sweeps on the dumps of bench aeb, naeb and wcxb-articles, both renderers: menus are runs of
# short lines, articles runs of sentences with a few short lines, lists and tables between; mean F1 0.886).
SPAN_PROSE_MIN_WORDS = 10
SPAN_SHORT_COST = 6.0
SPAN_LONG_TEXT_FACTOR = 0.5
SPAN_LINK_HEAVY = 0.5
SPAN_LINK_COST = 12.0
SPAN_CHROME_COST = 2.0
# List items of at least this many words are content more often than menus.
SPAN_LIST_LONG_WORDS = 5
SPAN_LIST_LONG_COST = 2.0
# The heading of a box that closes an article (related links, newsletter sign-up, tags, about the author)
# and a headline with a byline under it (a teaser, the next story) cost this much, so the span crosses one
# only when the story goes on after it with a few paragraphs (tuned on the dumps of bench aeb and naeb, both
# renderers: 15 and 60 score lower; wcxb-articles checked).
SPAN_BOUNDARY_COST = 30.0
# Two boundaries with less prose weight than this between them are items of a teaser list (a headline with a
# byline and a line of summary), not stories (tuned on the dumps of bench aeb, naeb and wcxb-articles, both
# renderers: 100 to 400 score alike, 40 cuts too few lists).
TEASER_RUN_MAX_WEIGHT = 150.0
# The span is cut at such a list only when the part of it above weighs at least this much (a story, not a box
# of prose above the headline) and at least as much as the part below (tuned with TEASER_RUN_MAX_WEIGHT: 100
# and 400 score lower on naeb).
TEASER_CUT_MIN_BEFORE = 200.0
# A box whose lines, before the next paragraph of prose, include a dateline is the header of the next story on
# an infinite-scroll page (or a teaser), and costs this much: a story goes on after it only with a long run of
# prose (tuned on the dumps of bench aeb, naeb and wcxb-articles, both renderers: 60 and 100 score alike, 200
# trades whole stories on aeb).
STORY_BREAK_COST = 100.0
# The lines under a box heading looked at for a dateline: a teaser prints its headline, kicker and byline above
# the date (tuned with STORY_BREAK_COST on the same dumps: 4 misses bylines two lines down, 10 scores alike).
DATED_BOX_SCAN = 6
# A dateline is a short line ("December 21, 2023 at 1:24 pm", "By Jane Doe | Dec 21, 2023"); a sentence that
# mentions a date is longer (set from the bench dumps' datelines, which are under 50 characters).
DATELINE_MAX_CHARS = 60


# A row of a table that a sentence ending in a colon introduces weighs this much per word: the table belongs to
# the story even after its last paragraph (a nutrition table under a recipe is not introduced so; tuned on the
# dumps of bench aeb, naeb and wcxb-articles, both renderers).
INTRODUCED_TABLE_WORD_WEIGHT = 0.25
# ... and an item of a list that such a sentence introduces, this much (tuned with it).
INTRODUCED_ITEM_WORD_WEIGHT = 0.1
# Any other row of figures or names costs this much: the span crosses a table inside the story, but a nutrition
# table or a price list under it does not pull a footnote in (tuned on the same dumps: 0 lets a recipe's nutrition
# table in, a row as costly as a short line (6) drops the tables inside stories).
TABLE_ROW_COST = 1.0
# A list without markers (a product's advantages, one per line) has at least this many items on consecutive lines, of
# at least this many words each: a menu's items are one or two words (tuned on the dumps of bench aeb, naeb and
# wcxb-articles, both renderers: 3 items of 3 words lose on naeb and wcxb with inscriptis).
UNMARKED_LIST_MIN_ITEMS = 4
UNMARKED_ITEM_MIN_WORDS = 4
# The kinds of block that come in runs: list items and table rows.
RUN_KINDS = (Kind.LIST_ITEM, Kind.TABLE)


# A list item that is a sentence (a key point under the standfirst, a step of a recipe or a how-to) weighs as
# prose when its list is short: menus do not end in a full stop, and a long list of sentences is a ticker or a
# teaser list with summaries (tuned on the dumps of bench aeb, naeb and wcxb-articles, both renderers: 6 and 8
# score alike, 10 lets a ten-item ticker win on aeb; +0.010 body F1 on wcxb, aeb and naeb not lower).
LIST_SENTENCE_MAX_RUN = 6
# ... a sentence ends in one full stop: a teaser's or a breadcrumb's headline may end in ? or !, a truncated
# teaser in "..".
LIST_SENTENCE_END = re.compile(r"(?<!\.)[.。]['\"”’»)]*$")
# A list that a clause ending in a colon introduces ("Ask yourself the following:") belongs to the text above
# it, however long: its items cost nothing and its sentences weigh as prose. "Zutaten:" or "… Themen:" (a
# clause of fewer words) is a label.
LIST_INTRO_MIN_WORDS = 3
CLAUSE_END = re.compile(r"[.!?…:]\s")
# An archive, category or tag widget prints counts in parentheses ("April 2015 (1) März 2012 (2)"): a block
# with at least this many counts, one per this many words or fewer, is such a list (chrome), not prose.
COUNTED_ITEM = re.compile(r"\(\d{1,5}\)")
COUNTED_LIST_MIN_ITEMS = 4
COUNTED_LIST_MAX_WORDS_PER_ITEM = 5

# A paragraph of this many words or more that ends like a sentence, and does not read as a headline, costs
# nothing: the span crosses a story's short lines ("Line a baking tray with paper.", "Keep talking sports!")
# where it stops at menus and labels (tuned on the dumps of bench aeb, naeb and wcxb-articles, both renderers:
# 3 and 4 score alike, a cost of -3 loses on naeb and wcxb).
SHORT_SENTENCE_MIN_WORDS = 4
# ... it ends in one full stop, ? or !: a truncated teaser ends in ".." or "…".
SHORT_SENTENCE_END = re.compile(r"(?<!\.)[.!?。！？]['\"”’»)]*$")

# A lower-case letter followed by a capital: where the rendered options of a form run together. A block with
# at least this many joins, more than this share of its words, is such a list; prose with brand names
# ("iPhone", "YouTube") has a few (tuned on the naeb inscriptis dumps: country, state and language pickers).
RUN_TOGETHER_JOIN = re.compile(r"[a-zà-ÿа-я][A-ZÀ-ÞА-Я]")
RUN_TOGETHER_MIN_JOINS = 8
RUN_TOGETHER_MIN_SHARE = 0.25
# The rules, the span and the headline search each ask these about the same blocks: a page's worth of
# answers (pure functions of the text) is remembered. A dev dump has ~200 blocks; classifying one took
# 4.0 ms without the cache and 3.3 ms with it.
BLOCK_FEATURE_CACHE = 2048


@lru_cache(maxsize=BLOCK_FEATURE_CACHE)
def word_count(text: str) -> int:
    """Words, counting runs of CJK characters by their length."""
    words = len(text.split())
    if words * 10 < len(text):  # long runs without spaces: maybe CJK
        return max(words, len(CJK.findall(text)) // CJK_CHARS_PER_WORD + words)
    return words


def is_run_together(text: str, words: int) -> bool:
    """The options of a drop-down or a language picker rendered as one line: "AlabamaAlaskaArizona…",
    "Belgium | DutchBelgium | Français…" (a word ending where the next begins, over and over)."""
    joins = len(RUN_TOGETHER_JOIN.findall(text))
    return joins >= RUN_TOGETHER_MIN_JOINS and joins > words * RUN_TOGETHER_MIN_SHARE


@lru_cache(maxsize=BLOCK_FEATURE_CACHE)
def is_prose(text: str) -> bool:
    long_enough = len(text) >= PROSE_MIN_CHARS or word_count(text) >= SPAN_PROSE_MIN_WORDS * 2
    return long_enough and bool(SENTENCE_END.search(text))


def is_title_like(block: Block, linked: bool = False) -> bool:
    """A headline: a short line of a few words without a full stop; `linked` lets it be a link (a teaser's)."""
    text = block.text
    if block.kind in (Kind.LIST_ITEM, Kind.TABLE) or (block.link_density > SPAN_LINK_HEAVY and not linked) or len(text) > TITLE_MAX_CHARS:
        return False
    if BYLINE_START.match(text) or DATE_LIKE.search(text):
        return False  # a byline or dateline under the headline, not the headline
    if BRACKETED.fullmatch(text) or len(BREADCRUMB_SEPARATOR.findall(text)) >= BREADCRUMB_MIN_SEPARATORS:
        return False  # a photo credit or a caption's note; a breadcrumb trail
    if len(text) <= DATED_LINE_MAX_CHARS and DATELINE_MARK.search(text) and parse_date(text):
        return False  # a dateline in any language: "Do 24. Mai 2018, 08:30", "13. Mai 2014, von Jane Doe"
    return word_count(text) >= TITLE_MIN_WORDS and not TITLE_BAD_END.search(text)


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


def teaser_run_end(weights: Sequence[float], start: int, end: int) -> int:
    """Where the span [start, end) should end: at the first of a run of boundaries close together (a list of
    teasers or boxes under the story) when the story above outweighs what the span holds after that run;
    else at `end`."""
    bounds = [i for i in range(start + 1, len(weights)) if weights[i] <= -SPAN_BOUNDARY_COST]
    totals, text_totals = _prefix_sums(weights)
    close = [text_totals[b] - text_totals[a + 1] < TEASER_RUN_MAX_WEIGHT for a, b in zip(bounds, bounds[1:])]
    run_after = _run_ends(close)
    last_text = _last_text_before(weights)

    def span_sum(a: int) -> float:
        return totals[end] - totals[a] if a < end else 0.0

    for k, first in enumerate(bounds[:-1]):
        if first >= end:
            break
        if not close[k]:
            continue
        story_end = last_text[first]  # the story up to its last text block: the chrome under it does not count
        before = totals[story_end + 1] - totals[start] if story_end >= start else 0.0
        below = min(span_sum(first), span_sum(bounds[run_after[k]]))
        if before >= max(TEASER_CUT_MIN_BEFORE, below):
            return first
    return end


def _prefix_sums(weights: Sequence[float]) -> tuple[list[float], list[float]]:
    """Running totals of all weights and of the positive ones (text), each starting at 0."""
    totals, text_totals = [0.0], [0.0]
    for weight in weights:
        totals.append(totals[-1] + weight)
        text_totals.append(text_totals[-1] + (weight if weight > 0 else 0.0))
    return totals, text_totals


def _run_ends(close: Sequence[bool]) -> list[int]:
    """For each pair k of neighbouring boundaries, the first pair after k that is not close (or len(close))."""
    ends = [len(close)] * len(close)
    for k in range(len(close) - 2, -1, -1):
        ends[k] = ends[k + 1] if close[k + 1] else k + 1
    return ends


def _last_text_before(weights: Sequence[float]) -> list[int]:
    """For each position p, the index of the last block of text (positive weight) before p, else -1."""
    out, last = [], -1
    for i, weight in enumerate(weights):
        out.append(last)
        if weight > 0:
            last = i
    out.append(last)
    return out


def extracted_end(weights: Sequence[float]) -> int:
    """Where an extractor's output ends: at the first boundary (a closing box, another story's headline)
    after which its text never again outweighs the boundary; its lists and tables cost nothing."""
    text_only = [w if w > 0 or w <= -SPAN_BOUNDARY_COST else 0.0 for w in weights]
    _, end = article_span(text_only)
    return next((i for i in range(end, len(weights)) if weights[i] <= -SPAN_BOUNDARY_COST), len(weights))


def span_weights(blocks: Sequence[Block], verdicts: Sequence[Verdict], box_rules: frozenset[str] = frozenset()) -> list[float]:
    """The span weight of every block. The first block of a box (a rule in `box_rules`) and a headline with a
    byline or dateline under it (another story, or a teaser) cost the boundary."""
    headlines = _story_headlines(blocks, verdicts)
    runs = _list_runs(blocks)
    introduced = _introduced_lists(blocks, verdicts, runs)
    unmarked = _unmarked_items(blocks)
    weights = []
    for i, (block, verdict) in enumerate(zip(blocks, verdicts)):
        if verdict.rule_id in box_rules and _box_before(verdicts, i) != verdict.rule_id:
            weights.append(-STORY_BREAK_COST if _box_is_dated(blocks, i) else -SPAN_BOUNDARY_COST)
        else:
            weight = span_weight(block, verdict, runs[i], i in introduced)
            if i in unmarked and weight == -SPAN_SHORT_COST:
                weight = -SPAN_LIST_LONG_COST  # an item of a list without markers costs what a long list item does
            weights.append(-SPAN_BOUNDARY_COST if i in headlines else weight)
    return weights


def _is_list_intro(text: str) -> bool:
    """A clause of a few words ending in a colon; its last clause counts ("… Teilen… Themen:" is a label)."""
    if not text.endswith(":"):
        return False
    return word_count(CLAUSE_END.split(text[:-1])[-1]) >= LIST_INTRO_MIN_WORDS


def _introduced_lists(blocks: Sequence[Block], verdicts: Sequence[Verdict], runs: Sequence[int]) -> set[int]:
    """The items of lists that a sentence ending in a colon introduces ("Ask yourself the following:")."""
    found: set[int] = set()
    for i in range(1, len(blocks)):
        intro = blocks[i - 1]
        if runs[i] and not runs[i - 1] and verdicts[i - 1].keep and _is_list_intro(intro.text):
            found.update(range(i, i + runs[i]))
    return found


def _unmarked_items(blocks: Sequence[Block]) -> set[int]:
    """The items of lists printed without markers: runs of at least UNMARKED_LIST_MIN_ITEMS short paragraphs (no
    prose) on consecutive lines (no blank line between) of UNMARKED_ITEM_MIN_WORDS words or more ("Erhöht die
    Lebensdauer der Bauteile")."""
    found: set[int] = set()
    run: list[int] = []
    for i, block in enumerate([*blocks, None]):
        item = block is not None and block.kind is Kind.PARAGRAPH and not is_prose(block.text)
        item = item and word_count(block.text) >= UNMARKED_ITEM_MIN_WORDS
        if item and run and block.line == blocks[run[-1]].line + 1:
            run.append(i)
            continue
        if len(run) >= UNMARKED_LIST_MIN_ITEMS:
            found.update(run)
        run = [i] if item else []
    return found


def _list_runs(blocks: Sequence[Block]) -> list[int]:
    """For each list item or table row, how many blocks of its kind there are in the run of them it is part of."""
    runs = [0] * len(blocks)
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and blocks[j].kind in RUN_KINDS and blocks[j].kind is blocks[i].kind:
            j += 1
        for k in range(i, j):
            runs[k] = j - i
        i = max(j, i + 1)
    return runs


def _box_is_dated(blocks: Sequence[Block], index: int) -> bool:
    """A box whose lines before the next paragraph of prose include a dateline: the header of the next story."""
    for block in blocks[index + 1 : index + 1 + DATED_BOX_SCAN]:
        if is_prose(block.text):
            return False
        if len(block.text) <= DATELINE_MAX_CHARS and DATE_LIKE.search(block.text):
            return True
    return False


def _box_before(verdicts: Sequence[Verdict], index: int) -> str | None:
    """The rule of the block before `index`, skipping the bylines and dates that a box of teasers prints."""
    for i in range(index - 1, -1, -1):
        if verdicts[i].into not in CREDIT_FIELDS:
            return verdicts[i].rule_id
    return None


def _story_headlines(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> set[int]:
    """Headline-like blocks printed at most CREDIT_TITLE_GAP blocks above a byline or dateline."""
    found = set()
    for i, verdict in enumerate(verdicts):
        if verdict.into in CREDIT_FIELDS:
            above = range(i - 1, max(-1, i - 1 - CREDIT_TITLE_GAP), -1)
            found.update(j for j in above if verdicts[j].keep and is_title_like(blocks[j], linked=True))
    return found


def is_counted_list(text: str, words: int) -> bool:
    """An archive or tag widget rendered as one line: "April 2015 (1) November 2013 (1) …"."""
    items = len(COUNTED_ITEM.findall(text))
    return items >= COUNTED_LIST_MIN_ITEMS and words <= items * COUNTED_LIST_MAX_WORDS_PER_ITEM


def span_weight(block: Block, verdict: Verdict, list_run: int = 1, introduced: bool = False) -> float:
    """How much a block pulls the article span towards it (positive) or away (negative)."""
    if not verdict.keep:
        return 0.0 if verdict.into else -SPAN_CHROME_COST
    words = word_count(block.text)
    if is_run_together(block.text, words) or is_counted_list(block.text, words):
        return -SPAN_LINK_COST
    if block.link_density > SPAN_LINK_HEAVY:
        return _linked_weight(block, words, introduced)
    if block.kind is Kind.TABLE:
        return _table_row_weight(block.text, words, introduced)
    if block.kind is Kind.LIST_ITEM:
        # Menus are lists of a few words; teaser lists ("most read") of headlines; lists inside an article
        # (award winners, key points) of longer items, which cost less, or of sentences, which pull.
        if words >= SPAN_LIST_LONG_WORDS and LIST_SENTENCE_END.search(block.text) and (introduced or list_run <= LIST_SENTENCE_MAX_RUN):
            return float(words)
        if introduced:
            return words * INTRODUCED_ITEM_WORD_WEIGHT
        return -SPAN_LIST_LONG_COST if words >= SPAN_LIST_LONG_WORDS else -SPAN_SHORT_COST
    if words >= SPAN_PROSE_MIN_WORDS and SENTENCE_END.search(block.text):
        return float(words)
    if words >= 2 * SPAN_PROSE_MIN_WORDS:
        return words * SPAN_LONG_TEXT_FACTOR
    if block.kind is Kind.PARAGRAPH and words >= SHORT_SENTENCE_MIN_WORDS and SHORT_SENTENCE_END.search(block.text) and not is_title_like(block):
        return 0.0  # a short sentence: a step, a sign-off, a line of an address to the reader
    return -SPAN_SHORT_COST


def _linked_weight(block: Block, words: int, introduced: bool) -> float:
    """A link, or a block mostly of links: a menu item costs the most. An item of a list that a sentence introduces
    or of a list of long links (products a story recommends, teaser headlines) weighs what it would without its
    links."""
    if block.kind is not Kind.LIST_ITEM:
        return -SPAN_LINK_COST
    if introduced:
        return words * INTRODUCED_ITEM_WORD_WEIGHT
    return -SPAN_LIST_LONG_COST if words >= SPAN_LIST_LONG_WORDS else -SPAN_LINK_COST


def _table_row_weight(text: str, words: int, introduced: bool) -> float:
    """A row that is a sentence weighs as prose; other rows (figures, names) cost nothing, so that the span
    crosses a table inside the story, and weigh a little in a table that a sentence of the story introduces."""
    if words >= SPAN_PROSE_MIN_WORDS and SENTENCE_END.search(text):
        return float(words)
    return words * INTRODUCED_TABLE_WORD_WEIGHT if introduced else -TABLE_ROW_COST
