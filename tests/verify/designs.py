"""A small hand-written design with matching hand-written SQL per dialect.

Covers an existing parent table (with a NOT NULL column the design does not describe), identity
and uuid keys, enum/range/compare checks, a self-reference and a two-table cycle where one side
is nullable. The SQL is written by hand on purpose: these tests must not depend on the emitters.
"""

from __future__ import annotations

from typing import Literal

from schemawright.design.models import Check, Column, ForeignKey, Index, LogicalType, RelationalDesign, Table

Dialect = Literal["postgresql", "mysql", "sqlite"]


def _col(name: str, logical: str, type_: str, **kw: object) -> Column:
    return Column(name=name, logical=LogicalType(name=logical), type=type_, **kw)


STATUSES = ("pending", "paid", "shipped")


def _fk(name: str, column: str, ref_table: str) -> ForeignKey:
    return ForeignKey(name=name, columns=[column], ref_table=ref_table, ref_columns=["id"])


def shop_design(dialect: Dialect, status_values: tuple[str, ...] = STATUSES) -> RelationalDesign:
    uuid_type = {"postgresql": "uuid", "mysql": "char(36)", "sqlite": "TEXT"}[dialect]
    big = {"postgresql": "bigint", "mysql": "bigint", "sqlite": "INTEGER"}[dialect]
    ts = {"postgresql": "timestamptz", "mysql": "datetime(6)", "sqlite": "TEXT"}[dialect]
    accounts = Table(name="accounts", existing=True, primary_key=["id"], columns=[
        _col("id", "bigint", big, default_kind="identity"),
        _col("region", "text", "text"),
    ])
    customers = Table(name="customers", primary_key=["id"], columns=[
        _col("id", "bigint", big, default_kind="identity"),
        _col("account_id", "bigint", big),
        _col("email", "varchar", "varchar(120)", max_length=120),
        _col("created_at", "timestamptz", ts, default_kind="now"),
    ], foreign_keys=[ForeignKey(name="customers_account_fk", columns=["account_id"], ref_table="accounts",
                                ref_columns=["id"])])
    orders = Table(name="orders", primary_key=["id"], columns=[
        _col("id", "uuid", uuid_type, default_kind="uuid"),
        _col("customer_id", "bigint", big),
        _col("parent_order_id", "uuid", uuid_type, nullable=True),
        _col("status", "text", "varchar(20)", enum_values=list(status_values)),
        _col("total", "numeric", "numeric(10,2)", minimum=0, maximum=10000),
        _col("starts_at", "timestamptz", ts),
        _col("ends_at", "timestamptz", ts),
    ], foreign_keys=[
        _fk("orders_customer_fk", "customer_id", "customers"),
        _fk("orders_parent_fk", "parent_order_id", "orders"),
    ], checks=[
        Check(name="orders_status_check", expression="", kind="enum", column="status",
              values=list(status_values)),
        Check(name="orders_total_range", expression="", kind="range", column="total", minimum=0,
              maximum=10000),
        Check(name="orders_period_check", expression="", kind="compare", column="ends_at", other="starts_at",
              op=">"),
    ], indexes=[Index(name="orders_customer_id_idx", columns=["customer_id"])])
    teams = Table(name="teams", primary_key=["id"], columns=[
        _col("id", "bigint", big, default_kind="identity"),
        _col("name", "text", "text"),
        _col("captain_id", "bigint", big, nullable=True),
    ], foreign_keys=[ForeignKey(name="teams_captain_fk", columns=["captain_id"], ref_table="players",
                                ref_columns=["id"])])
    players = Table(name="players", primary_key=["id"], columns=[
        _col("id", "bigint", big, default_kind="identity"),
        _col("team_id", "bigint", big),
        _col("rating", "integer", "integer"),
    ], foreign_keys=[_fk("players_team_fk", "team_id", "teams")],
        checks=[Check(name="players_rating_check", expression="", kind="range", column="rating", minimum=1,
                      maximum=5)])
    # Deliberately listed children-first: ordering is the generator's job.
    return RelationalDesign(dialect=dialect, tables=[players, orders, teams, customers, accounts])


PRIOR = {
    "postgresql": """
CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    region text NOT NULL,
    legacy_code varchar(8) NOT NULL  -- unknown to the design
);
INSERT INTO accounts (region, legacy_code) VALUES ('eu', 'L1');
""",
    "mysql": """
CREATE TABLE accounts (
    id bigint AUTO_INCREMENT PRIMARY KEY,
    region text NOT NULL,
    legacy_code varchar(8) NOT NULL  -- unknown to the design
);
INSERT INTO accounts (region, legacy_code) VALUES ('eu', 'L1');
""",
    "sqlite": """
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    region TEXT NOT NULL,
    legacy_code TEXT NOT NULL CHECK (length(legacy_code) <= 8)  -- unknown to the design
);
INSERT INTO accounts (region, legacy_code) VALUES ('eu', 'L1');
""",
}

