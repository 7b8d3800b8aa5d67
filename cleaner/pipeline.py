"""The pipeline: read -> decode -> segment -> classify -> fields -> assemble, for one document."""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Sequence

from cleaner.addresses import host_of
from cleaner.assemble import assemble, sha256
from cleaner.classify import classify, select_layouts
from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.decode import decode
from cleaner.errors import DocumentTimeout, Rejection
from cleaner.fields.text import read_text_fields
from cleaner.model import ErrorRecord, Fields, Format, Judged, RawDoc, Record, Stage
from cleaner.rules.loader import Layout, Rule, RuleSet, load_ruleset
from cleaner.segment.text import segment_text
from cleaner.time_limit import stage_of, time_limit


# What the record of a live blog says: its updates are not merged into one article's text.
LIVE_BLOG_NOTE = "live blog: its updates are no single article"


def clean_document(raw: RawDoc, config: Config = DEFAULT_CONFIG) -> Record | ErrorRecord:
    """Clean one document. A document that cannot be cleaned gives an ErrorRecord, never an exception."""
    try:
        with time_limit(config.time_limit):
            return _clean_within_limit(raw, dataclasses.replace(config, time_limit=None))
    except DocumentTimeout as timeout:
        return _error(raw, f"time limit of {config.time_limit:g} s exceeded", stage_of(timeout))
    except Rejection as rejection:
        return _error(raw, rejection.reason, Stage(rejection.stage))
    except Exception as exc:  # the per-document boundary: one bad page must not stop a batch
        where = traceback.extract_tb(exc.__traceback__)[-1]
        reason = f"internal error: {type(exc).__name__}: {exc} (at {where.name}:{where.lineno})"
        return _error(raw, reason, Stage.ASSEMBLE)


def _clean_within_limit(raw: RawDoc, config: Config) -> Record | ErrorRecord:
    if config.site_profiles:
        from cleaner.learn import clean_with_site_profiles  # learning is built on this module

        return clean_with_site_profiles(raw, config)
    return _clean(raw, config)


def explain_document(raw: RawDoc, config: Config = DEFAULT_CONFIG) -> tuple[Record, tuple[Judged, ...]]:
    """The record and every block's verdict; raises Rejection when the document cannot be cleaned."""
    return _analyse(raw, config)


def _clean(raw: RawDoc, config: Config) -> Record:
    return _analyse(raw, config)[0]


def _analyse(raw: RawDoc, config: Config) -> tuple[Record, tuple[Judged, ...]]:
    if len(raw.data) > config.max_input_bytes:
        raise Rejection(f"input too large ({len(raw.data)} bytes > {config.max_input_bytes})", stage="read")
    decoded = decode(raw.data, raw.declared_charset)
    fmt = raw.declared_format or decoded.format
    ruleset = load_ruleset(config.rule_files, not config.no_default_rules)
    if fmt is Format.HTML:
        judged, fields, notes = _clean_html(decoded.text, raw, ruleset, decoded.utf8)
    else:
        judged, fields, notes = _clean_text(decoded.text, raw, ruleset)
    warnings = (*decoded.warnings, *notes)
    record = assemble(raw, fmt, judged, fields, warnings, with_removed=config.with_removed)
    return record, tuple(judged)


def _clean_text(text: str, raw: RawDoc, ruleset: RuleSet) -> tuple[Sequence[Judged], Fields, tuple[str, ...]]:
    blocks = segment_text(text)
    if not blocks:
        raise Rejection("empty input", stage="segment")
    layouts = select_layouts(ruleset, blocks, host_of(raw.url))
    layout = layouts[0].layout if layouts else None
    lead_after_title = bool(layout and layout.lead == "after_title")
    judged = classify(blocks, _rules(ruleset, layouts), Format.TEXT, lead_after_title)
    fields = read_text_fields(judged, layout, raw.crawl_date)
    return judged, dataclasses.replace(fields, url=raw.url), ()


def _clean_html(
    text: str, raw: RawDoc, ruleset: RuleSet, utf8: bytes | None = None
) -> tuple[Sequence[Judged], Fields, tuple[str, ...]]:
    # Imported here so that text-only runs never pay for importing trafilatura.
    from cleaner.fields.html_meta import read_html_fields
    from cleaner.fields.page import read_head
    from cleaner.segment.html import segment_html
    from cleaner.segment.html_parse import parse_html_page

    tree, notes = parse_html_page(text, utf8)
    head = read_head(tree)
    live_blog = head.jsonld.is_live_blog
    blocks = segment_html(tree, url=raw.url, head=head, live_blog=live_blog)
    article = any(block.in_main for block in blocks)
    meta = read_html_fields(tree, url=raw.url, crawl_date=raw.crawl_date, article=article, head=head)
    layouts = select_layouts(ruleset, blocks, host_of(meta.url or raw.url))
    layout = layouts[0].layout if layouts else None
    judged = classify(blocks, _rules(ruleset, layouts), Format.HTML)
    return judged, _merge_html_fields(meta, judged, layout), (*notes, LIVE_BLOG_NOTE) if live_blog else notes


def _merge_html_fields(meta: Fields, judged: Sequence[Judged], layout: Layout | None) -> Fields:
    values = [(k, v) for j in judged for k, v in j.verdict.values]
    captions = tuple(dict.fromkeys(v for k, v in values if k == "caption"))
    categories = tuple(dict.fromkeys([*meta.categories, *(v for k, v in values if k == "categories")]))
    lead = meta.lead or next((v for k, v in values if k == "lead"), None)
    site = meta.site or (layout.site if layout else None)
    return dataclasses.replace(meta, captions=captions, categories=categories, lead=lead, site=site)


def _rules(ruleset: RuleSet, layouts: Sequence) -> tuple[Rule, ...]:
    """Layout rules first, so a site's own rule wins over a generic one."""
    return tuple(r for f in layouts for r in f.rules) + tuple(r for f in ruleset.generic for r in f.rules)


def _error(raw: RawDoc, reason: str, stage: Stage) -> ErrorRecord:
    return ErrorRecord(input=raw.path or raw.url or raw.id, reason=reason, stage=stage, sha256=sha256(raw.data))
