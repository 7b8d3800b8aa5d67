"""`cleaner rules lint`: load errors, ids defined twice, rules that fire on no golden case."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
from click.testing import CliRunner

import cleaner
from cleaner.classify import STRUCTURE_RULES
from cleaner.cli.check import rules_group
from cleaner.rules.lint import lint_rules
from cleaner.rules.loader import packaged_rule_paths
from tests.conftest import FIXTURES

BYLINE_PAGE = ("Harbour strike ends after nine days | Example News\n\nHarbour strike ends after nine days\n\n"
               "By Jane Doe\n\nDock workers in the port returned to work on Monday after unions and employers "
               "agreed on a new wage deal.\n")

SITE_RULES = """
[layout]
id = "example"
site = "Example News"
hosts = ["news.example"]
detect = ['^Example News -']

[navigation]
[[navigation.rule]]
id = "example.navigation.topbar"
pattern = 'World Politics Business Sport'

[[navigation.rule]]
id = "example.navigation.never_seen"
pattern = 'A line no page prints'
"""
ARTICLE = ("Example News - Harbour strike ends after nine days\n\nWorld Politics Business Sport\n\n"
           "Harbour strike ends after nine days\n\n"
           "Dock workers in the port returned to work on Monday after unions and employers agreed on a new wage deal.\n\n"
           "The strike had held up hundreds of containers and cost exporters millions, the chamber of commerce said.\n")


def invoke(*args: str):
    @click.group()
    def group() -> None:
        """Test group."""

    group.add_command(rules_group)
    return CliRunner().invoke(group, ["rules", "lint", *map(str, args)])


def site_setup(tmp_path: Path) -> tuple[Path, Path]:
    rules = tmp_path / "example.toml"
    rules.write_text(SITE_RULES, encoding="utf-8")
    case = tmp_path / "fx" / "example" / "harbour-strike"
    case.mkdir(parents=True)
    (case / "input.txt").write_text(ARTICLE, encoding="utf-8")
    return rules, tmp_path / "fx"


def test_packaged_rules_all_fire_on_our_fixtures():
    report = lint_rules(fixture_dirs=[FIXTURES])
    assert not report.problems
    assert not report.unused, f"rules no fixture exercises: {sorted(report.unused)}"
    assert len(report.files) == sum(len(p) for p in packaged_rule_paths())


def test_byline_is_kept_as_printed_with_its_people_read_out():
    record = cleaner.clean(BYLINE_PAGE)
    assert record.fields.authors == ("Jane Doe",)
    assert record.fields.byline == "By Jane Doe"


def test_cli_lists_unused_site_rule_and_exits_nonzero(tmp_path):
    rules, fixtures = site_setup(tmp_path)
    result = invoke(rules, "--fixtures", fixtures)
    assert result.exit_code == 1
    assert "unused: example.navigation.never_seen" in result.output
    assert "unused: example.navigation.topbar" not in result.output
    for structural in STRUCTURE_RULES:
        assert structural in result.output


def test_duplicate_ids_across_files_are_errors(tmp_path):
    rules, _ = site_setup(tmp_path)
    copy = tmp_path / "copy.toml"
    shutil.copy(rules, copy)
    result = invoke(rules, copy)
    assert result.exit_code == 1 and "rule id example.navigation.topbar is defined 2 times" in result.output


def test_broken_file_is_reported_by_the_loader_with_its_rule(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[share]\n[[share.rule]]\nid = "bad.share.all"\npattern = ".*"\n', encoding="utf-8")
    result = invoke(bad)
    assert result.exit_code == 1 and "rule bad.share.all: pattern matches everything" in result.output


def test_without_fixtures_only_static_checks_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke()
    assert result.exit_code == 0 and "not checked whether every rule fires" in result.output


def test_fixtures_folder_of_the_working_directory_is_the_default(monkeypatch):
    monkeypatch.chdir(FIXTURES.parent)
    result = invoke()
    assert result.exit_code == 0 and "fired on" in result.output


def test_an_id_no_file_defines_is_reported():
    from cleaner.rules.lint import LintReport

    report = LintReport(files=("a.toml",), problems=(), rule_ids=("a.nav.x",), fired=(("a.nav.x", 2), ("unknown", 1)),
                        cases=1, undefined=("unknown",))
    assert not report.ok and "undefined: unknown removed blocks but no rule file defines it" in report.text()
