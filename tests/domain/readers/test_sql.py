"""SQL DDL reader: every column, key, check, index and enum of a spec's SQL becomes a fact."""

from __future__ import annotations

from schemawright.domain.facts import (
    AssumptionFact,
    AttributeFact,
    CheckFact,
    EntityFact,
    IndexFact,
    RelationshipFact,
    UniqueFact,
)
from schemawright.domain.model import Cardinality, Kind
from schemawright.domain.readers import sql
from schemawright.spec.parser import parse_spec

from ._helpers import of, one

SPEC = """# Rent ledger

Tenants pay rent every month.

## Data model

```sql
CREATE TYPE lease_state AS ENUM ('draft', 'active', 'ended');

-- one row per person renting
CREATE TABLE tenants (
  id            BIGSERIAL PRIMARY KEY,
  email         VARCHAR(320) NOT NULL UNIQUE,
  phone         TEXT,
  credit_score  SMALLINT CHECK (credit_score BETWEEN 300 AND 850),
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE leases (
  id            BIGSERIAL PRIMARY KEY,
  tenant_id     BIGINT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  guarantor_id  BIGINT REFERENCES tenants(id) ON DELETE SET NULL,
  state         lease_state NOT NULL DEFAULT 'draft',
  monthly_rent  NUMERIC(10,2) NOT NULL CHECK (monthly_rent > 0),
  deposit       NUMERIC(10,2) CHECK (deposit >= 0),
  starts_on     DATE NOT NULL,
  ends_on       DATE,
  CHECK (ends_on > starts_on),
  CHECK (state <> 'ended' OR ends_on IS NOT NULL)
);

CREATE TABLE rent_payments (
  id          BIGSERIAL PRIMARY KEY,
  lease_id    BIGINT NOT NULL,
  year        INT NOT NULL,
  month       INT NOT NULL CHECK (month >= 1 AND month <= 12),
  method      VARCHAR(10) CHECK (method IN ('card', 'transfer', 'cash')),
  UNIQUE (lease_id, year, month),
  FOREIGN KEY (lease_id) REFERENCES leases (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX uq_one_active_lease ON leases (tenant_id) WHERE state = 'active';
CREATE INDEX ix_payments_recent ON rent_payments (lease_id, year DESC);
```
"""


def _line(doc_lines: list[str], needle: str) -> int:
    return next(i for i, text in enumerate(doc_lines, start=1) if needle in text)


def test_tables_and_columns_with_types_and_exact_lines() -> None:
    doc = parse_spec(SPEC)
    facts = sql.read(doc)
    assert [e.name for e in of(facts, EntityFact)] == ["tenants", "leases", "rent_payments"]
    assert one(facts, EntityFact, name="tenants").table_name == "tenants"
    email = one(facts, AttributeFact, entity="tenants", name="email")
    assert (email.declared_type, email.required, email.unique, email.max_length) == (
        "VARCHAR(320)",
        True,
        True,
        320,
    )
    assert email.prov.line == _line(doc.lines, "email         VARCHAR(320)")
    assert email.prov.rule == "sql.column" and email.prov.origin == "structured"
    assert email.prov.text.startswith("email")
    phone = one(facts, AttributeFact, entity="tenants", name="phone")
    assert (phone.required, phone.unique) == (False, None)
    ident = one(facts, AttributeFact, entity="tenants", name="id")
    assert ident.primary_key and ident.required and ident.declared_type == "BIGSERIAL"
    created = one(facts, AttributeFact, entity="tenants", name="created_at")
    assert created.default == "CURRENT_TIMESTAMP" and created.declared_type == "TIMESTAMPTZ"
    rent = one(facts, AttributeFact, entity="leases", name="monthly_rent")
    assert rent.declared_type == "NUMERIC(10,2)"  # as the spec wrote it


def test_enum_type_gives_the_column_its_values_and_default() -> None:
    facts = sql.read(parse_spec(SPEC))
    state = one(facts, AttributeFact, entity="leases", name="state")
    assert state.kind == Kind.ENUM
    assert state.enum_values == ["draft", "active", "ended"]
    assert state.default == "'draft'" and state.declared_type == "lease_state"


def test_foreign_keys_column_and_table_level() -> None:
    doc = parse_spec(SPEC)
    facts = sql.read(doc)
    tenant = one(facts, RelationshipFact, child="leases", via="tenant_id")
    assert (tenant.parent, tenant.required, tenant.on_delete) == ("tenants", True, "cascade")
    assert tenant.cardinality == Cardinality.MANY_TO_ONE
    assert tenant.prov.rule == "sql.foreign_key" and tenant.prov.line == _line(
        doc.lines, "tenant_id     BIGINT"
    )
    guarantor = one(facts, RelationshipFact, child="leases", via="guarantor_id")
    assert (guarantor.parent, guarantor.required, guarantor.on_delete) == ("tenants", False, "set_null")
    lease = one(facts, RelationshipFact, child="rent_payments", via="lease_id")
    assert (lease.parent, lease.required, lease.on_delete) == ("leases", True, "restrict")
    assert lease.prov.line == _line(doc.lines, "FOREIGN KEY (lease_id)")
    # a foreign-key column is the relationship, not also a plain attribute
    assert not [a for a in of(facts, AttributeFact) if a.name in ("tenant_id", "guarantor_id", "lease_id")]


