"""The per-document time limit: a document past it is an error record, in any thread, and nothing leaks after."""

from __future__ import annotations

import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from cleaner.config import Config
from cleaner.errors import DocumentTimeout
from cleaner.model import ErrorRecord, Format, RawDoc, Record, Stage
from cleaner.pipeline import clean_document
from cleaner.time_limit import stage_of, time_limit
from tests.batch_helpers import article

# A text dump of this many lines takes seconds to clean, far beyond the limits below.
SLOW_DUMP_LINES = 150_000
SHORT_LIMIT = 0.2


@pytest.fixture(scope="module")
def slow_dump() -> bytes:
    line = "the council said on tuesday that line {n} of the new tram plan would open after a long debate"
    return "\n".join(line.format(n=n) for n in range(SLOW_DUMP_LINES)).encode()


def _clean(data: bytes, limit: float | None) -> Record | ErrorRecord:
    raw = RawDoc(id="doc", data=data, declared_format=Format.TEXT)
    return clean_document(raw, Config(time_limit=limit))


def test_a_document_past_the_limit_is_an_error_record_naming_its_stage(slow_dump):
    started = time.monotonic()
    result = _clean(slow_dump, SHORT_LIMIT)
    assert isinstance(result, ErrorRecord)
    assert result.reason == f"time limit of {SHORT_LIMIT:g} s exceeded"
    assert result.stage in (Stage.DECODE, Stage.SEGMENT, Stage.CLASSIFY)
    assert time.monotonic() - started < 30 * SHORT_LIMIT


def test_the_limit_holds_in_a_worker_thread(slow_dump):
    with ThreadPoolExecutor(1) as pool:
        result = pool.submit(_clean, slow_dump, SHORT_LIMIT).result()
    assert isinstance(result, ErrorRecord)
    assert result.reason.startswith("time limit of")


def test_documents_within_the_limit_are_untouched():
    data = article(1).encode()
    assert _clean(data, 60.0).to_dict() == _clean(data, None).to_dict()


def test_no_timeout_lands_after_a_document_is_done():
    # Limits close to a document's own duration race the watchdog against the end of the work: a stress
    # check (a timeout landing after the return would fail the loop below), not a proof.
    data = article(2).encode()
    outcomes = {type(_clean(data, limit)) for limit in [0.0005, 0.001, 0.002, 0.004] * 25}
    assert outcomes <= {Record, ErrorRecord}
    deadline = time.monotonic() + 0.1
    while time.monotonic() < deadline:  # a stray exception would surface here, failing the test
        sum(range(100))


def test_stage_of_falls_back_to_assemble_outside_the_stage_modules():
    with pytest.raises(DocumentTimeout) as caught, time_limit(0.05):
        while True:
            time.sleep(0.001)
    assert stage_of(caught.value) == Stage.ASSEMBLE


def test_clean_command_reports_the_slow_document_and_writes_the_others(tmp_path, slow_dump):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "slow.txt").write_bytes(slow_dump)
    (tmp_path / "in" / "quick.txt").write_text(article(3), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["clean", str(tmp_path / "in"), "-o", str(out), "--jobs", "1",
                                       "--time-limit", str(SHORT_LIMIT)])
    assert result.exit_code == 1, result.output
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["input"].rsplit("/", 1)[-1], e["reason"]) for e in errors] == [
        ("slow.txt", f"time limit of {SHORT_LIMIT:g} s exceeded")]
    assert (out / "quick.json").exists()


def test_one_watchdog_thread_serves_every_document():
    for _ in range(50):
        with time_limit(60):
            pass
    watchdogs = [t for t in threading.enumerate() if t.name == "cleaner-time-limit"]
    assert len(watchdogs) == 1


def test_the_earliest_deadline_fires_first_among_overlapping_documents():
    caught = []

    def slow(limit: float) -> None:
        try:
            with time_limit(limit):
                while True:
                    time.sleep(0.001)
        except DocumentTimeout:
            caught.append(limit)

    threads = [threading.Thread(target=slow, args=(limit,)) for limit in (0.6, 0.1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert caught == [0.1, 0.6]


def test_a_forked_child_has_a_watchdog_of_its_own(slow_dump):
    with time_limit(60):  # the parent's watchdog exists before the fork
        pass
    pid = os.fork()
    if pid == 0:  # the child: exit 0 only when its own watchdog cut the document short
        result = _clean(slow_dump, SHORT_LIMIT)
        os._exit(0 if isinstance(result, ErrorRecord) and result.reason.startswith("time limit") else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
