"""Security: secrets, tokens and sensitive personal data kept in plain columns (SW5xx)."""

from __future__ import annotations

import itertools

from schemawright.catalog.models import Table
from schemawright.review.findings import finding
from schemawright.review.rules.common import TEXT_TYPES, FindingIter, col_at, reviewable, tokens
from schemawright.review.schema import Schema, key

SECRET_WORDS = frozenset({"password", "passwd", "pwd", "secret", "passphrase", "apikey", "pin"})
SECRET_PAIRS = (("api", "key"), ("private", "key"), ("secret", "key"), ("client", "secret"))
TOKEN_WORDS = frozenset({"token"})
PROTECTED = frozenset(
    {
        "hash",
        "hashed",
        "digest",
        "encrypted",
        "enc",
        "cipher",
        "ciphertext",
        "hmac",
        "bcrypt",
        "argon2",
        "salt",
        "last4",
        "masked",
        "fingerprint",
        "ref",
        "id",
        "expires",
        "at",
        "hint",
        "count",
        "type",
        "kind",
        "prefix",
    }
)
PII = {
    ("ssn",): "social security number",
    ("social", "security"): "social security number",
    ("national", "id"): "national id",
    ("tax", "id"): "tax id",
    ("passport",): "passport number",
    ("credit", "card"): "card number",
    ("pan",): "card number",
    ("cvv",): "card security code",
    ("iban",): "bank account",
    ("bank", "account"): "bank account",
}


_STORED_IN_CLEAR = TEXT_TYPES | {"BINARY", "VARBINARY", "BLOB", "BYTEA"}


def check_table(table: Table, schema: Schema, dialect: str) -> FindingIter:
    if not reviewable(table):
        return
    for col in table.columns:
        words = tokens(col.name)
        if set(words) & PROTECTED or col.base_type not in _STORED_IN_CLEAR:
            continue
        pairs = set(itertools.pairwise(words))
        if set(words) & SECRET_WORDS or pairs & set(SECRET_PAIRS):
            yield finding(
                "SW501",
                f"{table.name}.{col.name} looks like a plaintext password or secret.",
                at=col_at(table, col),
                fix=f"ALTER TABLE {table.name} RENAME COLUMN {col.name} TO {key(col.name)}_hash;  "
                "-- store an argon2/bcrypt hash (or encrypt secrets with a KMS key)",
            )
            continue
        if set(words) & TOKEN_WORDS:
            yield finding(
                "SW503",
                f"{table.name}.{col.name} stores a token in plaintext.",
                at=col_at(table, col),
                fix=f"-- store a SHA-256 digest: {key(col.name)}_hash BYTEA NOT NULL, compared on lookup",
            )
            continue
        label = next((label for seq, label in PII.items() if _contains(words, seq)), None)
        if label:
            yield finding(
                "SW502",
                f"{table.name}.{col.name} stores a {label} in a plain column.",
                at=col_at(table, col),
                fix=f"-- encrypt it ({key(col.name)}_encrypted BYTEA) or tokenise it; keep only what is "
                "needed in clear (e.g. last 4 digits)",
            )


def _contains(words: list[str], seq: tuple[str, ...]) -> bool:
    return any(tuple(words[i : i + len(seq)]) == seq for i in range(len(words)))
