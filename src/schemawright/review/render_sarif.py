"""SARIF 2.1.0 output, so findings can be uploaded to code scanning."""

from __future__ import annotations

import json
from typing import Any

from schemawright.review.catalog import RULES
from schemawright.review.models import ReviewReport

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def sarif_dict(report: ReviewReport) -> dict[str, Any]:
    rules = [
        {
            "id": r.code,
            "name": r.name,
            "shortDescription": {"text": r.title},
            "fullDescription": {"text": r.impact},
            "help": {"text": f"Bad:\n{r.bad}\n\nGood:\n{r.good}"},
            "defaultConfiguration": {"level": _LEVEL[r.severity.value]},
            "properties": {"category": r.category.value},
        }
        for r in RULES
    ]
    index = {r.code: i for i, r in enumerate(RULES)}
    results = []
    for f in report.findings:
        location: dict[str, Any] = {
            "physicalLocation": {
                "artifactLocation": {"uri": f.location.file or "<unknown>"},
                "region": {"startLine": max(f.location.line, 1)},
            }
        }
        if f.location.object_name():
            location["logicalLocations"] = [
                {"fullyQualifiedName": f.location.object_name(), "kind": "member"}
            ]
        results.append(
            {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": _LEVEL[f.severity.value],
                "message": {"text": f"{f.message} Impact: {f.impact} Fix: {f.fix}"},
                "locations": [location],
                "properties": {"fix": f.fix, "category": f.category.value, "migration": f.migration},
            }
        )
    run: dict[str, Any] = {}
    if report.notes:  # e.g. files not read (symlinks out of the root): code scanning shows them too
        notifications = [{"message": {"text": n}, "level": "note"} for n in report.notes]
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": notifications}]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                **run,
                "tool": {
                    "driver": {
                        "name": "schemawright-review",
                        "informationUri": "https://github.com/schemawright/schemawright",
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }


def render_sarif(report: ReviewReport) -> str:
    return json.dumps(sarif_dict(report), indent=2) + "\n"
