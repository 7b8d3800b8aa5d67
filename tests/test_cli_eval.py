"""`cleaner eval` on a tiny hand-made set, with a stand-in pipeline of known output."""

from __future__ import annotations

import json
import re

import pytest
from bench_fixtures import install_fake_pipeline, make_set
from click.testing import CliRunner

from cleaner.cli.eval import eval_command, extractor_names


@pytest.fixture
def set_dir(tmp_path, monkeypatch):
    install_fake_pipeline(monkeypatch)
    return make_set(tmp_path)


def _figure(output: str, label: str, column: int = 0) -> str:
    line = next(line for line in output.splitlines() if line.startswith(label))
    return line[len(label) :].split()[column]


def _invoke(*args: str):
    result = CliRunner().invoke(eval_command, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_table_shows_the_figures_of_the_pipeline(set_dir):
    # p1 perfect; p2 recall 1/3; p3 rejected (no precision, recall 0): P 1, R 4/9, F1 8/13
    output = _invoke(set_dir)
    assert _figure(output, "body F1") == "0.615"
    assert _figure(output, "body precision") == "1.000"
    assert _figure(output, "body recall") == "0.444"
    assert _figure(output, "body accuracy") == "0.333"
    assert _figure(output, "title exact") == "0.333"
    assert _figure(output, "date recall") == "0.500"
    assert _figure(output, "dates on 1 no-date pages") == "1"
    assert _figure(output, "authors F1") == "0.500"
    assert _figure(output, "with snippets found") == "0.667"
    assert _figure(output, "errors / rejections") == "1"
    assert "cleaner: 1 x rejected: classify: no article found" in output.splitlines()
    assert re.search(r"^docs/s\s+\d+\.\d$", output, re.MULTILINE)


def test_worst_pages_list_ids_and_urls_worst_first(set_dir):
    output = _invoke(set_dir, "--worst", "2")
    worst = output.split("worst 2 pages by body F1 (cleaner)")[1].strip().splitlines()[1:]
    assert [line.split()[-2:] for line in worst] == [
        ["p3", "https://example.org/p3"],
        ["p2", "https://example.org/p2"],
    ]
    assert worst[0].split()[:3] == ["0.000", "-", "0.000"]


def test_json_holds_every_figure_and_page(set_dir, tmp_path):
    path = tmp_path / "out.json"
    _invoke(set_dir, "--json", path, "--worst", "0")
    data = json.loads(path.read_text())
    cleaner_run = data["runs"]["cleaner"]
    assert cleaner_run["summary"]["body_f1"] == pytest.approx(8 / 13)
    assert cleaner_run["errors"] == 1
    assert [p["id"] for p in cleaner_run["pages"]] == ["p1", "p2", "p3"]
    assert cleaner_run["pages"][2]["body"] == {"precision": None, "recall": 0.0, "exact": False, "f1": 0.0}
    assert data["source"] == "html"


def test_vs_trafilatura_prints_both_columns_the_difference_and_the_speed_ratio(set_dir):
    output = _invoke(set_dir, "--vs", "trafilatura", "--limit", "2")
    header = output.splitlines()[1].split()
    assert header == ["cleaner", "trafilatura", "diff"]
    cleaner_f1, other_f1, diff = (float(_figure(output, "body F1", i)) for i in range(3))
    assert diff == pytest.approx(cleaner_f1 - other_f1, abs=0.0015)
    assert re.search(r"^speed cleaner/trafilatura\s+x\d+\.\d\d$", output, re.MULTILINE)


def test_text_dumps_with_vs_add_the_dump_itself_as_a_baseline(set_dir):
    output = _invoke(set_dir, "--text", "inscriptis", "--vs", "trafilatura", "--worst", "0")
    assert "(text/inscriptis)" in output.splitlines()[0]
    assert output.splitlines()[1].split() == ["cleaner", "trafilatura", "dump", "diff"]
    assert _figure(output, "body recall", 2) == "1.000"


def test_extractor_names_put_cleaner_first():
    assert extractor_names((), None) == ["cleaner"]
    assert extractor_names(("trafilatura",), "html2text") == ["cleaner", "trafilatura", "dump"]


def test_unknown_renderer_is_a_clean_error(set_dir):
    result = CliRunner().invoke(eval_command, [str(set_dir), "--text", "lynx"])
    assert result.exit_code == 1
    assert "no text dumps by 'lynx'" in result.output


def test_command_is_named_eval_and_has_help():
    assert eval_command.name == "eval"
    assert "benchmark set" in CliRunner().invoke(eval_command, ["--help"]).output
