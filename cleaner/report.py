"""One static HTML page for reviewing a run: the records written by `cleaner clean OUTDIR`, and optionally the
results of `cleaner check --save`.

Python puts every document's kept blocks and removed chrome in page order; the page's own script renders
them (text only, through textContent) from JSON embedded in the page, so no page content is ever parsed as
HTML. The page needs no network.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path

from cleaner.errors import ReportError
from cleaner.io.writers import ERRORS_FILE

TEMPLATE = "report.html"
# Fields shown in each document's table, in this order.
TABLE_FIELDS = ("title", "url", "site", "section", "date", "byline", "authors", "agency", "language", "lead",
                "captions", "categories", "warnings")


@dataclass(frozen=True, slots=True)
class ReportStats:
    documents: int
    errors: int
    changed: int


def build_report(outdir: Path, check_file: Path | None = None, inputs: Path | None = None,
                 title: str | None = None) -> tuple[str, ReportStats]:
    """The HTML page and what it holds."""
    records, unreadable = load_records(Path(outdir))
    errors = load_errors(Path(outdir)) + unreadable
    checked = load_check(check_file) if check_file else []
    data = {
        "title": title or f"cleaner report: {outdir}",
        "documents": [document_view(r, _find_input(r, inputs)) for r in records],
        "errors": errors,
        "rules": rule_summary(records),
        "changed": [changed_case_view(c) for c in checked],
    }
    return render_page(data), ReportStats(len(records), len(errors), len(checked))


def load_records(outdir: Path) -> tuple[list[dict], list[dict]]:
    """Every record in OUTDIR/*.json, sorted by id, and the files that are not records."""
    records, unreadable = [], []
    for path in sorted(outdir.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            unreadable.append({"input": str(path), "reason": f"not a readable record: {exc}", "stage": "report"})
            continue
        if isinstance(record, dict) and "text" in record and "removed" in record:
            records.append(record)
        else:
            unreadable.append({"input": str(path), "reason": "not a cleaner record", "stage": "report"})
    return sorted(records, key=lambda r: str(r.get("id"))), unreadable


def load_errors(outdir: Path) -> list[dict]:
    path = outdir / ERRORS_FILE
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [_error_line(line) for line in lines if line.strip()]


def _error_line(line: str) -> dict:
    try:
        value = json.loads(line)
    except json.JSONDecodeError:
        return {"input": "?", "reason": line, "stage": "?"}
    return value if isinstance(value, dict) else {"input": "?", "reason": line, "stage": "?"}


def load_check(path: Path) -> list[dict]:
    """The cases of a saved check that did not pass."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ReportError(f"{path}: cannot read check results: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise ReportError(f"{path}: not a file written by `cleaner check --save`")
    return [c for c in data["cases"] if c.get("status") != "passed"]


def document_view(record: dict, input_path: Path | None) -> dict:
    """What the page shows for one record: fields, and kept / removed blocks in page order."""
    items, placed = ordered_items(record, input_path)
    return {
        "id": record.get("id"),
        "format": (record.get("source") or {}).get("format"),
        "fields": [[name, record.get(name)] for name in TABLE_FIELDS],
        "items": items,
        "placed": placed,
        "kept": len(record.get("blocks") or []),
        "removed": len(record.get("removed") or []),
    }


def ordered_items(record: dict, input_path: Path | None) -> tuple[list[dict], bool]:
    """Kept and removed blocks merged by position; (kept then removed, False) when positions are unknown."""
    kept = [{"state": "kept", "kind": b["kind"], "text": b["text"]} for b in record.get("blocks") or []]
    removed = [{"state": "removed", "text": r["text"], "rule": r["rule"], "concept": r["concept"],
                "into": r.get("into"), "position": r["position"]} for r in record.get("removed") or []]
    slots = kept_positions(record, input_path)
    if slots is None or len(slots) != len(kept):
        return kept + removed, not removed
    for item, position in zip(kept, slots):
        item["position"] = position
    merged = sorted(kept + removed, key=lambda item: item["position"])
    return merged, True


def kept_positions(record: dict, input_path: Path | None) -> list[int] | None:
    """The positions of the kept blocks: the positions no removed block takes, in order."""
    removed = Counter(r["position"] for r in record.get("removed") or [])
    if (record.get("source") or {}).get("format") == "html":
        total = len(record.get("blocks") or []) + sum(removed.values())
        if any(position >= total or n > 1 for position, n in removed.items()):
            return None  # some blocks are neither kept nor removed: the gaps are not the kept blocks
        return [i for i in range(total) if not removed[i]]
    if input_path is None:
        return None
    from cleaner.segment.text import segment_text

    lines = [block.line for block in segment_text(_input_text(input_path))]
    slots = []
    for line in lines:
        if removed[line]:
            removed[line] -= 1
        else:
            slots.append(line)
    return slots


def _input_text(path: Path) -> str:
    from cleaner.decode import decode
    from cleaner.fixtures import read_input

    return decode(read_input(path)).text


def _find_input(record: dict, inputs: Path | None) -> Path | None:
    """The record's input file, if it can be found and its hash matches the record's."""
    source = record.get("source") or {}
    if not source.get("path"):
        return None
    given = Path(source["path"])
    candidates = [given] + ([inputs / given, inputs / given.name] if inputs else [])
    from cleaner.assemble import sha256
    from cleaner.fixtures import read_input

    for candidate in candidates:
        try:
            if candidate.is_file() and sha256(read_input(candidate)) == source.get("sha256"):
                return candidate
        except OSError:
            continue
    return None


def changed_case_view(case: dict) -> dict:
    """A case of a saved check: what changed, and the document before and after."""
    input_path = Path(case["input"]) if case.get("input") and Path(case["input"]).is_file() else None
    views = {}
    for side in ("expected", "actual"):
        record = case.get(side)
        views[side] = document_view(record, input_path) if record and "error" not in record else None
    if views["expected"] and views["actual"]:
        _mark_differences(views["expected"]["items"], views["actual"]["items"])
    return {"name": case.get("name"), "status": case.get("status"), "changes": case.get("changes", []),
            "probe_failures": case.get("probe_failures", []), "fields": _field_pairs(case), **views}


def _mark_differences(before: list[dict], after: list[dict]) -> None:
    """Flag the items one side has and the other has not, so the page can highlight them."""
    key = lambda item: (item["state"], item["text"], item.get("rule"), item.get("kind"))  # noqa: E731
    before_keys, after_keys = Counter(map(key, before)), Counter(map(key, after))
    for items, other in ((before, after_keys), (after, before_keys)):
        for item in items:
            item["differs"] = other[key(item)] == 0


def _field_pairs(case: dict) -> list[list]:
    before, after = case.get("expected") or {}, case.get("actual") or {}
    shown = [f for f in case.get("changed_fields", []) if f not in ("blocks", "text", "removed")]
    return [[name, before.get(name), after.get(name)] for name in shown]


def rule_summary(records: list[dict]) -> list[dict]:
    """How often each rule fired across the run: blocks removed and documents touched, most frequent first."""
    blocks: Counter = Counter()
    documents: Counter = Counter()
    concepts: dict[str, str] = {}
    for record in records:
        for removed in record.get("removed") or []:
            blocks[removed["rule"]] += 1
            concepts[removed["rule"]] = removed["concept"]
        documents.update({r["rule"] for r in record.get("removed") or []})
    return [{"rule": rule, "concept": concepts[rule], "blocks": n, "documents": documents[rule]}
            for rule, n in sorted(blocks.items(), key=lambda kv: (-kv[1], kv[0]))]


def render_page(data: dict) -> str:
    """The template with the page title escaped for HTML and the data made safe inside <script>."""
    template = resources.files("cleaner").joinpath("templates", TEMPLATE).read_text(encoding="utf-8")
    return template.replace("__TITLE__", escape(data["title"])).replace("__DATA__", script_json(data))


def script_json(value: object) -> str:
    """JSON that cannot end its <script> element or open a comment: <, > and & become \\u escapes."""
    text = json.dumps(value, ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text
