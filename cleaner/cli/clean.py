"""`cleaner clean` and `cleaner explain`."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from cleaner.config import Config
from cleaner.errors import Rejection
from cleaner.io.readers import InputFile, expand_inputs, read_file
from cleaner.io.writers import ERRORS_FILE, append_line, error_line, record_json, write_json
from cleaner.model import ErrorRecord, RawDoc, Record
from cleaner.pipeline import clean_document, explain_document

rules_option = click.option(
    "--rules", "rule_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra rule file (site layout or learned profile); repeatable.",
)


@click.command("clean")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", "outdir", type=click.Path(file_okay=False, path_type=Path),
              help="Directory for OUTDIR/<id>.json records and errors.jsonl.")
@rules_option
@click.option("--url", help="URL of the document read from stdin.")
def clean_command(inputs: tuple[str, ...], outdir: Path | None, rule_files: tuple[Path, ...], url: str | None) -> None:
    """Clean documents (files, directories, globs, .gz) into JSON records; `-` reads one from stdin."""
    config = Config(rule_files=rule_files)
    if inputs == ("-",):
        raise SystemExit(_clean_stdin(config, url))
    if outdir is None:
        raise click.UsageError("give -o OUTDIR (or `-` to read stdin and write stdout)")
    counts = _clean_files(inputs, outdir, config)
    click.echo(summary_table(counts), err=True)
    raise SystemExit(1 if any(key != "written" for key in counts) else 0)


def _clean_stdin(config: Config, url: str | None) -> int:
    raw = RawDoc(id="stdin", data=sys.stdin.buffer.read(), url=url)
    result = clean_document(raw, config)
    if isinstance(result, ErrorRecord):
        click.echo(error_line(result), err=True)
        return 1
    click.echo(record_json(result))
    return 0


def _clean_files(inputs: tuple[str, ...], outdir: Path, config: Config) -> Counter:
    outdir.mkdir(parents=True, exist_ok=True)
    counts: Counter = Counter()
    with open(outdir / ERRORS_FILE, "a", encoding="utf-8") as errors:
        for item in expand_inputs(inputs):
            result = _clean_item(item, config)
            if isinstance(result, Record):
                write_json(outdir, result)
                counts["written"] += 1
            else:
                append_line(errors, error_line(result))
                counts[result.reason] += 1
    return counts


def _clean_item(item: InputFile | ErrorRecord, config: Config) -> Record | ErrorRecord:
    if isinstance(item, ErrorRecord):
        return item
    raw = read_file(item)
    return raw if isinstance(raw, ErrorRecord) else clean_document(raw, config)


def summary_table(counts: Counter) -> str:
    """Counts by outcome, then errors by reason."""
    errors = sum(n for key, n in counts.items() if key != "written")
    lines = [f"{counts['written']:>8}  written", f"{errors:>8}  errors"]
    lines += [f"{n:>8}    {reason}" for reason, n in counts.most_common() if reason != "written"]
    return "\n".join(lines)


@click.command("explain")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@rules_option
@click.option("--url", help="URL of the page (selects site layouts by host).")
def explain_command(path: Path, rule_files: tuple[Path, ...], url: str | None) -> None:
    """Show every block of a document with its verdict and the rule that decided it."""
    item = InputFile(path=path, id=path.stem)
    raw = read_file(item)
    if isinstance(raw, ErrorRecord):
        raise click.ClickException(raw.reason)
    if url:
        raw = RawDoc(id=raw.id, data=raw.data, path=raw.path, url=url)
    try:
        record, judged = explain_document(raw, Config(rule_files=rule_files))
    except Rejection as rejection:
        raise click.ClickException(f"{path}: {rejection.reason}") from None
    fields = {k: v for k, v in record.to_dict().items() if k in EXPLAIN_FIELDS}
    for key, value in fields.items():
        click.echo(f"{key:>10}: {value}")
    click.echo()
    for j in judged:
        where = j.block.line if j.block.line is not None else j.block.index
        verdict = "keep" if j.verdict.keep else ("field" if j.verdict.into else "drop")
        rule = j.verdict.rule_id or str(j.block.kind)
        click.echo(f"{where:>5}  {verdict:<5}  {rule:<40}  {_clip(j.block.text)}")


EXPLAIN_FIELDS = ("title", "site", "section", "date", "byline", "authors", "agency", "lead", "captions", "categories", "warnings")
EXPLAIN_TEXT_CHARS = 90


def _clip(text: str) -> str:
    return text if len(text) <= EXPLAIN_TEXT_CHARS else text[: EXPLAIN_TEXT_CHARS - 1] + "…"
