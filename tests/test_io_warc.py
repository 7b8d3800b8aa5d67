"""WARC input: HTML responses become documents with url, crawl date and charset; a broken record is one error."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner.io.readers import iter_inputs
from cleaner.io.warc import is_warc, read_warc
from cleaner.model import ErrorRecord, Format, RawDoc

PAGE = "<html><head><title>Page {n}</title></head><body><p>Grüße {n}</p></body></html>"


def write_warc(path, compress: bool, broken_after: int | None = None, count: int = 3) -> None:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        for n in range(count):
            writer.write_record(_response(writer, n, "text/html; charset=ISO-8859-1"))
            if n == broken_after:
                handle.write(b"\x1f\x8b\x08\x00not gzip at all" if compress else b"NOT A WARC HEADER\r\n\r\n")
        writer.write_record(_response(writer, 99, "image/png"))


def _response(writer, n: int, content_type: str):
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    body = io.BytesIO(PAGE.format(n=n).encode("latin-1"))
    return writer.create_warc_record(f"https://example.com/{n}", "response", payload=body, http_headers=headers,
                                     warc_headers_dict={"WARC-Date": f"2024-05-0{n + 1}T10:00:00Z"})


@pytest.mark.parametrize("compress", [False, True])
def test_html_responses_become_documents(tmp_path, compress):
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, compress)
    with open(path, "rb") as handle:
        docs = list(read_warc(handle, str(path)))
    assert [d.url for d in docs] == ["https://example.com/0", "https://example.com/1", "https://example.com/2"]
    first = docs[0]
    assert first.crawl_date == "2024-05-01T10:00:00Z" and first.declared_charset == "ISO-8859-1"
    assert first.declared_format is Format.HTML and "Grüße".encode("latin-1") in first.data
    assert len({d.id for d in docs}) == 3


@pytest.mark.parametrize("compress", [False, True])
def test_malformed_record_is_an_error_and_the_rest_is_read(tmp_path, compress):
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    write_warc(path, compress, broken_after=0)
    with open(path, "rb") as handle:
        docs = list(read_warc(handle, str(path)))
    assert [type(d) for d in docs] == [RawDoc, ErrorRecord, RawDoc, RawDoc]
    assert docs[1].reason.startswith("malformed WARC record") and docs[1].input.startswith(f"{path}@")
    assert [d.url for d in docs if isinstance(d, RawDoc)][-1] == "https://example.com/2"


def test_warc_files_are_recognised_in_inputs(tmp_path):
    write_warc(tmp_path / "a.warc.gz", True)
    items = list(iter_inputs([str(tmp_path)]))
    assert len(items) == 3 and all(isinstance(i, RawDoc) for i in items)
    assert is_warc("x.WARC") and not is_warc("x.warc.json")


def test_a_record_that_sends_the_reader_back_is_an_error_and_reading_goes_on_forward():
    # A record cut shorter than its Content-Length: warcio's offset then lies before the records already read.
    data = (Path(__file__).parent / "data" / "record_shorter_than_its_length.warc").read_bytes()
    docs = list(read_warc(io.BytesIO(data), "cut.warc"))
    urls = [d.url for d in docs if isinstance(d, RawDoc)]
    assert urls == sorted(set(urls)) and len(urls) >= 2
    assert any(isinstance(d, ErrorRecord) and d.reason.startswith("malformed WARC record") for d in docs)
