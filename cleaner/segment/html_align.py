"""Tie a reference text (an extractor's output) back to the page's own text units, in document order."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence

TOKEN = re.compile(r"\w+")
SHINGLE = 4
# A unit of at least this many tokens may match anywhere in the reference (extractors move leads and
# captions around); a shorter one ("Share", "By AP") only right after the previous match, so that a
# menu word does not match by chance far away. Tuned on aeb/naeb/wcxb-articles.
MIN_FREE_TOKENS = 6
# How far (in characters of the reference) past the previous match a short unit may still match.
SHORT_SLACK_CHARS = 40
# A unit the reference holds only in part is matched when this share of its shingles is in it
# (extractors rewrite a few characters, drop an inline link or a trailing credit). Tuned as above.
PARTIAL_SHARE = 0.6
# The end of a text cut short: three dots or an ellipsis, maybe bracketed ("[...]", "(…)").
CUT_SHORT = re.compile(r"(?:\.\.\.|…)\s*[\])]?\s*$")


def is_cut_short(text: str) -> bool:
    """Whether the text ends in an ellipsis: a teaser quoting the start of a story, or a paragraph
    trailing off (which still matches in part)."""
    return bool(CUT_SHORT.search(text))


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def shingle_counts(words: Sequence[str]) -> Counter:
    if len(words) < SHINGLE:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(_shingles(words))


def shingle_set(words: Sequence[str]) -> set[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return {tuple(words)} if words else set()
    return set(_shingles(words))


def _shingles(words: Sequence[str]):
    """The runs of SHINGLE consecutive words, as tuples (zip builds them without slicing)."""
    return zip(*(words[offset:] for offset in range(SHINGLE)))


def align(
    unit_words: Sequence[Sequence[str]], reference: str, deferred: Sequence[bool] | None = None
) -> list[bool]:
    """For each unit (its tokens), whether the reference text contains it; each stretch of the
    reference is matched once, preferably in order, so a repeated teaser does not match twice.

    Units found whole are matched first: a teaser that quotes the article's first paragraph beside its
    headline holds most of that paragraph, and must not take its words before the paragraph itself.
    The long deferred units (teasers cut short, see is_cut_short) are only matched after that, in part:
    a headline with the story's first words up to the cut is found whole in the article too.
    """
    ref_words = tokens(reference)
    if not ref_words:
        return [False] * len(unit_words)
    state = _Alignment(" " + " ".join(ref_words) + " ", ref_words)
    late = deferred if deferred is not None else [False] * len(unit_words)
    # A short unit cut short ("You may also like...") can only match whole, next to the previous match.
    matched = [
        (not defer or len(words) < MIN_FREE_TOKENS) and state.match_whole(words)
        for words, defer in zip(unit_words, late, strict=True)
    ]
    return [hit or state.match_part(words) for words, hit in zip(unit_words, matched, strict=True)]


class _Alignment:
    """The reference text with a cursor (end of the last in-order match) and its used stretches.

    The shingle counts of the reference are only needed for a partial match, which few units try:
    they are counted on the first such try. The shingles the matches took are counted apart (`used`), so
    that the units matched whole are added in one count each (a C loop), not taken off one by one.
    """

    __slots__ = ("ref", "ref_words", "vocabulary", "cursor", "used_starts", "used_ends", "ref_shingles", "used",
                 "matched", "searched")

    def __init__(self, ref: str, ref_words: list[str]) -> None:
        self.ref, self.ref_words, self.cursor = ref, ref_words, 0
        self.vocabulary = frozenset(ref_words)
        # The used stretches, sorted: they never overlap, so their ends are in the order of their starts.
        self.used_starts: list[int] = []
        self.used_ends: list[int] = []
        self.ref_shingles: Counter | None = None
        self.used: Counter = Counter()  # the reference's shingles taken by the matches so far
        self.matched: list[Sequence[str]] = []  # units matched whole, not yet counted in `used`
        # (needle, start) -> where its last search from `start` ended (past the end: nothing free): the
        # occurrences before it overlap used stretches, which stay used, so the next search for the same text
        # goes on from there (a page repeating a line thousands of times searched every used copy for each).
        self.searched: dict[tuple[str, int], int] = {}

    def match_whole(self, words: Sequence[str]) -> bool:
        """Whether the unit's text is in the reference as it stands (the stretch is used up)."""
        if not words:
            return False
        needle = " " + " ".join(words) + " "
        free = len(words) >= MIN_FREE_TOKENS
        pos = self._free_occurrence(needle, self.cursor)
        if pos >= 0 and (free or pos - self.cursor <= SHORT_SLACK_CHARS):
            self._use(pos, len(needle), words)
            self.cursor = pos + len(needle) - 1
            return True
        if not free:
            return False
        pos = self._free_occurrence(needle, 0)
        if pos >= 0:
            self._use(pos, len(needle), words)
            return True
        return False

    def match_part(self, words: Sequence[str]) -> bool:
        """Whether most of a long unit's shingles are among those no other match has used."""
        if len(words) < MIN_FREE_TOKENS:
            return False
        if sum(map(self.vocabulary.__contains__, words)) < PARTIAL_SHARE * len(words):
            return False  # cheap bound: too few of its words are in the reference at all
        ref_shingles, used = self._counted_shingles()
        own = shingle_counts(words)
        # own & (ref_shingles - used), without building the remainder of the whole reference
        shared = {s: n for s, count in own.items() if (n := min(count, ref_shingles.get(s, 0) - used.get(s, 0))) > 0}
        if sum(shared.values()) < PARTIAL_SHARE * sum(own.values()):
            return False
        used.update(shared)
        return True

    def _counted_shingles(self) -> tuple[Counter, Counter]:
        """The reference's shingle counts, and those the matches took (the units matched whole counted now)."""
        if self.ref_shingles is None:
            self.ref_shingles = shingle_counts(self.ref_words)
        for words in self.matched:
            self.used.update(_shingles(words) if len(words) >= SHINGLE else [tuple(words)])
        self.matched.clear()
        return self.ref_shingles, self.used

    def _free_occurrence(self, needle: str, start: int) -> int:
        pos = self.ref.find(needle, self.searched.get((needle, start), start))
        while pos >= 0 and self._overlaps(pos, pos + len(needle) - 1):
            pos = self.ref.find(needle, pos + 1)
        self.searched[(needle, start)] = pos if pos >= 0 else len(self.ref)  # none free now: none free later
        return pos

    def _overlaps(self, start: int, end: int) -> bool:
        """Whether a used stretch overlaps start..end: of those that begin before `end`, the last one
        ends last (a lookup, where a scan of every stretch made a page of many units quadratic)."""
        before = bisect_left(self.used_starts, end)
        return before > 0 and self.used_ends[before - 1] > start

    def _use(self, pos: int, length: int, words: Sequence[str]) -> None:
        at = bisect_left(self.used_starts, pos + 1)
        self.used_starts.insert(at, pos + 1)
        self.used_ends.insert(at, pos + length - 1)
        self.matched.append(words)
