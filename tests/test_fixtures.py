"""Every golden case under fixtures/: one test per case, one assertion message per differing field."""

from __future__ import annotations

import pytest

from cleaner.fixtures import clean_case, field_differences, find_cases, load_expected, load_probes, probe_failures
from tests.conftest import FIXTURES

CASES = list(find_cases(FIXTURES))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_case(case, valid):
    expected = load_expected(case)
    assert expected is not None, f"{case.name}: expected.json is missing"
    actual = clean_case(case)
    if "error" not in actual:
        valid(actual)
    changed = field_differences(expected, actual)
    details = "; ".join(f"{name}: expected {expected.get(name)!r:.120} got {actual.get(name)!r:.120}" for name in changed)
    assert not changed, f"{case.name}: fields changed: {details}"
    failures = probe_failures(load_probes(case), actual)
    assert not failures, f"{case.name}: probes failed: {failures}"


def test_fixture_set_is_not_empty():
    assert len(CASES) >= 4
