"""Chrome rules: TOML data, loaded, validated and compiled once per run.

A rule file is grouped by concept. Each concept table holds a `rule` array:

    [video_teaser]
    description = "Links to videos, with a duration"
    [[video_teaser.rule]]
    id = "generic.video_teaser.duration"
    action = "drop"                # drop | drop_rest | field
    pattern = '(watch|play) video \\d{1,2}:\\d{2}'
    drop_next = 1                  # also drop the teaser's title after it
    keep_in_extracted = true       # the block belongs to the story when an extractor kept it

A site layout file adds a `[layout]` table saying when it applies (`hosts`, or `detect` patterns matched against
the first lines of a text dump) and layout options such as `lead = "after_title"`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from cleaner.errors import RuleError
from cleaner.model import Action, Format
from cleaner.rules.matcher import RuleMatcher, build_matcher

# Named groups a `field` rule may capture; each becomes a field candidate.
FIELD_GROUPS = frozenset(
    {"title", "site", "section", "date", "byline", "agency", "categories", "caption"}
)
# head: before the first prose paragraph; body: from it on; tail: after the last one.
ZONES = frozenset({"any", "head", "body", "tail"})
RULE_KEYS = frozenset(
    {"id", "action", "pattern", "into", "max_chars", "min_chars", "drop_next", "next_max_chars",
     "zone", "formats", "case_sensitive", "search", "note", "after_words", "keep_in_extracted"}
)
# Probe strings a pattern must not match all of: a pattern that does matches (nearly) everything.
EVERYTHING_PROBES = ("", "a", "The minister said on Tuesday that talks would go on.", "Home", "1. Inhalt")
# A teaser title after a "Watch video" line is short; longer blocks are the article again.
DEFAULT_NEXT_MAX_CHARS = 120
# Chrome blocks are short: unless a rule says otherwise it never matches a longer block (the longest
# chrome in the seeds and fixtures, a cookie notice, is under 300 characters).
DEFAULT_MAX_CHARS = 300


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    concept: str
    action: Action
    pattern: re.Pattern[str]
    search: bool = False  # find the pattern anywhere instead of matching the whole block
    into: str | None = None
    min_chars: int = 0
    max_chars: int = DEFAULT_MAX_CHARS
    drop_next: int = 0
    next_max_chars: int = DEFAULT_NEXT_MAX_CHARS
    zone: str = "any"
    after_words: int = 0  # only once this many words of prose came before (an article's end markers)
    # Not applied to text an extractor already took out of a page: there the block is part of the story the
    # extractor chose (a wire story's copyright line, an embedded post's signature), not the page's chrome.
    keep_in_extracted: bool = False
    formats: frozenset[Format] = frozenset(Format)
    source: str = ""

    def matches(self, text: str) -> re.Match[str] | None:
        if len(text) < self.min_chars or len(text) > self.max_chars:
            return None
        return self.pattern.search(text) if self.search else self.pattern.fullmatch(text)


@dataclass(frozen=True, slots=True)
class Layout:
    """When a site rule file applies, and the site's layout options."""

    id: str
    site: str | None = None
    hosts: tuple[str, ...] = ()
    detect: tuple[re.Pattern[str], ...] = ()
    lead: str | None = None  # "after_title": the first paragraph after the headline is the standfirst
    day_first: bool | None = None


@dataclass(frozen=True, slots=True)
class RuleFile:
    name: str
    rules: tuple[Rule, ...]
    layout: Layout | None = None


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every rule file of a run: generic ones always apply, layouts when detected."""

    generic: tuple[RuleFile, ...]
    layouts: tuple[RuleFile, ...]

    def all_rules(self) -> tuple[Rule, ...]:
        return tuple(r for f in self.generic + self.layouts for r in f.rules)


def load_rule_file(path: Path) -> RuleFile:
    """Read and validate one TOML rule file."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleError(f"{path}: cannot read rule file: {exc}") from exc
    return parse_rule_data(data, str(path))


def parse_rule_data(data: dict, source: str) -> RuleFile:
    layout = _parse_layout(data.pop("layout", None), source)
    rules = []
    for concept, table in data.items():
        if not isinstance(table, dict) or "rule" not in table:
            raise RuleError(f"{source}: [{concept}] must be a concept table with [[{concept}.rule]] entries")
        for entry in table["rule"]:
            rules.append(_parse_rule(entry, concept, source))
    _check_unique(rules, source)
    name = layout.id if layout else Path(source).stem
    return RuleFile(name=name, rules=tuple(rules), layout=layout)


