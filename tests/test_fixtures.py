"""Every golden case under fixtures/: one test per case, named by its path, using `cleaner check`'s comparison."""

from __future__ import annotations

import pytest

from cleaner.fixtures import Status, check_case, find_cases, load_expected, load_probes
from tests.conftest import FIXTURES

CASES = list(find_cases(FIXTURES))


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_fixture_case(case, valid):
    result = check_case(case)
    assert result.status != Status.NEW, f"{case.name}: expected.json is missing (review, then `cleaner check --update`)"
    if "error" not in result.actual:
        valid(result.actual)
    assert not result.changed_fields, f"{case.name}: fields changed:\n" + "\n".join(result.changes)
    assert not result.probe_failures, f"{case.name}: probes failed: {list(result.probe_failures)}"


def test_fixture_set_is_not_empty():
    assert len(CASES) >= 4


def test_every_case_that_gives_a_record_has_probes():
    for case in CASES:
        expected = load_expected(case) or {}
        if "error" not in expected:
            probes = load_probes(case)
            assert probes.get("must_contain") or probes.get("must_not_contain"), f"{case.name}: probes.json is missing"
