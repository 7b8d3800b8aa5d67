"""Every golden case under fixtures/: one test per case, named by its path, using `cleaner check`'s comparison."""

from __future__ import annotations

import pytest

from cleaner.fixtures import Status, check_case, find_cases
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