def _parse_rule(entry: dict, concept: str, source: str) -> Rule:
    rule_id = entry.get("id")
    if not rule_id or not isinstance(rule_id, str):
        raise RuleError(f"{source}: a rule in [{concept}] has no id")
    where = f"{source}: rule {rule_id}"
    unknown = set(entry) - RULE_KEYS
    if unknown:
        raise RuleError(f"{where}: unknown keys {sorted(unknown)}")
    try:
        action = Action(entry.get("action", "drop"))
    except ValueError:
        raise RuleError(f"{where}: action must be one of {[a.value for a in Action]}") from None
    pattern = _compile(entry.get("pattern"), _flag(entry, "case_sensitive", where), where)
    into = entry.get("into")
    _check_field_rule(action, pattern, into, where)
    zone = entry.get("zone", "any")
    if zone not in ZONES:
        raise RuleError(f"{where}: zone must be one of {sorted(ZONES)}")
    return Rule(
        id=rule_id, concept=concept, action=action, pattern=pattern, into=into, zone=zone,
        search=_flag(entry, "search", where),
        min_chars=int(entry.get("min_chars", 0)), max_chars=int(entry.get("max_chars", DEFAULT_MAX_CHARS)),
        drop_next=int(entry.get("drop_next", 0)), after_words=int(entry.get("after_words", 0)),
        keep_in_extracted=_flag(entry, "keep_in_extracted", where),
        next_max_chars=int(entry.get("next_max_chars", DEFAULT_NEXT_MAX_CHARS)),
        formats=frozenset(Format(f) for f in entry.get("formats", [f.value for f in Format])),
        source=source,
    )


def _flag(entry: dict, key: str, where: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise RuleError(f"{where}: {key} must be true or false, not {value!r}")
    return value


def _compile(pattern: object, case_sensitive: bool, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern.strip():
        raise RuleError(f"{where}: pattern is missing or empty")
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise RuleError(f"{where}: pattern does not compile: {exc}") from exc
    if all(compiled.search(probe) for probe in EVERYTHING_PROBES):
        raise RuleError(f"{where}: pattern matches everything")
    return compiled


def _check_field_rule(action: Action, pattern: re.Pattern[str], into: str | None, where: str) -> None:
    groups = set(pattern.groupindex)
    if groups - FIELD_GROUPS:
        raise RuleError(f"{where}: unknown field groups {sorted(groups - FIELD_GROUPS)}")
    if action is Action.FIELD and not (groups or into):
        raise RuleError(f"{where}: a field rule needs named groups or `into`")


def _check_unique(rules: list[Rule], source: str) -> None:
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"{source}: duplicate rule id {rule.id}")
        seen.add(rule.id)


def _parse_layout(table: dict | None, source: str) -> Layout | None:
    if table is None:
        return None
    if "id" not in table:
        raise RuleError(f"{source}: [layout] needs an id")
    detect = tuple(_compile(p, True, f"{source}: layout detect") for p in table.get("detect", ()))
    return Layout(
        id=table["id"], site=table.get("site"), hosts=tuple(table.get("hosts", ())), detect=detect,
        lead=table.get("lead"), day_first=table.get("day_first"),
    )


def packaged_rule_paths() -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """The packaged generic rule files and site layout files."""
    root = Path(str(resources.files("cleaner.rules")))
    return tuple(sorted(root.glob("*.toml"))), tuple(sorted((root / "sites").glob("*.toml")))


@lru_cache(maxsize=16)
def load_ruleset(extra: tuple[Path, ...] = (), defaults: bool = True) -> RuleSet:
    """All rules of a run; cached, so a worker compiles them once (the result is immutable)."""
    generic_paths, site_paths = packaged_rule_paths() if defaults else ((), ())
    files = [load_rule_file(p) for p in (*generic_paths, *site_paths, *extra)]
    generic = tuple(f for f in files if f.layout is None)
    layouts = tuple(f for f in files if f.layout is not None)
    _check_unique([r for f in files for r in f.rules], "rule set")
    return RuleSet(generic=generic, layouts=layouts)


def compile_matcher(rules: tuple[Rule, ...]) -> RuleMatcher:
    """A matcher for an ordered tuple of rules; cached, as a run uses the same few rule lists."""
    return _cached_matcher(_RuleList(rules))


class _RuleList(tuple):
    """Rules as a cache key hashed by their ids: hashing every field of every rule (a hundred of them, each
    document) cost more than the rest of the lookup. Equal lists still compare rule by rule."""

    __slots__ = ()

    def __hash__(self) -> int:
        return hash(tuple(rule.id for rule in self))


@lru_cache(maxsize=64)
def _cached_matcher(rules: _RuleList) -> RuleMatcher:
    return build_matcher(tuple(rules))
