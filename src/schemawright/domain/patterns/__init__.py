"""Prose patterns kept as data (``table.yaml``) and the engine that runs them over parsed clauses."""
