"""Errors raised while verifying migrations on real engines."""

from __future__ import annotations


class VerifyError(Exception):
    """Base class, so callers can catch every verification problem at once."""


class EngineUnavailable(VerifyError):
    """The engine cannot be reached or started; the message says how to make it available."""


class ServerUnusable(EngineUnavailable):
    """A configured server (a URL in the environment or passed in) cannot be parsed, reached,
    authenticated or used. Unlike a missing optional engine this is never a reason to skip: the run
    fails closed, and the message names the URL without its password."""


class MigrationError(VerifyError):
    """A statement of a migration script was rejected by the engine.

    Carries the offending statement (shortened), the engine's own message and the 1-based line
    of the script where the statement starts, so the user can go straight to it.
    """

    def __init__(self, statement_excerpt: str, engine_message: str, line: int) -> None:
        self.statement_excerpt = statement_excerpt
        self.engine_message = engine_message
        self.line = line
        super().__init__(f"line {line}: {engine_message} — in: {statement_excerpt}")


class RefusedStatement(MigrationError):
    """A statement that acts outside the scratch database (see :mod:`schemawright.verify.outside`),
    refused before any statement of its script ran."""


def excerpt(statement: str, limit: int = 120) -> str:
    """One-line, length-limited rendering of a statement for error messages."""
    flat = " ".join(statement.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
