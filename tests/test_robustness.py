"""Inputs no page of the bench sets has: each gives exactly one record or one error record with a reason, in time."""

from __future__ import annotations

import time

from cleaner.model import ErrorRecord, Format, RawDoc, Record
from cleaner.pipeline import clean_document

# CPU seconds a page-sized pathological input may take; a quadratic path takes minutes on these inputs.
CPU_BUDGET_SECONDS = 2.0


def _clean(data: bytes, fmt: Format | None, valid) -> Record | ErrorRecord:
    started = time.process_time()
    result = clean_document(RawDoc(id="robust", data=data, declared_format=fmt))
    assert time.process_time() - started < CPU_BUDGET_SECONDS
    if isinstance(result, ErrorRecord):
        assert not result.reason.startswith("internal error"), result.reason
    else:
        valid(result.to_dict())
    return result


def test_a_dump_line_with_a_long_run_of_cell_separators_inside_it_is_cleaned_in_time(valid):
    line = "Market data " + "|" * 300_000 + " closing words."
    _clean(f"A story's title\n\n{line}\n\nThe story goes on in a paragraph of its own.".encode(), Format.TEXT, valid)


def _page(head: str = "", body: str = "") -> bytes:
    story = "<p>The council met on Tuesday and agreed to rebuild the old bridge before the winter comes.</p>" * 5
    return (f"<html><head><title>Bridge to be rebuilt</title>{head}</head><body><article><h1>Bridge to be rebuilt"
            f"</h1>{body}{story}</article></body></html>").encode()


def test_a_jsonld_author_of_one_huge_word_is_read_in_time(valid):
    jsonld = '{"@type": "NewsArticle", "headline": "Bridge", "author": "' + "y" * 50_000 + '"}'
    _clean(_page(head=f'<script type="application/ld+json">{jsonld}</script>'), Format.HTML, valid)


def test_an_author_field_full_of_dates_is_read_in_time(valid):
    author = "Jane Doe, " + "2019-01-01 " * 50_000
    _clean(_page(head=f'<meta name="author" content="{author}">'), Format.HTML, valid)


def test_short_lines_in_a_box_of_thousands_of_empty_elements_are_cleaned_in_time(valid):
    box = "<div>" + "<span></span>\n\t" * 10_000 + "<td>x" * 3_000 + "</div>"
    page = _page().replace(b"</body>", box.encode() + b"</body>")
    _clean(page, Format.HTML, valid)


def test_jsonld_nested_past_the_parsers_stack_is_no_metadata(valid):
    for jsonld in ("[" * 100_000, '{"articleBody": ' * 100_000):
        record = _clean(_page(head=f'<script type="application/ld+json">{jsonld}</script>'), Format.HTML, valid)
        assert isinstance(record, Record) and record.fields.title


def test_a_crawl_date_given_as_a_number_in_jsonl_gives_a_record(valid):
    from cleaner.io.jsonl import raw_from_dict

    raw = raw_from_dict({"id": "a", "html": _page().decode(), "crawl_date": 20190101}, "d")
    assert isinstance(clean_document(raw), Record)


def test_an_address_that_cannot_be_parsed_names_no_site(valid):
    bad = "http://[ex.com/1"  # an unclosed IPv6 bracket
    head = f'<link rel="canonical" href="{bad}"><meta property="og:url" content="{bad}">'
    for url in (bad, None):
        raw = RawDoc(id="robust", data=_page(head=head), url=url, declared_format=Format.HTML)
        record = clean_document(raw)
        assert isinstance(record, Record)
        valid(record.to_dict())


def test_a_declared_charset_with_a_null_character_is_no_charset(valid):
    raw = RawDoc(id="robust", data=_page(), declared_charset="utf\x008")
    assert isinstance(clean_document(raw), Record)


def _names(count: int) -> list[str]:
    """Distinct person-shaped names ("Abe Aby", "Abe Acy", ...)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return [f"{a.upper()}{b}e {c.upper()}{d}y" for a in letters for b in letters for c in letters for d in letters][:count]


def test_a_meta_author_field_naming_fifty_thousand_people_is_read_in_time(valid):
    author = ", ".join(_names(50_000))
    record = _clean(_page(head=f'<meta name="author" content="{author}">'), Format.HTML, valid)
    assert record.fields.authors == ()


def test_jsonld_listing_twenty_thousand_authors_is_read_in_time(valid):
    people = ", ".join(f'{{"@type": "Person", "name": "{name}"}}' for name in _names(20_000))
    jsonld = f'{{"@type": "NewsArticle", "headline": "Bridge", "author": [{people}]}}'
    record = _clean(_page(head=f'<script type="application/ld+json">{jsonld}</script>'), Format.HTML, valid)
    assert 0 < len(record.fields.authors) <= 100


def test_a_page_of_more_elements_than_an_article_has_is_refused_with_the_count(valid):
    page = _page(body="<span>a</span>" * 150_000)
    result = _clean(page, Format.HTML, valid)
    assert isinstance(result, ErrorRecord)
    assert result.reason == "too many elements for an article page (150011 > 100000)"


def test_a_page_whose_tags_are_mostly_in_a_script_is_cleaned(valid):
    script = "<script>var t = '" + "<b>" * 150_000 + "';</script>"
    result = _clean(_page(head=script), Format.HTML, valid)
    assert isinstance(result, Record) and "rebuild the old bridge" in result.text


def test_a_dump_of_more_blocks_than_an_article_has_is_refused_at_the_line_it_passes_the_bound(valid):
    dump = "A story's title\n\n" + "Short line\n" * 250_000
    result = _clean(dump.encode(), Format.TEXT, valid)
    assert isinstance(result, ErrorRecord)
    assert result.reason == "too many blocks for an article dump (over 200000 by line 200002)"
