"""JSON Lines input: {id, url, html | text} lines -> RawDoc, malformed lines -> error records."""

from __future__ import annotations

import gzip
import io

from cleaner.io.jsonl import is_jsonl, open_jsonl, parse_line, raw_from_dict, read_jsonl_stream
from cleaner.model import ErrorRecord, Format, RawDoc


def test_text_field_is_a_text_dump_and_html_field_is_html():
    text = raw_from_dict({"id": "a", "url": "https://example.com/a", "text": "Title\n\nBody"}, "x")
    html = raw_from_dict({"id": "b", "html": "<p>Body</p>"}, "x")
    assert text == RawDoc(id="a", data=b"Title\n\nBody", url="https://example.com/a", declared_format=Format.TEXT)
    assert html.declared_format is Format.HTML and html.data == b"<p>Body</p>" and html.url is None


def test_missing_id_takes_the_default_and_content_is_utf8():
    doc = raw_from_dict({"text": "Zürich"}, "feed-3")
    assert doc.id == "feed-3" and doc.data == "Zürich".encode()


def test_document_without_content_or_with_both_is_an_error():
    assert raw_from_dict({"id": "a"}, "x").reason == "document has no html or text field"
    assert raw_from_dict({"id": "a", "html": "<p/>", "text": "t"}, "x").reason == "document has both html and text"


def test_malformed_line_is_an_error_with_the_line_sha():
    error = parse_line(b'{"id": "a", "text": \n', "d", "feed.jsonl:7")
    assert isinstance(error, ErrorRecord) and error.input == "feed.jsonl:7"
    assert error.reason.startswith("malformed JSON line") and len(error.sha256) == 64
    assert parse_line(b"[1, 2]\n", "d", "f:1").reason == "JSON line is not an object"
    assert parse_line(b"   \n", "d", "f:1") is None


def test_stream_numbers_lines_and_skips_blank_ones():
    lines = [b'{"text": "one"}\n', b"\n", b"oops\n", b'{"id": "k", "html": "<p>x</p>"}\n']
    docs = list(read_jsonl_stream(lines, "feed", "/data/feed.jsonl"))
    assert [d.id if isinstance(d, RawDoc) else d.input for d in docs] == ["feed-1", "/data/feed.jsonl:3", "k"]


def test_gzip_jsonl_is_opened_by_suffix():
    packed = io.BytesIO(gzip.compress(b'{"text": "a"}\n'))
    assert open_jsonl(packed, "x.jsonl.gz").read() == b'{"text": "a"}\n'
    assert is_jsonl("a.JSONL") and is_jsonl("b.jsonl.gz") and not is_jsonl("c.json")


def test_a_lone_surrogate_in_json_gives_a_document_not_a_crash():
    from cleaner.pipeline import clean_document
    from cleaner.model import Record

    doc = parse_line('{"id": "s", "text": "Home \\ud800\\n\\nThe minister said on Tuesday that talks would go on."}', "x", "in:1")
    assert isinstance(doc, RawDoc) and doc.data.startswith(b"Home \xed\xa0\x80")
    record = clean_document(doc)
    assert isinstance(record, Record) and "talks would go on" in record.text and record.warnings


def test_an_id_with_a_lone_surrogate_still_names_a_file():
    doc = raw_from_dict({"id": "a\ud800", "url": "https://example.com/\ud800", "text": "Body"}, "x")
    assert doc.id == "a?" and doc.url == "https://example.com/?"


def test_a_line_nested_past_the_parsers_stack_is_an_error_and_the_stream_goes_on():
    lines = [b"[" * 100_000, b'{"id": "next", "text": "Still read."}']
    docs = list(read_jsonl_stream(lines, "f", "f.jsonl"))
    assert isinstance(docs[0], ErrorRecord) and docs[0].reason.startswith("malformed JSON line")
    assert isinstance(docs[1], RawDoc) and docs[1].id == "next"


def test_a_crawl_date_that_is_no_string_is_no_crawl_date():
    for value in (5, 1.5, True, [], {"a": 1}):
        doc = raw_from_dict({"id": "a", "html": "<p>x</p>", "crawl_date": value}, "d")
        assert isinstance(doc, RawDoc) and doc.crawl_date is None
