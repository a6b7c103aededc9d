"""The one statement splitter (``engines/splitter.py``): scripts are cut the way each engine's client cuts
them, for the engine (:func:`split_statements`) and for the reviewer (:func:`split_script`, which also
keeps each statement's exact lines, its text without comments, and every comment with its lines).

The reviewer had a splitter of its own, blind to the dialect; the tests marked *was* below show where the
two disagreed and which behaviour was kept (always the engine's: the review sees the statements the engine
runs)."""

from __future__ import annotations

import pytest

from schemawright.engines.splitter import Comment, split_script, split_statements
from schemawright.verify.errors import MigrationError

# -- what each engine's client does -----------------------------------------------------------------


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


# -- what the reviewer needs: lines, code without comments, the comments --------------------------


def test_splitter_keeps_dollar_quotes_and_lines() -> None:
    # moved from the reviewer's tests (tests/review/test_api.py), which used its own splitter
    statements, comments = split_script(
        "-- c\nSELECT ';';\n\nCREATE FUNCTION f() AS $b$ x; y; $b$;\n", "postgresql"
    )
    assert [(s.line, s.code[:6]) for s in statements] == [(2, "SELECT"), (4, "CREATE")]
    assert comments[0].text == "c"


def test_each_statement_has_its_first_and_last_line() -> None:
    script = "CREATE TABLE users (\n    id BIGINT PRIMARY KEY\n);\n\nDROP TABLE old;\nSELECT 1\n"
    statements, _ = split_script(script, "postgresql")
    # the last line is the one holding the ';'; a last statement without one ends with the script
    assert [(s.line, s.end_line) for s in statements] == [(1, 3), (5, 5), (6, 7)]


def test_lines_count_from_where_the_section_starts_in_its_file() -> None:
    # a dbmate/goose up section whose first line is line 4 of the file
    statements, comments = split_script(
        "-- why\nALTER TABLE t ADD COLUMN c INT;\n", "postgresql", first_line=4
    )
    assert (statements[0].line, statements[0].end_line) == (5, 5)
    assert comments == [Comment(4, 4, "why")]


def test_every_comment_is_kept_with_its_lines_and_left_out_of_the_code() -> None:
    script = """-- schemawright:ignore SW604 the column moved to profiles
ALTER TABLE users
    DROP COLUMN bio, -- gone
    /* kept for
       a release */ DROP COLUMN avatar;
"""
    [statement], comments = split_script(script, "postgresql")
    assert comments == [
        Comment(1, 1, "schemawright:ignore SW604 the column moved to profiles"),
        Comment(3, 3, "gone"),
        Comment(4, 5, "kept for\n       a release"),
    ]
    assert (statement.line, statement.end_line) == (2, 5)
    # the engine gets the comments; the linter reads the code (a block comment leaves one space)
    assert "-- gone" in statement.text and "a release */" in statement.text
    assert statement.code == "ALTER TABLE users\n    DROP COLUMN bio, \n      DROP COLUMN avatar"


def test_an_unterminated_block_comment_keeps_all_its_text() -> None:
    # was: the review's splitter cut the last two characters of such a comment
    _, comments = split_script("SELECT 1; /* no end", "postgresql")
    assert comments == [Comment(1, 1, "no end")]


# -- where the reviewer's old splitter disagreed with the engine's ---------------------------------


def test_a_sqlite_trigger_body_is_one_statement() -> None:
    # was: cut at the first ';' of the body, leaving "END" as a statement of its own
    script = """CREATE TRIGGER trg_users_updated_at AFTER UPDATE ON users
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
    UPDATE users SET updated_at = CURRENT_TIMESTAMP WHERE rowid = NEW.rowid;
END;
DROP TABLE old;
"""
    statements, _ = split_script(script, "sqlite")
    assert [(s.line, s.end_line) for s in statements] == [(1, 5), (6, 6)]
    assert statements[0].code.endswith("NEW.rowid;\nEND")


def test_a_mysql_trigger_body_is_one_statement_with_or_without_delimiter() -> None:
    # was: DELIMITER was read as SQL, and the body was cut at its first ';'
    script = """DELIMITER //
CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN
  SET NEW.b = 1;
END//
DELIMITER ;
CREATE TRIGGER t2 BEFORE INSERT ON x FOR EACH ROW BEGIN
  IF NEW.a THEN SET NEW.b = 1; END IF;
END;
"""
    statements, _ = split_script(script, "mysql")
    assert [(s.line, s.end_line) for s in statements] == [(2, 4), (6, 8)]
    assert [s.code.split()[2] for s in statements] == ["t", "t2"]


def test_a_postgresql_begin_atomic_body_is_one_statement() -> None:
    # was: cut at every ';' of the SQL-standard function body
    script = (
        "CREATE PROCEDURE p() LANGUAGE SQL\nBEGIN ATOMIC\n  INSERT INTO a VALUES (1);\n  SELECT 2;\nEND;\n"
    )
    [statement], _ = split_script(script, "postgresql")
    assert (statement.line, statement.end_line) == (1, 5)


