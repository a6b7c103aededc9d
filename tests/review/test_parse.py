"""``review.parse``: sqlglot stays quiet while it parses a script, and its logger's level is the caller's
again afterwards."""

from __future__ import annotations

import logging

import pytest

from schemawright.review.parse import parse_script


@pytest.mark.parametrize("level", [logging.NOTSET, logging.DEBUG, logging.ERROR])
def test_sqlglot_is_quiet_while_parsing_and_its_level_is_restored(
    level: int, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger("sqlglot")
    old = logger.level
    logger.setLevel(level)
    try:
        with caplog.at_level(logging.DEBUG):
            # a statement sqlglot only keeps as a Command (it warns about that) among ordinary ones
            statements, _ = parse_script(
                "CREATE TABLE quiet_t (id int);\nALTER SYSTEM SET work_mem = '4MB';\nSELECT 1;\n",
                "postgresql",
                "quiet.sql",
            )
        assert len(statements) == 3
        assert not [r for r in caplog.records if r.name.startswith("sqlglot")]
        assert logger.level == level
    finally:
        logger.setLevel(old)


def test_the_reused_parser_reads_as_parse_one_also_after_an_error() -> None:
    """The review keeps one sqlglot tokenizer and parser per thread and dialect; each call reads the
    statement as ``sqlglot.parse_one`` does, whatever the call before it left behind."""
    import sqlglot
    from sqlglot.errors import ParseError

    from schemawright.review.parse import _parse_one

    statements = [
        "CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL DEFAULT 'x')",
        "ALTER TABLE t ADD COLUMN c int REFERENCES u (id)",
        "CREATE VIEW v AS SELECT a, count(*) FROM t JOIN u ON t.id = u.id GROUP BY a",
    ]
    for text in statements:
        with pytest.raises(ParseError):
            _parse_one("CREATE TABLE (", "postgres")
        assert repr(_parse_one(text, "postgres")) == repr(sqlglot.parse_one(text, read="postgres"))
    assert repr(_parse_one("SELECT 1; SELECT 2", "postgres")) == repr(
        sqlglot.parse_one("SELECT 1; SELECT 2", read="postgres")
    )
