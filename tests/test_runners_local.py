"""The local runner: shards in order, the same outputs for any number of workers, streaming stdin, clean_many."""

from __future__ import annotations

import json
import subprocess

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.config import Config
from cleaner.io.readers import iter_inputs
from cleaner.model import ErrorRecord, Format, RawDoc, Record
from cleaner.runners.local import run_shards
from cleaner.io.sinks import OutputSpec
from cleaner.runners.shards import make_shards
from tests.batch_helpers import article, cleaner_command, make_inputs, subprocess_env, tree

# Output formats and the file one complete run must produce.
FORMATS = [("json", []), ("jsonl", ["--compress", "gzip", "--shard-size", "7"]), ("parquet", ["--shard-size", "7"])]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return make_inputs(tmp_path_factory.mktemp("in"), 40, bad=(5, 23))


@pytest.mark.parametrize("fmt, extra", FORMATS)
def test_two_workers_write_the_same_tree_as_one(tmp_path, inputs, fmt, extra):
    runner = CliRunner()
    for jobs in ("1", "2"):
        result = runner.invoke(main, ["clean", str(inputs), "-o", str(tmp_path / jobs), "-f", fmt, "-j", jobs, *extra])
        assert result.exit_code == 1, result.output  # two empty inputs
        assert "40 documents" in result.stderr and "38 written, 0 unchanged, 2 errors" in result.stderr
        assert "      38  written" in result.stderr and "       2    empty input" in result.stderr
    one, two = tree(tmp_path / "1"), tree(tmp_path / "2")
    assert one == two
    errors = [json.loads(line) for line in one["errors.jsonl"].decode().splitlines()]
    assert [e["input"].rsplit("/", 1)[1] for e in errors] == ["doc-0005.txt", "doc-0023.txt"]
    assert len(one) == (39 if fmt == "json" else 7)  # 38 records + errors, or 6 parts + errors


def test_run_shards_yields_shards_in_order(tmp_path, inputs):
    shards = make_shards(iter_inputs([str(inputs)]), 4, {})
    seen = []
    results = list(run_shards(shards, Config(), OutputSpec(str(tmp_path)), 2, lambda done, errors: seen.append(done)))
    assert [r.number for r in results] == list(range(10))
    assert sum(r.written for r in results) == 38 and sum(seen) == 40


def docs(count: int):
    return [RawDoc(id=f"d{n}", data=article(n).encode()) for n in range(count)]


def test_clean_many_accepts_bytes_text_rawdocs_and_dicts_and_keeps_order():
    items = [article(1).encode(), article(2), RawDoc(id="raw", data=article(3).encode()),
             {"id": "feed-1", "url": "https://example.com/x", "text": article(4)}, {"id": "nothing"}, b"", *docs(40)]
    results = list(cleaner.clean_many(iter(items), jobs=2))
    assert results == list(cleaner.clean_many(items, jobs=1))
    assert [r.id for r in results[6:]] == [f"d{n}" for n in range(40)]
    assert [type(r) for r in results[:6]] == [Record, Record, Record, Record, ErrorRecord, ErrorRecord]
    assert [r.id for r in results[:4]] == ["document-1", "document-2", "raw", "feed-1"]
    assert results[3].source.format is Format.TEXT and results[3].fields.url == "https://example.com/x"
    assert results[4].reason == "document has no html or text field" and results[5].reason == "empty input"


def test_stdin_jsonl_streams_records_before_stdin_is_closed():
    process = subprocess.Popen(cleaner_command("--jsonl", "-", "-j", "2"), env=subprocess_env(),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        for n in range(3):
            process.stdin.write(json.dumps({"id": f"s{n}", "text": article(n)}).encode() + b"\n")
            process.stdin.flush()
            record = json.loads(process.stdout.readline())  # answered while stdin is still open
            assert record["id"] == f"s{n}" and record["source"]["format"] == "text"
        process.stdin.write(b'{"id": "bad"}\nnot json\n' + json.dumps({"id": "last", "text": article(9)}).encode() + b"\n")
        process.stdin.close()
        rest = process.stdout.read().decode().splitlines()
        errors = [json.loads(line) for line in process.stderr.read().decode().splitlines()]
    finally:
        process.kill()
        process.wait()
    assert [json.loads(line)["id"] for line in rest] == ["last"]
    assert rest[0].startswith('{"schema": "1.0", "id": "last"')  # compact: one record per line
    assert [e["reason"].split(":")[0] for e in errors] == ["document has no html or text field", "malformed JSON line"]
    assert process.returncode == 1


def test_clean_many_raises_what_the_input_iterator_raises():
    def broken():
        yield article(1)
        raise OSError("feed went away")

    with pytest.raises(OSError, match="feed went away"):
        list(cleaner.clean_many(broken(), jobs=2))
