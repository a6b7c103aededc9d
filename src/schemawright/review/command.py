"""``schemawright review``: the command lives in :mod:`schemawright.commands.review` (with the other CLI
commands, so that registering it does not import this package and its engine at start-up)."""

from schemawright.commands.review import FAIL_ON, FORMATS, review

__all__ = ["FAIL_ON", "FORMATS", "review"]
