"""`cleaner clean` / `cleaner explain` through click's CliRunner, bad inputs included."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from cleaner.cli import main
from tests.conftest import SEEDS

DW_SEED = SEEDS / "000_3fbdafa27ab83beb.txt"


@pytest.fixture
def runner():
    return CliRunner()


def records(outdir: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in outdir.glob("*.json")}


def errors(outdir: Path) -> list[dict]:
    path = outdir / "errors.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_clean_seed_directory(runner, tmp_path, valid):
    result = runner.invoke(main, ["clean", str(SEEDS), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = records(tmp_path / "out")
    assert set(out) == {"000_3fbdafa27ab83beb", "003_6618c4effffb78b3"}
    for record in out.values():
        valid(record)
    assert out["000_3fbdafa27ab83beb"]["source"]["format"] == "text"
    assert "2 " in result.output.splitlines()[0] or "written" in result.output
    assert not list((tmp_path / "out").glob(".*.tmp"))


def test_record_file_is_pretty_utf8_in_schema_order(runner, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("Zürich talks end without a deal\n\n" + "The talks in Zürich ended on Friday without any agreement on the budget. " * 3,
                   encoding="utf-8")
    runner.invoke(main, ["clean", str(src), "-o", str(tmp_path / "out")])
    text = (tmp_path / "out" / "in.json").read_text(encoding="utf-8")
    assert "Zürich" in text and text.startswith('{\n  "schema"')
    assert list(json.loads(text))[:4] == ["schema", "id", "source", "url"]


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty input"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary input (PNG image), not a page"),
        ("random.bin", bytes((i * 7919) % 256 for i in range(4096)), "binary input"),
    ],
)
def test_bad_input_is_an_error_record_and_the_rest_is_written(runner, tmp_path, name, data, reason):
    indir = tmp_path / "in"
    indir.mkdir()
    (indir / name).write_bytes(data)
    shutil.copy(DW_SEED, indir / "dw.txt")
    result = runner.invoke(main, ["clean", str(indir), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert set(records(tmp_path / "out")) == {"dw"}
    [error] = errors(tmp_path / "out")
    assert error["input"].endswith(name) and error["reason"].startswith(reason)
    assert reason in result.output


def test_directory_with_no_documents(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["clean", str(tmp_path / "empty"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert errors(tmp_path / "out")[0]["reason"] == f"no documents found in directory {tmp_path / 'empty'}"


def test_missing_path_is_reported(runner, tmp_path):
    result = runner.invoke(main, ["clean", str(tmp_path / "nope.txt"), str(DW_SEED), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "no such file or directory" in errors(tmp_path / "out")[0]["reason"]
    assert set(records(tmp_path / "out")) == {"000_3fbdafa27ab83beb"}


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16"])
def test_other_encodings_are_decoded_with_a_warning(runner, tmp_path, encoding, valid):
    text = "Élections: la campagne s'achève\n\nLa campagne électorale s'est achevée vendredi soir à Besançon, où les candidats ont tenu leurs derniers meetings."
    (tmp_path / "fr.txt").write_bytes(text.encode(encoding))
    result = runner.invoke(main, ["clean", str(tmp_path / "fr.txt"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    record = valid(records(tmp_path / "out")["fr"])
    assert record["title"] == "Élections: la campagne s'achève"
    assert "Besançon" in record["text"]
    assert any(w.startswith("decoded as") for w in record["warnings"])


def test_stdin_to_stdout(runner, valid):
    result = runner.invoke(main, ["clean", "-"], input=DW_SEED.read_bytes())
    assert result.exit_code == 0
    record = valid(json.loads(result.stdout))
    assert record["title"] == "Kerry in Moscow to bridge differences over Syria"


def test_stdin_error_goes_to_stderr(runner):
    result = runner.invoke(main, ["clean", "-"], input=b"")
    assert result.exit_code == 1
    assert json.loads(result.stderr)["reason"] == "empty input"
    assert result.stdout == ""


def test_clean_without_output_dir_is_a_usage_error(runner):
    result = runner.invoke(main, ["clean", str(DW_SEED)])
    assert result.exit_code == 2 and "-o OUTDIR" in result.output


def test_explain_shows_every_block_with_its_rule(runner):
    result = runner.invoke(main, ["explain", str(DW_SEED)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert any("dw.navigation.skip_links" in line and "1. Inhalt" in line for line in lines)
    assert any("keep" in line and "heading" in line and "Focus on IS" in line for line in lines)
    assert "title: Kerry in Moscow to bridge differences over Syria" in result.output


def test_explain_bad_input_is_a_clear_error(runner, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(main, ["explain", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1 and "empty input" in result.output


def test_extra_rule_file_applies(runner, tmp_path):
    rules = tmp_path / "site.toml"
    rules.write_text('[promo]\n[[promo.rule]]\nid = "site.promo.app"\npattern = "Get our app.*"\n')
    src = tmp_path / "a.txt"
    src.write_text("Storm hits the coast overnight\n\nA storm hit the coast overnight, cutting power to thousands of homes in the region.\n\nGet our app for breaking news\n")
    runner.invoke(main, ["clean", str(src), "--rules", str(rules), "-o", str(tmp_path / "out")])
    record = records(tmp_path / "out")["a"]
    assert "Get our app" not in record["text"]
    assert record["removed"][-1]["rule"] == "site.promo.app"


def test_every_command_has_help_and_is_in_the_readme():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, f"{name} has no help text"
        assert f"cleaner {name}" in readme, f"cleaner {name} is not documented in the README"


def test_a_file_name_that_is_not_utf8_is_cleaned_with_the_others(runner, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    story = b"Ferry fares rise\n\nThe council said on Tuesday that ferry fares would rise by five percent in spring.\n"
    (inputs / "ok.txt").write_bytes(story)
    Path(os.fsdecode(bytes(inputs) + b"/caf\xe9.txt")).write_bytes(story)  # a Latin-1 file name
    result = runner.invoke(main, ["clean", str(inputs), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").glob("*.json"))
    assert names == ["caf\ufffd.json", "ok.json"]
    record = json.loads((tmp_path / "out" / "caf\ufffd.json").read_text(encoding="utf-8"))
    assert record["source"]["path"].endswith("caf\ufffd.txt") and "ferry fares" in record["text"]


def test_an_id_that_is_no_safe_file_name_stays_inside_the_output_directory(runner, tmp_path):
    story = "Ferry fares rise\n\nThe council said on Tuesday that ferry fares would rise by five percent in spring."
    lines = [json.dumps({"id": doc_id, "text": story}) for doc_id in ("../../escape", "a/b", "a_b", ".hidden")]
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "records"
    result = runner.invoke(main, ["clean", "--jsonl", str(tmp_path / "in.jsonl"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.iterdir() if p.suffix == ".json")
    assert len(written) == 4 and "a_b.json" in written and not any(n.startswith(".") for n in written)
    assert sorted(r["id"] for r in records(out).values()) == ["../../escape", ".hidden", "a/b", "a_b"]
    assert not (tmp_path / "escape.json").exists() and not (tmp_path / "out" / "escape.json").exists()
    again = runner.invoke(main, ["clean", "--jsonl", str(tmp_path / "in.jsonl"), "-o", str(out)])
    assert again.exit_code == 0 and "4  unchanged" in again.output
