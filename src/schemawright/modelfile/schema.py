"""Writes ``docs/model.schema.json``, the JSON Schema of the model file (``analyze`` output, ``design
--model`` input), from the pydantic model:
``python -m schemawright.modelfile.schema > docs/model.schema.json`` (a test keeps the file current).
Editors can validate a YAML model against it too: same shape."""

from __future__ import annotations

import json

from schemawright.domain.model import DomainModel


def model_schema() -> str:
    schema = DomainModel.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "schemawright domain model (analyze output, design --model input)"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(model_schema(), end="")
