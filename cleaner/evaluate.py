"""Scoring of cleaned records against gold: body shingles (the AEB metric), title, date, authors, snippets.

Pure functions on plain values; the definitions are those of the benchmark README
(`bench/README.md`), so that figures compare with the published ones.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The AEB metric compares 4-token shingles (scrapinghub/article-extraction-benchmark, evaluate.py).
SHINGLE_SIZE = 4

_TOKEN = re.compile(r"\w+")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_NAME_SEPARATOR = re.compile(r"[,;&|/]|\s(?:and|und|et|y)\s", re.IGNORECASE)
_NAME_LEAD = re.compile(r"^(?:by|von|par)\s+")


@dataclass(frozen=True, slots=True)
class Gold:
    """The expected output for one page; None where the set has no gold for a field."""

    id: str
    body: str
    url: str | None = None
    title: str | None = None
    authors: tuple[str, ...] | None = None
    date: str | None = None
    with_snippets: tuple[str, ...] | None = None
    without_snippets: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Prediction:
    """What an extractor produced for one page; the empty prediction stands for a failure."""

    text: str = ""
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None


@dataclass(frozen=True, slots=True)
class BodyScore:
    """Per-page shingle precision and recall; None where undefined (left out of the means)."""

    precision: float | None
    recall: float | None
    exact: bool

    @property
    def f1(self) -> float:
        """Per-page F1, used only to rank pages; an undefined side counts as 0."""
        return harmonic_mean(self.precision or 0.0, self.recall or 0.0)


class DateOutcome(enum.StrEnum):
    CORRECT = "correct"
    WRONG = "wrong"
    MISSING = "missing"  # gold has a date, nothing predicted
    SPURIOUS = "spurious"  # gold has no date, one predicted
    ABSENT = "absent"  # neither has a date


@dataclass(frozen=True, slots=True)
class NameCounts:
    """Author names matched (tp), invented (fp) and missed (fn) on one page."""

    tp: int
    fp: int
    fn: int


@dataclass(frozen=True, slots=True)
class SnippetShares:
    """Share of must-appear snippets found, share of must-not-appear snippets absent."""

    with_found: float
    without_absent: float


@dataclass(frozen=True, slots=True)
class PageScore:
    id: str
    url: str | None
    body: BodyScore
    title: bool | None  # None: no gold title
    date: DateOutcome
    authors: NameCounts | None  # None: no gold authors
    snippets: SnippetShares | None  # None: no gold snippets


@dataclass(frozen=True, slots=True)
class Summary:
    """Corpus figures; a None figure means the set has no gold for it."""

    pages: int
    body_f1: float
    body_precision: float
    body_recall: float
    body_accuracy: float
    title_exact: float | None
    date_precision: float | None
    date_recall: float | None
    date_f1: float | None
    date_spurious: int | None  # dates output on pages whose gold has none
    date_no_gold_pages: int | None
    authors_precision: float | None
    authors_recall: float | None
    authors_f1: float | None
    with_found: float | None
    without_absent: float | None


def harmonic_mean(a: float, b: float) -> float:
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(words: Sequence[str], size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """Multiset of `size`-token shingles; a text shorter than `size` is one short shingle."""
    if not words:
        return Counter()
    if len(words) < size:
        return Counter([tuple(words)])
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def score_body(gold: str, predicted: str) -> BodyScore:
    """The AEB per-page figures.

    An empty prediction has no precision and recall 0; an empty gold with a non-empty
    prediction has precision 0 and no recall; both empty is a perfect page.
    """
    gold_words, predicted_words = tokens(gold), tokens(predicted)
    gold_shingles, predicted_shingles = shingles(gold_words), shingles(predicted_words)
    tp = sum((gold_shingles & predicted_shingles).values())
    fp = sum((predicted_shingles - gold_shingles).values())
    fn = sum((gold_shingles - predicted_shingles).values())
    exact = gold_words == predicted_words
    if fp == fn == 0:
        return BodyScore(1.0, 1.0, exact)
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    return BodyScore(precision, recall, exact)


def normalise(text: str) -> str:
    """NFKC, collapsed whitespace, case-folded."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def score_title(gold: str | None, predicted: str | None) -> bool | None:
    if gold is None:
        return None
    return predicted is not None and normalise(gold) == normalise(predicted)


def _day(value: str | None) -> str | None:
    """The YYYY-MM-DD day a value starts with (an ISO time after it is ignored), else the value."""
    if not value or not value.strip():
        return None
    value = normalise(value)
    match = _DAY.match(value)
    return match.group() if match else value


def score_date(gold: str | None, predicted: str | None) -> DateOutcome:
    """Compare calendar days as written (no time-zone conversion).

    A gold given to the month only ("2015-11") is compared at month level.
    """
    predicted_day = _day(predicted)
    if not gold:
        return DateOutcome.SPURIOUS if predicted_day else DateOutcome.ABSENT
    if predicted_day is None:
        return DateOutcome.MISSING
    gold_key = normalise(gold)
    return DateOutcome.CORRECT if predicted_day[: len(gold_key)] == gold_key else DateOutcome.WRONG


