"""Score the HTML metadata reader (title, date, authors) against a bench set, next to trafilatura.

Usage: python benchmarks/meta_dev.py [SET ...] [--no-trafilatura] [--show FIELD] [--limit N]
Metric definitions: ../shared/bench/README.md. Trafilatura results are cached under /tmp.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import lxml.html

from cleaner.fields.html_meta import read_html_fields

BENCH = Path("/work/shared/bench")
CACHE = Path("/tmp/meta_dev_trafilatura")
NAME_SPLIT = re.compile(r"\s*(?:[,;&|/]|\s(?:and|und|et|y)\s)\s*", re.IGNORECASE)
LEADING_BY = re.compile(r"^(?:by|von|par)\s+", re.IGNORECASE)


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


def name_set(names) -> set[str]:
    out = set()
    for name in names or ():
        for part in NAME_SPLIT.split(norm(name)):
            part = re.sub(r"[^\w\s]", "", LEADING_BY.sub("", part)).strip()
            part = " ".join(part.split())
            if part:
                out.add(part)
    return out


def load_html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes())
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def ours(task: tuple[str, str, str]) -> dict:
    set_name, page_id, url = task
    html = load_html(BENCH / set_name / "pages" / f"{page_id}.html.gz")
    tree = lxml.html.document_fromstring(html)
    fields = read_html_fields(tree, url=url)
    authors = list(fields.authors)
    return {"title": fields.title, "date": fields.date, "authors": authors, "agency": fields.agency}


def theirs(task: tuple[str, str, str]) -> dict:
    set_name, page_id, url = task
    cached = CACHE / set_name / f"{page_id}.json"
    if cached.exists():
        return json.loads(cached.read_text())
    import trafilatura

    html = load_html(BENCH / set_name / "pages" / f"{page_id}.html.gz")
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    out = {"title": None, "date": None, "authors": []}
    if doc is not None:
        author = getattr(doc, "author", None)
        out = {"title": doc.title, "date": doc.date,
               "authors": [a for a in re.split(r";\s*", author)] if author else []}
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_text(json.dumps(out))
    return out


def score(rows: list[dict], preds: list[dict]) -> dict:
    title_ok = date_ok = date_wrong = date_missing = spurious = gold_null = 0
    tp = fp = fn = 0
    for gold, pred in zip(rows, preds):
        title_ok += norm(gold["title"]) == norm(pred["title"])
        got = (pred["date"] or "")[:10]
        if gold["date"] is None:
            gold_null += 1
            spurious += bool(got)
        elif not got:
            date_missing += 1
        elif got == gold["date"]:
            date_ok += 1
        else:
            date_wrong += 1
        g, p = name_set(gold["authors"]), name_set(pred["authors"])
        tp, fp, fn = tp + len(g & p), fp + len(p - g), fn + len(g - p)
    precision = date_ok / max(1, date_ok + date_wrong)
    recall = date_ok / max(1, date_ok + date_missing)
    ap, ar = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {
        "title": round(title_ok / len(rows), 3),
        "date_F": round(2 * precision * recall / max(1e-9, precision + recall), 3),
        "date_P": round(precision, 3), "date_R": round(recall, 3),
        "spurious": f"{spurious}/{gold_null}",
        "authors_F1": round(2 * ap * ar / max(1e-9, ap + ar), 3),
        "authors_P": round(ap, 3), "authors_R": round(ar, 3),
    }


def show(field: str, rows: list[dict], preds: list[dict]) -> None:
    for gold, pred in zip(rows, preds):
        if field == "title" and norm(gold["title"]) != norm(pred["title"]):
            print(f"{gold['id'][:8]} GOLD {gold['title']!r}\n         OURS {pred['title']!r}")
        if field == "date" and (gold["date"] or "") != (pred["date"] or "")[:10]:
            print(f"{gold['id'][:8]} GOLD {gold['date']} OURS {pred['date']}  {gold['url']}")
        if field == "authors" and name_set(gold["authors"]) != name_set(pred["authors"]):
            print(f"{gold['id'][:8]} GOLD {gold['authors']} OURS {pred['authors']} {pred.get('agency')}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", default=["naeb", "wcxb-articles"])
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--show", choices=["title", "date", "authors"])
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    for set_name in args.sets:
        rows = [json.loads(line) for line in open(BENCH / set_name / "truth.jsonl")]
        rows = rows[: args.limit] if args.limit else rows
        tasks = [(set_name, r["id"], r["url"]) for r in rows]
        with ProcessPoolExecutor() as pool:
            preds = list(pool.map(ours, tasks, chunksize=8))
            print(set_name, "cleaner    ", score(rows, preds))
            if not args.no_trafilatura:
                print(set_name, "trafilatura", score(rows, list(pool.map(theirs, tasks, chunksize=4))))
        if args.show:
            show(args.show, rows, preds)


if __name__ == "__main__":
    main()
