"""`cleaner check`: readable change descriptions, --update, --case, --json, --save; and the comparison helpers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from cleaner.cli.check import check_command, report_command, rules_group
from cleaner.fixtures import describe_block_changes, describe_changes, describe_removed_changes, find_cases
from tests.conftest import FIXTURES, ROOT

DW_CASE = "dw/seed-kerry-moscow"


@pytest.fixture
def cli():
    @click.group()
    def group() -> None:
        """Test group."""

    group.add_command(check_command)
    runner = CliRunner()
    return lambda *args: runner.invoke(group, ["check", *map(str, args)])


@pytest.fixture
def fixture_copy(tmp_path) -> Path:
    root = tmp_path / "fx"
    for name in ("seed-kerry-moscow", "english-menu-variant"):
        shutil.copytree(FIXTURES / "dw" / name, root / "dw" / name)
    return root


def edit_expected(case_dir: Path, change) -> None:
    path = case_dir / "expected.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def test_unchanged_cases_pass(cli, fixture_copy):
    result = cli(fixture_copy)
    assert result.exit_code == 0, result.output
    assert f"{len(list(find_cases(fixture_copy)))} cases: " in result.output and " 0 changed" in result.output


def test_changed_title_and_paragraph_are_described_and_exit_nonzero(cli, fixture_copy):
    def change(data):
        data["title"] = "An older headline"
        data["blocks"][6]["text"] = "An older paragraph."

    edit_expected(fixture_copy / DW_CASE, change)
    result = cli(fixture_copy)
    assert result.exit_code == 1
    assert f"CHANGED  {DW_CASE}" in result.output
    assert "title changed from 'An older headline' to 'Kerry in Moscow to bridge differences over Syria'" in result.output
    assert "paragraph 7 changed:\n    - 'An older paragraph.'\n    + 'The role of Syrian President" in result.output
    assert "1 changed" in result.output.splitlines()[-1]


def test_update_rewrites_expectations_then_check_passes(cli, fixture_copy):
    edit_expected(fixture_copy / DW_CASE, lambda d: d.update(title="stale"))
    (fixture_copy / "dw" / "english-menu-variant" / "expected.json").unlink()
    assert cli(fixture_copy, "--update").exit_code == 0
    assert json.loads((fixture_copy / DW_CASE / "expected.json").read_text())["title"].startswith("Kerry in Moscow")
    assert (fixture_copy / "dw" / "english-menu-variant" / "expected.json").exists()
    assert cli(fixture_copy).exit_code == 0


def test_missing_expectation_is_reported_as_new(cli, fixture_copy):
    (fixture_copy / DW_CASE / "expected.json").unlink()
    result = cli(fixture_copy)
    assert result.exit_code == 1 and f"NEW  {DW_CASE}" in result.output and "1 new" in result.output


def test_failed_probe_fails_even_with_update(cli, fixture_copy):
    probes = {"must_contain": ["Kerry"], "must_not_contain": ["Watch video", "Sergei Lavrov"]}
    (fixture_copy / DW_CASE / "probes.json").write_text(json.dumps(probes))
    result = cli(fixture_copy, "--update")
    assert result.exit_code == 1
    assert "probe leaked: 'Sergei Lavrov'" in result.output and "1 failed probes" in result.output


def test_case_glob_narrows_and_json_and_save(cli, fixture_copy, tmp_path):
    edit_expected(fixture_copy / DW_CASE, lambda d: d.update(date="1999-01-01"))
    save = tmp_path / "check.json"
    result = cli(fixture_copy, "--case", "*kerry*", "--json", "--save", save)
    data = json.loads(result.output)
    assert data["summary"]["changed"] == 1 and len(data["cases"]) == 1
    [case] = json.loads(save.read_text())["cases"]
    assert case["name"] == DW_CASE and case["changed_fields"] == ["date"]
    assert case["expected"]["date"] == "1999-01-01" and case["actual"]["date"] == "2015-12-15"


def test_no_cases_found_is_an_error(cli, tmp_path):
    result = cli(tmp_path)
    assert result.exit_code == 1 and "no cases" in result.output


def test_a_case_folder_itself_can_be_given(cli):
    result = cli(FIXTURES / DW_CASE)
    assert result.exit_code == 0 and "1 cases: 1 passed" in result.output


def test_block_changes_name_leaked_and_lost_blocks():
    before = [{"kind": "paragraph", "text": t} for t in ("one", "two", "three")]
    after = [{"kind": "paragraph", "text": t} for t in ("one", "three", "menu", "share")]
    lines = describe_block_changes(before, after)
    assert "1 block lost from block 2:\n    - [paragraph] 'two'" in lines
    assert "2 new blocks leaked at block 3:\n    + [paragraph] 'menu'\n    + [paragraph] 'share'" in lines


def test_kind_change_is_named():
    [line] = describe_block_changes([{"kind": "paragraph", "text": "Focus"}], [{"kind": "heading", "text": "Focus"}])
    assert line == "block 1 changed kind from paragraph to heading: 'Focus'"


def test_removed_changes_say_which_rules_stopped_or_started_firing():
    before = [{"rule": "a.nav", "text": "Home", "position": 1}, {"rule": "a.share", "text": "Share", "position": 9}]
    after = [{"rule": "a.nav", "text": "Home", "position": 1}, {"rule": "b.ad", "text": "Anzeige", "position": 4}]
    lines = describe_removed_changes(before, after)
    assert "rule a.share no longer fires (removed 1 block before)" in lines
    assert "rule b.ad now fires (removes 1 block)" in lines
    assert "now removed by b.ad: 'Anzeige'" in lines


def test_error_outcome_change_is_described():
    lines = describe_changes({"error": {"reason": "empty input"}}, {"title": "x"})
    assert lines == ["outcome changed from error 'empty input' to a record"]


@pytest.mark.parametrize("command, usage", [(check_command, "cleaner check"), (report_command, "cleaner report"),
                                            (rules_group, "cleaner rules lint")])
def test_commands_have_help_and_are_in_the_readme(command, usage):
    assert command.help and len(command.help) > 20
    assert f"`{usage} " in (ROOT / "README.md").read_text(encoding="utf-8")


def test_long_lists_of_removed_changes_are_cut():
    after = [{"rule": "a.nav", "text": f"link {i}", "position": i} for i in range(50)]
    lines = describe_removed_changes([], after)
    assert lines[0] == "rule a.nav now fires (removes 50 blocks)"
    assert lines[-1] == "… and 30 more removed blocks changed" and len(lines) == 22
