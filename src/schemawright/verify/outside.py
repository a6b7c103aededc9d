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
_STATEMENTS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I | re.S), reason)
    for pattern, reason in (
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
_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/|(?m:^\s*#[^\n]*)", re.S)
_DOLLAR = re.compile(r"\$(\w*)\$(.*?)\$\1\$", re.S)
# Where a statement can start inside a body: its beginning, after ';', BEGIN, THEN, ELSE, LOOP, or as the
# string given to EXECUTE.
_BODY_STARTS = re.compile(
    r"(?:^|;|\bBEGIN\b|\bTHEN\b|\bELSE\b|\bLOOP\b|\bEXECUTE\s+(?:format\s*\(\s*)?E?')\s*", re.I
)


def reaches_outside(statement: str, dialect: str = "postgresql") -> str | None:
    """Why ``statement`` acts outside its database (None when it does not)."""
    text = _COMMENT.sub(" ", statement).strip()
    if dialect_for(dialect).schema_is_database and re.match(r"(?:CREATE|DROP)\s+SCHEMA\b", text, re.I):
        return "in MySQL a schema is a database: it creates or drops a database"
    for candidate in [text, *(m.group(2) for m in _DOLLAR.finditer(text))]:
        for start in _starts(candidate):
            for pattern, reason in _STATEMENTS:
                if pattern.match(candidate, start):
                    return reason
    for pattern, reason in _ANYWHERE:
        if pattern.search(text):
            return reason
    return None


def _starts(text: str) -> list[int]:
    return sorted({m.end() for m in _BODY_STARTS.finditer(text)})
