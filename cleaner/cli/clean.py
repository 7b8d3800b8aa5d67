"""`cleaner clean` and `cleaner explain`."""

from __future__ import annotations

import dataclasses
import signal
import sys
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from cleaner.cli.progress import ProgressBar
from cleaner.config import DEFAULT_TIME_LIMIT_SECONDS, Config
from cleaner.errors import Rejection
from cleaner.io.jsonl import read_jsonl_stream
from cleaner.io.readers import InputFile, iter_inputs, read_file
from cleaner.io.sinks import DEFAULT_SHARD_SIZE, OutputFormat, OutputSpec, Store, append_errors, load_error_log
from cleaner.io.writers import error_line, record_json
from cleaner.model import ErrorRecord, RawDoc
from cleaner.pipeline import clean_document, explain_document
from cleaner.runners.local import clean_stream, default_jobs, run_shards
from cleaner.runners.shards import make_shards

# Inputs per task for one-file-per-record output: small, so progress and the in-flight window stay fine-grained.
FILES_PER_SHARD = 32

rules_option = click.option(
    "--rules", "rule_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra rule file (site layout or learned profile); repeatable.",
)


@click.command("clean")
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", "outdir", help="Directory (or fsspec URL) for the records and errors.jsonl.")
@rules_option
@click.option("--url", help="URL of the document read from stdin.")
@click.option("--jsonl", "jsonl_inputs", multiple=True,
              help="JSON Lines file of {id, url, html|text} documents (repeatable); `-` streams stdin to stdout.")
@click.option("-f", "--format", "fmt", type=click.Choice([f.value for f in OutputFormat]), default="json",
              show_default=True, help="One JSON file per record, or shard parts (JSON Lines, Parquet).")
@click.option("--compress", type=click.Choice(["none", "gzip"]), default="none", show_default=True,
              help="Compression of JSON Lines parts (part-NNNNN.jsonl.gz).")
@click.option("--shard-size", type=click.IntRange(min=1), default=DEFAULT_SHARD_SIZE, show_default=True,
              help="Inputs per part file (jsonl, parquet).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes  [default: all cores]")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run on this machine, or on a Dask cluster.")
@click.option("--scheduler", help="Dask scheduler address (tcp://HOST:8786); none starts a local cluster.")
@click.option("--learn", is_flag=True,
              help="First learn each site's recurring chrome from the inputs (OUTDIR/profiles/<site>.toml), then clean with it.")
@click.option("--force", is_flag=True, help="Clean every input again, even when its record is up to date.")
@click.option("--time-limit", type=click.FloatRange(min=0), default=DEFAULT_TIME_LIMIT_SECONDS, show_default=True,
              help="Seconds one document may take before it becomes an error record; 0 for no limit.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary.")
def clean_command(inputs: tuple[str, ...], outdir: str | None, rule_files: tuple[Path, ...], url: str | None,
                  jsonl_inputs: tuple[str, ...], fmt: str, compress: str, shard_size: int, jobs: int | None,
                  engine: str, scheduler: str | None, learn: bool, force: bool, time_limit: float, quiet: bool) -> None:
    """Clean documents (files, directories, globs, .gz, JSONL, WARC) into JSON records; `-` reads one from stdin.

    Re-running the same command skips inputs whose record is already written from the same bytes.
    """
    config = Config(rule_files=rule_files, time_limit=time_limit or None)
    jobs = jobs or default_jobs()
    if inputs == ("-",):
        raise SystemExit(_clean_stdin(config, url))
    if "-" in jsonl_inputs:
        raise SystemExit(_stream_stdin(config, jobs))
    if not inputs and not jsonl_inputs:
        raise click.UsageError("give INPUT paths, --jsonl PATH, `-` (one document on stdin) or --jsonl -")
    if outdir is None:
        raise click.UsageError("give -o OUTDIR (or `-` to read stdin and write stdout)")
    if learn:
        config = _with_learned_profiles(config, inputs, outdir, quiet)
    output = OutputSpec(outdir, OutputFormat(fmt), compress == "gzip", shard_size, force)
    run = Run(inputs, jsonl_inputs, output, config, jobs, engine, scheduler)
    with _terminate_on_sigterm():
        counts = _clean_all(run, quiet)
    raise SystemExit(1 if _error_count(counts) else 0)


def _with_learned_profiles(config: Config, inputs: tuple[str, ...], outdir: str, quiet: bool) -> Config:
    """Pass one of `--learn`: a profile per site, kept beside the records for review."""
    from cleaner.learn import learn_from_paths

    if "://" in outdir:
        raise click.UsageError("--learn writes its profiles locally: give a local -o OUTDIR")
    profiles = learn_from_paths(inputs, Path(outdir) / PROFILES_DIR)
    if not quiet:
        click.echo(f"learned {len(profiles)} site profile(s) into {Path(outdir) / PROFILES_DIR}", err=True)
    return dataclasses.replace(config, site_profiles=tuple(sorted(profiles.items())))


PROFILES_DIR = "profiles"


@dataclass(frozen=True, slots=True)
class Run:
    """What `cleaner clean` was asked to do."""

    inputs: tuple[str, ...]
    jsonl_inputs: tuple[str, ...]
    output: OutputSpec
    config: Config
    jobs: int
    engine: str
    scheduler: str | None

    def items(self):
        yield from iter_inputs(self.inputs)
        yield from iter_inputs(self.jsonl_inputs, jsonl=True)


