"""A learned site profile written as an ordinary TOML rule file."""

from __future__ import annotations

import json

from cleaner.learn_count import MIN_PAGE_SHARE, MIN_PAGES, LearnedLine, SiteProfile, slug

CONCEPT = "learned"
# Examples quoted in a rule's note are cut to this many characters.
NOTE_EXAMPLE_CHARS = 80


def toml_string(value: str) -> str:
    """A TOML basic string (JSON's escapes are a subset of TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def toml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(toml_string(v) for v in values) + "]"


def profile_toml(profile: SiteProfile) -> str:
    """The rule file text of a profile; it loads with `cleaner.rules.loader.load_rule_file`."""
    parts = [_header(profile)]
    if profile.hosts or profile.detect:
        parts.append(_layout(profile))
    if profile.lines:  # the loader wants at least one rule in a concept table
        parts.append(f'[{CONCEPT}]\ndescription = "Lines that recur across the pages of {_plain(profile.site)}"\n')
    parts += [_rule(profile.site, line, n) for n, line in enumerate(profile.lines, start=1)]
    return "\n".join(parts)


def _header(profile: SiteProfile) -> str:
    lines = [
        f"# Chrome of {profile.site}, learned by `cleaner learn` from {profile.pages} pages",
        f"# ({profile.distinct} distinct after removing duplicate stories): every line or line template",
        f"# on at least {MIN_PAGES} distinct pages and {MIN_PAGE_SHARE:.0%} of them; {len(profile.lines)} rules.",
    ]
    if not (profile.hosts or profile.detect):
        lines.append("# No [layout]: the site is not known, so these rules apply to every page they are given.")
    return "\n".join(lines) + "\n"


def _layout(profile: SiteProfile) -> str:
    lines = ["[layout]", f"id = {toml_string('learned.' + slug(profile.site))}"]
    if profile.hosts:
        lines.append(f"hosts = {toml_list(profile.hosts)}")
    if profile.detect:
        lines.append(f"detect = {toml_list(profile.detect)}")
    return "\n".join(lines) + "\n"


def _rule(site: str, line: LearnedLine, number: int) -> str:
    example = line.example if len(line.example) <= NOTE_EXAMPLE_CHARS else line.example[:NOTE_EXAMPLE_CHARS] + "…"
    note = f"on {line.pages} pages ({line.share:.0%}), {line.occurrences} times; e.g. {example!r}"
    return "\n".join([
        f"[[{CONCEPT}.rule]]",
        f"id = {toml_string(f'learned.{slug(site)}.{line.where}.{number}')}",
        'action = "drop"',
        f"pattern = {toml_string(line.template.pattern)}",
        f"max_chars = {line.max_chars}",
        f"note = {toml_string(note)}",
    ]) + "\n"


def _plain(text: str) -> str:
    return text.replace("\\", "").replace('"', "")
