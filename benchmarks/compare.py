"""Score any choice of extractors on a benchmark set, e.g. the baselines without cleaner.

    PYTHONPATH=. python benchmarks/compare.py BENCH/aeb -x trafilatura
    PYTHONPATH=. python benchmarks/compare.py BENCH/aeb --text inscriptis -x dump -x trafilatura

The first extractor named is the one whose worst pages are listed and that the others are compared to.
"""

from __future__ import annotations

from pathlib import Path

import click

from cleaner.bench import EXTRACTORS, evaluate_set
from cleaner.errors import InputError
from cleaner.cli.eval import echo_report


@click.command()
@click.argument("set_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-x", "--extractor", "names", multiple=True, required=True, type=click.Choice(list(EXTRACTORS)))
@click.option("--text", "renderer", metavar="RENDERER", help="Score text/RENDERER/*.txt instead of the HTML.")
@click.option("--limit", type=click.IntRange(min=1))
@click.option("--worst", type=click.IntRange(min=0), default=10, show_default=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True)
def compare(
    set_dir: Path, names: tuple[str, ...], renderer: str | None, limit: int | None, worst: int,
    json_path: Path | None, jobs: int,
) -> None:
    """Run the named extractors over SET_DIR and print their figures side by side."""
    try:
        report = evaluate_set(set_dir, {n: EXTRACTORS[n] for n in names}, renderer, limit, jobs)
    except InputError as err:
        raise click.ClickException(str(err)) from err
    echo_report(report, worst, json_path)


if __name__ == "__main__":
    compare()
