"""Learn a site's chrome from many of its pages, and clean pages with the learned profile.

A learned profile is an ordinary rule file (see `cleaner.rules.loader`): a `[layout]` table saying which
pages it applies to (`hosts` when URLs are known, `detect` when the dumps name the site) and one `drop`
rule per line or line template that recurs across the site's pages (`learn_count`). A line counts once
per page, duplicate pages count once, and long prose needs a very high share of pages, so that a running
quote or a syndicated story is never taken for chrome. A profile that would remove more than half of a
page's blocks is not applied to that page.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from cleaner.addresses import host_of
from cleaner.assemble import assemble
from cleaner.classify import select_layouts
from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.decode import decode, sniff_format
from cleaner.errors import Rejection
from cleaner.io.readers import expand_inputs, read_file
from cleaner.learn_count import SitePage, SiteProfile, learn_site, slug
from cleaner.learn_output import profile_toml
from cleaner.learn_sites import site_key
from cleaner.model import Block, ErrorRecord, Format, Judged, RawDoc, Record
from cleaner.pipeline import clean_document, explain_document
from cleaner.rules.loader import Rule, RuleFile, RuleSet, load_rule_file
from cleaner.segment.text import segment_text
from cleaner.structure import is_prose

log = logging.getLogger(__name__)

# A profile that would remove more than this share of the lines a page keeps when cleaned alone has
# mistaken the article for chrome (a page of another layout, a listing page): it is not applied there.
SUSPICIOUS_SHARE = 0.5
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
# Only the head of an HTML page is searched for its <title>.
HTML_TITLE_SEARCH_CHARS = 200_000


def page_blocks(text: str, url: str | None = None) -> tuple[Block, ...] | None:
    """A page's blocks as the pipeline segments them; None for HTML when no HTML segmenter is installed.

    Raises:
        Rejection: the segmenter refuses the page (no text, too many elements or blocks).
    """
    if sniff_format(text) is Format.TEXT:
        return segment_text(text)
    try:
        from cleaner.segment.html import segment_html
        from cleaner.segment.html_parse import parse_html
    except ImportError:
        return None
    return tuple(segment_html(parse_html(text), url=url))


def document_site(url: str | None, text: str) -> str:
    """The site key of one document: URL host without www., else the site its title line names, else "unknown"."""
    if url:
        return site_key(url, None)
    if sniff_format(text) is Format.HTML:
        found = _HTML_TITLE.search(text[:HTML_TITLE_SEARCH_CHARS])
        return site_key(None, " ".join(found.group(1).split()) if found else None)
    first = next((line.strip() for line in text.split("\n") if line.strip()), None)
    return site_key(None, first)


def group_by_site(docs: Iterable[tuple[str | None, str]]) -> tuple[dict[str, list[SitePage]], int]:
    """Pages by site key, and how many documents could not be segmented (HTML without a segmenter, or a page
    the segmenter refuses: no text, too many elements)."""
    sites: dict[str, list[SitePage]] = defaultdict(list)
    skipped = 0
    for url, text in docs:
        try:
            blocks = page_blocks(text, url)
        except Rejection as rejection:
            log.warning("%s: %s", url or "a document", rejection.reason)
            blocks = None
        if blocks is None:
            skipped += 1
        elif blocks:
            sites[document_site(url, text)].append(SitePage(url, blocks))
    return dict(sites), skipped


def learn_site_profiles(docs: Iterable[tuple[str | None, str]]) -> tuple[dict[str, SiteProfile], int]:
    """A profile per site of the documents (url or None, decoded text), and how many were skipped."""
    sites, skipped = group_by_site(docs)
    return {site: learn_site(site, pages) for site, pages in sites.items()}, skipped


def learn_profiles(docs: Iterable[tuple[str | None, str]]) -> dict[str, str]:
    """Site key -> learned profile as TOML text, for documents given as (url or None, decoded text).

    The site key is the URL host without www. when the url is known, else the site named by a dump's
    first line (`Title | Section | Site | Date`, `Title - Site`), else "unknown". HTML documents are
    used when an HTML segmenter (`cleaner.segment.html`) is installed, and skipped otherwise.
    """
    profiles, _ = learn_site_profiles(docs)
    return {site: profile_toml(profile) for site, profile in profiles.items()}


def read_documents(paths: Iterable[str | Path]) -> list[tuple[str | None, str]]:
    """(None, decoded text) for every readable document under the paths; unreadable ones are logged."""
    docs: list[tuple[str | None, str]] = []
    for item in expand_inputs(str(p) for p in paths):
        raw = item if isinstance(item, ErrorRecord) else read_file(item)
        if isinstance(raw, ErrorRecord):
            log.warning("%s: %s", raw.input, raw.reason)
            continue
        try:
            docs.append((raw.url, decode(raw.data).text))
        except Rejection as rejection:
            log.warning("%s: %s", raw.path, rejection.reason)
    return docs


def learn_from_paths(paths: Iterable[str | Path], outdir: Path) -> dict[str, Path]:
    """Learn a profile per site from the documents under `paths`; write `outdir/<site>.toml` for each.

    Returns site key -> profile path. A profile of the "unknown" site has no [layout] table, so it
    applies to every page it is given: pass it only for that site's pages.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    profiles, _ = learn_site_profiles(read_documents(paths))
    written: dict[str, Path] = {}
    for site, profile in sorted(profiles.items()):
        path = outdir / f"{slug(site)}.toml"
        path.write_text(profile_toml(profile), encoding="utf-8")
        written[site] = path
    return written