def test_dollar_quoted_bodies_are_postgresqls_and_start_a_token() -> None:
    function = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$"
    statements, _ = split_script(f"{function};\nSELECT 2;", "postgresql")
    assert [s.code for s in statements] == [function, "SELECT 2"]
    # was: a '$' inside an identifier (price$usd$) opened a dollar quote that swallowed the rest
    statements, _ = split_script("SELECT price$usd$ FROM t;\nSELECT 2;", "postgresql")
    assert [s.line for s in statements] == [1, 2]
    # was: dollar quotes in every dialect; MySQL has none
    statements, _ = split_script("SELECT '$x$';\nSELECT $x$;\nSELECT 3;", "mysql")
    assert len(statements) == 3


def test_postgresql_block_comments_nest() -> None:
    # was: the comment ended at the first '*/', so "still comment ;" became a statement
    statements, comments = split_script(
        "/* a /* b */ still comment ; */\nCREATE TABLE t (id INT);", "postgresql"
    )
    assert [s.code for s in statements] == ["CREATE TABLE t (id INT)"]
    assert comments == [Comment(1, 1, "a /* b */ still comment ;")]


def test_a_backslash_escapes_a_quote_only_where_the_engine_says_so() -> None:
    # PostgreSQL: standard strings take a backslash literally; E'' strings escape with it.
    # was: a backslash escaped in every string, so 'C:\' swallowed the next statement
    statements, _ = split_script(
        "INSERT INTO p VALUES ('C:\\');\nINSERT INTO p VALUES (E'it\\'s; ok');", "postgresql"
    )
    assert [s.line for s in statements] == [1, 2]
    # MySQL escapes in both kinds of string
    statements, _ = split_script("INSERT INTO p VALUES (\"a\\\";b\", 'c\\';d');\nSELECT 2;", "mysql")
    assert [s.line for s in statements] == [1, 2]


def test_postgresql_parentheses_hold_semicolons() -> None:
    # psql's rule; was: a rule with several actions was cut inside its parentheses
    script = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); NOTIFY t);\nSELECT 2;"
    statements, _ = split_script(script, "postgresql")
    assert [s.line for s in statements] == [1, 2]


def test_mysql_comments_are_mysqls() -> None:
    # '#' starts a comment (a suppression can use it); '--' does only before a space.
    # was: '#' was code and '--1' a comment
    statements, comments = split_script(
        "# schemawright:ignore SW604 moved\nALTER TABLE t DROP COLUMN c;\nSELECT 1--1;\n", "mysql"
    )
    assert comments == [Comment(1, 1, "schemawright:ignore SW604 moved")]
    assert [s.code for s in statements] == ["ALTER TABLE t DROP COLUMN c", "SELECT 1--1"]


def test_a_mysql_executable_comment_runs_but_is_not_linted() -> None:
    script = "/*!40101 SET NAMES utf8mb4 */;\nCREATE TABLE t (id INT);"
    assert [s.text for s in split_statements(script, "mysql")] == [
        "/*!40101 SET NAMES utf8mb4 */",
        "CREATE TABLE t (id INT)",
    ]
    statements, comments = split_script(script, "mysql")
    assert [s.code for s in statements] == ["CREATE TABLE t (id INT)"]
    assert comments == [Comment(1, 1, "!40101 SET NAMES utf8mb4")]


def test_a_psql_meta_command_is_a_statement_of_its_line_for_the_reviewer() -> None:
    # the engine refuses it (above); was: the reviewer read it as the start of the next statement
    statements, _ = split_script(
        "SELECT 1;\n\\set ON_ERROR_STOP on\nCREATE TABLE t (id INT);\n", "postgresql"
    )
    assert [(s.code, s.line) for s in statements] == [
        ("SELECT 1", 1),
        ("\\set ON_ERROR_STOP on", 2),
        ("CREATE TABLE t (id INT)", 3),
    ]


def test_runs_taken_at_once_cut_as_one_character_at_a_time_did() -> None:
    """Once a statement's first words show it is no routine, the splitter takes everything up to the next
    quote, comment, dollar quote, ';' or parenthesis at once: what follows still ends it, quotes it or
    nests exactly where it did. A "$" inside a word or after a digit starts no dollar quote; E'' escapes."""
    script = (
        "UPDATE t SET a$b = E'x\\';y', c = $q$;$q$, d = 1$2, e = 'it''s;' WHERE f >= 2e5; -- x;\n"
        'CREATE TABLE function_x (begin int, "end;" int, CHECK (begin > 0));\n'
        "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;\n"
        "ALTER TABLE t ADD COLUMN g int /* ; */ DEFAULT 7; SELECT 'é;', ü FROM t"
    )
    statements, comments = split_script(script, "postgresql")
    assert [s.code for s in statements] == [
        "UPDATE t SET a$b = E'x\\';y', c = $q$;$q$, d = 1$2, e = 'it''s;' WHERE f >= 2e5",
        'CREATE TABLE function_x (begin int, "end;" int, CHECK (begin > 0))',
        "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
        "ALTER TABLE t ADD COLUMN g int   DEFAULT 7",
        "SELECT 'é;', ü FROM t",
    ]
    assert [s.line for s in statements] == [1, 2, 3, 4, 4]
    assert [c.text for c in comments] == ["x;", ";"]
    sqlite = "CREATE TABLE [a;b] (x); CREATE TRIGGER tr AFTER INSERT ON a BEGIN SELECT 1; END; SELECT $x;"
    assert [s.text for s in split_statements(sqlite, "sqlite")] == [
        "CREATE TABLE [a;b] (x)",
        "CREATE TRIGGER tr AFTER INSERT ON a BEGIN SELECT 1; END",
        "SELECT $x",
    ]
