"""Moved to :mod:`schemawright.engines.splitter` (scripts split the way each engine's client splits
them); this module keeps the old import path working."""

from __future__ import annotations

from schemawright.engines.splitter import Dialect, Statement, split_statements

__all__ = ["Dialect", "Statement", "split_statements"]
