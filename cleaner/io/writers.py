"""Writers. Every file is written to a temporary name and renamed, so no reader ever sees half a record."""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path
from typing import IO

from cleaner.model import ErrorRecord, Record

# Characters an id may hold but a file name may not (a separator would leave OUTDIR).
UNSAFE_NAME_CHARS = re.compile(r"[/\\\x00-\x1f]")
# File systems allow 255 bytes a name; the temporary name adds a prefix and a suffix.
MAX_NAME_BYTES = 200

ERRORS_FILE = "errors.jsonl"


def record_json(record: Record, *, pretty: bool = True) -> str:
    """The record as JSON text: UTF-8 characters kept, keys in schema order."""
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=2 if pretty else None)


def record_file_name(record_id: str) -> str:
    """The file name of a record in OUTDIR: its id, unless the id is no safe single file name (a directory
    separator, a control character, a leading dot, too long); then a safe spelling plus a hash of the id,
    so two ids never share a file and no id writes outside OUTDIR."""
    name = UNSAFE_NAME_CHARS.sub("_", record_id)
    if not name.startswith(".") and name == record_id and len(name.encode("utf-8")) <= MAX_NAME_BYTES:
        return f"{name}.json"
    short = name.lstrip(".").encode("utf-8")[:MAX_NAME_BYTES - 20].decode("utf-8", "ignore")
    return f"{short}-{hashlib.sha1(record_id.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}.json"


def output_path(outdir: Path, record_id: str) -> Path:
    return Path(outdir) / record_file_name(record_id)


def write_json(outdir: Path, record: Record) -> Path:
    """Write OUTDIR/<id>.json atomically and return its path."""
    path = output_path(outdir, record.id)
    atomic_write_text(path, record_json(record) + "\n")
    return path


def atomic_write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def error_line(error: ErrorRecord) -> str:
    return json.dumps(error.to_dict(), ensure_ascii=False)


def append_line(handle: IO[str], line: str) -> None:
    """One whole line per write, flushed, so an interrupted run leaves whole lines only."""
    handle.write(line + "\n")
    handle.flush()
