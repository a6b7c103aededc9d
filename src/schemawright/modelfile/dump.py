"""DomainModel → the model file: YAML for people (defaults omitted, provenance in comments) or JSON for
programs (every field, sources included). Both load back to an equal model."""

from __future__ import annotations

from typing import Any

import yaml

from schemawright.domain.model import DomainModel, Source
from schemawright.modelfile.provenance import format_source

_WIDE = 1 << 30  # never fold a line: a flow item and its provenance comment stay on one line
_HEADER = """\
# schemawright domain model of feature {id} ({name}).
# Edit it, then run: schemawright design --model THIS_FILE
# Field reference: docs/model.schema.json. Omitted fields take their defaults. A comment
# '# spec line N: rule R — "text"' records where an element came from; keep it with its element
# (an element without one is cited as inferred). An attribute citing its entity's line shares its text.
"""


def to_json(model: DomainModel) -> str:
    return model.model_dump_json(indent=2) + "\n"


def to_yaml(model: DomainModel) -> str:
    data = model.model_dump(mode="json", exclude_defaults=True)
    out = [_HEADER.format(id=model.feature_id, name=model.feature_name)]
    for key in ("feature_id", "feature_name"):
        out.append(f"{key}: {_flow(data.pop(key))}\n")
    lists = {k: v for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)}
    for key, value in data.items():
        if key not in lists:
            out.append(f"{key}: {_flow(value)}\n")
    for key, items in lists.items():
        out.append(f"{key}:\n")
        elements = getattr(model, key)
        for item, element in zip(items, elements, strict=True):
            out.append(_item(item, element.source, indent=2))
    if not model.not_understood:
        out.append("# not_understood: none reported by the analyzer\n")
    return "".join(out)


def _item(data: dict[str, Any], source: Source, indent: int, parent: Source | None = None) -> str:
    """One list element: a one-line flow mapping with a trailing provenance comment, or, when it holds a
    list of elements (an entity's attributes), a block mapping with the comment on the line above."""
    data.pop("source", None)
    pad = " " * indent
    shown = source
    if parent is not None and source.line and (source.line, source.text) == (parent.line, parent.text):
        shown = source.model_copy(update={"text": ""})  # the loader takes the text from the parent
    comment = format_source(shown)
    nested = {k: v for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)}
    if not nested:
        return f"{pad}- {_flow(data)}" + (f"  # {comment}" if comment else "") + "\n"
    lines = [f"{pad}# {comment}\n"] if comment else []
    first = True
    for key, value in data.items():
        if key in nested:
            continue
        lines.append(f"{pad}{'- ' if first else '  '}{key}: {_flow(value)}\n")
        first = False
    for key, items in nested.items():
        lines.append(f"{pad}{'- ' if first else '  '}{key}:\n")
        first = False
        for child in items:
            src = Source.model_validate(child.get("source", {}))
            lines.append(_item(child, src, indent + 4, source))
    return "".join(lines)


def _flow(value: object) -> str:
    text = yaml.safe_dump(value, default_flow_style=True, sort_keys=False, width=_WIDE, allow_unicode=True)
    return text.removesuffix("\n").removesuffix("\n...").removesuffix("...").rstrip("\n")
