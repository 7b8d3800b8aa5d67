"""Benchmark sets on disk, and extractors run over them with per-document timing.

A set directory holds `truth.jsonl`, `pages/<id>.html.gz` and optionally
`text/<renderer>/<id>.txt` (plain-text dumps of the same pages, same gold body).
"""

from __future__ import annotations

import gzip
import itertools
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from trafilatura import external as trafilatura_external

from cleaner import pipeline
from cleaner.errors import InputError
from cleaner.evaluate import Gold, PageScore, Prediction, Summary, score_page, summarise
from cleaner.model import ErrorRecord, Format, RawDoc

log = logging.getLogger(__name__)

TRUTH_FILE = "truth.jsonl"
PAGES_DIR = "pages"
TEXT_DIR = "text"

# Documents handed to a worker process at once; small enough to keep workers evenly loaded
# on the ~200-800 page dev sets.
CHUNK_SIZE = 4


@dataclass(frozen=True, slots=True)
class BenchItem:
    """One page of a set: the input bytes (raw HTML or a text dump) and its gold."""

    id: str
    url: str | None
    data: bytes
    format: Format
    gold: Gold


@dataclass(frozen=True, slots=True)
class Timed:
    """One extractor's output on one document; error is set when it raised or rejected the input."""

    prediction: Prediction
    seconds: float
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Run:
    """One extractor's outputs over a set, in the set's order."""

    name: str
    outputs: tuple[Timed, ...]

    @property
    def seconds(self) -> float:
        return sum(t.seconds for t in self.outputs)

    @property
    def docs_per_second(self) -> float:
        """Single-core speed: documents over the summed extraction time (independent of --jobs)."""
        return len(self.outputs) / self.seconds if self.seconds else 0.0

    @property
    def errors(self) -> int:
        return sum(1 for t in self.outputs if t.error)


Extractor = Callable[[BenchItem], Prediction]


def _tuple_or_none(value: object) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def gold_from_json(row: Mapping) -> Gold:
    """A truth.jsonl row as Gold (null fields stay None: no gold for them)."""
    return Gold(
        id=str(row["id"]),
        url=row.get("url"),
        body=row.get("body") or "",
        title=row.get("title"),
        authors=_tuple_or_none(row.get("authors")),
        date=row.get("date"),
        with_snippets=_tuple_or_none(row.get("with")),
        without_snippets=_tuple_or_none(row.get("without")),
    )


def read_truth(set_dir: Path) -> list[Gold]:
    path = Path(set_dir) / TRUTH_FILE
    try:
        # split on newlines only: str.splitlines() would also cut at U+2028 inside a JSON string
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError as err:
        raise InputError(f"{path}: cannot read the set's truth file ({err.strerror})") from err
    try:
        return [gold_from_json(json.loads(line)) for line in lines if line.strip()]
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        raise InputError(f"{path}: malformed truth line ({err})") from err


def renderers(set_dir: Path) -> list[str]:
    """Names of the text-dump renderers a set has (subfolders of text/)."""
    text_dir = Path(set_dir) / TEXT_DIR
    return sorted(p.name for p in text_dir.iterdir() if p.is_dir()) if text_dir.is_dir() else []


def _input_path(set_dir: Path, page_id: str, renderer: str | None) -> Path:
    if renderer is None:
        return set_dir / PAGES_DIR / f"{page_id}.html.gz"
    return set_dir / TEXT_DIR / renderer / f"{page_id}.txt"


def _read_input(path: Path) -> bytes:
    try:
        data = path.read_bytes()
        return gzip.decompress(data) if path.suffix == ".gz" else data
    except (OSError, gzip.BadGzipFile) as err:
        raise InputError(f"{path}: cannot read the page ({err})") from err


def iter_bench(set_dir: Path, text: str | None = None, limit: int | None = None) -> Iterator[BenchItem]:
    """The pages of a set in truth.jsonl order: raw HTML, or the `text` renderer's dumps.

    `limit` counts truth lines. A page without a dump is left out of a text run (a renderer
    may have failed on it); a missing HTML page is an error.

    Raises:
        InputError: the truth file or an HTML page is missing or unreadable, or the renderer is unknown.
    """
    set_dir = Path(set_dir)
    if text is not None and text not in renderers(set_dir):
        known = ", ".join(renderers(set_dir)) or "none"
        raise InputError(f"{set_dir}: no text dumps by {text!r} (this set has: {known})")
    page_format = Format.HTML if text is None else Format.TEXT
    for gold in read_truth(set_dir)[:limit]:
        path = _input_path(set_dir, gold.id, text)
        if text is not None and not path.exists():
            continue
        yield BenchItem(id=gold.id, url=gold.url, data=_read_input(path), format=page_format, gold=gold)


class _Rejected(Exception):
    """The extractor returned an error record instead of a result."""


def prediction_from_record(record: Mapping) -> Prediction:
    """The scored fields of a cleaned record's JSON form."""
    return Prediction(
        text=record.get("text") or "",
        title=record.get("title"),
        authors=tuple(record.get("authors") or ()),
        date=record.get("date"),
    )


def cleaner_prediction(item: BenchItem) -> Prediction:
    """Run the cleaner pipeline; an error record is an empty prediction."""
    result = pipeline.clean_document(RawDoc(id=item.id, data=item.data, url=item.url))
    if isinstance(result, ErrorRecord):
        raise _Rejected(f"{result.stage}: {result.reason}")
    return prediction_from_record(result.to_dict())


