"""The logical model: what the spec asks to be stored, independent of any database.

Entities and attributes carry *semantic kinds* (money, email, timestamp …); store designers turn kinds
into physical types. Every element records the spec line it came from so the design stays explainable.
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, Field


class Source(BaseModel):
    """Where an element came from: a spec line, or a named design rule when the spec is silent."""

    line: int = 0
    text: str = ""
    rule: str = ""

    def cite(self) -> str:
        if self.line:
            return f"spec line {self.line}"
        return f"rule: {self.rule}" if self.rule else "inferred"


class Kind(str, Enum):
    IDENTIFIER = "identifier"  # external/business identifier or code (ISBN, card number, SKU)
    NAME = "name"
    TITLE = "title"
    TEXT = "text"  # short free text
    LONG_TEXT = "long_text"  # body, description, notes
    EMAIL = "email"
    PHONE = "phone"
    URL = "url"
    IP_ADDRESS = "ip_address"  # IPv4 or IPv6 address (PostgreSQL INET)
    MONEY = "money"
    CURRENCY = "currency"
    DECIMAL = "decimal"
    INTEGER = "integer"
    COUNT = "count"  # non-negative integer
    POSITION = "position"  # ordering within a parent
    PERCENTAGE = "percentage"
    RATING = "rating"
    BOOLEAN = "boolean"
    DATE = "date"
    TIMESTAMP = "timestamp"
    TIME = "time"  # time of day without a date (opening time)
    DURATION = "duration"  # stored as integer seconds/minutes per name
    YEAR = "year"
    MONTH = "month"
    ENUM = "enum"
    JSON = "json"
    PASSWORD = "password"  # stored only as a hash
    SECRET_TOKEN = "secret_token"  # stored only as a hash
    ENCRYPTED = "encrypted"  # confidential value that must be readable again: ciphertext
    COUNTRY = "country"
    UUID = "uuid"
    LIST = "list"  # a multi-valued attribute (kept as a child table or array per store)


Sensitivity = Literal["none", "personal", "confidential", "secret", "payment"]


class Attribute(BaseModel):
    name: str  # snake_case
    kind: Kind
    required: bool = True
    unique: bool = False
    case_insensitive: bool = False
    enum_values: list[str] = Field(default_factory=list)
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    sensitivity: Sensitivity = "none"
    default: str | None = None  # literal default value, as text
    description: str = ""
    source: Source = Field(default_factory=Source)


class Entity(BaseModel):
    name: str  # singular snake_case, e.g. "order_item"
    description: str = ""
    attributes: list[Attribute] = Field(default_factory=list)
    soft_delete: bool = False
    existing_table: str | None = None  # set when the project already has this table
    append_only: bool = False  # events/logs/readings: never updated
    volume_per_month: int | None = None
    retention_days: int | None = None
    time_attribute: str | None = None  # the attribute that orders events in time (for partitioning/TTL)
    excluded_attributes: list[str] = Field(default_factory=list)  # the spec says never to store these
    source: Source = Field(default_factory=Source)

    def attribute(self, name: str) -> Attribute | None:
        return next((a for a in self.attributes if a.name == name), None)


class Cardinality(str, Enum):
    MANY_TO_ONE = "many_to_one"  # child → parent (foreign key on the child)
    ONE_TO_ONE = "one_to_one"  # child → parent, unique
    MANY_TO_MANY = "many_to_many"


class Relationship(BaseModel):
    """``child`` refers to ``parent``; for many-to-many the pair is symmetric, ``through`` names the link."""

    child: str
    parent: str
    cardinality: Cardinality = Cardinality.MANY_TO_ONE
    required: bool = True
    role: str = ""  # name of the link when not the parent's name: "manager", "assignee"
    ownership: Literal["owned", "reference", "history"] = "reference"
    through: str = ""  # many-to-many: association entity name
    attributes: list[Attribute] = Field(default_factory=list)  # many-to-many link attributes
    ordered: bool = False  # the children have a position within the parent
    source: Source = Field(default_factory=Source)


class UniqueRule(BaseModel):
    entity: str
    attributes: list[str]  # attribute names or relationship roles ("copy" → copy_id)
    where: str = ""  # logical condition: "<attr> is null" etc. (rendered per dialect)
    source: Source = Field(default_factory=Source)


class CheckRule(BaseModel):
    """A structured check; emitters render it per dialect with quoted identifiers, never raw spec text."""

    entity: str
    kind: Literal["range", "compare", "enum", "non_negative", "length"]
    attribute: str
    other: str = ""  # compare: the attribute it is compared to
    op: Literal[">", ">=", "<", "<="] = ">"
    minimum: float | None = None
    maximum: float | None = None
    values: list[str] = Field(default_factory=list)
    source: Source = Field(default_factory=Source)


class AccessPattern(BaseModel):
    entity: str
    equality: list[str] = Field(default_factory=list)
    sort: list[str] = Field(default_factory=list)  # "-created_at" for descending
    range: list[str] = Field(default_factory=list)
    text_search: bool = False
    description: str = ""
    source: Source = Field(default_factory=Source)


class CacheNeed(BaseModel):
    """A key-value need the spec states: cache, rate limit, session, counter, presence."""

    purpose: Literal["cache", "rate_limit", "session", "counter", "presence", "token", "leaderboard", "feed"]
    entity: str = ""
    key_parts: list[str] = Field(default_factory=list)
    ttl_seconds: int | None = None
    sliding: bool = False
    limit: int | None = None
    window_seconds: int | None = None
    description: str = ""
    source: Source = Field(default_factory=Source)


class Assumption(BaseModel):
    text: str
    source: Source = Field(default_factory=Source)


class SeedRow(BaseModel):
    entity: str
    values: dict[str, str]
    source: Source = Field(default_factory=Source)


StoreKind = Literal["postgresql", "mysql", "sqlite", "supabase", "mongodb", "firestore", "redis"]


class DomainModel(BaseModel):
    feature_id: str
    feature_name: str
    entities: list[Entity] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)
    uniques: list[UniqueRule] = Field(default_factory=list)
    checks: list[CheckRule] = Field(default_factory=list)
    access_patterns: list[AccessPattern] = Field(default_factory=list)
    cache_needs: list[CacheNeed] = Field(default_factory=list)
    declared_stores: list[StoreKind] = Field(default_factory=list)  # explicit in the spec
    audit_entities: list[str] = Field(default_factory=list)  # entities whose access/changes are logged
    seed: list[SeedRow] = Field(default_factory=list)
    out_of_scope: list[str] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)
    # sentences that mention data but produced nothing: listed for the reader, never dropped silently
    not_understood: list[Assumption] = Field(default_factory=list)
    no_data_reason: str = ""  # set when the spec has no data needs

    def entity(self, name: str) -> Entity | None:
        return next((e for e in self.entities if e.name == name), None)
