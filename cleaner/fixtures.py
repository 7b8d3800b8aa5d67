"""Golden fixture cases: fixtures/<site>/<case>/{input.html|input.txt, input.meta.json, expected.json, probes.json}."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.model import ErrorRecord, RawDoc
from cleaner.pipeline import clean_document

INPUT_NAMES = ("input.html", "input.txt", "input.html.gz", "input.txt.gz")
# Fields compared one by one; `source.path` differs between machines and is left out.
COMPARED_FIELDS = ("url", "site", "section", "title", "byline", "authors", "agency", "date", "language",
                   "lead", "text", "blocks", "captions", "categories", "removed", "warnings")


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # "<site>/<case>", relative to the fixture root
    dir: Path
    input: Path

    @property
    def expected_path(self) -> Path:
        return self.dir / "expected.json"


def find_cases(root: Path) -> Iterator[Case]:
    """Every case folder under root (a folder with an input file), sorted by name."""
    for input_path in sorted(p for name in INPUT_NAMES for p in Path(root).rglob(name)):
        case_dir = input_path.parent
        yield Case(name=case_dir.relative_to(root).as_posix() or case_dir.name, dir=case_dir, input=input_path)


def clean_case(case: Case, config: Config = DEFAULT_CONFIG) -> dict:
    """The case's record as a dict (an error record's dict when it cannot be cleaned)."""
    meta_path = case.dir / "input.meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    raw = RawDoc(id=case.dir.name, data=_read(case.input), path=case.input.name,
                 url=meta.get("url"), crawl_date=meta.get("crawl_date"))
    result = clean_document(raw, config)
    return {"error": result.to_dict()} if isinstance(result, ErrorRecord) else result.to_dict()


def _read(path: Path) -> bytes:
    import gzip

    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def load_expected(case: Case) -> dict | None:
    if not case.expected_path.exists():
        return None
    return json.loads(case.expected_path.read_text(encoding="utf-8"))


def load_probes(case: Case) -> dict:
    path = case.dir / "probes.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def field_differences(expected: dict, actual: dict) -> list[str]:
    """Names of the compared fields whose values differ."""
    if "error" in expected or "error" in actual:
        return [] if expected.get("error") == actual.get("error") else ["error"]
    return [name for name in COMPARED_FIELDS if expected.get(name) != actual.get(name)]


def probe_failures(probes: dict, actual: dict) -> list[str]:
    text = actual.get("text", "")
    missing = [f"missing: {s!r}" for s in probes.get("must_contain", []) if s not in text]
    leaked = [f"leaked: {s!r}" for s in probes.get("must_not_contain", []) if s in text]
    return missing + leaked