def trafilatura_prediction(item: BenchItem) -> Prediction:
    """trafilatura 2.x on the same input bytes (a dump is fed as it is)."""
    document = trafilatura.bare_extraction(item.data, url=item.url, with_metadata=True)
    if document is None:
        return Prediction()
    author = getattr(document, "author", None)
    return Prediction(
        text=getattr(document, "text", None) or "",
        title=getattr(document, "title", None),
        authors=(author,) if author else (),
        date=getattr(document, "date", None),
    )


def dump_prediction(item: BenchItem) -> Prediction:
    """The whole input as the body: the baseline a text dump gives without any cleaning."""
    return Prediction(text=item.data.decode("utf-8", errors="replace"))


EXTRACTORS: Mapping[str, Extractor] = {
    "cleaner": cleaner_prediction,
    "trafilatura": trafilatura_prediction,
    "dump": dump_prediction,
}


def timed(extractor: Extractor, item: BenchItem) -> Timed:
    """Run one extractor on one document; any failure becomes an empty prediction with its reason."""
    start = time.perf_counter()
    try:
        prediction = extractor(item)
    except _Rejected as rejection:
        return Timed(Prediction(), time.perf_counter() - start, f"rejected: {rejection}")
    except Exception as err:  # the per-document boundary: count it and go on
        log.debug("%s failed on %s", getattr(extractor, "__name__", extractor), item.id, exc_info=True)
        return Timed(Prediction(), time.perf_counter() - start, f"{type(err).__name__}: {err}")
    return Timed(prediction, time.perf_counter() - start)


def _run_item(extractors: Sequence[Extractor], item: BenchItem, turn: int = 0) -> tuple[Timed, ...]:
    """Every extractor on one document, results in the extractors' order.

    Extractors take turns on the same document, so that caches and load affect them alike; the one that
    starts moves on by one each document, because the second to read a document runs ~1 ms faster (its
    bytes and the allocator's pages are warm), which on pages of ~25 ms is a 4% bias.
    """
    start = turn % len(extractors)
    order = [*range(start, len(extractors)), *range(start)]
    results = {index: timed(extractors[index], item) for index in order}
    return tuple(results[index] for index in range(len(extractors)))


def _run_item_packed(task: tuple[Sequence[Extractor], BenchItem, int]) -> tuple[Timed, ...]:
    return _run_item(*task)


def run_extractors(
    items: Iterable[BenchItem], extractors: Mapping[str, Extractor], jobs: int = 1
) -> list[Run]:
    """Run every extractor on every item; with jobs > 1 the items are spread over processes.

    Each extractor first runs once untimed, so that lazy imports and first-call set-up
    (forked into the workers) do not count against its speed.
    """
    functions = list(extractors.values())
    items = iter(items)
    first = next(items, None)
    if first is None:
        return [Run(name, ()) for name in extractors]
    _run_item(functions, first)
    _load_lazy_tables()
    items = itertools.chain([first], items)
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            tasks = ((functions, item, turn) for turn, item in enumerate(items))
            rows = list(pool.map(_run_item_packed, tasks, chunksize=CHUNK_SIZE))
    else:
        rows = [_run_item(functions, item, turn) for turn, item in enumerate(items)]
    return [Run(name, tuple(row[i] for row in rows)) for i, name in enumerate(extractors)]


def _load_lazy_tables() -> None:
    """Load the tables trafilatura reads in on first need, whichever extractor needs it first: its jusText
    stop-word list (0.2 s, once per process) is built the first time a page is escalated to jusText, and
    would be timed against whichever extractor met such a page first."""
    if not trafilatura_external.JT_STOPLIST:
        trafilatura_external.jt_stoplist_init()


@dataclass(frozen=True, slots=True)
class ScoredRun:
    """One extractor's figures on a set, with its per-page scores."""

    name: str
    summary: Summary
    pages: tuple[PageScore, ...]
    seconds: float
    docs_per_second: float
    errors: int
    error_reasons: tuple[tuple[str, int], ...] = ()  # most frequent first


@dataclass(frozen=True, slots=True)
class SetReport:
    set_name: str
    source: str  # "html" or "text/<renderer>"
    jobs: int
    wall_seconds: float
    runs: tuple[ScoredRun, ...]

    def run(self, name: str) -> ScoredRun | None:
        return next((r for r in self.runs if r.name == name), None)


def score_run(golds: Sequence[Gold], run: Run) -> ScoredRun:
    pages = tuple(score_page(gold, out.prediction) for gold, out in zip(golds, run.outputs, strict=True))
    reasons = tuple(Counter(out.error for out in run.outputs if out.error).most_common())
    return ScoredRun(run.name, summarise(pages), pages, run.seconds, run.docs_per_second, run.errors, reasons)


def _recording_golds(items: Iterable[BenchItem], golds: list[Gold]) -> Iterator[BenchItem]:
    # The gold of each item handed out, kept in the parent process while workers run the items.
    for item in items:
        golds.append(item.gold)
        yield item


def evaluate_set(
    set_dir: Path,
    extractors: Mapping[str, Extractor],
    text: str | None = None,
    limit: int | None = None,
    jobs: int = 1,
) -> SetReport:
    """Run the extractors over a set (HTML pages, or the `text` renderer's dumps) and score them."""
    set_dir = Path(set_dir)
    golds: list[Gold] = []
    start = time.perf_counter()
    runs = run_extractors(_recording_golds(iter_bench(set_dir, text, limit), golds), extractors, jobs)
    wall = time.perf_counter() - start
    source = "html" if text is None else f"{TEXT_DIR}/{text}"
    scored = tuple(score_run(golds, run) for run in runs)
    return SetReport(set_dir.name, source, jobs, wall, scored)
