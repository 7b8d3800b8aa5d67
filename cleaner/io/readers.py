"""Readers: files, directories (recursive), globs, .gz files, JSONL and WARC files, fsspec URLs -> RawDoc (or an ErrorRecord)."""

from __future__ import annotations

import glob
import gzip
import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from cleaner.model import ErrorRecord, RawDoc, Stage

DOC_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".md")


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    id: str


def expand_inputs(specs: Iterable[str]) -> Iterator[InputFile | ErrorRecord]:
    """Every document file named by the arguments, with a unique record id; an error for an empty match."""
    seen: set[str] = set()
    for spec in specs:
        paths = list(_paths(spec))
        if not paths:
            yield ErrorRecord(input=spec, reason=_nothing_found(spec), stage=Stage.READ)
        for path in paths:
            yield InputFile(path=path, id=_unique_id(path, seen))


def _paths(spec: str) -> Iterator[Path]:
    path = Path(spec)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
    elif path.is_file():
        yield path
    elif glob.has_magic(spec):
        yield from sorted(Path(p) for p in glob.glob(spec, recursive=True) if Path(p).is_file())


def _nothing_found(spec: str) -> str:
    path = Path(spec)
    if path.is_dir():
        return f"no documents found in directory {spec}"
    if glob.has_magic(spec):
        return f"no files match {spec}"
    return f"no such file or directory: {spec}"


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def shown_path(path: Path | str) -> str:
    """A path as text that encodes: bytes of a file name that are not UTF-8 become replacement characters
    (the OS hands them to Python as lone surrogates, which no record or output name can carry)."""
    return os.fsencode(path).decode("utf-8", "replace")


def document_id(path: Path) -> str:
    """The record id of a file: its name without document suffixes (`a.html.gz` -> `a`)."""
    name = shown_path(path.name)
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in DOC_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return name


def _unique_id(path: Path, seen: set[str]) -> str:
    doc_id = document_id(path)
    if doc_id in seen:
        doc_id = f"{doc_id}-{hashlib.sha1(os.fsencode(path)).hexdigest()[:8]}"
    seen.add(doc_id)
    return doc_id


def read_file(item: InputFile) -> RawDoc | ErrorRecord:
    try:
        data = item.path.read_bytes()
        if item.path.name.endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        return ErrorRecord(input=shown_path(item.path), reason=f"cannot read file: {exc}", stage=Stage.READ)
    return RawDoc(id=item.id, data=data, path=shown_path(item.path))


# --- every kind of input: files, JSONL and WARC containers, fsspec URLs ----------------------------------

@dataclass(frozen=True, slots=True)
class RemoteFile:
    """A document file behind an fsspec URL (s3://, gs://, file://, ...)."""

    url: str
    id: str


InputItem = InputFile | RemoteFile | RawDoc | ErrorRecord


def iter_inputs(specs: Iterable[str], jsonl: bool = False) -> Iterator[InputItem]:
    """Every document the arguments name, in order, each with a unique id.

    Files are yielded as references (read later, by a worker); the documents inside JSONL files (by suffix,
    or every file when `jsonl`) and WARC files are read here. A spec that matches nothing is an ErrorRecord.
    """
    seen: set[str] = set()
    for spec in specs:
        locations = _url_paths(spec) if _is_url(spec) else [str(p) for p in _paths(spec)]
        if not locations:
            yield ErrorRecord(input=spec, reason=_nothing_found(spec), stage=Stage.READ)
        for location in locations:
            yield from _documents_at(location, jsonl, seen)


def _documents_at(location: str, jsonl: bool, seen: set[str]) -> Iterator[InputItem]:
    from cleaner.io.jsonl import is_jsonl
    from cleaner.io.warc import is_warc

    if not (jsonl or is_jsonl(location) or is_warc(location)):
        doc_id = _unique(document_id(Path(location.rpartition("/")[2])), location, seen)
        yield RemoteFile(url=location, id=doc_id) if _is_url(location) else InputFile(path=Path(location), id=doc_id)
        return
    try:
        with _open_binary(location) as handle:
            for doc in _container_documents(handle, location, jsonl):
                yield replace(doc, id=_unique(doc.id, doc.url or doc.id, seen)) if isinstance(doc, RawDoc) else doc
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield ErrorRecord(input=location, reason=f"cannot read file: {exc}", stage=Stage.READ)


def _container_documents(handle: IO[bytes], location: str, jsonl: bool) -> Iterator[RawDoc | ErrorRecord]:
    from cleaner.io.jsonl import is_jsonl, open_jsonl, read_jsonl_stream
    from cleaner.io.warc import read_warc

    if jsonl or is_jsonl(location):
        name = location.rpartition("/")[2].split(".")[0]
        yield from read_jsonl_stream(open_jsonl(handle, location), name, location)
    else:
        yield from read_warc(handle, location)


def _unique(doc_id: str, key: str, seen: set[str]) -> str:
    if doc_id in seen:
        doc_id = f"{doc_id}-{hashlib.sha1(key.encode()).hexdigest()[:8]}"
    seen.add(doc_id)
    return doc_id


def _is_url(spec: str) -> bool:
    return "://" in spec


def _url_paths(spec: str) -> list[str]:
    import fsspec  # optional extra: only URL inputs need it

    fs, path = fsspec.core.url_to_fs(spec)
    protocol = spec.split("://", 1)[0]
    if glob.has_magic(path):
        found = fs.glob(path)
    elif fs.isdir(path):
        found = [p for p in fs.find(path) if not any(part.startswith(".") for part in p.split("/"))]
    else:
        found = [path] if fs.exists(path) else []
    return [f"{protocol}://{p}" if not p.startswith(f"{protocol}://") else p for p in sorted(found)]


def _open_binary(location: str) -> IO[bytes]:
    if _is_url(location):
        import fsspec

        return fsspec.open(location, "rb").open()
    return open(location, "rb")


def input_name(item: InputItem) -> str:
    """How errors.jsonl names an input (what the pipeline puts in ErrorRecord.input)."""
    if isinstance(item, InputFile):
        return str(item.path)
    if isinstance(item, RemoteFile):
        return item.url
    if isinstance(item, ErrorRecord):
        return item.input
    return item.path or item.url or item.id


def load(item: InputItem) -> RawDoc | ErrorRecord:
    """The document an input item stands for: read a file, pass a document or an error through."""
    if isinstance(item, InputFile):
        return read_file(item)
    if isinstance(item, RemoteFile):
        return _read_remote(item)
    return item


def _read_remote(item: RemoteFile) -> RawDoc | ErrorRecord:
    try:
        with _open_binary(item.url) as handle:
            data = handle.read()
        if item.url.endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        return ErrorRecord(input=item.url, reason=f"cannot read file: {exc}", stage=Stage.READ)
    return RawDoc(id=item.id, data=data, path=item.url)
