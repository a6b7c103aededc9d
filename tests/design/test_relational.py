"""The relational designer on small specs written for these tests, and on the corpus's structured specs."""

from __future__ import annotations

from schemawright.design.models import RelationalDesign, Table
from schemawright.design.relational import design_relational
from schemawright.domain.analyze import analyze
from schemawright.spec.parser import parse_spec
from tests.corpus_paths import shared_spec


def _design(text: str, dialect: str = "postgresql") -> RelationalDesign:
    design, _ = design_relational(analyze(parse_spec(text), "t", "t"), dialect)  # type: ignore[arg-type]
    return design


def _table(design: RelationalDesign, name: str) -> Table:
    table = design.table(name)
    assert table is not None, f"no table {name}: {[t.name for t in design.tables]}"
    return table


VESSELS = """# Fleet

## Glossary

- **Vessel**: a ship identified by its IMO number, with a name, a flag and a tonnage.
- **Voyage**: one trip of one vessel, with a departure port and an arrival port.

## Data Models

```
[Vessel] 1----* [Voyage]
```
"""


def test_every_table_has_uuid_key_and_timestamps() -> None:
    design = _design(VESSELS)
    for table in design.tables:
        assert table.primary_key == ["id"]
        id_col = table.column("id")
        assert id_col is not None and id_col.type == "UUID" and id_col.default == "gen_random_uuid()"
        for ts in ("created_at", "updated_at"):
            col = table.column(ts)
            assert col is not None and col.type == "TIMESTAMPTZ" and not col.nullable
        assert table.updated_at_trigger


def test_one_to_many_is_a_foreign_key_on_the_many_side_and_indexed() -> None:
    voyages = _table(_design(VESSELS), "voyages")
    [fk] = voyages.foreign_keys
    assert (fk.name, fk.columns, fk.ref_table, fk.on_delete) == (
        "fk_voyages_vessels",
        ["vessel_id"],
        "vessels",
        "RESTRICT",
    )
    assert any(ix.columns[:1] == ["vessel_id"] for ix in voyages.indexes)


def test_identified_by_becomes_a_unique_constraint() -> None:
    vessels = _table(_design(VESSELS), "vessels")
    assert [u.columns for u in vessels.unique] == [["imo_number"]]
    assert vessels.unique[0].name == "uq_vessels_imo_number"


def test_money_is_exact_and_enums_are_checked() -> None:
    spec = """# Shop

## Data Models

### Product

**Key Attributes:**
- price: decimal - never negative
- status: enum - draft, active, retired
"""
    products = _table(_design(spec), "products")
    price = products.column("price")
    assert price is not None and price.type == "NUMERIC(19,4)"
    expressions = {c.kind: c.expression for c in products.checks}
    assert expressions["enum"] == "status IN ('draft', 'active', 'retired')"
    assert any(c.column == "price" and c.minimum == 0 for c in products.checks)


def test_passwords_and_tokens_are_only_hashed() -> None:
    spec = """# Accounts

## Glossary

- **Member**: a login with an email, a password and an API token.
"""
    accounts = _table(_design(spec), "members")
    names = [c.name for c in accounts.columns]
    assert "password_hash" in names and "password" not in names
    assert "api_token_hash" in names and "api_token" not in names


def test_reserved_words_are_quoted_in_checks() -> None:
    spec = """# Shelf

## Data Models

### Item

**Key Attributes:**
- order: integer - never negative
"""
    items = _table(_design(spec), "items")
    assert any(c.expression == '"order" >= 0' for c in items.checks)


def test_many_to_many_gets_a_junction_with_composite_key() -> None:
    spec = """# Music

## Glossary

- **Musician**: a person with a name.
- **Album**: a record with a title.

```
[Musician] *----* [Album]
```
"""
    design = _design(spec)
    junction = _table(design, "album_musicians")
    assert junction.primary_key == ["album_id", "musician_id"]
    assert {fk.ref_table for fk in junction.foreign_keys} == {"albums", "musicians"}
    assert all(fk.on_delete == "CASCADE" for fk in junction.foreign_keys)
    assert any(ix.columns[:1] == ["musician_id"] for ix in junction.indexes)


def test_corpus_004_events_structure() -> None:
    design = _design(shared_spec("004_events.md").read_text())
    assert {t.name for t in design.tables} == {
        "venues",
        "events",
        "ticket_types",
        "tickets",
        "attendees",
        "orders",
    }
    tickets = _table(design, "tickets")
    assert {fk.ref_table for fk in tickets.foreign_keys} == {"ticket_types", "orders"}
    assert any(u.columns == ["code"] for u in tickets.unique)
    events = _table(design, "events")
    assert any(
        c.kind == "compare" and c.column == "ends_at" and c.other == "starts_at" for c in events.checks
    )
    assert _table(design, "ticket_types").column("price").type == "NUMERIC(19,4)"  # type: ignore[union-attr]


def test_corpus_001_signup_structure() -> None:
    design = _design(shared_spec("001_signup.md").read_text())
    users = _table(design, "users")
    assert users.column("password") is None and users.column("password_hash") is not None
    assert any(ix.unique and ix.expressions == {"email": "lower"} for ix in users.indexes)
    tokens = _table(design, "email_verification_tokens")
    [fk] = tokens.foreign_keys
    assert fk.ref_table == "users"


def test_token_hashes_are_unique_lookup_keys() -> None:
    spec = """# Kiosk

## Glossary

- **Device**: a kiosk with a name and a pairing token.
"""
    devices = _table(_design(spec), "devices")
    assert devices.column("pairing_token") is None
    assert [u.columns for u in devices.unique] == [["pairing_token_hash"]]


def test_an_ip_address_is_inet_where_the_dialect_has_it_and_45_characters_elsewhere() -> None:
    spec = "# Audit\n\nEach sign-in records the account name, the time it happened and the client IP address."
    for dialect, want in (("postgresql", "INET"), ("mysql", "VARCHAR(45)"), ("sqlite", "TEXT")):
        sign_in = _table(_design(spec, dialect), "sign_ins")
        column = next(c for c in sign_in.columns if c.name.endswith("ip_address"))
        assert column.logical.name == "inet", (dialect, column)
        assert column.type == want, (dialect, column.type)
