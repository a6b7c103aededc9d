"""Type probes: short fresh field descriptions, each with the logical kind an engineer would give it
(``probes.yaml``). Each probe is its own example; the ones the analyzer does not read right yet are listed in
``_NOT_YET`` with the reason, and fail strictly once they pass, so the list only shrinks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from schemawright.domain.analyze import analyze
from schemawright.domain.model import Kind
from schemawright.spec.parser import parse_spec

_PROBES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "probes.yaml").read_text())

# probe text → why the analyzer does not yet give it the expected kind
_NOT_YET: dict[str, str] = {
    "Each guest has a name and any dietary requirements.": (
        "'requirements' is no free-text word in the lexicon: they are often a fixed list (diets)"
    ),
    "For each visit we record the number of hours the nurse stayed and a note.": (
        "a number of hours is read as a count; hours come in halves and quarters"
    ),
    "Each boat hire records the hirer's name and the fee in pounds.": (
        "a compound noun ending in a verb-like word ('boat hire') that records values is not read as a thing"
    ),
}


def _spec(probe: dict[str, Any]) -> str:
    text = probe["text"]
    if probe["style"] == "prose":
        return f"# Feature\n\n{text}\n"
    if probe["style"] == "bmad":
        return (
            "# Architecture\n\n## Data Models\n\n### Booking\n\n**Purpose:** One booking.\n\n"
            f"**Key Attributes:**\n- id: UUID - primary key\n- {text}\n"
        )
    assert probe["style"] == "ts", probe
    return f"# Model\n\n```ts\ninterface Booking {{\n  id: string;\n  {text}\n}}\n```\n"


def _params() -> list[Any]:
    out = []
    for p in _PROBES:
        why = _NOT_YET.get(p["text"])
        marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
        out.append(pytest.param(p, id=f"{p['style']}-{p['attribute']}", marks=marks))
    return out


@pytest.mark.parametrize("probe", _params())
def test_probe_kind(probe: dict[str, Any]) -> None:
    model = analyze(parse_spec(_spec(probe)), "probe", "probe")
    kinds = {a.name: a.kind for e in model.entities for a in e.attributes}
    assert kinds.get(probe["attribute"]) is Kind(probe["kind"]), kinds


def test_every_probe_not_yet_met_is_a_probe() -> None:
    assert set(_NOT_YET) <= {p["text"] for p in _PROBES}
