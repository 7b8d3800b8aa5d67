"""`cleaner learn`: learn a site's chrome from many of its pages into a rule file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import click

from cleaner.learn import group_by_site, read_documents
from cleaner.learn_count import SitePage, SiteProfile, learn_site, slug
from cleaner.learn_output import profile_toml
from cleaner.learn_sites import UNKNOWN_SITE


@click.command("learn")
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path),
              help="PROFILE.toml: one profile from all inputs; a directory: one <site>.toml per site found.")
@click.option("--site", help="Site name of the profile written to PROFILE.toml (default: the one the dumps name).")
def learn_command(inputs: tuple[str, ...], output: Path, site: str | None) -> None:
    """Learn the lines that recur across many pages of a site (menus, footers, teasers) as drop rules.

    Numbers, dates, times and durations are abstracted, so "Watch video 02:49" and "Watch video 00:32"
    make one rule. Use the profile with `cleaner clean --rules PROFILE.toml`. Text dumps are read;
    HTML pages only when an HTML segmenter is installed.
    """
    sites, skipped = group_by_site(read_documents(inputs))
    if skipped:
        click.echo(f"{skipped} HTML documents skipped: no HTML segmenter (cleaner.segment.html) installed", err=True)
    if not sites:
        raise click.ClickException("no pages to learn from")
    if output.suffix == ".toml":
        profiles = {output: _one_profile(sites, site)}
    else:
        output.mkdir(parents=True, exist_ok=True)
        profiles = {output / f"{slug(key)}.toml": learn_site(key, pages) for key, pages in sorted(sites.items())}
    for path, profile in profiles.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(profile_toml(profile), encoding="utf-8")
        click.echo(_summary(profile, path), err=True)


def _one_profile(sites: dict[str, list[SitePage]], name: str | None) -> SiteProfile:
    """All inputs as pages of one site, named by --site or by the site most of them name."""
    pages = [page for site_pages in sites.values() for page in site_pages]
    named = Counter({key: len(p) for key, p in sites.items() if key != UNKNOWN_SITE})
    return learn_site(name or (named.most_common(1)[0][0] if named else UNKNOWN_SITE), pages)


def _summary(profile: SiteProfile, path: Path) -> str:
    return (f"{profile.site}: {profile.pages} pages ({profile.distinct} distinct), "
            f"{len(profile.lines)} rules -> {path}")
