"""Statements that reach outside the scratch database, refused before they run.

Replay and verification run a project's existing migrations, which may come from a pull request, with
the connection's rights. A migration must only build schema inside the database it is given; these
statements act on the server, its files, its programs, its roles or other databases instead
(``COPY … TO PROGRAM`` ran a shell command as the database's OS user). :func:`reaches_outside` is the one
predicate: :meth:`ScratchDatabase.execute_script` checks every statement of a script with it before
running any, and the review reports the same statements as SW504.

It reads the statement, its dollar-quoted bodies (``DO $$ … $$``, function bodies: dynamic SQL runs
too) and its function calls; comments are ignored. It is a tripwire, not a sandbox: least privilege on
the server is what contains a determined author.
"""

from __future__ import annotations

import re

from schemawright.emit.sql.dialects import dialect_for

# Statement starts (after comments); each with the reason shown to the user.
_STATEMENT_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"COPY\b[^;]*?\b(?:TO|FROM)\s+PROGRAM\b", "COPY … PROGRAM runs a program on the database server"),
    (
        r"COPY\b[^;]*?\b(?:TO|FROM)\s+(?:E?'|\$)",
        "COPY to or from a file reads or writes the server's files",
    ),
    (r"ALTER\s+SYSTEM\b", "ALTER SYSTEM changes the server's configuration"),
    (
        r"(?:CREATE|ALTER|DROP|RENAME)\s+(?:ROLE|USER|GROUP)\b",
        "it creates or changes roles of the server",
    ),
    (r"(?:CREATE|ALTER|DROP)\s+DATABASE\b", "it creates, changes or drops a database"),
    (r"(?:CREATE|ALTER|DROP)\s+TABLESPACE\b", "a tablespace is a directory on the server"),
    (
        r"(?:CREATE|ALTER)\s+(?:SERVER|USER\s+MAPPING|FOREIGN\s+DATA\s+WRAPPER|SUBSCRIPTION)\b",
        "it connects to another server",
    ),
    (
        r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:TRUSTED\s+)?(?:PROCEDURAL\s+)?LANGUAGE\b",
        "it installs a language",
    ),
    (
        r"CREATE\s+EXTENSION\b[^;]*?\b(?:dblink|postgres_fdw|file_fdw|adminpack|pl\w+u|lo)\b",
        "the extension reaches other servers, the file system or untrusted code",
    ),
    (r"LOAD\b", "LOAD reads a library or a file on the server"),
    (r"ATTACH\b", "ATTACH opens another database file"),
    (r"VACUUM\b[^;]*\bINTO\b", "VACUUM INTO writes a file"),
    (r"USE\s+\w", "USE switches to another database"),
    (r"SET\s+(?:GLOBAL|PERSIST|PERSIST_ONLY|@@GLOBAL)\b", "it changes the server's global settings"),
    (r"(?:INSTALL|UNINSTALL)\s+(?:PLUGIN|SONAME|COMPONENT)\b", "it installs server plugins"),
    (r"(?:SHUTDOWN|KILL)\b", "it stops the server or other sessions"),
    (r"GRANT\b(?![^;]*\bON\b)", "GRANT of a role gives privileges beyond the database"),
    (
        r"GRANT\b[^;]*\bON\s+(?:\*\.\*|DATABASE\b|ALL\s+DATABASES?\b)",
        "GRANT on the whole server or a database reaches beyond the scratch schema",
    ),
    (
        r"GRANT\b[^;]*\b(?:FILE|SUPER|PROCESS|SHUTDOWN|RELOAD|CREATE\s+USER)\b[^;]*\bON\b",
        "GRANT of a server privilege",
    ),
    (r"GRANT\b[^;]*\bWITH\s+ADMIN\s+OPTION\b", "GRANT … WITH ADMIN OPTION"),
)
# All of them as one alternation, each its own group: matched at a position, the first alternative that
# matches there wins, so one call answers what trying them one by one in order did (21 calls per
# statement start, most of the review's time on a long history)
_STATEMENTS = re.compile(
    "|".join(f"(?P<s{i}>{pattern})" for i, (pattern, _) in enumerate(_STATEMENT_PATTERNS)), re.I | re.S
)
_ANYWHERE: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), reason)
    for pattern, reason in (
        (r"\bINTO\s+(?:OUTFILE|DUMPFILE)\b", "SELECT … INTO OUTFILE writes a file on the server"),
        (r"\bdblink\w*\s*\(", "dblink connects to another database"),
        (
            r"\b(?:pg_read_file|pg_read_binary_file|pg_ls_\w+|pg_stat_file|pg_file_\w+|pg_logdir_ls)\s*\(",
            "it reads the server's files",
        ),
        (
            r"\blo_(?:import|export|from_bytea|put)\s*\(",
            "lo_import / lo_export read and write the server's files",
        ),
        (
            r"\b(?:pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|pg_promote)\s*\(",
            "it acts on the server or other sessions",
        ),
        (
            r"\b(?:load_file|sys_exec|sys_eval|load_extension|readfile|writefile)\s*\(",
            "it reads files or loads code on the server",
        ),
        (
            r"\bLANGUAGE\s+['\"]?(?:c|internal|plpython\w*|plperlu|pltclu|plv8)\b['\"]?",
            "a function in an untrusted language runs arbitrary code on the server",
        ),
    )
)
# Any of them anywhere: one scan rules out most statements (the one that matches first, in order, is
# then looked for as before: the leftmost match of the alternation may be another's). The lookahead holds
# the first letters of their words (INTO, dblink, pg_, lo_, load_, sys_, readfile, writefile, LANGUAGE).
_ANY_OF_ANYWHERE = re.compile("(?=[idplsrw])(?:" + "|".join(p.pattern for p, _ in _ANYWHERE) + ")", re.I)
_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/|(?m:^\s*#[^\n]*)", re.S)
_DOLLAR = re.compile(r"\$(\w*)\$(.*?)\$\1\$", re.S)
# Where a statement can start inside a body: its beginning (after blanks), after ';', BEGIN, THEN, ELSE,
# LOOP, or as the string given to EXECUTE. The lookahead of their first characters lets the scan pass
# every other position at once (3.5x faster; the same positions).
_LEADING_BLANKS = re.compile(r"\s*")
_BODY_STARTS = re.compile(
    r"(?=[;btel])(?:;|\bBEGIN\b|\bTHEN\b|\bELSE\b|\bLOOP\b|\bEXECUTE\s+(?:format\s*\(\s*)?E?')\s*", re.I
)


def reaches_outside(statement: str, dialect: str = "postgresql") -> str | None:
    """Why ``statement`` acts outside its database (None when it does not)."""
    # (a comment needs one of its markers: most statements, which have none, skip the scan)
    text = (_COMMENT.sub(" ", statement) if _may_comment(statement) else statement).strip()
    if dialect_for(dialect).schema_is_database and re.match(r"(?:CREATE|DROP)\s+SCHEMA\b", text, re.I):
        return "in MySQL a schema is a database: it creates or drops a database"
    for candidate in [text, *(m.group(2) for m in _DOLLAR.finditer(text))]:
        for start in _starts(candidate):
            if (m := _STATEMENTS.match(candidate, start)) is not None:
                return _STATEMENT_PATTERNS[int(str(m.lastgroup)[1:])][1]
    if _ANY_OF_ANYWHERE.search(text) is None:
        return None
    for pattern, reason in _ANYWHERE:
        if pattern.search(text):
            return reason
    return None


def _may_comment(text: str) -> bool:
    return "--" in text or "/*" in text or "#" in text


# Each of _BODY_STARTS's alternatives holds one of these, in any case: ASCII text without any (most DDL)
# has no start but its first. (Only ASCII text: under re.I a few other characters match ASCII letters.)
_BODY_WORDS = ("BEGIN", "THEN", "ELSE", "LOOP", "EXECUTE")


def _starts(text: str) -> list[int]:
    begin = _LEADING_BLANKS.match(text)
    first = begin.end() if begin else 0
    if ";" not in text and text.isascii():
        upper = text.upper()
        if not any(word in upper for word in _BODY_WORDS):
            return [first]
    return sorted({first} | {m.end() for m in _BODY_STARTS.finditer(text)})
