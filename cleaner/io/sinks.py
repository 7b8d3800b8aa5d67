"""Output trees: one JSON file per record, or shard files (JSON Lines, gzip JSON Lines, Parquet), plus errors.jsonl.

Every file appears under its final name only when complete: records and shard parts are written to a hidden
temporary name and renamed. A shard part holds the records of a fixed, numbered slice of the inputs, so a
re-run knows exactly which inputs a part covers. errors.jsonl is append-only, one whole line per error; a
trailing partial line left by a killed run is cut off before anything is appended.
The output root may be a local directory or an fsspec URL (fsspec is imported only for URLs).
"""

from __future__ import annotations

import enum
import gzip
import io
import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cleaner.io.writers import ERRORS_FILE, error_line, record_file_name, record_json
from cleaner.model import ErrorRecord, Record, Stage

# Inputs per shard part. A part is the unit of resumption for shard formats, and a worker holds one
# Parquet row group of it in memory; 1,000 text-dump records are ~30 MB of JSON (dev dumps).
DEFAULT_SHARD_SIZE = 1000
# Records per Parquet row group: bounds a worker's memory while a part is written.
PARQUET_ROW_GROUP = 200
TEMP_SUFFIX = ".tmp"


class OutputFormat(enum.StrEnum):
    JSON = "json"  # OUTDIR/<id>.json, pretty
    JSONL = "jsonl"  # OUTDIR/part-NNNNN.jsonl[.gz], compact, one record per line
    PARQUET = "parquet"  # OUTDIR/part-NNNNN.parquet; nested values as JSON text


@dataclass(frozen=True, slots=True)
class OutputSpec:
    """Where and how records are written."""

    root: str
    format: OutputFormat = OutputFormat.JSON
    gzip: bool = False  # JSON Lines parts as .jsonl.gz
    shard_size: int = DEFAULT_SHARD_SIZE
    overwrite: bool = False  # clean every input again, even when its record is up to date

    @property
    def sharded(self) -> bool:
        return self.format is not OutputFormat.JSON


def is_url(spec: str) -> bool:
    return "://" in spec


def part_name(spec: OutputSpec, number: int) -> str:
    suffix = {OutputFormat.JSONL: ".jsonl.gz" if spec.gzip else ".jsonl", OutputFormat.PARQUET: ".parquet"}
    return f"part-{number:05d}{suffix[spec.format]}"


def record_line(record: Record) -> str:
    """The record as one compact JSON line (no newline)."""
    return record_json(record, pretty=False)


# --- the file system: a local directory or an fsspec URL -------------------------------------------------

@dataclass(frozen=True, slots=True)
class Store:
    """A directory to write into, local or remote."""

    root: str

    def path(self, name: str) -> str:
        return f"{self.root.rstrip('/')}/{name}" if is_url(self.root) else str(Path(self.root) / name)

    def _fs(self):
        import fsspec  # optional: only URLs need it

        fs, _ = fsspec.core.url_to_fs(self.root)
        return fs

    def makedirs(self) -> None:
        if is_url(self.root):
            self._fs().makedirs(self.path(""), exist_ok=True)
        else:
            Path(self.root).mkdir(parents=True, exist_ok=True)

    def read_bytes(self, name: str) -> bytes | None:
        try:
            if is_url(self.root):
                return self._fs().cat_file(self.path(name))
            return Path(self.path(name)).read_bytes()
        except FileNotFoundError:
            return None

    def exists(self, name: str) -> bool:
        return self._fs().exists(self.path(name)) if is_url(self.root) else os.path.exists(self.path(name))

    def write_atomic(self, name: str, write) -> None:
        """Call write(binary handle) on a temporary file, then rename it to `name`."""
        if is_url(self.root):
            fs, tmp = self._fs(), self.path(f".{name}.{os.getpid()}{TEMP_SUFFIX}")
            with fs.open(tmp, "wb") as handle:
                write(handle)
            fs.mv(tmp, self.path(name))
            return
        Path(self.root).mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=self.root)
        try:
            with os.fdopen(fd, "wb") as handle:
                write(handle)
            os.replace(tmp, self.path(name))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def remove_temporaries(self) -> None:
        """Delete temporary files a killed run left behind."""
        if is_url(self.root):
            fs = self._fs()
            for path in fs.glob(self.path(f".*{TEMP_SUFFIX}")):
                fs.rm(path)
        else:
            for path in Path(self.root).glob(f".*{TEMP_SUFFIX}"):
                path.unlink(missing_ok=True)

    def remove_outputs(self, spec: OutputSpec) -> None:
        """Start over: delete the error log and the shard parts of an earlier run (records are overwritten)."""
        names = [ERRORS_FILE, f"part-*{part_name(spec, 0)[len('part-00000'):]}" if spec.sharded else ERRORS_FILE]
        if is_url(self.root):
            fs = self._fs()
            for path in {p for name in names for p in fs.glob(self.path(name))}:
                fs.rm(path)
        else:
            for path in {p for name in names for p in Path(self.root).glob(name)}:
                path.unlink(missing_ok=True)


# --- records ---------------------------------------------------------------------------------------------

def write_record_file(store: Store, record: Record) -> None:
    """OUTDIR/<id>.json, with the bytes of cleaner.io.writers.write_json.

    Written to a temporary name and renamed like write_json, but without its fsync: the rename already makes
    a killed run safe, and an fsync per record capped a batch at ~200 records/s on the dev machine.
    """
    data = (record_json(record) + "\n").encode("utf-8")
    store.write_atomic(record_file_name(record.id), lambda handle: handle.write(data))


