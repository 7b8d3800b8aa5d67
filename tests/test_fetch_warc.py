import gzip
from types import SimpleNamespace

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.checker import Checker

from cleaner.errors import InputError
from cleaner.fetch.client import Exchange
from cleaner.fetch.warc import WarcSink, fetched_keys, intact_length, iter_responses, repair_tail

BODY = gzip.compress(b"<html><body><p>Harbour story</p></body></html>")


def exchange(url: str, status: int = 200) -> Exchange:
    headers = (("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
               ("Content-Length", str(len(BODY))))
    request = (("Host", "news.example"), ("User-Agent", "cleaner/0.1"))
    return Exchange(url, "93.184.216.34", "2024-03-01T12:00:00Z", request, status, "OK", "HTTP/1.1", headers, BODY)


def records(path):
    with open(path, "rb") as fh:
        return [(r.rec_type, r.rec_headers, r.content_stream().read()) for r in ArchiveIterator(fh)]


def response_offsets(path):
    with open(path, "rb") as fh:
        iterator = ArchiveIterator(fh)
        return [iterator.get_record_offset() for record in iterator if record.rec_type == "response"]


def test_request_and_response_pairs_are_standard_warc(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with WarcSink(path) as sink:
        sink.write_exchange(exchange("https://news.example/a?x=1"))
    got = records(path)
    assert [kind for kind, _, _ in got] == ["warcinfo", "response", "request"]  # warcio's pair order
    _, response, response_body = got[1]
    _, request, _ = got[2]
    assert request.get_header("WARC-Concurrent-To") == response.get_header("WARC-Record-ID")
    assert response.get_header("WARC-Target-URI") == "https://news.example/a?x=1"
    assert response.get_header("WARC-Date") == "2024-03-01T12:00:00Z"
    assert response.get_header("WARC-IP-Address") == "93.184.216.34"
    assert response.get_header("WARC-Payload-Digest").startswith("sha1:")
    assert response_body == b"<html><body><p>Harbour story</p></body></html>"


def test_request_record_has_the_request_line(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with WarcSink(path) as sink:
        sink.write_exchange(exchange("https://news.example/a?x=1"))
    with open(path, "rb") as fh:
        request = [r for r in ArchiveIterator(fh) if r.rec_type == "request"][0]
        assert request.http_headers.protocol == "GET"
        assert request.http_headers.statusline == "/a?x=1 HTTP/1.1"
        assert request.http_headers.get_header("User-Agent") == "cleaner/0.1"


def test_listing_metadata_is_a_metadata_record_read_back_with_the_response(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with WarcSink(path) as sink:
        sink.write_exchange(exchange("https://news.example/a"), via="https://news.example/news.xml",
                            published="2024-02-05T07:30:00+01:00")
        sink.write_exchange(exchange("https://news.example/b"))
    kinds = [kind for kind, _, _ in records(path)]
    assert kinds == ["warcinfo", "response", "request", "metadata", "response", "request"]
    metadata = records(path)[3]
    assert metadata[1].get_header("Content-Type") == "application/warc-fields"
    assert metadata[1].get_header("WARC-Refers-To") == records(path)[1][1].get_header("WARC-Record-ID")
    stored = list(iter_responses(path))
    assert [(s.url, s.published, s.via) for s in stored] == [
        ("https://news.example/a", "2024-02-05T07:30:00+01:00", "https://news.example/news.xml"),
        ("https://news.example/b", None, None),
    ]
    assert stored[0].status == 200 and b"Harbour" in stored[0].body


def test_warcio_checker_finds_every_digest_valid(tmp_path, capsys):
    path = tmp_path / "crawl.warc.gz"
    with WarcSink(path) as sink:
        sink.write_exchange(exchange("https://news.example/a"), published="2024-02-05")
        sink.write_exchange(exchange("https://news.example/b", status=404))
    checker = Checker(SimpleNamespace(inputs=[str(path)], verbose=True))
    assert checker.process_all() == 0
    assert capsys.readouterr().out.count("digest pass") == 6


def test_fetched_keys_are_the_response_urls(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    assert fetched_keys(path) == frozenset()
    with WarcSink(path) as sink:
        sink.write_exchange(exchange("https://news.example/a?b=2&a=1"))
    assert fetched_keys(path) == {"https://news.example/a?a=1&b=2"}


def test_a_torn_last_record_is_cut_off_before_appending(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    with WarcSink(path) as sink:
        sink.write_exchange(exchange("https://news.example/a"))
    whole = path.stat().st_size
    with WarcSink(path) as sink:
        sink.write_exchange(exchange("https://news.example/b"))
    data = path.read_bytes()
    torn_at = response_offsets(path)[-1] + 40
    path.write_bytes(data[:torn_at])  # killed in the middle of writing b's response
    assert whole < intact_length(path) < torn_at
    with WarcSink(path) as sink:
        assert sink.repaired_bytes > 0
        sink.write_exchange(exchange("https://news.example/c"))
    urls = [h.get_header("WARC-Target-URI") for kind, h, _ in records(path) if kind == "response"]
    assert urls == ["https://news.example/a", "https://news.example/c"]


def test_a_file_that_is_not_a_gzip_warc_is_never_truncated(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("precious notes\n")
    with pytest.raises(InputError, match="not a gzip-compressed WARC"):
        repair_tail(path)
    assert path.read_text() == "precious notes\n"
