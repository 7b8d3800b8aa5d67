"""The classifier on hand-built blocks, without any input file."""

from __future__ import annotations

import dataclasses

from cleaner.classify import TITLE_LINE, TITLE_REPEAT, classify
from cleaner.model import Action, Block, Format, Kind
from cleaner.rules.loader import parse_rule_data

PROSE = "The minister said on Tuesday that the negotiations would continue next week despite objections."


def blocks(*texts: str) -> list[Block]:
    return [Block(index=i, text=t, line=i + 1) for i, t in enumerate(texts)]


def rules(text: str):
    import tomllib

    return parse_rule_data(tomllib.loads(text), "test.toml").rules


TEASER = rules("""
[video_teaser]
[[video_teaser.rule]]
id = "t.video"
pattern = 'watch video \\d\\d:\\d\\d'
drop_next = 1
[footer]
[[footer.rule]]
id = "t.footer"
action = "drop_rest"
pattern = 'more stories'
""")


def test_title_line_and_repeat_are_consumed():
    judged = classify(blocks("A headline about talks", "A headline about talks", PROSE), TEASER, Format.TEXT)
    assert [j.verdict.rule_id for j in judged] == [TITLE_LINE, TITLE_REPEAT, None]
    assert judged[2].verdict.keep


def test_drop_next_takes_a_short_teaser_title_but_not_prose():
    judged = classify(blocks("A headline about talks", PROSE, "Watch video 02:49", "Teaser title", PROSE), TEASER, Format.TEXT)
    assert [j.verdict.keep for j in judged[1:]] == [True, False, False, True]
    assert judged[3].verdict.rule_id == "t.video"
    judged = classify(blocks("A headline about talks", PROSE, "Watch video 02:49", PROSE), TEASER, Format.TEXT)
    assert judged[3].verdict.keep


def test_drop_rest_removes_everything_after_with_the_trigger_id():
    judged = classify(blocks("A headline about talks", PROSE, "More stories", "Other story one", PROSE), TEASER, Format.TEXT)
    assert [j.verdict.keep for j in judged[1:]] == [True, False, False, False]
    assert {j.verdict.rule_id for j in judged[2:]} == {"t.footer"}


def test_subheading_between_paragraphs_and_lead_after_title():
    judged = classify(blocks("A headline about talks", "A headline about talks", PROSE, PROSE, "Next steps", PROSE),
                      TEASER, Format.TEXT, lead_after_title=True)
    kinds = [j.block.kind for j in judged if j.verdict.keep]
    assert kinds == [Kind.LEAD, Kind.PARAGRAPH, Kind.HEADING, Kind.PARAGRAPH]


def test_short_sentence_between_paragraphs_is_not_a_heading():
    judged = classify(blocks("A headline about talks", PROSE, "He declined.", PROSE), TEASER, Format.TEXT)
    assert judged[2].block.kind is Kind.PARAGRAPH and judged[2].verdict.keep


def test_html_blocks_outside_main_and_captions():
    html_blocks = [
        Block(index=0, text="Home News Sport", in_main=False),
        Block(index=1, text=PROSE),
        Block(index=2, text="A flooded street. Photo: Jane Doe", kind=Kind.CAPTION),
    ]
    judged = classify(html_blocks, TEASER, Format.HTML)
    assert [j.verdict.rule_id for j in judged] == ["structure.outside_main", None, "structure.caption"]
    assert judged[2].verdict.values == (("caption", "A flooded street. Photo: Jane Doe"),)


def test_field_rule_reads_named_groups():
    tags = rules("""
[tags]
[[tags.rule]]
id = "t.tags"
action = "field"
pattern = 'posted in: (?P<categories>.+)'
""")
    assert tags[0].action is Action.FIELD
    judged = classify(blocks("A headline about talks", PROSE, "Posted in: Asia, Europe"), tags, Format.TEXT)
    assert judged[2].verdict.into == "categories"
    assert judged[2].verdict.values == (("categories", "Asia, Europe"),)


NOTICES = rules("""
[legal]
[[legal.rule]]
id = "t.copyright"
pattern = '© \\d{4} .{1,80}'
keep_in_extracted = true
[comments]
[[comments.rule]]
id = "t.comments"
pattern = '\\d+ comments'
""")


