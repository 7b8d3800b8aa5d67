"""A tiny benchmark set on disk, laid out like the dev sets, and a stand-in cleaning pipeline."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from cleaner import pipeline
from cleaner.model import ErrorRecord, Fields, Format, Record, Source, Stage

ARTICLE = "Rain fell on the town all night long. The river rose over its banks by morning."
PAGES = {
    "p1": {"body": ARTICLE, "title": "Rain", "authors": ["Ann Lee"], "date": "2024-01-02"},
    "p2": {"body": "one two three four five six", "title": "Six", "authors": [], "date": None},
    "p3": {"body": "alpha beta gamma delta", "title": "Greek", "authors": ["Bo"], "date": "2024-03-04"},
}


def _html(page_id: str, body: str) -> str:
    return f"<html><head><title>{page_id}</title></head><body><nav>Home News</nav><p>{body}</p></body></html>"


def make_set(root: Path) -> Path:
    """Three pages with gold for every field, and one renderer's text dumps."""
    set_dir = root / "tiny"
    (set_dir / "pages").mkdir(parents=True)
    (set_dir / "text" / "inscriptis").mkdir(parents=True)
    with (set_dir / "truth.jsonl").open("w", encoding="utf-8") as truth:
        for page_id, gold in PAGES.items():
            row = {"id": page_id, "url": f"https://example.org/{page_id}"} | gold
            truth.write(json.dumps(row | {"with": [gold["body"][:10]], "without": ["Home"]}) + "\n")
            (set_dir / "pages" / f"{page_id}.html.gz").write_bytes(gzip.compress(_html(page_id, gold["body"]).encode()))
            (set_dir / "text" / "inscriptis" / f"{page_id}.txt").write_text(f"Home News\n{gold['body']}\n")
    return set_dir


def _record(raw, text: str, title: str, authors: tuple[str, ...], date: str | None) -> Record:
    fields = Fields(url=raw.url, title=title, authors=authors, date=date)
    return Record(raw.id, Source(Format.HTML, "0" * 64, url=raw.url), fields, text, (), ())


def fake_clean_document(raw, config=None):
    """p1 perfect, p2 half the body with a spurious date and author, p3 rejected."""
    if raw.id == "p1":
        return _record(raw, ARTICLE, "Rain", ("Ann Lee",), "2024-01-02")
    if raw.id == "p2":
        return _record(raw, "one two three four", "Six | Site", ("Staff",), "2024-05-06")
    return ErrorRecord(input=raw.id, reason="no article found", stage=Stage.CLASSIFY)


def install_fake_pipeline(monkeypatch) -> None:
    """Make `cleaner.pipeline.clean_document` the stand-in."""
    monkeypatch.setattr(pipeline, "clean_document", fake_clean_document)
