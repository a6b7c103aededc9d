"""The schema the migrations before the reviewed one build is remembered per chain (``design --all`` reviews
each feature after the whole history): taking it from memory must give exactly the schema, and the report,
that replaying every migration again gives."""

from __future__ import annotations

from collections.abc import Sequence

from schemawright.review import engine
from schemawright.review.chain import Migration
from schemawright.review.schema import Schema
from schemawright.review.suppress import Suppressions
from tests.review.corpus_cases import all_cases

DIALECT = "postgresql"


def _chain() -> list[Migration]:
    """A long history: the corpus's prior setups, one migration each, in order."""
    cases = [c for c in all_cases() if c.dialect == DIALECT and len(c.migrations) > 1]
    return [
        Migration(f"{i:03d}_{c.name}", c.migrations[0].up, c.migrations[0].down) for i, c in enumerate(cases)
    ]


def _replayed(migrations: Sequence[Migration]) -> Schema:
    """Every migration through the reviewer one by one, as none of them is reviewed (the way before)."""
    schema, suppressions = Schema(), Suppressions()
    for m in migrations:
        schema, _, _ = engine._review_one(engine._parse(m, DIALECT, suppressions), schema, DIALECT, False)
    return schema


def _context(migrations: Sequence[Migration]) -> Schema:
    parsed = [engine._parse(m, DIALECT, Suppressions()) for m in migrations]
    return engine._context_schema(migrations, parsed, DIALECT)


def test_a_remembered_context_is_the_replayed_schema() -> None:
    chain = _chain()
    assert len(chain) > 30
    engine._CONTEXT.clear()
    # fresh, then each from a shorter remembered chain, then one remembered whole
    for length in (10, 30, len(chain), 30):
        assert _context(chain[:length]) == _replayed(chain[:length]), length
    # what the callers do with it does not change the remembered one
    _context(chain[:30]).tables.clear()
    assert _context(chain[:30]) == _replayed(chain[:30])


def test_the_report_is_the_same_with_a_remembered_context() -> None:
    chain = _chain()
    reviewed = all_cases()[-1].migrations[-1]
    engine._CONTEXT.clear()
    fresh = engine.review_chain([*chain, reviewed], dialect=DIALECT, focus={reviewed.name})
    again = engine.review_chain([*chain, reviewed], dialect=DIALECT, focus={reviewed.name})
    engine._CONTEXT.clear()
    engine.review_chain(chain[:-4], dialect=DIALECT, focus={chain[-5].name})  # a shorter history first
    longer = engine.review_chain([*chain, reviewed], dialect=DIALECT, focus={reviewed.name})
    assert fresh.model_dump() == again.model_dump() == longer.model_dump()
    assert fresh.migrations == [reviewed.name]


def test_a_script_parsed_again_under_another_name_keeps_its_lines_and_name() -> None:
    from schemawright.review.parse import parse_script

    sql = "-- a design's migration\nCREATE TABLE t (id int PRIMARY KEY);\n\nCREATE INDEX ix_t ON t (id);\n"
    first, _ = parse_script(sql, DIALECT, "20260101_x.up.sql")
    again, _ = parse_script(sql, DIALECT, "<prior 3>", 7)
    assert [s.path for s in first] == ["20260101_x.up.sql"] * 2
    assert [s.path for s in again] == ["<prior 3>"] * 2
    assert [s.line for s in first] == [2, 4] and [s.line for s in again] == [8, 10]
    assert all(a.expr is b.expr for a, b in zip(first, again, strict=True))  # one parse of each statement
