"""Golden fixture cases: <root>/**/<case>/{input.html|input.txt[.gz], input.meta.json, expected.json, probes.json}.

`check_case` re-cleans a case and compares it with its reviewed expected.json field by field; `describe_changes`
says what changed in words a reviewer can act on. `cleaner check` and the pytest suite share this code.
"""

from __future__ import annotations

import difflib
import fnmatch
import gzip
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.model import ErrorRecord, RawDoc
from cleaner.pipeline import clean_document

INPUT_NAMES = ("input.html", "input.txt", "input.html.gz", "input.txt.gz")
# Fields compared one by one; `id` and `source` (path, hash) describe the file, not the cleaning.
COMPARED_FIELDS = ("url", "site", "section", "title", "byline", "authors", "agency", "date", "language",
                   "lead", "text", "blocks", "captions", "categories", "removed", "warnings")
LIST_FIELDS = frozenset({"authors", "captions", "categories", "warnings"})
# Long block texts are cut to this many characters in change descriptions.
CLIP_CHARS = 200
# At most this many "now removed by" / "no longer removed by" lines per case: an HTML page can drop hundreds.
MAX_REMOVED_LINES = 20


class Status:
    PASSED = "passed"
    CHANGED = "changed"
    PROBES_FAILED = "probes_failed"
    NEW = "new"  # no expected.json yet


@dataclass(frozen=True, slots=True)
class Case:
    name: str  # the case folder relative to the fixture root, e.g. "dw/seed-kerry-moscow"
    dir: Path
    input: Path

    @property
    def expected_path(self) -> Path:
        return self.dir / "expected.json"


@dataclass(frozen=True, slots=True)
class CaseResult:
    """One case re-cleaned and compared with its expectation."""

    case: Case
    expected: dict | None
    actual: dict
    changed_fields: tuple[str, ...]
    changes: tuple[str, ...]
    probe_failures: tuple[str, ...]

    @property
    def status(self) -> str:
        if self.expected is None:
            return Status.NEW
        if self.changed_fields:
            return Status.CHANGED
        return Status.PROBES_FAILED if self.probe_failures else Status.PASSED

    def to_dict(self) -> dict:
        """The JSON form saved by `cleaner check --save`; passing cases carry no records."""
        out = {"name": self.case.name, "dir": str(self.case.dir), "input": str(self.case.input),
               "status": self.status, "changed_fields": list(self.changed_fields),
               "changes": list(self.changes), "probe_failures": list(self.probe_failures)}
        if self.status != Status.PASSED:
            out |= {"expected": self.expected, "actual": self.actual}
        return out


def find_cases(roots: Path | Iterable[Path], pattern: str | None = None) -> Iterator[Case]:
    """Every case folder (a folder holding an input file) under the roots, sorted; `pattern` globs case names."""
    for root in [Path(roots)] if isinstance(roots, (str, Path)) else [Path(r) for r in roots]:
        seen: set[Path] = set()
        for input_path in sorted(p for name in INPUT_NAMES for p in root.rglob(name)):
            case_dir = input_path.parent
            if case_dir in seen:
                continue
            seen.add(case_dir)
            name = case_dir.relative_to(root).as_posix() if case_dir != root else case_dir.name
            if pattern is None or fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(case_dir.name, pattern):
                yield Case(name=name, dir=case_dir, input=input_path)


def clean_case(case: Case, config: Config = DEFAULT_CONFIG) -> dict:
    """The case's record as a dict (`{"error": ...}` when it cannot be cleaned)."""
    meta_path = case.dir / "input.meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    raw = RawDoc(id=case.dir.name, data=read_input(case.input), path=case.input.name,
                 url=meta.get("url"), crawl_date=meta.get("crawl_date"))
    result = clean_document(raw, config)
    return {"error": result.to_dict()} if isinstance(result, ErrorRecord) else result.to_dict()


def read_input(path: Path) -> bytes:
    data = Path(path).read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def load_expected(case: Case) -> dict | None:
    if not case.expected_path.exists():
        return None
    return json.loads(case.expected_path.read_text(encoding="utf-8"))


def load_probes(case: Case) -> dict:
    path = case.dir / "probes.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_expected(case: Case, actual: dict) -> None:
    """Make the case's current output its expectation (after a person reviewed it)."""
    case.expected_path.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def check_case(case: Case, config: Config = DEFAULT_CONFIG) -> CaseResult:
    """Re-clean one case and compare it with expected.json and probes.json."""
    expected = load_expected(case)
    actual = clean_case(case, config)
    changed = tuple(field_differences(expected, actual)) if expected is not None else ()
    changes = tuple(describe_changes(expected, actual)) if changed else ()
    failures = tuple(probe_failures(load_probes(case), actual))
    return CaseResult(case, expected, actual, changed, changes, failures)


def field_differences(expected: dict, actual: dict) -> list[str]:
    """Names of the compared fields whose values differ."""
    if "error" in expected or "error" in actual:
        return [] if expected.get("error") == actual.get("error") else ["error"]
    return [name for name in COMPARED_FIELDS if expected.get(name) != actual.get(name)]


