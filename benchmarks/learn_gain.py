"""Body F1 gain of learned-profile mode over single-page mode, on bench hosts with several pages.

    PYTHONPATH=. python benchmarks/learn_gain.py ../shared/bench

Pages of aeb, naeb and wcxb-articles are grouped by URL host (without www.); a host qualifies with at
least --min-pages pages that have dumps from every renderer. For each renderer and each qualifying host,
every page is cleaned alone and with a profile learned from the host's other pages (leave-one-out).
Figures are the AEB body metric (cleaner/evaluate.py): per host, and over all qualifying pages.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import click

from cleaner.bench import TEXT_DIR, read_truth, renderers
from cleaner.evaluate import summarise
from cleaner.learn_eval import EvalPage, SiteResult, leave_one_out
from cleaner.learn_sites import site_key

SETS = ("aeb", "naeb", "wcxb-articles")


def qualifying_pages(bench: Path, min_pages: int) -> tuple[list[str], dict[str, list[tuple[Path, str, object]]]]:
    """The renderers every set has, and host -> [(set dir, page id, gold)] for hosts with enough pages."""
    set_dirs = [bench / name for name in SETS if (bench / name).is_dir()]
    common = sorted(set.intersection(*(set(renderers(d)) for d in set_dirs))) if set_dirs else []
    hosts: dict[str, list] = defaultdict(list)
    for set_dir in set_dirs:
        for gold in read_truth(set_dir):
            dumped = all((set_dir / TEXT_DIR / r / f"{gold.id}.txt").exists() for r in common)
            if gold.url and dumped:
                hosts[site_key(gold.url, None)].append((set_dir, gold.id, gold))
    return common, {h: pages for h, pages in sorted(hosts.items()) if len(pages) >= min_pages}


def eval_pages(pages: list, renderer: str) -> list[EvalPage]:
    return [
        EvalPage(f"{set_dir.name}/{page_id}", gold.url,
                 (set_dir / TEXT_DIR / renderer / f"{page_id}.txt").read_text(encoding="utf-8", errors="replace"), gold)
        for set_dir, page_id, gold in pages
    ]


def host_line(result: SiteResult) -> str:
    single, learned = summarise(result.single).body_f1, summarise(result.learned).body_f1
    rules = sum(result.rules) / len(result.rules)
    return f"  {result.site:<28} {len(result.single):>3} {single:7.3f} {learned:7.3f} {learned - single:+7.3f} {rules:7.1f}"


@click.command()
@click.argument("bench", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--min-pages", type=click.IntRange(min=2), default=4, show_default=True)
def main(bench: Path, min_pages: int) -> None:
    """Leave-one-out learned-profile gain per host and overall, for each text renderer."""
    common, hosts = qualifying_pages(bench, min_pages)
    click.echo(f"{len(hosts)} hosts with >= {min_pages} pages ({sum(map(len, hosts.values()))} pages)")
    for renderer in common:
        results = [leave_one_out(host, eval_pages(pages, renderer)) for host, pages in hosts.items()]
        click.echo(f"\ntext/{renderer}: {'host':<22} pages  single learned    gain   rules")
        for result in results:
            click.echo(host_line(result))
        single = summarise([s for r in results for s in r.single])
        learned = summarise([s for r in results for s in r.learned])
        click.echo(f"  overall F1 {single.body_f1:.3f} -> {learned.body_f1:.3f} ({learned.body_f1 - single.body_f1:+.3f});"
                   f" P {single.body_precision:.3f} -> {learned.body_precision:.3f};"
                   f" R {single.body_recall:.3f} -> {learned.body_recall:.3f}")


if __name__ == "__main__":
    main()
