"""Semantic kind → physical column for relational stores, following the role's type rules:
money as exact decimals, TEXT with CHECK limits rather than arbitrary VARCHARs, timestamps with time
zone, booleans, non-negative counts, secrets only hashed, confidential values only encrypted."""

from __future__ import annotations

from dataclasses import dataclass

from schemawright.design.models import LogicalType
from schemawright.domain.model import Attribute, Kind


@dataclass(frozen=True)
class Physical:
    name: str  # column name (may differ from the attribute: password → password_hash)
    logical: LogicalType
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    default: str | None = None  # "false", "0" … (dialect-neutral literal)
    note: str = ""


_TEXT_LIMITS = {
    Kind.IDENTIFIER: 64,
    Kind.NAME: 200,
    Kind.TITLE: 200,
    Kind.TEXT: 500,
    Kind.EMAIL: 320,
    Kind.PHONE: 32,
    Kind.URL: 2048,
    Kind.IP_ADDRESS: 45,  # the longest IPv6 text form (IPv4-mapped)
    Kind.LONG_TEXT: 10000,
    Kind.ENUM: 50,
}
# Timestamps of things that always happen when the row is written; other ``*_at`` events may not have
# happened yet and are nullable.
ALWAYS_SET_TIMESTAMPS = frozenset(
    {
        "starts_at",
        "ends_at",
        "expires_at",
        "occurred_at",
        "issued_at",
        "due_at",
        "recorded_at",
        "measured_at",
        "clicked_at",
        "accessed_at",
        "sent_at",
        "reserved_at",
        "loaned_at",
        "borrowed_at",
        "triggered_at",
        "scheduled_at",
        "timestamp",
        "happened_at",
        "opened_at",
        "requested_at",
        "queued_at",
    }
)
OPTIONAL_DATE_WORDS = (
    "termination",
    "return",
    "end",
    "expiry",
    "expires",
    "cancel",
    "close",
    "paid",
    "completed",
    "finished",
    "archived",
    "deleted",
    "until",
    "valid_to",
)


def physical(attr: Attribute) -> Physical:
    k = attr.kind
    if k is Kind.PASSWORD:
        name = attr.name if attr.name.endswith(("_hash", "_digest")) else "password_hash"
        return Physical(
            name, LogicalType(name="text"), note="only a slow salted hash (argon2id/bcrypt) is stored"
        )
    if k is Kind.SECRET_TOKEN:
        name = attr.name if attr.name.endswith(("_hash", "_digest")) else f"{attr.name}_hash"
        return Physical(name, LogicalType(name="text"), note="only a hash of the secret is stored")
    if k is Kind.ENCRYPTED:
        name = attr.name if attr.name.endswith(("_encrypted", "_ciphertext")) else f"{attr.name}_encrypted"
        return Physical(
            name,
            LogicalType(name="bytea"),
            note="encrypted by the application (envelope encryption, key in a KMS); never plaintext",
        )
    if k is Kind.MONEY:
        if attr.sensitivity == "confidential":
            return Physical(
                f"{attr.name}_encrypted",
                LogicalType(name="bytea"),
                note="confidential amount, encrypted by the application",
            )
        return Physical(attr.name, LogicalType(name="numeric", precision=19, scale=4), minimum=attr.minimum)
    if k is Kind.DECIMAL:
        return Physical(
            attr.name,
            LogicalType(name="numeric", precision=12, scale=4),
            minimum=attr.minimum,
            maximum=attr.maximum,
        )
    if k is Kind.PERCENTAGE:
        return Physical(
            attr.name,
            LogicalType(name="numeric", precision=5, scale=2),
            minimum=attr.minimum if attr.minimum is not None else 0,
            maximum=attr.maximum if attr.maximum is not None else 100,
        )
    if k in (Kind.COUNT, Kind.DURATION, Kind.POSITION):
        return Physical(
            attr.name,
            LogicalType(name="integer"),
            minimum=attr.minimum if attr.minimum is not None else 0,
            maximum=attr.maximum,
        )
    if k is Kind.INTEGER:
        return Physical(attr.name, LogicalType(name="integer"), minimum=attr.minimum, maximum=attr.maximum)
    if k is Kind.RATING:
        return Physical(
            attr.name,
            LogicalType(name="smallint"),
            minimum=attr.minimum if attr.minimum is not None else 1,
            maximum=attr.maximum if attr.maximum is not None else 5,
        )
    if k is Kind.YEAR:
        return Physical(attr.name, LogicalType(name="smallint"), minimum=1, maximum=9999)
    if k is Kind.MONTH:
        return Physical(attr.name, LogicalType(name="smallint"), minimum=1, maximum=12)
    if k is Kind.BOOLEAN:
        return Physical(attr.name, LogicalType(name="boolean"), default="false")
    if k is Kind.DATE:
        return Physical(attr.name, LogicalType(name="date"))
    if k is Kind.TIMESTAMP:
        return Physical(attr.name, LogicalType(name="timestamptz"))
    if k is Kind.TIME:
        return Physical(attr.name, LogicalType(name="time"), note="time of day, no date or time zone")
    if k is Kind.JSON or k is Kind.LIST:
        return Physical(attr.name, LogicalType(name="json"))
    if k is Kind.CURRENCY:
        return Physical(attr.name, LogicalType(name="char", length=3), note="ISO 4217 code")
    if k is Kind.COUNTRY:
        return Physical(attr.name, LogicalType(name="char", length=2), note="ISO 3166-1 alpha-2 code")
    if k is Kind.UUID:
        return Physical(attr.name, LogicalType(name="uuid"))
    if k is Kind.IP_ADDRESS:
        # INET on PostgreSQL (validated, IPv4 and IPv6); VARCHAR(45) / TEXT where there is no such type
        return Physical(attr.name, LogicalType(name="inet"), note="IPv4 or IPv6 address")
    limit = attr.max_length or _TEXT_LIMITS.get(k, 500)
    return Physical(attr.name, LogicalType(name="text"), max_length=limit)


def nullable(attr: Attribute, column: str) -> bool:
    """Optional when the spec says so, and for events that may not have happened yet."""
    if not attr.required:
        return True
    if attr.kind is Kind.TIMESTAMP and column.endswith("_at") and column not in ALWAYS_SET_TIMESTAMPS:
        return True
    return attr.kind is Kind.DATE and any(w in column for w in OPTIONAL_DATE_WORDS)
