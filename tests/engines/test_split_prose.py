"""``split_prose``: the one splitter reading SQL quoted in a spec (the domain reader's DDL), which may be
sloppy: a forgotten ``;``, an unterminated quote, MySQL backticks beside PostgreSQL dollar quotes. It
replaced the domain reader's own splitter (``domain/readers/sql.split_statements``)."""

from __future__ import annotations

import re

from schemawright.engines.splitter import split_prose, split_statements

_NEXT = re.compile(r"create\b", re.I)


def restart(rest: str, depth: int) -> bool:
    return depth == 0 and bool(_NEXT.match(rest))


def cut(text: str) -> list[tuple[str, int]]:
    return [(s.text, s.line) for s in split_prose(text, restart)]


def test_a_forgotten_semicolon_ends_the_statement_before_the_next_line_the_caller_names() -> None:
    text = "-- users\nCREATE TABLE a (x int)\n\nCREATE TABLE b (y int);\nCREATE INDEX i ON b (y)"
    assert cut(text) == [
        ("CREATE TABLE a (x int)", 2),
        ("CREATE TABLE b (y int)", 4),
        ("CREATE INDEX i ON b (y)", 5),
    ]


def test_every_semicolon_ends_a_statement_even_inside_parentheses() -> None:
    # a client keeps "(a; b)" whole (CREATE RULE); in a spec it is a typo, and the rest must still be read
    assert cut("CREATE TABLE a (x int;\nCREATE TABLE b (y int);") == [
        ("CREATE TABLE a (x int", 1),
        ("CREATE TABLE b (y int)", 2),
    ]
    assert [s.text for s in split_statements("CREATE RULE r AS ON INSERT TO t DO (a; b);", "postgresql")] == [
        "CREATE RULE r AS ON INSERT TO t DO (a; b)"
    ]


def test_an_unterminated_quote_ends_at_its_line() -> None:
    text = "CREATE TABLE t (name TEXT DEFAULT 'it's);\nCREATE TABLE u (id int);"
    assert [line for _, line in cut(text)] == [1, 2]
    assert cut(text)[1] == ("CREATE TABLE u (id int)", 2)


def test_backticks_dollar_quotes_and_comments_hide_semicolons() -> None:
    text = (
        "CREATE TABLE `a;b` (x int);\n"
        "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;\n"
        '/* a; b */ CREATE TABLE c ("d;e" int); -- f; g\n'
        "CREATE TABLE w (v text DEFAULT E'\\\\');"
    )
    assert [line for _, line in cut(text)] == [1, 2, 3, 4]
    assert cut(text)[2][0] == 'CREATE TABLE c ("d;e" int)'


def test_a_backslash_is_no_psql_command_and_it_never_raises() -> None:
    assert cut("\\connect other\nCREATE TABLE t (a int);") == [
        ("\\connect other", 1),
        ("CREATE TABLE t (a int)", 2),
    ]
    for hostile in ["'", "/* never closed", "CREATE TABLE $$ weird", "`", ";;;", ""]:
        split_prose(hostile, restart)
