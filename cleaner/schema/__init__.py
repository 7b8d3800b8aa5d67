"""The JSON Schema of the output record."""

import json
from importlib import resources


def record_schema() -> dict:
    return json.loads(resources.files("cleaner.schema").joinpath("record.schema.json").read_text(encoding="utf-8"))
