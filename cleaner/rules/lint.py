"""Lint rule files: every file loads (patterns compile, none empty or matching everything), ids are unique
across files, and every rule fires on at least one golden case: a rule that never fires is dead or untested."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cleaner.classify import STRUCTURE_RULES
from cleaner.config import Config
from cleaner.errors import RuleError
from cleaner.rules.loader import RuleFile, load_rule_file, load_ruleset, packaged_rule_paths


@dataclass(frozen=True, slots=True)
class LintReport:
    files: tuple[str, ...]
    problems: tuple[str, ...]  # files that do not load, ids defined twice
    rule_ids: tuple[str, ...]
    fired: tuple[tuple[str, int], ...]  # rule id -> blocks it removed over all cases
    cases: int | None  # None when no fixtures were given
    case_errors: tuple[str, ...] = ()
    undefined: tuple[str, ...] = ()  # ids in the records that no rule file defines and are not structural

    @property
    def unused(self) -> tuple[str, ...]:
        if self.cases is None:
            return ()
        counts = dict(self.fired)
        return tuple(rule_id for rule_id in self.rule_ids if not counts.get(rule_id))

    @property
    def ok(self) -> bool:
        return not self.problems and not self.unused and not self.undefined

    def text(self) -> str:
        """The report printed by `cleaner rules lint`."""
        lines = [f"{len(self.files)} rule files, {len(self.rule_ids)} rules"]
        lines += [f"error: {problem}" for problem in self.problems]
        if self.cases is None:
            lines.append("no --fixtures given: not checked whether every rule fires")
            return "\n".join(lines)
        counts = dict(self.fired)
        lines.append(f"fired on {self.cases} fixture cases:")
        lines += [f"{counts.get(rule_id, 0):>6}  {rule_id}" for rule_id in self.rule_ids]
        lines.append("structural rules (defined in code, exempt):")
        lines += [f"{counts.get(rule_id, 0):>6}  {rule_id}" for rule_id in STRUCTURE_RULES]
        lines += [f"note: case could not be cleaned: {error}" for error in self.case_errors]
        lines += [f"unused: {rule_id} fires on no fixture case (dead, or add a case that needs it)"
                  for rule_id in self.unused]
        lines += [f"undefined: {rule_id} removed blocks but no rule file defines it" for rule_id in self.undefined]
        return "\n".join(lines)


def lint_rules(paths: Sequence[Path] = (), fixture_dirs: Sequence[Path] = ()) -> LintReport:
    """Lint the given rule files (the packaged ones when none), firing them on the fixture cases."""
    paths = tuple(Path(p) for p in paths) or _packaged()
    files, problems = _load(paths)
    rule_ids = tuple(rule.id for f in files for rule in f.rules)
    problems += [f"rule id {rule_id} is defined {n} times" for rule_id, n in Counter(rule_ids).items() if n > 1]
    if not fixture_dirs:
        return LintReport(tuple(map(str, paths)), tuple(problems), tuple(dict.fromkeys(rule_ids)), (), None)
    config = _config_for(paths)
    fired, cases, errors = _fire(config, fixture_dirs)
    known = {r.id for r in load_ruleset(config.rule_files, not config.no_default_rules).all_rules()} | set(STRUCTURE_RULES)
    undefined = tuple(sorted(set(fired) - known))
    return LintReport(tuple(map(str, paths)), tuple(problems), tuple(dict.fromkeys(rule_ids)),
                      tuple(sorted(fired.items())), cases, tuple(errors), undefined)


def _packaged() -> tuple[Path, ...]:
    generic, sites = packaged_rule_paths()
    return (*generic, *sites)


def _load(paths: Sequence[Path]) -> tuple[list[RuleFile], list[str]]:
    files, problems = [], []
    for path in paths:
        try:
            files.append(load_rule_file(path))
        except RuleError as exc:
            problems.append(str(exc))
    return files, problems


def _fire(config: Config, fixture_dirs: Sequence[Path]) -> tuple[Counter, int, list[str]]:
    """How many blocks each rule removed when cleaning every case with this configuration."""
    from cleaner.fixtures import clean_case, find_cases

    fired: Counter = Counter()
    cases = list(find_cases(fixture_dirs))
    errors = []
    for case in cases:
        record = clean_case(case, config)
        if "error" in record:
            errors.append(f"{case.name}: {record['error']['reason']}")
            continue
        fired.update(removed["rule"] for removed in record["removed"])
    return fired, len(cases), errors


def _config_for(paths: Sequence[Path]) -> Config:
    """The packaged rules plus the linted files that are not packaged; only the linted files when they clash."""
    packaged = {p.resolve() for p in _packaged()}
    extra = tuple(p for p in paths if p.resolve() not in packaged)
    try:
        load_ruleset(extra)
    except RuleError:
        return Config(rule_files=tuple(paths), no_default_rules=True)
    return Config(rule_files=extra)
