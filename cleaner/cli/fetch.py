"""`cleaner fetch` (pages into a WARC archive) and `cleaner scrape` (fetch and clean in one go)."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO

import click

from cleaner.cli.clean import summary_table
from cleaner.errors import InputError
from cleaner.fetch import FetchOptions, Listing, crawl
from cleaner.fetch.scrape import WARC_NAME, scrape
from cleaner.model import Record

DEFAULTS = FetchOptions()
DUPLICATE = "same page as another URL"
# Outcomes that are not failures: the exit status stays 0 when only these and successes occur.
SUCCESS_KEYS = ("already in the archive", "already done", DUPLICATE)


def source_options(command: Callable) -> Callable:
    """The inputs and the politeness options shared by fetch and scrape."""
    options = [
        click.argument("urls", nargs=-1),
        click.option("--urls", "url_file", type=click.File("r", encoding="utf-8"),
                     help="File with one URL a line (`-` for stdin; blank lines and # comments skipped)."),
        click.option("--feed", "feeds", multiple=True, metavar="URL",
                     help="RSS, Atom or JSON Feed whose entries are fetched; repeatable."),
        click.option("--sitemap", "sitemaps", multiple=True, metavar="URL",
                     help="Sitemap, sitemap index or Google News sitemap whose URLs are fetched; repeatable."),
        click.option("--delay", type=click.FloatRange(min=0), default=DEFAULTS.delay, show_default=True,
                     help="Seconds between requests to one host (robots.txt Crawl-delay may raise it)."),
        click.option("--concurrency", type=click.IntRange(min=1), default=DEFAULTS.concurrency, show_default=True,
                     help="Requests in flight at once, over all hosts."),
        click.option("--timeout", type=click.FloatRange(min=0.01), default=DEFAULTS.timeout, show_default=True,
                     help="Connect and read timeout of a request, in seconds."),
        click.option("--retries", type=click.IntRange(min=0), default=DEFAULTS.retries, show_default=True,
                     help="Extra tries after 429/5xx answers and network failures (exponential backoff, Retry-After honoured)."),
        click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULTS.max_bytes, show_default=True,
                     help="Largest response body; larger downloads are aborted."),
        click.option("--max-redirects", type=click.IntRange(min=0), default=DEFAULTS.max_redirects, show_default=True,
                     help="Redirect hops followed from one URL."),
        click.option("--max-urls", type=click.IntRange(min=1), default=None,
                     help="Fetch at most this many pages."),
        click.option("--contact", metavar="EMAIL|URL",
                     help="Contact put in the User-Agent, e.g. `cleaner/0.1 (+mailto:you@example.org)`."),
        click.option("--allow-private", is_flag=True,
                     help="Allow hosts that resolve to loopback, private or link-local addresses."),
    ]
    return functools.reduce(lambda cmd, option: option(cmd), reversed(options), command)


def _inputs(urls: tuple[str, ...], url_file: IO[str] | None, feeds: tuple[str, ...],
            sitemaps: tuple[str, ...]) -> list[str | Listing]:
    listed = [line.strip() for line in url_file] if url_file else []
    pages = list(urls) + [line for line in listed if line and not line.startswith("#")]
    inputs: list[str | Listing] = [Listing(url) for url in feeds + sitemaps]
    if not pages and not inputs:
        raise click.UsageError("give URLs, --urls FILE, --feed URL or --sitemap URL")
    return inputs + pages


@click.command("fetch")
@source_options
@click.option("-o", "--output", "warc", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="WARC archive (gzip) to write; an existing one is appended to and its URLs are skipped.")
def fetch_command(urls, url_file, feeds, sitemaps, warc: Path, **politeness) -> None:
    """Download pages politely into a WARC archive (request and response records)."""
    inputs = _inputs(urls, url_file, feeds, sitemaps)
    counts: Counter = Counter()
    try:
        for result in crawl(inputs, warc, FetchOptions(**politeness)):
            if result.resumed:
                counts["already in the archive"] += 1
            elif result.duplicate:
                counts[DUPLICATE] += 1
            elif result.error:
                counts[result.error] += 1
                click.echo(f"{result.input}: {result.error}", err=True)
            else:
                counts["fetched"] += 1
    except InputError as err:
        raise click.ClickException(str(err)) from None
    click.echo(_summary(counts, "fetched"), err=True)
    raise SystemExit(1 if _failures(counts, "fetched") else 0)


@click.command("scrape")
@source_options
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False, path_type=Path),
              help=f"Directory for <id>.json records, errors.jsonl and the archive {WARC_NAME}.")
def scrape_command(urls, url_file, feeds, sitemaps, outdir: Path, **politeness) -> None:
    """Fetch pages and clean them: OUTDIR/<id>.json per page, the WARC kept beside them."""
    inputs = _inputs(urls, url_file, feeds, sitemaps)
    counts: Counter = Counter()
    try:
        for result, outcome in scrape(inputs, outdir, FetchOptions(**politeness)):
            if result.duplicate:
                counts[DUPLICATE] += 1
            elif outcome is None:
                counts["already done"] += 1
            elif isinstance(outcome, Record):
                counts["written"] += 1
            else:
                counts[outcome.reason] += 1
                click.echo(f"{result.input}: {outcome.reason}", err=True)
    except InputError as err:
        raise click.ClickException(str(err)) from None
    click.echo(_summary(counts, "written"), err=True)
    raise SystemExit(1 if _failures(counts, "written") else 0)


def _failures(counts: Counter, done_key: str) -> int:
    return sum(n for key, n in counts.items() if key != done_key and key not in SUCCESS_KEYS)


def _summary(counts: Counter, done_key: str) -> str:
    """The clean command's table, with the done and skipped counts first."""
    skipped = {key: counts[key] for key in SUCCESS_KEYS if counts[key]}
    errors = Counter({key: n for key, n in counts.items() if key != done_key and key not in SUCCESS_KEYS})
    table = summary_table(Counter({"written": counts[done_key]}) + errors).replace("written", done_key, 1)
    lines = [f"{n:>8}  {key}" for key, n in skipped.items()]
    return "\n".join([*lines, table])
