from __future__ import annotations

import pytest

from schemawright.verify.errors import MigrationError
from schemawright.verify.splitter import split_statements


def test_postgres_split_respects_quotes_comments_and_function_bodies() -> None:
    script = """-- header; not a statement
CREATE TABLE "order;x" ("user" text DEFAULT 'a;b''c'); /* x; /* nested; */ */
CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN NEW.x := 1; RETURN NEW; END; $fn$;
CREATE FUNCTION g() RETURNS int LANGUAGE sql
BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END;
SELECT E'\\';x', a$b FROM t"""
    statements = split_statements(script, "postgresql")
    assert [s.line for s in statements] == [2, 3, 4, 6]
    assert statements[0].text == """CREATE TABLE "order;x" ("user" text DEFAULT 'a;b''c')"""
    assert statements[1].text.endswith("END; $fn$")
    assert statements[2].text.endswith("THEN 1 END; END")


def test_postgres_meta_commands_are_rejected_with_their_line() -> None:
    with pytest.raises(MigrationError) as info:
        split_statements("SELECT 1;\n\\connect other\n", "postgresql")
    assert info.value.line == 2
    assert "meta-command" in info.value.engine_message


def test_mysql_split_handles_delimiter_backslashes_and_hash_comments() -> None:
    script = r"""DELIMITER //
CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN IF NEW.a THEN SET NEW.b = 1; END IF; END//
DELIMITER ;
# comment; here
CREATE TABLE `a;b` (c varchar(3) DEFAULT 'x\';y'); -- tail;
CREATE TRIGGER t2 BEFORE INSERT ON x FOR EACH ROW
BEGIN SET NEW.b = 1; SET NEW.c = CASE WHEN 1 THEN 2 END; END;
SELECT 2"""
    statements = split_statements(script, "mysql")
    assert [s.line for s in statements] == [2, 5, 6, 8]
    assert statements[0].text.endswith("END IF; END")
    assert statements[1].text == r"CREATE TABLE `a;b` (c varchar(3) DEFAULT 'x\';y')"
    assert statements[2].text.endswith("THEN 2 END; END")


def test_sqlite_split_keeps_trigger_bodies_and_bracket_identifiers() -> None:
    trigger = "CREATE TRIGGER tr AFTER INSERT ON t BEGIN UPDATE t SET x = 1; END"
    script = f"CREATE TABLE [a;b] (x); {trigger}; SELECT 1"
    texts = [s.text for s in split_statements(script, "sqlite")]
    assert texts == ["CREATE TABLE [a;b] (x)", trigger, "SELECT 1"]