def article_lines(judged: Sequence[Judged]) -> tuple[Block, ...]:
    """The lines a profile is judged on: the prose a page keeps when cleaned alone, or all it keeps.

    Single-page mode often keeps short chrome lines next to the article; a profile that removes those is
    doing its job. What it must not remove is the running text.
    """
    kept = tuple(j.block for j in judged if j.verdict.keep)
    return tuple(b for b in kept if is_prose(b.text)) or kept


def profile_removals(profile_rules: Sequence[Rule], blocks: Sequence[Block]) -> int:
    """How many of the blocks the rules would remove (wherever they sit on the page)."""
    return sum(1 for b in blocks if any(r.matches(b.text) for r in profile_rules))


def suspicious(profile_rules: Sequence[Rule], blocks: Sequence[Block]) -> bool:
    """True when the rules would remove more than SUSPICIOUS_SHARE of the blocks (a page's article lines)."""
    return bool(blocks) and profile_removals(profile_rules, blocks) > SUSPICIOUS_SHARE * len(blocks)


def clean_with_profile(raw: RawDoc, config: Config = DEFAULT_CONFIG, profile_path: Path | None = None) -> Record | ErrorRecord:
    """Clean a document alone and with a learned profile; keep the lines both keep.

    The profile only ever removes lines: a line the page keeps alone stays unless the profile's run drops
    it, and a line the profile's run keeps comes back only if kept alone too (a removed menu line must not
    let the article span grow over the teasers next to it). Headline and fields are those of the page
    cleaned alone. When the profile would remove more than half of the article's prose lines it is not
    applied, and the record's warnings say so.
    """
    if profile_path is None:
        return clean_document(raw, config)
    profile = load_rule_file(Path(profile_path))
    with_profile = dataclasses.replace(config, rule_files=(*config.rule_files, Path(profile_path)))
    try:
        alone, alone_judged = explain_document(raw, config)
        _, learned_judged = explain_document(raw, with_profile)
    except Rejection:
        return clean_document(raw, config)  # the error record, with its reason and stage
    lines = article_lines(alone_judged)
    rules = _applicable_rules(profile, [j.block for j in alone_judged], raw.url)
    if suspicious(rules, lines):
        warning = f"learned profile not applied: would remove {profile_removals(rules, lines)} of {len(lines)} lines"
        log.warning("%s: %s", raw.path or raw.url or raw.id, warning)
        return dataclasses.replace(alone, warnings=(*alone.warnings, warning))
    profile_ids = {r.id for r in profile.rules}
    judged = [
        learned if _profile_removes(alone, learned, profile_ids) else alone
        for alone, learned in zip(alone_judged, learned_judged, strict=True)
    ]
    return assemble(raw, alone.source.format, judged, alone.fields, alone.warnings, with_removed=config.with_removed)


def _profile_removes(alone: Judged, learned: Judged, profile_ids: set[str]) -> bool:
    """A block kept alone that the profile's run removes: by a learned rule, or by the page's structure when
    it is not a paragraph of prose (the teasers beside a removed menu). A paragraph the learned run only
    left outside its article span stays: fewer chrome lines can move where a story seems to end."""
    if alone.verdict.keep and not learned.verdict.keep:
        return learned.verdict.rule_id in profile_ids or not is_prose(learned.block.text)
    return False


def clean_with_site_profiles(raw: RawDoc, config: Config) -> Record | ErrorRecord:
    """Clean a document with the learned profile of its own site (config.site_profiles), if there is one."""
    alone = dataclasses.replace(config, site_profiles=())
    try:
        text = decode(raw.data, raw.declared_charset).text
    except Rejection:
        return clean_document(raw, alone)
    path = dict(config.site_profiles).get(document_site(raw.url, text))
    return clean_with_profile(raw, alone, path)


def _applicable_rules(profile: RuleFile, blocks: Sequence[Block], url: str | None) -> tuple[Rule, ...]:
    """The profile's rules when its layout applies to the page (always, for a profile without a layout)."""
    if profile.layout is None:
        return profile.rules
    host = host_of(url)
    return profile.rules if select_layouts(RuleSet((), (profile,)), blocks, host) else ()
