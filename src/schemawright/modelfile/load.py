"""Read a model file (YAML or JSON) into a validated :class:`DomainModel`, or fail with every problem.

A hand-edited file is checked completely before anything is designed: syntax, unknown keys, types and
allowed values (kinds, cardinalities, stores), duplicate names and references to unknown entities. Each
problem is one line ``FILE:LINE: where: what``; :class:`ModelFileError` carries them all (exit 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemawright.domain.model import DomainModel
from schemawright.io import UsageError, read_spec
from schemawright.modelfile.checks import check
from schemawright.modelfile.nodes import Parsed, Problem, compose, dotted

MODEL_SUFFIXES = (".yaml", ".yml", ".json")


class ModelFileError(UsageError):
    """A model file with problems; ``str()`` lists one per line."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = sorted(problems, key=lambda p: p.line)
        super().__init__("\n".join(f"{path}:{p.line}: {p.message}" for p in self.problems))


def load_model(path: Path) -> DomainModel:
    return parse_model(read_spec(path), str(path))


def parse_model(text: str, name: str = "<model>") -> DomainModel:
    """Validate ``text`` completely; raise :class:`ModelFileError` with every problem found."""
    parsed = compose(text)
    problems = list(parsed.problems)
    if parsed.data is None:
        raise ModelFileError(name, problems)
    problems += check(parsed)
    model = None
    if isinstance(parsed.data, dict):
        try:
            model = DomainModel.model_validate(parsed.data)
        except ValidationError as exc:
            problems += [_problem(parsed, err) for err in exc.errors()]
    if problems or model is None:
        raise ModelFileError(name, problems)
    return model


def _problem(parsed: Parsed, err: Any) -> Problem:
    loc = tuple(err["loc"])
    where = dotted(loc)
    value = err.get("input")
    if err["type"] in ("enum", "literal_error"):
        message = f"{value!r} is not one of {err['ctx']['expected']}"
    elif err["type"] == "missing":
        message = "required but missing"
    else:
        message = err["msg"]
    return Problem(parsed.line_of(loc), f"{where}: {message}")
