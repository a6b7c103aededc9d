"""``parse.to_sql`` (one sqlglot generator per thread and dialect) renders every part of every tree the
review parses as ``node.sql(dialect=...)`` does, also when called again: a generator's made-up alias names
(``_t0``) start afresh on each call, as in a new generator."""

from __future__ import annotations

from sqlglot import exp

from schemawright.review.parse import DIALECTS, parse_script, sqlglot_dialect, to_sql
from tests.review.corpus_cases import all_cases

UNNAMED_ALIASES = (
    "SELECT * FROM UNNEST(ARRAY[1, 2]) AS (a);\n"
    "CREATE VIEW v AS SELECT x FROM (VALUES (1)) AS (x);\n"
    "ALTER TABLE t ADD COLUMN c NUMERIC(12, 2) NOT NULL DEFAULT 0 CHECK (c >= 0);\n"
)


def test_to_sql_renders_every_node_as_sql_does() -> None:
    scripts = [(UNNAMED_ALIASES, "postgresql")]
    for case in all_cases():
        scripts += [(m.up.sql, case.dialect) for m in case.migrations]
        scripts += [(m.down.sql, case.dialect) for m in case.migrations if m.down is not None]
    compared = 0
    for sql, dialect in scripts:
        statements, _ = parse_script(sql, dialect, "x.sql")
        name = DIALECTS[dialect]
        for stmt in statements:
            if stmt.expr is None:
                continue
            # the statement, its parts and every type: what the review renders (all nodes took 4 s)
            nodes = [stmt.expr, *stmt.expr.iter_expressions(), *stmt.expr.find_all(exp.DataType)]
            for node in nodes:
                expected = node.sql(dialect=sqlglot_dialect(name))
                assert to_sql(node, name) == expected == to_sql(node, name), stmt.text
                compared += 1
    assert compared > 1_000
