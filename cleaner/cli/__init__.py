"""The `cleaner` command line: a click group; each subcommand lives in its own module."""

from __future__ import annotations

import click

from cleaner.cli.check import check_command, report_command, rules_group
from cleaner.cli.clean import clean_command, explain_command
from cleaner.cli.eval import eval_command
from cleaner.cli.fetch import fetch_command, scrape_command
from cleaner.cli.learn import learn_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cleaner")
def main() -> None:
    """Turn scraped news pages (HTML or text dumps) into clean JSON records."""


main.add_command(clean_command)
main.add_command(explain_command)
main.add_command(eval_command)
main.add_command(fetch_command)
main.add_command(scrape_command)
main.add_command(learn_command)
main.add_command(check_command)
main.add_command(report_command)
main.add_command(rules_group)
