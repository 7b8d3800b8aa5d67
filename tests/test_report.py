"""`cleaner report`: the page's data, its escaping, and the page as real headless Chromium renders it."""

from __future__ import annotations

import json
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

import cleaner

from cleaner.cli.check import check_command, report_command
from cleaner.cli.clean import clean_command
from cleaner.report import build_report, ordered_items, script_json
from tests.conftest import FIXTURES, SEEDS

DW_SEED = SEEDS / "000_3fbdafa27ab83beb.txt"
HTML_PAGE = FIXTURES / "kabarislamia" / "jangan-membenci" / "input.html.gz"
HOSTILE = ("Minister resigns over </script><script>alert('x')</script> budget row\n\n"
           "The minister said on Tuesday that <img src=x onerror=alert(1)> was not the reason, and that talks "
           "with the coalition partners would go on next week as planned.\n\nShare on Facebook\n")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run")
# Distinct byte values in a screenshot's decompressed pixel rows: a blank page gives a handful.
MIN_DISTINCT_PIXEL_BYTES = 32


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    """A cleaned run (a DW seed, a page with markup in its text, an error) plus a check with one changed case."""
    root = tmp_path_factory.mktemp("report")
    inputs = root / "in"
    inputs.mkdir()
    shutil.copy(DW_SEED, inputs / "dw.txt")
    (inputs / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    shutil.copy(HTML_PAGE, inputs / "blog.html.gz")
    fixtures = root / "fx"
    shutil.copytree(FIXTURES / "dw" / "seed-kerry-moscow", fixtures / "dw" / "seed-kerry-moscow")
    expected = fixtures / "dw" / "seed-kerry-moscow" / "expected.json"
    data = json.loads(expected.read_text(encoding="utf-8"))
    data["title"] = "An older headline"
    expected.write_text(json.dumps(data), encoding="utf-8")

    @click.group()
    def group() -> None:
        """Test group."""

    for command in (clean_command, check_command, report_command):
        group.add_command(command)
    runner = CliRunner()
    runner.invoke(group, ["clean", str(inputs), "-o", str(root / "out")])
    runner.invoke(group, ["check", str(fixtures), "--save", str(root / "check.json")])
    result = runner.invoke(group, ["report", str(root / "out"), "-o", str(root / "report.html"),
                                   "--check", str(root / "check.json")])
    assert result.exit_code == 0, result.output
    return root


def chromium(*args: str, profile: Path) -> subprocess.CompletedProcess:
    binary = shutil.which("chromium")
    if binary is None:
        pytest.fail("chromium is not installed: the report is tested in headless Chromium "
                    "(Debian: apt-get install -y chromium; .ci/run installs it)")
    return subprocess.run([binary, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def dom(run):
    done = chromium("--dump-dom", (run / "report.html").as_uri(), profile=run / "profile")
    assert done.returncode == 0, done.stderr[-2000:]
    return lxml_html.fromstring(done.stdout)


def test_page_rendered_every_document(dom):
    assert dom.get("data-rendered") == "true"
    ids = dom.xpath("//section[@class='doc']/@data-doc-id")
    assert sorted(ids) == ["blog", "dw", "hostile"]


def test_removed_block_is_struck_through_with_rule_id_and_concept(dom):
    [menu] = dom.xpath("//section[@data-doc-id='dw']//p[@class='removed' and .//del[text()='1. Inhalt']]")
    assert menu.get("data-rule") == "dw.navigation.skip_links"
    assert "dw.navigation.skip_links" in menu.get("title")
    assert menu.xpath("string(span[contains(@class,'concept')])") == "navigation"


def test_removed_blocks_are_in_place_between_kept_paragraphs(dom):
    body = dom.xpath("//section[@data-doc-id='dw']//div[@class='body']/p")
    states = [(p.get("class"), p.get("data-rule")) for p in body]
    teaser = states.index(("removed", "generic.video_teaser.duration"))
    assert states[teaser - 1][0] == "kept" and any(s[0] == "kept" for s in states[teaser + 1 :])
    assert dom.xpath("//section[@data-doc-id='dw']/@data-placed") == ["true"]


def test_markup_in_pages_is_shown_as_text_never_run(dom):
    assert len(dom.xpath("//script")) == 2  # the page's data and its own script
    assert not dom.xpath("//img")
    texts = " ".join(dom.xpath("//section[@data-doc-id='hostile']//text()"))
    assert "<script>alert('x')</script>" in texts and "<img src=x onerror=alert(1)>" in texts


def test_changed_case_comes_first_with_before_and_after(dom):
    sections = dom.xpath("//main/section")
    assert sections[0].get("data-case") == "dw/seed-kerry-moscow"
    assert "title changed from 'An older headline'" in sections[0].xpath("string(.//pre)")
    assert sections[0].xpath(".//div[@data-side='before']") and sections[0].xpath(".//div[@data-side='after']")


def test_rule_summary_and_errors_are_listed(dom):
    rules = dom.xpath("//table[@id='rules']//tr/@data-rule")
    assert "dw.navigation.skip_links" in rules and "generic.share.line" in rules
    [error] = dom.xpath("//table[@id='errors']//tr[@class='error']")
    assert error.xpath("string(td[1])").endswith("empty.txt") and error.xpath("string(td[2])") == "empty input"


def test_screenshot_is_not_blank(run):
    shot = run / "shot.png"
    done = chromium(f"--screenshot={shot}", "--window-size=1280,2000", (run / "report.html").as_uri(),
                    profile=run / "profile")
    assert done.returncode == 0 and shot.exists(), done.stderr[-2000:]
    width, height, pixels = read_png(shot.read_bytes())
    assert (width, height) == (1280, 2000)
    assert len(set(pixels)) >= MIN_DISTINCT_PIXEL_BYTES, "the screenshot is (nearly) one colour"


def read_png(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and the decompressed (still filtered) pixel rows of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, size = 8, b"", (0, 0)
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            size = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    return size[0], size[1], zlib.decompress(idat)


def test_script_json_cannot_close_the_script_element():
    text = script_json({"t": "</script><!-- & \u2028"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


def test_without_the_input_a_text_record_lists_removed_after_the_text():
    record = {"source": {"format": "text", "path": "gone.txt", "sha256": "0"},
              "blocks": [{"kind": "paragraph", "text": "Body."}],
              "removed": [{"text": "Home", "position": 1, "rule": "r", "concept": "navigation"}]}
    items, placed = ordered_items(record, None)
    assert not placed and [i["state"] for i in items] == ["kept", "removed"]


def test_html_records_are_placed_by_block_index():
    record = {"source": {"format": "html"},
              "blocks": [{"kind": "paragraph", "text": "A"}, {"kind": "paragraph", "text": "B"}],
              "removed": [{"text": "Menu", "position": 0, "rule": "r", "concept": "navigation"},
                          {"text": "Ad", "position": 2, "rule": "s", "concept": "advertising"}]}
    items, placed = ordered_items(record, None)
    assert placed and [i["text"] for i in items] == ["Menu", "A", "Ad", "B"]


def test_files_that_are_not_records_are_listed_as_errors(tmp_path):
    (tmp_path / "junk.json").write_text("{not json")
    page, stats = build_report(tmp_path)
    assert stats.documents == 0 and stats.errors == 1 and "not a readable record" in page


def test_inputs_dir_finds_a_text_input_by_relative_path(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "dw.txt").write_bytes(DW_SEED.read_bytes())
    outdir = tmp_path / "out"
    outdir.mkdir()
    record = cleaner.clean(DW_SEED.read_bytes()).to_dict()
    record["source"]["path"] = "dw.txt"  # relative to a directory the report is not run from
    (outdir / "dw.json").write_text(json.dumps(record), encoding="utf-8")
    without, _ = build_report(outdir)
    found, _ = build_report(outdir, inputs=tmp_path / "in")
    assert '"placed": false' in without and '"placed": true' in found


def test_index_links_every_document(dom):
    links = dom.xpath("//table[@id='index']//a/@href")
    assert sorted(links) == ["#doc-blog", "#doc-dw", "#doc-hostile"]
    assert dom.xpath("//section[@id='doc-dw']")


def test_html_record_with_unaccounted_blocks_is_not_placed():
    record = {"source": {"format": "html"}, "blocks": [{"kind": "paragraph", "text": "A"}],
              "removed": [{"text": "Menu", "position": 5, "rule": "r", "concept": "navigation"}]}
    items, placed = ordered_items(record, None)
    assert not placed and [i["text"] for i in items] == ["A", "Menu"]


def test_html_page_is_shown_with_its_chrome_in_place(dom):
    [section] = dom.xpath("//section[@data-doc-id='blog']")
    assert section.get("data-placed") == "true"
    body = section.xpath(".//div[@class='body']/p")
    states = [p.get("class") for p in body]
    assert states[0] == "removed" and states[-1] == "removed" and "kept" in states
    assert section.xpath(".//p[@class='removed' and @data-rule='structure.outside_main']")
