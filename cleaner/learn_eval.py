"""Measuring learned profiles: leave-one-out over a site's pages, single-page mode against learned mode."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.config import DEFAULT_CONFIG, Config
from cleaner.errors import Rejection
from cleaner.evaluate import Gold, PageScore, Prediction, score_page
from cleaner.learn import clean_with_profile, page_blocks
from cleaner.learn_count import SitePage, learn_site, slug
from cleaner.learn_output import profile_toml
from cleaner.model import Block, RawDoc, Record
from cleaner.pipeline import clean_document


@dataclass(frozen=True, slots=True)
class EvalPage:
    """One page of a site with its gold body."""

    id: str
    url: str | None
    text: str
    gold: Gold


@dataclass(frozen=True, slots=True)
class SiteResult:
    """Per-page scores of one site in both modes, in page order, and the learned profiles' sizes."""

    site: str
    single: tuple[PageScore, ...]
    learned: tuple[PageScore, ...]
    rules: tuple[int, ...]  # learned rules of each held-out page's profile


def leave_one_out(site: str, pages: Sequence[EvalPage], config: Config = DEFAULT_CONFIG) -> SiteResult:
    """Clean each page alone, and with a profile learned from the site's other pages."""
    single, learned, sizes = [], [], []
    segmented = [SitePage(p.url, _blocks(p)) for p in pages]
    with tempfile.TemporaryDirectory() as tmp:
        for held_out, page in enumerate(pages):
            others = [s for i, s in enumerate(segmented) if i != held_out]
            profile = learn_site(site, others)
            path = Path(tmp) / f"{slug(site)}-{held_out}.toml"
            path.write_text(profile_toml(profile), encoding="utf-8")
            raw = RawDoc(id=page.id, data=page.text.encode("utf-8"), url=page.url)
            single.append(score_page(page.gold, _prediction(clean_document(raw, config))))
            learned.append(score_page(page.gold, _prediction(clean_with_profile(raw, config, path))))
            sizes.append(len(profile.lines))
    return SiteResult(site, tuple(single), tuple(learned), tuple(sizes))


def _prediction(result: object) -> Prediction:
    if not isinstance(result, Record):
        return Prediction()
    return Prediction(text=result.text)


def _blocks(page: EvalPage) -> tuple[Block, ...]:
    """The page's blocks; none for a page the segmenter refuses, which teaches the others nothing."""
    try:
        return page_blocks(page.text, page.url) or ()
    except Rejection:
        return ()
