"""Aligning an extractor's text with the page's units: each stretch of the reference is used once."""

from __future__ import annotations

import random

from cleaner.segment.html_align import _Alignment, align, tokens


def _words(text: str) -> list[str]:
    return tokens(text)


def test_a_repeated_teaser_matches_only_as_often_as_the_reference_holds_it():
    units = [_words("The new tram line opens on Monday in the north")] * 3
    reference = "The new tram line opens on Monday in the north. Then more text follows here."
    assert align(units, reference) == [True, False, False]


def test_a_short_unit_matches_only_next_to_the_previous_match():
    units = [_words("a long first paragraph of the story that the extractor kept"), _words("Share")]
    reference = "a long first paragraph of the story that the extractor kept " + "x " * 30 + "Share"
    assert align(units, reference) == [True, False]


def test_the_used_stretch_lookup_agrees_with_a_scan_of_every_stretch():
    generator = random.Random(7)
    state = _Alignment(" " + "w " * 500, ["w"] * 500)
    used: list[tuple[int, int]] = []
    for _ in range(300):
        start = generator.randrange(0, 1000)
        end = start + generator.randrange(1, 30)
        scanned = any(start < b and a < end for a, b in used)
        assert state._overlaps(start, end) == scanned
        if not scanned:
            state._use(start - 1, end - start + 2, ["w"])  # stored as (pos + 1, pos + length - 1)
            used.append((start, end))


def test_a_line_repeated_more_often_than_the_reference_holds_it_matches_as_often_as_it_does():
    line = _words("The council met again on Tuesday evening to discuss the plan for the tram line")
    reference = " ".join(["The council met again on Tuesday evening to discuss the plan for the tram line"] * 300)
    assert sum(align([line] * 600, reference)) == 300
