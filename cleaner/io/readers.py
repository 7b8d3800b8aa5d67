"""Readers: files, directories (recursive), globs, .gz files and stdin -> RawDoc (or an ErrorRecord)."""

from __future__ import annotations

import glob
import gzip
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

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


def document_id(path: Path) -> str:
    """The record id of a file: its name without document suffixes (`a.html.gz` -> `a`)."""
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    for suffix in DOC_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)] or name
    return name


def _unique_id(path: Path, seen: set[str]) -> str:
    doc_id = document_id(path)
    if doc_id in seen:
        doc_id = f"{doc_id}-{hashlib.sha1(str(path).encode()).hexdigest()[:8]}"
    seen.add(doc_id)
    return doc_id


def read_file(item: InputFile) -> RawDoc | ErrorRecord:
    try:
        data = item.path.read_bytes()
        if item.path.name.endswith(".gz"):
            data = gzip.decompress(data)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        return ErrorRecord(input=str(item.path), reason=f"cannot read file: {exc}", stage=Stage.READ)
    return RawDoc(id=item.id, data=data, path=str(item.path))