def test_story_notices_stay_in_extracted_text_but_not_in_a_page_dump():
    story = ("A headline about talks", PROSE, PROSE, "© 2019 Wire Agency. All rights reserved.", "12 comments")
    judged = classify(blocks(*story), NOTICES, Format.TEXT)
    assert [j.verdict.keep for j in judged[1:]] == [True, True, True, False]
    menus = ("Home", "World", "Business", "Sport", "Culture")
    judged = classify(blocks(*menus, *story), NOTICES, Format.TEXT)
    assert [j.verdict.rule_id for j in judged[-2:]] == ["t.copyright", "t.comments"]


def test_first_line_of_extracted_text_over_a_list_or_in_capitals_is_no_headline():
    listed = blocks("What is new in this release?", "Faster start", "New maps", PROSE, PROSE)
    listed[1:3] = [dataclasses.replace(b, kind=Kind.LIST_ITEM) for b in listed[1:3]]
    judged = classify(listed, NOTICES, Format.TEXT)
    assert judged[0].verdict.keep and judged[0].verdict.rule_id is None
    for first in ("CLICK FOR FULL RESULTS", "This post was sponsored by a brand. All opinions are mine. #ad"):
        judged = classify(blocks(first, PROSE, PROSE), NOTICES, Format.TEXT)
        assert judged[0].verdict.keep
    judged = classify(blocks("A headline about talks", PROSE, PROSE), NOTICES, Format.TEXT)
    assert judged[0].verdict.rule_id == TITLE_LINE


PROMPT = rules("""
[newsletter]
[[newsletter.rule]]
id = "t.newsletter"
pattern = 'subscribe to our newsletter.*'
""")


def test_one_chrome_line_above_the_headline_leaves_extracted_text_whole():
    winners = ["Best film goes to The Long Quiet Harbour", "Best actor goes to Jane Example", "Best score goes to Sam Example"]
    story = ["A headline about awards", "Film desk, March 4", PROSE, PROSE, "The full list of winners:", *winners]
    extracted = blocks("Subscribe to our newsletter for the week's stories", *story)
    for i in range(6, 9):
        extracted[i] = dataclasses.replace(extracted[i], kind=Kind.LIST_ITEM)
    judged = classify(extracted, PROMPT, Format.TEXT)
    assert [j.verdict.keep for j in judged] == [False, False, True, True, True, True, True, True, True]
    dump = [*blocks("Skip to content", "Subscribe to our newsletter for the week's stories"), *extracted[1:]]
    dump = [dataclasses.replace(b, index=i) for i, b in enumerate(dump)]
    judged = classify(dump, rules('[nav]\n[[nav.rule]]\nid = "t.skip"\npattern = "skip to content"') + PROMPT, Format.TEXT)
    assert not any(j.verdict.keep for j in judged[-3:])


def test_a_wire_story_keeps_its_closing_credit_line_but_not_the_menu_under_it():
    menus = ("Home", "World", "Business", "Sport", "Culture")
    story = ("A headline about talks", PROSE, PROSE, "Additional reporting by Jo Smith; Editing by Sam Example", "Apps", "Newsletters")
    judged = classify(blocks(*menus, *story), NOTICES, Format.TEXT)
    assert [j.verdict.keep for j in judged[-3:]] == [True, False, False]


BOX = rules("""
[related]
[[related.rule]]
id = "t.box"
action = "drop_box"
pattern = 'more( \\w+)? (stories|features)'
""")


def test_a_list_item_worded_like_a_box_heading_is_an_item_of_its_list():
    items = [Block(index=i + 1, text=t, line=i + 2, kind=Kind.LIST_ITEM, in_main=True)
             for i, t in enumerate(("Graphical enhancements", "New survival mode", "More accessibility features"))]
    page = [Block(index=0, text=PROSE, line=1, in_main=True), *items]
    judged = classify(page, BOX, Format.HTML)
    assert [j.verdict.keep for j in judged] == [True, True, True, True]


def test_a_box_heading_after_a_paragraph_drops_the_box():
    page = [Block(index=i, text=t, line=i + 1, kind=k, in_main=True) for i, (t, k) in enumerate(
        ((PROSE, Kind.PARAGRAPH), ("More top stories", Kind.HEADING), ("Other story one", Kind.LIST_ITEM)))]
    judged = classify(page, BOX, Format.HTML)
    assert [j.verdict.keep for j in judged] == [True, False, False]
    assert judged[1].verdict.rule_id == "t.box"
