"""Writes ``docs/design.schema.json`` (the JSON Schema of ``design --json``) from the pydantic models:
``python -m schemawright.schema_doc > docs/design.schema.json``. A test keeps the file current."""

from __future__ import annotations

import json

from schemawright.result import DesignResult


def design_schema() -> str:
    schema = DesignResult.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "schemawright design --json"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(design_schema(), end="")
