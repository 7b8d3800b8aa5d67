"""Resumable runs: a killed run, re-run, ends with the same output tree as an uninterrupted one."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from tests.batch_helpers import article, cleaner_command, make_inputs, run_cleaner, subprocess_env, tree

# Enough work (long documents) that a run is still going seconds after its first output, even when the
# machine is busy and the interrupted parent is slow to react (small documents let the workers finish first).
COUNT = 300
BAD = (3, 150, 299)
PARAGRAPHS = 300
FORMATS = {"json": [], "jsonl": ["-f", "jsonl", "--compress", "gzip", "--shard-size", "20"]}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    return make_inputs(tmp_path_factory.mktemp("in"), COUNT, bad=BAD, paragraphs=PARAGRAPHS)


@pytest.fixture(scope="module")
def complete(inputs, tmp_path_factory):
    """The output tree of an uninterrupted run, per format (in one process: the tree does not depend on -j)."""
    trees = {}
    for fmt, options in FORMATS.items():
        out = tmp_path_factory.mktemp(f"complete-{fmt}")
        result = CliRunner().invoke(main, ["clean", str(inputs), "-o", str(out), "-j", "1", *options])
        assert result.exit_code == 1, result.output
        trees[fmt] = tree(out)
    return trees


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def wait_gone(pids: list[int], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in pids):
        time.sleep(0.02)


def started_writing(out: Path, fmt: str) -> bool:
    return any(out.glob("*.json")) if fmt == "json" else (out / "part-00001.jsonl.gz").exists()


def _default_sigint() -> None:
    # A shell starts a background job with SIGINT ignored, and a child inherits that; the run under test
    # must see Ctrl-C as a user's terminal delivers it, whatever started the tests.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def kill_mid_run(inputs: Path, out: Path, fmt: str, signum: int) -> None:
    process = subprocess.Popen(cleaner_command(str(inputs), "-o", str(out), "-j", "2", *FORMATS[fmt]),
                               env=subprocess_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               preexec_fn=_default_sigint)
    deadline = time.monotonic() + 60
    while not started_writing(out, fmt) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    workers = children(process.pid)
    process.send_signal(signum)
    process.wait(timeout=30)
    wait_gone(workers)
    assert process.returncode != 0, "the run finished before it could be interrupted"


# Every signal once, and SIGKILL (nothing can clean up) on both kinds of output tree.
KILLS = [("json", signal.SIGINT), ("jsonl", signal.SIGTERM), ("json", signal.SIGKILL), ("jsonl", signal.SIGKILL)]


@pytest.mark.parametrize("fmt, signum", KILLS, ids=[f"{fmt}-{sig.name}" for fmt, sig in KILLS])
def test_killed_run_resumes_to_the_same_tree(tmp_path, inputs, complete, fmt, signum):
    out = tmp_path / "out"
    kill_mid_run(inputs, out, fmt, signum)
    partial = tree(out)
    assert len(partial) < len(complete[fmt]) or partial != complete[fmt]
    result = run_cleaner(str(inputs), "-o", str(out), "-j", "2", *FORMATS[fmt])
    assert result.returncode == 1 and "unchanged" in result.stderr
    assert tree(out) == complete[fmt]


def test_rerun_skips_done_inputs_and_redoes_changed_ones(tmp_path):
    inputs = make_inputs(tmp_path / "in", 6, bad=(2,))
    runner = CliRunner()
    args = ["clean", str(inputs), "-o", str(tmp_path / "out"), "-j", "1"]
    runner.invoke(main, args)
    first = tree(tmp_path / "out")
    (inputs / "doc-0004.txt").write_text(article(44), encoding="utf-8")
    again = runner.invoke(main, args)
    assert "1 written, 4 unchanged, 1 errors" in again.stderr
    after = tree(tmp_path / "out")
    assert after["errors.jsonl"] == first["errors.jsonl"]  # the error is not listed twice
    assert after["doc-0004.json"] != first["doc-0004.json"] and after["doc-0001.json"] == first["doc-0001.json"]
    forced = runner.invoke(main, [*args, "--force"])
    assert "5 written, 0 unchanged, 1 errors" in forced.stderr and tree(tmp_path / "out") == after


def test_shard_with_a_changed_input_is_rewritten(tmp_path):
    inputs = make_inputs(tmp_path / "in", 6)
    args = ["clean", str(inputs), "-o", str(tmp_path / "out"), "-j", "1", "-f", "jsonl", "--shard-size", "3"]
    CliRunner().invoke(main, args)
    (inputs / "doc-0004.txt").write_text(article(44), encoding="utf-8")
    again = CliRunner().invoke(main, args)
    assert "3 written, 3 unchanged, 0 errors" in again.stderr
    fresh = CliRunner().invoke(main, [*args[:3], str(tmp_path / "fresh"), *args[4:]])
    assert fresh.exit_code == 0 and tree(tmp_path / "out") == tree(tmp_path / "fresh")


def test_leftover_temporary_files_are_removed(tmp_path):
    inputs = make_inputs(tmp_path / "in", 2)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".doc-0001.json.abc123.tmp").write_text('{"half":', encoding="utf-8")
    CliRunner().invoke(main, ["clean", str(inputs), "-o", str(tmp_path / "out")])
    assert sorted(tree(tmp_path / "out")) == ["doc-0000.json", "doc-0001.json"]
    assert not os.path.exists(tmp_path / "out" / "errors.jsonl") or not (tmp_path / "out" / "errors.jsonl").read_text()
