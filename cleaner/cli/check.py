"""`cleaner check` (regression test against golden cases), `cleaner report` (one HTML review page) and
`cleaner rules lint`."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import click

from cleaner.config import Config
from cleaner.errors import CleanerError
from cleaner.fixtures import CaseResult, Status, check_case, find_cases, write_expected
from cleaner.io.writers import atomic_write_text

CHECK_FILE_SCHEMA = "cleaner-check/1"
STATUS_LABELS = {Status.CHANGED: "CHANGED", Status.PROBES_FAILED: "PROBES FAILED", Status.NEW: "NEW"}

rules_option = click.option(
    "--rules", "rule_files", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra rule file applied while cleaning; repeatable.",
)


@click.command("check")
@click.argument("fixture_dirs", nargs=-1, required=True,
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--case", "pattern", metavar="GLOB", help="Only cases whose name (or folder name) matches GLOB.")
@click.option("--update", is_flag=True, help="Rewrite expected.json of changed and new cases (after review).")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON instead of text.")
@click.option("--save", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the results, before/after per changed case, for `cleaner report --check`.")
@rules_option
def check_command(fixture_dirs: tuple[Path, ...], pattern: str | None, update: bool, as_json: bool,
                  save: Path | None, rule_files: tuple[Path, ...]) -> None:
    """Re-clean every golden case under FIXTURE_DIR... and compare it with its expected.json, field by field."""
    cases = list(find_cases(fixture_dirs, pattern))
    if not cases:
        raise click.ClickException(f"no cases (folders with an input.* file) found under {', '.join(map(str, fixture_dirs))}")
    results = [check_case(case, Config(rule_files=rule_files)) for case in cases]
    if save:
        atomic_write_text(save, json.dumps(check_document(results), ensure_ascii=False, indent=1) + "\n")
    click.echo(json.dumps(check_document(results), ensure_ascii=False, indent=2) if as_json else check_text(results))
    if update:
        updated = [r for r in results if r.status in (Status.CHANGED, Status.NEW)]
        for result in updated:
            write_expected(result.case, result.actual)
            click.echo(f"updated {result.case.expected_path}", err=True)
        click.echo(f"updated {len(updated)} expected.json file(s)", err=True)
        failing = [r for r in results if r.probe_failures]
    else:
        failing = [r for r in results if r.status != Status.PASSED]
    raise SystemExit(1 if failing else 0)


def check_document(results: list[CaseResult]) -> dict:
    """The saved / --json form: a summary and one entry per case, changed cases first."""
    ordered = sorted(results, key=lambda r: (r.status == Status.PASSED, r.case.name))
    return {"schema": CHECK_FILE_SCHEMA, "summary": dict(summary_counts(results)),
            "cases": [r.to_dict() for r in ordered]}


def summary_counts(results: list[CaseResult]) -> Counter:
    counts = Counter({Status.PASSED: 0, Status.CHANGED: 0, Status.PROBES_FAILED: 0, Status.NEW: 0})
    counts.update(r.status for r in results)
    counts["probes_failed_total"] = sum(1 for r in results if r.probe_failures)
    return counts


def check_text(results: list[CaseResult]) -> str:
    """A readable report: what changed in each case that did not pass, then the summary line."""
    parts = []
    for result in results:
        if result.status == Status.PASSED:
            continue
        lines = [f"{STATUS_LABELS[result.status]}  {result.case.name}"]
        if result.status == Status.NEW:
            lines.append("  no expected.json yet: review the output, then run with --update")
        lines += ["  " + change for change in result.changes]
        lines += [f"  probe {failure}" for failure in result.probe_failures]
        parts.append("\n".join(lines))
    counts = summary_counts(results)
    parts.append(f"{len(results)} cases: {counts[Status.PASSED]} passed, {counts[Status.CHANGED]} changed, "
                 f"{counts['probes_failed_total']} failed probes, {counts[Status.NEW]} new")
    return "\n\n".join(parts)


@click.command("report")
@click.argument("outdir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.html"),
              show_default=True, help="The HTML file to write.")
@click.option("--check", "check_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Results saved by `cleaner check --save`: changed cases are shown first, before and after.")
@click.option("--inputs", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Where the inputs are, when the records' source paths are relative to another directory.")
def report_command(outdir: Path, output: Path, check_file: Path | None, inputs: Path | None) -> None:
    """Write one static HTML page reviewing the records in OUTDIR: kept text, removed chrome and its rules."""
    from cleaner.report import build_report

    try:
        page, stats = build_report(outdir, check_file=check_file, inputs=inputs)
    except CleanerError as exc:
        raise click.ClickException(str(exc)) from None
    atomic_write_text(output, page)
    click.echo(f"{output}: {stats.documents} documents, {stats.errors} errors, {stats.changed} changed cases", err=True)


@click.group("rules")
def rules_group() -> None:
    """Inspect rule files: `lint` checks patterns, ids, and that every rule fires on a golden case."""


@rules_group.command("lint")
@click.argument("rule_files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--fixtures", "fixture_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Golden cases to clean: every rule must fire on at least one of them. Repeatable. "
                   "[default: ./fixtures when it exists and no RULE_FILE is given]")
def lint_command(rule_files: tuple[Path, ...], fixture_dirs: tuple[Path, ...]) -> None:
    """Check rule files (the packaged ones by default): patterns, unique ids, and that every rule fires."""
    from cleaner.rules.lint import lint_rules

    if not fixture_dirs and not rule_files and Path("fixtures").is_dir():
        fixture_dirs = (Path("fixtures"),)
    report = lint_rules(rule_files, fixture_dirs)
    click.echo(report.text())
    raise SystemExit(0 if report.ok else 1)
