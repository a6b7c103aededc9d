"""Loads the pattern table (``table.yaml``): rows of data, validated once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, Field

CONSTRUCTIONS = {
    "possession",
    "links",
    "recorded_for",
    "tracked_by",
    "gives_own",
    "each_counted",
    "connector",
    "reified_fact",
    "passive_values",
    "passive_with",
    "with_list",
    "belonging",
    "interaction",
    "identified_by",
    "unique_adjective",
    "no_two",
    "enum_list",
    "enum_can_be",
    "enum_named_values",
    "given",
    "spans",
    "lifecycle",
    "kinds",
    "kind_of",
    "role_of",
    "whether",
    "when_happened",
    "how_measure",
    "takes_place",
    "volume",
    "retention",
    "soft_delete",
    "access",
    "event",
    "event_record",
    "colon_list",
    "definition_link",
    "interaction_prep",
    "one_open",
    "passive_counted",
    "signs_up_with",
    "both_ways",
    "shared_by",
    "possessive",
    "attached",
    "self_reference",
    "participle_list",
    "there_is_one_per",
    "counted_object",
    "party_definition",
}


class Examples(BaseModel):
    positive: list[str] = Field(default_factory=list)
    negative: list[str] = Field(default_factory=list)


class Row(BaseModel):
    id: str
    construction: str
    verbs: list[str] = Field(default_factory=list)
    exclude_verbs: list[str] = Field(default_factory=list)
    preps: list[str] = Field(default_factory=list)
    words: list[str] = Field(default_factory=list)
    ownership: str = ""
    roles: dict[str, str] = Field(default_factory=dict)  # verb lemma → the link's role name
    emits: str
    priority: int = 0
    examples: Examples = Field(default_factory=Examples)


class Table(BaseModel):
    rows: list[Row]

    def by_construction(self, name: str) -> list[Row]:
        return [r for r in self.rows if r.construction == name]


@lru_cache(maxsize=1)
def load_table() -> Table:
    raw = yaml.safe_load(
        resources.files("schemawright.domain.patterns").joinpath("table.yaml").read_text("utf-8")
    )
    table = Table.model_validate(raw)
    unknown = {r.construction for r in table.rows} - CONSTRUCTIONS
    if unknown:
        raise ValueError(f"pattern table names unknown constructions: {sorted(unknown)}")
    return table