def probe_failures(probes: dict, actual: dict) -> list[str]:
    """Snippets missing from the text (must_contain) or leaked into it (must_not_contain)."""
    text = actual.get("text", "")
    missing = [f"missing: {s!r}" for s in probes.get("must_contain", []) if s not in text]
    leaked = [f"leaked: {s!r}" for s in probes.get("must_not_contain", []) if s in text]
    return missing + leaked


def describe_changes(expected: dict, actual: dict) -> list[str]:
    """What changed from expected to actual, one readable item per change."""
    if "error" in expected or "error" in actual:
        return [f"outcome changed from {_outcome(expected)} to {_outcome(actual)}"]
    lines: list[str] = []
    for name in field_differences(expected, actual):
        if name == "blocks":
            lines += describe_block_changes(expected.get("blocks", []), actual.get("blocks", []))
        elif name == "removed":
            lines += describe_removed_changes(expected.get("removed", []), actual.get("removed", []))
        elif name in LIST_FIELDS:
            lines.append(_list_change(name, expected.get(name) or [], actual.get(name) or []))
        elif name == "text" and expected.get("blocks") != actual.get("blocks"):
            continue  # the text is the blocks joined: the block changes say it better
        else:
            lines.append(f"{name} changed from {_clip(expected.get(name))} to {_clip(actual.get(name))}")
    return lines


def describe_block_changes(before: list[dict], after: list[dict]) -> list[str]:
    """Blocks changed in place, leaked (new in the output) and lost (gone from it), by position."""
    keys = lambda blocks: [(b["kind"], b["text"]) for b in blocks]  # noqa: E731
    matcher = difflib.SequenceMatcher(a=keys(before), b=keys(after), autojunk=False)
    lines: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if op == "replace" else 0
        for k in range(paired):
            lines.append(_block_change(i1 + k + 1, before[i1 + k], after[j1 + k]))
        if j2 - j1 > paired:
            leaked = after[j1 + paired : j2]
            lines.append(f"{_count(len(leaked), 'new block')} leaked at block {j1 + paired + 1}:"
                         + "".join(f"\n    + [{b['kind']}] {_clip(b['text'])}" for b in leaked))
        if i2 - i1 > paired:
            lost = before[i1 + paired : i2]
            lines.append(f"{_count(len(lost), 'block')} lost from block {i1 + paired + 1}:"
                         + "".join(f"\n    - [{b['kind']}] {_clip(b['text'])}" for b in lost))
    return lines


def _block_change(number: int, old: dict, new: dict) -> str:
    if old["text"] == new["text"]:
        return f"block {number} changed kind from {old['kind']} to {new['kind']}: {_clip(new['text'])}"
    kind = old["kind"] if old["kind"] == new["kind"] else f"{old['kind']} -> {new['kind']}"
    return f"{kind} {number} changed:\n    - {_clip(old['text'])}\n    + {_clip(new['text'])}"


def describe_removed_changes(before: list[dict], after: list[dict]) -> list[str]:
    """Rules that stopped or started firing, then blocks removed by a different rule or no longer removed."""
    old_counts, new_counts = Counter(r["rule"] for r in before), Counter(r["rule"] for r in after)
    lines = []
    for rule in sorted(old_counts.keys() | new_counts.keys()):
        old, new = old_counts[rule], new_counts[rule]
        if old and not new:
            lines.append(f"rule {rule} no longer fires (removed {_count(old, 'block')} before)")
        elif new and not old:
            lines.append(f"rule {rule} now fires (removes {_count(new, 'block')})")
        elif old != new:
            lines.append(f"rule {rule} removes {_count(new, 'block')} instead of {old}")
    old_items = Counter((r["rule"], r["text"]) for r in before)
    new_items = Counter((r["rule"], r["text"]) for r in after)
    moved = [f"no longer removed by {rule}: {_clip(text)}" for rule, text in sorted(old_items - new_items)]
    moved += [f"now removed by {rule}: {_clip(text)}" for rule, text in sorted(new_items - old_items)]
    lines += moved[:MAX_REMOVED_LINES]
    if len(moved) > MAX_REMOVED_LINES:
        lines.append(f"… and {len(moved) - MAX_REMOVED_LINES} more removed blocks changed")
    if not lines:
        lines.append("removed blocks moved: same rules and texts at other positions")
    return lines


def _list_change(name: str, old: list, new: list) -> str:
    added = [v for v in new if v not in old]
    dropped = [v for v in old if v not in new]
    parts = ([f"added {_clip(added)}"] if added else []) + ([f"dropped {_clip(dropped)}"] if dropped else [])
    return f"{name}: " + ("; ".join(parts) if parts else f"reordered from {_clip(old)} to {_clip(new)}")


def _outcome(record: dict) -> str:
    return f"error {record['error'].get('reason')!r}" if "error" in record else "a record"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _clip(value: object) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = repr(text) if isinstance(value, str) else text
    return text if len(text) <= CLIP_CHARS else text[: CLIP_CHARS - 1] + "…"
