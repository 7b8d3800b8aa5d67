import json

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from cleaner.cli.fetch import fetch_command, scrape_command
from cleaner.fetch.scrape import WARC_NAME, page_id
from cleaner.model import ErrorRecord, Stage

pytest_plugins = ["fetch_conftest"]

FAST = ["--allow-private", "--delay", "0", "--timeout", "0.5", "--retries", "0"]


def response_uris(path):
    with open(path, "rb") as fh:
        return [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh) if r.rec_type == "response"]


def test_fetch_writes_the_archive_and_exits_0_when_every_url_is_fetched(site, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    result = CliRunner().invoke(fetch_command, [*FAST, site.url("/a"), site.url("/image.png"), "-o", str(warc)])
    assert result.exit_code == 0, result.output
    assert "2  fetched" in result.output
    assert sorted(response_uris(warc)) == [site.url("/a"), site.url("/image.png")]


def test_fetch_reports_failures_and_exits_1(site, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    result = CliRunner().invoke(fetch_command, [*FAST, site.url("/missing"), site.url("/b"), "-o", str(warc)])
    assert result.exit_code == 1
    assert f"{site.url('/missing')}: HTTP 404 Not Found" in result.output
    assert "1  fetched" in result.output


def test_fetch_reads_urls_from_a_file_and_listings_from_options(site, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's pages\n{site.url('/a')}\n\n{site.url('/b')}\n")
    warc = tmp_path / "crawl.warc.gz"
    args = [*FAST, "--urls", str(listing), "--feed", site.url("/feed.json"), "--sitemap", site.url("/sitemap-news.xml")]
    result = CliRunner().invoke(fetch_command, [*args, "-o", str(warc)])
    assert result.exit_code == 0, result.output
    assert sorted(response_uris(warc)) == sorted(site.url(p) for p in ("/a", "/b", "/c", "/news/1"))


def test_second_fetch_run_skips_what_the_archive_has(site, tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    CliRunner().invoke(fetch_command, [*FAST, site.url("/a"), "-o", str(warc)])
    result = CliRunner().invoke(fetch_command, [*FAST, site.url("/a"), "-o", str(warc)])
    assert result.exit_code == 0
    assert "1  already in the archive" in result.output
    assert site.paths().count("/a") == 1


def test_contact_goes_into_the_user_agent(site, tmp_path):
    args = [*FAST, "--contact", "ops@example.org", site.url("/a"), "-o", str(tmp_path / "c.warc.gz")]
    assert CliRunner().invoke(fetch_command, args).exit_code == 0
    assert all(agent.endswith("(+mailto:ops@example.org)") for _, _, agent in site.requests)


def test_private_addresses_are_refused_by_default(site, tmp_path):
    result = CliRunner().invoke(fetch_command, [site.url("/a"), "-o", str(tmp_path / "c.warc.gz")])
    assert result.exit_code == 1
    assert "refusing private address 127.0.0.1" in result.output
    assert site.paths() == []


def test_no_source_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(fetch_command, ["-o", str(tmp_path / "c.warc.gz")])
    assert result.exit_code == 2
    assert "give URLs" in result.output


def test_an_output_that_is_not_a_warc_is_refused_untouched(site, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me\n")
    result = CliRunner().invoke(fetch_command, [*FAST, site.url("/a"), "-o", str(notes)])
    assert result.exit_code == 1
    assert "not a gzip-compressed WARC" in result.output
    assert notes.read_text() == "keep me\n"


def test_scrape_cleans_with_the_pipeline_and_keeps_the_archive(site, tmp_path, monkeypatch):
    seen = []

    def fake_pipeline(raw):
        seen.append(raw.url)
        return ErrorRecord(input=raw.id, reason="no article found", stage=Stage.CLASSIFY)

    monkeypatch.setattr("cleaner.pipeline.clean_document", fake_pipeline)
    outdir = tmp_path / "out"
    result = CliRunner().invoke(scrape_command, [*FAST, site.url("/a"), site.url("/image.png"), "-o", str(outdir)])
    assert result.exit_code == 1
    assert seen == [site.url("/a")]
    errors = [json.loads(line) for line in (outdir / "errors.jsonl").read_text().splitlines()]
    assert sorted((e["input"], e["reason"]) for e in errors) == [
        (site.url("/a"), "no article found"), (site.url("/image.png"), "not an HTML page (image/png)")]
    assert (outdir / WARC_NAME).exists()
    assert not (outdir / f"{page_id(site.url('/a'))}.json").exists()


@pytest.mark.parametrize("command", [fetch_command, scrape_command])
def test_every_option_has_help(command):
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{command.name} {param.opts[0]} has no help text"
    assert command.help