def test_composite_unique_and_unique_partial_index() -> None:
    doc = parse_spec(SPEC)
    facts = sql.read(doc)
    composite = one(facts, UniqueFact, entity="rent_payments", where="")
    assert composite.attributes == ["lease_id", "year", "month"]
    assert composite.prov.line == _line(doc.lines, "UNIQUE (lease_id, year, month)")
    partial = one(facts, UniqueFact, entity="leases")
    assert partial.attributes == ["tenant_id"] and partial.where == "state = 'active'"
    assert partial.prov.rule == "sql.unique_index"
    index = one(facts, IndexFact, entity="rent_payments")
    assert index.equality == ["lease_id"] and index.sort == ["-year"]


def test_check_forms() -> None:
    facts = sql.read(parse_spec(SPEC))
    score = one(facts, CheckFact, attribute="credit_score")
    assert (score.kind, score.minimum, score.maximum) == ("range", 300, 850)
    rent = one(facts, CheckFact, attribute="monthly_rent")
    assert (rent.kind, rent.minimum, rent.op) == ("range", 0, ">")  # strict on a decimal stays strict
    deposit = one(facts, CheckFact, attribute="deposit")
    assert deposit.kind == "non_negative"
    month = one(facts, CheckFact, attribute="month")
    assert (month.kind, month.minimum, month.maximum) == ("range", 1, 12)
    method = one(facts, CheckFact, attribute="method")
    assert method.kind == "enum" and method.values == ["card", "transfer", "cash"]
    assert one(facts, AttributeFact, name="method").enum_values == ["card", "transfer", "cash"]
    ends = one(facts, CheckFact, attribute="ends_on")
    assert (ends.kind, ends.other, ends.op) == ("compare", "starts_on", ">")
    kept = [a for a in of(facts, AssumptionFact) if a.prov.rule == "sql.check"]
    assert len(kept) == 1 and "state <> 'ended' OR ends_on IS NOT NULL" in kept[0].text


def test_strict_bound_on_integer_becomes_the_next_integer_and_length_checks() -> None:
    facts = sql.read_text(
        "CREATE TABLE shelves (\n"
        "  slots INTEGER CHECK (0 < slots),\n"
        "  label TEXT CHECK (char_length(label) <= 40),\n"
        "  code TEXT CHECK (length(code) BETWEEN 2 AND 6)\n"
        ");"
    )
    slots = one(facts, CheckFact, attribute="slots")
    assert (slots.kind, slots.minimum) == ("range", 1)
    label = one(facts, CheckFact, attribute="label")
    assert (label.kind, label.maximum) == ("length", 40)
    code = one(facts, CheckFact, attribute="code")
    assert (code.kind, code.minimum, code.maximum) == ("length", 2, 6)


def test_composite_foreign_key_and_composite_primary_key() -> None:
    facts = sql.read_text(
        """CREATE TABLE enrolments (
  student_id INT REFERENCES students,
  course_id INT REFERENCES courses (id),
  term_year INT NOT NULL,
  term_no INT NOT NULL,
  PRIMARY KEY (student_id, course_id),
  CONSTRAINT fk_term FOREIGN KEY (term_year, term_no) REFERENCES terms (year, no)
);""",
        line=40,
    )
    student = one(facts, RelationshipFact, via="student_id")
    assert student.parent == "students" and student.required  # part of the primary key
    key = one(facts, UniqueFact, entity="enrolments")
    assert key.attributes == ["student_id", "course_id"] and key.prov.rule == "sql.primary_key"
    term = one(facts, RelationshipFact, parent="terms")
    assert term.via == "" and term.required
    assert any("Composite foreign key" in a.text for a in of(facts, AssumptionFact))
    assert term.prov.line == 46


def test_mysql_dialect_inline_enum_keys_and_comments() -> None:
    facts = sql.read_text(
        """CREATE TABLE `members` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `handle` VARCHAR(40) NOT NULL,
  `plan` ENUM('free','plus') NOT NULL DEFAULT 'free' COMMENT 'billing plan',
  `sponsor_id` INT UNSIGNED NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uk_handle` (`handle`),
  KEY `idx_sponsor` (`sponsor_id`),
  CONSTRAINT `fk_sponsor` FOREIGN KEY (`sponsor_id`) REFERENCES `members` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;"""
    )
    ident = one(facts, AttributeFact, name="id")
    assert ident.primary_key and ident.declared_type == "INT UNSIGNED"
    assert one(facts, AttributeFact, name="handle").unique is True
    plan = one(facts, AttributeFact, name="plan")
    assert (
        plan.enum_values == ["free", "plus"]
        and plan.description == "billing plan"
        and plan.default == "'free'"
    )
    sponsor = one(facts, RelationshipFact, via="sponsor_id")
    assert (sponsor.child, sponsor.parent, sponsor.on_delete, sponsor.required) == (
        "members",
        "members",
        "set_null",
        False,
    )
    assert one(facts, IndexFact, entity="members").equality == ["sponsor_id"]