def _clean_name(part: str) -> str:
    no_punctuation = "".join(c for c in part if not unicodedata.category(c).startswith("P"))
    name = " ".join(no_punctuation.split()).casefold()
    return _NAME_LEAD.sub("", name)


def author_names(authors: Iterable[str]) -> frozenset[str]:
    """Normalised single names: split on separators and conjunctions, no 'By', no punctuation."""
    names = set()
    for author in authors:
        padded = f" {unicodedata.normalize('NFKC', author)} "
        for part in _NAME_SEPARATOR.split(padded):
            name = _clean_name(part)
            if name and name not in ("by", "von", "par"):
                names.add(name)
    return frozenset(names)


def score_authors(gold: Sequence[str] | None, predicted: Sequence[str]) -> NameCounts | None:
    if gold is None:
        return None
    gold_names, predicted_names = author_names(gold), author_names(predicted)
    tp = len(gold_names & predicted_names)
    return NameCounts(tp, len(predicted_names) - tp, len(gold_names) - tp)


def _share(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def score_snippets(
    text: str, with_snippets: Sequence[str] | None, without_snippets: Sequence[str] | None
) -> SnippetShares | None:
    """Case-insensitive substring tests (as WCXB's evaluate.py); an empty list scores 1."""
    if with_snippets is None or without_snippets is None:
        return None
    lowered = text.lower()
    found = sum(1 for s in with_snippets if s.lower() in lowered)
    absent = sum(1 for s in without_snippets if s.lower() not in lowered)
    return SnippetShares(_share(found, len(with_snippets)), _share(absent, len(without_snippets)))


def score_page(gold: Gold, predicted: Prediction) -> PageScore:
    return PageScore(
        id=gold.id,
        url=gold.url,
        body=score_body(gold.body, predicted.text),
        title=score_title(gold.title, predicted.title),
        date=score_date(gold.date, predicted.date),
        authors=score_authors(gold.authors, predicted.authors),
        snippets=score_snippets(predicted.text, gold.with_snippets, gold.without_snippets),
    )


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _body_figures(scores: Sequence[PageScore]) -> dict[str, float]:
    precision = _mean([s.body.precision for s in scores if s.body.precision is not None]) or 0.0
    recall = _mean([s.body.recall for s in scores if s.body.recall is not None]) or 0.0
    return {
        "body_f1": harmonic_mean(precision, recall),
        "body_precision": precision,
        "body_recall": recall,
        "body_accuracy": _mean([float(s.body.exact) for s in scores]) or 0.0,
    }


def _date_figures(scores: Sequence[PageScore]) -> dict[str, float | int | None]:
    counts = Counter(s.date for s in scores)
    correct, wrong = counts[DateOutcome.CORRECT], counts[DateOutcome.WRONG]
    missing = counts[DateOutcome.MISSING]
    if correct + wrong + missing == 0:  # the set has no date gold at all
        return dict.fromkeys(_DATE_KEYS)
    precision = correct / (correct + wrong) if correct + wrong else 0.0
    recall = correct / (correct + missing)
    return {
        "date_precision": precision,
        "date_recall": recall,
        "date_f1": harmonic_mean(precision, recall),
        "date_spurious": counts[DateOutcome.SPURIOUS],
        "date_no_gold_pages": counts[DateOutcome.SPURIOUS] + counts[DateOutcome.ABSENT],
    }


_DATE_KEYS = ("date_precision", "date_recall", "date_f1", "date_spurious", "date_no_gold_pages")


def _ratio(hits: int, total: int, errors: int) -> float:
    """hits / total; with nothing to count, 1 when nothing went wrong else 0."""
    if total:
        return hits / total
    return 0.0 if errors else 1.0


def _author_figures(scores: Sequence[PageScore]) -> dict[str, float | None]:
    counted = [s.authors for s in scores if s.authors is not None]
    if not counted:
        return dict.fromkeys(("authors_precision", "authors_recall", "authors_f1"))
    tp, fp, fn = (sum(getattr(c, side) for c in counted) for side in ("tp", "fp", "fn"))
    precision, recall = _ratio(tp, tp + fp, fn), _ratio(tp, tp + fn, fp)
    return {
        "authors_precision": precision,
        "authors_recall": recall,
        "authors_f1": harmonic_mean(precision, recall),
    }


def summarise(scores: Sequence[PageScore]) -> Summary:
    """Macro means for body and snippets, micro counts for dates and authors."""
    titles = [float(s.title) for s in scores if s.title is not None]
    snippets = [s.snippets for s in scores if s.snippets is not None]
    return Summary(
        pages=len(scores),
        **_body_figures(scores),
        title_exact=_mean(titles),
        **_date_figures(scores),
        **_author_figures(scores),
        with_found=_mean([s.with_found for s in snippets]),
        without_absent=_mean([s.without_absent for s in snippets]),
    )


def worst_pages(scores: Sequence[PageScore], count: int) -> list[PageScore]:
    """The `count` pages with the lowest body F1, worst first (ties by id for a stable list)."""
    return sorted(scores, key=lambda s: (s.body.f1, s.id))[:count]
