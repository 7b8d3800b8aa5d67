from __future__ import annotations

from cleaner.model import Kind
from cleaner.segment.text import MAX_BLOCK_CHARS, segment_text


def test_blank_lines_separate_blocks_with_line_numbers():
    blocks = segment_text("Title line\n\nFirst paragraph.\n\n\nSecond paragraph.")
    assert [(b.text, b.line) for b in blocks] == [("Title line", 1), ("First paragraph.", 3), ("Second paragraph.", 6)]


def test_list_items_stay_separate():
    blocks = segment_text("  1. Inhalt\n  2. Navigation\n  3. Suche")
    assert [b.text for b in blocks] == ["1. Inhalt", "2. Navigation", "3. Suche"]
    assert all(b.kind is Kind.LIST_ITEM for b in blocks)
    assert [b.line for b in blocks] == [1, 2, 3]


def test_wrapped_lines_are_joined():
    text = ("The minister said on Tuesday that the talks would continue next week in\n"
            "Geneva, despite the objections raised by several delegations.\n")
    blocks = segment_text(text)
    assert len(blocks) == 1 and "week in Geneva," in blocks[0].text


def test_short_lines_are_not_joined():
    assert len(segment_text("Home\nWorld\nBusiness")) == 3


def test_markdown_links_keep_their_text_and_images_go():
    blocks = segment_text("* [Barron's](https://www.barrons.com)\n\n![A photo](https://x/y.jpg) Caption")
    assert blocks[0].text == "* Barron's" and blocks[0].link_density >= 0.8
    assert blocks[1].text == "Caption" and blocks[1].link_density == 0.0


def test_links_wrapped_over_lines_are_joined_and_stripped():
    text = ("[![](https://cdn.example.com/wp-\ncontent/uploads/a-200x200.jpg)](https://cdn.example.com/wp-\n"
            "content/uploads/a.jpg)\n\nA [short\nlink](https://example.com/a-\nb) inside a sentence.")
    blocks = segment_text(text)
    assert [b.text for b in blocks] == ["A short link inside a sentence."]


def test_markdown_headings_and_emphasis():
    blocks = segment_text("## Differences over Assad\n\nThe **role** of _Assad_ tops the list.")
    assert blocks[0].kind is Kind.HEADING and blocks[0].text == "Differences over Assad"
    assert blocks[1].text == "The role of Assad tops the list."


def test_windows_line_endings_form_feeds_and_nuls():
    blocks = segment_text("One line.\r\nTwo line.\fThree\x00 line.")
    assert [b.text for b in blocks] == ["One line.", "Two line.", "Three line."]


def test_a_dump_without_line_breaks_is_split_at_sentences():
    text = "This is one sentence of a long story. " * 1000
    blocks = segment_text(text)
    assert len(blocks) > 1
    assert all(len(b.text) <= MAX_BLOCK_CHARS for b in blocks)
    assert sum(len(b.text.split()) for b in blocks) == len(text.split())


def test_a_data_uri_wrapped_over_lines_is_dropped_and_line_numbers_kept():
    text = ("[![Logo](data:image/svg+xml,%3csvg width='162' viewBox='0 0\n162 20'%3e %3cpath d='M57.2 12.8H57.4\n"
            "C57.6 12.8 57.8' fill='%23090A0B'/%3e %3c/svg%3e)](/)\n\nNews\n\nFirst paragraph.")
    blocks = segment_text(text)
    assert [(b.text, b.line) for b in blocks] == [("News", 5), ("First paragraph.", 7)]


def test_a_link_whose_target_has_spaces_keeps_only_its_text():
    text = ("[Share](https://share.example/?service=mail&title=Harbour bridge to close\nto cars&link=https://"
            "news.example/a) on email\n\nBy Jo Smith")
    blocks = segment_text(text)
    assert [b.text for b in blocks] == ["Share on email", "By Jo Smith"]
    assert blocks[0].link_density > 0


def test_table_cell_separators_at_the_edges_of_a_row_go_but_those_between_cells_stay():
    texts = [b.text for b in segment_text("Our dog is part of the family and our friend.  |\n\n| Feature | Done |\n\nTitle | Site")]
    assert texts == ["Our dog is part of the family and our friend.", "Feature | Done", "Title | Site"]


def test_html2text_escapes_are_undone_after_the_links_are_stripped():
    texts = [b.text for b in segment_text("1\\. Cloud Services\n\n19\\. Juni 2019\n\n[a b](https://x.example/a\\(b\\))\n\nC:\\Users")]
    assert texts == ["1. Cloud Services", "19. Juni 2019", "a b", "C:\\Users"]
    assert segment_text("1\\. Cloud Services")[0].kind is Kind.PARAGRAPH  # escaped: a paragraph, not a list item
