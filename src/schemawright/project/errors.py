"""Errors about the user's project (its migrations folder), as opposed to errors in our own design."""

from __future__ import annotations


class ProjectError(Exception):
    """The project's existing migrations cannot be read or replayed; the message names the file and
    statement so the user can fix or exclude it."""
