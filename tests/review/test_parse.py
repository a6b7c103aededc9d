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
