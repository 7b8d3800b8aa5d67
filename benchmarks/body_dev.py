"""Body F1 (the AEB shingle metric) of cleaner's HTML segmenter against trafilatura, on the dev sets.

Usage: PYTHONPATH=. python benchmarks/body_dev.py [--sets aeb naeb wcxb-articles] [--worst 10] [--limit N]
The prediction of cleaner is the in_main, non-caption blocks joined by blank lines, as the record's text.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
import trafilatura
from trafilatura.utils import decode_file

from cleaner.errors import Rejection
from cleaner.model import Kind
from cleaner.segment.html import segment_html
from cleaner.segment.html_parse import parse_html

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"
TOKEN = re.compile(r"\w+")
SHINGLE = 4
JOBS = 2  # one set per process; with timings wanted, run one set at a time


def shingles(text: str) -> Counter:
    """The multiset of 4-token shingles; a text of 1-3 tokens is one short shingle."""
    tokens = TOKEN.findall(text)
    if len(tokens) < SHINGLE:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_scores(gold: str, pred: str) -> tuple[float | None, float]:
    """Per-page (precision, recall); precision is None for an empty prediction."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    if not p:
        return None, 1.0 if not g else 0.0
    precision = 1.0 if fp == 0 else tp / (tp + fp)
    recall = 1.0 if fn == 0 else tp / (tp + fn)
    return precision, recall


@dataclass(slots=True)
class Tally:
    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    per_page: list[tuple[float, str]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, page_id: str, gold: str, pred: str) -> None:
        p, r = page_scores(gold, pred)
        if p is not None:
            self.precisions.append(p)
        self.recalls.append(r)
        f = 0.0 if p is None or p + r == 0 else 2 * p * r / (p + r)
        self.per_page.append((f, page_id))

    def summary(self) -> tuple[float, float, float]:
        p = sum(self.precisions) / max(len(self.precisions), 1)
        r = sum(self.recalls) / max(len(self.recalls), 1)
        return (2 * p * r / (p + r) if p + r else 0.0), p, r


def cleaner_text(html: str, url: str | None) -> str:
    try:
        blocks = segment_html(parse_html(html), url=url)
    except Rejection:
        return ""
    return "\n\n".join(b.text for b in blocks if b.in_main and b.kind != Kind.CAPTION)


def trafilatura_text(html: str, url: str | None) -> str:
    return trafilatura.extract(html, url=url) or ""


def trafilatura_no_comments(html: str, url: str | None) -> str:
    return trafilatura.extract(html, url=url, include_comments=False) or ""


def trafilatura_meta(html: str, url: str | None) -> str:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    return (doc.text or "") if doc else ""


SYSTEMS = {
    "cleaner": cleaner_text,
    "trafilatura": trafilatura_text,
    "traf_nocomm": trafilatura_no_comments,
    "traf_meta": trafilatura_meta,
}


def load_set(name: str, limit: int | None) -> list[tuple[dict, str]]:
    rows = [json.loads(line) for line in (BENCH / name / "truth.jsonl").open(encoding="utf-8")]
    out = []
    for row in rows[:limit]:
        data = gzip.decompress((BENCH / name / "pages" / f"{row['id']}.html.gz").read_bytes())
        out.append((row, decode_file(data)))
    return out


def run_set(name: str, systems: list[str], limit: int | None, dump: Path | None) -> dict[str, Tally]:
    tallies = {s: Tally() for s in systems}
    for row, html in load_set(name, limit):
        for system in systems:
            start = time.perf_counter()
            pred = SYSTEMS[system](html, row["url"])
            tallies[system].seconds += time.perf_counter() - start
            tallies[system].add(row["id"], row["body"], pred)
            if dump:
                (dump / f"{name}.{system}.{row['id']}.txt").write_text(pred, encoding="utf-8")
    return tallies


def use_reference_cache(folder: Path) -> None:
    """Keep trafilatura's reference text per page on disk: faster tuning runs (timings then mean nothing)."""
    import hashlib

    from cleaner.segment import html as segment_module

    folder.mkdir(parents=True, exist_ok=True)
    compute = segment_module._trafilatura_text

    def cached(tree, url):
        key = hashlib.sha1(lxml.html.tostring(tree) + (url or "").encode()).hexdigest()
        path = folder / key
        if path.exists():
            return path.read_text(encoding="utf-8")
        text = compute(tree, url)
        path.write_text(text, encoding="utf-8")
        return text

    segment_module._trafilatura_text = cached


def score_pages(job: tuple[str, list[str], int | None, Path | None, Path | None]) -> dict[str, Tally]:
    name, systems, limit, dump, cache = job
    if cache:
        use_reference_cache(cache)
    return run_set(name, systems, limit, dump)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", nargs="+", default=["aeb", "naeb", "wcxb-articles"])
    parser.add_argument("--systems", nargs="+", default=list(SYSTEMS))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--worst", type=int, default=0)
    parser.add_argument("--dump", type=Path, help="folder to write the predictions into")
    parser.add_argument("--cache", type=Path, help="folder keeping trafilatura's reference text per page")
    args = parser.parse_args()
    if args.dump:
        args.dump.mkdir(parents=True, exist_ok=True)
    jobs = [(name, args.systems, args.limit, args.dump, args.cache) for name in args.sets]
    with multiprocessing.Pool(min(len(jobs), JOBS)) as pool:
        results = pool.map(score_pages, jobs)
    for name, tallies in zip(args.sets, results, strict=True):
        for system, tally in tallies.items():
            f, p, r = tally.summary()
            n = len(tally.recalls)
            print(f"{name:14} {system:12} F1 {f:.4f}  P {p:.4f}  R {r:.4f}  {1000 * tally.seconds / n:6.1f} ms/page")
        if "cleaner" in tallies and "traf_meta" in tallies:
            ratio = tallies["cleaner"].seconds / tallies["traf_meta"].seconds
            print(f"{name:14} time cleaner / bare_extraction(with_metadata=True) = {ratio:.2f}")
        if args.worst and "cleaner" in tallies:
            for f, page_id in sorted(tallies["cleaner"].per_page)[: args.worst]:
                print(f"    worst {f:.3f} {page_id}")


if __name__ == "__main__":
    main()