def _clean_stdin(config: Config, url: str | None) -> int:
    raw = RawDoc(id="stdin", data=sys.stdin.buffer.read(), url=url)
    result = clean_document(raw, config)
    if isinstance(result, ErrorRecord):
        click.echo(error_line(result), err=True)
        return 1
    click.echo(record_json(result))
    return 0


def _stream_stdin(config: Config, jobs: int) -> int:
    """JSONL documents on stdin -> compact records on stdout, in input order, flushed one by one."""
    docs = read_jsonl_stream(iter(sys.stdin.buffer.readline, b""), "stdin", "stdin")
    failed = False
    for result in clean_stream(docs, config, jobs, render=True):
        if isinstance(result, ErrorRecord):
            failed = True
            sys.stderr.write(error_line(result) + "\n")
            sys.stderr.flush()
        else:
            sys.stdout.write(result + "\n")
            sys.stdout.flush()
    return 1 if failed else 0


def _clean_all(run: Run, quiet: bool) -> Counter:
    store = Store(run.output.root)
    store.makedirs()
    store.remove_temporaries()
    if run.output.overwrite:
        store.remove_outputs(run.output)
    log = load_error_log(store)
    size = run.output.shard_size if run.output.sharded else FILES_PER_SHARD
    shards = make_shards(run.items(), size, log.by_input)
    bar = None if quiet or not sys.stderr.isatty() else ProgressBar(_count_inputs(run))
    listed = set(log.lines)
    counts: Counter = Counter()
    started = time.monotonic()
    for result in _runner(run)(shards, run.config, run.output, run.jobs, bar):
        append_errors(store, result.errors, listed)
        counts.update(written=result.written, unchanged=result.unchanged)
        counts.update(error.reason for error in result.errors)
    if bar:
        bar.close()
    if not quiet:
        click.echo(_one_line(counts, time.monotonic() - started), err=True)
        click.echo(summary_table(counts), err=True)
    return counts


def _runner(run: Run):
    if run.engine == "dask":
        from cleaner.runners.dask import dask_runner  # optional extra: the base install never imports dask

        return dask_runner(run.scheduler)
    return run_shards


def _count_inputs(run: Run) -> int | None:
    """How many inputs there are, when that is cheap to know (no JSONL or WARC container to read through)."""
    if run.jsonl_inputs:
        return None
    count = 0
    for item in iter_inputs(run.inputs):
        if isinstance(item, RawDoc):
            return None
        count += 1
    return count


@contextmanager
def _terminate_on_sigterm():
    """SIGTERM ends the run like Ctrl-C: workers stopped, no half-written file left under a final name."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


OUTCOMES = ("written", "unchanged")


def _error_count(counts: Counter) -> int:
    return sum(n for key, n in counts.items() if key not in OUTCOMES)


def _one_line(counts: Counter, seconds: float) -> str:
    done = sum(counts.values())
    rate = done / seconds if seconds > 0 else 0.0
    return (f"{done} documents in {seconds:.1f} s ({rate:.1f} docs/s): {counts['written']} written, "
            f"{counts['unchanged']} unchanged, {_error_count(counts)} errors")


def summary_table(counts: Counter) -> str:
    """Counts by outcome, then errors by reason."""
    lines = [f"{counts['written']:>8}  written"]
    if counts["unchanged"]:
        lines.append(f"{counts['unchanged']:>8}  unchanged (already written from the same input)")
    lines.append(f"{_error_count(counts):>8}  errors")
    lines += [f"{n:>8}    {reason}" for reason, n in counts.most_common() if reason not in OUTCOMES]
    return "\n".join(lines)


@click.command("explain")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@rules_option
@click.option("--url", help="URL of the page (selects site layouts by host).")
def explain_command(path: Path, rule_files: tuple[Path, ...], url: str | None) -> None:
    """Show every block of a document with its verdict and the rule that decided it."""
    item = InputFile(path=path, id=path.stem)
    raw = read_file(item)
    if isinstance(raw, ErrorRecord):
        raise click.ClickException(raw.reason)
    if url:
        raw = RawDoc(id=raw.id, data=raw.data, path=raw.path, url=url)
    try:
        record, judged = explain_document(raw, Config(rule_files=rule_files))
    except Rejection as rejection:
        raise click.ClickException(f"{path}: {rejection.reason}") from None
    fields = {k: v for k, v in record.to_dict().items() if k in EXPLAIN_FIELDS}
    for key, value in fields.items():
        click.echo(f"{key:>10}: {value}")
    click.echo()
    for j in judged:
        where = j.block.line if j.block.line is not None else j.block.index
        verdict = "keep" if j.verdict.keep else ("field" if j.verdict.into else "drop")
        rule = j.verdict.rule_id or str(j.block.kind)
        click.echo(f"{where:>5}  {verdict:<5}  {rule:<40}  {_clip(j.block.text)}")


EXPLAIN_FIELDS = ("title", "site", "section", "date", "byline", "authors", "agency", "lead", "captions", "categories", "warnings")
EXPLAIN_TEXT_CHARS = 90


def _clip(text: str) -> str:
    return text if len(text) <= EXPLAIN_TEXT_CHARS else text[: EXPLAIN_TEXT_CHARS - 1] + "…"
