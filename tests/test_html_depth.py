"""Markup nested past the parser's depth limit is read flattened, not lost."""

import lxml.etree

import cleaner
from cleaner.segment.html_parse import parse_html_page
from cleaner.segment.html_depth import DEPTH_WARNING, flattened

TOP = "The council met on Tuesday to discuss the extension of the northern tram line by four stations."
DEEP = "Engineers said the tunnels under the river would be finished two months ahead of the schedule."
AFTER = "The mayor promised that the first trams would run on the new section before next summer."


def _deep_page(depth: int) -> str:
    return (f"<html><body><h1>Tram line grows</h1><p>{TOP}</p>" + "<div><font>" * depth + f"<p>{DEEP}</p>"
            + "</font></div>" * depth + f"<p>{AFTER}</p></body></html>")


def test_text_below_and_after_ten_thousand_levels_is_kept(valid):
    record = cleaner.clean(_deep_page(10_000), url="https://example.org/tram")
    valid(record.to_dict())
    assert [TOP, DEEP, AFTER] == [p for p in record.text.split("\n\n") if p in (TOP, DEEP, AFTER)]
    assert DEPTH_WARNING in record.warnings


def test_a_page_within_the_limit_is_parsed_as_it_is():
    tree, notes = parse_html_page(_deep_page(100))
    assert notes == ()
    assert len(tree.xpath("//font")) == 100


def test_flattened_turns_containers_into_paragraph_breaks_and_drops_inline_tags():
    html = '<div class="a"><div><span>one</span></div></div><section>two <b>bold</b></section>'
    assert flattened(html) == "<p>one<p>two bold<p>"


def test_nesting_through_other_tags_falls_back_to_the_text_with_paragraphs():
    page = (f"<html><body><h1>Tram line grows</h1><p>{TOP}</p>" + "<x-card><ins>" * 2000 + f"<p>{DEEP}</p>"
            + "</ins></x-card>" * 2000 + f"<p>{AFTER}</p></body></html>")
    record = cleaner.clean(page, url="https://example.org/tram")
    assert [TOP, DEEP, AFTER] == [p for p in record.text.split("\n\n") if p in (TOP, DEEP, AFTER)]
    assert DEPTH_WARNING in record.warnings


def test_a_flattened_page_keeps_its_menu_out_of_the_text():
    menu = "".join(f'<li><a href="/section-{n}">Section {n}</a></li>' for n in range(12))
    page = _deep_page(400).replace("<body>", f"<body><nav><ul>{menu}</ul></nav>")
    record = cleaner.clean(page, url="https://example.org/tram")
    assert DEEP in record.text
    assert "Section 3" not in record.text


def test_a_page_parsed_from_its_utf8_is_the_page_parsed_from_its_text():
    page = "<html><body><p>Zürich — “quoted” text</p><p>more&nbsp;text</p></body></html>"
    from_text, _ = parse_html_page(page)
    from_bytes, _ = parse_html_page(page, page.encode("utf-8"))
    assert lxml.etree.tostring(from_bytes, encoding="unicode") == lxml.etree.tostring(from_text, encoding="unicode")
