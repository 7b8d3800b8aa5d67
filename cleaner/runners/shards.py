"""What a runner hands to a worker: a numbered slice of the inputs (a shard), cleaned and written.

The same functions run in a local process pool and on Dask workers; they never know how many workers there are.
The per-document function is the pipeline's `clean_document`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from cleaner.assemble import sha256
from cleaner.config import Config
from cleaner.io.readers import InputItem, input_name, load
from cleaner.io.sinks import (
    OutputSpec, Store, line_identity, read_part, record_file_sha, record_line, write_part, write_record_file,
)
from cleaner.model import ErrorRecord, RawDoc, Record
from cleaner.pipeline import clean_document
from cleaner.rules.loader import load_ruleset

# (documents done, of which errors) since the last call
Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Task:
    item: InputItem
    listed: ErrorRecord | None = None  # this input's entry in errors.jsonl from an earlier run


@dataclass(frozen=True, slots=True)
class Shard:
    number: int
    tasks: tuple[Task, ...]


@dataclass(frozen=True, slots=True)
class ShardResult:
    number: int
    written: int  # records (re)written
    unchanged: int  # records left as an earlier run wrote them
    errors: tuple[ErrorRecord, ...]  # in input order, including those an earlier run listed


def make_shards(items: Iterable[InputItem], size: int, listed: dict[str, ErrorRecord]) -> Iterator[Shard]:
    """Consecutive slices of `size` inputs, numbered from 0; each input carries its earlier error, if any."""
    tasks: list[Task] = []
    number = 0
    for item in items:
        tasks.append(Task(item, listed.get(input_name(item))))
        if len(tasks) == size:
            yield Shard(number, tuple(tasks))
            tasks, number = [], number + 1
    if tasks or number == 0:
        yield Shard(number, tuple(tasks))


def warm_worker(config: Config) -> None:
    """Load the rules once per worker process (load_ruleset is cached)."""
    load_ruleset(config.rule_files, not config.no_default_rules)


def run_shard(shard: Shard, config: Config, output: OutputSpec, progress: Progress | None = None) -> ShardResult:
    """Clean every input of a shard and write its records; skip what an earlier run already did."""
    store = Store(output.root)
    tick = progress or _no_progress
    if output.sharded:
        return _run_part(shard, config, output, store, tick)
    return _run_files(shard, config, store, tick, output.overwrite)


def _no_progress(done: int, errors: int) -> None:
    return None


def _resolve(task: Task) -> tuple[RawDoc | ErrorRecord, str | None]:
    """The task's document and its sha256, or its earlier error when the input is unchanged since."""
    doc = load(task.item)
    if isinstance(doc, ErrorRecord):
        return doc, None
    digest = sha256(doc.data)
    if task.listed is not None and task.listed.sha256 == digest:
        return task.listed, digest
    return doc, digest


def _run_files(shard: Shard, config: Config, store: Store, tick: Progress, overwrite: bool) -> ShardResult:
    written = unchanged = 0
    errors: list[ErrorRecord] = []
    for task in shard.tasks:
        doc, digest = _resolve(task)
        if isinstance(doc, RawDoc) and not overwrite and record_file_sha(store, doc.id) == digest:
            unchanged += 1
            tick(1, 0)
            continue
        result = clean_document(doc, config) if isinstance(doc, RawDoc) else doc
        if isinstance(result, Record):
            write_record_file(store, result)
            written += 1
        else:
            errors.append(result)
        tick(1, isinstance(result, ErrorRecord))
    return ShardResult(shard.number, written, unchanged, tuple(errors))


def _run_part(shard: Shard, config: Config, output: OutputSpec, store: Store, tick: Progress) -> ShardResult:
    existing = None if output.overwrite else read_part(store, output, shard.number)
    if existing is not None:
        kept = _unchanged_part(shard, existing, tick)
        if kept is not None:
            return kept
    errors: list[ErrorRecord] = []
    written = [0]
    write_part(store, output, shard.number, _record_lines(shard, config, errors, written, tick))
    return ShardResult(shard.number, written[0], 0, tuple(errors))


def _record_lines(shard: Shard, config: Config, errors: list[ErrorRecord], written: list[int],
                  tick: Progress) -> Iterator[str]:
    for task in shard.tasks:
        doc, _ = _resolve(task)
        result = clean_document(doc, config) if isinstance(doc, RawDoc) else doc
        tick(1, isinstance(result, ErrorRecord))
        if isinstance(result, Record):
            written[0] += 1
            yield record_line(result)
        else:
            errors.append(result)


def _unchanged_part(shard: Shard, existing: Sequence[str], tick: Progress) -> ShardResult | None:
    """The shard's result when its part holds exactly the records of its unchanged inputs, else None."""
    identities = {line_identity(line) for line in existing}
    errors: list[ErrorRecord] = []
    found = 0
    for task in shard.tasks:
        doc, digest = _resolve(task)
        if isinstance(doc, ErrorRecord):
            errors.append(doc)
        elif (doc.id, digest) in identities:
            found += 1
        else:
            return None
    if found != len(existing):
        return None
    tick(len(shard.tasks), len(errors))
    return ShardResult(shard.number, 0, found, tuple(errors))


def clean_batch(docs: Sequence[RawDoc | ErrorRecord], config: Config, render: bool) -> list[Record | ErrorRecord | str]:
    """Clean documents in order; with `render`, a record comes back as its compact JSON line."""
    results: list[Record | ErrorRecord | str] = []
    for doc in docs:
        result = clean_document(doc, config) if isinstance(doc, RawDoc) else doc
        results.append(record_line(result) if render and isinstance(result, Record) else result)
    return results
