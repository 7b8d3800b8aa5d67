"""Which rules may match a block, found in one pass instead of one regex call per rule.

Python's `re` tries a rule list one pattern after another, backtracking; over the hundreds of blocks of a
page dump that was the largest single cost of cleaning text. RE2's `Set` runs every pattern over a block
at once in linear time. The set only answers "which rules may match": every candidate is then confirmed
with its own Python pattern, so verdicts and the named groups a field rule reads are exactly Python's.
For that the RE2 form of a pattern must match a superset of what the Python one matches; `re2_superset`
translates a pattern so (Unicode classes spelled out, zero-width assertions dropped) and a pattern it
cannot translate is always a candidate. Without the `re2` module, union patterns per length tier rule
most blocks out instead.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

try:
    import re2
except ImportError:  # the wheel is missing for this platform: the pure-Python matcher is used
    re2 = None

if TYPE_CHECKING:
    from cleaner.rules.loader import Rule

# Budget of RE2's lazily built automaton per set. A set that runs out of it reports no match, so it is
# generous: the ~45 packaged rules use well under a megabyte on the dev dumps' 80,000 blocks.
RE2_MAX_MEM = 64 << 20
# Python's \s, \d and \w are Unicode-aware; RE2's are ASCII. These spell out Python's meaning.
SPACE_ITEMS = r"\t-\r\x{1c}-\x{20}\x{85}\p{Z}"
DIGIT_ITEMS = r"\p{Nd}"
WORD_ITEMS = r"\p{L}\p{N}_"
OUTSIDE_CLASS = {
    "s": f"[{SPACE_ITEMS}]", "S": f"[^{SPACE_ITEMS}]", "d": DIGIT_ITEMS, "D": r"\P{Nd}",
    "w": f"[{WORD_ITEMS}]", "W": f"[^{WORD_ITEMS}]", "b": "", "B": "", "Z": r"\z",
}
INSIDE_CLASS = {"s": SPACE_ITEMS, "d": DIGIT_ITEMS, "w": WORD_ITEMS}
# A bounded repeat `x{1,80}` becomes `x{1,}`: a superset whose automaton stays small (RE2 unrolls a bound
# into that many states, and the chrome rules' `.{0,200}` made the set's automaton outgrow its memory,
# 13 us per block instead of 2). The block-length limits and the Python pattern still bound the match.
BOUNDED_REPEAT = re.compile(r"\{(?P<low>\d+),\d+\}")
LOOKAROUND_OPENERS = ("(?=", "(?!", "(?<=", "(?<!")


class RuleMatcher(Protocol):
    def candidates(self, text: str) -> tuple[Rule, ...]:
        """The rules that may match `text`, in rule order (a superset of those that do)."""


def build_matcher(rules: tuple[Rule, ...]) -> RuleMatcher:
    """The RE2 set matcher where the re2 module is installed, else the union-pattern one."""
    return SetMatcher.build(rules) if re2 is not None else UnionMatcher.build(rules)


@dataclass(frozen=True, slots=True)
class SetMatcher:
    """Whole-block rules in an anchored RE2 set, `search` rules in an unanchored one."""

    rules: tuple[Rule, ...]
    whole: object | None  # re2.Set over the rules at `whole_ids`
    whole_ids: tuple[int, ...]
    searching: object | None
    searching_ids: tuple[int, ...]
    always: tuple[int, ...]  # rules RE2 cannot express
    longest: int  # no rule matches a longer block

    @classmethod
    def build(cls, rules: tuple[Rule, ...]) -> SetMatcher:
        translated = [re2_superset(r.pattern) for r in rules]
        always = tuple(i for i, t in enumerate(translated) if t is None)
        whole_ids = tuple(i for i, t in enumerate(translated) if t is not None and not rules[i].search)
        searching_ids = tuple(i for i, t in enumerate(translated) if t is not None and rules[i].search)
        return cls(
            rules=rules,
            whole=_re2_set([translated[i] for i in whole_ids], anchored=True),
            whole_ids=whole_ids,
            searching=_re2_set([translated[i] for i in searching_ids], anchored=False),
            searching_ids=searching_ids,
            always=always,
            longest=max((r.max_chars for r in rules), default=-1),
        )

    def candidates(self, text: str) -> tuple[Rule, ...]:
        if len(text) > self.longest:
            return ()
        if "\n" in text:  # Python's `$` also matches before a final newline; RE2's does not
            return self.rules
        try:
            encoded = text.encode()  # once for both sets (each would encode a str again)
        except UnicodeEncodeError:  # a lone surrogate (JSON input may carry one): RE2 cannot read it
            return self.rules
        found = list(self.always)
        if self.whole is not None:
            found += [self.whole_ids[i] for i in self.whole.Match(encoded) or ()]
        if self.searching is not None:
            found += [self.searching_ids[i] for i in self.searching.Match(encoded) or ()]
        if not found:
            return ()
        return tuple(self.rules[i] for i in sorted(found) if len(text) <= self.rules[i].max_chars)


def _re2_set(patterns: list[str], anchored: bool):
    if not patterns:
        return None
    options = re2.Options()
    options.max_mem = RE2_MAX_MEM
    pattern_set = re2.Set.FullMatchSet(options) if anchored else re2.Set.SearchSet(options)
    for pattern in patterns:
        pattern_set.Add(pattern)
    pattern_set.Compile()
    return pattern_set


def re2_superset(pattern: re.Pattern[str]) -> str | None:
    """RE2 syntax for a pattern that matches at least what `pattern` matches; None if there is none."""
    if pattern.flags & (re.VERBOSE | re.ASCII | re.LOCALE):
        return None
    source = _translate(pattern.pattern)
    if source is None:
        return None
    flags = "".join(f for flag, f in ((re.IGNORECASE, "i"), (re.DOTALL, "s"), (re.MULTILINE, "m")) if pattern.flags & flag)
    source = f"(?{flags}){source}" if flags else source
    try:
        re2.compile(source)
    except re2.error:
        return None
    return source


def _translate(source: str) -> str | None:
    if "{," in source:
        return None  # Python reads `x{,n}` as a repeat, RE2 as literal text
    out: list[str] = []
    at, in_class = 0, False
    while at < len(source):
        char = source[at]
        if char == "\\" and at + 1 < len(source):
            escape = source[at + 1]
            table = INSIDE_CLASS if in_class else OUTSIDE_CLASS
            if escape in table:
                out.append(table[escape])
            elif in_class and escape in "SDWbB":
                return None  # a negated class inside a class has no simple RE2 spelling
            else:
                out.append(source[at : at + 2])
            at += 2
            continue
        repeat = BOUNDED_REPEAT.match(source, at) if char == "{" and not in_class else None
        if repeat:
            out.append(f"{{{repeat['low']},}}")  # unbounded: see BOUNDED_REPEAT
            at = repeat.end()
            continue
        if not in_class and source.startswith(LOOKAROUND_OPENERS, at):
            at = _group_end(source, at)
            if at < 0:
                return None
            continue  # a zero-width assertion only narrows a match: dropping it gives a superset
        if char == "[" and not in_class:
            in_class = True
            out.append(char)
            if source.startswith("^]", at + 1) or source.startswith("]", at + 1):
                closer = 3 if source[at + 1] == "^" else 2
                out.append(source[at + 1 : at + closer])
                at += closer
                continue
        elif char == "]" and in_class:
            in_class = False
            out.append(char)
        else:
            out.append(char)
        at += 1
    return "".join(out)


def _group_end(source: str, start: int) -> int:
    """The index just past the group opened at `start`, or -1 if it never closes."""
    depth, at, in_class = 0, start, False
    while at < len(source):
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return -1


@dataclass(frozen=True, slots=True)
class MatcherTier:
    """The rules that can match a block of up to `limit` characters, and their union patterns."""

    limit: int
    rules: tuple[Rule, ...]
    whole: re.Pattern[str] | None  # fullmatches (a superset of) what the whole-block rules match
    searching: re.Pattern[str] | None  # finds (a superset of) what the `search = true` rules find


@dataclass(frozen=True, slots=True)
class UnionMatcher:
    """Rules grouped by the longest block they can match, so that a long paragraph meets only the few
    rules written for long blocks, and most blocks are ruled out in one or two regex calls."""

    tiers: tuple[MatcherTier, ...]  # ascending limits
    limits: tuple[int, ...]

    @classmethod
    def build(cls, rules: tuple[Rule, ...]) -> UnionMatcher:
        limits = tuple(sorted({r.max_chars for r in rules}))
        return cls(tiers=tuple(_tier(rules, limit) for limit in limits), limits=limits)

    def candidates(self, text: str) -> tuple[Rule, ...]:
        at = bisect.bisect_left(self.limits, len(text))
        if at == len(self.tiers):
            return ()
        tier = self.tiers[at]
        if (tier.whole and tier.whole.fullmatch(text)) or (tier.searching and tier.searching.search(text)):
            return tier.rules
        return ()


def _tier(rules: tuple[Rule, ...], limit: int) -> MatcherTier:
    usable = tuple(r for r in rules if r.max_chars >= limit)
    whole = [_union_part(r.pattern) for r in usable if not r.search]
    searching = [_union_part(r.pattern) for r in usable if r.search]
    return MatcherTier(
        limit=limit, rules=usable,
        whole=re.compile("|".join(whole)) if whole else None,
        searching=re.compile("|".join(searching)) if searching else None,
    )


def _union_part(pattern: re.Pattern[str]) -> str:
    # Named groups may repeat across rules, so the union uses plain groups; flags become scoped flags.
    source = re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern)
    return f"(?i:{source})" if pattern.flags & re.IGNORECASE else f"(?:{source})"
