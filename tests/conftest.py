"""Shared helpers: schema validation of every record a test produces, paths to seeds and fixtures."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from cleaner.schema import record_schema

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"
BENCH = ROOT.parent / "shared" / "bench"


@pytest.fixture(scope="session")
def record_validator():
    schema = record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture
def valid(record_validator):
    """Validate a record dict against the packaged schema and return it."""

    def check(record: dict) -> dict:
        errors = sorted(record_validator.iter_errors(record), key=str)
        assert not errors, "record does not match the schema: " + "; ".join(e.message for e in errors)
        return record

    return check
