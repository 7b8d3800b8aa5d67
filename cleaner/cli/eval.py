"""`cleaner eval`: score cleaner (and optionally trafilatura) on a benchmark set."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import click

from cleaner.bench import EXTRACTORS, ScoredRun, SetReport, evaluate_set
from cleaner.errors import InputError
from cleaner.evaluate import PageScore, worst_pages

BASELINES = ("trafilatura",)

# (label, Summary field, format) rows of the figures table, in print order.
_ROWS: tuple[tuple[str, str, str], ...] = (
    ("body F1", "body_f1", "{:.3f}"),
    ("body precision", "body_precision", "{:.3f}"),
    ("body recall", "body_recall", "{:.3f}"),
    ("body accuracy", "body_accuracy", "{:.3f}"),
    ("title exact", "title_exact", "{:.3f}"),
    ("date precision", "date_precision", "{:.3f}"),
    ("date recall", "date_recall", "{:.3f}"),
    ("date F1", "date_f1", "{:.3f}"),
    ("dates on no-date pages", "date_spurious", "{:d}"),
    ("authors precision", "authors_precision", "{:.3f}"),
    ("authors recall", "authors_recall", "{:.3f}"),
    ("authors F1", "authors_f1", "{:.3f}"),
    ("with snippets found", "with_found", "{:.3f}"),
    ("without snippets absent", "without_absent", "{:.3f}"),
)
_LABEL_WIDTH = 28
_COLUMN_WIDTH = 12
ERROR_REASONS_SHOWN = 5


def _cell(value: float | int | None, fmt: str) -> str:
    return "-" if value is None else fmt.format(value)


def _diff(a: float | int | None, b: float | int | None, fmt: str) -> str:
    if a is None or b is None:
        return "-"
    return ("{:+d}" if fmt == "{:d}" else "{:+.3f}").format(a - b)


def _line(label: str, cells: Sequence[str]) -> str:
    return f"{label:<{_LABEL_WIDTH}}" + "".join(f" {c:>{_COLUMN_WIDTH}}" for c in cells)


def _summary_line(
    label: str, runs: Sequence[ScoredRun], value: Callable[[ScoredRun], float | int | None], fmt: str
) -> str:
    cells = [_cell(value(r), fmt) for r in runs]
    if len(runs) > 1:
        cells.append(_diff(value(runs[0]), value(runs[1]), fmt))
    return _line(label, cells)


def render_table(report: SetReport) -> str:
    """Figures as rows, extractors as columns; with two or more runs, the first minus the second."""
    runs = report.runs
    header = [r.name for r in runs] + (["diff"] if len(runs) > 1 else [])
    no_date = runs[0].summary.date_no_gold_pages
    title = f"{report.set_name}: {runs[0].summary.pages} pages ({report.source}), jobs {report.jobs}"
    if len(runs) > 1:
        title += f"; diff = {runs[0].name} - {runs[1].name}"
    lines = [title, _line("", header)]
    for label, field, fmt in _ROWS:
        if all(getattr(r.summary, field) is None for r in runs):
            continue  # no gold for this figure in the set
        if field == "date_spurious" and no_date is not None:
            label = f"dates on {no_date} no-date pages"
        lines.append(_summary_line(label, runs, lambda r, f=field: getattr(r.summary, f), fmt))
    lines.append(_summary_line("errors / rejections", runs, lambda r: r.errors, "{:d}"))
    lines.append(_line("docs/s", [f"{r.docs_per_second:.1f}" for r in runs]))
    if len(runs) > 1 and runs[1].docs_per_second:
        ratio = runs[0].docs_per_second / runs[1].docs_per_second
        lines.append(_line(f"speed {runs[0].name}/{runs[1].name}"[:_LABEL_WIDTH], [f"x{ratio:.2f}"]))
    lines.append(f"wall time {report.wall_seconds:.1f}s")
    return "\n".join(lines)


def render_worst(report: SetReport, count: int) -> str:
    """The first run's `count` worst pages by body F1, with the second run's F1 beside them."""
    first, other = report.runs[0], report.runs[1] if len(report.runs) > 1 else None
    other_f1 = {p.id: p.body.f1 for p in other.pages} if other else {}
    ranked = worst_pages(first.pages, count)
    extra = f"  {other.name[:6]:>6}" if other else ""
    lines = [
        f"worst {len(ranked)} pages by body F1 ({first.name})",
        f"{'F1':>6} {'P':>6} {'R':>6}{extra}  id  url",
    ]
    for page in ranked:
        figures = [f"{page.body.f1:6.3f}", _cell(page.body.precision, "{:6.3f}"), _cell(page.body.recall, "{:6.3f}")]
        extra = f"  {other_f1[page.id]:6.3f}" if other else ""
        lines.append(" ".join(f"{f:>6}" for f in figures) + f"{extra}  {page.id}  {page.url}")
    return "\n".join(lines)


def render_error_reasons(report: SetReport, count: int = ERROR_REASONS_SHOWN) -> str:
    """The most frequent reasons each extractor failed or rejected a page."""
    lines = []
    for run in report.runs:
        for reason, times in run.error_reasons[:count]:
            lines.append(f"{run.name}: {times} x {reason}")
    return "\n".join(lines)


def _page_dict(page: PageScore) -> dict:
    out = dataclasses.asdict(page)
    out["body"]["f1"] = page.body.f1
    return out


def report_dict(report: SetReport) -> dict:
    """Every figure and every per-page score, for machines."""
    runs = {
        r.name: {
            "summary": dataclasses.asdict(r.summary),
            "seconds": r.seconds,
            "docs_per_second": r.docs_per_second,
            "errors": r.errors,
            "error_reasons": dict(r.error_reasons),
            "pages": [_page_dict(p) for p in r.pages],
        }
        for r in report.runs
    }
    out = {"set": report.set_name, "source": report.source, "jobs": report.jobs}
    out |= {"wall_seconds": report.wall_seconds, "runs": runs}
    if len(report.runs) > 1 and report.runs[1].docs_per_second:
        out["speed_ratio"] = report.runs[0].docs_per_second / report.runs[1].docs_per_second
    return out


def write_report_json(path: Path, report: SetReport) -> None:
    path.write_text(json.dumps(report_dict(report), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def echo_report(report: SetReport, worst: int, json_path: Path | None) -> None:
    """Print the table, failure reasons and worst pages; write the JSON form if asked."""
    click.echo(render_table(report))
    if any(r.errors for r in report.runs):
        click.echo(render_error_reasons(report))
    if worst:
        click.echo()
        click.echo(render_worst(report, worst))
    if json_path is not None:
        write_report_json(json_path, report)


def extractor_names(vs: Sequence[str], text: str | None) -> list[str]:
    """cleaner first, then the baselines asked for; on dumps the whole dump is a baseline too."""
    names = ["cleaner", *vs]
    if text is not None and vs:
        names.append("dump")
    return names


@click.command("eval")
@click.argument("set_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--text", "renderer", metavar="RENDERER", help="Score the text dumps text/RENDERER/*.txt instead of the HTML."
)
@click.option("--limit", type=click.IntRange(min=1), help="Only the first N pages of the set.")
@click.option("--worst", type=click.IntRange(min=0), default=10, show_default=True, help="List the N worst pages.")
@click.option(
    "--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Write every figure to this file."
)
@click.option("--vs", multiple=True, type=click.Choice(BASELINES), help="Also run this extractor on the same pages.")
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
def eval_command(
    set_dir: Path, renderer: str | None, limit: int | None, worst: int, json_path: Path | None,
    vs: tuple[str, ...], jobs: int,
) -> None:
    """Score cleaner on a benchmark set (truth.jsonl + pages/ [+ text/]) and print the figures."""
    names = extractor_names(vs, renderer)
    try:
        report = evaluate_set(set_dir, {n: EXTRACTORS[n] for n in names}, renderer, limit, jobs)
    except InputError as err:
        raise click.ClickException(str(err)) from err
    echo_report(report, worst, json_path)

