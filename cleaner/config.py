"""One frozen configuration object, passed down to every stage."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


DEFAULT_TIME_LIMIT_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Config:
    """Options of a cleaning run. Variants are made with dataclasses.replace()."""

    # Extra rule files (site layouts, learned profiles) applied after the packaged ones.
    rule_files: tuple[Path, ...] = ()
    # Only the extra rule files are used, not the packaged generic/site rules.
    no_default_rules: bool = False
    # Keep inputs above this size out of the parser; they are almost never articles.
    max_input_bytes: int = 20_000_000
    # Learned site profiles (site key -> rule file) for `clean --learn`; each page gets its own site's.
    site_profiles: tuple[tuple[str, Path], ...] = ()
    # Seconds one document may take before it becomes an error record (None: no limit). Pages of the
    # bench sets take 0.01-2 s; the limit is there for pathological markup, not for slow pages.
    time_limit: float | None = DEFAULT_TIME_LIMIT_SECONDS
    # Record the removed blocks in the record (turn off for smaller outputs).
    with_removed: bool = True


DEFAULT_CONFIG = Config()
