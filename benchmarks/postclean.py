"""Cleaning another tool's output: trafilatura in high-recall mode, then cleaner's text path on its text.

    python benchmarks/postclean.py ../shared/bench/aeb [--limit N]

Prints body F1 / precision / recall (AEB metric) of trafilatura's text alone and after cleaner.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import trafilatura

from cleaner.bench import iter_bench
from cleaner.evaluate import Prediction, score_page, summarise
from cleaner.model import ErrorRecord, Format, RawDoc
from cleaner.pipeline import clean_document


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    before, after = [], []
    for item in iter_bench(args.set_dir, limit=args.limit):
        text = trafilatura.extract(item.data, url=item.url, favor_recall=True, include_comments=True) or ""
        before.append(score_page(item.gold, Prediction(text=text)))
        cleaned = clean_document(RawDoc(id=item.id, data=text.encode(), declared_format=Format.TEXT)) if text else None
        kept = "" if cleaned is None or isinstance(cleaned, ErrorRecord) else cleaned.text
        after.append(score_page(item.gold, Prediction(text=kept)))
    for name, scores in (("trafilatura favor_recall", before), ("  + cleaner text path", after)):
        s = summarise(scores)
        print(f"{name:<28} F1 {s.body_f1:.3f}  P {s.body_precision:.3f}  R {s.body_recall:.3f}")


if __name__ == "__main__":
    main()
