"""Spec → DomainModel through a language model: ask for the model under its JSON Schema, accept only an
answer the ``design --model`` loader accepts, and on problems ask again with them (a bounded number of
times). Each element the answer holds is marked ``llm.<element>``, so provenance never passes an LLM's
reading off as a rule's; its cited line is kept only when it exists and its text is the spec's own."""

from __future__ import annotations

import json

from pydantic import BaseModel

from schemawright.domain.model import Assumption, DomainModel, Source
from schemawright.llm.client import ChatClient, LLMError
from schemawright.llm.config import LLMConfig
from schemawright.modelfile.load import ModelFileError, parse_model

MAX_PROBLEMS = 20  # fed back per retry: enough to fix, short enough for a small context window

SYSTEM = """You are the understanding step of schemawright, a database schema designer. Read the feature \
spec and answer with ONE JSON object and nothing else: a schemawright DomainModel valid under this JSON \
Schema:

{schema}

Rules: entity names are singular snake_case (order_item); attribute names are snake_case; every kind, \
cardinality and store is one of the schema's values; each relationship's child and parent are entities you \
list (the child holds the reference; many_to_many names its link entity in through); do not list id, \
created_at, updated_at or reference columns such as user_id as attributes (the designer adds keys and \
timestamps); set each element's source.line to the spec line it comes from (the spec is shown with line \
numbers) and leave source.rule and source.text empty; put statements about data you could not model under \
not_understood; invent nothing the spec does not say; if the spec needs no stored data, answer no entities \
and say why in no_data_reason."""

USER = """feature_id: {feature_id}
feature_name: {feature_name}

The spec, one numbered line each:

{numbered}"""

RETRY = """That answer is not a valid DomainModel:
{problems}
Answer again with the whole corrected JSON object only."""


def llm_model(
    text: str, *, feature_id: str, feature_name: str, config: LLMConfig, client: ChatClient | None = None
) -> DomainModel:
    """The model of spec ``text`` as the configured endpoint reads it, validated; raises
    :class:`LLMError` when no valid answer came within ``1 + config.retries`` attempts."""
    client = client or ChatClient(config)
    schema = DomainModel.model_json_schema()
    lines = text.splitlines()
    numbered = "\n".join(f"{i:>4} | {line}" for i, line in enumerate(lines, 1))
    messages = [
        {"role": "system", "content": SYSTEM.format(schema=json.dumps(schema, separators=(",", ":")))},
        {"role": "user", "content": USER.format(feature_id=feature_id, feature_name=feature_name,
                                               numbered=numbered)},
    ]
    problems: list[str] = []
    for _ in range(1 + config.retries):
        answer = client.complete(messages, schema)
        try:
            model = validate_answer(answer, feature_id, feature_name)
        except ModelFileError as exc:
            problems = [f"{p.message} (line {p.line} of your answer)" for p in exc.problems] or [str(exc)]
            messages += [
                {"role": "assistant", "content": answer},
                {"role": "user", "content": RETRY.format(problems="\n".join(problems[:MAX_PROBLEMS]))},
            ]
            continue
        mark(model, lines)
        drop_keys(model)
        model.assumptions.append(
            Assumption(
                text=f"This model was read from the spec by the language model {config.model!r} "
                "(--analyzer llm); its quality is that model's.",
                source=Source(rule="llm.analyzer"),
            )
        )
        return model
    raise LLMError(
        f"the language model gave no valid domain model in {1 + config.retries} attempts "
        f"({problems[0] if problems else 'no answer'}); nothing was written"
    )


def validate_answer(answer: str, feature_id: str, feature_name: str) -> DomainModel:
    """The answer through the model-file loader. A JSON object is re-indented first (the loader's line
    numbers then point into it) and gets our feature ID and name, which are not the LLM's to choose."""
    text = _unfenced(answer)
    try:
        data = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        data["feature_id"], data["feature_name"] = feature_id, feature_name
        text = json.dumps(data, indent=2)
    return parse_model(text, "<llm answer>")


def mark(model: DomainModel, lines: list[str]) -> None:
    """Every element's rule becomes ``llm.<element>``; a cited line outside the spec is dropped, and the
    text cited is the spec line's own, never the LLM's paraphrase."""

    def visit(value: object, kind: str) -> None:
        if isinstance(value, list):
            for item in value:
                visit(item, kind)
        elif isinstance(value, BaseModel):
            source = getattr(value, "source", None)
            if isinstance(source, Source):
                ok = 0 < source.line <= len(lines)
                source.rule = f"llm.{kind}"
                source.line = source.line if ok else 0
                source.text = lines[source.line - 1].strip()[:200] if ok else ""
            for name in type(value).model_fields:
                if name != "source":
                    visit(getattr(value, name), _KINDS.get(name, kind))

    visit(model, "model")


def drop_keys(model: DomainModel) -> None:
    """Attributes the designer makes itself: ``id`` and each relationship's reference column
    (``user_id``, ``{role}_id``). Models list them despite the prompt; kept, they would be columns twice."""
    refs: dict[str, set[str]] = {}
    for rel in model.relationships:
        refs.setdefault(rel.child, set()).update({f"{rel.parent}_id", f"{rel.role}_id" if rel.role else ""})
    for entity in model.entities:
        keys = {"id"} | refs.get(entity.name, set())
        entity.attributes = [a for a in entity.attributes if a.name not in keys]


_KINDS: dict[str, str] = {
    "entities": "entity", "attributes": "attribute", "relationships": "relationship", "uniques": "unique",
    "checks": "check", "access_patterns": "access_pattern", "cache_needs": "cache_need",
    "assumptions": "assumption", "not_understood": "not_understood", "seed": "seed",
}  # fmt: skip


def _unfenced(answer: str) -> str:
    """``` ```json … ``` ``` → the inside: many models fence JSON even when told not to."""
    text = answer.strip()
    if text.startswith("```"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
        text = text.rsplit("```", 1)[0] if text.rstrip().endswith("```") else text
    return text