def test_sqlite_collate_nocase_and_alter_table_and_comment() -> None:
    facts = sql.read_text(
        """CREATE TABLE tools (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT COLLATE NOCASE NOT NULL);
ALTER TABLE tools ADD COLUMN owner_id INTEGER NOT NULL REFERENCES members(id);
ALTER TABLE tools ADD CONSTRAINT uq_tools_owner_name UNIQUE (owner_id, name);
ALTER TABLE tools ADD CONSTRAINT ck_condition CHECK (condition IN ('good', 'worn'));
ALTER TABLE tools ADD CONSTRAINT fk_shed FOREIGN KEY (shed_id) REFERENCES sheds (id) ON DELETE NO ACTION;
COMMENT ON COLUMN tools.name IS 'what the tool is called';
CREATE VIEW busy_tools AS SELECT * FROM tools;"""
    )
    name = next(a for a in of(facts, AttributeFact) if a.name == "name" and a.prov.rule == "sql.column")
    assert name.case_insensitive is True and name.required is True
    owner = one(facts, RelationshipFact, via="owner_id")
    assert owner.parent == "members" and owner.required and owner.prov.line == 2
    assert one(facts, UniqueFact, entity="tools").attributes == ["owner_id", "name"]
    assert one(facts, CheckFact, attribute="condition").values == ["good", "worn"]
    assert one(facts, RelationshipFact, via="shed_id").on_delete == "no_action"
    comment = next(a for a in of(facts, AttributeFact) if a.prov.rule == "sql.comment")
    assert comment.description == "what the tool is called"
    assert any("not modelled" in a.text and a.prov.line == 7 for a in of(facts, AssumptionFact))


def test_unlabelled_fence_is_sniffed_and_python_fence_is_not() -> None:
    doc = parse_spec(
        "# S\n\n```\nCREATE TABLE kits (id INT PRIMARY KEY);\n```\n\n"
        '```python\ncursor.execute("""\nCREATE TABLE nope (id INT);\n""")\n```\n'
    )
    facts = sql.read(doc)
    assert [e.name for e in of(facts, EntityFact)] == ["kits"]
    assert one(facts, EntityFact, name="kits").prov.line == 4


def test_hostile_input_never_raises() -> None:
    hostile = [
        "CREATE TABLE t (name TEXT DEFAULT 'unterminated, x INT);",
        "'",
        "CREATE TABLE (((",
        "\x00\x01 CREATE TABLE 'x",
        "CREATE TABLE t (a int);;;;",
        "",
        "CREATE TABLE a (x int\nCREATE TABLE b (y int, ...)",
        "ALTER TABLE",
        "CREATE TABLE t (" + "a int, " * 500 + "b int)",
        "/* never closed CREATE TABLE x (a int)",
        "CREATE TABLE $$ weird $$ (a int)",
    ]
    for text in hostile:
        sql.read_text(text)  # must not raise
    facts = sql.read_text("CREATE TABLE a (x int\nCREATE TABLE b (y int, ...)")
    assert one(facts, EntityFact, name="b").prov.line == 2
    assert any(a.prov.rule == "sql.skipped" and a.prov.line == 1 for a in of(facts, AssumptionFact))


def test_a_broken_column_line_is_skipped_and_reported_and_the_rest_is_read() -> None:
    facts = sql.read_text(
        "CREATE TABLE notes (\n  id INT PRIMARY KEY,\n"
        "  body TEXT DEFAULT 'it''s broken,\n  author TEXT NOT NULL\n);",
        line=10,
    )
    assert {a.name for a in of(facts, AttributeFact)} == {"id", "author"}
    skipped = of(facts, AssumptionFact)
    assert len(skipped) == 1 and skipped[0].prov.line == 12 and "body TEXT" in skipped[0].text


def test_placeholders_and_trailing_commas_are_tolerated() -> None:
    facts = sql.read_text("CREATE TABLE bins (\n  id INT,\n  label TEXT NOT NULL,\n  ...\n);")
    assert {a.name for a in of(facts, AttributeFact)} == {"id", "label"}
    assert not of(facts, AssumptionFact)


def test_shared_primary_key_is_a_one_to_one_and_stays_the_key() -> None:
    facts = sql.read_text(
        "CREATE TABLE profiles (id INT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE);"
    )
    rel = one(facts, RelationshipFact, child="profiles")
    assert (rel.parent, rel.cardinality, rel.via, rel.required) == ("users", Cardinality.ONE_TO_ONE, "", True)
    assert one(facts, AttributeFact, name="id").primary_key


def test_expression_defaults_keep_the_dialect_function() -> None:
    facts = sql.read_text(
        "CREATE TABLE keys (id UUID DEFAULT gen_random_uuid(), day DATE DEFAULT CURRENT_DATE);"
    )
    assert one(facts, AttributeFact, name="id").default == "GEN_RANDOM_UUID()"
    assert one(facts, AttributeFact, name="day").default == "CURRENT_DATE"
