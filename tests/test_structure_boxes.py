"""Boxes of a dump the span weights alone get wrong: author boxes, closing credits."""

from __future__ import annotations

from cleaner.model import Block, Verdict
from cleaner.structure_boxes import author_boxes, is_closing_credit, sign_off_end

KEEP = Verdict(True)
PROSE = "The minister said on Tuesday that the negotiations would continue next week despite objections."


def blocks(*texts: str) -> list[Block]:
    return [Block(index=i, text=t, line=i + 1) for i, t in enumerate(texts)]


def test_the_author_box_under_a_byline_is_found_but_a_subheading_naming_a_person_is_not():
    byline = Verdict(False, "t.byline", "dateline", into="byline")
    texts = ("By Jane Example, Berlin", "Jane Example", "Jane Example joined the paper in 2001 and has covered energy, transport and the federal budget since.",
             "Follow on Twitter", "Send an email", PROSE)
    assert author_boxes(blocks(*texts), [byline] + [KEEP] * 5) == [1, 2, 3, 4]
    assert author_boxes(blocks(*texts), [KEEP] * 6) == []  # no byline names her: a person in the story



def test_a_closing_credit_is_a_short_line_of_who_reported_and_edited():
    assert is_closing_credit("Additional reporting by Jo Smith; Editing by Sam Example")
    assert is_closing_credit("Reporting by Jane Example in Berlin")
    assert not is_closing_credit("The reporting by local papers was praised by the minister in a long speech on Tuesday.")


def test_a_sign_off_under_the_last_paragraph_above_a_box_belongs_to_the_post():
    box = Verdict(False, "t.related", "related")
    texts = (PROSE, "XX, Die Redaktion", "Related posts")
    assert sign_off_end(blocks(*texts), [KEEP, KEEP, box], [20.0, -6.0, -30.0], 1) == 2
    cheers = (PROSE, "10. You!!!", "Keep talking sports!", "Category: Blog")
    assert sign_off_end(blocks(*cheers), [KEEP, KEEP, KEEP, box], [20.0, -6.0, -6.0, 0.0], 1) == 3


def test_a_short_line_that_greets_nobody_or_is_not_followed_by_a_box_stays_out():
    box = Verdict(False, "t.related", "related")
    assert sign_off_end(blocks(PROSE, "Tags Kristi Noem South Dakota", "Most popular"), [KEEP, KEEP, box], [20.0, -6.0, -30.0], 1) == 1
    assert sign_off_end(blocks(PROSE, "Cheers", "Another story starts here"), [KEEP] * 3, [20.0, -6.0, -6.0], 1) == 1
    assert sign_off_end(blocks("Menu", "Cheers", "Most popular"), [KEEP, KEEP, box], [-6.0, -6.0, -30.0], 1) == 1