UP = {
    "postgresql": """
-- shop tables
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL CONSTRAINT customers_account_fk REFERENCES accounts (id),
    email varchar(120) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    customer_id bigint NOT NULL CONSTRAINT orders_customer_fk REFERENCES customers (id),
    parent_order_id uuid CONSTRAINT orders_parent_fk REFERENCES orders (id),
    status varchar(20) NOT NULL
        CONSTRAINT orders_status_check CHECK (status IN ('pending', 'paid', 'shipped')),
    total numeric(10,2) NOT NULL CONSTRAINT orders_total_range CHECK (total >= 0 AND total <= 10000),
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    CONSTRAINT orders_period_check CHECK (ends_at > starts_at)
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE TABLE teams (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, captain_id bigint
);
CREATE TABLE players (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    team_id bigint NOT NULL CONSTRAINT players_team_fk REFERENCES teams (id),
    rating integer NOT NULL CONSTRAINT players_rating_check CHECK (rating BETWEEN 1 AND 5)
);
ALTER TABLE teams ADD CONSTRAINT teams_captain_fk FOREIGN KEY (captain_id) REFERENCES players (id);
CREATE INDEX accounts_region_idx ON accounts (region);
""",
    "mysql": """
CREATE TABLE customers (
    id bigint AUTO_INCREMENT PRIMARY KEY,
    account_id bigint NOT NULL,
    email varchar(120) NOT NULL UNIQUE,
    created_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT customers_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id)
);
CREATE TABLE orders (
    id char(36) NOT NULL DEFAULT (UUID()) PRIMARY KEY,
    customer_id bigint NOT NULL,
    parent_order_id char(36) NULL,
    status varchar(20) NOT NULL,
    total numeric(10,2) NOT NULL,
    starts_at datetime(6) NOT NULL,
    ends_at datetime(6) NOT NULL,
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id),
    CONSTRAINT orders_parent_fk FOREIGN KEY (parent_order_id) REFERENCES orders (id),
    CONSTRAINT orders_status_check CHECK (status IN ('pending', 'paid', 'shipped')),
    CONSTRAINT orders_total_range CHECK (total >= 0 AND total <= 10000),
    CONSTRAINT orders_period_check CHECK (ends_at > starts_at)
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE TABLE teams (id bigint AUTO_INCREMENT PRIMARY KEY, name text NOT NULL, captain_id bigint NULL);
CREATE TABLE players (
    id bigint AUTO_INCREMENT PRIMARY KEY,
    team_id bigint NOT NULL,
    rating int NOT NULL,
    CONSTRAINT players_team_fk FOREIGN KEY (team_id) REFERENCES teams (id),
    CONSTRAINT players_rating_check CHECK (rating BETWEEN 1 AND 5)
);
ALTER TABLE teams ADD CONSTRAINT teams_captain_fk FOREIGN KEY (captain_id) REFERENCES players (id);
CREATE INDEX accounts_region_idx ON accounts (region(20));
""",
    "sqlite": """
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    email TEXT NOT NULL UNIQUE CHECK (length(email) <= 120),
    created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE orders (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(16)))),
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    parent_order_id TEXT REFERENCES orders (id),
    status TEXT NOT NULL CONSTRAINT orders_status_check CHECK (status IN ('pending', 'paid', 'shipped')),
    total NUMERIC NOT NULL CONSTRAINT orders_total_range CHECK (total >= 0 AND total <= 10000),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    CONSTRAINT orders_period_check CHECK (ends_at > starts_at)
);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE TABLE teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL, captain_id INTEGER REFERENCES players (id));
CREATE TABLE players (
    id INTEGER PRIMARY KEY,
    team_id INTEGER NOT NULL REFERENCES teams (id),
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5)
);
CREATE INDEX accounts_region_idx ON accounts (region);
""",
}

_DOWN_INDEX = {"postgresql": "DROP INDEX accounts_region_idx;", "sqlite": "DROP INDEX accounts_region_idx;",
               "mysql": "DROP INDEX accounts_region_idx ON accounts;"}
_DOWN_TABLES = {
    "postgresql": "ALTER TABLE teams DROP CONSTRAINT teams_captain_fk;\n"
                  "DROP TABLE players;\nDROP TABLE teams;\nDROP TABLE orders;\nDROP TABLE customers;\n",
    "mysql": "ALTER TABLE teams DROP FOREIGN KEY teams_captain_fk;\n"
             "DROP TABLE players;\nDROP TABLE teams;\nDROP TABLE orders;\nDROP TABLE customers;\n",
    "sqlite": "DROP TABLE players;\nDROP TABLE teams;\nDROP TABLE orders;\nDROP TABLE customers;\n",
}


def down(dialect: Dialect, *, forget_index: bool = False) -> str:
    return ("" if forget_index else _DOWN_INDEX[dialect] + "\n") + _DOWN_TABLES[dialect]
