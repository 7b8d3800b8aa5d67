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
    assert segment_text("1\\. Cloud Services")[0].kind is Kind.LIST_ITEM  # escaped, but a list item to a reader


def test_a_column_layout_of_inscriptis_is_a_table_of_one_block_per_row():
    text = ("Die Ergebnisse\n\n  Modell                 Preis  Note\n  bis 1,5 Jahre                     \n"
            "  Joie i-Level           300 €  1,7 \n  Maxi-Cosi Cabriofix    140 €  2,1 \n")
    got = [(b.text, b.kind, b.line) for b in segment_text(text)]
    assert got[0] == ("Die Ergebnisse", Kind.PARAGRAPH, 1)
    assert got[1:] == [("Modell Preis Note", Kind.TABLE, 3), ("bis 1,5 Jahre", Kind.TABLE, 4),
                       ("Joie i-Level 300 € 1,7", Kind.TABLE, 5), ("Maxi-Cosi Cabriofix 140 € 2,1", Kind.TABLE, 6)]


def test_one_line_with_a_double_space_is_no_table():
    blocks = segment_text("He said so.  Then he left the room and the talks were over for the day, for good.")
    assert [b.kind for b in blocks] == [Kind.PARAGRAPH]


def test_html2text_table_rows_are_blocks_and_its_rule_line_is_dropped():
    text = ("**Pos.** | **Driver** | **Points** | **Wins** | **Poles** | **Top 5** | **Top 10**  \n"
            "---|---|---|---|---|---|---  \n1 | Kyle Busch | 5040 | 5 | 1 | 17 | 27  \n2 | Martin Truex Jr. | 5035 | 7 | 0 | 15 | 24  \n")
    got = [(b.text, b.kind, b.line) for b in segment_text(text)]
    assert got == [("Pos. | Driver | Points | Wins | Poles | Top 5 | Top 10", Kind.TABLE, 1),
                   ("1 | Kyle Busch | 5040 | 5 | 1 | 17 | 27", Kind.TABLE, 3), ("2 | Martin Truex Jr. | 5035 | 7 | 0 | 15 | 24", Kind.TABLE, 4)]


def test_a_layout_table_whose_cells_wrap_links_is_left_to_the_paragraph_rules():
    text = "Top stories| [![Armenian\nnews](http://x.example/a.jpg)](http://x.example/a)\n---|---\n"
    assert all(b.kind is not Kind.TABLE for b in segment_text(text))


def test_lines_of_text_with_inline_formulas_between_double_spaces_are_no_table():
    text = "Given a set of  N {\\displaystyle N}\n![N](https://x.example/n.svg)\nhigh-dimensional objects  x 1 , … , x N\n"
    assert all(b.kind is not Kind.TABLE for b in segment_text(text))


def test_an_emphasis_opened_in_another_block_leaves_no_marker_before_the_full_stop():
    text = ("_**Stream and registration  \n**The meeting is streamed. Registration and a small fee are asked for.\n"
            "Details are on the [foundation's pages](https://x.example/a)._\n\n___")
    assert [b.text for b in segment_text(text)] == [
        "Stream and registration", "The meeting is streamed. Registration and a small fee are asked for. Details are on the foundation's pages.", "___"]


def test_an_image_whose_target_has_escaped_parentheses_and_wraps_over_lines_goes_whole():
    text = ("![](https://cdn.example.com/thumbor/a=/0x0:675x1200/filters:focal\\(0x0:675x1200\\):no_upscale\\(\\)/cdn.example-\n"
            "com/uploads/file/facetime.jpg) _Normally you appear to look below the camera._ Image:\n[WSig](https://x.example/s)")
    assert [b.text for b in segment_text(text)] == ["Normally you appear to look below the camera. Image: WSig"]


def test_emphasis_closed_after_a_space_or_run_into_the_next_one_leaves_the_words_apart():
    texts = [b.text for b in segment_text(
        "**Our favourite spots by the sea: **\n\n_**Update July 3rd:**__Added an explanation._\n\n"
        "**[Pochettino was sacked](https://x.example/a) **last night.")]
    assert texts == ["Our favourite spots by the sea:", "Update July 3rd: Added an explanation.", "Pochettino was sacked last night."]


def test_a_compound_wrapped_after_its_hyphen_is_joined_without_a_space():
    text = ("Alle weiteren Details zu den technischen Leistungsdaten gibt es in der Vorstellungs-\nNews.\n\n"
            "Das Wetter ist in Nord- und Süddeutschland heute wieder ganz unterschiedlich, im Nord-\nund im Süden.")
    texts = [b.text for b in segment_text(text)]
    assert texts[0].endswith("in der Vorstellungs-News.")
    assert texts[1].endswith("im Nord- und im Süden.")


def test_an_emphasis_marker_left_alone_on_its_line_is_no_block():
    texts = [b.text for b in segment_text("1. **Soft skin\n**\n\nFor soft skin you need the right care, every day.")]
    assert texts == ["1. Soft skin", "For soft skin you need the right care, every day."]


def test_the_double_underscores_of_code_are_no_emphasis_even_with_spaces_around():
    line = "1 2 __m512i diff0 = _mm512_xor_si512 ( h0 , probe0 ); __m512i diff1 = _mm512_xor_si512 ( h1 , probe1 );"
    assert segment_text(line)[0].text == line