def record_file_sha(store: Store, record_id: str) -> str | None:
    """The source sha256 of OUTDIR/<id>.json, or None when there is no readable record."""
    data = store.read_bytes(record_file_name(record_id))
    if data is None:
        return None
    try:
        return json.loads(data)["source"]["sha256"]
    except (ValueError, KeyError, TypeError):
        return None


def write_part(store: Store, spec: OutputSpec, number: int, lines: Iterable[str]) -> None:
    """Write shard part `number` from compact record lines, streaming, then rename it into place."""
    if spec.format is OutputFormat.PARQUET:
        store.write_atomic(part_name(spec, number), lambda handle: write_parquet(handle, lines, PARQUET_ROW_GROUP))
        return
    store.write_atomic(part_name(spec, number), lambda handle: _write_lines(handle, lines, spec.gzip))


def _write_lines(handle: IO[bytes], lines: Iterable[str], compress: bool) -> None:
    # mtime=0 and no file name in the gzip header: the same records give the same bytes on every run.
    target = gzip.GzipFile(filename="", mode="wb", fileobj=handle, mtime=0) if compress else handle
    for line in lines:
        target.write(line.encode("utf-8") + b"\n")
    if compress:
        target.close()


def read_part(store: Store, spec: OutputSpec, number: int) -> list[str] | None:
    """The compact record lines of an existing part, or None when it does not exist."""
    data = store.read_bytes(part_name(spec, number))
    if data is None:
        return None
    if spec.format is OutputFormat.PARQUET:
        return read_parquet_lines(io.BytesIO(data))
    if spec.gzip:
        data = gzip.decompress(data)
    return data.decode("utf-8").splitlines()


def line_identity(line: str) -> tuple[str, str]:
    """(id, source sha256) of a compact record line."""
    record = json.loads(line)
    return record["id"], record["source"]["sha256"]


# --- errors.jsonl ----------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ErrorLog:
    """The lines of errors.jsonl so far, and each input's latest error."""

    lines: frozenset[str]
    by_input: dict[str, ErrorRecord]


def load_error_log(store: Store) -> ErrorLog:
    """Read errors.jsonl, first cutting off a partial last line left by a killed run."""
    data = store.read_bytes(ERRORS_FILE) or b""
    whole = data[: data.rfind(b"\n") + 1]
    if whole != data:
        _rewrite(store, ERRORS_FILE, whole)
    lines = whole.decode("utf-8").splitlines()
    by_input = {}
    for line in lines:
        entry = json.loads(line)
        by_input[entry["input"]] = ErrorRecord(entry["input"], entry["reason"], Stage(entry["stage"]), entry.get("sha256"))
    return ErrorLog(frozenset(lines), by_input)


def append_errors(store: Store, errors: Iterable[ErrorRecord], already: set[str]) -> None:
    """Append the errors not yet in the log, one whole line per error; `already` is updated."""
    new = [line for line in map(error_line, errors) if line not in already]
    if not new:
        return
    already.update(new)
    text = "".join(line + "\n" for line in new)
    if is_url(store.root):
        _rewrite(store, ERRORS_FILE, (store.read_bytes(ERRORS_FILE) or b"") + text.encode("utf-8"))
        return
    with open(store.path(ERRORS_FILE), "a", encoding="utf-8") as handle:
        handle.write(text)


def _rewrite(store: Store, name: str, data: bytes) -> None:
    store.write_atomic(name, lambda handle: handle.write(data))


# --- Parquet (pyarrow is an optional extra, imported here only) ----------------------------------------------

# Nested values (source, blocks, removed) are stored as JSON text; lists of names are list<string> columns.
PARQUET_JSON_COLUMNS = ("source", "blocks", "removed")
PARQUET_LIST_COLUMNS = ("authors", "captions", "categories", "warnings")
PARQUET_COLUMNS = ("schema", "id", "source", "url", "site", "section", "title", "byline", "authors", "agency",
                   "date", "language", "lead", "text", "blocks", "captions", "categories", "removed", "warnings")


def parquet_schema():
    import pyarrow as pa

    return pa.schema([(name, pa.list_(pa.string()) if name in PARQUET_LIST_COLUMNS else pa.string())
                      for name in PARQUET_COLUMNS])


def write_parquet(handle: IO[bytes], lines: Iterable[str], row_group: int) -> None:
    """Record lines -> one Parquet file, written a row group at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    with pq.ParquetWriter(handle, schema) as writer:
        rows: list[dict] = []
        for line in lines:
            rows.append(_row(json.loads(line)))
            if len(rows) == row_group:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows = []
        writer.write_table(pa.Table.from_pylist(rows, schema=schema))


def _row(record: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if k in PARQUET_JSON_COLUMNS else v for k, v in record.items()}


def read_parquet_lines(handle: IO[bytes]) -> list[str]:
    """The record lines stored in a Parquet part, as record_line() wrote them."""
    import pyarrow.parquet as pq

    rows = pq.read_table(handle).to_pylist()
    return [json.dumps({k: json.loads(v) if k in PARQUET_JSON_COLUMNS else v for k, v in row.items()},
                       ensure_ascii=False) for row in rows]
