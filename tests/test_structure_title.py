"""Headlines of a dump: the title block above the article, not its first paragraph, a credit or a breadcrumb."""

from __future__ import annotations

from cleaner.structure_title import find_title, is_heading
from tests.test_structure import KEEP, PROSE, blocks


def test_the_story_first_paragraph_is_not_its_headline():
    texts = ("Menu", "Local band plays tribute show", "Excitable brings you a high energy tribute to a classic rock band, "
             "bringing a huge smile to your face as you relive the staples we know and love!")
    assert find_title(blocks(*texts), [KEEP] * 3, start=2) == 1


def test_a_photo_credit_or_a_breadcrumb_is_no_headline():
    texts = ("Rail rivals attack the national timetable", "(Photo: Jane Example/Agency)", PROSE)
    assert find_title(blocks(*texts), [KEEP] * 3, start=2) == 0
    assert find_title(blocks("Home / Books / A review of the season", PROSE), [KEEP] * 2, start=1) is None


def test_a_short_line_between_two_paragraphs_is_a_subheading_but_a_sentence_is_not():
    assert is_heading("What the council decided", PROSE, PROSE)
    assert not is_heading("The council decided to build it.", PROSE, PROSE)
    assert not is_heading("What the council decided", "Menu", PROSE)
