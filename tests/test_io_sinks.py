"""Output trees: record files, shard parts (JSON Lines, gzip, Parquet) and the error log."""

from __future__ import annotations

import gzip
import json

import pytest

from cleaner import clean
from cleaner.io.sinks import (
    OutputFormat, OutputSpec, Store, append_errors, line_identity, load_error_log, part_name, read_part,
    record_file_sha, record_line, write_part, write_record_file,
)
from cleaner.io.writers import write_json
from cleaner.model import ErrorRecord, Stage
from tests.batch_helpers import article


@pytest.fixture
def records():
    return [clean(article(n), id=f"doc-{n}") for n in range(5)]


def test_record_file_is_byte_identical_to_write_json(tmp_path, records):
    write_json(tmp_path / "a", records[0])
    write_record_file(Store(str(tmp_path / "b")), records[0])
    assert (tmp_path / "a" / "doc-0.json").read_bytes() == (tmp_path / "b" / "doc-0.json").read_bytes()
    assert record_file_sha(Store(str(tmp_path / "b")), "doc-0") == records[0].source.sha256
    assert record_file_sha(Store(str(tmp_path / "b")), "missing") is None


@pytest.mark.parametrize("spec", [
    OutputSpec("x", OutputFormat.JSONL), OutputSpec("x", OutputFormat.JSONL, gzip=True),
    OutputSpec("x", OutputFormat.PARQUET),
])
def test_part_round_trip_gives_back_the_lines(tmp_path, records, spec):
    store = Store(str(tmp_path))
    lines = [record_line(r) for r in records]
    write_part(store, spec, 3, iter(lines))
    assert (tmp_path / part_name(spec, 3)).exists() and not list(tmp_path.glob(".*"))
    assert read_part(store, spec, 3) == lines
    assert line_identity(lines[2]) == ("doc-2", records[2].source.sha256)
    assert read_part(store, spec, 4) is None


def test_gzip_parts_are_deterministic_and_readable_by_gzip(tmp_path, records):
    spec = OutputSpec("x", OutputFormat.JSONL, gzip=True)
    for folder in ("a", "b"):
        write_part(Store(str(tmp_path / folder)), spec, 0, [record_line(r) for r in records])
    first, second = (tmp_path / "a" / "part-00000.jsonl.gz").read_bytes(), (tmp_path / "b" / "part-00000.jsonl.gz").read_bytes()
    assert first == second
    assert json.loads(gzip.decompress(first).splitlines()[1])["id"] == "doc-1"


def test_parquet_keeps_nested_values_as_json_text(tmp_path, records):
    import pyarrow.parquet as pq

    write_part(Store(str(tmp_path)), OutputSpec("x", OutputFormat.PARQUET), 0, [record_line(r) for r in records])
    table = pq.read_table(tmp_path / "part-00000.parquet")
    assert table.num_rows == 5 and table.column_names[:3] == ["schema", "id", "source"]
    row = table.to_pylist()[0]
    assert json.loads(row["source"])["sha256"] == records[0].source.sha256 and isinstance(row["authors"], list)


def test_error_log_cuts_a_partial_last_line_and_appends_once(tmp_path):
    store = Store(str(tmp_path))
    whole = json.dumps({"input": "a.txt", "reason": "empty input", "stage": "segment", "sha256": "0" * 64})
    (tmp_path / "errors.jsonl").write_text(whole + "\n" + '{"input": "b.t', encoding="utf-8")
    log = load_error_log(store)
    assert (tmp_path / "errors.jsonl").read_text() == whole + "\n"
    assert log.by_input["a.txt"].sha256 == "0" * 64
    listed = set(log.lines)
    again = ErrorRecord("a.txt", "empty input", Stage.SEGMENT, "0" * 64)
    append_errors(store, [again, ErrorRecord("b.txt", "empty input", Stage.SEGMENT)], listed)
    assert [json.loads(line)["input"] for line in (tmp_path / "errors.jsonl").read_text().splitlines()] == ["a.txt", "b.txt"]


def test_file_url_store_writes_the_same_bytes(tmp_path, records):
    spec = OutputSpec("x", OutputFormat.JSONL)
    write_part(Store(str(tmp_path / "a")), spec, 0, [record_line(r) for r in records])
    url_store = Store(f"file://{tmp_path / 'b'}")
    url_store.makedirs()
    write_part(url_store, spec, 0, [record_line(r) for r in records])
    assert (tmp_path / "a" / "part-00000.jsonl").read_bytes() == (tmp_path / "b" / "part-00000.jsonl").read_bytes()
