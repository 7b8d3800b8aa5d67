"""Boxes of a dump the span weights alone get wrong: author boxes, closing credits."""

from __future__ import annotations

from cleaner.model import Block, Verdict
from cleaner.structure_boxes import author_boxes, is_closing_credit

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
